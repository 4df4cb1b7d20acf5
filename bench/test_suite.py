"""`make test` as a fresh clone runs it (empty caches, parallel workers), timed, with pytest's ten slowest tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench import timed

DURATION = re.compile(r"^(\d+(?:\.\d+)?)s\s+(call|setup|teardown)\s+(.+)$")
SUMMARY = re.compile(r"^=+ (.*\b(?:passed|failed|error|errors)\b.*) in [\d.]+s.*=+$")


def run_tests(project: Path) -> dict:
    run = timed.run([sys.executable, "-m", "pytest", "-n", "auto", "--durations=10"], cwd=project, timeout=1800)
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
    }
