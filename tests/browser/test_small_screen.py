"""At 375 px wide (a small phone) nothing makes the page scroll sideways.

Wide code blocks and tables must scroll inside themselves instead.
"""

from __future__ import annotations

import pytest

from tests.browser.site_pages import PAGES

PHONE = {"width": 375, "height": 812}

# The outermost elements that stick out past the right edge, to name in the failure.
OVERFLOWING = """() => {
  const width = window.innerWidth;
  const out = [...document.body.querySelectorAll("*")].filter(
    (el) => el.getBoundingClientRect().right > width + 0.5 && el.checkVisibility()
  );
  return out
    .filter((el) => !out.includes(el.parentElement))
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")}` +
                 ` (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
}"""


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_nothing_overflows_a_phone_screen(new_page, site_url, site_page):
    page = new_page(viewport=PHONE)
    page.goto(site_url + site_page.path, wait_until="networkidle")
    scroll_width, inner_width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, (
        f"{site_page} is {scroll_width} px wide on a {inner_width} px screen; sticking out: "
        + "; ".join(page.evaluate(OVERFLOWING))
    )
