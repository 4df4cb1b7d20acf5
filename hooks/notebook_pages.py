"""Make example pages as light as Markdown pages: plain prose, highlighted code, outputs.

mkdocs-jupyter puts JupyterLab's whole stylesheet (~570 KB), a Pygments theme, MathJax from
a CDN, Mermaid from a CDN, a clipboard script and six wrapper divs per cell into every
example page. This hook keeps only the content:

- prose cells become plain HTML at the top level of the page, as on a Markdown page (so
  Material's search splits an example into sections at its headings);
- code cells become Material code blocks (`div.highlight > pre > code`, styled and given a
  copy button by Material, like snippets);
- outputs keep JupyterLab's classes (`jp-OutputArea-output`, `jp-RenderedText`, ...) and
  are styled by docs/stylesheets/notebook.css with Material's colour variables, so they
  follow the light and dark schemes.

Every <script> and <style> in an example's content is dropped: the site's own stylesheets
cover what is left, and nothing is loaded from another host.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment
from mkdocs.plugins import event_priority

from examples import is_example_page  # hooks/examples.py (MkDocs puts hooks/ on the path)


def _prose(cell, soup):
    """The rendered Markdown of a prose cell, without its wrappers."""
    rendered = cell.select_one(".jp-RenderedMarkdown")
    return list(rendered.contents) if rendered else []


def _code(cell, soup):
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
        output.attrs.pop("tabindex", None)
        block.append(output.extract())
    return [block]


def lighten(content: str) -> str:
    soup = BeautifulSoup(content, "html.parser")
    for element in soup.find_all(["script", "style"]):
        element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for notebook in soup.select(".jupyter-wrapper"):
        replacement = []
        # mkdocs-jupyter's template nests each code cell in a second .jp-Cell: take the outermost.
        for cell in notebook.select(".jp-Cell"):
            if cell.find_parent(class_="jp-Cell") is not None:
                continue
            classes = cell.get("class", [])
            if "jp-MarkdownCell" in classes:
                replacement += _prose(cell, soup)
            elif "jp-CodeCell" in classes:
                replacement += _code(cell, soup)
            else:  # raw cells: show their text as it is
                replacement.append(cell)
        for element in replacement:
            notebook.insert_before(element.extract() if element.parent else element)
        notebook.decompose()
    return str(soup)


# Priority 20: after hooks/katex.py typeset the prose, before hooks/headings.py sets the ids.
@event_priority(20)
def on_page_content(content, page, config, files):
    if not is_example_page(page):
        return content
    return lighten(content)
