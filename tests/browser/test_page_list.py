"""The browser tests visit every HTML page the build writes, and only those."""

from __future__ import annotations

from tests.support.site_browser import PAGES, html_file


def test_every_built_page_is_in_the_browser_tests(built_site):
    built = {path.relative_to(built_site) for path in built_site.rglob("*.html")}
    listed = {html_file(built_site, page).relative_to(built_site) for page in PAGES}
    assert built - listed == set(), f"built but not visited by the browser tests: {sorted(map(str, built - listed))}"
    assert listed - built == set(), f"listed but not built: {sorted(map(str, listed - built))}"
