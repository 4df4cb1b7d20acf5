"""The floor for executing examples: each examples/*.py run as a plain script, one after another.

Same interpreter and environment as the build; what the build spends beyond this on
executing examples is the cost of kernels and notebook conversion.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench import timed


def run_examples(scripts: list[Path]) -> dict[str, timed.Run]:
    results = {}
    for script in scripts:
        with tempfile.TemporaryDirectory(prefix="bench-example-") as workdir:
            # A scratch working directory, as the tests use: examples must not depend on it.
            # Agg: `plt.show()` must not wait for a window, as in tests/test_examples.py.
            results[script.name] = timed.run([sys.executable, str(script)], cwd=Path(workdir), MPLBACKEND="Agg")
    return results
