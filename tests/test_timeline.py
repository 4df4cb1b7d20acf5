"""sitebuild/timeline/: a bad docs/timeline.yml stops the build with file, line, entry and
problem; a good one becomes the timeline, the milestone headers and the references, in
the language of the build (English, or Korean from each milestone's `ko:`)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from sitebuild.site import site_languages
from sitebuild.timeline import markdown as timeline
from sitebuild.timeline.data import COMPONENTS, TimelineError, load_timeline
from sitebuild.timeline.render import components_table_header
from sitebuild.words import WORDS
from tests.support.built_html import parsed
from tests.support.scratch_project import GOOD_EXAMPLE, GOOD_PAGE, failed_build_output, make_project
from tests.support.site_build import DEFAULT_LANGUAGE, ROOT

DATA = ROOT / "docs" / "timeline.yml"
SHOWN = "docs/timeline.yml"

# Two good entries; each fault case below changes one thing.
GOOD_TIMELINE = """\
milestones:
  - name: Adam
    year: 2014
    components:
      optimization: adaptive step sizes
    summary: An optimizer that works with its defaults.
    page: adam.md
    example: examples/adam.py
    ko:
      summary: 기본값 그대로 잘 동작하는 옵티마이저입니다.
      components:
        optimization: 적응적인 스텝 크기
    papers:
      - key: kingma2015
        title: "Adam: A Method for Stochastic Optimization"
        authors: [Diederik P. Kingma, Jimmy Ba]
        venue: ICLR
        year: 2015
        arxiv: "1412.6980"
  - name: ResNet
    year: 2015
    components:
      model: residual connections
    summary: Skip connections make deep networks trainable.
    page: resnet.md
    example: examples/resnet.py
    ko:
      name: 잔차 신경망
      summary: 잔차 연결 덕분에 깊은 신경망도 학습됩니다.
      components:
        model: 잔차 연결
    papers:
      - key: he2016
        title: Deep Residual Learning for Image Recognition
        authors: [Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun]
        venue: CVPR
        year: 2016
        arxiv: "1512.03385"
"""
RESNET_ENTRY = GOOD_TIMELINE[GOOD_TIMELINE.index("  - name: ResNet") :]
ADAM_ENTRY = GOOD_TIMELINE[GOOD_TIMELINE.index("  - name: Adam") : GOOD_TIMELINE.index("  - name: ResNet")]


def write_project(root: Path, data: str) -> Path:
    """A docs/ with the two pages and an examples/ with the two scripts the data names."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "examples").mkdir(exist_ok=True)
    for name in ("adam", "resnet"):
        (root / "docs" / f"{name}.md").write_text(f"See [the example](examples/{name}.py).\n", encoding="utf-8")
        (root / "examples" / f"{name}.py").write_text(GOOD_EXAMPLE, encoding="utf-8")
    (root / "docs" / "timeline.yml").write_text(data, encoding="utf-8")
    return root / "docs" / "timeline.yml"


def load(root: Path, data: str):
    path = write_project(root, data)
    return load_timeline(path, root / "docs", root, SHOWN)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    start += len(needle) - len(needle.lstrip("\n"))  # a needle may start at the end of the line before
    return text.count("\n", 0, start) + 1


def test_good_timeline_loads(tmp_path):
    milestones = load(tmp_path, GOOD_TIMELINE)
    assert [(m.name, m.year, m.line) for m in milestones] == [("Adam", 2014, 2), ("ResNet", 2015, 20)]
    assert milestones[0].papers[0].citation(WORDS["en"]) == "Kingma and Ba, 2015"
    assert milestones[1].papers[0].citation(WORDS["en"]) == "He et al., 2016"
    assert milestones[0].papers[0].arxiv_date == (2014, 12)


def test_good_timeline_has_its_korean_words(tmp_path):
    adam, resnet = load(tmp_path, GOOD_TIMELINE)
    korean_adam, korean_resnet = adam.in_language("ko"), resnet.in_language("ko")
    assert korean_adam.name == "Adam", "without a Korean name the English one is used"
    assert korean_adam.summary == "기본값 그대로 잘 동작하는 옵티마이저입니다."
    assert korean_adam.components == {"optimization": "적응적인 스텝 크기"}
    assert (korean_resnet.name, korean_resnet.components) == ("잔차 신경망", {"model": "잔차 연결"})
    assert korean_resnet.papers == resnet.papers, "titles and authors are not translated"
    assert adam.in_language("en") is adam
    assert adam.papers[0].citation(WORDS["ko"]) == "Kingma & Ba, 2015"
    assert resnet.papers[0].citation(WORDS["ko"]) == "He 외, 2016"


# (case, change to the good file, where the error must point, entry, what it must say)
FAULTS = [
    (
        "missing field",
        ("    summary: Skip connections make deep networks trainable.\n", ""),
        ("  - name: ResNet", 1),
        "milestone 'ResNet'",
        "this milestone has no 'summary'",
    ),
    (
        "unknown component",
        ("      model: residual", "      architecture: residual"),
        ("architecture:", 1),
        "milestone 'ResNet'",
        "unknown component 'architecture'; use data, model, loss, optimization",
    ),
    (
        "year before 2012",
        ("    year: 2014", "    year: 2011"),
        ("year: 2011", 1),
        "milestone 'Adam'",
        "year 2011 is outside 2012–2020",
    ),
    (
        "year after 2020",
        ("\n    year: 2015\n", "\n    year: 2021\n"),
        ("year: 2021", 1),
        "milestone 'ResNet'",
        "year 2021 is outside 2012–2020",
    ),
    (
        "year not a number",
        ("\n    year: 2015\n", "\n    year: twenty-fifteen\n"),
        ("year: twenty", 1),
        "milestone 'ResNet'",
        "must be a year",
    ),
    (
        "year disagrees with the paper",
        ("\n    year: 2015\n", "\n    year: 2016\n"),
        ("\n    year: 2016\n", 1),
        "milestone 'ResNet'",
        "year 2016, but its earliest paper, he2016, appeared in 2015 (arXiv 1512.03385)",
    ),
    (
        "duplicate name",
        ("  - name: ResNet", "  - name: Adam"),
        ("  - name: Adam", 2),
        "milestone 'Adam'",
        "duplicate name 'Adam': milestone 'Adam' (line 2)",
    ),
    (
        "duplicate paper key",
        ("key: he2016", "key: kingma2015"),
        ("  - name: ResNet", 1),
        "milestone 'ResNet'",
        "duplicate paper key 'kingma2015'",
    ),
    (
        "unknown page",
        ("page: resnet.md", "page: resnets.md"),
        ("page: resnets.md", 1),
        "milestone 'ResNet'",
        "page 'resnets.md' is not a Markdown page in docs/",
    ),
    (
        "unknown example",
        ("example: examples/resnet.py", "example: examples/resnets.py"),
        ("example: examples/resnets.py", 1),
        "milestone 'ResNet'",
        "example 'examples/resnets.py' is not a script",
    ),
    (
        "misspelt field",
        ("    summary: Skip", "    sumary: Skip"),
        ("sumary:", 1),
        "milestone 'ResNet'",
        "unknown field 'sumary'",
    ),
    (
        "field given twice",
        ("\n    year: 2015\n", "\n    year: 2015\n    year: 2015\n"),
        ("\n    year: 2015\n", 2),
        "milestone 'ResNet'",
        "field 'year' is given twice",
    ),
    (
        "arXiv id read as a number",
        ('arxiv: "1512.03385"', "arxiv: 1512.03385"),
        ("arxiv: 1512", 1),
        "milestone 'ResNet'",
        "in quotes",
    ),
    (
        "paper without a link",
        ('        arxiv: "1512.03385"\n', ""),
        ("      - key: he2016", 1),
        "milestone 'ResNet'",
        "needs exactly one of 'arxiv' (an id) or 'url'",
    ),
    (
        "entries out of order",
        (ADAM_ENTRY + RESNET_ENTRY, RESNET_ENTRY + ADAM_ENTRY),
        ("  - name: Adam", 1),
        "milestone 'Adam'",
        "year 2014 comes after ResNet (2015)",
    ),
    ("not YAML", ("\n    year: 2015\n", "\n   year: 2015\n"), ("\n   year: 2015\n", 1), None, "not valid YAML"),
    # The Korean words, checked like the English ones.
    (
        "no Korean",
        (
            "    ko:\n      name: 잔차 신경망\n      summary: 잔차 연결 덕분에 깊은 신경망도 학습됩니다.\n"
            "      components:\n        model: 잔차 연결\n",
            "",
        ),
        ("  - name: ResNet", 1),
        "milestone 'ResNet'",
        "this milestone has no 'ko': give its Korean summary and components",
    ),
    (
        "misspelt language",
        ("    ko:\n      name: 잔차", "    kr:\n      name: 잔차"),
        ("    kr:", 1),
        "milestone 'ResNet'",
        "unknown field 'kr' in this milestone",
    ),
    (
        "Korean is not a mapping",
        ("    ko:\n      summary: 기본값", "    ko: 기본값\n    kr:\n      summary: 기본값"),
        ("    ko: 기본값", 1),
        "milestone 'Adam'",
        "'ko' must be a mapping with summary, components",
    ),
    (
        "no Korean summary",
        ("      summary: 잔차 연결 덕분에 깊은 신경망도 학습됩니다.\n", ""),
        ("    ko:", 2),
        "milestone 'ResNet'",
        "its 'ko' translation has no 'summary'",
    ),
    (
        "misspelt Korean field",
        ("      summary: 잔차 연결", "      sumary: 잔차 연결"),
        ("      sumary:", 1),
        "milestone 'ResNet'",
        "unknown field 'sumary' in its 'ko' translation",
    ),
    (
        "Korean summary left in English",
        ("      summary: 기본값 그대로 잘 동작하는 옵티마이저입니다.", "      summary: An optimizer that works."),
        ("      summary: An optimizer that works.", 1),
        "milestone 'Adam'",
        "ko: summary has no Korean (Hangul) in it: 'An optimizer that works.'; translate it",
    ),
    (
        "Korean summary empty",
        ("      summary: 기본값 그대로 잘 동작하는 옵티마이저입니다.", "      summary:"),
        ("      summary:\n", 1),
        "milestone 'Adam'",
        "'ko: summary' must be non-empty text",
    ),
    (
        "Korean component missing",
        ("        model: 잔차 연결\n", "        data: 잔차 연결\n"),
        ("      components:", 2),
        "milestone 'ResNet'",
        "ko: components has no 'model'; translate 'components: model' here too",
    ),
    (
        "Korean component the English lacks",
        ("        model: 잔차 연결\n", "        model: 잔차 연결\n        loss: 손실\n"),
        ("        loss: 손실", 1),
        "milestone 'ResNet'",
        "ko: component 'loss' is not one this milestone changed (model)",
    ),
    (
        "misspelt Korean component",
        ("        model: 잔차 연결\n", "        modle: 잔차 연결\n"),
        ("        modle:", 1),
        "milestone 'ResNet'",
        "ko: unknown component 'modle'; use data, model, loss, optimization",
    ),
    (
        "Korean component left in English",
        ("        optimization: 적응적인 스텝 크기", "        optimization: adaptive step sizes"),
        ("        optimization: adaptive", 1),
        "milestone 'Adam'",
        "ko: components: optimization has no Korean (Hangul) in it",
    ),
    (
        "Korean name copied from English",
        ("      name: 잔차 신경망", "      name: ResNet"),
        ("      name: ResNet", 1),
        "milestone 'ResNet'",
        "ko: name is the English name; leave it out",
    ),
    (
        "Korean field given twice",
        ("      name: 잔차 신경망\n", "      name: 잔차 신경망\n      name: 잔차 신경망\n"),
        ("      name: 잔차 신경망", 2),
        "milestone 'ResNet'",
        "field 'name' is given twice",
    ),
]


@pytest.mark.parametrize(
    "change, where, entry, problem", [case[1:] for case in FAULTS], ids=[case[0] for case in FAULTS]
)
def test_bad_entry_is_reported_with_file_line_entry_and_problem(tmp_path, change, where, entry, problem):
    old, new = change
    assert old in GOOD_TIMELINE, "the fault case no longer matches the good file"
    data = GOOD_TIMELINE.replace(old, new, 1)
    with pytest.raises(TimelineError) as caught:
        load(tmp_path, data)
    line = line_of(data, *where)
    messages = str(caught.value).splitlines()
    expected_start = f"{SHOWN}:{line}: " + (f"{entry}: " if entry else "")
    assert any(m.startswith(expected_start) and problem in m for m in messages), (
        f"expected a message starting {expected_start!r} containing {problem!r}, got:\n" + "\n".join(messages)
    )


def test_bad_entry_stops_a_real_build(tmp_path):
    data = GOOD_TIMELINE.replace("    year: 2014", "    year: 2011")
    project = make_project(
        tmp_path,
        {
            "index.md": GOOD_PAGE,
            "timeline.yml": data,
            "adam.md": "See [the example](examples/adam.py).\n",
            "resnet.md": "See [the example](examples/resnet.py).\n",
        },
        {"adam.py": GOOD_EXAMPLE, "resnet.py": GOOD_EXAMPLE},
    )
    output = failed_build_output(project)
    assert "docs/timeline.yml:3: milestone 'Adam': year 2011 is outside 2012–2020" in output, output


# ------------------------------------------------------------- page-level checks


class TranslatedFiles(Files):
    """What mkdocs-static-i18n's build of a language gives the hooks: a link to `x.md` finds `x.ko.md`."""

    def __init__(self, files, language):
        super().__init__(files)
        self.language = language

    def get_file_from_path(self, path):
        stem, suffix = posixpath.splitext(path)
        return super().get_file_from_path(f"{stem}.{self.language}{suffix}") or super().get_file_from_path(path)


PAGES = ("index.md", "adam.md", "resnet.md", "references.md")


def run_page(
    tmp_path: Path, src_uri: str, markdown: str, data: str = GOOD_TIMELINE, language: str = "en", untranslated=()
) -> str:
    """Run the hook's page step on one page of a throwaway project, as MkDocs would, in the build
    of `language`; for Korean, as mkdocs-static-i18n's build: docs/x.ko.md is served at ko/x/.
    `untranslated`: pages that build lacks (the plugin drops a page with no translation)."""
    write_project(tmp_path, data)
    (tmp_path / "docs" / "references.md").write_text("# References\n", encoding="utf-8")
    config = {
        "docs_dir": str(tmp_path / "docs"),
        "config_file_path": str(tmp_path / "mkdocs.yml"),
        "theme": {"language": language},
    }
    timeline.load(config)

    def file(path, root, dest_uri=None):
        return File(path, str(root), str(tmp_path / "site"), True, dest_uri=dest_uri)

    if language == "en":
        pages = [file(p, tmp_path / "docs") for p in PAGES]
        files = Files(pages + [file(f"examples/{n}.py", tmp_path) for n in ("adam", "resnet")])
    else:
        pages = []
        for english in (p for p in PAGES if p not in untranslated):
            stem = english.removesuffix(".md")
            page = file(f"{stem}.{language}.md", tmp_path / "docs", f"{language}/{stem}/index.html")
            if stem == "index":
                page = file(f"index.{language}.md", tmp_path / "docs", f"{language}/index.html")
            page.norm_src_uri = english
            pages.append(page)
        examples = [
            file(f"examples/{n}.py", tmp_path, f"{language}/examples/{n}/index.html") for n in ("adam", "resnet")
        ]
        files = TranslatedFiles(pages + examples, language)
    page = SimpleNamespace(file=files.get_file_from_path(src_uri))
    return timeline.expand(markdown, page, config, files)


def test_citation_becomes_a_link_to_the_reference(tmp_path):
    out = run_page(tmp_path, "index.md", "Adam [cite:kingma2015] and ResNet [cite:he2016, Table 3].\n")
    assert "([Kingma and Ba, 2015](references.md#kingma2015))" in out
    assert "([He et al., 2016](references.md#he2016), Table 3)" in out


def test_unknown_citation_names_the_page_and_line(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "index.md", "# Home\n\nAs shown [cite:nobody2020].\n")
    assert str(caught.value).startswith("docs/index.md:3: [cite:nobody2020] names no paper"), caught.value


def test_milestone_page_gets_title_and_header_from_the_data(tmp_path):
    out = run_page(tmp_path, "resnet.md", "## The problem\n\nSee [the example](examples/resnet.py).\n")
    assert out.startswith("# ResNet\n")
    header = BeautifulSoup(out.split("\n\n")[1], "html.parser")
    assert header.select_one("dl.milestone-facts time")["datetime"] == "2015"
    assert header.select_one('a[href="https://arxiv.org/abs/1512.03385"]').get_text() == (
        "Deep Residual Learning for Image Recognition"
    )
    assert header.select_one(".timeline__component--model")
    assert header.select_one('a[href^="../examples/resnet"]')


def test_milestone_page_with_its_own_title_is_rejected(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "resnet.md", "\n# Residual networks\n\nSee [the example](examples/resnet.py).\n")
    assert str(caught.value).startswith("docs/resnet.md:2: a milestone page takes its title"), caught.value


def test_milestone_page_must_link_its_example(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "resnet.md", "## The problem\n\nNo example here.\n")
    assert "never links to its example" in str(caught.value) and "(examples/resnet.py)" in str(caught.value)


def test_korean_citation_is_in_korean_and_links_to_the_korean_references(tmp_path):
    out = run_page(tmp_path, "index.md", "Adam [cite:kingma2015], ResNet [cite:he2016, 표 3].\n", language="ko")
    # The link names the English path, as in English: the Korean build resolves it to references.ko.md.
    assert "([Kingma & Ba, 2015](references.md#kingma2015))" in out
    assert "([He 외, 2016](references.md#he2016), 표 3)" in out


def test_korean_milestone_page_gets_korean_title_and_header(tmp_path):
    out = run_page(tmp_path, "resnet.md", "## 문제\n\n[예제](examples/resnet.py)를 보세요.\n", language="ko")
    assert out.startswith("# 잔차 신경망\n")
    header = BeautifulSoup(out.split("\n\n")[1], "html.parser")
    facts = header.select_one("dl.milestone-facts")
    assert [dt.get_text() for dt in facts.find_all("dt")] == ["연도", "논문", "바꾼 요소", "예제"]
    assert facts.find("time")["datetime"] == "2015"
    assert "(arXiv:1512.03385, 2015년 12월)" in facts.get_text()
    assert facts.select_one(".timeline__component--model").get_text() == "모델"
    assert "잔차 연결" in facts.get_text()
    title = facts.select_one('a[href="https://arxiv.org/abs/1512.03385"] cite')
    assert (title.get_text(), title["lang"]) == ("Deep Residual Learning for Image Recognition", "en")
    # Relative links between pages of the Korean build: ko/resnet/ -> ko/examples/resnet/, ko/.
    assert facts.select_one("a code").parent["href"] == "../examples/resnet/"
    back = header.select_one(".milestone-facts__back a")
    assert (back.get_text(), back["href"]) == ("2012–2020년 이정표 전체 보기", "../")


def test_korean_timeline_table_and_references(tmp_path):
    page = "<!-- timeline -->\n\n<!-- timeline-components -->\n\n<!-- references -->\n"
    out = run_page(tmp_path, "index.md", page, language="ko")
    soup = BeautifulSoup(out, "html.parser")
    entries = soup.select("ol.timeline > li")
    assert [e.select_one(".timeline__name a").get_text() for e in entries] == ["Adam", "잔차 신경망"]
    assert [e.select_one(".timeline__name a")["href"] for e in entries] == ["adam/", "resnet/"]
    assert entries[0].select_one(".timeline__summary").get_text() == "기본값 그대로 잘 동작하는 옵티마이저입니다."
    assert entries[0].select_one(".timeline__paper").get_text() == (
        "Adam: A Method for Stochastic Optimization · Kingma & Ba, ICLR 2015"
    )
    assert entries[1].select_one("ul.timeline__components")["aria-label"] == "바꾼 구성 요소"
    assert [li.get_text() for li in entries[1].select(".timeline__component")] == ["모델"]
    table = soup.select_one(".components-table table")
    assert [th.get_text() for th in table.select("thead th")] == ["이정표", "연도", "데이터", "모델", "손실", "최적화"]
    assert [td["data-label"] for td in table.select("tbody tr")[0].find_all("td")] == [
        "연도",
        "데이터",
        "모델",
        "손실",
        "최적화",
    ]
    assert "## 2014: Adam\n" in out and "## 2015: 잔차 신경망\n" in out
    assert "[잔차 신경망](resnet.md) 페이지에서 다룹니다.\n" in out
    assert "arXiv:1512.03385</a> (2015년 12월)" in out


# Words that come from the data, not from the hook: names, titles, venues, file names.
DATA_WORDS = re.compile(
    r"Adam: A Method for Stochastic Optimization|Deep Residual Learning for Image Recognition|"
    r"Diederik P\. Kingma|Jimmy Ba|Kaiming He|Xiangyu Zhang|Shaoqing Ren|Jian Sun|Kingma|He|Ba|"
    r"ICLR|CVPR|Adam|ResNet|arXiv|[\w/]*resnet\.py|adam\.py|kingma2015|he2016|https://\S+|[\w./-]+\.md|"
    r"An optimizer that works with its defaults\.|Skip connections make deep networks trainable\.|"
    r"adaptive step sizes|residual connections|timeline\w*|components-table|references-list|milestone-facts\w*"
)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_generated_word_is_in_the_page_language(tmp_path, language):
    """With the data's own words taken out, what is left is the hook's, and in the build's language."""
    page = "<!-- timeline -->\n\n<!-- timeline-components -->\n\n<!-- references -->\n[cite:he2016]\n"
    generated = run_page(tmp_path, "index.md", page, language=language)
    generated += run_page(tmp_path, "resnet.md", "[x](examples/resnet.py)\n", language=language)
    soup = BeautifulSoup(generated, "html.parser")
    text = soup.get_text(" ") + " ".join(
        str(value)
        for tag in soup.find_all(True)
        for name, value in tag.attrs.items()
        if name in ("aria-label", "data-label")
    )
    text = DATA_WORDS.sub(" ", text)
    latin_words = re.findall(r"[A-Za-z]{2,}", text)
    hangul = re.findall(r"[\uac00-\ud7a3]+", text)
    if language == "en":
        assert not hangul, hangul
        assert {"Year", "Paper", "Changed", "Example", "Milestone", "Discussed", "et", "al"} <= set(latin_words)
    else:
        assert not latin_words, f"English left on a Korean page: {latin_words}"
        assert {"연도", "논문", "예제", "이정표", "페이지에서", "외"} <= set(hangul)


def test_korean_page_problems_name_the_korean_file(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "resnet.md", "\n# 잔차 신경망\n\n[예제](examples/resnet.py)\n", language="ko")
    assert str(caught.value).startswith("docs/resnet.ko.md:2: a milestone page takes its title"), caught.value
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "resnet.md", "## 문제\n\n예제 링크가 없습니다.\n", language="ko")
    assert str(caught.value).startswith("docs/resnet.ko.md:1: the page never links to its example"), caught.value
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "index.md", "# 홈\n\n[cite:nobody2020]\n", language="ko")
    assert str(caught.value).startswith("docs/index.ko.md:3: [cite:nobody2020] names no paper"), caught.value


def test_a_milestone_page_missing_from_the_korean_build_is_named(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "index.md", "# 연표\n\n<!-- timeline -->\n", language="ko", untranslated=("adam.md",))
    assert str(caught.value).startswith(
        "docs/index.ko.md:1: the generated content links to adam.md, which the Korean build has no page for "
        "(its translation is adam.ko.md)"
    ), caught.value


def test_a_language_without_words_is_reported(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "index.md", "# Home\n", language="ja")
    assert "no words for the site language 'ja'" in str(caught.value) and "WORDS" in str(caught.value)


def test_marker_without_data_file_is_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    config = {"docs_dir": str(tmp_path / "docs"), "config_file_path": str(tmp_path / "mkdocs.yml")}
    timeline.load(config)
    page = SimpleNamespace(file=File("index.md", str(tmp_path / "docs"), str(tmp_path / "site"), True))
    with pytest.raises(PluginError) as caught:
        timeline.expand("# Home\n\n<!-- timeline -->\n", page, config, Files([page.file]))
    assert str(caught.value).startswith("docs/index.md:3: <!-- timeline --> needs docs/timeline.yml")


# ----------------------------------------------------- the real data, the real site


@pytest.fixture(scope="module")
def milestones():
    return load_timeline(DATA, ROOT / "docs", ROOT, SHOWN)


def test_real_data_covers_the_ten_milestones(milestones):
    assert len(milestones) == 10
    assert all(2012 <= m.year <= 2020 for m in milestones)


def test_real_data_has_korean_for_every_milestone(milestones):
    for milestone in milestones:
        korean = milestone.in_language("ko")
        assert korean.summary != milestone.summary and korean.components.keys() == milestone.components.keys()


def soup_of(site: Path, url_path: str) -> BeautifulSoup:
    return parsed(site / url_path / "index.html")


def built_target(site: Path, page_dir: str, href: str) -> Path:
    """The file a relative link on the page in `page_dir` leads to."""
    target = posixpath.normpath(posixpath.join(page_dir, href.split("#")[0]))
    path = site / target
    return path / "index.html" if href.split("#")[0].endswith("/") or path.is_dir() else path


# Each language's pages: English at the site's root, the others under their code (ko/).
LANGUAGES = site_languages(ROOT)
ROOT_OF = {language: "" if language == DEFAULT_LANGUAGE else f"{language}/" for language in LANGUAGES}
# The component table's heading id in each language: pages link to it (components/index.*.md).
COMPONENT_TABLE_ID = {"en": "which-component-each-milestone-changed", "ko": "각-이정표가-바꾼-구성-요소"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_timeline_is_an_ordered_list_of_dated_linked_entries(built_site, milestones, language):
    words, root = WORDS[language], ROOT_OF[language]
    milestones = [m.in_language(language) for m in milestones]
    soup = soup_of(built_site, root + "history")
    timeline_list = soup.select_one("ol.timeline")
    entries = timeline_list.find_all("li", class_="timeline__entry", recursive=False)
    assert [e.select_one(".timeline__name").get_text() for e in entries] == [m.name for m in milestones]
    for entry, milestone in zip(entries, milestones):
        years = [int(t["datetime"]) for t in entry.find_all("time")]
        assert years == [y for y in (milestone.year, milestone.end_year) if y]
        links = entry.find_all("a")
        assert len(links) == 1, "one link per entry: one tab stop, one target"
        page = built_target(built_site, root + "history", links[0]["href"])
        assert page.is_file(), f"{milestone.name}: {links[0]['href']} leads nowhere"
        assert page.relative_to(built_site).as_posix().startswith(root), "the link stays in the page's language"
        target = soup_of(built_site, page.parent.relative_to(built_site).as_posix())
        assert target.h1.get_text(strip=True).startswith(milestone.name)
        badges = [li.get_text() for li in entry.select(".timeline__component")]
        assert badges == [words.component_names[c] for c in milestone.components]
    assert not timeline_list.find("script") and not any(
        attr.startswith("on") for tag in timeline_list.find_all(True) for attr in tag.attrs
    ), "the timeline works without JavaScript"


def test_timeline_stylesheet_is_on_the_page(built_site):
    # Each page carries inline the rules it can use (sitebuild/page_styles.py), timeline.css's among them.
    soup = soup_of(built_site, "history")
    inline = "".join(style.get_text() for style in soup.find_all("style"))
    assert ".timeline__entry" in inline and ".timeline__card" in inline, "timeline.css's rules are not on the page"
    assert (built_site / "stylesheets" / "timeline.css").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_component_table_has_its_anchor_and_one_row_per_milestone(built_site, milestones, language):
    root = ROOT_OF[language]
    milestones = [m.in_language(language) for m in milestones]
    soup = soup_of(built_site, root + "history")
    heading = soup.find(id=COMPONENT_TABLE_ID[language])
    assert heading is not None, "the component table's anchor is gone; other pages link to it"
    table = heading.find_next("table")
    header = [th.get_text() for th in table.select("thead th")]
    assert header == components_table_header(WORDS[language])
    rows = table.select("tbody tr")
    assert len(rows) == len(milestones)
    for row, milestone in zip(rows, milestones):
        assert row.th.get_text(strip=True) == milestone.name
        assert built_target(built_site, root + "history", row.th.a["href"]).is_file()
        cells = row.find_all("td")
        assert [td["data-label"] for td in cells] == header[1:], "phones show these labels"
        assert {c for c, td in zip(COMPONENTS, cells[1:]) if td.get_text(strip=True)} == set(milestone.components)
        assert [td.get_text() for td in cells[1:] if td.get_text()] == list(milestone.components.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_milestone_page_has_its_header(built_site, milestones, language):
    words, root = WORDS[language], ROOT_OF[language]
    labels = [words.year, words.paper, words.also, words.changed, words.example]
    for milestone in (m.in_language(language) for m in milestones):
        url = root + milestone.page.removesuffix(".md")
        soup = soup_of(built_site, url)
        assert soup.h1.get_text(strip=True).startswith(milestone.name)
        facts = soup.select_one("dl.milestone-facts")
        assert [dt.get_text() for dt in facts.find_all("dt")] == [
            label for label in labels if label != words.also or len(milestone.papers) > 1
        ]
        assert facts.find("time")["datetime"] == str(milestone.year)
        assert facts.find("a", href=milestone.papers[0].link), f"{milestone.name}: paper link missing"
        assert ".." not in facts.get_text(), f"{milestone.name}: a doubled full stop in the header"
        example = facts.find("a", href=re.compile(r"examples/"))
        target = built_target(built_site, url, example["href"])
        assert target.is_file(), f"{milestone.name}: example link broken"
        assert target.relative_to(built_site).as_posix().startswith(root + "examples/"), "the example in this language"
        back = soup.select_one(".milestone-facts__back a")
        assert built_target(built_site, url, back["href"]) == built_site / root / "history" / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_references_list_every_paper_and_citations_reach_them(built_site, milestones, language):
    root = ROOT_OF[language]
    references = soup_of(built_site, root + "references")
    keys = [p.key for m in milestones for p in m.papers]
    assert [li["id"] for li in references.select("ul.references-list > li")] == keys
    other_roots = [r for r in ROOT_OF.values() if r and r != root]
    cited = 0
    for html in (built_site / root).rglob("*.html"):
        page_dir = html.parent.relative_to(built_site).as_posix()
        if any(f"{page_dir}/".startswith(other) for other in other_roots):
            continue  # another language's page
        for link in parsed(html).select('a[href*="references/#"]'):
            target = built_target(built_site, page_dir, link["href"])
            assert target == built_site / root / "references" / "index.html", f"{html}: {link['href']}"
            assert link["href"].split("#")[1] in keys
            cited += 1
    assert cited >= len(milestones), "the milestone pages should cite their papers"


def test_each_correction_of_the_notes_gives_its_source(built_site):
    soup = soup_of(built_site, "notes-on-the-lecture")
    sections = soup.select("article h2")
    assert len(sections) >= 4, "the four corrections FACTS.md lists, at least"
    for heading in sections:
        links = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            links += [a["href"] for a in sibling.find_all("a", href=True)]
        assert any("references/#" in href or "loss/" in href for href in links), (
            f"the correction '{heading.get_text(strip=True)}' cites no source"
        )


def test_home_page_corrections_link_to_the_notes(built_site):
    soup = parsed(built_site / "index.html")
    corrections = soup.find(id="corrections")
    following = corrections.find_next_siblings()
    assert any(a["href"].startswith("notes-on-the-lecture/") for tag in following for a in tag.find_all("a", href=True))


# Locators in the page's language, from the one table in sitebuild/words.py.


@pytest.mark.parametrize(
    ("english", "korean"),
    [
        ("Section 4.1", "4.1절"),
        ("Table 2.1", "표 2.1"),
        ("Figure 2", "그림 2"),
        ("Algorithm 1", "알고리즘 1"),
        ("Appendix A", "부록 A"),
        ("p. 7", "7쪽"),
        ("Section 1 and Figure 1", "1절 및 그림 1"),
        ("Figure 2, Table 3 and Section 4", "그림 2, 표 3 및 4절"),
    ],
)
def test_korean_page_writes_the_locator_in_korean(tmp_path, english, korean):
    out = run_page(tmp_path, "index.md", f"ResNet [cite:he2016, {english}].\n", language="ko")
    assert f"([He 외, 2016](references.md#he2016), {korean})" in out, out
    out = run_page(tmp_path, "index.md", f"ResNet [cite:he2016, {english}].\n")
    assert f"([He et al., 2016](references.md#he2016), {english})" in out, out


def test_a_locator_the_table_cannot_write_names_the_page_line_and_table(tmp_path):
    with pytest.raises(PluginError) as caught:
        run_page(tmp_path, "index.md", "# 홈\n\nResNet [cite:he2016, Lemma 2].\n", language="ko")
    message = str(caught.value)
    assert message.startswith("docs/index.ko.md:3: [cite:he2016, Lemma 2]: cannot write the locator"), message
    assert "sitebuild/words.py" in message
