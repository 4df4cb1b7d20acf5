"""Is keyboard focus visible? Screenshots of the focused element's spot, focused and not."""

from __future__ import annotations

FOCUSED_BOX = (
    "(() => { const r = document.activeElement.getBoundingClientRect();"
    " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
)


def focus_ring_clip(box, margin=6):
    """The link's box plus a margin, where an outline or underline would be drawn."""
    return {
        "x": max(box["x"] - margin, 0),
        "y": max(box["y"] - margin, 0),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }


def focused_clip(page):
    """Where the focused element's focus ring would be drawn."""
    return focus_ring_clip(page.evaluate(FOCUSED_BOX))


def settled_screenshot(page, clip):
    """A screenshot of `clip` as it looks once its transitions have ended: Playwright fast-forwards
    finite animations to their end (a focus ring's colour fades in over Material's 125 ms, and
    longer on a busy machine)."""
    return page.screenshot(clip=clip, animations="disabled")
