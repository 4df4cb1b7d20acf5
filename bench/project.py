"""A throw-away copy of the project, so the benchmark can clear caches and edit pages freely.

The copy holds the working tree without the virtualenv, built sites and caches, on top of
a clone of the repository (build hooks read the git history, e.g. for page dates); it runs
with the same interpreter (the project's .venv) and links to the same node_modules (build
hooks may read installed packages there), so it measures exactly what `make build` and
`make test` would do on a fresh clone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

# Not part of a fresh clone: built output, caches, installed tools.
NOT_COPIED = (".git", ".venv", "site", ".cache", "node_modules", ".pytest_cache", "__pycache__")
JUPYTER_CACHE = Path(".cache") / "mkdocs-jupyter"
NO_EXECUTION_CONFIG = "mkdocs.bench-no-execution.yml"


def copy_project(root: Path, keep_caches: bool = False) -> Path:
    """Copy the project's working tree into a new temporary directory and return it.

    `keep_caches`: copy `.cache/` too, so a build there is as warm as one in the working tree."""
    target = Path(tempfile.mkdtemp(prefix="bench-project-")) / "project"
    _clone_history(root, target)
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True, dirs_exist_ok=True)
    if keep_caches and (root / ".cache").is_dir():
        shutil.copytree(root / ".cache", target / ".cache", symlinks=True)
    if (root / "node_modules").is_dir():
        (target / "node_modules").symlink_to(root / "node_modules", target_is_directory=True)
    return target


def _clone_history(root: Path, target: Path) -> None:
    """Give `target` the repository's history at HEAD, sharing its objects; no files checked out.

    The working tree copied over it then shows as the developer's changes, as in `root`.
    Without git, or outside a repository, the copy simply has no history.
    """
    if shutil.which("git") is None:
        return
    cloned = subprocess.run(
        ["git", "clone", "--quiet", "--shared", "--no-checkout", str(root), str(target)], capture_output=True
    )
    if cloned.returncode == 0:
        subprocess.run(["git", "-C", str(target), "reset", "--quiet"], capture_output=True)


def clear_caches(project: Path) -> None:
    """Remove every build cache, so the next build starts as on a fresh clone."""
    shutil.rmtree(project / ".cache", ignore_errors=True)


def example_scripts(project: Path) -> list[Path]:
    return sorted((project / "examples").glob("*.py"))


def markdown_pages(project: Path) -> list[Path]:
    return sorted((project / "docs").rglob("*.md"))


def write_no_execution_config(project: Path) -> Path:
    """Write a config that inherits mkdocs.yml but renders examples without executing them.

    MkDocs' INHERIT replaces lists rather than merging them, so the child repeats the
    parent's plugin list with only the mkdocs-jupyter options changed. The cache is off
    too: this build must neither read executed output nor evict the executed build's cache.
    """
    with open(project / "mkdocs.yml", "rb") as parent_file:
        parent = yaml_load(parent_file)
    plugins = []
    found = False
    for entry in parent.get("plugins", []):
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if name == "mkdocs-jupyter":
            options = {**(options or {}), "execute": False, "cache": False}
            found = True
        plugins.append({name: options} if options else name)
    if not found:
        raise SystemExit(
            f"{project / 'mkdocs.yml'}: no `mkdocs-jupyter` entry under `plugins:`; "
            "the benchmark needs it to build without executing the examples."
        )
    path = project / NO_EXECUTION_CONFIG
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", "plugins": plugins}, sort_keys=False))
    return path
