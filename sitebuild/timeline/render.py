"""Turn the milestones into HTML and Markdown: the timeline, the components table, the
references and each milestone page's header.

The renderers take milestones already in the page's language (Milestone.in_language)
and that language's Words.
"""

from __future__ import annotations

import html
import posixpath

from sitebuild.timeline.data import COMPONENTS, FIRST_YEAR, LAST_YEAR, Milestone, Paper
from sitebuild.words import DEFAULT_LANGUAGE, WORDS, Words


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _time(year: int) -> str:
    return f'<time datetime="{year}">{year}</time>'


def _years_html(milestone: Milestone) -> str:
    if milestone.end_year:
        return f"{_time(milestone.year)}–{_time(milestone.end_year)}"
    return _time(milestone.year)


def _cite(title: str, words: Words) -> str:
    """A paper title, marked as English on a page in another language (screen readers switch voice)."""
    lang = "" if words is WORDS[DEFAULT_LANGUAGE] else f' lang="{DEFAULT_LANGUAGE}"'
    return f"<cite{lang}>{_esc(title)}</cite>"


def _component_list(milestone: Milestone, words: Words) -> str:
    items = "".join(
        f'<li class="timeline__component timeline__component--{c}">{_esc(words.component_names[c])}</li>'
        for c in milestone.components
    )
    return f'<ul class="timeline__components" aria-label="{_esc(words.components_label)}">{items}</ul>'


def render_timeline(milestones: list[Milestone], url_of_page, words: Words = WORDS[DEFAULT_LANGUAGE]) -> str:
    """The timeline as one HTML block: an ordered list, oldest first."""
    entries = []
    for milestone in milestones:
        main = milestone.papers[0]
        entries.append(
            '<li class="timeline__entry">'
            f'<p class="timeline__year">{_years_html(milestone)}</p>'
            '<div class="timeline__card">'
            # A paragraph, not a heading: the list already groups the entries, and a heading
            # would need an id and a permalink, a second link in a card that is one link.
            f'<p class="timeline__name"><a href="{_esc(url_of_page(milestone))}">{_esc(milestone.name)}</a></p>'
            f'<p class="timeline__summary">{_esc(milestone.summary)}</p>'
            f'<p class="timeline__paper">{_cite(main.title, words)} · {_esc(main.short_authors(words))}, '
            f"{_esc(main.venue)} {main.year}</p>"
            f"{_component_list(milestone, words)}"
            "</div></li>"
        )
    return '<ol class="timeline">' + "".join(entries) + "</ol>"


def components_table_header(words: Words) -> list[str]:
    """The table's column names: milestone, year, then the four components."""
    return [words.milestone, words.year] + [words.component_names[c].capitalize() for c in COMPONENTS]


def render_components_table(milestones: list[Milestone], url_of_page, words: Words = WORDS[DEFAULT_LANGUAGE]) -> str:
    """One row per milestone, one column per key component. Each cell carries its
    column's name, so on a phone the rows can stack into cards (timeline.css)."""
    header = components_table_header(words)
    head = "".join(f'<th scope="col">{_esc(c)}</th>' for c in header)
    rows = []
    for milestone in milestones:
        cells = [_years_html(milestone)] + [_esc(milestone.components.get(c, "")) for c in COMPONENTS]
        rows.append(
            f'<tr><th scope="row"><a href="{_esc(url_of_page(milestone))}">{_esc(milestone.name)}</a></th>'
            + "".join(f'<td data-label="{_esc(label)}">{cell}</td>' for label, cell in zip(header[1:], cells))
            + "</tr>"
        )
    return (
        '<div class="components-table"><table>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table></div>"
    )


def _arxiv_month(paper: Paper, words: Words) -> str:
    year, month = paper.arxiv_date
    return words.month_of_year(year, month)


def _paper_html(paper: Paper, words: Words) -> str:
    arxiv = ""
    if paper.arxiv:
        arxiv = f' · <a href="{_esc(paper.link)}">arXiv:{_esc(paper.arxiv)}</a> ({_esc(_arxiv_month(paper, words))})'
    link = "" if paper.arxiv else f' · <a href="{_esc(paper.link)}">{_esc(words.paper_link)}</a>'
    return (
        f'<li id="{_esc(paper.key)}">{_esc(", ".join(paper.authors))}. '
        f"{_cite(paper.title, words)}. {_esc(paper.venue)}, {paper.year}{arxiv}{link}</li>"
    )


def render_references(milestones: list[Milestone], link_to_page, words: Words = WORDS[DEFAULT_LANGUAGE]) -> str:
    """Markdown: a heading per milestone (it joins the page's table of contents), then its papers."""
    parts = []
    for milestone in milestones:
        parts.append(f"## {milestone.years}: {milestone.name}\n")
        parts.append(words.discussed_on.format(link=f"[{milestone.name}]({link_to_page(milestone)})") + "\n")
        parts.append(
            '<ul class="references-list">' + "".join(_paper_html(p, words) for p in milestone.papers) + "</ul>\n"
        )
    return "\n".join(parts)


def render_header(
    milestone: Milestone, url_of_example: str, url_of_timeline: str, words: Words = WORDS[DEFAULT_LANGUAGE]
) -> str:
    """The page title and its fact box, all from the data file."""
    main, *others = milestone.papers
    arxiv = f" (arXiv:{_esc(main.arxiv)}, {_esc(_arxiv_month(main, words))})" if main.arxiv else ""
    also = "".join(
        f'<dd><a href="{_esc(p.link)}">{_cite(p.title, words)}</a>, {_esc(p.short_authors(words))}, '
        f"{_esc(p.venue)} {p.year}</dd>"
        for p in others
    )
    changed = "".join(
        f'<dd><span class="timeline__component timeline__component--{c}">{_esc(words.component_names[c])}</span> '
        f"{_esc(how)}</dd>"
        for c, how in milestone.components.items()
    )
    example = posixpath.basename(milestone.example)
    back = words.back_to_timeline.format(first=FIRST_YEAR, last=LAST_YEAR)
    facts = (
        '<dl class="milestone-facts">'
        f"<dt>{_esc(words.year)}</dt><dd>{_years_html(milestone)}</dd>"
        f'<dt>{_esc(words.paper)}</dt><dd><a href="{_esc(main.link)}">{_cite(main.title, words)}</a>, '
        f"{_esc(main.listed_authors(words).removesuffix('.'))}. {_esc(main.venue)} {main.year}{arxiv}</dd>"
        + (f"<dt>{_esc(words.also)}</dt>{also}" if others else "")
        + f"<dt>{_esc(words.changed)}</dt>{changed}"
        f'<dt>{_esc(words.example)}</dt><dd><a href="{_esc(url_of_example)}"><code>{_esc(example)}</code></a></dd>'
        "</dl>"
        f'<p class="milestone-facts__back"><a href="{_esc(url_of_timeline)}">{_esc(back)}</a></p>'
    )
    return f"# {milestone.name}\n\n{facts}\n"
