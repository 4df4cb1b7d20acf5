"""Home, in each language, links to that language's zip and PDF in site/downloads/ (sitebuild/edition_links.py)."""

from __future__ import annotations

import pytest

from sitebuild.edition_links import MARKER
from tests.support.site_build import ROOT

HOMES = {"en": ("index.html", "./downloads"), "ko": ("ko/index.html", "../downloads")}


@pytest.mark.parametrize("language", list(HOMES))
def test_home_links_to_its_languages_zip_and_pdf(built_site, language):
    page, folder = HOMES[language]
    html = (built_site / page).read_text(encoding="utf-8")
    for extension in ("zip", "pdf"):
        link = f'href="{folder}/dl-basics-{language}.{extension}"'
        assert link in html, f"{page} has no {link} (the marker {MARKER} in its docs/index*.md?)"
    assert MARKER not in html


def test_marker_off_home_names_file_and_line(tmp_path):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from sitebuild.edition_links import expand

    page = SimpleNamespace(file=SimpleNamespace(src_uri="components/loss.md", dest_uri="components/loss/index.html"))
    with pytest.raises(PluginError, match=r"docs/components/loss.md:3: <!-- editions --> belongs on Home"):
        expand(f"# Loss\n\n{MARKER}\n", page, SimpleNamespace())
    assert (ROOT / "docs" / "index.md").read_text(encoding="utf-8").count(MARKER) == 1
