"""Checks that keep the English and Korean sites in step, naming the file to fix.

A page exists in every language or in none; the code a page shows is the same
in every language and written once, in a snippet file under docs/snippets/
that both pages include; every example has its prose in every language.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild.example_prose import markdown_cell_count, overlay_path, translated_cells
from tests.support.markdown_fences import NOTEST_REASON, normalise, own_python_fences, python_fences
from tests.support.site_build import DEFAULT_LANGUAGE, page_language, page_sources


def page_key(source: Path, docs_dir: Path) -> str:
    """`loss.ko.md` and `loss.md` are the same page: `loss.md`."""
    relative = source.relative_to(docs_dir)
    return relative.with_name(relative.name.split(".")[0] + ".md").as_posix()


def pages_by_language(docs_dir: Path) -> dict[str, dict[str, Path]]:
    pages: dict[str, dict[str, Path]] = defaultdict(dict)
    for source in page_sources(docs_dir):
        pages[page_key(source, docs_dir)][page_language(source)] = source
    return pages


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def missing_translations(docs_dir: Path, languages: list[str], root: Path) -> list[str]:
    found = []
    for key, versions in sorted(pages_by_language(docs_dir).items()):
        for language in languages:
            if language not in versions:
                have = ", ".join(_name(path, root) for path in versions.values())
                wanted = key if language == DEFAULT_LANGUAGE else key.removesuffix(".md") + f".{language}.md"
                found.append(f"{have} has no {language} version: write {_name(docs_dir, root)}/{wanted}.")
    return found


def code_differences(docs_dir: Path, root: Path) -> list[str]:
    """Pages whose languages show different Python code, or write code inline instead of including it."""
    found = []
    for key, versions in sorted(pages_by_language(docs_dir).items()):
        if len(versions) < 2:
            continue
        for source in versions.values():
            for fence in own_python_fences(source):
                found.append(
                    f"{_name(source, root)}:{fence.line}: a translated page includes its code instead of "
                    f"copying it: move this fence to docs/snippets/{Path(key).with_suffix('').as_posix()}/<name>.md "
                    "and put '--8<-- \"docs/snippets/...\"' in every language's page."
                )
        reference_language = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in versions else sorted(versions)[0]
        reference = versions[reference_language]
        expected = [normalise(fence.code) for fence in python_fences(reference)]
        for _, source in sorted(versions.items()):
            shown = [normalise(fence.code) for fence in python_fences(source)]
            if shown != expected:
                found.append(
                    f"{_name(source, root)} shows different code from {_name(reference, root)} "
                    f"({len(shown)} Python blocks vs {len(expected)}): include the same snippet files, "
                    "in the same order, in both languages."
                )
    return found


def snippet_problems(docs_dir: Path, root: Path) -> list[str]:
    """Snippet files hold code only (their text would be in one language on both pages)."""
    found = []
    for snippet in sorted((docs_dir / "snippets").rglob("*.md")):
        in_fence = False
        for number, line in enumerate(snippet.read_text(encoding="utf-8").split("\n"), 1):
            if line.lstrip().startswith("```"):
                in_fence = not in_fence
            elif not in_fence and line.strip() and not NOTEST_REASON.search(line):
                found.append(
                    f"{_name(snippet, root)}:{number}: snippet files hold code fences only; "
                    "move this text to the pages that include the snippet, in each language."
                )
                break
    return found


def example_prose_problems(examples_dir: Path, languages: list[str], root: Path) -> list[str]:
    found = []
    for script in sorted(examples_dir.glob("*.py")):
        for language in languages:
            if language == DEFAULT_LANGUAGE:
                continue
            overlay = overlay_path(script, language)
            if not overlay.is_file():
                found.append(f"{_name(script, root)} has no {language} prose: write {_name(overlay, root)}.")
                continue
            try:
                translated_cells(overlay, markdown_cell_count(script))
            except PluginError as error:
                found.append(str(error).replace(str(root) + "/", ""))
    return found
