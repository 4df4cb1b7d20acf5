"""Typeset every formula with KaTeX while the site is built; no math JavaScript reaches the browser.

Markdown pages: arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>`; each becomes KaTeX's HTML plus MathML (for
screen readers), keeping arithmatex's wrapper for Material's layout rules.
Example pages: mkdocs-jupyter keeps `$...$` and `$$...$$` as text in the prose cells
(`.jp-RenderedMarkdown`); those are typeset too, code is never touched. It turns `\\(...\\)`
into plain brackets, so an example that writes math that way fails the build.

KaTeX is the official npm package pinned in package-lock.json (`make setup` runs `npm ci`);
its `katex.min.js` runs in V8 through mini-racer, and its CSS and fonts are served from this
site under assets/katex/. A formula KaTeX rejects fails the build, naming the page, line,
formula and KaTeX's message.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from examples import is_example_page  # hooks/examples.py (MkDocs puts hooks/ on the path)

KATEX_ASSETS = "assets/katex"  # where the site serves KaTeX's CSS and fonts (see extra_css)
KATEX_OPTIONS = {
    "output": "htmlAndMathml",
    "throwOnError": True,
    "strict": "error",  # LaTeX that only KaTeX would accept is a mistake in the source too
}

# Markdown pages: arithmatex's generic output (the TeX inside is HTML-escaped).
ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*'
    r"(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</(?P=tag)>",
    re.S,
)
# Example prose: `$$...$$` and `$...$` as plain text (see DROPPED_DELIMITER for `\\(`). `$`
# must hug the formula (`$x$`, not `$ 5 and $`) so prices and shell prompts stay text, and
# not touch a letter or digit (`US$5`), except Hangul: Korean particles follow math
# directly (`$y = 2x + 1$에`).
NOT_HANGUL_WORD = r"[^\W\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]"
NOTEBOOK_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$"
    rf"|(?<![\\$])(?<!{NOT_HANGUL_WORD})\$(?=\S)(?P<inline>[^$]+?)(?<=\S)(?<!\\)\$(?!{NOT_HANGUL_WORD}|\$)",
    re.S,
)
# nbconvert reads `\(` and `\[` in notebook prose as escaped brackets and drops the backslash
# before this hook sees the page, so such a formula would silently show as plain text.
DROPPED_DELIMITER = re.compile(r"(?<!\\)\\[(\[]")
INLINE_CODE = re.compile(r"`[^`]*`")
NEVER_TYPESET_INSIDE = {"code", "pre", "script", "style", "kbd", "samp"}


def _repo_root(config) -> Path:
    return Path(config["config_file_path"]).parent


def _katex_dist(config) -> Path:
    return _repo_root(config) / "node_modules" / "katex" / "dist"


class KaTeX:
    """KaTeX loaded once per build into a V8 context; formulas are cached by (TeX, display)."""

    def __init__(self, script: Path):
        from py_mini_racer import MiniRacer  # imported here: only builds that have math pay for V8

        self._js = MiniRacer()
        self._js.eval(script.read_text(encoding="utf-8"))
        self._js.eval(
            "function typeset(tex, display, options) {"
            "  try { return ['ok', katex.renderToString(tex, Object.assign({displayMode: display}, options))]; }"
            "  catch (error) { return ['error', String(error.message)]; } }"
        )
        self._cache: dict[tuple[str, bool], tuple[str, str]] = {}

    def close(self) -> None:
        # Closed explicitly: a V8 isolate left for interpreter teardown can hang the process.
        self._js.close()

    def typeset(self, tex: str, display: bool) -> tuple[str, str]:
        """('ok', html) or ('error', KaTeX's message)."""
        key = (tex, display)
        if key not in self._cache:
            status, text = self._js.call("typeset", tex, display, KATEX_OPTIONS)
            self._cache[key] = (str(status), str(text))
        return self._cache[key]


_katex: KaTeX | None = None


def _close_katex() -> None:
    global _katex
    if _katex is not None:
        _katex.close()
        _katex = None


def on_config(config):
    global _katex
    _close_katex()  # `mkdocs serve` reads the config again for each rebuild
    script = _katex_dist(config) / "katex.min.js"
    if not script.is_file():
        raise PluginError(f"KaTeX is not installed ({script} is missing): run `make setup`, which runs `npm ci`.")
    _katex = KaTeX(script)  # a fresh cache for every build, so `mkdocs serve` never serves stale math
    return config


def on_files(files, config):
    """Serve KaTeX's stylesheet and fonts from this site."""
    dist = _katex_dist(config)
    assets = [dist / "katex.min.css", *sorted((dist / "fonts").iterdir())]
    for asset in assets:
        files.append(
            File.generated(
                config,
                f"{KATEX_ASSETS}/{asset.relative_to(dist).as_posix()}",
                abs_src_path=str(asset),
            )
        )
    return files


def _source_line(source: Path, tex: str) -> int | None:
    """Line of `source` where the formula starts (its first non-blank line is searched for)."""
    first = next((line.strip() for line in tex.splitlines() if line.strip()), "")
    if not first or not source.is_file():
        return None
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if first in line:
            return number
    return None


def _render(tex: str, display: bool, page, config) -> str:
    status, text = _katex.typeset(tex.strip(), display)
    if status == "ok":
        return text
    source = Path(page.file.abs_src_path)
    line = _source_line(source, tex)
    kind = "example" if is_example_page(page) else "page"
    shown_path = Path(os.path.relpath(source, _repo_root(config))).as_posix()  # docs/x.md, examples/x.py
    where = f"{shown_path}:{line}" if line else shown_path
    shown = f"$${tex.strip()}$$" if display else f"${tex.strip()}$"
    raise PluginError(
        f"The {kind} {where} has a formula KaTeX cannot typeset: {shown}\n{text}\n"
        "Fix the LaTeX (KaTeX's supported functions: see katex.org/docs/supported)."
    )


def _typeset_markdown_page(content: str, page, config) -> str:
    def replace(match: re.Match) -> str:
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        return f'<{match["tag"]} class="arithmatex">{_render(tex, display, page, config)}</{match["tag"]}>'

    return ARITHMATEX.sub(replace, content)


def _typeset_text(text: str, page, config) -> str | None:
    """HTML for a text node with its formulas typeset, or None when it has none."""
    pieces, last = [], 0
    for match in NOTEBOOK_MATH.finditer(text):
        display = match["display"] is not None
        tex = match["display"] if display else match["inline"]
        pieces += [html.escape(text[last : match.start()], quote=False), _render(tex, display, page, config)]
        last = match.end()
    if not pieces:
        return None
    return "".join(pieces) + html.escape(text[last:], quote=False)


def _reject_dropped_delimiters(page) -> None:
    script = Path(page.file.abs_src_path)
    in_prose = False
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# %%"):
            in_prose = "[markdown]" in line
        elif in_prose and DROPPED_DELIMITER.search(INLINE_CODE.sub("", line)):
            raise PluginError(
                f"The example {page.file.src_uri}:{number} writes math with \\( or \\[, which the "
                "notebook converter turns into plain brackets. Write $...$ (inline) or $$...$$ "
                f"(display) instead:\n{line.strip()}"
            )


def _typeset_notebook_prose(content: str, page, config) -> str:
    _reject_dropped_delimiters(page)
    soup = BeautifulSoup(content, "html.parser")
    changed = False
    for prose in soup.select(".jp-RenderedMarkdown"):
        for text in list(prose.find_all(string=True)):
            if type(text) is not NavigableString:  # comments, CDATA
                continue
            if any(parent.name in NEVER_TYPESET_INSIDE for parent in text.parents):
                continue
            typeset = _typeset_text(str(text), page, config)
            if typeset is not None:
                text.replace_with(BeautifulSoup(typeset, "html.parser"))
                changed = True
    return str(soup) if changed else content


def on_post_build(config):
    _close_katex()


def on_build_error(error):
    _close_katex()


# Priority 50: before hooks/notebook_pages.py unwraps the prose cells this looks for.
@event_priority(50)
def on_page_content(content, page, config, files):
    if is_example_page(page):
        return _typeset_notebook_prose(content, page, config)
    return _typeset_markdown_page(content, page, config)
