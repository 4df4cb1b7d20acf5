"""`make serve` rebuilds only the pages whose sources changed (`mkdocs serve --dirty`), and all of them
when something every page depends on changed.

MkDocs' dirty build re-renders a page when its source file is newer than its HTML. That misses
what our pages are also made of, so here a save of any of these rebuilds every page:
`mkdocs.yml`, the build code (`sitebuild/`, `overrides/`), and any file under `docs/` that is
not a page (snippets, `timeline.yml`, `glossary.yml`, stylesheets, diagrams). A Korean example
page is made from its script and its prose overlay, so it is rebuilt when either changed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from sitebuild import example_execution, serve_search_index, site
from sitebuild.example_prose import overlay_path

# MkDocs warns on every dirty build that navigation may be stale; under `--strict` any warning
# aborts the build. Shared inputs rebuild everything (below); a page's renamed title reaches
# the other pages' navigation at the next full build (a save of mkdocs.yml).
DIRTY_WARNING = "A 'dirty' build is being performed"
SHARED_INPUTS = ("mkdocs.yml", "sitebuild", "overrides")

_state = {"dirty": False, "last_build": 0.0, "this_build": 0.0, "rebuild_all": True}


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def start(command: str, dirty: bool) -> None:
    """At `mkdocs serve --dirty` start-up (on_startup)."""
    _state["dirty"] = dirty and command == "serve"
    if _state["dirty"]:
        logging.getLogger("mkdocs.commands.build").addFilter(_WithoutDirtyWarning())


def _is_page(path: Path, docs: Path) -> bool:
    return path.suffix == ".md" and path.relative_to(docs).parts[0] != "snippets"


def _newest_change(paths) -> float:
    newest = 0.0
    for path in paths:
        if path.is_dir():
            newest = max([newest, *(child.stat().st_mtime for child in path.rglob("*") if child.is_file())])
        elif path.exists():
            newest = max(newest, path.stat().st_mtime)
    return newest


def mark_changes(files, config) -> None:
    """Before a dirty rebuild renders pages: say which pages must be rebuilt."""
    if not _state["dirty"]:
        return
    root, docs = site.repo_root(config), Path(config["docs_dir"])
    if site.language(config) == site.default_language(config):  # one decision for all languages
        _state["this_build"] = time.time()
        # Pages of every language (this build's list holds only its own language's).
        shared = [root / name for name in SHARED_INPUTS] + [
            path for path in docs.rglob("*") if path.is_file() and not _is_page(path, docs)
        ]
        _state["rebuild_all"] = _newest_change(shared) > _state["last_build"]
        _state["last_build"] = _state["this_build"]  # a save from now on counts for the next rebuild
    for file in files.documentation_pages():
        if _state["rebuild_all"]:
            file.is_modified = lambda: True
        elif site.page_kind(file) is site.PageKind.EXAMPLE and site.language(config) != site.default_language(config):
            overlay = overlay_path(Path(file.abs_src_path), site.language(config))
            file.is_modified = _newer_than_page(Path(file.abs_src_path), overlay, Path(file.abs_dest_path))
    example_execution.keep_cache_of_unchanged(files, config)
    serve_search_index.drop_rebuilt_pages(files, config, site.language(config) == site.default_language(config))


def _newer_than_page(script: Path, overlay: Path, html: Path):
    def is_modified() -> bool:
        if not html.exists():
            return True
        built = html.stat().st_mtime
        return script.stat().st_mtime > built or (overlay.exists() and overlay.stat().st_mtime > built)

    return is_modified
