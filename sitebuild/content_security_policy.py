"""Give every page a Content-Security-Policy that allows only the site's own files.

The policy is a `<meta http-equiv="Content-Security-Policy">` (the site is static,
so there are no response headers to set). Scripts, styles, fonts, images, fetches
and workers may come only from the site's own origin; plots are `data:` images.
Material and mkdocs-jupyter put inline `<script>` and `<style>` blocks on pages,
and typeset formulas carry `style="..."` attributes, so the policy lists the
sha256 hash of each block and each style attribute found on that page: exactly
those run or apply, and anything injected later does not. (Attribute hashes
need the 'unsafe-hashes' keyword; it allows only the listed values.)

It runs after every other step (sitebuild/schedule.py), because any change to a
block after hashing would make the browser refuse it.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_text
import re

from mkdocs.exceptions import PluginError

# Inline blocks: a <script> or <style> element with content and no src attribute.
INLINE_BLOCK = re.compile(r"<(?P<tag>script|style)\b(?P<attrs>[^>]*)>(?P<body>.*?)</(?P=tag)\s*>", re.I | re.S)
HAS_SRC = re.compile(r"\ssrc\s*=", re.I)
# A style attribute inside a start tag; its value is hashed as the browser sees it (entities decoded).
STYLE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*?\sstyle\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)')", re.S)
CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.I)
HEAD_OPEN = re.compile(r"<head(\s[^>]*)?>", re.I)
EXISTING_POLICY = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"", re.I)

# 'self' for everything the site loads; nothing may be framed, posted or based elsewhere.
FIXED_DIRECTIVES = {
    "default-src": "'self'",
    "font-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_hashes(html: str) -> dict[str, list[str]]:
    """Hash sources per directive: inline scripts, style blocks and style attributes, in page order."""
    hashes: dict[str, list[str]] = {"script-src": [], "style-src": [], "style-src-attr": []}
    for block in INLINE_BLOCK.finditer(html):
        tag = block.group("tag").lower()
        if tag == "script" and HAS_SRC.search(block.group("attrs")):
            continue
        source = _sha256(block.group("body"))
        if source not in hashes[f"{tag}-src"]:
            hashes[f"{tag}-src"].append(source)
    for attribute in STYLE_ATTRIBUTE.finditer(_without_blocks(html)):
        value = attribute.group("double") if attribute.group("double") is not None else attribute.group("single")
        source = _sha256(html_text.unescape(value))
        if source not in hashes["style-src-attr"]:
            hashes["style-src-attr"].append(source)
    return hashes


def _without_blocks(html: str) -> str:
    """The page without script and style bodies, whose text may look like markup."""
    return INLINE_BLOCK.sub("", html)


def policy_for(html: str, frame_scripts: list[str] = ()) -> str:
    """The policy text for one page: fixed directives plus that page's inline hashes, and those of
    `frame_scripts`, inline scripts the page's own JavaScript writes into a frame (offline_copy.py)."""
    hashes = inline_hashes(html)
    for script in frame_scripts:
        if _sha256(script) not in hashes["script-src"]:
            hashes["script-src"].append(_sha256(script))
    directives = dict(FIXED_DIRECTIVES)
    directives["script-src"] = " ".join(["'self'", *hashes["script-src"]])
    directives["style-src"] = " ".join(["'self'", *hashes["style-src"]])
    attributes = hashes["style-src-attr"]
    directives["style-src-attr"] = " ".join(["'unsafe-hashes'", *attributes]) if attributes else "'none'"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(html: str, where: str, frame_scripts: list[str] = ()) -> str:
    """Insert the policy as early in <head> as possible: it covers only what follows it."""
    if EXISTING_POLICY.search(html):
        raise PluginError(
            f"{where} already has a Content-Security-Policy meta tag; "
            "sitebuild/content_security_policy.py writes the only one, so remove the other."
        )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, frame_scripts)}">'
    # Right after <meta charset>: the charset must stay within the first 1024 bytes.
    anchor = CHARSET_META.search(html) or HEAD_OPEN.search(html)
    if anchor is None:
        raise PluginError(
            f"{where} has no <head> to put its Content-Security-Policy in; "
            "check the theme's template (main.html overrides) for a missing <head>."
        )
    return html[: anchor.end()] + "\n" + meta + html[anchor.end() :]
