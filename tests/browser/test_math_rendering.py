"""Formulas are typeset by KaTeX, and no raw TeX is left in the text a reader sees."""

from __future__ import annotations

import re

from tests.support.page_visit import page_probe

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


@page_probe("math")
def read_math(page, visit):
    """The raw TeX a reader would see, and how many formulas KaTeX typeset."""
    return {
        "raw_tex": sorted(set(RAW_TEX.findall(page.evaluate(VISIBLE_PROSE)))),
        "katex": page.locator(".katex").count(),
    }


def test_formulas_are_rendered(visit):
    found = visit.found("math")
    assert not found["raw_tex"], f"{visit} shows raw TeX to the reader: {found['raw_tex'][:10]}"
    if visit.site_page.has_math:
        assert found["katex"] > 0, f"{visit} has math in its source but no KaTeX markup (.katex)"
