"""Korean prose reads Korean: no English citation locators, "et al." or Latin-script count units left in it.

Locators inside `[cite:key, Section 3.5]` are written in Korean by the citation code
(sitebuild/timeline/citations.py, from the table in sitebuild/words.py); everywhere else a Korean
page writes 3.5절, 표 2.1, 그림 2, 알고리즘 1, "외" and 만/억 itself. Code, math, URLs and quoted
English (paper titles) are not prose and are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.support.site_build import ROOT

ENGLISH_LEFT = {
    "an English locator": re.compile(
        r"\b(?:Sections?|Chapters?|Tables?|Fig(?:ure)?s?\.?|Algorithms?|Appendix|Eq\.)\s*\d"
    ),
    "'Figure' or 'Algorithm'": re.compile(r"\b(?:Figure|Algorithm)\b"),
    "'et al.' (write 외)": re.compile(r"\bet al\b\.?"),
    "a Latin-script count unit (write 만/억)": re.compile(
        r"\d\s*[KMBT]\s*개|\b(?:thousand|million|billion|trillion)s?\b", re.I
    ),
}
FENCE = re.compile(r"^\s*(```|~~~)")
DISPLAY_MATH = re.compile(r"^\s*\$\$\s*$")
NOT_PROSE = re.compile(
    r"`[^`\n]*`"  # inline code
    r"|\$[^$\n]+\$"  # inline math
    r"|\[cite:[^\]]*\]"  # citations: the build writes their locators in Korean
    r"|\]\([^)\s]*\)|https?://\S+"  # link targets and URLs
    r"|<!--.*?-->|<[^>\n]+>"  # comments and tags (notest reasons, include markers, attributes)
    r"|\"[^\"\uac00-\ud7a3\n]*\"|“[^”\uac00-\ud7a3\n]*”|\*[^*\uac00-\ud7a3\n]+\*"  # quoted English: paper titles
    r"|--8<--.*"  # snippet includes
)


def _prose_lines(path: Path):
    in_fence = in_math = False
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif DISPLAY_MATH.match(line) and not in_fence:
            in_math = not in_math
        elif not in_fence and not in_math:
            yield number, NOT_PROSE.sub(" ", line)


def _timeline_lines(path: Path):
    def walk(node, inside=False):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                yield from walk(value, inside or key.value == "ko")
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, inside)
        elif isinstance(node, yaml.ScalarNode) and inside:
            yield node.start_mark.line + 1, NOT_PROSE.sub(" ", node.value)

    yield from walk(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))


def english_left_in_korean(root: Path) -> list[str]:
    sources = [(p, _prose_lines(p)) for p in sorted((root / "docs").rglob("*.ko.md"))]
    sources += [(p, _prose_lines(p)) for p in sorted((root / "examples").glob("*.ko.md"))]
    if (root / "docs" / "timeline.yml").is_file():
        sources.append((root / "docs" / "timeline.yml", _timeline_lines(root / "docs" / "timeline.yml")))
    found = []
    for path, lines in sources:
        for number, text in lines:
            for what, pattern in ENGLISH_LEFT.items():
                for match in pattern.finditer(text):
                    found.append(f"{path.relative_to(root).as_posix()}:{number}: {what} in Korean prose: {match[0]!r}")
    return found


def test_korean_prose_has_no_english_locators_or_units():
    found = english_left_in_korean(ROOT)
    assert not found, "\n".join(found)


def test_the_check_finds_planted_leftovers_and_spares_code_math_urls_titles_and_citations(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "examples").mkdir()
    (tmp_path / "docs" / "a.ko.md").write_text(
        "# 제목\n\n"
        "논문의 Table 2를 보세요 [cite:he2016, Section 4.1].\n"  # 3: the Table, not the citation
        "`Figure 1`과 $\\mathrm{Section}$ 3, [링크](https://x.org/Figure-2), *Deep Residual Learning*.\n"
        "```python\nprint('Algorithm 1')\n```\n"
        "파라미터 110 M개, 1.5 billion.\n",  # 8
        encoding="utf-8",
    )
    (tmp_path / "examples" / "b.ko.md").write_text("<!-- markdown cell 1 -->\nCho et al.가 제안했습니다.\n")
    timeline = "milestones:\n  - name: X\n    ko:\n      summary: Figure 2의 결과\n"
    (tmp_path / "docs" / "timeline.yml").write_text(timeline, encoding="utf-8")
    found = english_left_in_korean(tmp_path)
    assert [line.split(" in Korean prose")[0] for line in found] == [
        "docs/a.ko.md:3: an English locator",
        "docs/a.ko.md:8: a Latin-script count unit (write 만/억)",
        "docs/a.ko.md:8: a Latin-script count unit (write 만/억)",
        "examples/b.ko.md:2: 'et al.' (write 외)",
        "docs/timeline.yml:4: an English locator",
        "docs/timeline.yml:4: 'Figure' or 'Algorithm'",
    ], found
