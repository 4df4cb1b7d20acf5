"""Blocks drawn only near the screen (docs/stylesheets/offscreen.css) sit exactly where they would
without that.

`content-visibility: auto` contains each block's layout and painting, even once drawn. A block
whose first or last child has a margin would keep that margin inside instead of sharing it with
its neighbour, and every block below it would move (a code block grew by 32 px when it had
the rule). Here each page is laid out twice, every block drawn both times: once without the
containment and once with it, and no block may move or change size.
"""

from __future__ import annotations

import pytest

PAGES = ["components/loss/", "ko/components/loss/", "history/resnet/", "examples/outliers/", ""]
SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
# Marks the blocks the stylesheet draws only near the screen, and counts them.
MARK_CONTAINED = """() => [...document.querySelectorAll(".md-typeset > *")]
  .filter((block) => getComputedStyle(block).contentVisibility === "auto")
  .map((block) => block.setAttribute("data-test-contained", "")).length"""
BLOCKS_LAID_OUT = """(contained) => {
  const blocks = [...document.querySelectorAll(".md-typeset > *")];
  for (const block of blocks) {
    block.style.contentVisibility = "visible";
    // what content-visibility: auto contains in a block that is drawn
    block.style.contain = contained && block.hasAttribute("data-test-contained") ? "layout style paint" : "";
  }
  return blocks.map((block) => {
    const box = block.getBoundingClientRect();
    return {block: block.tagName.toLowerCase() + (block.className ? "." + block.className.split(" ")[0] : ""),
            top: box.top + scrollY, height: box.height};
  });
}"""


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", PAGES, ids=lambda path: "/" + path)
def test_containment_moves_no_block(new_page, site_url, path, screen):
    page = new_page(viewport=SCREENS[screen])
    page.goto(site_url + path, wait_until="load")
    assert page.evaluate(MARK_CONTAINED) > 5, f"/{path}: offscreen.css no longer applies to the article's blocks"
    free = page.evaluate(BLOCKS_LAID_OUT, False)
    contained = page.evaluate(BLOCKS_LAID_OUT, True)
    moved = [
        f"{before['block']} (block {index + 1}): top {before['top']:.0f} -> {after['top']:.0f}, "
        f"height {before['height']:.0f} -> {after['height']:.0f}"
        for index, (before, after) in enumerate(zip(free, contained))
        if abs(before["top"] - after["top"]) > 0.5 or abs(before["height"] - after["height"]) > 0.5
    ]
    assert not moved, f"/{path} at {screen} width: containment moves blocks; the first: {moved[:3]}"
