"""sitebuild/example_page.py: example pages carry content, not JupyterLab's CSS and scripts."""

from __future__ import annotations

import statistics

import pytest

from tests.support.built_html import parsed
from tests.support.site_build import example_pages, markdown_pages

MAX_RATIO = 2.0  # heaviest example page vs the median Markdown page, in bytes of HTML


def test_heaviest_example_page_is_at_most_twice_the_median_markdown_page(built_site):
    markdown_sizes = [html.stat().st_size for _, html in markdown_pages(built_site)]
    example_sizes = {page.parent.name: page.stat().st_size for page in example_pages(built_site)}
    median = statistics.median(markdown_sizes)
    heaviest = max(example_sizes, key=example_sizes.get)
    assert example_sizes[heaviest] <= MAX_RATIO * median, (
        f"examples/{heaviest}.py makes a {example_sizes[heaviest]:,} B page; the median Markdown "
        f"page is {median:,.0f} B, so the limit is {MAX_RATIO * median:,.0f} B. Large outputs "
        "(long prints, many figures) belong in fewer, smaller cells."
    )


@pytest.mark.parametrize("page", ["outliers"])
def test_example_page_has_no_jupyter_scripts_or_styles(built_site, page):
    soup = parsed(built_site / "examples" / page / "index.html")
    article = soup.select_one("article")
    assert not article.find_all(["script", "style"]), "mkdocs-jupyter's scripts/styles reached the page"
    assert not article.select(".jupyter-wrapper, .jp-Notebook, .jp-InputPrompt, clipboard-copy")
    assert "MathJax" not in str(soup) and "require.js" not in str(soup)


def test_example_code_cells_are_material_code_blocks(built_site):
    for page in example_pages(built_site):
        cells = parsed(page).select("article .nb-cell")
        assert cells, f"{page.parent.name}: no code cells"
        for cell in cells:
            code = cell.select_one("div.highlight > pre > code")
            assert code is not None and code.get_text().strip(), f"{page.parent.name}: a cell lost its code"


def test_example_prose_sits_at_the_top_level_of_the_page(built_site):
    """As on Markdown pages: Material's search then splits the page at its headings."""
    for page in example_pages(built_site):
        article = parsed(page).select_one("article")
        headings = article.find_all(["h1", "h2", "h3"])
        assert headings and all(heading.parent is article for heading in headings), page.parent.name
