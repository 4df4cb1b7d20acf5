"""Shared fixtures: one strict build of the real site per test session."""

from __future__ import annotations

import pytest

from tests.site_build import ROOT, mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built with `mkdocs build --strict`; the build itself is a test."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site_dir


def pytest_terminal_summary(terminalreporter):
    """Name the translations older than their English source: not a failure (a fix to the English
    needs no Korean), but the next translator's to-do list. `make stale-translations` shows the diffs."""
    from sitebuild.translation_versions import stale_translations

    stale = stale_translations(ROOT)
    if stale:
        terminalreporter.section("translations older than their English source")
        for translation in stale:
            state = "records no version" if translation.recorded is None else f"translates {translation.recorded}"
            terminalreporter.write_line(
                f"{translation.path.relative_to(ROOT)} {state}; {translation.source.relative_to(ROOT)} is now "
                f"{translation.current}"
            )
        terminalreporter.write_line("See `make stale-translations`; after updating one, `make translated PAGE=...`.")
