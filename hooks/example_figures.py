"""Serve the figures of example pages as image files, not as base64 inside the HTML.

Jupyter embeds every plot in the page as a data: URI, a third larger than the PNG
and downloaded again with every visit to the page. This hook writes each figure
next to its page under a name taken from its content (so browsers may cache it
for good) and gives the <img> its size, so the page does not jump as it loads.
"""

from __future__ import annotations

import base64
import hashlib
import re
import struct
from pathlib import Path

from examples import is_example_page  # hooks/examples.py (MkDocs puts hooks/ on the path)

DATA_URI = re.compile(r'src="data:image/(?P<kind>png|jpeg|gif);base64,(?P<data>[A-Za-z0-9+/=\s]+)"')
EXTENSION = {"png": "png", "jpeg": "jpg", "gif": "gif"}

_pending: dict[str, dict[str, bytes]] = {}  # page's dest path -> {file name: bytes}


def png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def extract_figures(content: str) -> tuple[str, dict[str, bytes]]:
    """Replace each inline image by a file name; return the new HTML and the files."""
    files: dict[str, bytes] = {}

    def to_file(match: re.Match) -> str:
        data = base64.b64decode(match.group("data"))
        name = f"figure-{hashlib.sha256(data).hexdigest()[:12]}.{EXTENSION[match.group('kind')]}"
        files[name] = data
        size = png_size(data)
        dimensions = f' width="{size[0]}" height="{size[1]}"' if size else ""
        return f'src="{name}"{dimensions}'

    return DATA_URI.sub(to_file, content), files


def on_page_content(content, page, config, files):
    if not is_example_page(page):
        return content
    content, figures = extract_figures(content)
    _pending[page.file.abs_dest_path] = figures
    return content


def on_post_page(output, page, config):
    figures = _pending.pop(page.file.abs_dest_path, {})
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in figures.items():
        (folder / name).write_bytes(data)
    return output
