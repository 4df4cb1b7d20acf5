"""Find every page of a built site, and tell lecture pages from example pages."""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = "examples"


def built_pages(site_dir: Path) -> list[str]:
    """URL paths (relative to the site root) of every HTML page, the 404 page excepted."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative == "404.html":
            continue
        pages.append(relative[: -len("index.html")] if html.name == "index.html" else relative)
    return sorted(pages)  # the home page ("") first


def kind(page: str) -> str:
    if page == "":
        return "home"
    return "example" if page.startswith(EXAMPLES_DIR + "/") else "lecture"
