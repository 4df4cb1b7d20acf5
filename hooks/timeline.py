"""Build the history pages from `docs/timeline.yml`, the one place milestone facts live.

The hook checks the data file when the site is built (a bad entry stops the build
with the file, the line, the entry and what is wrong) and generates from it:

* `<!-- timeline -->`: the timeline, a semantic `<ol>` of `<time>`-stamped entries;
* `<!-- timeline-components -->`: the table of which key component each milestone changed;
* `<!-- references -->`: every paper, grouped by milestone, each with an anchor;
* the title and fact header of every milestone page (its `page:` in the data file);
* `[cite:key]` or `[cite:key, Table 3]` in any page: "(Author et al., year)" linking to
  that paper on the references page.

Everything generated is in the language of the build: mkdocs-static-i18n builds the site
once per language and sets `theme.language` before the pages are built. The data file
gives each milestone's name, summary and components in English and, under a sub-map per
language (`ko:`), in that language; the words around them (labels, table header, the
references' layout) are in WORDS below. Paper titles and authors are not translated.

Without a data file the hook does nothing, unless a page asks for generated content.
"""

from __future__ import annotations

import dataclasses
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

DATA_FILE = "timeline.yml"  # relative to docs/
REFERENCES_PAGE = "references.md"
FIRST_YEAR, LAST_YEAR = 2012, 2020
COMPONENTS = ("data", "model", "loss", "optimization")  # the lecture's four, in its order

DEFAULT_LANGUAGE = "en"

MILESTONE_FIELDS = {"name", "year", "end_year", "components", "summary", "page", "example", "papers"}
MILESTONE_REQUIRED = MILESTONE_FIELDS - {"end_year"}
# A milestone's sub-map for another language (e.g. `ko:`): the same words, translated.
TRANSLATION_FIELDS = {"name", "summary", "components"}
TRANSLATION_REQUIRED = TRANSLATION_FIELDS - {"name"}  # the name only when it differs
PAPER_FIELDS = {"key", "title", "authors", "venue", "year", "arxiv", "url"}
PAPER_REQUIRED = PAPER_FIELDS - {"arxiv", "url"}  # and exactly one of those two
PAPER_KEY = re.compile(r"^[a-z][a-z-]*\d{4}[a-z]?$")  # first author + year, e.g. he2016
ARXIV_ID = re.compile(r"^(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}$")
MONTHS = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class Words:
    """Every word the hook writes around the data, in one language."""

    language_name: str  # in English, for error messages
    script: re.Pattern | None  # translated text must contain this script (None: the data's own language)
    script_name: str
    component_names: dict[str, str]  # badge and table column of each of COMPONENTS
    components_label: str  # what a screen reader hears for a timeline entry's badges
    milestone: str
    year: str
    paper: str
    also: str
    changed: str
    example: str
    back_to_timeline: str  # {first}, {last}
    discussed_on: str  # the references' line under each milestone heading: {link}
    paper_link: str  # link text for a paper with no arXiv id
    two_authors: str  # {0}, {1}: surnames
    et_al: str  # {0}: the first surname, or a list of names
    month_of_year: Callable[[int, int], str]  # (year, month) -> "December 2014"


WORDS = {
    "en": Words(
        language_name="English",
        script=None,
        script_name="",
        component_names={c: c for c in COMPONENTS},
        components_label="Key components it changed",
        milestone="Milestone",
        year="Year",
        paper="Paper",
        also="Also",
        changed="Changed",
        example="Example",
        back_to_timeline="All milestones, {first}–{last}",
        discussed_on="Discussed on {link}.",
        paper_link="paper",
        two_authors="{0} and {1}",
        et_al="{0} et al.",
        month_of_year=lambda year, month: f"{MONTHS[month - 1]} {year}",
    ),
    "ko": Words(
        language_name="Korean",
        script=re.compile(r"[\uac00-\ud7a3]"),
        script_name="Hangul",
        component_names={"data": "데이터", "model": "모델", "loss": "손실", "optimization": "최적화"},
        components_label="바꾼 구성 요소",
        milestone="이정표",
        year="연도",
        paper="논문",
        also="관련 논문",
        changed="바꾼 요소",
        example="예제",
        back_to_timeline="{first}–{last}년 이정표 전체 보기",
        discussed_on="{link} 페이지에서 다룹니다.",
        paper_link="논문",
        # "와/과" would depend on how the surname is pronounced; "&" reads the same in any case.
        two_authors="{0} & {1}",
        et_al="{0} 외",
        month_of_year=lambda year, month: f"{year}년 {month}월",
    ),
}
TRANSLATED_LANGUAGES = tuple(language for language in WORDS if language != DEFAULT_LANGUAGE)

MARKERS = ("<!-- timeline -->", "<!-- timeline-components -->", "<!-- references -->")
# [cite:he2016] or [cite:he2016, Table 3]
CITATION = re.compile(r"\[cite:\s*(?P<key>[^\],\s]*)\s*(?:,\s*(?P<where>[^\]]+?))?\s*\]")


class TimelineError(ValueError):
    """The data file or a page using it is wrong; the message says where and what to fix."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Paper:
    key: str
    title: str
    authors: tuple[str, ...]
    venue: str
    year: int
    arxiv: str | None
    url: str | None

    @property
    def link(self) -> str:
        return self.url or f"https://arxiv.org/abs/{self.arxiv}"

    @property
    def arxiv_date(self) -> tuple[int, int] | None:
        """(year, month) the arXiv id encodes, e.g. 1412.6980 -> (2014, 12)."""
        match = ARXIV_ID.match(self.arxiv or "")
        return (2000 + int(match["yy"]), int(match["mm"])) if match else None

    @property
    def first_appeared(self) -> int:
        return min(self.year, self.arxiv_date[0]) if self.arxiv_date else self.year

    def short_authors(self, words: Words) -> str:
        surnames = [name.split()[-1] for name in self.authors]
        if len(surnames) == 1:
            return surnames[0]
        if len(surnames) == 2:
            return words.two_authors.format(*surnames)
        return words.et_al.format(surnames[0])

    def listed_authors(self, words: Words) -> str:
        """All authors up to four; beyond that the first three (the references list them all)."""
        if len(self.authors) <= 4:
            return ", ".join(self.authors)
        return words.et_al.format(", ".join(self.authors[:3]))

    def citation(self, words: Words) -> str:
        return f"{self.short_authors(words)}, {self.year}"


@dataclass(frozen=True)
class Translation:
    """A milestone's words in another language; the name only when it differs."""

    name: str | None
    summary: str
    components: dict[str, str]


@dataclass(frozen=True)
class Milestone:
    name: str
    year: int
    end_year: int | None
    components: dict[str, str]
    summary: str
    page: str
    example: str
    papers: tuple[Paper, ...]
    line: int
    translations: dict[str, Translation] = dataclasses.field(default_factory=dict)

    @property
    def years(self) -> str:
        return f"{self.year}–{self.end_year}" if self.end_year else str(self.year)

    def in_language(self, language: str) -> Milestone:
        """This milestone with its name, summary and components in `language`."""
        if language == DEFAULT_LANGUAGE:
            return self
        translation = self.translations[language]
        return dataclasses.replace(
            self,
            name=translation.name or self.name,
            summary=translation.summary,
            components=translation.components,
        )


class _Problems:
    """Collects every problem so one build reports them all."""

    def __init__(self, shown_path: str):
        self.shown_path = shown_path
        self.messages: list[str] = []

    def add(self, line: int, entry: str | None, what: str) -> None:
        where = f"{self.shown_path}:{line}"
        self.messages.append(f"{where}: {entry}: {what}" if entry else f"{where}: {what}")

    def raise_if_any(self) -> None:
        if self.messages:
            raise TimelineError("\n".join(self.messages))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _fields(node, problems: _Problems, entry: str | None) -> dict[str, yaml.Node]:
    """The key nodes -> value nodes of a YAML mapping, reporting keys given twice."""
    fields: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if key_node.value in fields:
            problems.add(_line(key_node), entry, f"field '{key_node.value}' is given twice.")
        fields[key_node.value] = value_node
    return fields


def _text(loader, node, problems, entry, field) -> str | None:
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, str) or not value.strip():
        problems.add(_line(node), entry, f"'{field}' must be non-empty text, not {value!r}.")
        return None
    if "\n" in value.strip():
        problems.add(_line(node), entry, f"'{field}' must fit on one line.")
    return value.strip()


def _year(loader, node, problems, entry, field, earliest: int | None = None) -> int | None:
    """A year; from `earliest` to LAST_YEAR when given (a paper's venue year may be later)."""
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, int) or isinstance(value, bool):
        problems.add(_line(node), entry, f"'{field}' must be a year such as 2014, not {value!r}.")
        return None
    if earliest is not None and not earliest <= value <= LAST_YEAR:
        problems.add(
            _line(node), entry, f"{field} {value} is outside {earliest}–{LAST_YEAR}, the span this lecture covers."
        )
    return value


def _key_line(node: yaml.MappingNode, name: str) -> int:
    """The line of `name:` in a mapping (a mapping value starts on the line after its key)."""
    return next(_line(key) for key, _ in node.value if key.value == name)


def _check_unknown_and_missing(fields, known, required, node, problems, entry, what, line=None) -> None:
    """`line`: where to report a missing field (default: the mapping's first line)."""
    for name in fields:
        if name not in known:
            problems.add(
                _key_line(node, name), entry, f"unknown field '{name}' in {what}; expected {', '.join(sorted(known))}."
            )
    for name in sorted(required - fields.keys()):
        problems.add(line or _line(node), entry, f"{what} has no '{name}'.")


def _paper(loader, node, problems, entry) -> Paper | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(_line(node), entry, "each paper must be a mapping with key, title, authors, venue, year.")
        return None
    fields = _fields(node, problems, entry)
    _check_unknown_and_missing(fields, PAPER_FIELDS, PAPER_REQUIRED, node, problems, entry, "a paper")
    values = {}
    if "arxiv" in fields and not isinstance(loader.construct_object(fields["arxiv"]), str):
        problems.add(_line(fields["arxiv"]), entry, "write the arXiv id in quotes, or YAML reads it as a number.")
        values["arxiv"] = None
    for name in ("key", "title", "venue", "arxiv", "url"):
        if name in fields and name not in values:
            values[name] = _text(loader, fields[name], problems, entry, f"paper {name}")
    key = values.get("key")
    if key and not PAPER_KEY.match(key):
        problems.add(
            _line(fields["key"]), entry, f"paper key '{key}' should be the first author and year, like he2016."
        )
    if ("arxiv" in fields) == ("url" in fields):
        problems.add(_line(node), entry, f"paper '{key}' needs exactly one of 'arxiv' (an id) or 'url'.")
    if values.get("arxiv") and not ARXIV_ID.match(values["arxiv"]):
        problems.add(
            _line(fields["arxiv"]), entry, f'arXiv id {values["arxiv"]!r} should look like "1412.6980" (in quotes).'
        )
    if values.get("url") and not values["url"].startswith("https://"):
        problems.add(_line(fields["url"]), entry, f"url {values['url']!r} should start with https://.")
    authors = loader.construct_object(fields["authors"], deep=True) if "authors" in fields else None
    if "authors" in fields and (
        not isinstance(authors, list) or not authors or not all(isinstance(a, str) and a.strip() for a in authors)
    ):
        problems.add(_line(fields["authors"]), entry, "'authors' must be a list of names.")
        authors = None
    year = _year(loader, fields["year"], problems, entry, "paper year") if "year" in fields else None
    if None in (key, values.get("title"), values.get("venue"), authors, year):
        return None
    return Paper(
        key=key,
        title=values["title"],
        authors=tuple(authors),
        venue=values["venue"],
        year=year,
        arxiv=values.get("arxiv"),
        url=values.get("url"),
    )


def _milestone(loader, node, problems, docs_dir: Path, repo_root: Path) -> Milestone | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(_line(node), None, "each milestone must be a mapping (name: ..., year: ..., ...).")
        return None
    name_node = next((value for key, value in node.value if key.value == "name"), None)
    name = _text(loader, name_node, problems, None, "name") if name_node else None
    entry = f"milestone '{name}'" if name else "a milestone without a name"
    fields = _fields(node, problems, entry)
    known = MILESTONE_FIELDS | set(TRANSLATED_LANGUAGES)
    _check_unknown_and_missing(fields, known, MILESTONE_REQUIRED, node, problems, entry, "this milestone")

    year = _year(loader, fields["year"], problems, entry, "year", FIRST_YEAR) if "year" in fields else None
    end_year = None
    if "end_year" in fields:
        end_year = _year(loader, fields["end_year"], problems, entry, "end_year", earliest=(year or FIRST_YEAR) + 1)

    components: dict[str, str] = {}
    if "components" in fields:
        components = _components(loader, fields["components"], problems, entry)

    summary = _text(loader, fields["summary"], problems, entry, "summary") if "summary" in fields else None
    page = _text(loader, fields["page"], problems, entry, "page") if "page" in fields else None
    if page and not (page.endswith(".md") and (docs_dir / page).is_file()):
        problems.add(_line(fields["page"]), entry, f"page '{page}' is not a Markdown page in docs/.")
    example = _text(loader, fields["example"], problems, entry, "example") if "example" in fields else None
    if example and not (
        example.startswith("examples/") and example.endswith(".py") and (repo_root / example).is_file()
    ):
        problems.add(_line(fields["example"]), entry, f"example '{example}' is not a script in examples/.")

    papers: list[Paper] = []
    if "papers" in fields:
        papers_node = fields["papers"]
        if not isinstance(papers_node, yaml.SequenceNode) or not papers_node.value:
            problems.add(_line(papers_node), entry, "'papers' must be a list with the main paper first.")
        else:
            papers = [p for p in (_paper(loader, n, problems, entry) for n in papers_node.value) if p]
            if year and len(papers) == len(papers_node.value):
                earliest = min(papers, key=lambda p: p.first_appeared)
                if earliest.first_appeared != year:
                    source = f"arXiv {earliest.arxiv}" if earliest.arxiv else f"{earliest.venue} {earliest.year}"
                    problems.add(
                        _line(fields["year"]),
                        entry,
                        f"year {year}, but its earliest paper, {earliest.key}, appeared in "
                        f"{earliest.first_appeared} ({source}).",
                    )

    translations: dict[str, Translation] = {}
    english_components = _keys(fields.get("components"))
    for language in TRANSLATED_LANGUAGES:
        words = WORDS[language]
        if language not in fields:
            problems.add(
                _line(node),
                entry,
                f"this milestone has no '{language}': give its {words.language_name} summary and components "
                f"(and its name, if it differs) under '{language}:', as the other milestones do.",
            )
            continue
        translation = _translation(
            loader, fields[language], _key_line(node, language), problems, entry, language, name, english_components
        )
        if translation:
            translations[language] = translation

    if None in (name, year, summary, page, example) or not components or not papers or problems.messages:
        return None
    return Milestone(
        name=name,
        year=year,
        end_year=end_year,
        components=components,
        summary=summary,
        page=page,
        example=example,
        papers=tuple(papers),
        line=_line(node),
        translations=translations,
    )


def _keys(node) -> list[str]:
    """The keys a mapping node gives, in its order (none if it is not a mapping)."""
    return [key.value for key, _ in node.value] if isinstance(node, yaml.MappingNode) else []


def _components(loader, node, problems, entry, prefix="", expected=None, text=None, key_line=None) -> dict[str, str]:
    """A `components:` mapping, in the lecture's order. For a translation, `prefix` names it in
    messages, `expected` lists the English entry's components (it must give exactly those; a
    missing one is reported at `key_line`, the `components:` line), and `text` reads each value
    (checking the language's script)."""
    if text is None:

        def text(field, value_node):
            return _text(loader, value_node, problems, entry, field)

    if not isinstance(node, yaml.MappingNode) or not node.value:
        problems.add(
            _line(node), entry, f"{prefix}'components' must map some of {', '.join(COMPONENTS)} to a few words."
        )
        return {}
    components: dict[str, str] = {}
    given = _fields(node, problems, entry)
    for component, how_node in given.items():
        if component not in COMPONENTS:
            problems.add(
                _line(how_node), entry, f"{prefix}unknown component '{component}'; use {', '.join(COMPONENTS)}."
            )
        elif expected is not None and component not in expected:
            problems.add(
                _line(how_node),
                entry,
                f"{prefix}component '{component}' is not one this milestone changed "
                f"({', '.join(expected) or 'none given'}); remove it, or add it to 'components' in English too.",
            )
        how = text(f"{prefix}components: {component}", how_node)
        if component in COMPONENTS and how:
            components[component] = how
    for component in expected or ():
        if component not in given:
            problems.add(
                key_line or _line(node),
                entry,
                f"{prefix}components has no '{component}'; translate 'components: {component}' here too.",
            )
    # Keep the lecture's order whatever order the file uses.
    return {c: components[c] for c in COMPONENTS if c in components}


def _translation(
    loader, node, key_line, problems, entry, language, english_name, english_components
) -> Translation | None:
    """A milestone's `ko:` (or other language's) sub-map, checked like the English fields."""
    words = WORDS[language]
    prefix = f"{language}: "
    if not isinstance(node, yaml.MappingNode):
        problems.add(
            key_line, entry, f"'{language}' must be a mapping with summary, components and (if it differs) name."
        )
        return None
    fields = _fields(node, problems, entry)
    what = f"its '{language}' translation"
    _check_unknown_and_missing(fields, TRANSLATION_FIELDS, TRANSLATION_REQUIRED, node, problems, entry, what, key_line)

    def translated_text(field: str, value_node) -> str | None:
        text = _text(loader, value_node, problems, entry, field)
        if text and words.script and not words.script.search(text):
            problems.add(
                _line(value_node),
                entry,
                f"{field} has no {words.language_name} ({words.script_name}) in it: {text!r}; translate it.",
            )
        return text

    name = _text(loader, fields["name"], problems, entry, f"{prefix}name") if "name" in fields else None
    if name and name == english_name:
        problems.add(
            _line(fields["name"]), entry, f"{prefix}name is the English name; leave it out, the English one is used."
        )
    summary = translated_text(f"{prefix}summary", fields["summary"]) if "summary" in fields else None
    components: dict[str, str] = {}
    if "components" in fields:
        components = _components(
            loader,
            fields["components"],
            problems,
            entry,
            prefix,
            english_components,
            translated_text,
            _key_line(node, "components"),
        )
    if summary is None or not components:  # (any other problem drops the whole milestone)
        return None
    return Translation(name=name, summary=summary, components=components)


def load_timeline(path: Path, docs_dir: Path, repo_root: Path, shown_path: str | None = None) -> list[Milestone]:
    """Read and check the data file; raise TimelineError naming every problem."""
    problems = _Problems(shown_path or str(path))
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            problems.add(mark.line + 1 if mark else 1, None, f"not valid YAML: {error.problem or error}")
            problems.raise_if_any()
        if not isinstance(root, yaml.MappingNode) or "milestones" not in {k.value for k, _ in root.value}:
            problems.add(1, None, "the file must have a top-level 'milestones:' list.")
            problems.raise_if_any()
        top = _fields(root, problems, None)
        for name, node in top.items():
            if name != "milestones":
                problems.add(_line(node), None, f"unknown top-level field '{name}'; only 'milestones' is read.")
        sequence = top["milestones"]
        if not isinstance(sequence, yaml.SequenceNode) or not sequence.value:
            problems.add(_line(sequence), None, "'milestones' must be a non-empty list.")
            problems.raise_if_any()

        milestones: list[Milestone] = []
        for node in sequence.value:
            before = len(problems.messages)
            entry_problems = _Problems(problems.shown_path)
            milestone = _milestone(loader, node, entry_problems, docs_dir, repo_root)
            problems.messages += entry_problems.messages
            if milestone and len(problems.messages) == before:
                milestones.append(milestone)
    finally:
        loader.dispose()

    _check_across_entries(milestones, problems)
    problems.raise_if_any()
    return milestones


def _check_across_entries(milestones: list[Milestone], problems: _Problems) -> None:
    """Duplicates and order: what no single entry can know about itself."""
    first_seen: dict[tuple[str, str], Milestone] = {}
    previous = None
    for milestone in milestones:
        entry = f"milestone '{milestone.name}'"
        values = [("name", milestone.name), ("page", milestone.page), ("example", milestone.example)]
        values += [("paper key", paper.key) for paper in milestone.papers]
        values += [(f"{language}: name", t.name) for language, t in milestone.translations.items() if t.name]
        for field, value in values:
            earlier = first_seen.setdefault((field, value.lower()), milestone)
            if earlier is not milestone:
                problems.add(
                    milestone.line,
                    entry,
                    f"duplicate {field} '{value}': milestone '{earlier.name}' (line {earlier.line}) has it already.",
                )
        if previous and milestone.year < previous.year:
            problems.add(
                milestone.line,
                entry,
                f"year {milestone.year} comes after {previous.name} ({previous.year}); keep the entries in "
                "chronological order, the timeline follows the file.",
            )
        previous = milestone


# ---------------------------------------------------------------------- rendering
#
# The renderers take milestones already in the page's language (Milestone.in_language)
# and that language's Words.


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


# ---------------------------------------------------------------- MkDocs events

_milestones: list[Milestone] | None = None


def _relative_md_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def on_config(config):
    global _milestones
    docs_dir = Path(config["docs_dir"])
    path = docs_dir / DATA_FILE
    _milestones = None
    if path.is_file():
        repo_root = Path(config["config_file_path"]).parent
        shown = path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else str(path)
        try:
            _milestones = load_timeline(path, docs_dir, repo_root, shown)
        except TimelineError as error:
            raise PluginError(f"The timeline data is wrong; fix it and build again:\n{error}") from None
    return config


def _page_problem(page, markdown: str, offset: int, what: str) -> PluginError:
    line = markdown.count("\n", 0, offset) + 1
    return PluginError(f"docs/{page.file.src_uri}:{line}: {what}")


def build_language(config) -> str:
    """The language this build writes: mkdocs-static-i18n sets theme.language for each of its builds."""
    language = config["theme"]["language"]
    if language not in WORDS:
        raise PluginError(
            f"hooks/timeline.py has no words for the site language '{language}' "
            f"(it knows {', '.join(WORDS)}): add them to WORDS, and a '{language}:' sub-map to each "
            f"milestone in docs/{DATA_FILE}."
        )
    return language


def on_page_markdown(markdown, page, config, files):
    # The file's path in the data's terms: a translated page (history/dqn.ko.md) stands for
    # its English path (history/dqn.md); messages still name the real file.
    src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
    if _milestones is None:
        for marker in (*MARKERS, "[cite:"):
            if marker in markdown:
                raise _page_problem(page, markdown, markdown.index(marker), f"{marker} needs docs/{DATA_FILE}.")
        return markdown

    language = build_language(config)
    words = WORDS[language]
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
        return _relative_md_link(src, milestone.page)

    papers = {paper.key: paper for m in milestones for paper in m.papers}

    def cite(match: re.Match) -> str:
        paper = papers.get(match["key"])
        if paper is None:
            raise _page_problem(
                page,
                markdown,
                match.start(),
                f"{match[0]} names no paper in docs/{DATA_FILE}; known keys: " + ", ".join(sorted(papers)) + ".",
            )
        where = f", {match['where']}" if match["where"] else ""
        return f"([{paper.citation(words)}]({_relative_md_link(src, REFERENCES_PAGE)}#{paper.key}){where})"

    markdown = CITATION.sub(cite, markdown)
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
        example_link = f"({_relative_md_link(src, milestone.example)})"
        if example_link not in markdown:
            raise _page_problem(
                page, markdown, 0, f"the page never links to its example: add a link like [the example]{example_link}."
            )
        timeline_page = posixpath.join(posixpath.dirname(milestone.page), "index.md")
        timeline_url = url_of(timeline_page) if files.get_file_from_path(timeline_page) else url_of("index.md")
        markdown = render_header(milestone, url_of(milestone.example), timeline_url, words) + "\n" + markdown
    return markdown
