"""Small throwaway MkDocs projects (the real mkdocs.yml and build code, pages of a test's own) for bad-input tests."""

from __future__ import annotations

import atexit
import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml

from sitebuild.site import read_mkdocs_yml
from tests.support.site_build import ROOT, mkdocs_build

GOOD_PAGE = "# Home\n\nA page with nothing wrong.\n"
GOOD_EXAMPLE = '# %% [markdown]\n# # Fine\n\n# %%\nprint("fine")\n'

# What scratch builds in this test process executed, as mkdocs-jupyter cached it. Most projects
# carry the same GOOD_EXAMPLE, and each execution starts a kernel (seconds); every new project
# starts with these entries, keyed like the real cache by the script's text and the environment.
_EXECUTED = Path(tempfile.mkdtemp(prefix="scratch-executed-"))
atexit.register(shutil.rmtree, _EXECUTED, True)


class _ConfigDumper(yaml.SafeDumper):
    """Writes mkdocs.yml back as it was read, with the toc slugify's Python tag."""


_ConfigDumper.add_representer(
    functools.partial,  # pymdownx.slugs.slugify(case="lower") returns one
    lambda dumper, value: dumper.represent_mapping(
        "tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify",
        {"kwds": value.keywords},
    ),
)


def make_project(
    tmp_path: Path, pages: dict[str, str], examples: dict[str, str], languages: tuple[str, ...] | None = ("en",)
) -> Path:
    """A project in `tmp_path` with these docs/ pages and examples/ scripts, built in `languages` (None: all)."""
    config = read_mkdocs_yml(ROOT)
    config.pop("nav", None)  # let MkDocs list whatever pages this project has
    if languages is not None:  # most cases test one thing in English only
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "i18n" in plugin:
                for language in plugin["i18n"]["languages"]:
                    language["build"] = language["locale"] in languages
    (tmp_path / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True), encoding="utf-8")
    shutil.copytree(ROOT / "sitebuild", tmp_path / "sitebuild", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme.custom_dir
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # KaTeX, installed by `make setup`
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "examples").mkdir()
    for name, text in examples.items():
        (tmp_path / "examples" / name).write_text(text, encoding="utf-8")
    shutil.copytree(_EXECUTED, _examples_cache(tmp_path), dirs_exist_ok=True)
    return tmp_path


def _examples_cache(project: Path) -> Path:
    return project / ".cache" / "examples"  # sitebuild.site.cache_dir of a scratch project


def scratch_build(project: Path) -> subprocess.CompletedProcess:
    """A strict build of `project` into `project/site`, like `mkdocs_build`; what it executed is
    kept for the projects made after it."""
    result = mkdocs_build(project, project / "site")
    if _examples_cache(project).is_dir():
        shutil.copytree(_examples_cache(project), _EXECUTED, dirs_exist_ok=True)
    return result


def failed_build_output(project: Path) -> str:
    """What the strict build of `project` printed; fails the test if the build succeeded."""
    result = scratch_build(project)
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr
