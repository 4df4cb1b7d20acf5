"""axe-core finds no serious or critical accessibility violations, in light and in dark mode.

axe runs on the same CSP-enforced load as every other per-page check (see
`axe_violations` in tests/support/page_visit.py).
"""

from __future__ import annotations

from tests.support.page_visit import SCHEMES, axe_violations, page_probe

BLOCKING_IMPACT = ("serious", "critical")


@page_probe("axe")
def run_axe(page, visit):
    """axe's violations on the page as loaded, at desktop width."""
    return axe_violations(page)


def describe(violation) -> str:
    where = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    more = len(violation["nodes"]) - 3
    return f"{violation['impact']} {violation['id']}: {violation['help']} at {where}" + (
        f" (+{more} more)" if more > 0 else ""
    )


def test_no_serious_accessibility_violations(visit):
    shown = visit.shown_scheme
    assert shown == SCHEMES[visit.scheme], f"{visit}: expected the {visit.scheme} scheme, the page shows {shown!r}"
    blocking = [describe(v) for v in visit.found("axe") if v["impact"] in BLOCKING_IMPACT]
    assert not blocking, f"{visit.site_page} in {visit.scheme} mode:\n" + "\n".join(blocking)
