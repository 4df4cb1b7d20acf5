"""The glossary: its data is checked, its page is generated, Korean pages mark terms, and no Korean text
uses a rendering the glossary says to avoid (sitebuild/glossary/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sitebuild.glossary.data import GlossaryError, load_glossary
from sitebuild.glossary.page import initial, render_glossary
from sitebuild.glossary.terms import mark_terms
from sitebuild.words import WORDS
from tests.support.built_html import parsed
from tests.support.scratch_project import GOOD_EXAMPLE, failed_build_output, make_project
from tests.support.site_build import ROOT

GLOSSARY = ROOT / "docs" / "glossary.yml"
TERMS = load_glossary(GLOSSARY, "docs/glossary.yml")
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


# ------------------------------------------------------------------ no rendering to avoid


def _korean_lines(root: Path):
    """(file, line number, text) of every Korean text a reader sees: pages, example prose, the
    timeline's `ko:` entries, the Korean navigation labels and the Korean diagrams."""
    for path in sorted([*(root / "docs").rglob("*.ko.md"), *(root / "examples").glob("*.ko.md")]):
        in_fence = False
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence:
                yield path, number, INLINE_CODE.sub("", line)
    for path in sorted((root / "docs" / "assets" / "diagrams").glob("*.ko.svg")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            yield path, number, line
    timeline = root / "docs" / "timeline.yml"
    if timeline.is_file():
        for node in _nodes_under(yaml.compose(timeline.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), "ko"):
            yield timeline, node.start_mark.line + 1, node.value
    config = root / "mkdocs.yml"
    if config.is_file():  # mkdocs.yml has !ENV and python tags: compose reads nodes without constructing them
        for node in _nodes_under(yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), "ko"):
            yield config, node.start_mark.line + 1, node.value


def _nodes_under(node, language: str, inside: bool = False):
    """Scalar values inside a `ko:` mapping (timeline entries) or a `locale: ko` language (nav labels)."""
    if isinstance(node, yaml.MappingNode):
        pairs = {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        here = inside or (isinstance(pairs.get("locale"), yaml.ScalarNode) and pairs["locale"].value == language)
        for key, value in node.value:
            yield from _nodes_under(value, language, here or key.value == language)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes_under(item, language, inside)
    elif isinstance(node, yaml.ScalarNode) and inside:
        yield node


def avoided_renderings(root: Path, terms=TERMS) -> list[str]:
    found = []
    for path, number, text in _korean_lines(root):
        for term in terms:
            for avoided in term.avoid:
                if avoided in text:
                    found.append(
                        f"{path.relative_to(root).as_posix()}:{number}: '{avoided}' is a rendering of "
                        f"'{term.en}' to avoid; write '{term.ko}' (docs/glossary.yml:{term.line})."
                    )
    return found


def test_no_korean_text_uses_a_rendering_to_avoid():
    found = avoided_renderings(ROOT)
    assert not found, "\n".join(found)


def test_the_checker_finds_a_planted_rendering_in_each_kind_of_file(tmp_path):
    (tmp_path / "docs" / "assets" / "diagrams").mkdir(parents=True)
    (tmp_path / "examples").mkdir()
    (tmp_path / "docs" / "loss.ko.md").write_text("# 손실\n\n```python\n목표값 = 1\n```\n\n목표값과 비교합니다.\n")
    (tmp_path / "examples" / "x.ko.md").write_text("<!-- markdown cell 1 -->\n# 예제\n\n한 걸음씩 갑니다.\n")
    (tmp_path / "docs" / "assets" / "diagrams" / "loop.ko.svg").write_text("<svg>\n<text>네트워크</text>\n</svg>\n")
    (tmp_path / "docs" / "timeline.yml").write_text(
        "milestones:\n  - name: ResNet\n    summary: Residual connections.\n    ko:\n      summary: 마일스톤입니다.\n"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "plugins:\n  - i18n:\n      languages:\n        - locale: en\n        - locale: ko\n"
        "          nav_translations:\n            Key components: 핵심 구성 요소\n"
    )
    found = avoided_renderings(tmp_path)
    expected = [
        ("docs/loss.ko.md:7:", "'목표값'", "'타깃'"),
        ("examples/x.ko.md:4:", "'걸음'", "'스텝'"),
        ("docs/assets/diagrams/loop.ko.svg:2:", "'네트워크'", "'신경망'"),
        ("docs/timeline.yml:5:", "'마일스톤'", "'이정표'"),
        ("mkdocs.yml:7:", "'핵심 구성 요소'", "'핵심 요소'"),
    ]
    assert len(found) == len(expected), "\n".join(found)  # not the 목표값 inside the code fence
    for message, (where, avoided, preferred) in zip(found, expected, strict=True):
        assert message.startswith(where) and avoided in message and f"write {preferred}" in message, message


# ------------------------------------------------------------------------- the data


def test_the_glossary_has_its_terms():
    assert len(TERMS) >= 60 and {"cross-entropy", "target", "step size"} <= {t.en for t in TERMS}


GOOD_ENTRY = (
    "- en: target\n  ko: 타깃\n  avoid: [목표값]\n  definition:\n"
    '    en: "What the model should output."\n    ko: "모델이 내놓아야 할 값입니다."\n'
)


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        (GOOD_ENTRY.replace("  ko: 타깃\n", ""), 1, "term 'target': this entry has no 'ko'"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("목표값", "타겟"), 7, "duplicate en 'target': the term at line 1"),
        (GOOD_ENTRY.replace("[목표값]", "[목표값, 타깃]"), 3, "avoid lists '타깃', the preferred rendering itself"),
        (GOOD_ENTRY.replace('    ko: "모델이', '    kr: "모델이'), 6, "definition in unknown language 'kr'"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("target", "goal").replace("타깃", "목표값 타깃"), 1, "part of the preferred"),
    ],
)
def test_a_data_error_names_file_line_and_fix(tmp_path, text, line, problem):
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path, "docs/glossary.yml")
    assert any(m.startswith(f"docs/glossary.yml:{line}:") and problem in m for m in str(caught.value).split("\n")), (
        caught.value
    )


def test_a_data_error_stops_the_build(tmp_path):
    pages = {"index.md": "# Home\n\n<!-- glossary -->\n", "glossary.yml": GOOD_ENTRY.replace("  ko: 타깃\n", "")}
    output = failed_build_output(make_project(tmp_path, pages, {"fine.py": GOOD_EXAMPLE}))
    assert "docs/glossary.yml:1: term 'target': this entry has no 'ko'" in output, output


# ------------------------------------------------------------------------- the page


def test_glossary_page_sorts_per_language_and_gives_each_term_an_anchor():
    korean = render_glossary(TERMS, "ko", WORDS["ko"])
    english = render_glossary(TERMS, "en", WORDS["en"])
    headings = re.findall(r"^## (.+)$", korean, re.M)
    assert headings[0] == "ㄱ" and headings.index("ㅎ") < headings.index("R"), headings
    assert re.findall(r"^## (.+)$", english, re.M)[:3] == ["A", "B", "C"]
    for text, language in ((korean, "ko"), (english, "en")):
        shown = [t.get_text() for t in BeautifulSoup(text, "html.parser").select("dt dfn")]
        assert len(shown) == len(TERMS), language
        ids = [dt["id"] for dt in BeautifulSoup(text, "html.parser").select("dt")]
        assert len(set(ids)) == len(TERMS) and "cross-entropy" in ids
    entry = BeautifulSoup(korean, "html.parser").select_one("dt#cross-entropy")
    assert entry.dfn.get_text() == "교차 엔트로피" and entry.select_one('[lang="en"]').get_text() == "cross-entropy"
    assert "확률의 음의 로그" in entry.find_next_sibling("dd").get_text()
    assert initial("꼬리") == "ㄱ" and initial("top-5 오류율") == "T"


# ---------------------------------------------------------------------- hover terms


def test_only_the_first_use_in_prose_is_marked():
    html = (
        "<h1>손실 함수</h1><p>교차 엔트로피(cross-entropy)를 씁니다. <code>학습률</code>, "
        '<a href="x">타깃</a>, <span class="arithmatex">스텝</span>.</p>'
        "<p>평균 제곱\n오차와 학습률, 다시 학습률. 강화 학습은 학습과 다릅니다.</p><h2>다음</h2><p>타깃</p>"
    )
    soup = BeautifulSoup(mark_terms(html, TERMS), "html.parser")
    marked = [(abbr.get_text(), abbr["title"], abbr["tabindex"]) for abbr in soup.select("abbr.glossary-term")]
    assert marked == [
        ("평균 제곱\n오차", "mean squared error", "0"),
        ("학습률", "learning rate", "0"),
        ("강화 학습", "reinforcement learning", "0"),
        ("학습", "training", "0"),
        ("타깃", "target", "0"),  # the link's 타깃 is not a use
    ], marked
    keywords = soup.select_one("div.glossary-keywords[hidden]")
    assert keywords.find_next_sibling("h2") and "cross-entropy" in keywords.get_text()  # glossed, so only indexed
    assert "loss function" not in keywords.get_text()  # used only in a heading


def test_built_korean_pages_mark_terms_outside_code_headings_links_and_math(built_site):
    pages = sorted((built_site / "ko").rglob("index.html"))
    marked = 0
    for page in pages:
        terms = parsed(page).select("article abbr.glossary-term")
        titles = [abbr["title"] for abbr in terms]
        assert len(titles) == len(set(titles)), f"{page}: a term is marked twice"
        for abbr in terms:
            assert abbr.get("tabindex") == "0" and abbr["title"], f"{page}: {abbr}"
            assert not abbr.find_parent(["code", "pre", "a", "h1", "h2", "h3", "h4", "math"]), f"{page}: {abbr}"
            assert not abbr.find_parent(class_=re.compile("katex|arithmatex")), f"{page}: {abbr}"
        marked += len(terms)
    assert marked > 50, marked
    english = sorted(p for p in built_site.rglob("index.html") if p.relative_to(built_site).parts[0] != "ko")
    assert not any("glossary-term" in p.read_text(encoding="utf-8") for p in english)


def test_built_glossary_pages_list_every_term(built_site):
    for page in (built_site / "glossary" / "index.html", built_site / "ko" / "glossary" / "index.html"):
        assert len(parsed(page).select("article dl.glossary dt[id]")) == len(TERMS), page
