"""Show on every page when its source file last changed, from the git history.

Material prints `page.meta.revision_date` under the page content. The date is
the committer date of the last commit that touched the page's source file
(`docs/<page>.md`, or `examples/<name>.py` for an example page). Without a
usable answer (no git, not a repository, a file not committed yet, or a
shallow clone that cut off the commit that last changed the file) the page
simply shows no date rather than a wrong one. Answers are cached per commit,
so `mkdocs serve` asks git again only after a new commit.

Why not mkdocs-git-revision-date-localized-plugin (1.6.3, tried for issue 15): it dates
example pages and Korean pages well, but where git cannot tell it shows a wrong date or
stops the build: every page gets HEAD's date in a shallow clone, an uncommitted page the
build time, and outside a repository `mkdocs build` fails unless every page gets the build
time (`fallback_to_build_date`). It also made a warm build 0.5-2 s slower.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

from sitebuild import site
from sitebuild.words import Words

log = logging.getLogger("mkdocs.sitebuild.freshness")

_dates: dict[tuple[str, str], str | None] = {}  # (HEAD commit, file) -> date


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False)
    except OSError:  # git is not installed
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _shallow_boundary(root: Path) -> set[str]:
    """Commits whose parents a shallow clone left out: their diffs are not real changes."""
    shallow_file = _git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    if shallow_file and Path(shallow_file).is_file():
        return set(Path(shallow_file).read_text(encoding="utf-8").split())
    return set()


def last_changed(root: Path, source: Path, head: str | None = None, boundary: set[str] | None = None) -> str | None:
    """`YYYY-MM-DD` of the last commit that changed `source`, or None when git cannot tell.

    `head` and `boundary` (HEAD's commit and the shallow boundary) are looked up
    when not given; a build looks them up once, in on_config.
    """
    head = head or _git(root, "rev-parse", "HEAD")
    if head is None:
        return None
    key = (head, str(source.resolve()))
    if key not in _dates:
        answer = _git(root, "log", "-1", "--format=%H %cs", "--", str(source.resolve()))
        date = None
        if answer:
            commit, date = answer.split()
            if commit in (_shallow_boundary(root) if boundary is None else boundary):
                date = None  # this commit stands for all history before it, not for a change
        _dates[key] = date
    return _dates[key]


_build: dict = {}  # this build's root, HEAD and shallow boundary


def start(config) -> None:
    """Ask git once per build for HEAD and the shallow boundary."""
    root = site.repo_root(config)
    head = _git(root, "rev-parse", "HEAD")
    if head is None:
        log.info("No git history here: pages are built without a last-changed date.")
    _build.update(root=root, head=head, boundary=_shallow_boundary(root) if head else set())


def add_date(page, words: Words) -> None:
    """Material shows `page.meta.revision_date` after a clock icon; the words say what it means."""
    if page.file.abs_src_path and _build.get("head"):
        date = last_changed(_build["root"], Path(page.file.abs_src_path), _build["head"], _build["boundary"])
        if date:
            page.meta["revision_date"] = words.last_changed.format(time=f'<time datetime="{date}">{date}</time>')
