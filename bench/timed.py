"""Run a command, timing it and stamping each line it prints with the moment it arrived.

The stamps let the build benchmark tell how long each example took to execute from the
mkdocs-jupyter log lines, without any change to the build itself.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

# The Makefile exports this for every target; the benchmark must build the same way.
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    command: list[str]
    seconds: float
    returncode: int
    lines: list[tuple[float, str]] = field(default_factory=list)  # (seconds since start, text)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def output(self, last: int | None = None) -> str:
        chosen = self.lines if last is None else self.lines[-last:]
        return "\n".join(text for _, text in chosen)

    def problems(self, last: int = 5) -> str:
        """The WARNING/ERROR lines (what strict mode aborts on), then the last few lines."""
        flagged = [text for _, text in self.lines if text.startswith(("WARNING", "ERROR"))]
        return "\n".join(flagged + ["..."] + [text for _, text in self.lines[-last:]])


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, **BUILD_ENV, **extra}


def run(command: list[str], cwd: Path, timeout: float = 900, **extra_env: str) -> Run:
    """Run `command` in `cwd` with stdout and stderr merged; never raises on a non-zero exit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=environment(**extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
    )
    lines = []
    assert process.stdout is not None
    for line in process.stdout:
        lines.append((time.perf_counter() - start, line.rstrip("\n")))
        if time.perf_counter() - start > timeout:
            process.kill()
            lines.append((time.perf_counter() - start, f"[bench] killed after {timeout:.0f} s"))
            break
    returncode = process.wait()
    return Run(command, time.perf_counter() - start, returncode, lines)
