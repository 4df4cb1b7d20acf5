"""Every page of the built site, derived from the sources so tests can be parametrized,
and a local server for the built site, shared by tests/browser/ and bench/.

The sitemap is empty (site_url is unset), so the list comes from docs/ and
examples/; tests/browser/test_page_list.py checks it against the HTML the build
actually wrote, so a new kind of page cannot slip past the browser tests.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jupytext

from sitebuild.example_prose import overlay_path
from sitebuild.site import site_languages
from tests.support.site_build import DEFAULT_LANGUAGE, ROOT, page_language, page_sources

DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

FENCED_CODE = re.compile(r"^(\s*)(```|~~~).*?^\1\2", re.M | re.S)
INLINE_CODE = re.compile(r"`[^`\n]+`")
# $$...$$, or $...$ with no space just inside the dollars (arithmatex's own rule).
TEX_MATH = re.compile(r"\$\$.+?\$\$|\$[^\s$](?:[^$\n]*[^\s$])?\$", re.S)


@dataclass(frozen=True)
class SitePage:
    path: str  # URL path below the site root, e.g. "loss/" ("" is the home page)
    source: Path | None  # None for pages made from a theme template (404.html)

    @property
    def has_math(self) -> bool:
        return self.source is not None and bool(TEX_MATH.search(_prose(self.source)))

    @property
    def kind(self) -> str:
        """ "home" (a language's front page), "example", "lecture" or "404"."""
        if self.source is None:
            return "404"
        if self.path in LANGUAGE_ROOTS:
            return "home"
        return "example" if self.source is not None and self.source.parent.name == EXAMPLES.name else "lecture"

    def __str__(self) -> str:
        return "/" + self.path


def _prose(source: Path) -> str:
    """The text of a page that is not code: where TeX would be written."""
    if source.suffix == ".py":  # an example: its markdown cells
        notebook = jupytext.read(source)
        return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    text = source.read_text(encoding="utf-8")
    return INLINE_CODE.sub("", FENCED_CODE.sub("", text))


def _url_path(relative: Path, language: str = DEFAULT_LANGUAGE) -> str:
    parts = relative.with_name(relative.name.split(".")[0]).parts  # loss.ko.md -> loss
    if parts[-1] == "index":
        parts = parts[:-1]
    if language != DEFAULT_LANGUAGE:
        parts = (language, *parts)
    return "".join(part + "/" for part in parts)


def site_pages() -> list[SitePage]:
    """Every page in every language: `loss/` and `ko/loss/`, the examples under each, and the 404."""
    pages = [SitePage(_url_path(md.relative_to(DOCS), page_language(md)), md) for md in page_sources(DOCS)]
    for language in site_languages(ROOT):
        for py in sorted(EXAMPLES.glob("*.py")):
            # A translated example's prose (where its math is written) is its overlay file.
            source = py if language == DEFAULT_LANGUAGE else overlay_path(py, language)
            pages.append(SitePage(_url_path(py.relative_to(ROOT), language), source))
    pages.append(SitePage("404.html", None))
    return pages


PAGES = site_pages()

# The root of each language's site below the site root: "" (English) and "ko/".
LANGUAGE_ROOTS = [_url_path(Path("index.md"), language) for language in site_languages(ROOT)]


def html_file(site_dir: Path, page: SitePage) -> Path:
    """Where the build writes `page`."""
    return site_dir / page.path / "index.html" if not page.path.endswith(".html") else site_dir / page.path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would drown the output
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that closes a page mid-download (a test moving on) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


# What a static host such as GitHub Pages compresses: text, not images or fonts (compressed already).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _HostLikeHandler(_QuietHandler):
    """As the site's host serves it: keep-alive connections and gzip for text.

    http.server's defaults (a connection per request, nothing compressed) would make the
    phone's simulated network in Lighthouse pay for transfers no reader pays for."""

    protocol_version = "HTTP/1.1"  # keep-alive: every response below carries a Content-Length

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # http.server's redirect to the folder's URL
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and accepts_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve_directory(site_dir: Path, like_the_host: bool = False) -> Iterator[str]:
    """Yield the base URL (ending in '/') of `site_dir` served on a free port of 127.0.0.1 until the block ends.

    `like_the_host`: keep-alive and gzip, as readers get the site (bench's Lighthouse); without
    it, files go as they are, one connection each (page weight counts file sizes)."""
    handler = functools.partial(_HostLikeHandler if like_the_host else _QuietHandler, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
