"""Keep what a slow, pure step made of a page on disk, under a key made of everything it read.

Used for example pages: their one pass (example_page.py) parses a few hundred kilobytes of
HTML, and on a warm build its inputs have not changed. The key covers the input HTML, the
translated prose, the download line and the source of the code that makes the page, so a
change to any of them makes a new entry; `make clean` clears them all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path


def key_of(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def source_version(*modules) -> str:
    """The text of the modules that make the cached value: editing them makes new keys."""
    return "".join(Path(module.__file__).read_text(encoding="utf-8") for module in modules)


def cached(folder: Path, key: str, make: Callable[[], dict]) -> dict:
    """`make()`'s JSON-able result, from `folder` when an earlier build made it under `key`."""
    path = folder / f"{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not made yet, or damaged: make it again
        pass
    value = make()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)  # never half a file, even if the build is stopped here
    return value
