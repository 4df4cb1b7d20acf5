"""The print view of one language's built site: every page in navigation order on one HTML page.

It reads a built offline copy (sitebuild/offline_copy.py: one language at the root, links
ending in `.html`) and writes `print.html` beside its `index.html`: a table of contents, then
each page's article (Markdown and example pages alike) in the order of the navigation. Links
between pages become links inside the print view, ids get a per-page prefix so that no two
collide, every content tab and `<details>` is shown, images load at once (a lazy image
below the fold would be missing from the PDF), and no script runs. The look comes from the site's own CSS with
docs/stylesheets/print.css; the page gets its own Content-Security-Policy.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from sitebuild import content_security_policy, page_styles
from sitebuild.words import words_for

PRINT_PAGE = "print.html"


@dataclass(frozen=True)
class NavPage:
    path: str  # relative to the site's root: components/loss.html
    title: str  # as the navigation shows it

    @property
    def anchor(self) -> str:
        return "page-" + re.sub(r"[^a-z0-9]+", "-", self.path.removesuffix(".html").lower()).strip("-")


def nav_pages(root: Path) -> list[NavPage]:
    """Every page of the primary navigation of the Home page, in order."""
    soup = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary")
    if nav is None:
        raise ValueError(f"{root / 'index.html'} has no primary navigation (nav.md-nav--primary)")
    pages: list[NavPage] = []
    for link in nav.select("a.md-nav__link[href]"):
        path = urlsplit(link["href"]).path
        if not path or link.find_parent(class_="md-nav--secondary"):  # the page's own table of contents
            continue
        path = posixpath.normpath(path)
        if path not in [page.path for page in pages]:
            pages.append(NavPage(path, " ".join(link.get_text(" ").split())))
    return pages


def _is_relative(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("/")


def _article(root: Path, page: NavPage, anchors: dict[str, str]):
    """The page's article, its ids prefixed and its URLs made relative to the print view."""
    soup = BeautifulSoup((root / page.path).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise ValueError(f"{root / page.path} has no article (article.md-content__inner)")
    for unwanted in article.select("a.md-content__button, a.headerlink"):
        unwanted.decompose()
    folder = posixpath.dirname(page.path)
    prefix = page.anchor + "--"
    for element in article.find_all(True):
        for attribute in ("id", "for"):
            if element.has_attr(attribute):
                element[attribute] = prefix + element[attribute]
        if element.has_attr("loading"):
            del element["loading"]
        for attribute in ("href", "src"):
            url = element.get(attribute)
            if not url or not _is_relative(url):
                continue
            parts = urlsplit(url)
            target = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else page.path
            if target in anchors:
                fragment = f"{anchors[target]}--{parts.fragment}" if parts.fragment else anchors[target]
                element[attribute] = "#" + fragment
            else:
                element[attribute] = target + (f"#{parts.fragment}" if parts.fragment else "")
    for details in article.find_all("details"):
        if "exercise-solution" not in details.get("class", []):  # print.css leaves solutions out
            details["open"] = ""
    for tabs in article.select(".tabbed-set"):
        labels = [label.get_text(" ", strip=True) for label in tabs.select(".tabbed-labels > label")]
        for label, block in zip(labels, tabs.select(".tabbed-content > .tabbed-block"), strict=False):
            caption = soup.new_tag("p", attrs={"class": "print-tab-label"})
            caption.string = label
            block.insert(0, caption)
    return article


def write_print_view(root: Path, language: str) -> tuple[Path, list[NavPage]]:
    """Write `print.html` into the built copy at `root`; return it and the pages it holds."""
    pages = nav_pages(root)
    anchors = {page.path: page.anchor for page in pages}
    shell = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
    shell.html["class"] = [*shell.html.get("class", []), "print-view"]
    for policy in shell.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"}):
        policy.decompose()  # Home's; this page gets its own, for its own inline styles
    for script in shell.find_all("script"):
        script.decompose()  # paper needs no search, no palette switch, no copy buttons
    body = shell.select_one("article.md-content__inner")
    body.clear()
    contents = shell.new_tag("nav", attrs={"class": "print-contents", "aria-labelledby": "print-contents"})
    heading = shell.new_tag("h1", id="print-contents")
    heading.string = words_for(language).contents
    contents.append(heading)
    listing = shell.new_tag("ol")
    for page in pages:
        item = shell.new_tag("li")
        link = shell.new_tag("a", href=f"#{page.anchor}")
        link.string = page.title
        item.append(link)
        listing.append(item)
    contents.append(listing)
    body.append(contents)
    for page in pages:
        section = shell.new_tag("section", attrs={"class": "print-page", "id": page.anchor})
        for child in list(_article(root, page, anchors).children):
            section.append(child)
        body.append(section)
    # Home's styles are only the rules Home can use (sitebuild/page_styles.py): no formula's,
    # for one. The print view links the stylesheets they came from again and keeps the rules its
    # own content uses; without them the PDF showed each formula twice, unstyled.
    for block in shell.find_all("style", attrs={page_styles.INLINED_FROM: True}):
        for href in block[page_styles.INLINED_FROM].split():
            block.insert_before(shell.new_tag("link", rel="stylesheet", href=href))
        block.decompose()
    target = root / PRINT_PAGE
    html = page_styles.inline_styles(str(shell), target, root)
    target.write_text(content_security_policy.add_policy(html, PRINT_PAGE), encoding="utf-8")
    return target, pages
