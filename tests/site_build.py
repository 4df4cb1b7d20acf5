"""Build the site the way `make build` does, for tests that read the HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def markdown_pages(site_dir: Path, docs_dir: Path = ROOT / "docs"):
    """Yield (markdown source, built HTML) for every Markdown page of the site."""
    for source in sorted(docs_dir.rglob("*.md")):
        relative = source.relative_to(docs_dir).with_suffix("")
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
