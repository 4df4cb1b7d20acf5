"""sitebuild/edit_loop.py and serve_search_index.py: what `make serve --dirty` shows after saves."""

from __future__ import annotations

import collections
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sitebuild import translation_versions as versions
from tests.support.scratch_project import GOOD_EXAMPLE, make_project

PAGES = {
    "index.md": "# Home\n\nThe home page.\n",
    "index.ko.md": "# 홈\n\n첫 페이지입니다.\n",
    "loss.md": "# Loss\n\nThe loss.\n",
    "loss.ko.md": "# 손실\n\n손실입니다.\n",
}
WAIT_SECONDS = 300


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped:\n{server.communicate()[0]}"
        if text in (_get(url) or ""):
            return
        time.sleep(0.2)
    raise AssertionError(f"{url} did not show {text!r} within {WAIT_SECONDS} s")


def test_search_index_holds_each_page_once_after_many_saves(tmp_path):
    """Material's search and mkdocs-static-i18n each carried entries over between dirty rebuilds,
    and the index doubled on every save. After saves in both languages every section is in it once,
    with the text of the last save."""
    examples = {"fine.py": GOOD_EXAMPLE, "fine.ko.md": "<!-- markdown cell 1 -->\n# 좋음\n"}
    project = make_project(tmp_path, PAGES, examples, languages=("en", "ko"))
    versions.main(["--root", str(project), "mark", "--all"])
    base = f"http://127.0.0.1:{_free_port()}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty", "--dev-addr", base[7:-1]],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for(base, "The home page.", server)
        saves = [("loss.md", "loss/", f"Saved {n}.") for n in range(4)] + [("loss.ko.md", "ko/loss/", "저장 1.")]
        for name, url_path, marker in saves:
            time.sleep(1.1)  # a later modification time than the page's last build
            page = project / "docs" / name
            page.write_text(PAGES[name] + f"\n{marker}\n", encoding="utf-8")
            _wait_for(base + url_path, marker, server)
        index = json.loads(_get(base + "search/search_index.json"))
    finally:
        server.terminate()
        server.communicate(timeout=60)
    locations = collections.Counter(entry["location"] for entry in index["docs"])
    assert {"", "loss/", "ko/", "ko/loss/", "examples/fine/", "ko/examples/fine/"} <= set(locations), locations
    assert max(locations.values()) == 1, f"sections indexed more than once: {locations.most_common(3)}"
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "Saved 3." in text and "저장 1." in text, "the last saves are not in the index"
    assert "Saved 2." not in text, "an earlier save's text is still in the index"
