"""The guard: find Python code on built Markdown pages that no snippet test ran."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild.exercises.data import data_file_for, load_exercises
from tests.support.markdown_fences import PYTHON_LANGS, normalise, python_fences

PYTHON_CLASSES = {f"language-{lang}" for lang in PYTHON_LANGS}


def code_blocks(page: str | BeautifulSoup) -> list[str]:
    """Text of every Python-highlighted code block on a built page (its HTML, or its parsed tree)."""
    soup = page if isinstance(page, BeautifulSoup) else BeautifulSoup(page, "html.parser")
    blocks = []
    for div in soup.select("div.highlight"):
        if PYTHON_CLASSES & {name.lower() for name in div.get("class", [])}:
            code = div.find("code")
            blocks.append(code.get_text() if code else div.get_text())
    return blocks


def exercise_solutions(source: Path) -> set[str]:
    """The solutions of the page's exercises (docs/exercises/), which tests/test_exercises.py runs."""
    docs = next((folder for folder in source.parents if folder.name == "docs"), None)
    if docs is None:
        return set()
    data_file = docs / data_file_for(source.relative_to(docs).as_posix())
    if not data_file.is_file():
        return set()
    return {normalise(e.solution) for e in load_exercises(data_file, str(data_file)) if e.solution}


def line_of(source: Path, code: str) -> int:
    first = next((line.strip() for line in code.split("\n") if line.strip()), "")
    for number, line in enumerate(source.read_text(encoding="utf-8").split("\n"), 1):
        if first and line.strip() == first:
            return number
    return 1


def problems(source: Path, html: str | BeautifulSoup, root: Path | None = None) -> list[str]:
    """One message per untested Python block on the page, naming file (relative
    to `root`) and line."""
    fences = python_fences(source)
    shown = source.relative_to(root) if root else source
    tested = {normalise(f.code) for f in fences if f.tested} | exercise_solutions(source)
    excused = {normalise(f.code) for f in fences if not f.tested and f.notest_reason}
    found = []
    for fence in fences:
        if not fence.tested and not fence.notest_reason:
            where = fence.path.relative_to(root) if root and fence.path.is_relative_to(root) else fence.path
            found.append(
                f"{where}:{fence.line}: this fence is marked notest without a reason. "
                "Put '<!-- notest: why it cannot run -->' on the line above it, or let it run."
            )
    for code in code_blocks(html):
        if normalise(code) not in tested | excused:
            found.append(
                f"{shown}:{line_of(source, code)}: this Python block is shown on the page but "
                "no snippet test runs it. Fences inside lists, HTML blocks or snippet includes "
                "are not collected: write it as a fence at the top level, in a content tab or "
                "in an admonition."
            )
    return found
