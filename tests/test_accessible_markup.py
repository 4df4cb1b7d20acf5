"""hooks/accessible_markup.py: the search dialog gets a name."""

from __future__ import annotations

from bs4 import BeautifulSoup

from hooks.accessible_markup import accessible

SEARCH = '<div class="md-search" data-md-component="search" role="dialog">'


def test_search_dialog_gets_an_accessible_name_once():
    once = accessible(SEARCH)
    assert once == '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
    assert accessible(once) == once


def test_every_built_page_names_its_search_dialog(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(built_site)
        assert soup.select_one('.md-search[role="dialog"]')["aria-label"] == "Search", f"{where}: search dialog unnamed"
