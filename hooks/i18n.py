"""Give the example pages (scripts in top-level `examples/`) a page in every language.

mkdocs-static-i18n rebuilds the site once per language and re-creates every
file it is given as a plain MkDocs `File` rooted in `docs/`. Our example pages
come from outside `docs/` and are mkdocs-jupyter `NotebookFile`s, so the plugin
drops them with "Unhandled file case" (upstream: mkdocs-static-i18n issue 198).
This hook takes the examples out of the file list before the plugin sees them
and puts them back after it, under the language's folder (`ko/examples/...`),
wrapped for mkdocs-jupyter, and with the alternates the language switch needs
to keep the reader on the same example.

Each language's build renders the same script, so mkdocs-jupyter's cache
(keyed by the script's content) executes it once per build, not once per
language. The Korean prose comes from `hooks/example_prose.py`.
"""

from __future__ import annotations

import os
import re
from types import SimpleNamespace

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs_jupyter.plugin import NotebookFile

EXAMPLES_DIR = "examples/"
# The example files taken out of the current build's file list, to put back later.
_hidden_examples: list = []


def _i18n(config):
    return config.plugins.get("i18n")


def _is_example(file) -> bool:
    return file.src_uri.startswith(EXAMPLES_DIR) and file.src_uri.endswith(".py")


def _language_url(url: str, language: str, default: str) -> str:
    return url if language == default else f"{language}/{url}"


# Between hooks/examples.py's on_files (100) and mkdocs-jupyter's (0): hide the
# examples from both mkdocs-jupyter and mkdocs-static-i18n (-100).
@event_priority(50)
def _hide_examples(files, config):
    plugin = _i18n(config)
    if plugin is None:
        return files
    _hidden_examples[:] = [file for file in files if _is_example(file)]
    for file in _hidden_examples:
        files.remove(file)
    return files


# After mkdocs-static-i18n has rebuilt the file list for the current language.
@event_priority(-110)
def _restore_examples(files, config):
    plugin = _i18n(config)
    if plugin is None:
        return files
    language, default = plugin.current_language, plugin.default_language
    for file in _hidden_examples:
        page = NotebookFile(file, config["use_directory_urls"], config["site_dir"])
        default_url = page.url
        if language != default:
            page.dest_path = f"{language}/{page.dest_path}"
            page.abs_dest_path = os.path.normpath(os.path.join(config["site_dir"], page.dest_path))
            page.url = _language_url(default_url, language, default)
        # What mkdocs-static-i18n's files carry: the page in every built language.
        page.locale = page.locale_alternate_of = language
        page.localization = None if language == default else language
        page.norm_src_uri = file.src_uri
        page.alternates = {
            other: page if other == language else SimpleNamespace(url=_language_url(default_url, other, default))
            for other in plugin.build_languages
        }
        files.append(page)
    return files


on_files = CombinedEvent(_hide_examples, _restore_examples)


# After mkdocs-static-i18n's own on_page_context (50). It leaves the home pages'
# switch on the absolute links "/" and "/ko/", which break when the site is served
# from a sub-path; point every page's switch at its counterpart, relative to the site.
@event_priority(0)
def on_page_context(context, page, config, nav):
    alternates = getattr(page.file, "alternates", None)
    # The plugin sets `config.extra.alternate` as an attribute, which is what the
    # template reads (Jinja tries attributes before items); read it the same way.
    switch = getattr(config.extra, "alternate", None)
    if not alternates or not switch:
        return context
    for alternate in switch:
        counterpart = alternates.get(alternate["lang"])
        if counterpart is not None:
            alternate["link"] = counterpart.url or "./"
    return context


# Material's JavaScript reads every <link rel="alternate"> in the head as the root of a
# language's site: it fetches `sitemap.xml` below it and, on any click into that site,
# rewrites the target from the sitemap (falling back to the language's home). Our
# alternates are the counterpart pages, so each page requested `<page>/sitemap.xml`
# (a 404 per language on every page view), and the sitemap, empty while `site_url` is
# unset, cannot map pages anyway. Without the head links the switch in the header is a
# plain link to the counterpart page. (Search engines ignore relative hreflang URLs.)
HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _without_head_alternates(output: str) -> str:
    head_end = output.find("</head>")
    return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]


def on_post_page(output, page, config):
    return output if _i18n(config) is None else _without_head_alternates(output)


# The 404 page is a template, not a page: it would carry the last page's alternates.
def on_post_template(output_content, template_name, config):
    return output_content if _i18n(config) is None else _without_head_alternates(output_content)
