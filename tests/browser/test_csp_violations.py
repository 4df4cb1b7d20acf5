"""Chromium enforces each page's Content-Security-Policy without a single violation.

The policy comes from sitebuild/content_security_policy.py; a violation means an
inline block the hook did not hash, or something loaded from another origin.
"""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PAGES


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_no_content_security_policy_violations(page_load, site_page):
    violations = page_load(site_page).csp_violations
    assert not violations, f"{site_page}: Content-Security-Policy violations:\n" + "\n".join(violations)
