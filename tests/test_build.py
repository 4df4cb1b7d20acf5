"""The strict build of the real site succeeds; when it does not, this is where its errors show.

Tests that need the built site fail in one line pointing here (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from tests.support.site_build import build_problems


def test_site_builds(site_build):
    if not site_build.ok:
        pytest.fail(
            f"mkdocs build --strict failed (exit {site_build.returncode}):\n{build_problems(site_build.output)}",
            pytrace=False,
        )
    assert (site_build.site_dir / "index.html").is_file(), f"the build wrote no index.html in {site_build.site_dir}"
