"""Every example runs once per test run: in the site's build, which executes each script's cells in
order with the same Python (mkdocs-jupyter; cached by script and environment in .cache/examples/).

What the kernel accepts but `python examples/x.py` would not (IPython magics, shell escapes,
`display` without an import), or the reverse (`__file__`), is rejected here, so a script that
builds is a script a reader can run.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.support.built_html import parsed
from tests.support.site_build import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
NOTEBOOK_ONLY = re.compile(r"^\s*[%!]|get_ipython\(", re.M)


def test_there_are_examples():
    assert EXAMPLES, "examples/ holds no scripts"


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_is_a_plain_python_script(script):
    source = script.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(script))  # a syntax error names file and line
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    problems = []
    for number, line in enumerate(source.splitlines(), 1):
        if NOTEBOOK_ONLY.search(line):
            problems.append(
                f"examples/{script.name}:{number}: notebook-only syntax; `python` cannot run it: {line.strip()}"
            )
    if "__file__" in names:
        problems.append(f"examples/{script.name}: uses __file__, which the build's kernel does not define")
    if "display" in names and "display" not in imported:
        problems.append(f"examples/{script.name}: calls display() without importing it (from IPython.display)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_ran_in_the_build_and_printed_its_numbers(built_site, script):
    page = built_site / "examples" / script.stem / "index.html"
    soup = parsed(page)
    printed = [o.get_text() for o in soup.select('.jp-OutputArea-output[data-mime-type="text/plain"]')]
    errors = soup.select('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]')
    assert not errors, f"examples/{script.name} raised while the site was built"
    assert any(text.strip() for text in printed), f"examples/{script.name} printed nothing: examples show their numbers"
