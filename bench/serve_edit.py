"""How long after a save `make serve` offers the rebuilt page.

Starts `mkdocs serve` as `make serve` does on 127.0.0.1 at a free port, waits for the first
build, then appends a unique line to an English page, a Korean page, an example's Korean
prose and an example's code, and polls the page over HTTP until the line shows up (three
times each, since one edit on a shared machine is noisy; once for the code, which executes)
(mkdocs serve holds HTML requests until a rebuild is complete, so this is what a reader
waiting for the reload sees). Its log tells how many examples the rebuild re-executed.
The page is restored and the server stopped afterwards.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import timed
from bench.builds import CONVERTING

STARTUP_TIMEOUT = 600
REBUILD_TIMEOUT = 300
POLL_SECONDS = 0.02
EDITS = 3


@dataclass
class EditResult:
    page: str
    startup_seconds: float
    edit_to_html_seconds: list[float]  # one per edit
    examples_reexecuted: int
    error: str | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_url_path(docs_dir: Path, page: Path) -> str:
    """The URL path MkDocs gives `page` with use_directory_urls (the default)."""
    relative = page.relative_to(docs_dir).with_suffix("")
    if relative.name in ("index", "README"):
        relative = relative.parent
    path = relative.as_posix()
    return "" if path == "." else path + "/"


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=REBUILD_TIMEOUT) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, marker: str) -> float | None:
    """The moment `marker` first appears in the page at `url`, or None on time-out."""
    deadline = time.perf_counter() + REBUILD_TIMEOUT
    while time.perf_counter() < deadline:
        html = _fetch(url)
        if html is not None and marker in html:
            return time.perf_counter()
        time.sleep(POLL_SECONDS)
    return None


class _LogReader(threading.Thread):
    """Collects a process's output lines with perf_counter stamps."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: list[tuple[float, str]] = []

    def run(self):
        for line in self.stream:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def since(self, moment: float) -> list[str]:
        return [text for stamp, text in list(self.lines) if stamp >= moment]


@dataclass
class Edit:
    """One kind of save a contributor makes: which file, how, and which page shows it."""

    label: str
    source: Path
    url_path: str
    append: Callable[[str], str]  # marker -> text appended to the file
    repeats: int = EDITS


def standard_edits(project: Path) -> list[Edit]:
    """English and Korean Markdown, an example's Korean prose, an example's code."""
    example = project / "examples" / "outliers.py"
    return [
        Edit("English page", project / "docs/components/loss.md", "components/loss/", lambda m: f"\n\n{m}\n"),
        Edit("Korean page", project / "docs/components/loss.ko.md", "ko/components/loss/", lambda m: f"\n\n{m}\n"),
        Edit("example prose", example.with_name("outliers.ko.md"), "ko/examples/outliers/", lambda m: f"\n{m}\n"),
        Edit("example code", example, "examples/outliers/", lambda m: f'\n# %%\nprint("{m}")\n', repeats=1),
    ]


def edits_while_serving(project: Path, edits: list[Edit], args: list[str]) -> list[EditResult]:
    """Serve `project` with `mkdocs serve <args>` once, make each edit, time until the page shows it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-v", "--dev-addr", f"127.0.0.1:{port}", *args]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, env=timed.environment(), text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    log = _LogReader(process.stdout)
    log.start()
    results = []
    try:
        while _fetch(base) is None:
            if process.poll() is not None or time.perf_counter() - start > STARTUP_TIMEOUT:
                tail = "\n".join(text for _, text in log.lines if text.startswith(("WARNING", "ERROR")))
                return [
                    EditResult(edit.label, time.perf_counter() - start, [], 0, f"mkdocs serve did not come up:\n{tail}")
                    for edit in edits
                ]
            time.sleep(0.2)
        startup = time.perf_counter() - start
        for edit in edits:
            original = edit.source.read_bytes()
            timings, reexecuted, error = [], 0, None
            try:
                for _ in range(edit.repeats):
                    time.sleep(1.5)  # let the file watcher settle after the previous build
                    marker = f"bench-edit-{uuid.uuid4().hex}"
                    edited_at = time.perf_counter()
                    edit.source.write_bytes(original + edit.append(marker).encode())
                    seen = _wait_for(base + edit.url_path, marker)
                    if seen is None:
                        error = f"an edit did not appear within {REBUILD_TIMEOUT} s"
                        break
                    timings.append(seen - edited_at)
                    # The page is served only after the whole rebuild, so its log is complete by now.
                    reexecuted += sum(
                        1
                        for text in log.since(edited_at)
                        if (match := CONVERTING.search(text)) and match.group(1) == "True"
                    )
            finally:
                edit.source.write_bytes(original)
            results.append(EditResult(edit.label, startup, timings, reexecuted, error))
        return results
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
