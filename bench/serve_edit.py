"""How long after saving a Markdown page `mkdocs serve` offers the rebuilt page.

Starts `mkdocs serve --strict -v` on 127.0.0.1 at a free port, waits for the first build,
appends a unique line to one page, and polls that page over HTTP until the line shows up
(three times, since one edit on a shared machine is noisy)
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


def edit_page_while_serving(project: Path, page: Path, extra_args: list[str] = ()) -> EditResult:
    """Serve as `make serve` does (`--strict`), or with `extra_args` instead of `--strict`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-v",
        "--dev-addr",
        f"127.0.0.1:{port}",
        *(extra_args or ["--strict"]),
    ]
    original = page.read_bytes()
    url = base + page_url_path(project / "docs", page)
    name = page.relative_to(project).as_posix()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, env=timed.environment(), text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    log = _LogReader(process.stdout)
    log.start()
    try:
        while _fetch(url) is None:
            if process.poll() is not None or time.perf_counter() - start > STARTUP_TIMEOUT:
                tail = "\n".join(text for _, text in log.lines if text.startswith(("WARNING", "ERROR")))
                return EditResult(name, time.perf_counter() - start, [], 0, f"mkdocs serve did not come up:\n{tail}")
            time.sleep(0.2)
        startup = time.perf_counter() - start

        timings, reexecuted = [], 0
        for _ in range(EDITS):
            time.sleep(1.0)  # let the file watcher settle after the previous build
            marker = f"bench-edit-{uuid.uuid4().hex}"
            edited_at = time.perf_counter()
            page.write_bytes(original + f"\n\n{marker}\n".encode())
            seen = _wait_for(url, marker)
            if seen is None:
                return EditResult(
                    name, startup, timings, reexecuted, f"an edit did not appear within {REBUILD_TIMEOUT} s"
                )
            timings.append(seen - edited_at)
            # The page is served only after the whole rebuild, so its log is complete by now.
            reexecuted += sum(
                1 for text in log.since(edited_at) if (match := CONVERTING.search(text)) and match.group(1) == "True"
            )
        return EditResult(name, startup, timings, reexecuted)
    finally:
        page.write_bytes(original)
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
