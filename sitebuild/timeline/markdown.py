"""Put the milestones on the pages: expand the markers, the citations and each milestone page's header.

* `<!-- timeline -->`: the timeline, a semantic `<ol>` of `<time>`-stamped entries;
* `<!-- timeline-components -->`: the table of which key component each milestone changed;
* `<!-- references -->`: every paper, grouped by milestone, each with an anchor;
* the title and fact header of every milestone page (its `page:` in the data file);
* `[cite:key]` or `[cite:key, Table 3]` anywhere (see citations.py).

Everything generated is in the language of the build. Without a data file nothing is
generated, and a page that asks for generated content stops the build.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import site
from sitebuild.timeline.citations import expand_citations, relative_md_link
from sitebuild.timeline.data import DATA_FILE, Milestone, TimelineError, load_timeline
from sitebuild.timeline.render import render_components_table, render_header, render_references, render_timeline
from sitebuild.words import DEFAULT_LANGUAGE, words_for

MARKERS = ("<!-- timeline -->", "<!-- timeline-components -->", "<!-- references -->")

_milestones: list[Milestone] | None = None
_read: dict = {}  # the data file's path and stat when last read: `make serve` re-reads it only when it changed


def load(config) -> None:
    """Read and check the data file once per build; a mistake stops the build before any page."""
    global _milestones
    docs_dir = Path(config["docs_dir"])
    path = docs_dir / DATA_FILE
    if not path.is_file():
        _milestones, _read["key"] = None, None
        return
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if _read.get("key") == key:
        return
    repo_root = site.repo_root(config)
    shown = path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else str(path)
    _milestones, _read["key"] = None, None
    try:
        _milestones = load_timeline(path, docs_dir, repo_root, shown)
    except TimelineError as error:
        raise PluginError(f"The timeline data is wrong; fix it and build again:\n{error}") from None
    _read["key"] = key


def _page_problem(page, markdown: str, offset: int, what: str) -> PluginError:
    line = markdown.count("\n", 0, offset) + 1
    return PluginError(f"docs/{page.file.src_uri}:{line}: {what}")


def expand(markdown: str, page, config, files) -> str:
    # The file's path in the data's terms: a translated page (history/dqn.ko.md) stands for
    # its English path (history/dqn.md); messages still name the real file.
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    if _milestones is None:
        for marker in (*MARKERS, "[cite:"):
            if marker in markdown:
                raise _page_problem(page, markdown, markdown.index(marker), f"{marker} needs docs/{DATA_FILE}.")
        return markdown

    language = site.language(config)
    words = words_for(language)
    milestones = [m.in_language(language) for m in _milestones]

    # Links to other pages of the same language: in a translated build the site's
    # Files return the translation for the English path.
    def url_of(target: str) -> str:
        file = files.get_file_from_path(target)
        if file is None:
            stem, suffix = posixpath.splitext(target)
            translation = "" if language == DEFAULT_LANGUAGE else f" (its translation is {stem}.{language}{suffix})"
            raise _page_problem(
                page,
                markdown,
                0,
                f"the generated content links to {target}, which the {words.language_name} "
                f"build has no page for{translation}; docs/{DATA_FILE} names it.",
            )
        return file.url_relative_to(page.file)

    def link_to_page(milestone: Milestone) -> str:
        return relative_md_link(src, milestone.page)

    papers = {paper.key: paper for m in milestones for paper in m.papers}
    markdown = expand_citations(
        markdown, papers, words, src, lambda offset, what: _page_problem(page, markdown, offset, what)
    )
    markdown = markdown.replace(MARKERS[0], render_timeline(milestones, lambda m: url_of(m.page), words))
    markdown = markdown.replace(MARKERS[1], render_components_table(milestones, lambda m: url_of(m.page), words))
    markdown = markdown.replace(MARKERS[2], render_references(milestones, link_to_page, words))

    milestone = next((m for m in milestones if m.page == src), None)
    if milestone:
        heading = re.search(r"^# ", markdown, re.M)
        if heading:
            raise _page_problem(
                page,
                markdown,
                heading.start(),
                f"a milestone page takes its title from docs/{DATA_FILE} ('{milestone.name}'); remove this '# ' line.",
            )
        example_link = f"({relative_md_link(src, milestone.example)})"
        if example_link not in markdown:
            raise _page_problem(
                page, markdown, 0, f"the page never links to its example: add a link like [the example]{example_link}."
            )
        timeline_page = posixpath.join(posixpath.dirname(milestone.page), "index.md")
        timeline_url = url_of(timeline_page) if files.get_file_from_path(timeline_page) else url_of("index.md")
        markdown = render_header(milestone, url_of(milestone.example), timeline_url, words) + "\n" + markdown
    return markdown
