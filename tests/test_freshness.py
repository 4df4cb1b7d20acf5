"""Last-changed dates come from git, and are left out when git cannot tell."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from sitebuild.freshness import last_changed
from tests.support.built_html import parsed
from tests.support.site_build import ROOT

DATED = {"GIT_COMMITTER_DATE": "2020-03-04T12:00:00", "GIT_AUTHOR_DATE": "2020-03-04T12:00:00"}


def git(repo: Path, *arguments: str, **env: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    identity["GIT_COMMITTER_EMAIL"] = "t@example.org"
    subprocess.run(
        ["git", "-C", str(repo), *arguments], check=True, capture_output=True, env={**os.environ, **identity, **env}
    )


@pytest.fixture
def repository(tmp_path):
    """A repository where page.md changed in 2020 and other.md in 2021."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "page.md").write_text("# Page\n", encoding="utf-8")
    git(repo, "add", "page.md")
    git(repo, "commit", "-q", "-m", "page", **DATED)
    (repo / "other.md").write_text("# Other\n", encoding="utf-8")
    git(repo, "add", "other.md")
    git(repo, "commit", "-q", "-m", "other", GIT_COMMITTER_DATE="2021-05-06T12:00:00")
    return repo


def test_date_is_the_last_commit_that_touched_the_file(repository):
    assert last_changed(repository, repository / "page.md") == "2020-03-04"
    assert last_changed(repository, repository / "other.md") == "2021-05-06"


def test_uncommitted_file_has_no_date(repository):
    (repository / "new.md").write_text("# New\n", encoding="utf-8")
    assert last_changed(repository, repository / "new.md") is None


def test_folder_outside_git_has_no_date(tmp_path):
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    assert last_changed(tmp_path, tmp_path / "page.md") is None


def test_shallow_clone_does_not_invent_a_date(repository, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True)
    # Only the last commit is there; page.md really changed before it, so git cannot tell when.
    assert last_changed(clone, clone / "page.md") is None


def test_built_pages_show_the_date_git_gives(built_site):
    for source, page in [("docs/components/loss.md", "components/loss"), ("examples/outliers.py", "examples/outliers")]:
        expected = last_changed(ROOT, ROOT / source)
        shown = parsed(built_site / page / "index.html").select_one(".md-source-file__fact")
        if expected is None:  # no history in this checkout: then no date may be shown either
            assert shown is None, f"{page} shows a date git cannot back: {shown.get_text(strip=True)}"
        else:
            assert shown is not None, f"{page} shows no last-changed date"
            assert shown.get_text(" ", strip=True) == f"Last changed on {expected}", shown
            assert shown.select_one("time")["datetime"] == expected


def test_korean_pages_say_it_in_korean(built_site):
    expected = last_changed(ROOT, ROOT / "docs" / "components" / "loss.ko.md")
    shown = parsed(built_site / "ko" / "components" / "loss" / "index.html").select_one(".md-source-file__fact")
    if expected is None:  # no history in this checkout: then no date may be shown either
        assert shown is None, f"ko/components/loss shows a date git cannot back: {shown.get_text(strip=True)}"
    else:
        assert shown.get_text(" ", strip=True) == f"마지막 수정: {expected}", shown
