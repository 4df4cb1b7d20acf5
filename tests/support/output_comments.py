"""Record which statement of a fence printed what, and rewrite its `#>` comments.

Used by `make fix-outputs` (pytest --update-outputs): the `#>` lines of a fence
are replaced by what the code prints today, each block placed under the
top-level statement that printed it, as a reader would write it by hand.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

OUTPUT_COMMENT = re.compile(r"^\s*#>(?: (?P<text>.*)|$)")


class RecordingStdout(io.StringIO):
    """A stdout that also notes, for every write, the line of the outermost
    frame running code from `filename` (the top-level statement of the fence)."""

    def __init__(self, filename: str):
        super().__init__()
        self.filename = filename
        self.by_line: dict[int, str] = defaultdict(str)

    def write(self, text):
        frame, line = sys._getframe(1), None
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                line = frame.f_lineno
            frame = frame.f_back
        if line is not None:
            self.by_line[line] += text
        return super().write(text)


# Lines each rewritten file has gained so far, keyed by path: later fences of
# the same page were collected before the rewrite and must be shifted.
_shift: dict[Path, list[tuple[int, int]]] = defaultdict(list)


def rewrite(path: Path, first_line: int, code: str, by_line: dict[int, str]) -> None:
    """Replace the `#>` lines of the fence whose code starts at 0-based line
    `first_line` of `path` (as collected) with `by_line`'s output."""
    offset = sum(delta for line, delta in _shift[path] if line < first_line)
    start = first_line + offset
    page = path.read_text(encoding="utf-8").split("\n")
    fence = code.split("\n")[first_line:]
    while fence and fence[-1] == "":
        fence.pop()
    indent = page[start][: len(page[start]) - len(page[start].lstrip())]

    statements = ast.parse("\n" * first_line + "\n".join(fence)).body
    end_of = {}
    for statement in statements:
        for line in range(statement.lineno, statement.end_lineno + 1):
            end_of[line] = statement.end_lineno
    after: dict[int, list[str]] = defaultdict(list)  # 1-based end line -> printed lines
    for line, text in sorted(by_line.items()):
        after[end_of.get(line, line)] += text.rstrip("\n").split("\n")

    new = []
    for number, line in enumerate(page[start : start + len(fence)], start=first_line + 1):
        if not OUTPUT_COMMENT.match(line):
            new.append(line)
        new += [f"{indent}#> {text}".rstrip() for text in after.get(number, [])]
    page[start : start + len(fence)] = new
    path.write_text("\n".join(page), encoding="utf-8")
    _shift[path].append((first_line, len(new) - len(fence)))
