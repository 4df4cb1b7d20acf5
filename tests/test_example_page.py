"""sitebuild/example_page.py: one pass turns mkdocs-jupyter's HTML into a page like a Markdown page."""

from __future__ import annotations

import base64
import struct
import zlib

from bs4 import BeautifulSoup

from sitebuild.example_page import RegionLabels, build_example_page


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x00" * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def notebook_html(*cells: str) -> str:
    """What mkdocs-jupyter renders, cut to the parts the pass reads."""
    return '<style>.jp-Cell{}</style><div class="jupyter-wrapper">' + "".join(cells) + "</div><script>x()</script>"


def prose(html: str) -> str:
    return f'<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedMarkdown">{html}</div></div>'


def code(source: str, *outputs: str) -> str:
    out = "".join(f'<div class="jp-OutputArea-output" tabindex="0">{o}</div>' for o in outputs)
    return (
        '<div class="jp-Cell jp-CodeCell"><div class="jp-Cell jp-CodeCell">'
        f'<div class="jp-InputArea-editor"><pre>{source}</pre></div>{out}</div></div>'
    )


def build(rendered: str, prose_cells=None):
    return build_example_page(
        rendered,
        prose=prose_cells,
        typeset=lambda tex, display: f'<span class="katex-display"><k>{tex}</k></span>' if display else f"<k>{tex}</k>",
        downloads='<p class="dl">get</p>',
        labels=RegionLabels(formula="Formel", output="Ausgabe"),
    )


def test_figure_becomes_a_file_with_its_size():
    png = tiny_png(3, 2)
    image = f'<img alt="plot" src="data:image/png;base64,{base64.b64encode(png).decode()}"/>'
    page = build(notebook_html(prose("<h1>T</h1>"), code("plot()", image, image)))
    assert list(page.figures.values()) == [png]  # the same figure twice is one file
    (name,) = page.figures
    assert name.startswith("figure-") and name.endswith(".png")
    img = BeautifulSoup(page.content, "html.parser").find("img")
    assert (img["src"], img["width"], img["height"]) == (name, "3", "2")
    assert "base64" not in page.content


def test_cells_become_plain_prose_and_material_code_blocks():
    page = build(
        notebook_html(prose("<h1>Title</h1><p>Words</p>"), code("x = 1", "<pre>1</pre>"), code("y", "<pre>2</pre>"))
    )
    assert "<script" not in page.content and "<style" not in page.content and "jupyter-wrapper" not in page.content
    assert '<div class="language-python highlight"><pre><code>x = 1</code></pre></div>' in page.content
    # An output may be wider than a phone: it scrolls, so a keyboard can reach it, and it has a
    # name of its own on the page.
    for number in (1, 2):
        assert (
            f'<div aria-label="Ausgabe {number}" class="jp-OutputArea-output" role="region" tabindex="0">'
            f"<pre>{number}</pre></div>" in page.content
        )
    assert page.content.index('class="dl"') > page.content.index("</h1>")  # downloads under the title


def test_headings_get_unicode_ids_a_permalink_and_a_toc():
    page = build(notebook_html(prose("<h1>손실 함수</h1><h2>Part</h2><h2>Part</h2>")))
    assert page.title == "손실 함수"
    assert [t["id"] for t in page.toc_tokens] == ["손실-함수"]
    assert [t["id"] for t in page.toc_tokens[0]["children"]] == ["part", "part_1"]
    assert '<a class="headerlink" href="#part_1" title="Permanent link">¶</a>' in page.content
    assert {"손실-함수", "part", "part_1"} <= page.anchor_ids


def test_translated_prose_replaces_the_cells_and_its_math_is_typeset():
    page = build(
        notebook_html(prose("<h1>English</h1>"), code("x"), prose("<p>more</p>")), ["# 한국어", "값은 $x^2$이다."]
    )
    assert page.title == "한국어" and "English" not in page.content and "more" not in page.content
    assert "값은 <k>x^2</k>이다." in page.content


def test_prices_and_code_are_not_math():
    page = build(notebook_html(prose("<p>It costs $5 and $6.</p><p><code>$x$</code></p>")))
    assert "<k>" not in page.content


def test_a_display_formula_alone_in_its_paragraph_becomes_a_focusable_named_block():
    page = build(
        notebook_html(prose("<p>$$a+b$$</p><p>So $$c$$ is inline here.</p>"), code("x"), prose("<p>$$d$$</p>"))
    )
    soup = BeautifulSoup(page.content, "html.parser")
    block, later = soup.select("div.arithmatex")
    assert (block["tabindex"], block["role"], block["aria-label"]) == ("0", "region", "Formel 1")
    assert block.select_one(".katex-display k").text == "a+b"
    assert later["aria-label"] == "Formel 2", "numbered on the page, across cells"
    assert block.parent.name != "p", "a div inside a <p> would be split apart by the browser"
    # Inside a sentence, the formula stays in its paragraph.
    sentence = next(paragraph for paragraph in soup.find_all("p") if "inline here" in paragraph.text)
    assert sentence.select_one(".katex-display k").text == "c"
