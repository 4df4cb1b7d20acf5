"""Each translation records the English version it translates; stale ones are listed with the English diff
(sitebuild/translation_versions.py)."""

from __future__ import annotations

import subprocess

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import translation_versions as versions
from sitebuild.example_prose import translated_cells
from tests.support.site_build import ROOT

SCRIPT = '# %% [markdown]\n# # Fine\n#\n# Some prose.\n\n# %%\nprint("fine")\n'


def test_every_translation_records_the_english_version_it_translates():
    missing = [
        f"{t.path.relative_to(ROOT)} records no version of {t.source.relative_to(ROOT)}: check it against the "
        f"English, then run `make translated PAGE={t.path.relative_to(ROOT)}`."
        for t in map(versions.status, versions.translations(ROOT))
        if t is not None and t.recorded is None
    ]
    assert not missing, "\n".join(missing)


def _project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "examples").mkdir()
    (tmp_path / "docs" / "loss.md").write_text("# Loss\n\nThe loss.\n", encoding="utf-8")
    (tmp_path / "docs" / "loss.ko.md").write_text("# 손실\n\n손실입니다.\n", encoding="utf-8")
    (tmp_path / "examples" / "fine.py").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "examples" / "fine.ko.md").write_text("<!-- markdown cell 1 -->\n# 좋음\n\n설명.\n", encoding="utf-8")
    return tmp_path


def test_marking_writes_front_matter_or_a_first_line_and_clears_staleness(tmp_path):
    root = _project(tmp_path)
    assert {t.path.name for t in versions.stale_translations(root)} == {"loss.ko.md", "fine.ko.md"}  # unrecorded
    assert versions.main(["--root", str(root), "mark", "docs/loss.ko.md", "examples/fine.ko.md"]) == 0
    page = (root / "docs" / "loss.ko.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntranslation_of: ") and page.endswith("---\n\n# 손실\n\n손실입니다.\n")
    overlay = root / "examples" / "fine.ko.md"
    assert overlay.read_text(encoding="utf-8").startswith("<!-- translation_of: ")
    assert translated_cells(overlay, 1) == ["# 좋음\n\n설명."]  # the build still reads its cells
    assert versions.stale_translations(root) == []
    # Marking again, after an English change, replaces the line and leaves the rest as it was.
    (root / "docs" / "loss.md").write_text("# Loss\n\nThe loss, changed.\n", encoding="utf-8")
    new = versions.record(root / "docs" / "loss.ko.md")
    assert (root / "docs" / "loss.ko.md").read_text(encoding="utf-8") == (
        f"---\ntranslation_of: {new}\n---\n\n# 손실\n\n손실입니다.\n"
    )
    assert versions.recorded(root / "docs" / "loss.ko.md") == new and versions.stale_translations(root) == []
    new = versions.record(root / "examples" / "fine.ko.md")
    assert (root / "examples" / "fine.ko.md").read_text(encoding="utf-8") == (
        f"<!-- translation_of: {new} -->\n<!-- markdown cell 1 -->\n# 좋음\n\n설명.\n"
    )


def test_a_code_change_leaves_the_example_prose_current_and_a_prose_change_makes_it_stale(tmp_path):
    root = _project(tmp_path)
    versions.main(["--root", str(root), "mark", "--all"])
    script = root / "examples" / "fine.py"
    script.write_text(SCRIPT.replace('print("fine")', 'print("still fine")'), encoding="utf-8")
    assert versions.stale_translations(root) == []
    script.write_text(SCRIPT.replace("Some prose.", "Other prose."), encoding="utf-8")
    assert [t.path.name for t in versions.stale_translations(root)] == ["fine.ko.md"]


def test_text_before_the_first_marker_other_than_the_version_line_is_still_rejected(tmp_path):
    overlay = tmp_path / "fine.ko.md"
    overlay.write_text("<!-- markdown cell 1 -->\n# 좋음\n", encoding="utf-8")
    overlay.write_text("메모\n" + overlay.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(PluginError, match="fine.ko.md:1: text before"):
        translated_cells(overlay, 1)


def _git(root, *arguments):
    subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True)


def test_the_listing_names_a_stale_page_and_shows_the_english_diff_since_its_version(tmp_path, capsys):
    root = _project(tmp_path)
    _git(root, "init", "-q")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "start")
    versions.main(["--root", str(root), "mark", "--all"])
    _git(root, "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "translated")
    translated = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True)
    english = root / "docs" / "loss.md"
    english.write_text("# Loss\n\nThe loss, now explained better.\n", encoding="utf-8")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "English edit")
    capsys.readouterr()  # what marking printed

    recorded = versions.recorded(root / "docs" / "loss.ko.md")
    assert versions.commit_of(root, english, recorded) == translated.stdout.strip()
    versions.main(["--root", str(root), "stale"])
    listing = capsys.readouterr().out
    assert listing.startswith(f"docs/loss.ko.md translates docs/loss.md as of {recorded}; docs/loss.md changed on ")
    assert "-The loss.\n+The loss, now explained better." in listing, listing
    assert "fine.ko.md" not in listing
