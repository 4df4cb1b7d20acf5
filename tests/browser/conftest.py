"""Fixtures for the browser tests: the built site on a local server, Chromium, and one visit per page.

The site is the run's one strict build (`built_site`), served on a free port of 127.0.0.1;
Chromium is Debian's (sitebuild/chromium.py). A test that takes the `visit` fixture
runs for every page in every language and colour scheme, and reads what one shared load of
that page recorded (tests/support/page_visit.py): however many such tests there are, each
page is loaded once per scheme. In a parallel run (pytest-xdist) all the tests of one page
and scheme go to the same worker (the scheduler in tests/conftest.py), so that stays true.
"""

from __future__ import annotations

import pytest

from sitebuild.chromium import launch_chromium, missing_chromium
from tests.support.page_visit import DESKTOP, SCHEMES, VisitTab, visit_test_id
from tests.support.site_browser import PAGES, serve_directory


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in /) of the built site on a free local port."""
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    why_not = missing_chromium()
    if why_not:
        pytest.fail(f"The browser tests need Debian's Chromium: {why_not}.", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = launch_chromium(playwright)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def new_page(browser):
    """new_page(**context_options) -> a page in a fresh context, closed after the test (for journeys)."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def page_visits(browser, site_url):
    """page_visits(site_page, scheme) -> its PageVisit, made on first use and kept for the session
    (or, if the page could not be loaded at all, why not)."""
    visits = {}
    tab = None

    def visit(site_page, scheme):
        nonlocal tab
        key = (site_page.path, scheme)
        if key not in visits:
            tab = tab or VisitTab(browser, site_url)
            try:
                visits[key] = tab.visit(site_page, scheme)
            except Exception as error:  # every check of this page reports it, the other pages go on
                visits[key] = f"{type(error).__name__}: {error}"
                tab.close()  # the next page starts in a new tab, whatever state this one is in
                tab = None
        return visits[key]

    yield visit
    if tab:
        tab.close()


@pytest.fixture
def visit(page_visits, site_page, scheme):
    """The one visit of `site_page` in `scheme` (parametrized below) that every per-page test reads."""
    found = page_visits(site_page, scheme)
    if isinstance(found, str):
        pytest.fail(f"{site_page} ({scheme}) could not be loaded: {found}", pytrace=False)
    return found


def pytest_generate_tests(metafunc):
    """Every test that takes `visit` runs once per page and scheme, named like `[/ko/loss/-dark]`."""
    if "visit" in metafunc.fixturenames:
        metafunc.parametrize(
            ("site_page", "scheme"),
            [pytest.param(page, scheme, id=visit_test_id(page, scheme)) for page in PAGES for scheme in SCHEMES],
        )
