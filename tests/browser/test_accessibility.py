"""axe-core finds no serious or critical accessibility violations, in light and in dark mode,
on a desktop screen and on a phone (375 px wide, where formulas, outputs and tables scroll).

axe runs on the same CSP-enforced load as every other per-page check (see
`axe_violations` in tests/support/page_visit.py): once at desktop width, then with the page
narrowed to a phone's width.
"""

from __future__ import annotations

import pytest

from tests.support.page_visit import SCHEMES, axe_violations, page_probe

BLOCKING_IMPACT = ("serious", "critical")
PROBE_PER_SCREEN = {"desktop": "axe", "phone": "axe at phone width"}


@page_probe("axe")
def run_axe(page, visit):
    """axe's violations on the page as loaded, at desktop width."""
    return axe_violations(page)


@page_probe("axe at phone width", screen="phone")
def run_axe_on_a_phone(page, visit):
    """axe's violations at 375 px, where wide blocks scroll and must take focus."""
    return axe_violations(page)


def describe(violation) -> str:
    where = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    more = len(violation["nodes"]) - 3
    return f"{violation['impact']} {violation['id']}: {violation['help']} at {where}" + (
        f" (+{more} more)" if more > 0 else ""
    )


@pytest.mark.parametrize("screen", PROBE_PER_SCREEN)
def test_no_serious_accessibility_violations(visit, screen):
    shown = visit.shown_scheme
    assert shown == SCHEMES[visit.scheme], f"{visit}: expected the {visit.scheme} scheme, the page shows {shown!r}"
    blocking = [describe(v) for v in visit.found(PROBE_PER_SCREEN[screen]) if v["impact"] in BLOCKING_IMPACT]
    assert not blocking, f"{visit.site_page} in {visit.scheme} mode on a {screen} screen:\n" + "\n".join(blocking)
