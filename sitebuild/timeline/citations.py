"""`[cite:he2016]` or `[cite:he2016, Table 3]` in a page: "(He et al., 2016, Table 3)", linking to the
paper on the references page. On a translated page the locator is written in its language from the
one table in sitebuild/words.py: `[cite:he2016, Section 4.1]` is "(He 외, 2016, 4.1절)" in Korean."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from sitebuild.timeline.data import Paper
from sitebuild.words import Words

CITATION = re.compile(r"\[cite:\s*(?P<key>[^\],\s]*)\s*(?:,\s*(?P<where>[^\]]+?))?\s*\]")
REFERENCES_PAGE = "references.md"
# "Section 4.1", "Table 2.1", "Appendix B", "p. 7", "pp. 3-5", "Eq. 2", joined by "and" or commas.
LOCATOR = re.compile(r"(?P<word>[A-Z][a-z]*\.?|pp?\.)\s*(?P<n>[A-Z]?\d+(?:[.\-–]\d+)*[a-z]?|[A-Z])")
JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\s*")


def relative_md_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def localize_locator(where: str, words: Words) -> str | None:
    """`where` in the page's language, or None when a part of it is not in the table."""
    if not words.locators or (words.script and words.script.search(where)):
        return where  # English, or already written in the page's language ("표 3")
    parts = []
    for part in JOINER.split(where.strip()):
        match = LOCATOR.fullmatch(part)
        if not match or match["word"] not in words.locators:
            return None
        parts.append(words.locators[match["word"]].format(n=match["n"]))
    # "그림 2, 표 3 및 4절": commas between the first ones, the language's "and" before the last.
    return ", ".join(parts[:-1]) + words.locators_joined_by + parts[-1] if len(parts) > 1 else parts[0]


def expand_citations(
    markdown: str, papers: dict[str, Paper], words: Words, page_path: str, problem: Callable[[int, str], Exception]
) -> str:
    """Every citation of `markdown` as a Markdown link; `problem(offset, what)` makes the error for a bad key
    or a locator the language's table cannot write."""

    def cite(match: re.Match) -> str:
        paper = papers.get(match["key"])
        if paper is None:
            raise problem(
                match.start(),
                f"{match[0]} names no paper in docs/timeline.yml; known keys: " + ", ".join(sorted(papers)) + ".",
            )
        where = ""
        if match["where"]:
            localized = localize_locator(match["where"], words)
            if localized is None:
                raise problem(
                    match.start(),
                    f"{match[0]}: cannot write the locator {match['where']!r} in {words.language_name}. Write it "
                    f"as locators joined by 'and' ({', '.join(words.locators)}, each followed by its number), "
                    "or add the word to `locators` in sitebuild/words.py.",
                )
            where = f", {localized}"
        return f"([{paper.citation(words)}]({relative_md_link(page_path, REFERENCES_PAGE)}#{paper.key}){where})"

    return CITATION.sub(cite, markdown)
