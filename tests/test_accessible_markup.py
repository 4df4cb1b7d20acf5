"""overrides/partials/search.html: the search dialog has a name, in the page's language."""

from __future__ import annotations

from tests.support.built_html import parsed


def test_search_dialog_is_named_in_the_page_language(built_site):
    # axe flags a role="dialog" without an accessible name as serious.
    for page, name in [("index.html", "Search"), ("ko/index.html", "검색"), ("examples/adam/index.html", "Search")]:
        dialog = parsed(built_site / page).select_one('.md-search[role="dialog"]')
        assert dialog is not None and dialog.get("aria-label") == name, (page, dialog and dialog.attrs)
