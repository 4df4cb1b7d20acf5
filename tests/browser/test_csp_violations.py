"""Chromium enforces each page's Content-Security-Policy without a single violation.

The policy comes from sitebuild/content_security_policy.py; a violation means an
inline block the hook did not hash, or something loaded from another origin.
"""

from __future__ import annotations


def test_no_content_security_policy_violations(visit):
    violations = visit.csp_violations
    assert not violations, f"{visit}: Content-Security-Policy violations:\n" + "\n".join(violations)
