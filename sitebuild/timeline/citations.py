"""`[cite:he2016]` or `[cite:he2016, Table 3]` in a page: "(He et al., 2016, Table 3)", linking to the
paper on the references page."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from sitebuild.timeline.data import Paper
from sitebuild.words import Words

CITATION = re.compile(r"\[cite:\s*(?P<key>[^\],\s]*)\s*(?:,\s*(?P<where>[^\]]+?))?\s*\]")
REFERENCES_PAGE = "references.md"


def relative_md_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def expand_citations(
    markdown: str, papers: dict[str, Paper], words: Words, page_path: str, problem: Callable[[int, str], Exception]
) -> str:
    """Every citation of `markdown` as a Markdown link; `problem(offset, what)` makes the error for a bad key."""

    def cite(match: re.Match) -> str:
        paper = papers.get(match["key"])
        if paper is None:
            raise problem(
                match.start(),
                f"{match[0]} names no paper in docs/timeline.yml; known keys: " + ", ".join(sorted(papers)) + ".",
            )
        where = f", {match['where']}" if match["where"] else ""
        return f"([{paper.citation(words)}]({relative_md_link(page_path, REFERENCES_PAGE)}#{paper.key}){where})"

    return CITATION.sub(cite, markdown)
