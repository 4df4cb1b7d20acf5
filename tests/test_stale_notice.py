"""A Korean page whose English source changed after it was translated tells its readers, in Korean, with the
date and a link to the English page (sitebuild/stale_notice.py, overrides/partials/stale-translation.html)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from sitebuild import translation_versions as versions
from tests.support.scratch_project import GOOD_EXAMPLE, make_project, scratch_build


def test_a_changed_english_page_puts_a_notice_on_its_korean_page_and_in_the_listing(tmp_path):
    pages = {
        "index.md": "# Home\n\nThe home page.\n",
        "index.ko.md": "# 홈\n\n첫 페이지입니다.\n",
        "loss.md": "# Loss\n\nThe loss.\n",
        "loss.ko.md": "# 손실\n\n손실입니다.\n",
    }
    examples = {"fine.py": GOOD_EXAMPLE, "fine.ko.md": "<!-- markdown cell 1 -->\n# 좋음\n"}
    project = make_project(tmp_path, pages, examples, languages=("en", "ko"))
    versions.main(["--root", str(project), "mark", "--all"])
    (project / "docs" / "loss.md").write_text("# Loss\n\nThe loss, explained again.\n", encoding="utf-8")

    assert [t.path.name for t in versions.stale_translations(project)] == ["loss.ko.md"]
    result = scratch_build(project)
    assert result.returncode == 0, result.stdout + result.stderr

    korean = BeautifulSoup((project / "site/ko/loss/index.html").read_text(encoding="utf-8"), "html.parser")
    notice = korean.select_one("article .stale-translation")
    assert notice is not None, "the stale Korean page shows no notice"
    day = versions.english_changed_on(project, project / "docs" / "loss.md")
    assert notice.get_text(" ", strip=True) == f"이 번역은 {day} 에 바뀐 영어 원문보다 오래되었습니다. 영어 원문 보기"
    assert notice.time["datetime"] == day
    link = notice.select_one("a[hreflang=en]")
    assert (project / "site/ko/loss" / link["href"]).resolve() == (project / "site/loss").resolve(), link["href"]
    # The notice comes before the page's own content.
    assert notice.find_next("h1").get_text().startswith("손실")

    for up_to_date in ("site/ko/index.html", "site/ko/examples/fine/index.html", "site/loss/index.html"):
        html = (project / up_to_date).read_text(encoding="utf-8")
        assert "stale-translation" not in html, up_to_date
