"""Reader journey: an example page offers its notebook and script; both work once downloaded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from tests.support.site_browser import EXAMPLES, LANGUAGE_ROOTS

SCRIPT = EXAMPLES / "outliers.py"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def download(page, link_selector, folder):
    with page.expect_download() as started:
        page.locator(link_selector).click()
    target = folder / started.value.suggested_filename
    started.value.save_as(target)
    return target


@pytest.mark.parametrize("root", LANGUAGE_ROOTS, ids=lambda root: "/" + root)
def test_example_page_offers_a_valid_notebook_and_the_repository_script(new_page, site_url, tmp_path, root):
    page = new_page(accept_downloads=True)
    page.goto(f"{site_url}{root}examples/{SCRIPT.stem}/", wait_until="networkidle")

    notebook_file = download(page, f"a[download][href='{SCRIPT.stem}.ipynb']", tmp_path)
    assert notebook_file.name == f"{SCRIPT.stem}.ipynb"
    notebook = nbformat.read(notebook_file, as_version=4)
    nbformat.validate(notebook)
    assert any(cell.cell_type == "code" for cell in notebook.cells), "the notebook has no code cells"
    if root:  # a translated page's notebook carries the translated prose, the same code
        prose = next(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
        assert HANGUL.search(prose), (
            f"/{root}examples/{SCRIPT.stem}/: the notebook's prose is not Korean: {prose[:80]!r}"
        )

    script_file = download(page, f"a[download][href='{SCRIPT.name}']", tmp_path)
    assert script_file.read_bytes() == SCRIPT.read_bytes(), (
        f"the downloaded {SCRIPT.name} differs from the repository's"
    )


def test_the_offered_script_runs_alone(tmp_path):
    """Both languages offer the repository's script byte for byte (checked above), so one run, in a
    folder of its own as a reader's download would be, stands for both."""
    shutil.copy2(SCRIPT, tmp_path / SCRIPT.name)
    result = subprocess.run(
        [sys.executable, SCRIPT.name],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"{SCRIPT.name}, as offered for download, fails when run:\n{result.stderr}"
