"""Reader journey: the palette toggle switches to dark mode, and the choice survives navigation."""

from __future__ import annotations

import pytest

from tests.support.site_browser import LANGUAGE_ROOTS

# The page asks for the light scheme (OS preference), so only the toggle can make it dark.
SCHEME = "body => body.getAttribute('data-md-color-scheme')"
BACKGROUND_LIGHTNESS = """body => {
  const [r, g, b] = getComputedStyle(body).backgroundColor.match(/\\d+/g).map(Number);
  return (r + g + b) / 3;
}"""


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=lambda root: "/" + root)
def test_palette_toggle_switches_and_the_choice_survives_navigation(new_page, site_url, root):
    page = new_page(color_scheme="light")
    page.goto(site_url + root, wait_until="networkidle")
    body = page.locator("body")
    assert body.evaluate(SCHEME) == "default"
    assert body.evaluate(BACKGROUND_LIGHTNESS) > 200, "the light scheme should have a light background"

    page.locator("label[title='Switch to dark mode']:visible").click()
    assert body.evaluate(SCHEME) == "slate", "the palette toggle did not switch to the dark scheme"
    page.wait_for_timeout(400)  # background colour transition
    assert body.evaluate(BACKGROUND_LIGHTNESS) < 80, "the dark scheme should have a dark background"

    with page.expect_navigation():
        page.locator("nav.md-tabs a[href='components/']").click()
    assert page.url == site_url + root + "components/"
    assert page.locator("body").evaluate(SCHEME) == "slate", "dark mode was lost on the next page"


COLOUR_META = """() => Object.fromEntries(
  [...document.querySelectorAll("meta[name=color-scheme], meta[name=theme-color]")]
    .map((meta) => [meta.name, meta.content])
)"""


def test_a_first_visit_follows_the_system_and_enter_switches_back(new_page, site_url):
    """docs/javascripts/palette.js: a reader whose system is dark gets the dark scheme on a first
    visit, with the browser's own colours (scrollbars, form controls) dark too; Enter on the switch
    goes to the next scheme, and keeps the keyboard on the switch."""
    page = new_page(color_scheme="dark")
    page.goto(site_url + "components/loss/", wait_until="load")
    body = page.locator("body")
    page.wait_for_function("() => document.querySelector('meta[name=theme-color]') !== null")
    assert body.evaluate(SCHEME) == "slate"
    meta = page.evaluate(COLOUR_META)
    assert meta["color-scheme"] == "dark", meta
    assert meta["theme-color"].startswith("#") and len(meta["theme-color"]) == 7, meta
    assert page.locator("label[title='Switch to light mode']").is_visible()
    assert not page.locator("label[title='Switch to dark mode']").is_visible()

    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    assert body.evaluate(SCHEME) == "default", "Enter on the switch did not change the scheme"
    assert page.evaluate("document.activeElement.id") == "__palette_0", "the keyboard left the switch"
    assert page.evaluate(COLOUR_META)["color-scheme"] == "light"
    assert page.locator("label[title='Switch to dark mode']").is_visible()
