"""Shared fixtures: one strict build of the real site per test session."""

from __future__ import annotations

import pytest

from tests.site_build import ROOT, build_editions, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built with `mkdocs build --strict`; the build itself is a test."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def editions(tmp_path_factory):
    """The folder `python -m sitebuild.editions` wrote both zips and both PDFs into (built once)."""
    folder = tmp_path_factory.mktemp("downloads")
    result = build_editions(folder)
    if result.returncode != 0:
        pytest.fail(
            f"python -m sitebuild.editions failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}", pytrace=False
        )
    return folder
