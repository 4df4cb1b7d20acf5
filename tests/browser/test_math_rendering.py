"""Formulas are typeset by KaTeX, and no raw TeX is left in the text a reader sees."""

from __future__ import annotations

import re

import pytest

from tests.browser.site_pages import PAGES

# Text nodes a reader sees, outside code and outside KaTeX's hidden MathML copy.
VISIBLE_PROSE = """() => {
  const skip = "pre, code, script, style, .katex-mathml, annotation";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (parent && !parent.closest(skip) && parent.checkVisibility()) texts.push(walker.currentNode.textContent);
  }
  return texts.join(" ");
}"""
RAW_TEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]|\\[A-Za-z]{2,}|\$[^\s$][^$\n]{0,80}[^\s$]\$")


@pytest.mark.parametrize("site_page", PAGES, ids=str)
def test_formulas_are_rendered(new_page, site_url, site_page):
    page = new_page()
    page.goto(site_url + site_page.path, wait_until="networkidle")
    raw = sorted(set(RAW_TEX.findall(page.evaluate(VISIBLE_PROSE))))
    assert not raw, f"{site_page} shows raw TeX to the reader: {raw[:10]}"
    if site_page.has_math:
        assert page.locator(".katex").count() > 0, f"{site_page} has math in its source but no KaTeX markup (.katex)"
