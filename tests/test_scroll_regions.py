"""sitebuild/scroll_regions.py: blocks that scroll sideways on a phone take focus and have a name."""

from __future__ import annotations

from sitebuild.scroll_regions import wrap_tables
from sitebuild.words import WORDS
from tests.support.built_html import parsed
from tests.support.site_build import built_pages, markdown_pages, page_language

TABLE = "<table><tr><td>1</td></tr></table>"


def test_a_bare_table_is_wrapped_in_a_focusable_region_named_by_its_number():
    html = wrap_tables(f"<p>x</p>{TABLE}<p>y</p>{TABLE}", "표")
    assert html == (
        f'<p>x</p><div class="table-region" tabindex="0" role="region" aria-label="표 1">{TABLE}</div><p>y</p>'
        f'<div class="table-region" tabindex="0" role="region" aria-label="표 2">{TABLE}</div>'
    )


def test_tables_with_a_class_are_left_alone():
    html = '<table class="highlighttable"><tr><td>1</td></tr></table>'
    assert wrap_tables(html, "Table") == html


def test_every_table_and_display_formula_on_the_site_is_a_named_region(built_site):
    regions = 0
    for source, page in markdown_pages(built_site):
        words = WORDS[page_language(source)]
        article = parsed(page).select_one("article")
        for number, table in enumerate(article.select("table:not([class])"), 1):
            region = table.parent
            assert "table-region" in region.get("class", []), f"{source.name}: a table outside a region"
            expected = ("0", "region", f"{words.table_region} {number}")
            assert (region["tabindex"], region["role"], region["aria-label"]) == expected, source.name
            regions += 1
        for number, formula in enumerate(article.select("div.arithmatex"), 1):
            assert (formula["tabindex"], formula["role"]) == ("0", "region"), f"{source.name}: {formula.attrs}"
            assert formula["aria-label"] == f"{words.formula_region} {number}", source.name
            regions += 1
    assert regions > 0, "no table or display formula on any page"


def test_no_two_regions_of_a_page_share_a_name(built_site):
    """A screen reader lists a page's regions by name; two alike are one entry said twice
    (axe reports it as landmark-unique, a moderate finding the axe test does not fail on)."""
    repeated = {}
    for page in built_pages(built_site):
        names = [region.get("aria-label") for region in parsed(page).select('[role="region"]')]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            repeated[str(page.relative_to(built_site))] = twice
    assert not repeated, repeated
