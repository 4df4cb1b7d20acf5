"""Typeset every formula with KaTeX while the site is built; no math JavaScript reaches the browser.

Markdown pages: arithmatex (generic mode) leaves `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>`; each becomes KaTeX's HTML plus MathML (for
screen readers), keeping arithmatex's wrapper for Material's layout rules. Example pages:
example_page.py hands this module the `$...$` and `$$...$$` of their prose.

KaTeX is the official npm package pinned in package-lock.json (`make setup` runs `npm ci`);
its `katex.min.js` runs in V8 through mini-racer, and its CSS and fonts are served from this
site under assets/katex/. Typeset formulas are kept in `.cache/katex/`, keyed by the TeX,
display mode, options and KaTeX's version, so a warm build starts no V8 at all. A formula
KaTeX rejects fails the build, naming the file, the line where that formula is, the formula
and KaTeX's message.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sitebuild import scroll_regions, site
from sitebuild.words import words_for

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


def _katex_dist(config) -> Path:
    return site.repo_root(config) / "node_modules" / "katex" / "dist"


class KaTeX:
    """KaTeX's renderToString, with results kept on disk across builds.

    V8 starts only when a formula is not in the cache (about 0.3 s, then ~2 ms a formula)."""

    def __init__(self, dist: Path, cache_dir: Path):
        self._script = dist / "katex.min.js"
        version = json.loads((dist.parent / "package.json").read_text(encoding="utf-8"))["version"]
        settings = json.dumps(KATEX_OPTIONS, sort_keys=True)
        self._cache_file = cache_dir / f"katex-{version}-{hashlib.sha256(settings.encode()).hexdigest()[:12]}.json"
        try:
            self._cache: dict[str, list[str]] = json.loads(self._cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no cache yet, or a damaged one: typeset again
            self._cache = {}
        self._changed = False
        self._js = None

    @property
    def version(self) -> str:
        """KaTeX's version and options: what, besides the TeX, decides the HTML."""
        return self._cache_file.stem

    def typeset(self, tex: str, display: bool) -> tuple[str, str]:
        """('ok', html) or ('error', KaTeX's message)."""
        key = f"{'display' if display else 'inline'}:{tex}"
        if key not in self._cache:
            status, text = self._engine().call("typeset", tex, display, KATEX_OPTIONS)
            self._cache[key] = [str(status), str(text)]
            self._changed = True
        status, text = self._cache[key]
        return status, text

    def _engine(self):
        if self._js is None:
            from py_mini_racer import MiniRacer  # imported here: a warm build never needs V8

            self._js = MiniRacer()
            self._js.eval(self._script.read_text(encoding="utf-8"))
            self._js.eval(
                "function typeset(tex, display, options) {"
                "  try { return ['ok', katex.renderToString(tex, Object.assign({displayMode: display}, options))]; }"
                "  catch (error) { return ['error', String(error.message)]; } }"
            )
        return self._js

    def close(self) -> None:
        if self._changed:
            self._cache_file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._cache_file.with_suffix(".tmp")
            temporary.write_text(json.dumps(self._cache, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self._cache_file)  # a build stopped halfway never leaves half a file
            self._changed = False
        if self._js is not None:
            # Closed explicitly: a V8 isolate left for interpreter teardown can hang the process.
            self._js.close()
            self._js = None


_katex: KaTeX | None = None


def start(config) -> None:
    """Once per build (and per rebuild in `mkdocs serve`)."""
    global _katex
    finish()
    dist = _katex_dist(config)
    if not (dist / "katex.min.js").is_file():
        raise PluginError(f"KaTeX is not installed ({dist / 'katex.min.js'} is missing): run `make setup`.")
    _katex = KaTeX(dist, site.cache_dir(config) / "katex")


def finish() -> None:
    global _katex
    if _katex is not None:
        _katex.close()
        _katex = None


def version_key() -> str:
    return _katex.version


def asset_files(config) -> list[File]:
    """KaTeX's stylesheet and fonts, served from this site."""
    dist = _katex_dist(config)
    assets = [dist / "katex.min.css", *sorted((dist / "fonts").iterdir())]
    return [
        File.generated(config, f"{KATEX_ASSETS}/{asset.relative_to(dist).as_posix()}", abs_src_path=str(asset))
        for asset in assets
    ]


def formula_line(source: Path, tex: str, display: bool) -> int | None:
    """The line of `source` where this formula, with its delimiters, starts."""
    if not source.is_file():
        return None
    text = source.read_text(encoding="utf-8")
    body = r"\s+".join(re.escape(part) for part in tex.split())
    if display:
        pattern = rf"(?:\$\$|\\\[)\s*{body}\s*(?:\$\$|\\\])"
    else:
        pattern = rf"(?:(?<!\$)\$|\\\()\s*{body}\s*(?:\$(?!\$)|\\\))"
    match = re.search(pattern, text)
    return text.count("\n", 0, match.start()) + 1 if match else None


# Material's search indexes the text of a page, and a formula has three: its MathML, the TeX
# in MathML's annotation and KaTeX's HTML rendering ("For NNN samples"). The index keeps the
# text of KaTeX's HTML for inline math ("For N samples"); display formulas are left out whole
# (display_block), since a flattened formula is no search result a reader can use. (The
# search plugin matches the end of an excluded element by its tag name alone, so only an
# element with no same-tag element inside can be excluded: KaTeX's MathML span holds none.)
SEARCH_EXCLUDED = "data-search-exclude"
_MATHML = '<span class="katex-mathml">'


def typeset(tex: str, display: bool, source: Path, config) -> str:
    """KaTeX's HTML for one formula of `source` (a page or an example), or the build stops."""
    status, text = _katex.typeset(tex.strip(), display)
    if status == "ok":
        return text.replace(_MATHML, f'<span class="katex-mathml" {SEARCH_EXCLUDED}>')
    line = formula_line(source, tex.strip(), display)
    shown_path = Path(os.path.relpath(source, site.repo_root(config))).as_posix()  # docs/x.md, examples/x.py
    where = f"{shown_path}:{line}" if line else shown_path
    shown = f"$${tex.strip()}$$" if display else f"${tex.strip()}$"
    raise PluginError(
        f"{where} has a formula KaTeX cannot typeset: {shown}\n{text}\n"
        "Fix the LaTeX (KaTeX's supported functions: see katex.org/docs/supported)."
    )


def display_block(katex_html: str, name: str) -> str:
    """A display formula in arithmatex's wrapper, which scrolls when the formula is wider than the
    screen: focusable and named, so a keyboard can scroll it too (scroll_regions.py)."""
    attributes = scroll_regions.region_attributes(name)
    return f'<div class="arithmatex" {attributes} {SEARCH_EXCLUDED}>{katex_html}</div>'


def typeset_markdown_page(content: str, source: Path, config) -> str:
    formula_names = scroll_regions.names(words_for(site.language(config)).formula_region)

    def replace(match: re.Match) -> str:
        display = match["display"] is not None
        tex = html.unescape(match["display"] if display else match["inline"])
        typeset_html = typeset(tex, display, source, config)
        if match["tag"] == "div":
            return display_block(typeset_html, next(formula_names))
        return f'<{match["tag"]} class="arithmatex">{typeset_html}</{match["tag"]}>'

    return ARITHMATEX.sub(replace, content)
