"""Every heading on every page gets an id that its permalink, the TOC and search agree on.

Markdown's default slugify drops non-ASCII letters, so a Korean heading got an empty or
clashing id. Markdown pages use pymdownx's Unicode slugify instead (set here, not in
mkdocs.yml, so that file stays plain YAML that any tool can read).

Example pages come from mkdocs-jupyter, whose HTML ids (nbconvert's) and TOC (Python-Markdown's
ASCII slugs) are made separately and need not match. Here the ids are made with the same
slugify as on Markdown pages, the permalink becomes Material's `headerlink`, and the page's
TOC is rebuilt from the headings actually on the page; links from other pages to those
ids are then validated like links to Markdown headings.
"""

from __future__ import annotations

import html

from bs4 import BeautifulSoup
from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc
from pymdownx.slugs import slugify

from examples import is_example_page  # hooks/examples.py (MkDocs puts hooks/ on the path)

SLUGIFY = slugify(case="lower")
SEPARATOR = "-"
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def on_config(config):
    config["mdx_configs"].setdefault("toc", {})["slugify"] = SLUGIFY
    return config


def _unique(slug: str, taken: set[str]) -> str:
    """Python-Markdown's rule for repeated headings: `name`, `name_1`, `name_2`, ..."""
    candidate, number = slug, 0
    while candidate in taken:
        number += 1
        candidate = f"{slug}_{number}"
    taken.add(candidate)
    return candidate


def _nest(flat: list[dict]) -> list[dict]:
    """TOC tokens (level, id, name) nested by level, as get_toc expects."""
    root: list[dict] = []
    stack: list[dict] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def label_notebook_headings(content: str) -> tuple[str, list[dict], set[str]]:
    """Content with slugified heading ids and permalinks, its TOC tokens, and all its ids."""
    soup = BeautifulSoup(content, "html.parser")
    taken = {element["id"] for element in soup.find_all(id=True) if element.name not in HEADINGS}
    tokens = []
    for heading in soup.find_all(HEADINGS):
        for link in heading.select("a.anchor-link, a.headerlink"):
            link.decompose()
        name = heading.get_text().strip()
        heading["id"] = _unique(SLUGIFY(name, SEPARATOR) or "section", taken)
        permalink = soup.new_tag(
            "a", attrs={"class": "headerlink", "href": f"#{heading['id']}", "title": "Permanent link"}
        )
        permalink.string = "¶"
        heading.append(permalink)
        tokens.append(
            {"level": int(heading.name[1]), "id": heading["id"], "name": html.escape(name, quote=False), "children": []}
        )
    return str(soup), _nest(tokens), taken


# Priority -50: after hooks/notebook_pages.py has put the prose at the top level.
@event_priority(-50)
def on_page_content(content, page, config, files):
    if not is_example_page(page):
        return content
    content, tokens, ids = label_notebook_headings(content)
    page.toc = get_toc(tokens)
    page.present_anchor_ids = ids  # MkDocs then checks links to this page's anchors, as for Markdown
    return content
