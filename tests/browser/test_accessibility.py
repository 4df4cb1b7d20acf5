"""axe-core finds no serious or critical accessibility violations, in light and in dark mode.

axe is evaluated through the DevTools protocol, which the page's own CSP does not
govern, so it runs on the same CSP-enforced load as every other per-page check.
"""

from __future__ import annotations

from tests.support.page_visit import SCHEMES, page_probe
from tests.support.site_build import ROOT

AXE_CORE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACT = ("serious", "critical")


@page_probe("axe")
def run_axe(page, visit):
    """axe's violations on the page as loaded."""
    if not AXE_CORE.is_file():
        raise FileNotFoundError(f"{AXE_CORE.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    page.evaluate(AXE_CORE.read_text(encoding="utf-8") + "\n;0")
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]


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
