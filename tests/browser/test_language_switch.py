"""Reader journey: the language switch in the header keeps the reader on the same page."""

from __future__ import annotations

import pytest

# A deep Markdown page, an example page (added by sitebuild/example_sources.py, not by the plugin) and a home page.
PATHS = ["components/loss/", "examples/outliers/", ""]


def switch_language(page, language):
    page.locator(".md-header .md-select").first.hover()  # the menu opens on hover, as for a mouse user
    with page.expect_navigation():
        page.locator(f".md-header a.md-select__link[hreflang='{language}']").first.click()


@pytest.mark.parametrize("path", PATHS, ids=lambda path: "/" + path)
def test_switching_to_korean_and_back_stays_on_the_page(new_page, site_url, path):
    page = new_page()
    page.goto(site_url + path, wait_until="networkidle")
    switch_language(page, "ko")
    assert page.url == site_url + "ko/" + path, f"/{path}: the switch to Korean went to {page.url}"
    assert page.locator("html").get_attribute("lang") == "ko", f"/ko/{path} is not marked lang=ko"
    switch_language(page, "en")
    assert page.url == site_url + path, f"/ko/{path}: the switch to English went to {page.url}"
    assert page.locator("html").get_attribute("lang") == "en", f"/{path} is not marked lang=en"
