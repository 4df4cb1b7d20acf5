"""Nothing on the site is loaded from another host: scripts, styles, fonts, images, frames.

A static check of the built HTML and CSS. Links (<a href>) to papers are fine: they load
nothing until clicked.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.support.built_html import parsed
from tests.support.site_build import built_pages

# Attributes that make the browser fetch something as the page loads.
LOADED = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "image": ["href", "xlink:href"],
}
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # http://x, https://x, //x
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)
SCRIPT_URL = re.compile(r"""(?:import\s*\(?|src\s*=)\s*['"]((?:https?:)?//[^'"]+)""", re.I)


def remote_references(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag, attributes in LOADED.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                for value in (element.get(attribute) or "").split(","):
                    if OTHER_HOST.match(value):
                        found.append(f"<{tag} {attribute}={value.strip()!r}>")
    styles = [style.get_text() for style in soup.find_all("style")]
    styles += [element["style"] for element in soup.find_all(style=True)]
    for css in styles:
        found += [f"CSS url({url})" for url in css_references(css) if OTHER_HOST.match(url)]
    for script in soup.find_all("script"):
        found += [f"script loads {url}" for url in SCRIPT_URL.findall(script.get_text())]
    return found


def css_references(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_URL.findall(css)]


def test_the_checker_sees_remote_resources():
    page = (
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/y.css">'
        '<img src="http://example.org/z.png"><div style="background:url(https://example.org/b.png)"></div>'
        '<script type="module">await import("https://cdn.example/m.mjs")</script>'
        '<a href="https://arxiv.org/abs/1512.03385">a paper</a><img src="../plot.png">'
    )
    found = remote_references(BeautifulSoup(page, "html.parser"))
    assert len(found) == 5, found


def test_no_page_loads_anything_from_another_host(built_site):
    found = []
    for page in built_pages(built_site):
        found += [f"{page.relative_to(built_site)}: {ref}" for ref in remote_references(parsed(page))]
    for stylesheet in built_site.rglob("*.css"):
        urls = css_references(stylesheet.read_text(encoding="utf-8", errors="replace"))
        found += [f"{stylesheet.relative_to(built_site)}: url({url})" for url in urls if OTHER_HOST.match(url)]
    assert not found, "resources from other hosts:\n" + "\n".join(found)
