"""At 375 px wide (a small phone) nothing makes the page scroll sideways.

Wide code blocks and tables must scroll inside themselves instead. The page is
measured while its one visit has it narrowed to a phone's width (with axe's phone check).
"""

from __future__ import annotations

from tests.support.page_visit import page_probe

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


@page_probe("phone width", screen="phone")
def measure_at_phone_width(page, visit):
    """The page's scroll width and the screen's width at 375 px, and what sticks out."""
    scroll_width, inner_width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    return {"scroll_width": scroll_width, "inner_width": inner_width, "sticking_out": page.evaluate(OVERFLOWING)}


def test_nothing_overflows_a_phone_screen(visit):
    found = visit.found("phone width")
    assert found["scroll_width"] <= found["inner_width"], (
        f"{visit} is {found['scroll_width']} px wide on a {found['inner_width']} px screen; sticking out: "
        + "; ".join(found["sticking_out"])
    )
