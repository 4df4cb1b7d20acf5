"""Every page loads with HTTP 200, no console errors and no failed requests."""

from __future__ import annotations


def test_page_loads_cleanly(visit):
    assert visit.status == 200, f"{visit}: HTTP {visit.status}"
    assert not visit.console_errors, f"{visit}: console errors:\n" + "\n".join(visit.console_errors)
    assert not visit.failed_requests, f"{visit}: failed requests:\n" + "\n".join(visit.failed_requests)
