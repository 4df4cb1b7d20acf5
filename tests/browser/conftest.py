"""Fixtures for the browser tests: the built site on a local server, and Chromium.

The site is the session's one strict build (`built_site`), served by a threaded
http.server on a free port of 127.0.0.1. Chromium is Debian's (/usr/bin/chromium);
Playwright drives it and never downloads a browser of its own.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.browser.recording import record
from tests.support.site_build import ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE_CORE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would drown pytest's output
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in /) of the built site on a free local port."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}: "
            "install it with `apt-get install chromium fonts-noto-cjk`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def new_page(browser):
    """new_page(**context_options) -> a page in a fresh context, closed after the test."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_core():
    if not AXE_CORE.is_file():
        pytest.fail(f"{AXE_CORE.relative_to(ROOT)} is missing: run `npm ci` (make test does).", pytrace=False)
    return AXE_CORE


@pytest.fixture(scope="session")
def page_load(browser, site_url):
    """page_load(page) -> the Recording of loading it once with the CSP enforced (cached per session)."""
    recordings = {}

    def load(site_page):
        if site_page.path not in recordings:
            context = browser.new_context(viewport=DESKTOP)
            try:
                recordings[site_page.path] = record(context, context.new_page(), site_url + site_page.path)
            finally:
                context.close()
        return recordings[site_page.path]

    return load
