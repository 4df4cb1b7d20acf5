"""Every example runs as a plain script, so a broken example fails without a site build."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.site_build import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def test_there_are_examples():
    assert EXAMPLES, "examples/ holds no scripts"


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_runs_as_a_script(script, tmp_path):
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,  # examples must not depend on the working directory
        env={**os.environ, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"examples/{script.name} failed (exit {result.returncode}):\n{result.stderr[-3000:]}"
    assert result.stdout.strip(), f"examples/{script.name} printed nothing: examples show their numbers"
