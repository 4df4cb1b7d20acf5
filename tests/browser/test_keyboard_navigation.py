"""With the keyboard alone, Tab reaches a navigation link, shows where focus is, and Enter follows it."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PAGES

MAX_TABS = 40
NAV_LINK = "nav a[href]"
# The focused element, if it is a navigation link to another page of the site: its absolute href.
FOCUSED_NAV_LINK = """(selector) => {
  const el = document.activeElement;
  if (!el || !el.matches(selector)) return null;
  const target = new URL(el.href);
  const here = new URL(location.href);
  target.hash = here.hash = "";
  // Another page of this site (links to the repository and the like are not site navigation).
  return target.origin !== here.origin || target.href === here.href ? null : el.href;
}"""


def focus_ring_clip(box, margin=6):
    """The link's box plus a margin, where an outline or underline would be drawn."""
    return {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }


def settled_screenshot(page, clip, attempts=20):
    """A screenshot of `clip` once two in a row, 150 ms apart, agree: colour and outline
    transitions take longer than their nominal time on a busy machine."""
    shot = page.screenshot(clip=clip)
    for _ in range(attempts):
        page.wait_for_timeout(150)
        again = page.screenshot(clip=clip)
        if again == shot:
            break
        shot = again
    return shot


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_tab_reaches_a_navigation_link_and_enter_follows_it(new_page, site_url, site_page):
    page = new_page()
    page.goto(site_url + site_page.path, wait_until="networkidle")
    target = None
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        target = page.evaluate(FOCUSED_NAV_LINK, NAV_LINK)
        if target:
            break
    assert target, f"{site_page}: {MAX_TABS} presses of Tab never reached a link in <nav> to another page"

    # Visible focus: the focused link looks different from the same link unfocused.
    clip = focus_ring_clip(
        page.evaluate(
            "(() => { const r = document.activeElement.getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
        )
    )
    focused = settled_screenshot(page, clip)
    page.keyboard.press("Tab")  # focus moves on: the same spot, unfocused
    unfocused = settled_screenshot(page, clip)
    assert focused != unfocused, f"{site_page}: focusing the link to {target} shows no visible change"

    page.keyboard.press("Shift+Tab")
    assert page.evaluate(FOCUSED_NAV_LINK, NAV_LINK) == target, f"{site_page}: Shift+Tab did not return to {target}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target, f"{site_page}: Enter on the link to {target} went to {page.url}"
