"""The site in English and Korean: same pages, same code, a switch that keeps the page."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess

import pytest

from sitebuild.site import site_languages
from tests.support.built_html import parsed
from tests.support.markdown_fences import INCLUDE
from tests.support.site_build import DEFAULT_LANGUAGE, ROOT, markdown_pages, page_language
from tests.support.translations import code_differences, example_prose_problems, missing_translations, snippet_problems

LANGUAGES = site_languages(ROOT)
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_the_site_is_bilingual():
    assert LANGUAGES == ["en", "ko"], LANGUAGES


def test_every_page_exists_in_every_language():
    found = missing_translations(ROOT / "docs", LANGUAGES, ROOT)
    assert not found, "\n".join(found)


def test_code_is_written_once_and_the_same_in_every_language():
    found = code_differences(ROOT / "docs", ROOT)
    assert not found, "\n".join(found)


def test_snippet_files_hold_only_code():
    found = snippet_problems(ROOT / "docs", ROOT)
    assert not found, "\n".join(found)


def test_every_example_has_prose_in_every_language():
    found = example_prose_problems(ROOT / "examples", LANGUAGES, ROOT)
    assert not found, "\n".join(found)


# The checks name the page to fix when a translation is missing or its code drifted.


# A translated page with code, used by the negative cases below (on a copy of docs/).
PAGE, KOREAN_PAGE = "components/loss.md", "components/loss.ko.md"


@pytest.fixture
def docs_copy(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    return docs


def _first_include(page):
    """The first `--8<-- "docs/snippets/..."` line of `page` and the path it names."""
    line = next(line for line in page.read_text(encoding="utf-8").split("\n") if INCLUDE.match(line))
    return line.strip(), INCLUDE.match(line).group("path")


def test_a_page_without_its_korean_version_is_named(docs_copy):
    (docs_copy / KOREAN_PAGE).unlink()
    found = missing_translations(docs_copy, LANGUAGES, docs_copy.parent)
    assert found == [f"docs/{PAGE} has no ko version: write docs/{KOREAN_PAGE}."], found


def test_a_korean_page_without_its_english_version_is_named(docs_copy):
    (docs_copy / PAGE).unlink()
    found = missing_translations(docs_copy, LANGUAGES, docs_copy.parent)
    assert found == [f"docs/{KOREAN_PAGE} has no en version: write docs/{PAGE}."], found


def test_code_copied_into_a_translation_is_named(docs_copy):
    page = docs_copy / KOREAN_PAGE
    include, snippet_path = _first_include(page)
    snippet = (ROOT / snippet_path).read_text(encoding="utf-8")  # includes resolve from the repository
    page.write_text(page.read_text(encoding="utf-8").replace(include, snippet, 1))
    found = code_differences(docs_copy, docs_copy.parent)
    assert found and found[0].startswith(f"docs/{KOREAN_PAGE}:") and "docs/snippets/components/loss/" in found[0], found


def test_a_translation_showing_other_code_is_named(docs_copy):
    page = docs_copy / KOREAN_PAGE
    include, _ = _first_include(page)
    page.write_text(page.read_text(encoding="utf-8").replace(include, "", 1))
    found = code_differences(docs_copy, docs_copy.parent)
    expected = f"docs/{KOREAN_PAGE} shows different code from docs/{PAGE}"
    assert any(line.startswith(expected) for line in found), found


def test_prose_in_a_snippet_file_is_named(docs_copy):
    _, snippet_path = _first_include(docs_copy / PAGE)
    snippet = docs_copy.parent / snippet_path
    snippet.write_text("The MSE, by hand:\n\n" + snippet.read_text(encoding="utf-8"))
    found = snippet_problems(docs_copy, docs_copy.parent)
    assert found == [found[0]] and found[0].startswith(f"{snippet_path}:1:"), found


def test_example_prose_with_a_cell_missing_is_named(tmp_path):
    shutil.copy(ROOT / "examples/outliers.py", tmp_path)
    overlay = (ROOT / "examples/outliers.ko.md").read_text(encoding="utf-8")
    (tmp_path / "outliers.ko.md").write_text(overlay.split("<!-- markdown cell 4 -->")[0], encoding="utf-8")
    found = example_prose_problems(tmp_path, LANGUAGES, tmp_path)
    assert len(found) == 1 and "outliers.ko.md" in found[0] and "translates 3" in found[0], found


# On the built site.


def _built_pages(site):
    """(language, built HTML) for every Markdown page and every example page."""
    pages = [(page_language(source), html) for source, html in markdown_pages(site)]
    for script in sorted((ROOT / "examples").glob("*.py")):
        for language in LANGUAGES:
            prefix = site if language == DEFAULT_LANGUAGE else site / language
            pages.append((language, prefix / "examples" / script.stem / "index.html"))
    return pages


def _counterpart(site, html, language):
    relative = html.relative_to(site)
    if relative.parts[0] in LANGUAGES:
        relative = relative.relative_to(relative.parts[0])
    return (site if language == DEFAULT_LANGUAGE else site / language) / relative


def test_language_switch_keeps_the_reader_on_the_same_page(built_site):
    for _, html in _built_pages(built_site):
        switch = {link["hreflang"]: link["href"] for link in parsed(html).select("a[hreflang]")}
        assert set(switch) == set(LANGUAGES), f"{html}: language switch offers {sorted(switch)}"
        for other, href in switch.items():
            target = (html.parent / href).resolve()
            target = target / "index.html" if href.endswith("/") else target
            assert target == _counterpart(built_site, html, other).resolve(), (
                f"{html.relative_to(built_site)}: the {other} link goes to {href}, not the same page"
            )


def test_no_page_sends_material_to_a_missing_sitemap(built_site):
    # Material fetches sitemap.xml below every head <link rel="alternate">; see overrides/main.html.
    for html in [*(html for _, html in _built_pages(built_site)), built_site / "404.html"]:
        links = parsed(html).select("head link[rel=alternate]")
        assert not links, f"{html.relative_to(built_site)}: {links}"


def test_every_page_declares_its_language(built_site):
    for language, html in _built_pages(built_site):
        assert parsed(html).html.get("lang") == language, f"{html.relative_to(built_site)}"


def test_korean_pages_are_in_korean_with_readable_anchors(built_site):
    for language, html in _built_pages(built_site):
        if language != "ko":
            continue
        soup = parsed(html)
        heading = soup.select_one("article h1").get_text()
        # A title may be a name written the same in both languages (Adam, ResNet); not an untranslated one.
        english = parsed(_counterpart(built_site, html, DEFAULT_LANGUAGE)).select_one("article h1").get_text()
        assert HANGUL.search(heading) or heading == english, f"{html.relative_to(built_site)}: h1 is not Korean"
        assert HANGUL.search(soup.select_one("article").get_text()), f"{html.relative_to(built_site)}: no Korean"
        for heading in soup.select("article h1, article h2, article h3"):
            if HANGUL.search(heading.get_text()):
                assert HANGUL.search(heading["id"]), f"{html.relative_to(built_site)}: anchor {heading['id']!r}"


def test_korean_example_pages_share_code_and_output_with_english(built_site):
    for script in sorted((ROOT / "examples").glob("*.py")):
        english = parsed(built_site / "examples" / script.stem / "index.html")
        korean = parsed(built_site / "ko" / "examples" / script.stem / "index.html")
        for part in ("article .nb-cell div.highlight pre", "article .jp-OutputArea-output pre"):
            shown_in_english = [block.get_text() for block in english.select(part)]
            assert shown_in_english, f"examples/{script.name}: no {part!r} on the English page"
            assert shown_in_english == [block.get_text() for block in korean.select(part)], (
                f"examples/{script.name}: {part} differs between languages"
            )
        prose = [_words(p) for p in korean.select("article p:not(.example-downloads)")]
        untranslated = [text for text in prose if text and not HANGUL.search(text)]
        assert prose and not untranslated, f"ko/examples/{script.stem}/: paragraphs not in Korean: {untranslated}"


def _words(paragraph) -> str:
    """A paragraph's text without its typeset math (a formula on its own reads the same in any language)."""
    paragraph = copy.copy(paragraph)  # the page's tree is shared (tests/support/built_html.py): change a copy
    for math in paragraph.select(".katex"):
        math.decompose()
    return paragraph.get_text(" ", strip=True)


# Korean words as they occur mid-sentence, with a particle or ending attached
# (손실을, 최대화하는, 직선을, 하강법(...), 규제는), and the page or section each must
# find among the first three results (pages whose title holds the word rank first).
KOREAN_SEARCHES = {
    "손실": "ko/components/loss/",
    "최대화": "ko/components/loss/#확률적-관점-최대-가능도",
    "직선": "ko/examples/outliers/",
    "하강법": "ko/components/optimization/",
    "규제": "ko/components/optimization/#규제",
    "likelihood": "components/loss/#probabilistic-maximum-likelihood",
}


def _search(site, *queries) -> dict[str, list[str]]:
    """Runs Material's own search worker (node) on the built index, as the browser would."""
    node = shutil.which("node")
    assert node, "Node.js is needed to run the site's search worker in this test: apt-get install nodejs"
    result = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "search_worker.js"), str(site), *queries],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_search_finds_korean_words_mid_sentence(built_site):
    found = _search(built_site, *KOREAN_SEARCHES)
    for query, location in KOREAN_SEARCHES.items():
        top = found[query][:3]
        assert any(hit.startswith(location) for hit in top), f"searching {query!r} found {top}, not {location}"


def test_an_english_glossary_term_finds_the_korean_pages_using_its_korean_rendering(built_site):
    """A reader on the Korean site types the English term; the hidden keyword line of each Korean page
    that uses the Korean rendering (sitebuild/glossary/terms.py) is what search finds."""
    found = _search(built_site, "cross-entropy", "overfitting")
    assert any(hit.startswith("ko/components/loss/") for hit in found["cross-entropy"]), found["cross-entropy"]
    using = [
        source
        for source in sorted((ROOT / "docs").rglob("*.ko.md"))
        if "과적합" in source.read_text(encoding="utf-8") and "snippets" not in source.parts
    ]
    assert using, "no Korean page says 과적합 any more; pick another term for this test"
    for source in using:
        location = "ko/" + source.relative_to(ROOT / "docs").as_posix().removesuffix(".ko.md") + "/"
        location = location.replace("/index/", "/")
        assert any(hit.startswith(location) for hit in found["overfitting"]), (location, found["overfitting"])
