"""The dependency-update workflow's re-pinning keeps comments and order, and reports changes."""

from __future__ import annotations

import importlib.util

from tests.support.site_build import ROOT

spec = importlib.util.spec_from_file_location("pin_newest", ROOT / ".github" / "scripts" / "pin_newest.py")
pin_newest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pin_newest)

REQUIREMENTS = "# pinned\nnumpy==2.4.6\ntorch==2.13.0  # CPU build\n\nruff==0.17.5\n"
NEWEST = {"numpy": "2.5.0", "torch": "2.14.0+cpu", "ruff": "0.17.5"}


def test_pins_move_to_the_installed_versions():
    text, changes = pin_newest.repin(REQUIREMENTS, NEWEST.__getitem__)
    assert text == "# pinned\nnumpy==2.5.0\ntorch==2.14.0  # CPU build\n\nruff==0.17.5\n"
    assert changes == [("numpy", "2.4.6", "2.5.0"), ("torch", "2.13.0", "2.14.0")]


def test_every_pin_in_the_real_file_is_read():
    seen = []
    pin_newest.repin((ROOT / "requirements.txt").read_text(encoding="utf-8"), lambda name: seen.append(name) or "0")
    assert "torch" in seen and "mkdocs" in seen and "ruff" in seen
