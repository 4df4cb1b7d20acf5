"""Bad input stops the build or the tests with the file, the line and what to fix.

Each case builds or tests a small throwaway project that uses the real
mkdocs.yml, build code (sitebuild/) and test plugin, with one deliberate mistake.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import NO_SITE
from tests.support.markdown_fences import python_fences
from tests.support.scratch_project import GOOD_EXAMPLE, GOOD_PAGE, failed_build_output, make_project, scratch_build
from tests.support.site_build import ROOT
from tests.support.untested_code import problems


def test_link_to_a_missing_page_fails_the_build(tmp_path):
    page = "# Home\n\nSee [the loss](loss.md).\n"
    output = failed_build_output(make_project(tmp_path, {"index.md": page}, {"fine.py": GOOD_EXAMPLE}))
    assert "index.md" in output and "loss.md" in output, output


def test_link_to_a_missing_anchor_fails_the_build(tmp_path):
    pages = {"index.md": "# Home\n\nSee [MSE](other.md#mse).\n", "other.md": "# Other\n\n## Cross-entropy\n"}
    output = failed_build_output(make_project(tmp_path, pages, {"fine.py": GOOD_EXAMPLE}))
    assert "index.md" in output and "#mse" in output, output


def test_failing_example_names_the_script_and_line(tmp_path):
    broken = '# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\nraise ValueError("deliberate")\n'
    output = failed_build_output(make_project(tmp_path, {"index.md": GOOD_PAGE}, {"broken.py": broken}))
    assert "examples/broken.py:8" in output, output
    assert "ValueError" in output and "deliberate" in output, output


def test_dying_kernel_names_the_example(tmp_path):
    dying = "# %% [markdown]\n# # Dies\n\n# %%\nimport os\n\nos._exit(1)\n"
    output = failed_build_output(make_project(tmp_path, {"index.md": GOOD_PAGE}, {"dying.py": dying}))
    assert "Example examples/dying.py" in output and "DeadKernelError" in output, output


def test_hanging_cell_fails_the_build_within_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("EXAMPLE_CELL_TIMEOUT_S", "3")
    hanging = "# %% [markdown]\n# # Hangs\n\n# %%\nimport time\n\ntime.sleep(600)\n"
    started = time.monotonic()
    output = failed_build_output(make_project(tmp_path, {"index.md": GOOD_PAGE}, {"hanging.py": hanging}))
    assert "Example examples/hanging.py:5" in output and "CellTimeoutError" in output, output
    assert time.monotonic() - started < 120, "the build should stop soon after the cell's limit"


def test_bad_formula_after_a_similar_good_one_names_its_own_line(tmp_path):
    # The broken formula's text also starts a good formula earlier on the page.
    page = "# Home\n\n$$\n\\frac{1}{n}\n$$\n\nMore text.\n\n$$\\frac{1}{$$\n"
    output = failed_build_output(make_project(tmp_path, {"index.md": page}, {"fine.py": GOOD_EXAMPLE}))
    assert "docs/index.md:9" in output, output


def test_bad_formula_on_a_page_names_page_line_and_formula(tmp_path):
    page = "# Home\n\nFine: $x^2$.\n\nBroken: $\\fracc{1}{2}$ here.\n"
    output = failed_build_output(make_project(tmp_path, {"index.md": page}, {"fine.py": GOOD_EXAMPLE}))
    assert "docs/index.md:5" in output and "\\fracc{1}{2}" in output, output
    assert "Undefined control sequence" in output, output


def test_bad_formula_in_example_prose_names_script_line_and_formula(tmp_path):
    broken = '# %% [markdown]\n# # Broken\n#\n# Unclosed: $$\\frac{1}{2$$\n\n# %%\nprint("fine")\n'
    output = failed_build_output(make_project(tmp_path, {"index.md": GOOD_PAGE}, {"broken.py": broken}))
    assert "examples/broken.py:4" in output and "\\frac{1}{2" in output, output
    assert "expected '}'" in output, output


def test_backslash_paren_math_in_example_prose_is_rejected(tmp_path):
    # nbconvert would turn \(x\) into "(x)": the formula would vanish without a word.
    example = '# %% [markdown]\n# # Math\n#\n# The slope \\(w\\) is learned.\n\n# %%\nprint("fine")\n'
    output = failed_build_output(make_project(tmp_path, {"index.md": GOOD_PAGE}, {"math.py": example}))
    assert "examples/math.py:4" in output and "$...$" in output, output


def pytest_on_page(tmp_path: Path, page: str, *options: str) -> subprocess.CompletedProcess:
    """Run the snippet tests (our plugin, as configured in pyproject.toml) on one page."""
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.support.markdown_snippets",
            "--markdown-docs",
            "--markdown-docs-syntax=superfences",
            *options,
            "-c",
            os.devnull,
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "page.md"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def run_snippet_tests(tmp_path: Path, page: str) -> str:
    result = pytest_on_page(tmp_path, page)
    assert result.returncode != 0, "the snippet tests should have failed"
    return result.stdout


def test_snippet_that_raises_names_the_page_and_line(tmp_path):
    page = "# Page\n\nText.\n\n```python\nx = 1\ny = x / 0\n```\n"
    output = run_snippet_tests(tmp_path, page)
    assert "page.md:6" in output and "ZeroDivisionError" in output, output
    assert "line 7" in output, output


def test_snippet_whose_shown_output_drifted_fails(tmp_path):
    page = "# Page\n\n```python\nprint(1 + 1)\n#> 3\n```\n"
    output = run_snippet_tests(tmp_path, page)
    assert "page.md:4" in output and "['3']" in output and "['2']" in output, output


def test_snippet_that_prints_without_showing_it_fails(tmp_path):
    page = "# Page\n\n```python\nprint('hidden')\n```\n"
    output = run_snippet_tests(tmp_path, page)
    assert "page.md:4" in output and "hidden" in output, output


def test_fences_in_tabs_and_admonitions_are_collected(tmp_path):
    page = textwrap.dedent(
        """\
        # Page

        === "NumPy"

            ```python
            import numpy as np
            ```

        !!! note

            ```python
            x = 2
            ```
        """
    )
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    fences = python_fences(tmp_path / "page.md")
    assert [(f.line, f.tested) for f in fences] == [(6, True), (12, True)]


def test_guard_names_an_uncollected_fence(tmp_path):
    # pytest-markdown-docs only knows lower-case language names; the site highlights it anyway.
    page = "# Page\n\nText.\n\n```Python\n1 / 0\n```\n"
    project = make_project(tmp_path, {"index.md": page}, {"fine.py": GOOD_EXAMPLE})
    result = scratch_build(project)
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    found = problems(project / "docs" / "index.md", html, root=project)
    assert len(found) == 1 and found[0].startswith("docs/index.md:6:"), found


def test_notest_without_a_reason_is_reported(tmp_path):
    page = "# Page\n\n```{.python notest}\nimport this_needs_a_gpu\n```\n"
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    html = "<html></html>"
    found = problems(tmp_path / "page.md", html)
    assert len(found) == 1 and ":4:" in found[0] and "notest" in found[0], found


@pytest.mark.parametrize("why", ["needs a GPU to show the speed-up"])
def test_notest_with_a_reason_is_accepted(tmp_path, why):
    page = f"# Page\n\n<!-- notest: {why} -->\n```{{.python notest}}\nimport this_needs_a_gpu\n```\n"
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    assert problems(tmp_path / "page.md", "<html></html>") == []


def test_update_outputs_rewrites_the_comments_under_each_print(tmp_path):
    page = textwrap.dedent(
        """\
        # Page

        === "Tab"

            ```python
            for i in range(2):
                print(i)
            #> stale
            total = 5
            print(f"total {total}")
            ```

        ```python
        print("second fence")
        ```
        """
    )
    result = pytest_on_page(tmp_path, page, "--update-outputs")
    assert result.returncode == 0, result.stdout
    rewritten = (tmp_path / "page.md").read_text(encoding="utf-8")
    assert rewritten == page.replace("    #> stale\n", "    #> 0\n    #> 1\n").replace(
        '    print(f"total {total}")\n', '    print(f"total {total}")\n    #> total 5\n'
    ).replace('print("second fence")\n', 'print("second fence")\n#> second fence\n'), rewritten


def test_snippet_in_a_tab_that_raises_is_run_and_named(tmp_path):
    page = '# Page\n\n=== "PyTorch"\n\n    ```python\n    1 / 0\n    ```\n'
    output = run_snippet_tests(tmp_path, page)
    assert "page.md:6" in output and "ZeroDivisionError" in output, output


def test_example_without_korean_prose_names_the_file_to_write(tmp_path):
    pages = {"index.md": GOOD_PAGE, "index.ko.md": "# 홈\n\n문제없는 페이지입니다.\n"}
    project = make_project(tmp_path, pages, {"fine.py": GOOD_EXAMPLE}, languages=None)
    output = failed_build_output(project)
    assert "examples/fine.py has no ko prose: create examples/fine.ko.md" in output, output


def test_korean_prose_with_a_wrong_cell_number_names_the_line(tmp_path):
    pages = {"index.md": GOOD_PAGE, "index.ko.md": "# 홈\n\n문제없는 페이지입니다.\n"}
    project = make_project(tmp_path, pages, {"fine.py": GOOD_EXAMPLE}, languages=None)
    (project / "examples" / "fine.ko.md").write_text("<!-- markdown cell 2 -->\n# 좋음\n", encoding="utf-8")
    output = failed_build_output(project)
    assert "fine.ko.md:1: expected '<!-- markdown cell 1 -->'" in output, output


def test_broken_build_is_reported_once_by_the_build_test(tmp_path):
    """A broken link fails test_site_builds with file and line; each test that needs the site
    fails in one line pointing there, and the run's exit status says it failed."""
    page = "# Home\n\nText.\nSee [the loss](loss.md).\n"
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project", {"index.md": page}, {"fine.py": GOOD_EXAMPLE})
    (project / "tests").mkdir()
    for helper in ("__init__.py", "conftest.py", "test_build.py"):
        shutil.copy(ROOT / "tests" / helper, project / "tests" / helper)
    shutil.copytree(ROOT / "tests" / "support", project / "tests" / "support")
    needs_site = "def test_{name}(built_site):\n    assert (built_site / 'index.html').is_file()\n"
    (project / "tests" / "test_needs_site.py").write_text(
        needs_site.format(name="home_page") + "\n\n" + needs_site.format(name="again"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", "-c", os.devnull, "-ra"]
        + ["--rootdir", str(project), "--basetemp", str(tmp_path / "run"), "tests"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, f"exit {result.returncode}, expected 1 (tests failed):\n{output}"
    assert "FAILED tests/test_build.py::test_site_builds" in output, output
    assert "docs/index.md:4:" in output and "contains a link 'loss.md'" in output, output
    # The short summary at the end repeats each failure's message in full when pytest runs under CI
    # (it truncates it to the terminal's width elsewhere); the reports above it must say it once.
    reports = output.partition("short test summary info")[0]
    assert reports.count("contains a link 'loss.md'") == 1, f"the build's error is repeated:\n{output}"
    for name in ("home_page", "again"):
        assert f"ERROR at setup of test_{name}" in output, output
    assert output.count(f"\n{NO_SITE}\n") == 2, f"expected one line per test that needs the site:\n{output}"
    # Two workers, one build: its result is in the run's shared temporary directory only.
    assert [path.parent.name for path in (tmp_path / "run").rglob("site-build.json")] == ["run"]
