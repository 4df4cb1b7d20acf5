"""A Korean page's glossary terms show their English on hover and on keyboard focus (Material's tooltips)."""

from __future__ import annotations

MAX_TABS = 200  # the header and the navigation come first
PAGE = "ko/components/optimization/"
TERM = "article abbr.glossary-term"


def _wait_for_tooltip(page, text: str) -> None:
    """Material shows one `.md-tooltip2--active` element holding the abbr's title."""
    page.wait_for_function(
        "text => [...document.querySelectorAll('.md-tooltip2--active')].some(t => t.textContent.trim() === text)",
        arg=text,
        timeout=3000,
    )


def test_tab_reaches_a_glossary_term_and_its_tooltip_shows_the_english(new_page, site_url):
    page = new_page()
    page.goto(site_url + PAGE, wait_until="networkidle")
    titles = page.eval_on_selector_all(TERM, "terms => terms.map(abbr => abbr.title)")
    assert len(titles) >= 2, f"/{PAGE}: expected glossary terms, found {titles}"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{TERM}')"):
            break
    else:
        raise AssertionError(f"/{PAGE}: Tab never reached a glossary term")
    _wait_for_tooltip(page, titles[0])

    page.evaluate("document.activeElement.blur()")
    page.locator(TERM).last.hover()  # Material took the title off while it shows the tooltip
    _wait_for_tooltip(page, titles[-1])
