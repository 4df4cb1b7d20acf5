"""Every page loads with HTTP 200, no console errors and no failed requests."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PAGES


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_page_loads_cleanly(page_load, site_page):
    loaded = page_load(site_page)
    assert loaded.status == 200, f"{site_page}: HTTP {loaded.status}"
    assert not loaded.console_errors, f"{site_page}: console errors:\n" + "\n".join(loaded.console_errors)
    assert not loaded.failed_requests, f"{site_page}: failed requests:\n" + "\n".join(loaded.failed_requests)
