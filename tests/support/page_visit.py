"""Visit a built page once in Chromium and keep what every per-page check needs.

One visit per page and colour scheme: the page loads with its CSP enforced while its
requests, console errors and policy violations are recorded, then each registered probe
(axe, the math, the phone width, the keyboard...) runs on that same loaded page and its
findings are kept. The tests in tests/browser/ assert on the stored visit, so a page is
loaded once for all of its checks; a probe is registered next to the test that reads it.

The order of one visit: load; the desktop probes; the page narrowed once to a phone's width
for every phone probe; widened again; the one probe that leaves the page. Recording goes on
until that last probe, so a request made after the load (the search index, a late font)
counts as much as one made during it. One tab (`VisitTab`) makes a test process's visits in
turn, and forgets each before the next.

A page downloads the search index only once the search box takes focus
(docs/javascripts/search_on_demand.js), as the keyboard probe's Tab walk can make it do; visits
then give Material's search an index without its documents (see
`VisitTab._index_without_documents`). tests/browser/test_search.py searches the real one.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.site_browser import SitePage
from tests.support.site_build import ROOT

# OS preference -> the scheme Material shows.
SCHEMES = {"light": "default", "dark": "slate"}
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
AXE_CORE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEARCH_INDEX = "**/search/search_index.json"
# Two animation frames: Material's resize handlers have run and the new layout has started its
# CSS transitions; then every finite one is fast-forwarded to its end, as Playwright does for a
# screenshot with animations="disabled". A colour that changes with the width (a link in a
# phone-only card) fades over Material's 125 ms, and axe measuring mid-fade would report a
# contrast the reader never sees once it settles.
LAYOUT_SETTLED = """
new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))).then(() => {
  for (const running of document.getAnimations()) {
    if (Number.isFinite(running.effect?.getComputedTiming().endTime)) running.finish();
  }
})
"""
# Once the load event has fired, Material's bundle may still be setting the page up (on a busy
# machine, a second before the dark scheme is applied). The palette switch (docs/javascripts/
# palette.js, run after the bundle) stores the reader's scheme once it has applied it: from then on
# the page is what a reader sees.
MATERIAL_READY = "() => Object.keys(localStorage).some((key) => key.endsWith('.__palette'))"
READY_TIMEOUT_MS = 15_000

# The test id of one visit's checks, as tests/browser/conftest.py parametrizes them, with any
# parameters of the test's own after it:
# tests/browser/test_page_load.py::test_page_loads_cleanly[/ko/components/loss/-dark]
# tests/browser/test_accessibility.py::test_no_serious_accessibility_violations[/404.html-light-phone]
# (a page's path is empty or ends in "/" or ".html"). tests/conftest.py checks every collected test against it.
VISIT_TEST_ID = re.compile(
    r"^tests/browser/[^:]+::[^\[]+\[(?P<visit>/(?:[^\]]*?(?:/|\.html))?-(?:" + "|".join(SCHEMES) + r"))(?:-[^\]]+)?\]$"
)


def visit_test_id(site_page: SitePage, scheme: str) -> str:
    return f"{site_page}-{scheme}"


def visit_of_test(nodeid: str) -> str | None:
    """Which page visit the test `nodeid` reads ("/ko/components/loss/-dark"), or None."""
    match = VISIT_TEST_ID.match(nodeid)
    return match["visit"] if match else None


# Runs in the page before any of its own scripts (evaluated by the DevTools
# protocol, so the page's own CSP does not block it).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ""),
    event.blockedURI || ""
  );
});
"""


@dataclass
class PageVisit:
    site_page: SitePage
    scheme: str  # a key of SCHEMES
    url: str
    # Recorded from the start of the load until the probe that leaves the page:
    status: int | None = None
    shown_scheme: str | None = None  # Material's data-md-color-scheme once the page is ready
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    csp_blocked_urls: list[str] = field(default_factory=list)
    # What each probe found afterwards, or why it could not run:
    findings: dict[str, object] = field(default_factory=dict)
    probe_errors: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.site_page} ({self.scheme})"

    def found(self, probe_name: str):
        """What the probe `probe_name` found; the test fails with the probe's error if it broke."""
        if probe_name in self.probe_errors:
            pytest.fail(f"{self}: the {probe_name} probe failed: {self.probe_errors[probe_name]}", pytrace=False)
        return self.findings[probe_name]

    def foreign_requests(self, origin: str) -> list[str]:
        """What the page tried to load from anything but `origin`: requests made (data: and blob:
        URLs never leave the page), and requests the CSP blocked before they were made."""
        made = [url for url in self.requests if urlsplit(url).scheme not in ("data", "blob")]
        blocked = [url for url in self.csp_blocked_urls if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
        return list(dict.fromkeys(url for url in made + blocked if not url.startswith(origin)))


SCREENS = {"desktop": DESKTOP, "phone": PHONE}


@dataclass(frozen=True)
class Probe:
    name: str
    run: Callable  # run(page, visit) -> what it found
    screen: str  # a key of SCREENS: the width of the page while it runs
    leaves_page: bool  # it navigates away, so it runs after every other probe


PROBES: dict[str, Probe] = {}


def page_probe(name: str, *, screen: str = "desktop", leaves_page: bool = False):
    """Register `run(page, visit)` to run on every page visit; `visit.found(name)` is what it returns.

    `screen="phone"`: it runs with the page narrowed to 375 px, together with every other phone
    probe (one resize for all of them). A probe that changes the page (the focus) puts it back;
    one that navigates away says `leaves_page=True` and runs last, at desktop width (at most one may).
    """
    if screen not in SCREENS:
        raise ValueError(f"probe {name!r}: screen must be one of {', '.join(SCREENS)}, not {screen!r}")
    if leaves_page and screen != "desktop":
        raise ValueError(f"probe {name!r}: the probe that leaves the page runs at desktop width")

    def register(run):
        if leaves_page and any(probe.leaves_page for probe in PROBES.values() if probe.name != name):
            raise ValueError(f"probe {name!r}: only one probe may leave the page")
        PROBES[name] = Probe(name, run, screen, leaves_page)
        return run

    return register


class VisitTab:
    """One browser tab that makes a test process's page visits one after another.

    A fresh browser context per visit would start a new renderer and compile axe again each
    time: about a second of a three-second visit. Between visits the tab forgets what would
    make one visit depend on another (cookies, local and session storage, the scheme, the
    width, any route a probe added); like a reader moving between pages, it keeps the HTTP cache.
    """

    def __init__(self, browser, base_url: str):
        self.base_url = base_url
        self.context = browser.new_context(viewport=DESKTOP)
        # Requests that would leave the local server are recorded, then aborted: never sent.
        self.context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
        self.context.route(SEARCH_INDEX, self._index_without_documents)
        self._index_configs: dict[str, dict] = {}
        self.page = self.context.new_page()
        self.recording: PageVisit | None = None  # the visit that events are recorded into
        self._listen()

    def visit(self, site_page: SitePage, scheme: str) -> PageVisit:
        """Load `site_page` once in `scheme`, record the load, then run every registered probe on it."""
        visit = PageVisit(site_page, scheme, self.base_url + site_page.path)
        page = self.page
        self._forget_the_last_visit()
        page.emulate_media(color_scheme=scheme)

        def run(probes):
            for probe in probes:
                try:
                    visit.findings[probe.name] = probe.run(page, visit)
                except Exception as error:  # one broken probe must not hide the other checks' results
                    visit.probe_errors[probe.name] = f"{type(error).__name__}: {error}"

        self.recording = visit
        try:
            self._load(visit)
            stays = [probe for probe in PROBES.values() if not probe.leaves_page]
            run(probe for probe in stays if probe.screen == "desktop")
            phone_probes = [probe for probe in stays if probe.screen == "phone"]
            if phone_probes:
                with viewport(page, PHONE):
                    run(phone_probes)
        finally:
            self.recording = None
        run(probe for probe in PROBES.values() if probe.leaves_page)
        return visit

    def close(self) -> None:
        self.context.close()

    def _forget_the_last_visit(self) -> None:
        self.context.clear_cookies()
        self.page.unroute_all()
        self.page.set_viewport_size(DESKTOP)
        if self.page.url.startswith(self.base_url):  # storage belongs to the site's origin
            self.page.evaluate("localStorage.clear(); sessionStorage.clear()")

    def _load(self, visit: PageVisit) -> None:
        """Load the page until the load event has fired and Material has set it up."""
        response = self.page.goto(visit.url, wait_until="load")
        visit.status = response.status if response else None
        try:
            self.page.wait_for_function(MATERIAL_READY, timeout=READY_TIMEOUT_MS)
        except PlaywrightTimeout:
            pass  # a page whose scripts broke: the checks report what it shows, and its console errors
        visit.shown_scheme = self.page.get_attribute("body", "data-md-color-scheme")

    def _index_without_documents(self, route) -> None:
        """Once a probe focuses the search box, the page loads the site's whole index (800 KB), and
        its worker then spends about 0.5 s of CPU building it, in a worker thread beside the probes. The
        page gets the index's own config (its languages, so the worker loads the same lunr scripts
        under the same policy) and no documents; the request is still made and recorded."""
        url = route.request.url
        if url not in self._index_configs:
            with urllib.request.urlopen(url) as response:  # straight from the local server: not a page request
                self._index_configs[url] = json.load(response)["config"]
        route.fulfill(json={"config": self._index_configs[url], "docs": []})

    def _listen(self) -> None:
        """Record requests, failures, console errors and CSP violations into the visit being recorded
        (the context's events include web workers')."""

        def into_visit(record):
            return lambda *args: record(self.recording, *args) if self.recording else None

        def on_response(visit, response):
            if response.status >= 400:
                visit.failed_requests.append(f"{response.url} (HTTP {response.status})")

        def on_console(visit, message):
            if message.type == "error":
                visit.console_errors.append(f"{message.text} at {message.location.get('url', '?')}")

        def on_csp_violation(visit, text, blocked_url):
            visit.csp_violations.append(text)
            visit.csp_blocked_urls.append(blocked_url)

        self.context.on("request", into_visit(lambda visit, request: visit.requests.append(request.url)))
        self.context.on(
            "requestfailed",
            into_visit(lambda visit, request: visit.failed_requests.append(f"{request.url} ({request.failure})")),
        )
        self.context.on("response", into_visit(on_response))
        self.page.on("console", into_visit(on_console))
        self.page.on(
            "pageerror",
            into_visit(lambda visit, error: visit.console_errors.append(f"uncaught {error.name}: {error.message}")),
        )
        self.page.expose_function("__reportCspViolation", into_visit(on_csp_violation))
        self.page.add_init_script(REPORT_CSP_VIOLATIONS)


# For probes ---------------------------------------------------------------------------


@contextmanager
def viewport(page, size: dict) -> Iterator[None]:
    """The page resized to `size` (PHONE, say) for the block, then back to DESKTOP."""
    page.set_viewport_size(size)
    try:
        page.evaluate(LAYOUT_SETTLED)
        yield
    finally:
        page.set_viewport_size(DESKTOP)
        page.evaluate(LAYOUT_SETTLED)


# The site draws blocks far below the screen only when the reader gets near them
# (docs/stylesheets/offscreen.css), and axe skips what is not drawn as hidden: its contrast
# checks would see the first screen only. So axe checks the page with every block drawn; that
# changes when the browser draws them, not how they look.
DRAW_EVERY_BLOCK = """() => {
  for (const block of document.querySelectorAll(".md-typeset > *")) block.style.contentVisibility = "visible";
}"""


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """axe-core's findings on the page as it is now, every block drawn (DRAW_EVERY_BLOCK); only
    `rules` if given. axe is evaluated through the DevTools protocol, which the page's own CSP does
    not govern, so the page keeps its CSP."""
    if not AXE_CORE.is_file():
        raise FileNotFoundError(f"{AXE_CORE.relative_to(ROOT)} is missing: run `npm ci` (make test does)")
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_CORE.read_text(encoding="utf-8") + "\n;0")
    page.evaluate(DRAW_EVERY_BLOCK)
    page.evaluate(LAYOUT_SETTLED)
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    return page.evaluate("(options) => axe.run(document, options)", options)["violations"]
