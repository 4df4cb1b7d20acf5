"""The benchmark's table: one row per measurement with its goal, printed and saved as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Row:
    measurement: str
    value: str
    goal: str = ""
    met: bool | None = None  # None: no goal, or nothing measured
    note: str = ""


def status(row: Row) -> str:
    if row.met is None:
        return ""
    return "ok" if row.met else "MISSED"


def format_table(rows: list[Row]) -> str:
    header = ("measurement", "value", "goal", "", "note")
    cells = [header] + [(r.measurement, r.value, r.goal, status(r), r.note) for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(4)]
    lines = []
    for index, line in enumerate(cells):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(line[:4], widths)) + "  " + line[4])
        if index == 0:
            lines.append("  ".join("-" * width for width in widths) + "  " + "-" * 4)
    return "\n".join(line.rstrip() for line in lines)


def seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def kib(value: float) -> str:
    return f"{value / 1024:.0f} KiB"


def write_json(path: Path, rows: list[Row], details: dict) -> None:
    path.write_text(json.dumps({"table": [asdict(row) for row in rows], **details}, indent=2) + "\n")
