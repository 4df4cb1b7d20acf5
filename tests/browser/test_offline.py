"""The offline copy opened from disk: unzip it, open index.html as file://, read, search, follow links.

For each language: the Home page loads with no console error (a refused inline script, such
as the worker polyfill's frame, shows there) and no request that leaves file://; a click in
the navigation opens another page; search finds a word; formulas are typeset by KaTeX; an
example page's figure loads. The zips come from the session's one `editions` build.
"""

from __future__ import annotations

import zipfile

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from sitebuild.edition_links import file_name
from tests.support.page_visit import REPORT_CSP_VIOLATIONS

# A word on the Loss page (found by search), and the page to open from the navigation.
SEARCH = {"en": ("Huber", "components/loss.html"), "ko": ("엔트로피", "components/loss.html")}
EXAMPLE_WITH_FIGURE = "examples/outliers.html"


@pytest.fixture(scope="module")
def unzipped(editions, tmp_path_factory):
    folders = {}
    for language in SEARCH:
        target = tmp_path_factory.mktemp(f"offline-{language}")
        with zipfile.ZipFile(editions / file_name(language, "zip")) as archive:
            archive.extractall(target)
        folders[language] = target / f"dl-basics-{language}"
    return folders


class Recording:
    """Everything the pages of one browser context request, log as errors, or have refused."""

    def __init__(self, context, page):
        self.requests, self.problems = [], []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.problems.append(f"{request.url} ({request.failure})"))
        page.on("console", lambda message: message.type == "error" and self.problems.append(message.text))
        page.on("pageerror", lambda error: self.problems.append(f"uncaught {error.name}: {error.message}"))
        page.expose_function("__reportCspViolation", lambda text, blocked: self.problems.append(text))
        page.add_init_script(REPORT_CSP_VIOLATIONS)

    def check(self) -> None:
        # data: URLs (plots) never leave the page; everything else must be a file of the copy.
        left = [url for url in self.requests if not url.startswith(("file://", "data:", "blob:"))]
        assert not left, f"requests that left file://: {left}"
        assert not self.problems, "console errors, failed requests or CSP violations:\n" + "\n".join(self.problems)


@pytest.mark.parametrize("language", list(SEARCH))
def test_offline_copy_reads_searches_and_shows_math_and_figures(browser, unzipped, language):
    folder = unzipped[language]
    word, loss_page = SEARCH[language]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        recording = Recording(context, page)
        page.goto((folder / "index.html").as_uri(), wait_until="load")

        # A link on Home to the Loss page opens it, from disk.
        page.locator(f'article a[href="{loss_page}"]').first.click()
        page.wait_for_load_state("load")
        assert page.url == (folder / loss_page).as_uri(), f"the navigation link led to {page.url}"
        assert page.locator(".katex").count() > 0, "the Loss page shows no typeset formula"
        assert page.locator(".katex-error").count() == 0, "a formula failed to typeset"
        assert "$$" not in page.locator("article").inner_text(), "raw TeX on the Loss page"

        # Search: the worker runs in the polyfill's frame and finds the Loss page.
        page.locator(".md-search__input").click()
        page.keyboard.type(word)
        page.keyboard.press("End")  # Material searches on keyup; Hangul arrives as inserted text
        results = page.locator(".md-search-result__item > .md-search-result__link")
        try:
            results.first.wait_for(timeout=15_000)
        except PlaywrightTimeout:
            pass
        hrefs = [link.evaluate("a => a.href") for link in results.all()]
        meta = page.locator(".md-search-result__meta").inner_text()
        assert any(href.startswith((folder / loss_page).as_uri()) for href in hrefs), (
            f"searching {word!r} offline did not find {loss_page}; results: {hrefs or meta!r}"
        )

        # An example page: its figure loads from disk.
        page.goto((folder / EXAMPLE_WITH_FIGURE).as_uri(), wait_until="load")
        figure = page.locator("article img").first
        figure.scroll_into_view_if_needed()
        assert figure.evaluate("img => img.complete && img.naturalWidth > 0"), "the example's figure did not load"
        recording.check()
    finally:
        context.close()
