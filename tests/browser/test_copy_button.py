"""Reader journey: the copy button on a code block copies exactly the code, and it runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.markdown_fences import normalise, python_fences
from tests.support.site_browser import DOCS

# No content tabs on this page: every block is visible. The Korean page shows the same code.
PAGES = {"components/data/": DOCS / "components" / "data.md", "ko/components/data/": DOCS / "components" / "data.ko.md"}


@pytest.mark.parametrize("path", PAGES, ids=lambda path: "/" + path)
def test_copy_button_copies_exactly_the_code_and_it_runs(new_page, site_url, path):
    PAGE = PAGES[path]
    fences = python_fences(PAGE)
    page = new_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url + path, wait_until="networkidle")
    # The page's snippets; exercise solutions at the end are checked by tests/browser/test_exercises.py.
    blocks = page.locator("div.language-python:not(.exercises div.language-python)")
    assert blocks.count() == len(fences), (
        f"{PAGE.name} has {len(fences)} Python fences but the page shows {blocks.count()}"
    )

    copied = []
    for index, fence in enumerate(fences):
        block = blocks.nth(index)
        block.hover()  # the button appears on hover, as for a reader with a mouse
        block.locator("button.md-code__button[data-md-type=copy]").click(timeout=5_000)
        copied.append(page.evaluate("navigator.clipboard.readText()"))
        assert normalise(copied[-1]) == normalise(fence.code), (
            f"copy button of the block at {PAGE.name}:{fence.line} copied:\n{copied[-1]}\n--- instead of:\n{fence.code}"
        )

    # The first block, pasted alone, runs (its '#>' lines are comments).
    first = fences[0]
    result = subprocess.run([sys.executable, "-c", copied[0]], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"the code copied from {PAGE.name}:{first.line} fails when run:\n{result.stderr}"
