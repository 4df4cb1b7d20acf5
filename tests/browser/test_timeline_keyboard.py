"""The timeline works with the keyboard alone: Tab reaches every entry's link in
order, focus is visible, and Enter opens the milestone."""

from __future__ import annotations

import pytest

from tests.support.focus import focused_clip, settled_screenshot
from tests.support.site_browser import LANGUAGE_ROOTS

MAX_TABS = 150  # the header, the navigation and the page's own links come first
ENTRY_LINK = "ol.timeline a[href]"


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=lambda root: "/" + root)
def test_tab_walks_the_timeline_and_enter_opens_a_milestone(new_page, site_url, root):
    page = new_page()
    page.goto(site_url + root + "history/", wait_until="networkidle")
    entries = page.eval_on_selector_all(ENTRY_LINK, "links => links.map(a => a.href)")
    assert len(entries) == 10, f"/{root}history/: expected ten timeline entries, found {len(entries)}"

    reached = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        href = page.evaluate(f"document.activeElement.matches('{ENTRY_LINK}') ? document.activeElement.href : null")
        if href:
            reached.append(href)
            if len(reached) == len(entries):
                break
    assert reached == entries, (
        f"/{root}history/: Tab reached the timeline entries {reached}, expected {entries} in order"
    )

    # Visible focus on the last entry reached, compared with the same spot unfocused.
    clip = focused_clip(page)
    focused = settled_screenshot(page, clip)
    page.keyboard.press("Tab")
    assert settled_screenshot(page, clip) != focused, (
        f"/{root}history/: a focused timeline entry looks the same as unfocused"
    )

    page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == entries[-1], f"/{root}history/: Enter on {entries[-1]} went to {page.url}"
