"""With the keyboard alone, Tab reaches a navigation link, shows where focus is, and Enter follows it."""

from __future__ import annotations

from tests.support.focus import focused_clip, settled_screenshot
from tests.support.page_visit import page_probe

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


@page_probe("keyboard", leaves_page=True)
def walk_with_the_keyboard(page, visit):
    """Tab to the first navigation link, compare it focused and unfocused, come back, press Enter."""
    walk = {"target": None}
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        walk["target"] = page.evaluate(FOCUSED_NAV_LINK, NAV_LINK)
        if walk["target"]:
            break
    else:
        return walk

    # Visible focus: the focused link looks different from the same link unfocused.
    clip = focused_clip(page)
    focused = settled_screenshot(page, clip)
    page.keyboard.press("Tab")  # focus moves on: the same spot, unfocused
    walk["focus_visible"] = settled_screenshot(page, clip) != focused

    page.keyboard.press("Shift+Tab")
    walk["back_on"] = page.evaluate(FOCUSED_NAV_LINK, NAV_LINK)
    # Where Enter goes is the check; that page gets its own visit. The browser is handed a one-line
    # page there instead of loading it all again (the visit's tab drops the route afterwards).
    # The navigation is waited for to the end: closing a context mid-navigation has hung Playwright.
    page.route("**/*", _stand_in_for_pages)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    walk["went_to"] = page.url
    return walk


def _stand_in_for_pages(route):
    if route.request.resource_type == "document":
        route.fulfill(content_type="text/html", body="<!doctype html><title>followed</title>")
    else:
        route.fallback()


def test_tab_reaches_a_navigation_link_and_enter_follows_it(visit):
    walk = visit.found("keyboard")
    target = walk["target"]
    assert target, f"{visit}: {MAX_TABS} presses of Tab never reached a link in <nav> to another page"
    assert walk["focus_visible"], f"{visit}: focusing the link to {target} shows no visible change"
    assert walk["back_on"] == target, f"{visit}: Shift+Tab did not return to {target}"
    assert walk["went_to"] == target, f"{visit}: Enter on the link to {target} went to {walk['went_to']}"
