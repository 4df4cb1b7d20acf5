"""Show an example page's prose in the page's language; the code and its output stay shared.

An example script's markdown cells are English. For another language, say
Korean, `examples/<name>.ko.md` holds the translated prose, one block per
markdown cell of the script, each opened by a marker that numbers the cell:

    <!-- translation_of: 1a2b3c4d -->
    <!-- markdown cell 1 -->
    # 이상치 하나: MSE, L1, Huber
    ...
    <!-- markdown cell 2 -->
    ...

The first line records which version of the English prose this translates
(sitebuild/translation_versions.py writes it). The script is executed once
(the other language's build hits the execution cache); example_page.py puts
the translated cells in place of the English ones, in order, rendered by the
Markdown renderer nbconvert uses for notebook cells. Code, outputs and plots are never copied. A missing overlay, or one
whose cells do not match the script's, stops the build naming the file and
what to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
from mkdocs.exceptions import PluginError

CELL_MARKER = re.compile(r"^<!--\s*markdown cell (?P<number>\d+)\s*-->\s*$")
# The overlay's first line may record which English prose it translates (sitebuild/translation_versions.py).
VERSION_LINE = re.compile(r"^<!--\s*translation_of:\s*\S*\s*-->\s*$")
TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$", re.M)


def overlay_path(script: Path, language: str) -> Path:
    return script.with_name(f"{script.stem}.{language}.md")


def translated_cells(overlay: Path, expected: int) -> list[str]:
    """The overlay's cells in order; PluginError naming the line if they are not 1..expected."""
    cells: list[list[str]] = []
    for number, line in enumerate(overlay.read_text(encoding="utf-8").split("\n"), 1):
        marker = CELL_MARKER.match(line)
        if marker:
            if int(marker.group("number")) != len(cells) + 1:
                raise PluginError(
                    f"{overlay}:{number}: expected '<!-- markdown cell {len(cells) + 1} -->' here; "
                    "number the translated cells 1, 2, 3, ... in the order of the script's markdown cells."
                )
            cells.append([])
        elif cells:
            cells[-1].append(line)
        elif number == 1 and VERSION_LINE.match(line):
            continue
        elif line.strip():
            raise PluginError(
                f"{overlay}:{number}: text before '<!-- markdown cell 1 -->'; start with the marker "
                "(only a first line '<!-- translation_of: ... -->' may come before it)."
            )
    if len(cells) != expected:
        raise PluginError(
            f"{overlay}: translates {len(cells)} markdown cells but the script has {expected}; "
            "add or remove '<!-- markdown cell N -->' blocks so there is one per markdown cell of the script."
        )
    return ["\n".join(cell).strip("\n") for cell in cells]


def markdown_cell_count(script: Path) -> int:
    return sum(cell.cell_type == "markdown" for cell in jupytext.read(script).cells)


def prose_for(script: Path, language: str, default_language: str, fallback: bool) -> list[str] | None:
    """The script's markdown cells in `language`, or None for the script's own (English) prose."""
    if language == default_language:
        return None
    overlay = overlay_path(script, language)
    if not overlay.is_file():
        if fallback:  # a translation in progress: `TRANSLATION_FALLBACK=true make serve` shows English
            return None
        raise PluginError(
            f"examples/{script.name} has no {language} prose: create examples/{overlay.name} next to it "
            "with one '<!-- markdown cell N -->' block per markdown cell (see sitebuild/example_prose.py)."
        )
    return translated_cells(overlay, markdown_cell_count(script))


# nbconvert reads `\(` and `\[` in notebook prose as escaped brackets and drops the backslash
# before the page is built, so such a formula would silently show as plain text.
DROPPED_DELIMITER = re.compile(r"(?<!\\)\\[(\[]")
INLINE_CODE = re.compile(r"`[^`]*`")


def reject_dropped_delimiters(script: Path, shown: str) -> None:
    in_prose = False
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# %%"):
            in_prose = "[markdown]" in line
        elif in_prose and DROPPED_DELIMITER.search(INLINE_CODE.sub("", line)):
            raise PluginError(
                f"The example {shown}:{number} writes math with \\( or \\[, which the "
                "notebook converter turns into plain brackets. Write $...$ (inline) or $$...$$ "
                f"(display) instead:\n{line.strip()}"
            )
