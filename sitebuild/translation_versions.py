"""Which version of its English source each translation translates, and which translations are stale.

A Korean page records a short hash of the English page's text in its front matter,
`translation_of: 1a2b3c4d`; an example's Korean prose (`examples/x.ko.md`) records the hash of
the script's markdown cells (its English prose; code changes need no retranslation) in a first
line `<!-- translation_of: 1a2b3c4d -->`. When the English text changes, the hashes differ and
the translation is stale: the Korean page says so to its readers (stale_notice.py), the test
summary names it, and

    python -m sitebuild.translation_versions stale            # make stale-translations
    python -m sitebuild.translation_versions mark FILE...     # make translated PAGE=FILE
    python -m sitebuild.translation_versions mark --all       # make translated-all

lists the stale ones with the English `git diff` since the recorded version (the newest commit of
the English file whose text has that hash), or records a translation as up to date.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jupytext

from sitebuild.words import TRANSLATED_LANGUAGES

FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?\n)---\n", re.S)
PAGE_RECORD = re.compile(r"^translation_of:[ \t]*(?P<hash>\S*)[ \t]*$", re.M)
OVERLAY_RECORD = re.compile(r"\A<!--\s*translation_of:\s*(?P<hash>\S*)\s*-->\n")
HASH_LENGTH = 8
SEARCHED_COMMITS = 500  # how far back the English file's history is searched for the recorded version


def english_source(translation: Path) -> Path:
    """docs/x.ko.md -> docs/x.md; examples/x.ko.md -> examples/x.py."""
    stem = translation.name.split(".")[0]
    suffix = ".py" if translation.parent.name == "examples" else ".md"
    return translation.with_name(stem + suffix)


def english_text(source: Path, text: str) -> str:
    """What a translation translates: a page's whole text; a script's markdown cells only."""
    text = text.replace("\r\n", "\n")
    if source.suffix == ".py":
        cells = jupytext.reads(text, fmt="py:percent").cells
        return "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    return text


def fingerprint(source: Path, text: str) -> str:
    return hashlib.sha256(english_text(source, text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded(translation: Path) -> str | None:
    """The hash the translation records, or None."""
    text = translation.read_text(encoding="utf-8")
    if translation.parent.name == "examples":
        match = OVERLAY_RECORD.match(text)
    else:
        front = FRONT_MATTER.match(text)
        match = PAGE_RECORD.search(front["body"]) if front else None
    return match["hash"] if match else None


def record(translation: Path) -> str:
    """Write the current English text's hash into the translation; return it."""
    value = fingerprint(english_source(translation), english_source(translation).read_text(encoding="utf-8"))
    text = translation.read_text(encoding="utf-8")
    if translation.parent.name == "examples":
        line = f"<!-- translation_of: {value} -->\n"
        text = OVERLAY_RECORD.sub(line, text) if OVERLAY_RECORD.match(text) else line + text
    else:
        front = FRONT_MATTER.match(text)
        if front is None:
            text = f"---\ntranslation_of: {value}\n---\n\n" + text
        elif PAGE_RECORD.search(front["body"]):
            body = PAGE_RECORD.sub(f"translation_of: {value}", front["body"])
            text = f"---\n{body}---\n" + text[front.end() :]
        else:
            text = f"---\n{front['body']}translation_of: {value}\n---\n" + text[front.end() :]
    translation.write_text(text, encoding="utf-8")
    return value


@dataclass(frozen=True)
class Translation:
    path: Path
    source: Path
    recorded: str | None
    current: str

    @property
    def stale(self) -> bool:
        return self.recorded != self.current


def status(translation: Path) -> Translation | None:
    """None when the file has no English source (nothing to translate from)."""
    source = english_source(translation)
    if not source.is_file():
        return None
    return Translation(translation, source, recorded(translation), fingerprint(source, source.read_text("utf-8")))


def translations(root: Path) -> list[Path]:
    """Every translated page (not the snippet files) and every example overlay."""
    found = []
    for language in TRANSLATED_LANGUAGES:
        found += [p for p in (root / "docs").rglob(f"*.{language}.md") if "snippets" not in p.parts]
        found += list((root / "examples").glob(f"*.{language}.md"))
    return sorted(found)


def stale_translations(root: Path) -> list[Translation]:
    return [t for t in map(status, translations(root)) if t is not None and t.stale]


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False)
    except OSError:  # git is not installed
        return None
    return result.stdout if result.returncode == 0 else None


def commit_of(root: Path, source: Path, value: str) -> str | None:
    """The newest commit whose version of `source` has the hash `value`, or None."""
    relative = source.resolve().relative_to(root.resolve()).as_posix()
    commits = _git(root, "log", f"-{SEARCHED_COMMITS}", "--format=%H", "--", relative) or ""
    for commit in commits.split():
        text = _git(root, "show", f"{commit}:{relative}")
        if text is not None and fingerprint(source, text) == value:
            return commit
    return None


def english_changed_on(root: Path, source: Path) -> str:
    """`YYYY-MM-DD` of the English file's last commit; today's file date if it has changes not committed."""
    relative = source.resolve().relative_to(root.resolve()).as_posix()
    if _git(root, "status", "--porcelain", "--", relative) == "":
        last = (_git(root, "log", "-1", "--format=%cs", "--", relative) or "").strip()
        if last:
            return last
    return date.fromtimestamp(source.stat().st_mtime).isoformat()


def describe(root: Path, translation: Translation) -> str:
    """One stale translation for the listing: what it translates and the English diff since then."""
    name = translation.path.relative_to(root).as_posix()
    source = translation.source.relative_to(root).as_posix()
    if translation.recorded is None:
        return f"{name}: records no version of {source}; check it against {source}, then `make translated PAGE={name}`."
    head = f"{name} translates {source} as of {translation.recorded}; {source} changed on " + english_changed_on(
        root, translation.source
    )
    commit = commit_of(root, translation.source, translation.recorded)
    if commit is None:
        return f"{head}. No commit of {source} has that version, so here is no diff; compare the two files."
    diff = _git(root, "diff", commit, "--", source) or ""
    return f"{head}. English changes since {commit[:10]}:\n{diff.rstrip()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sitebuild.translation_versions", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    mark = commands.add_parser("mark", help="record that translations are up to date with their English source")
    mark.add_argument("files", nargs="*", type=Path)
    mark.add_argument("--all", action="store_true", help="every translated page and example overlay")
    commands.add_parser("stale", help="list the stale translations with the English diff since their version")
    parser.add_argument("--root", type=Path, default=Path.cwd())
    arguments = parser.parse_args(argv)
    root = arguments.root
    if arguments.command == "mark":
        files = translations(root) if arguments.all else [root / f for f in arguments.files]
        if not files:
            parser.error("name the translations to mark: make translated PAGE=docs/x.ko.md (or make translated-all)")
        for file in files:
            if not file.is_file() or status(file) is None:
                parser.error(f"{file}: not a translation with an English source (docs/x.ko.md or examples/x.ko.md)")
            print(f"{file.relative_to(root) if file.is_relative_to(root) else file}: translation_of {record(file)}")
        return 0
    stale = stale_translations(root)
    print("\n\n".join(describe(root, t) for t in stale) if stale else "Every translation is up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
