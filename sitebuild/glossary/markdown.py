"""The glossary's build steps: read the data once per build, expand `<!-- glossary -->`, mark Korean pages.

Without `docs/glossary.yml` nothing is generated, and a page that asks for the glossary stops
the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import site
from sitebuild.glossary.data import DATA_FILE, GlossaryError, Term, load_glossary
from sitebuild.glossary.page import MARKER, render_glossary
from sitebuild.glossary.terms import mark_terms
from sitebuild.words import words_for

_terms: list[Term] | None = None


def load(config) -> None:
    """Read and check the data file once per build; a mistake stops the build before any page."""
    global _terms
    path = Path(config["docs_dir"]) / DATA_FILE
    _terms = None
    if path.is_file():
        root = site.repo_root(config)
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            _terms = load_glossary(path, shown)
        except GlossaryError as error:
            raise PluginError(f"The glossary data is wrong; fix it and build again:\n{error}") from None


def expand(markdown: str, page, config) -> str:
    """`<!-- glossary -->` becomes the glossary, in the build's language."""
    if MARKER not in markdown:
        return markdown
    if _terms is None:
        line = markdown.count("\n", 0, markdown.index(MARKER)) + 1
        raise PluginError(f"docs/{page.file.src_uri}:{line}: {MARKER} needs docs/{DATA_FILE}.")
    language = site.language(config)
    return markdown.replace(MARKER, render_glossary(_terms, language, words_for(language)))


def mark_first_uses(html: str, page, config) -> str:
    """On a Korean page (not the glossary itself): the English term on each term's first use."""
    if _terms is None or site.language(config) != "ko":
        return html
    return mark_terms(html, _terms)
