"""hooks/accessible_markup.py: the search dialog gets a name, notebook code cells get focus."""

from __future__ import annotations

from bs4 import BeautifulSoup

from hooks.accessible_markup import accessible

SEARCH = '<div class="md-search" data-md-component="search" role="dialog">'
NOTEBOOK = '<div class="highlight-ipynb hl-python"><pre>x = 1</pre></div>'


def test_search_dialog_gets_an_accessible_name_once():
    once = accessible(SEARCH)
    assert once == '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    assert accessible(once) == once


def test_notebook_code_cells_become_keyboard_focusable_once():
    once = accessible(NOTEBOOK)
    assert once == '<div class="highlight-ipynb hl-python" tabindex="0"><pre>x = 1</pre></div>'
    assert accessible(once) == once


def test_built_pages_carry_both(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(built_site)
        assert soup.select_one('.md-search[role="dialog"]')["aria-label"] == "Search", f"{where}: search dialog unnamed"
        for cell in soup.select("div.highlight-ipynb"):
            assert cell.get("tabindex") == "0", f"{where}: a notebook code cell cannot be focused"
