"""Give every page an "edit this page" link to its own source file in the repository.

MkDocs builds edit links as `repo_url` + `edit_uri` + the path inside `docs/`.
Example pages are made from top-level `examples/*.py` (see hooks/examples.py), so
that rule would send their readers to a `docs/examples/...` path that does not
exist. This hook links every page, Markdown or example, to its path from the
repository root instead: `edit_uri` names the branch and the docs folder
(`edit/main/docs/`), and the part before the docs folder is the repository's
edit prefix (`edit/main/`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError


def edit_prefix(config) -> str:
    """`edit/main/` from `edit_uri: edit/main/docs/`: the edit URL of the repository root."""
    root = Path(config["config_file_path"]).parent.resolve()
    docs = Path(config["docs_dir"]).resolve().relative_to(root).as_posix() + "/"
    edit_uri = config["edit_uri"] or ""
    if not edit_uri.endswith("/" + docs):
        raise PluginError(
            f"mkdocs.yml: edit_uri is {edit_uri!r}; hooks/edit_links.py needs it to end with "
            f"'/{docs}' (for example 'edit/main/{docs}') to find the edit URL of the repository root."
        )
    return edit_uri[: -len(docs)]


def edit_url(config, source: Path) -> str:
    root = Path(config["config_file_path"]).parent.resolve()
    relative = source.resolve().relative_to(root).as_posix()
    return config["repo_url"].rstrip("/") + "/" + edit_prefix(config) + relative


def on_page_context(context, page, config, nav):
    if config["repo_url"] and page.file.abs_src_path:
        page.edit_url = edit_url(config, Path(page.file.abs_src_path))
    return context
