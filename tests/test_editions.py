"""The offline copies and PDFs (sitebuild/editions.py), built once per test session.

Each PDF holds every page of its language's site (as the offline copy has them), with its
title, in fonts embedded in the file, and no TeX left untypeset. Each zip is one language's
site with its own search index, the worker polyfill and the PDF, and nothing from other hosts.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild.edition_links import file_name
from sitebuild.offline_copy import SHIM_URL
from sitebuild.site import site_languages
from tests.support.site_build import ROOT

LANGUAGES = site_languages(ROOT)
RAW_TEX = ("\\frac", "$$", "\\(", "\\[", "\\sum", "\\mathrm")
# An address on another host in something the browser loads (a src, a stylesheet, a script's URL).
FOREIGN_LOAD = re.compile(
    r"""(?:src|srcset)\s*=\s*["']?(?:https?:)?//|<link[^>]+rel="?(?:stylesheet|preload|modulepreload|icon)[^>]+href="?(?:https?:)?//""",
    re.I,
)


def _unzipped(editions: Path, language: str, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp(f"unzipped-{language}")
    with zipfile.ZipFile(editions / file_name(language, "zip")) as archive:
        archive.extractall(target)
    return target / f"dl-basics-{language}"


@pytest.fixture(scope="module")
def copies(editions, tmp_path_factory):
    return {language: _unzipped(editions, language, tmp_path_factory) for language in LANGUAGES}


def _pages(copy: Path) -> list[Path]:
    return sorted(path for path in copy.rglob("*.html") if path.name != "404.html")


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdf_fonts(pdf: Path) -> list[str]:
    """pdffonts' table, one line per font (after the header and its underline)."""
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return table.splitlines()[2:]


def _squeezed(text: str) -> str:
    """Without whitespace: pdftotext breaks lines (and Korean words) where the page did."""
    return re.sub(r"\s+", "", text)


def _starts_with_letters_of(sheet: str, title: str) -> bool:
    """Whether the sheet's text begins with the title's letters. Letters, not the string:
    pdftotext may put one line's Latin and Hangul runs in another order ("NumPy로 구현한 Adam"
    came out as "로구현한Adam...NumPy")."""
    return not Counter(title) - Counter(sheet[: len(title) + 20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_has_a_page_per_site_page_and_every_title(editions, copies, language):
    pdf = editions / file_name(language, "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    sheets = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    pages = _pages(copies[language])
    assert len(pages) >= 30, f"the {language} offline copy has only {len(pages)} pages"
    assert sheets >= len(pages), f"{pdf.name} has {sheets} pages for {len(pages)} pages of the site"
    sheets_text = _pdf_text(pdf)
    text = _squeezed(sheets_text)
    sheet_starts = [_squeezed(sheet)[:200] for sheet in sheets_text.split("\f")]
    missing, not_on_a_new_sheet = [], []
    for page in pages:
        heading = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
        assert heading is not None, f"{page} has no <h1>"
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        title = heading.get_text(" ", strip=True)
        if _squeezed(title) not in text:
            missing.append(f"{page.relative_to(copies[language])}: {title!r}")
        elif not any(_starts_with_letters_of(start, _squeezed(title)) for start in sheet_starts):
            not_on_a_new_sheet.append(f"{page.relative_to(copies[language])}: {title!r}")
    assert not missing, f"{pdf.name} lacks these pages' titles:\n" + "\n".join(missing)
    # print.css starts each page of the lecture on a new sheet, its title at the top
    assert not not_on_a_new_sheet, f"{pdf.name}: these pages do not start a sheet:\n" + "\n".join(not_on_a_new_sheet)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_fonts_are_embedded(editions, language):
    pdf = editions / file_name(language, "pdf")
    fonts = _pdf_fonts(pdf)
    assert fonts, f"{pdf.name} lists no fonts"
    # Columns: name type encoding emb sub uni object ID; the name may hold spaces, so count from the end.
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not not_embedded, f"{pdf.name} has fonts that are not embedded:\n" + "\n".join(not_embedded)
    # Chromium writes the Korean glyphs (Noto Sans CJK, a font collection) as Type 3 fonts with no
    # name, outlines embedded; that the text is Korean, and extractable, the titles test shows.


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdf_has_no_raw_tex_and_has_typeset_math(editions, language):
    text = _pdf_text(editions / file_name(language, "pdf"))
    raw = [tex for tex in RAW_TEX if tex in text]
    assert not raw, f"{file_name(language, 'pdf')} shows untypeset TeX: {raw}"
    assert "∑" in text, f"{file_name(language, 'pdf')} has no typeset sum sign (the Loss page's MSE)"
    # Typeset by KaTeX with KaTeX's stylesheet, as on the site: without it the browser drew the
    # formula's MathML in its own fonts, and KaTeX's unstyled markup again beneath it.
    fonts = "\n".join(_pdf_fonts(editions / file_name(language, "pdf")))
    for face in ("KaTeX_Main-Regular", "KaTeX_Math-Italic"):
        assert face in fonts, f"{file_name(language, 'pdf')}: no formula is set in {face}; fonts:\n{fonts}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_zip_is_one_language_with_search_polyfill_and_pdf(copies, language):
    copy = copies[language]
    home = (copy / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in home, f"the {language} zip's index.html is not its {language} Home"
    assert not (copy / "ko").exists() and not (copy / "en").exists(), "a zip holds one language, at its root"
    assert (copy / "search" / "search_index.js").is_file(), "no search index a file:// page can load"
    assert (copy / SHIM_URL).is_file(), f"the worker polyfill {SHIM_URL} is missing"
    assert (copy / "downloads" / file_name(language, "pdf")).is_file(), "the PDF is not inside the zip"
    assert 'class="md-select"' not in home, "the language switch links to a language the zip does not hold"
    for example in ("outliers.py", "outliers.ipynb"):
        assert (copy / "examples" / example).is_file(), f"the example download examples/{example} is missing"


@pytest.mark.parametrize("language", LANGUAGES)
def test_zip_loads_nothing_from_other_hosts(copies, language):
    copy = copies[language]
    offenders = []
    for page in _pages(copy):
        html = page.read_text(encoding="utf-8")
        if "unpkg.com" in html or FOREIGN_LOAD.search(html):
            offenders.append(str(page.relative_to(copy)))
        if re.search(r'href="(?![a-z]+:)[^"#]*/"', html):  # a directory link opens a folder listing from disk
            offenders.append(f"{page.relative_to(copy)} (directory link)")
    assert not offenders, "pages of the offline copy load from other hosts or link to folders:\n" + "\n".join(offenders)
