"""sitebuild/page_styles.py: a page carries inline the rules it can use, and no screen stylesheet link."""

from __future__ import annotations

import re

from sitebuild.page_styles import inline_styles

CSS = """
@charset "utf-8";
@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}
@font-face{font-family:KaTeX_AMS;src:url(fonts/KaTeX_AMS-Regular.woff2) format("woff2")}
:root{--md-primary:#4051b5}
.katex{font:normal 1.21em KaTeX_Main,serif}
.md-blog .md-post{color:red}
.md-typeset table:not([class]){border:1px solid}
.md-clipboard{opacity:0}
[data-md-color-scheme=slate]{--md-bg:#222}
[data-md-color-primary=red]{--md-primary:red}
[dir=rtl] .md-header{left:0}
h1,.md-tags{margin:0}
@media screen and (max-width:44em){.md-blog{display:none}.md-header{height:2rem}}
@media print{.md-header{display:none}}
.note::before{content:"\\2192"}
"""

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="{up}assets/site.css">
<link rel="stylesheet" href="{up}assets/print.css" media="print">
<title>t</title></head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo">
<form><input data-md-color-scheme="slate" data-md-color-primary="indigo"></form>
<header class="md-header"><h1>Title</h1></header>
<div class="md-typeset"><table><tr><td>1</td></tr></table>
<p class="note"><span class="katex">x</span></p></div>
<script src="{up}assets/bundle.js"></script>
</body></html>"""


def write_site(tmp_path, page_path="index.html", **overrides):
    (tmp_path / "assets").mkdir(exist_ok=True)
    (tmp_path / "assets" / "site.css").write_text(overrides.get("css", CSS), encoding="utf-8")
    (tmp_path / "assets" / "print.css").write_text("body{color:black}", encoding="utf-8")
    (tmp_path / "assets" / "bundle.js").write_text('e.classList.add("md-clipboard")', encoding="utf-8")
    page = tmp_path / page_path
    page.parent.mkdir(parents=True, exist_ok=True)
    up = "../" * page_path.count("/")
    return page, overrides.get("html", PAGE).replace("{up}", up)


def inline_css(html: str) -> str:
    blocks = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert len(blocks) == 1, f"expected one <style> block, found {len(blocks)}"
    return blocks[0]


def test_screen_stylesheets_become_one_block_and_print_stays_a_link(tmp_path):
    page, html = write_site(tmp_path)
    result = inline_styles(html, page, tmp_path)
    assert 'href="assets/site.css"' not in result
    assert '<link rel="stylesheet" href="assets/print.css" media="print">' in result
    assert result.index("<style") < result.index("<title>"), "the block takes the first link's place"


def test_rules_for_what_the_page_has_are_kept_the_rest_left_out(tmp_path):
    page, html = write_site(tmp_path)
    css = inline_css(inline_styles(html, page, tmp_path))
    for kept in (
        ":root{--md-primary:#4051b5}",
        ".katex{font:normal 1.21em KaTeX_Main,serif}",
        ".md-typeset table:not([class]){border:1px solid}",  # :not() asks nothing of the page
        "h1,.md-tags{margin:0}",  # one selector of the list is enough
        '.note::before{content:"→"}',  # escapes are written out: the page is UTF-8
        "@media print{.md-header{display:none}}",
    ):
        assert kept in css
    for left_out in (".md-blog", "KaTeX_AMS", "@charset"):
        assert left_out not in css
    # Media queries keep only their kept rules.
    assert "@media screen and (max-width:44em){.md-header{height:2rem}}" in css


def test_classes_the_pages_scripts_add_keep_their_rules(tmp_path):
    page, html = write_site(tmp_path)
    assert ".md-clipboard{opacity:0}" in inline_css(inline_styles(html, page, tmp_path))


def test_colour_scheme_and_direction_rules_follow_the_values_on_the_page(tmp_path):
    page, html = write_site(tmp_path)
    css = inline_css(inline_styles(html, page, tmp_path))
    assert "[data-md-color-scheme=slate]{--md-bg:#222}" in css, "the palette switch offers slate"
    assert "data-md-color-primary=red" not in css, "no element is red"
    assert "[dir=rtl]" not in css, "the page is left to right"


def test_font_faces_only_for_families_kept_rules_use_with_urls_relative_to_the_page(tmp_path):
    page, html = write_site(tmp_path, "ko/components/loss/index.html")
    css = inline_css(inline_styles(html, page, tmp_path))
    assert (
        '@font-face{font-family:KaTeX_Main;src:url(../../../assets/fonts/KaTeX_Main-Regular.woff2) format("woff2")}'
        in css
    )
    assert "KaTeX_AMS" not in css


def test_page_without_the_stylesheet_on_disk_keeps_its_link(tmp_path):
    page = tmp_path / "index.html"
    html = '<html><head><link rel="stylesheet" href="missing.css"></head><body></body></html>'
    assert inline_styles(html, page, tmp_path) == html


def test_every_built_page_has_its_styles_inline_and_no_screen_stylesheet_link(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(built_site)
        links = re.findall(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>", html)
        assert all('media="print"' in link for link in links), f"{where}: {links}"
        css = inline_css(html)
        assert ".md-header" in css, f"{where}: Material's header rules are missing"
        has_math = 'class="katex"' in html
        assert ("KaTeX_Main" in css) == has_math, f"{where}: KaTeX's fonts should come with formulas, and only then"


def test_the_404_page_links_from_the_root_and_so_do_its_font_urls(tmp_path):
    page, html = write_site(tmp_path)
    html = html.replace('href="assets/', 'href="/assets/').replace('src="assets/', 'src="/assets/')
    result = inline_styles(html, page, tmp_path)
    css = inline_css(result)
    assert "url(/assets/fonts/KaTeX_Main-Regular.woff2)" in css, "shown at any address, it needs root URLs"
    assert ".md-clipboard{opacity:0}" in css, "scripts linked from the root count too"
