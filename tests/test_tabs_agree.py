"""NumPy and PyTorch tabs that sit side by side must show the same output.

The snippet runner already checks that each fence prints what its `#>` lines
say. This test adds the comparison a reader makes: in every group of content
tabs with both a "NumPy" and a "PyTorch" tab, the `#>` lines of the two tabs
are identical, so the page's claim "both compute the same numbers" is checked.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.markdown_fences import INCLUDE, REPO_ROOT, own_python_fences
from tests.support.markdown_snippets import expected_output
from tests.support.site_build import ROOT, page_sources

# `=== "Title"`; `===!` starts a new group even right after another tab.
TAB_OPENER = re.compile(r'^(?P<indent> *)===(?P<flag>[+!]*) +"(?P<title>[^"]*)"')
COMPARED = ("NumPy", "PyTorch")


@dataclass
class Tab:
    title: str
    first_line: int  # 1-based line of the `===` opener
    last_line: int  # 1-based last line of its body
    output: list[str] = field(default_factory=list)


def tab_groups(text: str) -> list[list[Tab]]:
    """Every group of consecutive content tabs on a page, nested groups included."""
    lines = text.split("\n")
    openers_in_a_group: set[int] = set()
    groups = []
    for start, line in enumerate(lines):
        if start in openers_in_a_group or not TAB_OPENER.match(line):
            continue
        indent = len(TAB_OPENER.match(line).group("indent"))
        group, index = [], start
        while index < len(lines):
            opener = TAB_OPENER.match(lines[index])
            if not opener or len(opener.group("indent")) != indent or (group and "!" in opener.group("flag")):
                break
            openers_in_a_group.add(index)
            body_end = index + 1  # body: blank lines and lines indented past the opener
            while body_end < len(lines) and (
                not lines[body_end].strip() or len(lines[body_end]) - len(lines[body_end].lstrip(" ")) >= indent + 4
            ):
                body_end += 1
            last = body_end  # 1-based number of the last body line, trailing blanks dropped
            while last > index + 1 and not lines[last - 1].strip():
                last -= 1
            group.append(Tab(opener.group("title"), index + 1, last))
            index = body_end
        groups.append(group)
    return groups


def disagreements(path: Path, root: Path = ROOT) -> tuple[int, list[str]]:
    """(number of NumPy/PyTorch groups compared, one message per group that disagrees)."""
    fences = own_python_fences(path)
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    compared, problems = 0, []
    for group in tab_groups(text):
        tabs = {tab.title: tab for tab in group}
        if not all(title in tabs for title in COMPARED):
            continue
        compared += 1
        for tab in (tabs[title] for title in COMPARED):
            for fence in fences:
                if tab.first_line < fence.line <= tab.last_line:
                    tab.output += expected_output(fence.code)
            for line in lines[tab.first_line : tab.last_line]:  # code included from docs/snippets/
                include = INCLUDE.match(line)
                if include:
                    for fence in own_python_fences(REPO_ROOT / include.group("path")):
                        tab.output += expected_output(fence.code)
        numpy, torch = (tabs[title] for title in COMPARED)
        if not numpy.output or not torch.output:
            problems.append(
                f"{shown}:{numpy.first_line}: the NumPy and PyTorch tabs here show no '#>' output "
                "to compare; print the numbers both compute."
            )
        elif numpy.output != torch.output:
            problems.append(
                f"{shown}:{numpy.first_line}: the NumPy tab (line {numpy.first_line}) and the PyTorch "
                f"tab (line {torch.first_line}) show different output.\n"
                f"  NumPy:   {numpy.output}\n  PyTorch: {torch.output}\n"
                "Make both compute and print the same numbers (same rounding)."
            )
    return compared, problems


PAGES = page_sources(ROOT / "docs")


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(ROOT / "docs")))
def test_numpy_and_pytorch_tabs_show_the_same_output(page):
    _, problems = disagreements(page)
    assert not problems, "\n".join(problems)


def test_some_page_compares_numpy_and_pytorch():
    assert sum(disagreements(page)[0] for page in PAGES) > 0, "no NumPy/PyTorch tab group found in docs/"


SAMPLE = textwrap.dedent(
    """\
    # Page

    === "NumPy"

        ```python
        print(1)
        #> 1
        ```

    === "PyTorch"

        ```python
        print(2)
        #> 2
        ```

    Text between groups.

    === "NumPy"

        ```python
        print(3)
        #> 3
        ```

    === "PyTorch"

        ```python
        print(3)
        #> 3
        ```

    ===! "NumPy"

        ```python
        x = 1
        ```
    """
)


def test_groups_are_found_and_a_mismatch_names_its_line(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(SAMPLE, encoding="utf-8")
    groups = tab_groups(SAMPLE)
    assert [[(tab.title, tab.first_line, tab.last_line) for tab in group] for group in groups] == [
        [("NumPy", 3, 8), ("PyTorch", 10, 15)],
        [("NumPy", 19, 24), ("PyTorch", 26, 31)],
        [("NumPy", 33, 37)],
    ]
    compared, problems = disagreements(page, root=tmp_path)
    assert compared == 2
    assert len(problems) == 1 and problems[0].startswith("page.md:3:"), problems
    assert "['1']" in problems[0] and "['2']" in problems[0], problems
