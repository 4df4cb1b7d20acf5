"""Shared fixtures: one strict build of the real site per test run, shared by parallel workers.

The build is a test of its own (tests/test_build.py::test_site_builds), which shows
MkDocs' error lines when it fails. Every test that needs the site then fails at once
with one line pointing there, instead of repeating the build's errors.
"""

from __future__ import annotations

import os

import pytest

from tests.support.site_build import ROOT, SiteBuild, build_editions_once, build_once

NO_SITE = "the site did not build; see test_site_builds"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SiteBuild:
    """The result of `mkdocs build --strict`, attempted once per run (never raises)."""
    shared_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):  # each worker's basetemp sits in the run's shared one
        shared_dir = shared_dir.parent
    return build_once(shared_dir)


@pytest.fixture(scope="session")
def built_site(site_build):
    """The built site's directory; fails every test that needs it, in one line, when the build failed."""
    if not site_build.ok:
        pytest.fail(NO_SITE, pytrace=False)
    return site_build.site_dir


@pytest.fixture(scope="session")
def editions(tmp_path_factory):
    """The folder `python -m sitebuild.editions` wrote both zips and both PDFs into (built once per run)."""
    shared_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared_dir = shared_dir.parent
    build = build_editions_once(shared_dir)
    if not build.ok:
        pytest.fail(f"python -m sitebuild.editions failed:\n{build.output[-8000:]}", pytrace=False)
    return build.site_dir


def pytest_collection_modifyitems(items):
    """The build first, tests that need the built site last: in a parallel run the other
    workers run everything else while one builds.

    Every check of a page visit must be seen as one by the scheduler below: a test id it
    cannot read would send that check to another worker, which loads the page again.
    """
    from tests.support.page_visit import visit_of_test, visit_test_id

    for item in items:
        if "visit" in getattr(item, "fixturenames", ()):
            params = item.callspec.params
            expected = visit_test_id(params["site_page"], params["scheme"])
            if visit_of_test(item.nodeid) != expected:
                raise pytest.UsageError(
                    f"{item.nodeid}: the parallel scheduler reads its page visit as {visit_of_test(item.nodeid)!r}, "
                    f"not {expected!r}; fix VISIT_TEST_ID in tests/support/page_visit.py"
                )

    def order(item):
        needs = getattr(item, "fixturenames", ())
        return 0 if "site_build" in needs and "built_site" not in needs else 2 if "built_site" in needs else 1

    items.sort(key=order)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist: the checks of one page visit go to one worker, which loads the page once
    for all of them (tests/browser/conftest.py); every other test goes wherever a worker is free.

    (xdist's own `--dist loadgroup` does this with marks, but its 3.8 release renames tests in a
    way pytest 9 ignores, so its groups are silently split.)
    """
    from xdist.scheduler import LoadScopeScheduling

    from tests.support.page_visit import visit_of_test

    class PageVisitScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return visit_of_test(nodeid) or nodeid

    return PageVisitScheduling(config, log)


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
