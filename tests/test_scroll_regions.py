"""sitebuild/scroll_regions.py: blocks that scroll sideways on a phone take focus and have a name."""

from __future__ import annotations

from sitebuild.scroll_regions import wrap_tables
from sitebuild.words import WORDS
from tests.support.built_html import parsed
from tests.support.site_build import markdown_pages, page_language

TABLE = "<table><tr><td>1</td></tr></table>"


def test_a_bare_table_is_wrapped_in_a_focusable_named_region():
    html = wrap_tables(f"<p>x</p>{TABLE}<p>y</p>", "표")
    assert html == f'<p>x</p><div class="table-region" tabindex="0" role="region" aria-label="표">{TABLE}</div><p>y</p>'


def test_tables_with_a_class_are_left_alone():
    html = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert wrap_tables(html, "Table") == html


def test_every_table_and_display_formula_on_the_site_is_a_named_region(built_site):
    regions = 0
    for source, page in markdown_pages(built_site):
        words = WORDS[page_language(source)]
        article = parsed(page).select_one("article")
        for table in article.select("table:not([class])"):
            region = table.parent
            assert "table-region" in region.get("class", []), f"{source.name}: a table outside a region"
            assert (region["tabindex"], region["role"], region["aria-label"]) == ("0", "region", words.table_region)
            regions += 1
        for formula in article.select("div.arithmatex"):
            assert (formula["tabindex"], formula["role"]) == ("0", "region"), f"{source.name}: {formula.attrs}"
            assert formula["aria-label"] == words.formula_region
            regions += 1
    assert regions > 0, "no table or display formula on any page"
