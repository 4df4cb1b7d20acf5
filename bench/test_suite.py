"""`make test` as a fresh clone runs it (empty caches, parallel workers), timed, with pytest's ten slowest tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench import timed

DURATION = re.compile(r"^(\d+(?:\.\d+)?)s\s+(call|setup|teardown)\s+(.+)$")
SUMMARY = re.compile(r"^=+ (.*\b(?:passed|failed|error|errors)\b.*) in [\d.]+s.*=+$")


def examples_executed(project: Path) -> int:
    """mkdocs-jupyter writes one cache entry per execution (sitebuild/example_execution.py's folder)."""
    return sum(1 for _ in (project / ".cache" / "examples").glob("*/*.json"))


def run_browser_suite(project: Path) -> dict:
    """tests/browser alone, on a warm cache: the browser suite's own wall time."""
    run = timed.run([sys.executable, "-m", "pytest", "tests/browser", "-q"], cwd=project, timeout=1800)
    return {
        "seconds": run.seconds,
        "returncode": run.returncode,
        "output_tail": None if run.ok else run.output(last=20),
    }


def run_tests(project: Path) -> dict:
    """`make test`'s pytest run (the caller clears the caches first, as on a fresh clone)."""
    run = timed.run([sys.executable, "-m", "pytest", "-n", "auto", "--durations=10"], cwd=project, timeout=3600)
    slowest = []
    summary = None
    for _, text in run.lines:
        if match := DURATION.match(text.strip()):
            slowest.append({"seconds": float(match.group(1)), "phase": match.group(2), "test": match.group(3)})
        if match := SUMMARY.match(text.strip()):
            summary = match.group(1)
    return {
        "seconds": run.seconds,
        "returncode": run.returncode,
        "summary": summary,
        "slowest": slowest,
        "output_tail": None if run.ok else run.output(last=40),
        "examples_executed": examples_executed(project),
    }
