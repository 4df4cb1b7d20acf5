"""Name Material's search dialog, which the theme's markup leaves unnamed.

axe-core (tests/browser/test_accessibility.py) flags a role="dialog" without an
accessible name as serious: a screen reader announces just "dialog".
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')


def accessible(html: str) -> str:
    return SEARCH_DIALOG.sub(r'\1 aria-label="Search"', html)


# Before hooks/content_security_policy.py (-1000), which must see the final HTML.
@event_priority(-500)
def on_post_page(output, page, config):
    return accessible(output)


@event_priority(-500)
def on_post_template(output_content, template_name, config):
    return accessible(output_content) if template_name.endswith(".html") else output_content
