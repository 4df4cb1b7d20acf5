"""Run every exercise's solution while the site is built, and make the key each page checks against.

The key is what the solution computes (a number exercise's `answer`), prints (an output
exercise) or, for a multiple choice, the option marked correct; so the key on the page cannot
drift from the solution shown under it. The build also checks the result against the `answer`
the author wrote, and stops naming the file, the line and what to fix when they disagree or a
solution raises. Solutions run together in one separate process (runner.py), each in a fresh
namespace; results are kept in `.cache/exercises/`, keyed by the code and the versions of
Python, NumPy and PyTorch, so a warm build runs none of them.
"""

from __future__ import annotations

import functools
import json
import math
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sitebuild import page_cache
from sitebuild.exercises.data import Exercise, ExerciseError

RUNNER = Path(__file__).with_name("runner.py")
TIME_LIMIT_S = 600  # every uncached solution of the site together; each should take well under a second


@dataclass(frozen=True)
class Key:
    """What a reader's answer is checked against, and what the solution printed (shown with it)."""

    value: float | int | str
    printed: str


@functools.cache  # asked for every solution; installed packages do not change during a run
def _library_versions() -> str:
    found = []
    for package in ("numpy", "torch"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} missing")
    return f"Python {sys.version}; " + ", ".join(found)


def cache_key(code: str) -> str:
    return page_cache.key_of(
        code, page_cache.source_version(sys.modules[__name__]), RUNNER.read_text(), _library_versions()
    )


def padded(exercise: Exercise) -> str:
    """The solution with blank lines before it, so its line numbers are the exercise file's."""
    return "\n" * (exercise.solution_line - 1) + exercise.solution


def run_solutions(exercises: list[Exercise], cache_dir: Path, cwd: Path) -> dict[tuple[str, str], dict]:
    """(file, id) -> the runner's result, for every exercise with a solution."""
    results: dict[tuple[str, str], dict] = {}
    to_run: list[tuple[Exercise, Path]] = []
    for exercise in exercises:
        if exercise.solution is None:
            continue
        cached = cache_dir / f"{cache_key(exercise.solution)}.json"
        try:
            results[exercise.path, exercise.id] = json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # not run yet, or a damaged entry: run it
            to_run.append((exercise, cached))
    if not to_run:
        return results
    payload = json.dumps([{"code": padded(exercise), "filename": exercise.path} for exercise, _ in to_run])
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "results.json"
        try:
            finished = subprocess.run(
                [sys.executable, str(RUNNER), str(output)],
                input=payload,
                capture_output=True,
                text=True,
                cwd=cwd,
                timeout=TIME_LIMIT_S,
            )
        except subprocess.TimeoutExpired:
            files = sorted({exercise.path for exercise, _ in to_run})
            raise ExerciseError(
                f"the exercise solutions of {', '.join(files)} ran longer than {TIME_LIMIT_S} s together; "
                "a solution should finish in a second: shorten the slow one."
            ) from None
        if finished.returncode != 0 or not output.is_file():
            names = ", ".join(f"{exercise.where} ('{exercise.id}')" for exercise, _ in to_run)
            raise ExerciseError(
                f"the process running the exercise solutions died (exit code {finished.returncode}) while running "
                f"{names}; one of them ends the interpreter (os._exit, a crash):\n{finished.stderr[-2000:]}"
            )
        outcomes = json.loads(output.read_text(encoding="utf-8"))
    cache_dir.mkdir(parents=True, exist_ok=True)
    for (exercise, cached), outcome in zip(to_run, outcomes, strict=True):
        results[exercise.path, exercise.id] = outcome
        if outcome["ok"]:  # a failure is never kept: the next build shows it again
            temporary = cached.with_suffix(".tmp")
            temporary.write_text(json.dumps(outcome), encoding="utf-8")
            temporary.replace(cached)
    return results


def _shown(value) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def same_output(printed: str, expected: str) -> bool:
    """Printed text compared word by word: line breaks and runs of spaces do not matter."""
    return printed.split() == expected.split()


def key_for(exercise: Exercise, result: dict | None) -> Key | str:
    """The key for the page, or a message saying what is wrong and where."""
    entry = f"{exercise.where}: exercise '{exercise.id}'"
    if result is not None and not result["ok"]:
        line = result["line"] or exercise.solution_line
        return (
            f"{exercise.path}:{line}: exercise '{exercise.id}': the solution raised {result['error']}. "
            "Fix the solution (run it alone to see the whole traceback)."
        )
    printed = result["printed"] if result else ""
    if exercise.kind == "number":
        computed = result["answer"]
        if not result["has_answer"]:
            return f"{entry}: the solution never sets `answer`; end it with `answer = <the number>`."
        if isinstance(computed, bool) or not isinstance(computed, (int, float)) or not math.isfinite(computed):
            return f"{entry}: the solution sets `answer` to {_shown(computed)}, not a finite number."
        if abs(computed - exercise.answer) > exercise.tolerance:
            return (
                f"{entry}: the solution computes {computed!r}, but 'answer' says {exercise.answer!r} "
                f"(tolerance {exercise.tolerance}); fix the solution or the answer, whichever is wrong."
            )
        return Key(computed, printed)
    if exercise.kind == "output":
        if not printed.strip():
            return f"{entry}: the solution prints nothing; an output exercise asks what its code prints."
        if not same_output(printed, exercise.answer):
            return (
                f"{entry}: the code prints {printed.strip()!r}, but 'answer' says {exercise.answer!r}; "
                "write what it prints (or fix the code)."
            )
        return Key(printed.strip(), printed)
    if result is not None and result["has_answer"] and result["answer"] != exercise.correct_choice:
        return (
            f"{entry}: the solution sets `answer` to {_shown(result['answer'])}, but the option marked "
            f"'correct: true' is number {exercise.correct_choice}; fix the solution or the options."
        )
    return Key(exercise.correct_choice, printed)


def keys_for(exercises: list[Exercise], cache_dir: Path, cwd: Path) -> dict[tuple[str, str], Key]:
    """(file, id) -> the key of every exercise; ExerciseError naming every problem otherwise."""
    results = run_solutions(exercises, cache_dir, cwd)
    keys, problems = {}, []
    for exercise in exercises:
        key = key_for(exercise, results.get((exercise.path, exercise.id)))
        if isinstance(key, str):
            problems.append(key)
        else:
            keys[exercise.path, exercise.id] = key
    if problems:
        raise ExerciseError("\n".join(problems))
    return keys
