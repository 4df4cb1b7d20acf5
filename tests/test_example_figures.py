"""hooks/example_figures.py: figures leave the HTML as files, named by content, with their size."""

from __future__ import annotations

import base64
import struct
import sys
import zlib

from tests.support.site_build import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from example_figures import extract_figures  # noqa: E402


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_inline_png_becomes_a_file_with_its_size():
    png = tiny_png(3, 2)
    html = f'<p>before</p><img alt="plot" src="data:image/png;base64,{base64.b64encode(png).decode()}"/>'
    new_html, files = extract_figures(html)
    assert list(files.values()) == [png]
    (name,) = files
    assert name.startswith("figure-") and name.endswith(".png")
    assert f'src="{name}" width="3" height="2"' in new_html and "base64" not in new_html


def test_same_figure_twice_is_one_file():
    uri = "data:image/png;base64," + base64.b64encode(tiny_png(1, 1)).decode()
    _, files = extract_figures(f'<img src="{uri}"><img src="{uri}">')
    assert len(files) == 1


def test_example_pages_carry_no_inline_images(built_site):
    for page in (built_site / "examples").glob("*/index.html"):
        assert "data:image" not in page.read_text(encoding="utf-8"), f"{page} still inlines an image"
