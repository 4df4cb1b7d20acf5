"""Blocks that may scroll sideways on a phone (wide formulas, outputs, tables) can be reached by keyboard.

At 375 px a display formula, an example's output or a table can be wider than the screen;
it then scrolls on its own, and a reader with a keyboard can scroll it only if it can take
focus. Each such block gets `tabindex="0"` and is named for screen readers
(`role="region"`, `aria-label` in the page's language, from words.py, numbered on the page:
"Formula 1", "Formula 2", so a screen reader's list of regions tells them apart): katex.py and
example_page.py write these attributes on the blocks they make, and tables (written by
Python-Markdown and the timeline) are wrapped here in a scroll container of their own,
so Material's script, which wraps tables in an unfocusable one, has nothing to scroll.
docs/stylesheets/accessibility.css shows the focus.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterator

# A table as Python-Markdown writes it: no class, so Material styles it (`table:not([class])`).
BARE_TABLE = re.compile(r"<table>.*?</table>", re.S)
TABLE_REGION_CLASS = "table-region"


def names(label: str) -> Iterator[str]:
    """The names of one page's regions of a kind: "Formula 1", "Formula 2", ... Regions that
    share a name are one entry repeated in a screen reader's list (axe: landmark-unique)."""
    return (f"{label} {number}" for number in itertools.count(1))


def region_attributes(name: str) -> str:
    """The attributes that make a scrolling block focusable and named."""
    return f'tabindex="0" role="region" aria-label="{html.escape(name)}"'


def wrap_tables(content: str, label: str) -> str:
    """Every bare table of a page's content inside a focusable scroll container, named `label`
    and its number on the page."""
    table_names = names(label)

    def wrap(table: re.Match) -> str:
        return f'<div class="{TABLE_REGION_CLASS}" {region_attributes(next(table_names))}>{table.group(0)}</div>'

    return BARE_TABLE.sub(wrap, content)
