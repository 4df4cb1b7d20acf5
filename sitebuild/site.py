"""What every build step may ask about the site: the repository root, a page's kind, its languages."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from sitebuild.words import DEFAULT_LANGUAGE

EXAMPLES_DIR = "examples"  # top-level: scripts a reader runs; each becomes an executed page


class PageKind(Enum):
    MARKDOWN = "markdown"  # docs/**/*.md
    EXAMPLE = "example"  # examples/*.py, executed by mkdocs-jupyter


def repo_root(config) -> Path:
    """The folder of mkdocs.yml (a scratch project in the tests has its own)."""
    return Path(config["config_file_path"]).parent


def page_kind(page_or_file) -> PageKind:
    uri = getattr(page_or_file, "file", page_or_file).src_uri
    if uri.startswith(EXAMPLES_DIR + "/") and uri.endswith(".py"):
        return PageKind.EXAMPLE
    return PageKind.MARKDOWN


def language(config) -> str:
    """The language this build writes: mkdocs-static-i18n builds the site once per language and
    sets `theme.language` for each build (in its on_config, before ours)."""
    theme = config.get("theme")
    return theme["language"] if theme is not None and "language" in theme else DEFAULT_LANGUAGE


def default_language(config) -> str:
    """The language of the files without a suffix (`docs/x.md`, an example script's own prose)."""
    plugin = config.plugins.get("i18n")
    if plugin is None or plugin.config.build_only_locale:  # a one-language build rewrites the plugin's default
        return DEFAULT_LANGUAGE
    return plugin.default_language


def root_language(config) -> str:
    """The language served at the site's root; the others live in `<locale>/` folders. It is the
    default language, except in a one-language build (`build_only_locale`, the offline copies)."""
    plugin = config.plugins.get("i18n")
    return plugin.default_language if plugin else DEFAULT_LANGUAGE


def cache_dir(config) -> Path:
    """`.cache/` in the repository: kept across builds, shared by the build, `make serve` and the
    tests, cleared by `make clean`. Every entry's key says what it was made from."""
    return repo_root(config) / ".cache"


def read_mkdocs_yml(project: Path) -> dict:
    """`project`'s mkdocs.yml as MkDocs reads it (its own loader resolves !ENV and the Python tags)."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml_load(file)


def site_languages(project: Path) -> list[str]:
    """The locales mkdocs-static-i18n builds for `project` (mkdocs.yml's i18n languages), default first."""
    for plugin in read_mkdocs_yml(project)["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            built = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            return [lang["locale"] for lang in sorted(built, key=lambda lang: not lang.get("default"))]
    return [DEFAULT_LANGUAGE]
