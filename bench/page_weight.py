"""Bytes each page costs a reader: its HTML, and everything the browser loads to show it.

Each page opens in a fresh headless Chromium context (empty cache), waits until the network
is idle, and adds up the response bodies of every request (HTML, CSS, JS, fonts, images,
the search index). The local server sends files uncompressed, so these are file sizes.
Any request to another origin is counted as third-party: the site must load nothing from
other hosts.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from sitebuild.chromium import launch_chromium

PAGE_TIMEOUT_MS = 30_000


@dataclass
class PageWeight:
    page: str
    html_bytes: int
    total_bytes: int
    requests: int
    third_party: list[str] = field(default_factory=list)
    resources: dict[str, int] = field(default_factory=dict)  # URL path -> bytes, largest first


def measure(base_url: str, pages: list[str]) -> list[PageWeight]:
    origin = urlsplit(base_url).netloc
    weights = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for page_path in pages:
                weights.append(_weigh(browser, base_url + page_path, page_path, origin))
        finally:
            browser.close()
    return weights


def _weigh(browser, url: str, page_path: str, origin: str) -> PageWeight:
    context = browser.new_context()
    tab = context.new_page()
    requested, finished = [], []
    tab.on("request", lambda request: requested.append(request))
    tab.on("requestfinished", lambda request: finished.append(request))
    response = tab.goto(url, wait_until="networkidle", timeout=PAGE_TIMEOUT_MS)
    if response is None or not response.ok:
        status = response.status if response else "no response"
        context.close()
        raise RuntimeError(f"{url}: the page did not load ({status})")
    html_bytes = len(response.body())
    sizes = {}
    for request in finished:
        path = urlsplit(request.url).path if urlsplit(request.url).netloc == origin else request.url
        sizes[path] = sizes.get(path, 0) + request.sizes()["responseBodySize"]
    total = sum(sizes.values())
    resources = dict(sorted(sizes.items(), key=lambda item: -item[1]))
    third_party = [
        request.url
        for request in requested
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != origin
    ]
    context.close()
    return PageWeight(page_path, html_bytes, total, len(requested), third_party, resources)


def summary(weights: list[PageWeight]) -> dict:
    totals = [weight.total_bytes for weight in weights]
    heaviest = max(weights, key=lambda weight: weight.total_bytes)
    median = statistics.median(totals)
    return {
        "pages": len(weights),
        "heaviest_page": heaviest.page or "/",
        "heaviest_bytes": heaviest.total_bytes,
        "median_bytes": median,
        "heaviest_over_median": heaviest.total_bytes / median if median else None,
        "third_party_requests": sum(len(weight.third_party) for weight in weights),
    }
