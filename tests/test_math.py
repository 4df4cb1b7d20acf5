"""sitebuild/katex.py: every formula is typeset at build time, and no math JavaScript ships."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from sitebuild.words import words_for
from tests.support.built_html import parsed
from tests.support.site_build import ROOT, built_pages, example_pages, markdown_pages, page_language

# What LaTeX left untypeset looks like in a page's text.
RAW_LATEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]|\\[A-Za-z]+\{|\\(frac|sum|hat|log|mathrm)\b|\$[^\s$][^$\n]*\$")
# Code shows source, and KaTeX's MathML keeps the TeX in an <annotation> nobody sees.
NOT_PROSE = ["code", "pre", "script", "style", "annotation"]
# The search index keeps a section's text with its <pre> and <code> tags.
CODE_IN_INDEX = re.compile(r"<(pre|code)>.*?</\1>", re.S)


def visible_text(soup: BeautifulSoup) -> str:
    """The article's text, as get_text(" ") joins it, leaving out what is inside NOT_PROSE elements.

    Those strings are skipped, not decomposed: the tree is shared (tests/support/built_html.py)."""
    article = soup.select_one("article") or soup
    return " ".join(text for text in article.strings if text.find_parent(NOT_PROSE) is None)


def page_id(path):
    return path.parent.name or "home"


@pytest.fixture(scope="module")
def pages(built_site):
    return {path: path.read_text(encoding="utf-8") for path in built_pages(built_site)}


def test_no_raw_latex_is_left_on_any_page(pages, built_site):
    found = []
    for path in pages:
        for match in RAW_LATEX.finditer(visible_text(parsed(path))):
            found.append(f"{path.relative_to(built_site)}: {match.group(0)!r}")
    assert not found, "LaTeX left untypeset:\n" + "\n".join(found)


def test_every_markdown_formula_is_katex_with_mathml(built_site):
    formulas = 0
    for source, page in markdown_pages(built_site):
        display_formulas = 0
        for math in parsed(page).select(".arithmatex"):
            formulas += 1
            katex = math.select(".katex")
            assert len(katex) == 1, f"{source.relative_to(ROOT)}: a formula was not typeset: {math}"
            assert katex[0].select_one(".katex-mathml math annotation"), f"{source.name}: no MathML"
            assert katex[0].select_one(".katex-html"), f"{source.name}: no KaTeX HTML"
            if math.name == "div":
                assert math.select_one(".katex-display"), f"{source.name}: display formula set inline"
                # It scrolls when wider than a phone: focusable, and named in the page's language.
                assert math.get("tabindex") == "0" and math.get("role") == "region", f"{source.name}: {math.attrs}"
                display_formulas += 1
                label = words_for(page_language(source)).formula_region
                assert math.get("aria-label") == f"{label} {display_formulas}", f"{source.name}: {math.attrs}"
    assert formulas > 0, "no formulas found on any Markdown page: is arithmatex still configured?"


def test_search_index_holds_no_tex_and_no_repeated_math(built_site):
    """A formula is indexed once, as its MathML text (inline) or not at all (display): no TeX
    source in a search result, and no "For NNN samples" from three renderings run together."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    prose = {doc["location"]: CODE_IN_INDEX.sub(" ", doc["text"]) for doc in index["docs"]}  # code shows TeX as written
    tex = [f"{location}: {m.group(0)!r}" for location, text in prose.items() for m in RAW_LATEX.finditer(text)]
    assert not tex, "TeX in the search index:\n" + "\n".join(tex[:20])
    loss = next(doc for doc in index["docs"] if doc["location"] == "components/loss/#regression-mean-squared-error")
    assert "For N samples with D outputs" in loss["text"], loss["text"][:300]


def test_example_prose_math_is_typeset(built_site):
    """Each `$...$` in an example's prose becomes one KaTeX formula on its page."""
    for script, page in zip(sorted((ROOT / "examples").glob("*.py")), example_pages(built_site)):
        prose = "\n".join(line for line in script.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
        expected = len(re.findall(r"\$\$.+?\$\$|\$[^$\n]+\$", prose, re.S))
        assert len(parsed(page).select("article .katex")) == expected, f"examples/{script.name}"


def test_no_math_javascript_in_the_browser(pages, built_site):
    for path in pages:
        for script in parsed(path).find_all("script"):
            code = (script.get("src") or "") + (script.string or "")
            assert not re.search(r"mathjax|katex", code, re.I), f"{path.relative_to(built_site)}: {code[:200]}"


def test_katex_css_and_fonts_are_served_by_the_site(pages, built_site):
    css = built_site / "assets" / "katex" / "katex.min.css"
    assert css.is_file()
    fonts = re.findall(r"url\((fonts/[^)]+)\)", css.read_text(encoding="utf-8"))
    assert fonts and all((css.parent / font).is_file() for font in fonts)
    for path, html in pages.items():
        if 'class="katex"' in html:
            # KaTeX's rules are inline (sitebuild/page_styles.py); its fonts come from this site.
            used = re.findall(r"url\(([^)]*assets/katex/fonts/[^)]+)\)", html)
            where = path.relative_to(built_site)
            assert used, f"{where} has formulas but no KaTeX font"
            assert all((path.parent / font).resolve().is_file() for font in used), f"{where}: {used}"


def test_korean_example_prose_math_is_typeset(built_site):
    """Korean particles follow a formula directly (`$y = 2x + 1$에`); it is typeset all the same."""
    for script in sorted((ROOT / "examples").glob("*.py")):
        overlay = script.with_name(f"{script.stem}.ko.md")
        expected = len(re.findall(r"\$\$.+?\$\$|\$[^$\n]+\$", overlay.read_text(encoding="utf-8"), re.S))
        page = built_site / "ko" / "examples" / script.stem / "index.html"
        assert len(parsed(page).select("article .katex")) == expected, f"examples/{overlay.name}"
