"""Put each page's exercises where its `<!-- exercises -->` marker is, in the page's language.

Once per build (on_config) every file under docs/exercises/ is read and checked and every
solution is run (or taken from the cache), so a mistake stops the build before any page is
written. A page and its data file must come together: a marker without a file, a file without
its page, or a page whose file exists but which has no marker each stop the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import site
from sitebuild.exercises.data import (
    EXERCISES_DIR,
    MARKER,
    Exercise,
    ExerciseError,
    data_file_for,
    load_exercises,
    page_for,
)
from sitebuild.exercises.render import render_exercises
from sitebuild.exercises.solutions import Key, keys_for
from sitebuild.words import words_for

_exercises: dict[str, list[Exercise]] = {}  # data file (relative to docs/) -> its exercises
_keys: dict[tuple[str, str], Key] = {}
_read: dict = {}  # the data files' stats when last loaded: `make serve` reloads only after a change


def load(config) -> None:
    """Read every exercise file, run every solution and check it; stop the build on any problem."""
    global _exercises, _keys
    docs_dir = Path(config["docs_dir"])
    files = sorted((docs_dir / EXERCISES_DIR).rglob("*.yml"))
    # What the checks read: each data file, and whether its page exists.
    state = [
        (str(path), path.stat().st_mtime_ns, (docs_dir / page_for(path.relative_to(docs_dir).as_posix())).is_file())
        for path in files
    ]
    if _read.get("key") == state:
        return
    _exercises, _keys, _read["key"] = {}, {}, None
    root = site.repo_root(config)
    problems: list[str] = []
    found: dict[str, list[Exercise]] = {}
    for path in sorted((docs_dir / EXERCISES_DIR).rglob("*.yml")):
        relative = path.relative_to(docs_dir).as_posix()
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not (docs_dir / page_for(relative)).is_file():
            problems.append(
                f"{shown}:1: there is no page docs/{page_for(relative)} for these exercises; rename the file."
            )
            continue
        try:
            found[relative] = load_exercises(path, shown)
        except ExerciseError as error:
            problems.append(str(error))
    if not problems:
        try:
            _keys = keys_for(
                [e for exercises in found.values() for e in exercises], site.cache_dir(config) / "exercises", root
            )
        except ExerciseError as error:
            problems.append(str(error))
    if problems:
        raise PluginError("The exercises are wrong; fix them and build again:\n" + "\n".join(problems))
    _exercises = found
    _read["key"] = state


def expand(markdown: str, page, config) -> str:
    src = page.file.src_uri
    data_file = data_file_for(src)
    exercises = _exercises.get(data_file)
    if MARKER not in markdown:
        if exercises:
            raise PluginError(
                f"docs/{src}: docs/{data_file} has exercises for this page; put {MARKER} on its own line "
                "at the end of the page, where they go."
            )
        return markdown
    line = markdown.count("\n", 0, markdown.index(MARKER)) + 1
    if exercises is None:
        raise PluginError(
            f"docs/{src}:{line}: {MARKER} needs a data file docs/{data_file}; write it or remove the marker."
        )
    if markdown.count(MARKER) > 1:
        raise PluginError(f"docs/{src}:{line}: {MARKER} appears more than once; keep one, at the end of the page.")
    language = site.language(config)
    page_id = data_file.removeprefix(f"{EXERCISES_DIR}/").removesuffix(".yml")
    return markdown.replace(MARKER, render_exercises(exercises, _keys, page_id, language, words_for(language)))
