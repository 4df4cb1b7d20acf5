"""The linters accept MkDocs/Material syntax and name file, line and rule on a real mistake."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support.site_build import ROOT

MATERIAL_PAGE = textwrap.dedent(
    """\
    # Material syntax

    Inline math $a_i^2 + b_i^2 = c^2$ and a [link to the loss page](loss.md#regression-mean-squared-error).

    Products $a * b * c$, subscripts $x_i + y_i$ and $p_\\text{data}$, stars $w^* = w_*$.

    $$
    \\mathbb{E}_{x \\sim p_\\text{data}}\\left[\\log D(x)\\right] + \\theta^{*} = \\arg\\min_\\theta \\; a * b
    $$

    $$
    \\mathrm{CE} = -\\frac{1}{N} \\sum_{i=1}^{N} y_i \\log \\hat{y}_i
    $$

    !!! note "Correction"
        Body text of the admonition.

        ```python
        x = 1
        ```

    === "NumPy"

        ```python
        import numpy as np
        ```

    === "PyTorch"

        ```python
        import torch
        ```

    <div class="grid cards" markdown>

    - **Card** text

    </div>

    <!-- notest: needs a GPU -->
    ```{.python notest}
    x = torch.ones(1, device="cuda")
    ```

    1. **Components**: an ordered item with a list nested the Python-Markdown way.
        - [Data](data.md): four spaces deep.
        - [Model](model.md): and another.
    2. **Milestones**.
        - AlexNet
            - a third level

    | loss | value |
    | --- | --- |
    | MSE | 1.25 |
    """
)


def pymarkdown(path: Path) -> subprocess.CompletedProcess:
    # Run from the repository root so pyproject.toml's [tool.pymarkdown] applies.
    command = [sys.executable, "-m", "pymarkdown", "scan", str(path)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_material_syntax_passes_the_markdown_linter(tmp_path):
    page = tmp_path / "material.md"
    page.write_text(MATERIAL_PAGE, encoding="utf-8")
    result = pymarkdown(page)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_finding_names_file_line_and_rule(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text(
        MATERIAL_PAGE.replace("# Material syntax", "# Material syntax\n### Skipped a level"), encoding="utf-8"
    )
    result = pymarkdown(page)
    assert result.returncode != 0
    assert f"{page}:2:1: MD001" in result.stdout, result.stdout


def yamllint(path: Path) -> subprocess.CompletedProcess:
    # The project's settings, as `make lint` and pre-commit use them.
    command = [sys.executable, "-m", "yamllint", "--strict", "--format", "parsable", "-c", ".yamllint.yml", str(path)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        # PyYAML would silently let the later value win.
        ("- year: 2012\n  name: AlexNet\n  name: again\n", ':3:3: [error] duplication of key "name" in mapping'),
        ("- year: 2012\n  name: AlexNet\n year: 2013\n", ":3:2: [error] syntax error: expected <block end>"),
    ],
    ids=["duplicate key", "bad indentation"],
)
def test_yaml_finding_names_file_line_and_rule(tmp_path, text, finding):
    bad = tmp_path / "timeline.yml"
    bad.write_text(text, encoding="utf-8")
    result = yamllint(bad)
    assert result.returncode != 0
    assert f"{bad}{finding}" in result.stdout, result.stdout


def test_python_tags_in_mkdocs_yml_are_accepted(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "emoji_index: !!python/name:material.extensions.emoji.twemoji\nx: !ENV [HOME]\n", encoding="utf-8"
    )
    result = yamllint(config)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finding_names_file_line_and_rule(tmp_path):
    script = tmp_path / "bad.py"
    script.write_text("import os\n", encoding="utf-8")
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format=concise", str(script)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert f"{script}:1:8: F401" in result.stdout, result.stdout
