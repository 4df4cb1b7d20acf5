"""Edit links point at each page's own source file; the repository link asks no other host."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.site import read_mkdocs_yml
from tests.support.built_html import parsed
from tests.support.site_build import ROOT

CONFIG = read_mkdocs_yml(ROOT)
REPO = CONFIG["repo_url"].rstrip("/")


def page_soup(site: Path, path: str):
    return parsed(site / path / "index.html")


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("", "docs/index.md"),
        ("components/loss", "docs/components/loss.md"),
        ("examples/outliers", "examples/outliers.py"),
        # Korean pages: the Korean source, and an example's Korean prose (the code is the script's).
        ("ko", "docs/index.ko.md"),
        ("ko/components/loss", "docs/components/loss.ko.md"),
        ("ko/examples/outliers", "examples/outliers.ko.md"),
    ],
)
def test_edit_link_opens_the_source_file(built_site, page, source):
    edit = page_soup(built_site, page).select_one("a.md-content__button[rel=edit]")
    assert edit is not None, f"the page built from {source} has no edit link"
    # edit_uri names the branch and docs/ (edit/main/docs/); every link is from the repository root.
    branch = CONFIG["edit_uri"].removesuffix("docs/")
    assert edit["href"] == f"{REPO}/{branch}{source}"
    assert (ROOT / source).is_file()


def test_every_example_page_links_to_its_script(built_site):
    for script in sorted((ROOT / "examples").glob("*.py")):
        edit = page_soup(built_site, f"examples/{script.stem}").select_one("a[rel=edit]")
        assert edit["href"].endswith(f"/examples/{script.name}"), edit["href"]
        assert "/docs/" not in edit["href"], edit["href"]


def test_repository_link_fetches_nothing(built_site):
    # Material's JavaScript asks api.github.com for stars and forks of any
    # element marked data-md-component="source"; overrides/partials/source.html leaves it out.
    soup = page_soup(built_site, "")
    links = soup.select("a.md-source")
    assert links and all(link["href"] == REPO for link in links)
    assert not soup.select('[data-md-component="source"]')
