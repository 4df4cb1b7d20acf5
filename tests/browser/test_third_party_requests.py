"""No page requests anything from a host other than the site's own server.

The page is loaded with its CSP bypassed, so this sees what the page *tries*
to load (the policy would otherwise block it silently). Requests that leave
127.0.0.1 are recorded and aborted, never sent.
"""

from __future__ import annotations

import pytest

from tests.browser.recording import record
from tests.browser.site_pages import PAGES


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_no_request_leaves_the_site(browser, site_url, site_page):
    context = browser.new_context(bypass_csp=True)
    try:
        context.route(
            "**/*",
            lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort(),
        )
        loaded = record(context, context.new_page(), site_url + site_page.path)
    finally:
        context.close()
    foreign = loaded.foreign_requests(site_url)
    assert not foreign, f"{site_page} requests other hosts:\n" + "\n".join(foreign)
