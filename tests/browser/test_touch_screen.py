"""On a touch phone with a keyboard, every block that scrolls sideways takes focus.

The page visits narrow a desktop browser to a phone's width, which can still hover. Material
makes a wide code block focusable only where the device can hover, so those visits could not
see that a touch phone got none (docs/javascripts/scrollable_code.js mends it). Here the page
loads in a touch phone's browser from the start, and axe checks that every block that scrolls
can be reached by keyboard, on pages with code wider than the screen.
"""

from __future__ import annotations

import pytest

from tests.support.page_visit import LAYOUT_SETTLED, MATERIAL_READY, axe_violations

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
PAGES = ["components/loss/", "ko/components/loss/", "examples/outliers/"]
WIDE_CODE = "[...document.querySelectorAll('pre > code')].filter((code) => code.scrollWidth > code.clientWidth).length"


@pytest.mark.parametrize("path", PAGES, ids=lambda path: "/" + path)
def test_blocks_that_scroll_take_focus_on_a_touch_phone(new_page, site_url, path):
    page = new_page(**PHONE)
    page.goto(site_url + path, wait_until="load")
    assert not page.evaluate("matchMedia('(hover)').matches"), "the browser should be a phone that cannot hover"
    page.wait_for_function(MATERIAL_READY)
    page.evaluate(LAYOUT_SETTLED)  # resize observers report in the frame after they start
    assert page.evaluate(WIDE_CODE) > 0, f"/{path} has no code wider than a phone: pick a page that has"
    violations = axe_violations(page, rules=["scrollable-region-focusable"])
    unreachable = [" ".join(node["target"]) for violation in violations for node in violation["nodes"]]
    assert not unreachable, f"/{path} on a touch phone: blocks that scroll but take no focus: {unreachable}"
