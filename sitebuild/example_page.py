"""Turn what mkdocs-jupyter rendered for an example into a page like a Markdown page, in one pass.

mkdocs-jupyter executes the script and renders a JupyterLab page: its stylesheet, scripts and
six wrapper divs per cell. One parse of that HTML gives the page its final content:

- prose cells become plain HTML at the top level (so search splits the page at its headings),
  in the build's language: for Korean, the cells of `examples/<name>.ko.md`
  (see example_prose.py); their `$...$` and `$$...$$` are typeset by KaTeX;
- code cells become Material code blocks (`div.highlight > pre > code`, with a copy button);
- outputs keep JupyterLab's classes (`jp-OutputArea-output`, ...), styled by
  docs/stylesheets/notebook.css; each output and display formula can scroll sideways, so it
  takes focus and has a name (scroll_regions.py); each figure becomes an image file named by its content,
  with its size, instead of a base64 data URI;
- headings get the same Unicode slugs as Markdown pages, a permalink and a table of contents;
- the download line goes under the title.

Every <script>, <style> and comment is dropped: nothing is loaded from another host.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from pymdownx.slugs import slugify

from sitebuild import scroll_regions
from sitebuild.katex import display_block

SLUGIFY = slugify(case="lower")  # the same as mkdocs.yml's toc slugify, so links to either kind agree
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
NEVER_TYPESET_INSIDE = {"code", "pre", "script", "style", "kbd", "samp"}
DATA_URI = re.compile(r"^data:image/(?P<kind>png|jpeg|gif);base64,(?P<data>[A-Za-z0-9+/=\s]+)$")
EXTENSION = {"png": "png", "jpeg": "jpg", "gif": "gif"}

# `$$...$$` and `$...$` in prose text. `$` must hug the formula (`$x$`, not `$ 5 and $`) so prices
# and shell prompts stay text, and not touch a letter or digit (`US$5`), except Hangul: Korean
# particles follow math directly (`$y = 2x + 1$에`).
NOT_HANGUL_WORD = r"[^\W\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]"
PROSE_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$"
    rf"|(?<![\\$])(?<!{NOT_HANGUL_WORD})\$(?=\S)(?P<inline>[^$]+?)(?<=\S)(?<!\\)\$(?!{NOT_HANGUL_WORD}|\$)",
    re.S,
)


@dataclass(frozen=True)
class RegionLabels:
    """What a screen reader calls a block that scrolls sideways (words.py, scroll_regions.py)."""

    formula: str
    output: str


@dataclass
class ExamplePage:
    """What one pass makes of an example page."""

    content: str
    title: str | None
    toc_tokens: list[dict]
    anchor_ids: set[str]
    figures: dict[str, bytes] = field(default_factory=dict)  # file name next to the page -> bytes


def build_example_page(
    rendered: str, *, prose: list[str] | None, typeset, downloads: str, labels: RegionLabels
) -> ExamplePage:
    """One pass over mkdocs-jupyter's HTML.

    `prose`: the translated markdown cells, in order, or None to keep the script's own;
    `typeset(tex, display)`: KaTeX's HTML for a formula; `downloads`: the HTML of the download line;
    `labels`: the names, in the page's language, of blocks that may scroll sideways.
    """
    soup = BeautifulSoup(rendered, "html.parser")
    figures: dict[str, bytes] = {}
    body: list = []
    translated = iter(prose) if prose is not None else None
    formula_names, output_names = scroll_regions.names(labels.formula), scroll_regions.names(labels.output)
    for cell in _top_level_cells(soup):
        classes = cell.get("class", [])
        if "jp-MarkdownCell" in classes:
            body += _prose_cell(cell, translated, typeset, formula_names)
        elif "jp-CodeCell" in classes:
            body.append(_code_cell(cell, soup, figures, output_names))
        else:  # raw cells: their text as it is
            body.append(cell)
    if translated is not None and next(translated, None) is not None:
        raise ValueError("more translated cells than markdown cells")  # example_prose checked the count

    page = BeautifulSoup("", "html.parser")
    for element in body:
        page.append(element.extract() if element.parent else element)
    title, tokens, ids = _label_headings(page)
    first_heading = page.find("h1")
    if first_heading is not None:
        first_heading.insert_after(BeautifulSoup(downloads, "html.parser"))
    else:
        page.insert(0, BeautifulSoup(downloads, "html.parser"))
    return ExamplePage(str(page), title, tokens, ids, figures)


def _top_level_cells(soup: BeautifulSoup) -> list[Tag]:
    # mkdocs-jupyter's template nests each code cell in a second .jp-Cell: take the outermost.
    return [cell for cell in soup.select(".jp-Cell") if cell.find_parent(class_="jp-Cell") is None]


def _prose_cell(cell: Tag, translated, typeset, formula_names: Iterator[str]) -> list:
    rendered = cell.select_one(".jp-RenderedMarkdown")
    if rendered is None:
        return []
    if translated is not None:
        rendered.clear()
        rendered.append(BeautifulSoup(markdown2html_mistune(next(translated)), "html.parser"))
    for comment in rendered.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for text in list(rendered.find_all(string=True)):
        if type(text) is not NavigableString:
            continue
        if any(parent.name in NEVER_TYPESET_INSIDE for parent in text.parents):
            continue
        typeset_html = _typeset_text(str(text), typeset)
        if typeset_html is not None:
            text.replace_with(BeautifulSoup(typeset_html, "html.parser"))
    _display_formulas_as_blocks(rendered, formula_names)
    return list(rendered.contents)


def _display_formulas_as_blocks(rendered: Tag, formula_names: Iterator[str]) -> None:
    """A paragraph that holds only a display formula becomes the scrolling block Markdown pages
    have (katex.display_block), so a formula wider than a phone scrolls and takes focus."""
    for formula in rendered.select("p > .katex-display"):
        paragraph = formula.parent
        if any(str(part).strip() for part in paragraph.contents if part is not formula):
            continue  # a formula inside running text: left in its sentence
        paragraph.replace_with(BeautifulSoup(display_block(str(formula), next(formula_names)), "html.parser"))


def _typeset_text(text: str, typeset) -> str | None:
    """HTML for a text node with its formulas typeset, or None when it has none."""
    pieces, last = [], 0
    for match in PROSE_MATH.finditer(text):
        display = match["display"] is not None
        tex = match["display"] if display else match["inline"]
        pieces += [html.escape(text[last : match.start()], quote=False), typeset(tex, display)]
        last = match.end()
    if not pieces:
        return None
    return "".join(pieces) + html.escape(text[last:], quote=False)


def _code_cell(cell: Tag, soup: BeautifulSoup, figures: dict[str, bytes], output_names: Iterator[str]) -> Tag:
    """A code cell as a Material code block followed by its outputs."""
    block = soup.new_tag("div", attrs={"class": "nb-cell"})
    source = cell.select_one(".jp-InputArea-editor pre")
    if source is not None:
        highlight = soup.new_tag("div", attrs={"class": "language-python highlight"})
        pre = soup.new_tag("pre")
        code = soup.new_tag("code")
        code.extend(list(source.contents))
        pre.append(code)
        highlight.append(pre)
        block.append(highlight)
    for output in cell.select(".jp-OutputArea-output"):
        # Printed text and tables can be wider than a phone: the output scrolls, so it takes focus.
        output.attrs.update({"tabindex": "0", "role": "region", "aria-label": next(output_names)})
        for element in output.find_all(["script", "style"]):
            element.decompose()
        for image in output.find_all("img"):
            _figure_to_file(image, figures)
        block.append(output.extract())
    return block


def png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def _figure_to_file(image: Tag, figures: dict[str, bytes]) -> None:
    """Jupyter embeds a plot as a data URI, a third larger than the PNG and fetched again with
    every visit; a file named by its content can be cached by browsers for good."""
    match = DATA_URI.match(image.get("src", ""))
    if not match:
        return
    data = base64.b64decode(match["data"])
    name = f"figure-{hashlib.sha256(data).hexdigest()[:12]}.{EXTENSION[match['kind']]}"
    figures[name] = data
    image["src"] = name
    size = png_size(data)
    if size:  # the page does not jump as the image loads
        image["width"], image["height"] = str(size[0]), str(size[1])


def _unique(slug: str, taken: set[str]) -> str:
    """Python-Markdown's rule for repeated headings: `name`, `name_1`, `name_2`, ..."""
    candidate, number = slug, 0
    while candidate in taken:
        number += 1
        candidate = f"{slug}_{number}"
    taken.add(candidate)
    return candidate


def _label_headings(page: BeautifulSoup) -> tuple[str | None, list[dict], set[str]]:
    """Slug ids and permalinks for every heading; the title, the nested TOC tokens and all ids."""
    taken = {element["id"] for element in page.find_all(id=True) if element.name not in HEADINGS}
    flat, title = [], None
    for heading in page.find_all(HEADINGS):
        for link in heading.select("a.anchor-link, a.headerlink"):
            link.decompose()
        name = heading.get_text().strip()
        if heading.name == "h1" and title is None:
            title = name
        heading["id"] = _unique(SLUGIFY(name, "-") or "section", taken)
        permalink = page.new_tag(
            "a", attrs={"class": "headerlink", "href": f"#{heading['id']}", "title": "Permanent link"}
        )
        permalink.string = "¶"
        heading.append(permalink)
        flat.append({"level": int(heading.name[1]), "id": heading["id"], "name": html.escape(name, quote=False)})
    return title, _nest(flat), taken


def _nest(flat: list[dict]) -> list[dict]:
    """TOC tokens nested by level, as mkdocs.structure.toc.get_toc expects."""
    root: list[dict] = []
    stack: list[dict] = []
    for token in flat:
        token = {**token, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
