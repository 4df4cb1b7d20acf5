"""axe-core finds no serious or critical accessibility violations, in light and in dark mode,
on a desktop screen and on a phone (375 px wide, where formulas, outputs and tables scroll).

axe is injected as a script tag, which the page's own CSP would refuse, so this
one test loads pages with the policy bypassed (the CSP has its own test).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP
from tests.browser.site_pages import PAGES

SCHEMES = {"light": "default", "dark": "slate"}  # OS preference -> Material's colour scheme
SCREENS = {"desktop": DESKTOP, "phone": {"width": 375, "height": 812}}
BLOCKING_IMPACT = ("serious", "critical")


def describe(violation) -> str:
    where = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
    more = len(violation["nodes"]) - 3
    return f"{violation['impact']} {violation['id']}: {violation['help']} at {where}" + (
        f" (+{more} more)" if more > 0 else ""
    )


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_no_serious_accessibility_violations(new_page, site_url, axe_core, site_page, scheme, screen):
    page = new_page(bypass_csp=True, color_scheme=scheme, viewport=SCREENS[screen])
    page.goto(site_url + site_page.path, wait_until="networkidle")
    shown = page.get_attribute("body", "data-md-color-scheme")
    assert shown == SCHEMES[scheme], f"{site_page}: expected the {scheme} scheme, the page shows {shown!r}"
    page.add_script_tag(path=axe_core)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    blocking = [describe(v) for v in result["violations"] if v["impact"] in BLOCKING_IMPACT]
    assert not blocking, f"{site_page} in {scheme} mode on a {screen} screen:\n" + "\n".join(blocking)
