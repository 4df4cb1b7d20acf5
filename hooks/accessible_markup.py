"""Add the two attributes the theme's markup lacks for screen-reader and keyboard users.

axe-core (tests/browser/test_accessibility.py) flags both as serious:
- Material's search overlay has role="dialog" but no accessible name;
- mkdocs-jupyter's code cells scroll sideways when a line is long, but a
  keyboard user cannot focus them to scroll (Material's own code blocks do
  this with tabindex="0"; we do the same for the notebook cells).
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(?![^>]*aria-label)')
NOTEBOOK_CODE = re.compile(r'(<div class="highlight-ipynb[^"]*")(?![^>]*tabindex)')


def accessible(html: str) -> str:
    html = SEARCH_DIALOG.sub(r'\1 aria-label="Search"', html)
    return NOTEBOOK_CODE.sub(r'\1 tabindex="0"', html)


# Before hooks/content_security_policy.py (-1000), which must see the final HTML.
@event_priority(-500)
def on_post_page(output, page, config):
    return accessible(output)


@event_priority(-500)
def on_post_template(output_content, template_name, config):
    return accessible(output_content) if template_name.endswith(".html") else output_content
