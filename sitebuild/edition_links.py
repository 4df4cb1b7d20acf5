"""Home's line about the offline copy and the PDF: `<!-- editions -->` becomes links to them.

Both are made after the site by sitebuild/editions.py, into `downloads/` at the site's root, so
the links are plain HTML (MkDocs would check a Markdown link against docs/ and fail the strict
build). In the offline copy the line says so and links to the PDF packed beside it.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError

from sitebuild import offline_copy, site
from sitebuild.words import words_for

MARKER = "<!-- editions -->"
DOWNLOADS = "downloads"
HOME = re.compile(r"index(\.[a-z]{2})?\.md")


def file_name(language: str, extension: str) -> str:
    """`dl-basics-en.zip`, `dl-basics-ko.pdf`: the name of one language's edition."""
    return f"dl-basics-{language}.{extension}"


def expand(markdown: str, page, config) -> str:
    if MARKER not in markdown:
        return markdown
    if not HOME.fullmatch(page.file.src_uri):  # each language's Home (the Korean one is not the site's)
        line = markdown.count("\n", 0, markdown.index(MARKER)) + 1
        raise PluginError(
            f"docs/{page.file.src_uri}:{line}: {MARKER} belongs on Home (docs/index.md, docs/index.ko.md) only."
        )
    language = site.language(config)
    words = words_for(language)
    # The page's file is relative to the site's root (`ko/index.html` for the Korean Home).
    to_root = posixpath.relpath(".", posixpath.dirname(page.file.dest_uri) or ".")
    folder = posixpath.join(to_root, DOWNLOADS)

    def link(extension: str, text: str) -> str:
        return f'<a href="{posixpath.join(folder, file_name(language, extension))}">{text}</a>'

    if offline_copy.enabled(config):
        line = words.offline_edition.format(pdf=link("pdf", words.pdf_link))
    else:
        line = words.editions.format(zip=link("zip", words.zip_link), pdf=link("pdf", words.pdf_link))
    return markdown.replace(MARKER, line)
