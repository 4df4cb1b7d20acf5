"""Under `make serve --dirty`, the search index holds each page once, however many saves.

In a dirty rebuild only the changed pages give search entries. Material's search plugin,
which lives for the whole `mkdocs serve` session, merges them into the index it wrote last;
mkdocs-static-i18n then stacks each language's merged index into one list and writes that.
Together they doubled the index on every save (after six saves: 64 copies of each page in a
35 MB index) and each rebuild took twice as long as the one before. Here Material does not
merge; i18n's list starts from the index on disk without the pages this rebuild renders
again, and the plugins add those pages' new entries as usual.
(Tied to the pinned mkdocs-static-i18n 1.3.1 and Material 9.x; tests/test_edit_loop.py.)
"""

from __future__ import annotations

import json
from pathlib import Path


def _page(entry: dict) -> str:
    return entry["location"].partition("#")[0]


def drop_rebuilt_pages(files, config, first_language: bool) -> None:
    """Before a dirty rebuild of one language renders its changed pages."""
    search, i18n = config.plugins.get("material/search"), config.plugins.get("i18n")
    if search is None or i18n is None:
        return
    search.is_dirty = False  # no merge of its own: i18n's list below becomes the whole index
    if first_language:
        written = Path(config.site_dir) / "search" / "search_index.json"
        i18n.search_entries[:] = json.loads(written.read_text(encoding="utf-8"))["docs"] if written.exists() else []
    rebuilt = {file.url for file in files.documentation_pages() if file.is_modified()}
    i18n.search_entries[:] = [entry for entry in i18n.search_entries if _page(entry) not in rebuilt]
