"""The footer names the NumPy and PyTorch versions that executed the examples."""

from __future__ import annotations

from importlib.metadata import version

from bs4 import BeautifulSoup

from hooks.versions import executed_with, on_config


def test_footer_names_the_installed_versions(built_site):
    for page in ["index.html", "examples/outliers/index.html"]:
        soup = BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
        assert f"NumPy {version('numpy')}" in footer, footer
        assert f"PyTorch {version('torch')}" in footer, footer


def test_existing_footer_text_is_kept():
    config = on_config({"copyright": "© The authors"})
    assert config["copyright"] == f"© The authors<br>{executed_with()}"
    assert on_config({"copyright": None})["copyright"] == executed_with()


def test_each_language_build_replaces_the_line_instead_of_adding_one():
    config = {"copyright": "© The authors", "theme": {"language": "en"}}
    on_config(config)
    config["theme"]["language"] = "ko"  # mkdocs-static-i18n's next build reuses the config
    assert on_config(config)["copyright"] == f"© The authors<br>{executed_with('ko')}"


def test_korean_pages_name_the_versions_once_in_korean(built_site):
    soup = BeautifulSoup((built_site / "ko" / "index.html").read_text(encoding="utf-8"), "html.parser")
    footer = soup.select_one(".md-copyright").get_text(" ", strip=True)
    assert footer.count("NumPy") == 1 and "예제 실행 환경" in footer, footer
