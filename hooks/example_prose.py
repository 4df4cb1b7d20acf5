"""Show an example page's prose in the page's language; the code and its output stay shared.

An example script's markdown cells are English. For another language, say
Korean, `examples/<name>.ko.md` holds the translated prose, one block per
markdown cell of the script, each opened by a marker that numbers the cell:

    <!-- markdown cell 1 -->
    # 이상치 하나: MSE, L1, Huber
    ...
    <!-- markdown cell 2 -->
    ...

The script is executed once (mkdocs-jupyter renders it; the other language's
build hits mkdocs-jupyter's cache), then this hook swaps the rendered English
cells for the translated ones, in order, rendered by the same Markdown
renderer nbconvert uses for notebook cells. Code, outputs and plots are never
copied. The swap happens inside the page's render, so every later step
(hooks/notebook_pages.py, hooks/katex.py, hooks/headings.py: ids and TOC)
sees the Korean prose. A missing overlay, or one whose cells do not match the script's, stops
the build naming the file and what to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from nbconvert.filters.markdown_mistune import markdown2html_mistune

CELL_MARKER = re.compile(r"^<!--\s*markdown cell (?P<number>\d+)\s*-->\s*$")
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
        elif line.strip():
            raise PluginError(f"{overlay}:{number}: text before '<!-- markdown cell 1 -->'; start with the marker.")
    if len(cells) != expected:
        raise PluginError(
            f"{overlay}: translates {len(cells)} markdown cells but the script has {expected}; "
            "add or remove '<!-- markdown cell N -->' blocks so there is one per markdown cell of the script."
        )
    return ["\n".join(cell).strip("\n") for cell in cells]


def markdown_cell_count(script: Path) -> int:
    return sum(cell.cell_type == "markdown" for cell in jupytext.read(script).cells)


def _i18n(config):
    return config.plugins.get("i18n")


def _current_language(config) -> tuple[str, str]:
    plugin = _i18n(config)
    return (plugin.current_language, plugin.default_language) if plugin else ("en", "en")


def _is_example(page) -> bool:
    # Like hooks/examples.py's is_example_page; not imported, so tests can import this module.
    return page.file.src_uri.startswith("examples/") and page.file.src_uri.endswith(".py")


def swap_prose(html: str, cells: list[str]) -> str:
    """Replace each rendered markdown cell of `html`, in order, with the translated cell."""
    soup = BeautifulSoup(html, "html.parser")
    rendered = soup.select("div.jp-RenderedMarkdown")
    for container, text in zip(rendered, cells, strict=True):
        container.clear()
        container.append(BeautifulSoup(markdown2html_mistune(text), "html.parser"))
    return str(soup)


# After hooks/examples.py (-100), which wraps mkdocs-jupyter's render to name failing lines.
@event_priority(-110)
def on_pre_page(page, config, files):
    language, default = _current_language(config)
    if language == default or not _is_example(page):
        return page
    script = Path(page.file.abs_src_path)
    overlay = overlay_path(script, language)
    if not overlay.is_file():
        if _i18n(config).config.fallback_to_default:  # a translation in progress: English prose
            return page
        raise PluginError(
            f"{page.file.src_uri} has no {language} prose: create {overlay.name} next to it "
            "with one '<!-- markdown cell N -->' block per markdown cell (see hooks/example_prose.py)."
        )
    cells = translated_cells(overlay, markdown_cell_count(script))
    render_in_english = page.render

    def render_translated(config, files):
        render_in_english(config, files)
        page.content = swap_prose(page.content, cells)
        title = TITLE.search(cells[0]) if cells else None
        if title:  # the page title (tab, nav) from the first cell's `# heading`, as in English
            page.title = title.group("title")

    page.render = render_translated
    return page


def _overlay_of(page, config) -> Path | None:
    """The translated prose of an example page in a non-default language's build, else None."""
    language, default = _current_language(config)
    if language == default or not _is_example(page):
        return None
    overlay = overlay_path(Path(page.file.abs_src_path), language)
    return overlay if overlay.is_file() else None


# After hooks/edit_links.py (0): the Korean prose is written in the overlay, not in the script.
@event_priority(-10)
def on_page_context(context, page, config, nav):
    overlay = _overlay_of(page, config)
    if overlay is not None and page.edit_url:
        page.edit_url = page.edit_url.rsplit("/", 1)[0] + "/" + overlay.name
    return context


# After hooks/examples.py (0) has written the downloadable notebook next to the page:
# a Korean reader downloads a notebook with the Korean prose (the .py stays the script).
@event_priority(-10)
def on_post_page(output, page, config):
    overlay = _overlay_of(page, config)
    if overlay is None:
        return output
    script = Path(page.file.abs_src_path)
    notebook_file = Path(page.file.abs_dest_path).parent / f"{script.stem}.ipynb"
    notebook = jupytext.read(notebook_file)
    prose = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    for cell, text in zip(prose, translated_cells(overlay, len(prose)), strict=True):
        cell.source = text
    jupytext.write(notebook, notebook_file, fmt="ipynb")
    return output
