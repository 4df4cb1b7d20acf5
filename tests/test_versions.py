"""The footer names the NumPy and PyTorch versions that executed the examples."""

from __future__ import annotations

from importlib.metadata import version

from sitebuild.versions import executed_with
from sitebuild.words import WORDS
from tests.support.built_html import parsed


def test_footer_names_the_installed_versions(built_site):
    for page in ["index.html", "examples/outliers/index.html"]:
        footer = parsed(built_site / page).select_one(".md-copyright").get_text(" ", strip=True)
        assert f"NumPy {version('numpy')}" in footer, footer
        assert f"PyTorch {version('torch')}" in footer, footer


def test_the_line_is_written_in_each_language():
    assert executed_with(WORDS["en"]).startswith("Examples executed with NumPy ")
    assert executed_with(WORDS["ko"]).startswith("예제 실행 환경: NumPy ")


def test_korean_pages_name_the_versions_once_in_korean(built_site):
    footer = parsed(built_site / "ko" / "index.html").select_one(".md-copyright").get_text(" ", strip=True)
    assert footer.count("NumPy") == 1 and "예제 실행 환경" in footer, footer
