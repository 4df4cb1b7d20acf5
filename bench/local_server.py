"""Serve a built site on 127.0.0.1 at a free port, in a background thread, for the browser checks."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import socket
import threading
from contextlib import contextmanager
from pathlib import Path

# What a static host such as GitHub Pages compresses: text, not images or fonts (already compressed).
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # one line per request would drown the report
        pass


class _HostLikeHandler(_QuietHandler):
    """As the site's host serves it: keep-alive connections and gzip for text.

    http.server's defaults (one connection per request, nothing compressed) would make a
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
def serve_directory(site_dir: Path, like_the_host: bool = False):
    """Yield the base URL (ending in '/') of `site_dir` served over HTTP until the block ends.

    `like_the_host`: keep-alive and gzip, as readers get the site (for Lighthouse); without
    it, files are sent as they are, one connection each (page weight counts file sizes)."""
    handler = functools.partial(_HostLikeHandler if like_the_host else _QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
