"""A translated page whose English source changed since it was translated tells its readers so.

The page gets `page.meta["stale_translation"]`, the notice's words in the page's language with the
date the English file last changed; overrides/partials/stale-translation.html shows it at the top of
the page with a link to the English page. Whether a translation is stale comes from
translation_versions.py: the hash it records differs from its English source's.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import site, translation_versions
from sitebuild.words import Words


def translation_of(page, config) -> Path | None:
    """The file that translates this page in this build: docs/x.ko.md, or examples/x.ko.md for an example."""
    language = site.language(config)
    if language == site.default_language(config) or not page.file.abs_src_path:
        return None
    source = Path(page.file.abs_src_path)
    if site.page_kind(page) is site.PageKind.EXAMPLE:
        translation = source.with_name(f"{source.stem}.{language}.md")
    else:
        translation = source
    # With TRANSLATION_FALLBACK a missing translation is the English file itself: nothing to flag.
    return translation if translation.name.endswith(f".{language}.md") and translation.is_file() else None


def add_notice(page, config, words: Words) -> None:
    translation = translation_of(page, config)
    found = translation_versions.status(translation) if translation else None
    if found is None or not found.stale:
        return
    day = translation_versions.english_changed_on(site.repo_root(config), found.source)
    page.meta["stale_translation"] = {
        "text": words.stale_translation.format(date=f'<time datetime="{day}">{day}</time>'),
        "link": words.stale_translation_link,
    }
