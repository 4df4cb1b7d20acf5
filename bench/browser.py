"""How the benchmark starts a browser: Debian's Chromium, headless, never a downloaded build."""

from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# No sandbox: we run as root in a container. The rest keep Chromium from calling home,
# which would otherwise show up as third-party requests or slow the measurement.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
]


def missing_chromium() -> str | None:
    """Why the browser checks cannot run here, or None when they can."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` (or set CHROME_PATH)"
    return None
