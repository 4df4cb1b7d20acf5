"""Rewrite the `name==version` pins of a requirements file to the versions installed now.

Run by workflows/newest-dependencies.yml after `pip install --upgrade` of every
pinned package, with the Python that has them installed. Prints a Markdown
table of what changed, for the workflow's summary.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s#;]+)")


def repin(text: str, installed) -> tuple[str, list[tuple[str, str, str]]]:
    """`text` with each pin set to `installed(name)`'s public version; and the changes."""
    lines, changes = [], []
    for line in text.splitlines(keepends=True):
        match = PIN.match(line)
        if match:
            name, old = match["name"], match["version"]
            new = installed(name).split("+")[0]  # 2.13.0+cpu pins as 2.13.0, as in the file
            if new != old:
                line = line.replace(f"{name}=={old}", f"{name}=={new}", 1)
                changes.append((name, old, new))
        lines.append(line)
    return "".join(lines), changes


def main(path: str) -> int:
    requirements = Path(path)
    try:
        text, changes = repin(requirements.read_text(encoding="utf-8"), version)
    except PackageNotFoundError as missing:
        print(f"{path}: {missing} is pinned but not installed; install every pin first.")
        return 1
    requirements.write_text(text, encoding="utf-8")
    print("| package | pinned | newest |\n| --- | --- | --- |")
    print("\n".join(f"| {name} | {old} | {new} |" for name, old, new in changes) or "| (none) | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
