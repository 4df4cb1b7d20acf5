"""The offline copy: one language of the site, built to be opened from disk (`file://`) and zipped.

Material's offline plugin does the work: links end in `.html` (no directory URLs) and the
search index is also written as a script, which a `file://` page may load where it may not
fetch. The search still runs in a worker, and browsers refuse workers on `file://`; Material
then needs the iframe-worker polyfill, which the plugin would load from unpkg.com. This site
ships it from npm instead (pinned in package-lock.json) at SHIM_URL.

Each copy holds one language at its root (mkdocs-static-i18n's `build_only_locale`): its own
search index, only its own pages, `index.html` its Home. The language switch is left out
(overrides/partials/alternate.html), since the other language is not in the zip.

The polyfill runs the worker in a hidden frame by writing an inline script into it; that
script names the page's worker URL, so each page's Content-Security-Policy lists its hash
(`frame_scripts`). Chromium matches 'self' against `file://` URLs, so the rest of the policy
holds as it is (tests/browser/test_offline.py opens the unpacked zip and watches for
violations).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from sitebuild import site

SHIM_URL = "assets/javascripts/iframe-worker/shim.js"
SHIM_TAG = re.compile(r'<script src="(?:\.\./)*' + re.escape(SHIM_URL) + r'"')
# The page's own search worker, as Material's inline configuration names it.
SEARCH_WORKER = re.compile(r'"search":\s*("[^"]*")')


def enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _shim_path(config) -> Path:
    return site.repo_root(config) / "node_modules" / "iframe-worker" / "shim" / "index.js"


def asset_files(config) -> list[File]:
    """The polyfill, in an offline build only (a served site has real workers)."""
    if not enabled(config):
        return []
    shim = _shim_path(config)
    if not shim.is_file():
        raise PluginError(f"iframe-worker is not installed ({shim} is missing): run `make setup`.")
    return [File.generated(config, SHIM_URL, abs_src_path=str(shim))]


@cache
def _frame_script_template(shim: Path) -> str:
    """The inline script the polyfill writes into its frame, with `{worker}` for the worker URL."""
    text = shim.read_text(encoding="utf-8")
    post = re.search(r"function c\(s,n\)\{.*?\}(?=function d\()", text)
    imports = re.search(r"function d\(\.\.\.s\)\{.*?\}(?=var o=)", text)
    frame = re.search(r"write\(`<html><body><script>(.*?)<\\/script><script src=", text)
    if not (post and imports and frame):
        raise PluginError(
            f"{shim} is not the iframe-worker release sitebuild/offline_copy.py knows (1.0.4): "
            "read how its shim writes the worker frame and update _frame_script_template."
        )
    return (
        frame.group(1)
        .replace("{", "{{")
        .replace("}", "}}")
        .replace("${{c}}", post.group(0).replace("{", "{{").replace("}", "}}"))
        .replace("${{d}}", imports.group(0).replace("{", "{{").replace("}", "}}"))
        .replace("${{e}}", "{worker}")
    )


def frame_scripts(html: str, config) -> list[str]:
    """The inline script the polyfill will run on this page, for its Content-Security-Policy."""
    if not SHIM_TAG.search(html):
        return []
    worker = SEARCH_WORKER.search(html)
    if worker is None:
        return []  # no search on this page (404): the polyfill starts no worker
    return [_frame_script_template(_shim_path(config)).format(worker=json.loads(worker.group(1)))]


class OneLanguageSources(BasePlugin):
    """In a one-language build, the pages that language translates, without their English files.

    mkdocs-static-i18n then counts an unsuffixed file (`loss.md`) as the built language too, and
    of it and `loss.ko.md` keeps whichever comes later in MkDocs' file order: the English one.
    sitebuild/editions.py adds this to the offline build's plugins; the site's build never has it."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language

    @event_priority(-90)  # before mkdocs-static-i18n (-100) sorts the files into languages
    def on_files(self, files, config):
        suffix = f".{self.language}.md"
        translated = {file.src_uri.removesuffix(suffix) + ".md" for file in files if file.src_uri.endswith(suffix)}
        for file in [file for file in files if file.src_uri in translated]:
            files.remove(file)
        return files
