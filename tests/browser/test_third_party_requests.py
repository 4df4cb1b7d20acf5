"""No page requests anything from a host other than the site's own server.

Requests that would leave 127.0.0.1 are recorded and aborted, never sent; what the
page's CSP blocks before any request is made is counted too (from its violation
reports), so this sees everything a page *tries* to load from elsewhere.
"""

from __future__ import annotations


def test_no_request_leaves_the_site(visit, site_url):
    foreign = visit.foreign_requests(site_url)
    assert not foreign, f"{visit} requests other hosts:\n" + "\n".join(foreign)
