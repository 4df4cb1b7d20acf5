"""Build the site the way `make build` does, for tests that read the HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Run a strict build of `project` into `site_dir`; never raises, returns the result."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def build_editions(folder: Path) -> subprocess.CompletedProcess:
    """Run `python -m sitebuild.editions folder` (the offline copies and PDFs); never raises."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sitebuild.editions", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True
    )


def read_mkdocs_yml(project: Path = ROOT) -> dict:
    """mkdocs.yml as MkDocs reads it (its loader resolves tags such as !ENV)."""
    with (project / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml_load(file)


def site_languages(project: Path = ROOT) -> list[str]:
    """The locales mkdocs-static-i18n builds, default first."""
    for plugin in read_mkdocs_yml(project)["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            return [lang["locale"] for lang in sorted(languages, key=lambda lang: not lang.get("default"))]
    return [DEFAULT_LANGUAGE]


# Code included by pages (pymdownx.snippets); `exclude_docs` in mkdocs.yml keeps them off the site.
SNIPPETS_DIR = "snippets"
DEFAULT_LANGUAGE = "en"


def page_language(source: Path) -> str:
    """`loss.ko.md` is Korean; `loss.md` is in the default language (mkdocs-static-i18n's suffix rule)."""
    suffixes = source.suffixes
    return suffixes[-2].lstrip(".") if len(suffixes) > 1 else DEFAULT_LANGUAGE


def page_sources(docs_dir: Path = ROOT / "docs") -> list[Path]:
    """Every Markdown page of the site, in every language (not the snippet files)."""
    return sorted(source for source in docs_dir.rglob("*.md") if source.relative_to(docs_dir).parts[0] != SNIPPETS_DIR)


def markdown_pages(site_dir: Path, docs_dir: Path = ROOT / "docs"):
    """Yield (markdown source, built HTML) for every Markdown page of the site."""
    for source in page_sources(docs_dir):
        language = page_language(source)
        relative = source.relative_to(docs_dir)
        relative = relative.with_name(relative.name.split(".")[0])
        if language != DEFAULT_LANGUAGE:
            relative = Path(language) / relative
        if relative.name == "index":
            html = site_dir / relative.parent / "index.html"
        else:
            html = site_dir / relative / "index.html"
        yield source, html


def built_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of the built site: Markdown pages, example pages, 404."""
    return sorted(site_dir.rglob("*.html"))


def example_pages(site_dir: Path) -> list[Path]:
    """The built page of every script in examples/."""
    return [site_dir / "examples" / script.stem / "index.html" for script in sorted((ROOT / "examples").glob("*.py"))]
