"""pytest plugin: run every Python fence in docs/ and check the output it shows.

Loaded with `-p tests.support.markdown_snippets` (see pyproject.toml). Two additions to
pytest-markdown-docs:

* fences inside content tabs and admonitions are collected too
  (see `markdown_fences.lift_containers`);
* what a fence prints must be written under it as `#> ` comments, the way
  pydantic's docs do it. The reader sees the output next to the code, and this
  runner fails when the code prints anything else, so the page cannot drift.
  `make fix-outputs` (pytest --update-outputs) rewrites them from a real run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io

import pytest
from pytest_markdown_docs._runners import DefaultRunner, register_runner

from tests.support.markdown_fences import parser
from tests.support.output_comments import OUTPUT_COMMENT, RecordingStdout, rewrite

_update_outputs = False  # set from --update-outputs in pytest_configure


def expected_output(code: str) -> list[str]:
    return [(match.group("text") or "").rstrip() for match in map(OUTPUT_COMMENT.match, code.split("\n")) if match]


class ShownOutputMismatch(AssertionError):
    pass


@register_runner(default=True)
class PrintedOutputRunner(DefaultRunner):
    """Runs a fence (after any `continuation` fences before it, silently) and
    compares what the fence itself prints with its `#>` comments."""

    def runtest(self, test, args, *, asyncio_runner=None):
        lines = test.source.split("\n")
        earlier = "\n".join(lines[: test.start_line])
        # Keep the fence on its own line numbers so tracebacks point into the page.
        this_fence = "\n" * test.start_line + "\n".join(lines[test.start_line :])
        with contextlib.redirect_stdout(io.StringIO()):
            super().runtest(dataclasses.replace(test, source=earlier), args, asyncio_runner=asyncio_runner)
        printed = RecordingStdout(str(test.source_path))
        with contextlib.redirect_stdout(printed):
            super().runtest(dataclasses.replace(test, source=this_fence), args, asyncio_runner=asyncio_runner)

        shown = expected_output(this_fence)
        actual = [line.rstrip() for line in printed.getvalue().rstrip("\n").split("\n")]
        if printed.getvalue() == "":
            actual = []
        if shown != actual and _update_outputs:
            rewrite(test.source_path, test.start_line, this_fence, printed.by_line)
        elif shown != actual:
            raise ShownOutputMismatch(
                f"{test.source_path}:{test.start_line + 1}: the output written under this "
                "fence as '#>' comments is not what the code prints.\n"
                f"  shown on the page: {shown}\n"
                f"  printed today:     {actual}\n"
                "Run `make fix-outputs` to rewrite them from a real run, then review the diff."
            )

    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(ShownOutputMismatch):
            return str(excinfo.value)
        return f"{test.source_path}:{test.start_line + 1}: this snippet raised.\n" + super().repr_failure(
            test, excinfo, style
        )


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite the '#>' output comments of Markdown fences from what they print",
    )


def pytest_configure(config):
    global _update_outputs
    _update_outputs = config.getoption("--update-outputs")


# tryfirst: the hook returns the first answer, and the plugin's own CommonMark
# parser would otherwise win and silently drop fences in tabs and admonitions.
@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    return parser()
