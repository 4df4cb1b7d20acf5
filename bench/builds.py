"""Full `mkdocs build --strict` runs (cold, warm, without execution) and what their logs say.

mkdocs-jupyter logs at INFO, shown with `-v`: "Converting notebook (execute=True): <path>"
when it executes an example, "Cache hit: <path>" when it reuses a stored result.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bench import timed

CONVERTING = re.compile(r"Converting notebook \(execute=(True|False)\): (\S+)")
CACHE_HIT = re.compile(r"Cache hit: (\S+)")
# A line MkDocs' logger wrote, as opposed to the kernel's own stderr passing through.
MKDOCS_LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR)\s+-  ")


@dataclass
class Build:
    run: timed.Run
    executed: list[str]  # examples executed by this build
    cache_hits: list[str]
    seconds_per_example: dict[str, float]  # time from "Converting" to MkDocs' next log line

    @property
    def seconds(self) -> float:
        return self.run.seconds


def build(project: Path, site_dir: Path, config: Path | None = None) -> Build:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "--site-dir", str(site_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return read_log(timed.run(command, cwd=project))


def read_log(run: timed.Run) -> Build:
    executed, hits, per_example = [], [], {}
    for index, (stamp, text) in enumerate(run.lines):
        converting = CONVERTING.search(text)
        if converting:
            name = Path(converting.group(2)).name
            if converting.group(1) == "True":
                executed.append(name)
            following = next(
                (later for later, line in run.lines[index + 1 :] if MKDOCS_LOG_LINE.match(line)), run.seconds
            )
            per_example[name] = following - stamp
        hit = CACHE_HIT.search(text)
        if hit:
            hits.append(Path(hit.group(1)).name)
    return Build(run, executed, hits, per_example)
