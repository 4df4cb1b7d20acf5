"""Find the Python fences of a Markdown page the way readers see them on the site.

pytest-markdown-docs parses pages with plain CommonMark, where a fence indented
inside a Material content tab (`=== "NumPy"`) or an admonition (`!!! note`) is an
indented code block, not a fence, so it would silently go untested. We hand the
plugin a parser that first lifts the bodies of those containers to the left
margin, keeping every line where it was, so line numbers in failures stay true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests, parse_superfences_block_info

PYTHON_LANGS = {"py", "python", "python3", "pycon"}
# Material containers whose bodies are indented by four spaces.
CONTAINER = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?|===\+?)\s")
# A notest fence must say why, on the line just above it.
NOTEST_REASON = re.compile(r"<!--\s*notest:\s*\S.*-->")
# A pymdownx.snippets block include, e.g. `--8<-- "docs/snippets/loss/mse.md"`.
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^"]+)"\s*$')
# Include paths are relative to the repository root (mkdocs.yml: snippets base_path ".").
REPO_ROOT = Path(__file__).resolve().parents[2]


def lift_containers(text: str) -> str:
    """Dedent tab and admonition bodies; same number of lines, same line numbers."""
    out = []
    open_indents: list[int] = []  # indent of each open container's opener line
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if line.strip():
            while open_indents and indent < open_indents[-1] + 4:
                open_indents.pop()
        strip = 4 * len(open_indents)
        lifted = line[strip:] if line[:strip].strip() == "" else line.lstrip(" ")
        match = CONTAINER.match(line)
        if match:
            open_indents.append(len(match.group("indent")))
            lifted = ""  # the opener is not code; keep the line, drop its text
        out.append(lifted)
    return "\n".join(out)


class ContainerAwareMarkdownIt(MarkdownIt):
    def parse(self, src, env=None):
        return super().parse(lift_containers(src), env)


def parser() -> MarkdownIt:
    return ContainerAwareMarkdownIt("commonmark")


@dataclass
class Fence:
    path: Path
    line: int  # 1-based line of the first code line
    code: str
    tested: bool
    notest_reason: bool


def included_files(path: Path) -> list[Path]:
    """The files a page pulls in with `--8<-- "..."` lines, in page order."""
    return [
        REPO_ROOT / match.group("path")
        for match in map(INCLUDE.match, path.read_text(encoding="utf-8").split("\n"))
        if match
    ]


def python_fences(path: Path) -> list[Fence]:
    """Every Python fence the page shows, tested or marked notest: its own, then
    those of the snippet files it includes (each tested where it lives)."""
    return own_python_fences(path) + [
        fence for included in included_files(path) for fence in own_python_fences(included)
    ]


def own_python_fences(path: Path) -> list[Fence]:
    """The Python fences written in this file itself (not included ones)."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    collected = {
        test.start_line
        for test in extract_fence_tests(parser(), text, 0, source_path=path, fence_syntax=FenceSyntax.superfences)
    }
    fences = []
    for token in parser().parse(text):
        if token.type != "fence" or not token.map:
            continue
        info = parse_superfences_block_info(token.info)
        if not info or info[0] not in PYTHON_LANGS:
            continue
        opener = token.map[0]
        above = lines[opener - 1] if opener > 0 else ""
        fences.append(
            Fence(
                path=path,
                line=opener + 2,
                code=token.content,
                tested=(opener + 1) in collected,
                notest_reason=bool(NOTEST_REASON.search(above)),
            )
        )
    return fences


def normalise(code: str) -> str:
    """Compare code ignoring trailing spaces and blank lines at the ends."""
    return "\n".join(line.rstrip() for line in code.strip("\n").split("\n"))
