"""The strict build, and what it must put on the pages."""

from __future__ import annotations

import nbformat
import pytest

from tests.support.built_html import parsed
from tests.support.site_build import ROOT, markdown_pages
from tests.support.untested_code import code_blocks, problems

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def test_every_markdown_page_was_built(built_site):
    for source, html in markdown_pages(built_site):
        assert html.is_file(), f"{source.relative_to(ROOT)} produced no page at {html}"


def test_no_untested_python_reaches_the_site(built_site):
    found = []
    checked = 0
    for source, html in markdown_pages(built_site):
        page = parsed(html)
        checked += len(code_blocks(page))
        found += problems(source, page, root=ROOT)
    assert checked > 0, "no Python code blocks found on any page: is the guard looking at the right HTML?"
    assert not found, "\n".join(found)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_page_shows_real_output(built_site, script):
    page = built_site / "examples" / script.stem / "index.html"
    soup = parsed(page)
    outputs = soup.select(".jp-OutputArea-output")
    assert outputs, f"the page for examples/{script.name} shows no executed output"
    assert not soup.find(string=lambda s: s and "Traceback (most recent call last)" in s), (
        f"the page for examples/{script.name} shows a traceback"
    )


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_downloads_are_valid(built_site, script, tmp_path):
    folder = built_site / "examples" / script.stem
    notebook = nbformat.read(folder / f"{script.stem}.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert any(cell.cell_type == "code" for cell in notebook.cells)
    downloaded = folder / script.name
    assert downloaded.read_bytes() == script.read_bytes()
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert f'href="{script.stem}.ipynb"' in page and f'href="{script.name}"' in page


def test_outlier_example_shows_its_plot(built_site):
    folder = built_site / "examples" / "outliers"
    soup = parsed(folder / "index.html")
    plots = [img["src"] for img in soup.select(".jp-OutputArea-output img")]
    assert plots, "the outlier example's figure is missing from its page"
    for src in plots:
        assert (folder / src).read_bytes().startswith(b"\x89PNG"), f"{src} is not a PNG file next to the page"
