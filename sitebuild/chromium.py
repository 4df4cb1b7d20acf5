"""Debian's Chromium with the project's flags, for the PDF printer, the browser tests and bench/."""

from __future__ import annotations

import os
import shutil

# Playwright drives Debian's Chromium and never downloads a browser of its own. CHROME_PATH
# (the variable Lighthouse also reads) points it at another one.
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# No sandbox: CI runs as root in a container. The rest keep Chromium from calling home,
# which would show up as third-party requests and slow every measurement.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class MissingChromium(RuntimeError):
    """There is no Chromium to start; the message says how to install one."""


def missing_chromium() -> str | None:
    """Why Chromium cannot start here, naming the fix, or None when it can."""
    if shutil.which(CHROMIUM):
        return None
    return f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium fonts-noto-cjk` (or set CHROME_PATH)"


def launch_chromium(playwright):
    """Headless Chromium with the project's flags, started by a running Playwright."""
    why_not = missing_chromium()
    if why_not:
        raise MissingChromium(why_not)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
