"""sitebuild/content_security_policy.py: every page gets a policy that hashes its own inline blocks.

The browser tests (tests/browser/test_csp_violations.py) check that Chromium
enforces it without a violation; these check the hook's text on its own and on
the built site.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from sitebuild.content_security_policy import add_policy, inline_hashes
from tests.support.built_html import parsed

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var a = 1;</script><style>p { color: red }</style>
<script src="bundle.js"></script><script id="__config" type="application/json">{"x": 1}</script>
</head><body><script>
  console.log("body");
</script><span class="katex" style="height:0.69em;">x</span><i style='top:&quot;0&quot;'>y</i>
<code>&lt;b style="not an attribute"&gt;</code></body></html>"""


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(page: BeautifulSoup) -> dict[str, str]:
    meta = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy meta tag"
    return {part.split(" ", 1)[0]: part.split(" ", 1)[1] for part in meta["content"].split("; ")}


def test_every_inline_block_is_hashed_and_external_scripts_are_not():
    hashes = inline_hashes(PAGE)
    assert hashes["script-src"] == [
        sha256_source("var a = 1;"),
        sha256_source('{"x": 1}'),
        sha256_source('\n  console.log("body");\n'),
    ]
    assert hashes["style-src"] == [sha256_source("p { color: red }")]
    # Style attributes (KaTeX writes them) are hashed as the browser reads them: entities decoded.
    assert hashes["style-src-attr"] == [sha256_source("height:0.69em;"), sha256_source('top:"0"')]


def test_policy_allows_only_the_sites_own_origin():
    policy = policy_of(BeautifulSoup(add_policy(PAGE, "page.md"), "html.parser"))
    assert policy["script-src"].startswith("'self' 'sha256-")
    assert policy["style-src"] == "'self' " + sha256_source("p { color: red }")
    assert policy["style-src-attr"].startswith("'unsafe-hashes' 'sha256-")
    assert policy["img-src"] == "'self' data:"
    for directive in ("default-src", "font-src", "connect-src", "worker-src"):
        assert policy[directive] == "'self'"
    assert "unsafe-inline" not in str(policy) and "http" not in str(policy)


def test_page_without_style_attributes_allows_none():
    page = add_policy("<html><head></head><body><p>x</p></body></html>", "p.md")
    assert policy_of(BeautifulSoup(page, "html.parser"))["style-src-attr"] == "'none'"


def test_policy_comes_right_after_the_charset_before_any_script():
    html = add_policy(PAGE, "page.md")
    assert html.index("Content-Security-Policy") < html.index("<script")
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")


def test_page_without_head_is_a_clear_error():
    with pytest.raises(PluginError, match=r"broken\.md has no <head>"):
        add_policy("<p>no head</p>", "broken.md")


def test_second_policy_is_a_clear_error():
    once = add_policy(PAGE, "page.md")
    with pytest.raises(PluginError, match=r"page\.md already has a Content-Security-Policy"):
        add_policy(once, "page.md")


def test_every_built_page_carries_the_hashes_of_its_inline_blocks(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert pages, "the build wrote no HTML"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = policy_of(parsed(page))
        # Hash what the browser will see: the page as written, minus the meta tag itself.
        without_meta = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        for directive, sources in inline_hashes(without_meta).items():
            for source in sources:
                assert source in policy[directive], f"{page.relative_to(built_site)}: {directive} lacks {source}"
