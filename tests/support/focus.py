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
