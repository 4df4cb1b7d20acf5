"""Reader journey: Material's search box finds pages and example pages."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.support.site_browser import DOCS, EXAMPLES

# A word that is on the Loss page.
LOSS_WORD, LOSS_PAGE = "Huber", "components/loss/"
# A Korean word that occurs mid-sentence on the Korean Loss page, a particle attached (엔트로피를).
KOREAN_LOSS_WORD, KOREAN_LOSS_PAGE = "엔트로피", "ko/components/loss/"
# A word that appears in one example and on no Markdown page, so only the example can match.
EXAMPLE_WORD, EXAMPLE_SCRIPT = "dragged", EXAMPLES / "outliers.py"


def search(page, url, word):
    """Type `word` into the search box of the page at `url`; return the result links' hrefs (absolute)."""
    page.goto(url, wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    # Playwright enters characters that are not on its keyboard layout (Hangul) as inserted
    # text without key events; Material searches on keyup, which a reader's IME does send.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > .md-search-result__link")
    try:
        results.first.wait_for(timeout=10_000)
    except PlaywrightTimeout:
        pass  # no result: the assertion reports what the search box says instead
    # All hrefs in one call: Material may redraw the list meanwhile (one by one, a link could vanish).
    return results.evaluate_all("links => links.map((a) => a.href)"), page.locator(
        ".md-search-result__meta"
    ).inner_text()


def test_search_finds_the_loss_page(new_page, site_url):
    assert LOSS_WORD in (DOCS / "components" / "loss.md").read_text(encoding="utf-8")
    hrefs, meta = search(new_page(), site_url, LOSS_WORD)
    assert any(href.startswith(site_url + LOSS_PAGE) for href in hrefs), (
        f"searching {LOSS_WORD!r} did not find /{LOSS_PAGE}; results: {hrefs or meta!r}"
    )


def test_search_finds_an_example_page(new_page, site_url):
    assert EXAMPLE_WORD in EXAMPLE_SCRIPT.read_text(encoding="utf-8")
    assert not [md for md in DOCS.rglob("*.md") if EXAMPLE_WORD in md.read_text(encoding="utf-8").lower()]
    example_page = f"examples/{EXAMPLE_SCRIPT.stem}/"
    hrefs, meta = search(new_page(), site_url, EXAMPLE_WORD)
    assert any(href.startswith(site_url + example_page) for href in hrefs), (
        f"searching {EXAMPLE_WORD!r} did not find /{example_page}; results: {hrefs or meta!r}"
    )


def test_korean_search_finds_the_korean_loss_page(new_page, site_url):
    assert KOREAN_LOSS_WORD in (DOCS / "components" / "loss.ko.md").read_text(encoding="utf-8")
    hrefs, meta = search(new_page(), site_url + "ko/", KOREAN_LOSS_WORD)
    assert any(href.startswith(site_url + KOREAN_LOSS_PAGE) for href in hrefs), (
        f"searching {KOREAN_LOSS_WORD!r} on /ko/ did not find /{KOREAN_LOSS_PAGE}; results: {hrefs or meta!r}"
    )


def test_the_index_is_downloaded_when_the_reader_starts_to_search(new_page, site_url):
    """docs/javascripts/search_on_demand.js: a page view that never searches does not download the
    site's search index; clicking into the search box does, and the search then works."""
    page = new_page()
    index_requests = []
    page.on("request", lambda request: index_requests.append(request.url) if "search_index" in request.url else None)
    page.goto(site_url + LOSS_PAGE, wait_until="load")
    page.wait_for_timeout(1_000)  # Material's search starts at DOMContentLoaded; give it time to ask
    assert not index_requests, f"the page downloaded the search index before anyone searched: {index_requests}"

    hrefs, meta = search(page, site_url + LOSS_PAGE, LOSS_WORD)
    assert index_requests == [site_url + "search/search_index.json"], index_requests
    assert any(href.startswith(site_url + LOSS_PAGE) for href in hrefs), f"no result for {LOSS_WORD!r}: {meta!r}"
