"""Build the site the way `make build` does, for tests that read the HTML."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from sitebuild.words import DEFAULT_LANGUAGE

ROOT = Path(__file__).resolve().parents[2]


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


# Code included by pages (pymdownx.snippets); `exclude_docs` in mkdocs.yml keeps them off the site.
SNIPPETS_DIR = "snippets"


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


# MkDocs' link warnings name the page but not the line: "Doc file 'x.md' contains a link 'y.md', but ...".
LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)'")
# Lines of a failed build worth showing: MkDocs' own errors and warnings, and what hooks raise;
# the lines after one of them, up to the next log line, belong to it (a traceback, a formula).
PROBLEM_LINE = re.compile(r"^(ERROR|WARNING|Aborted|Error:|\S+Error\b)")
LOG_LINE = re.compile(r"^(INFO|DEBUG)\b")


def build_problems(output: str, docs_dir: Path = ROOT / "docs") -> str:
    """The error lines of a failed build's output, each link warning led by the page's file and line."""
    lines, keep = [], False
    for line in output.splitlines():
        keep = bool(PROBLEM_LINE.match(line)) or (keep and not LOG_LINE.match(line))
        if not keep:
            continue
        if match := LINK_WARNING.search(line):
            source = docs_dir / match["page"]
            text = source.read_text(encoding="utf-8").splitlines() if source.is_file() else []
            where = next((number for number, body in enumerate(text, 1) if f"({match['link']}" in body), None)
            if where:
                line = f"{source.relative_to(docs_dir.parent)}:{where}: {line}"
        lines.append(line)
    if not lines:  # an error MkDocs did not format (a crash) is at the end of its output
        return "\n".join(output.splitlines()[-40:])
    return "\n".join(sorted(lines, key=lambda line: line.startswith("Aborted")))  # the summary last


@dataclass(frozen=True)
class SiteBuild:
    site_dir: Path
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build_once(shared_dir: Path) -> SiteBuild:
    """The strict build of the real site in `shared_dir`, done by whichever test process asks first.

    Parallel workers (pytest-xdist) share `shared_dir`; a file lock makes the others wait for
    the first one's build and read its result instead of building again.
    """
    site_dir, result_file = shared_dir / "site", shared_dir / "site-build.json"
    with FileLock(shared_dir / "site-build.lock"):
        if not result_file.exists():
            result = mkdocs_build(ROOT, site_dir)
            saved = {"returncode": result.returncode, "output": result.stdout + result.stderr}
            result_file.write_text(json.dumps(saved), encoding="utf-8")
        saved = json.loads(result_file.read_text(encoding="utf-8"))
    return SiteBuild(site_dir, saved["returncode"], saved["output"])


def build_editions_once(shared_dir: Path) -> SiteBuild:
    """`python -m sitebuild.editions` (each language's zip and PDF) into `shared_dir/downloads`, once
    per run: as with build_once, parallel workers wait for the first one's result."""
    folder, result_file = shared_dir / "downloads", shared_dir / "editions-build.json"
    with FileLock(shared_dir / "editions-build.lock"):
        if not result_file.exists():
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            command = [sys.executable, "-m", "sitebuild.editions", str(folder)]
            result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            saved = {"returncode": result.returncode, "output": result.stdout + result.stderr}
            result_file.write_text(json.dumps(saved), encoding="utf-8")
        saved = json.loads(result_file.read_text(encoding="utf-8"))
    return SiteBuild(folder, saved["returncode"], saved["output"])
