"""Read and check `docs/timeline.yml`, the one place milestone facts live.

A bad entry stops the build with the file, the line, the entry and what is wrong; every
problem in the file is reported at once. The data gives each milestone's name, summary
and components in English and, under a sub-map per language (`ko:`), in that language.
Paper titles and authors are not translated.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild.words import DEFAULT_LANGUAGE, TRANSLATED_LANGUAGES, WORDS, Words
from sitebuild.yaml_data import (
    Problems,
    check_fields,
    key_line,
    line,
    mapping_fields,
    node_tree,
    one_line_text,
    top_level_list,
    untranslated,
)

DATA_FILE = "timeline.yml"  # relative to docs/
FIRST_YEAR, LAST_YEAR = 2012, 2020
COMPONENTS = ("data", "model", "loss", "optimization")  # the lecture's four, in its order

MILESTONE_FIELDS = {"name", "year", "end_year", "components", "summary", "page", "example", "papers"}
MILESTONE_REQUIRED = MILESTONE_FIELDS - {"end_year"}
# A milestone's sub-map for another language (e.g. `ko:`): the same words, translated.
TRANSLATION_FIELDS = {"name", "summary", "components"}
TRANSLATION_REQUIRED = TRANSLATION_FIELDS - {"name"}  # the name only when it differs
PAPER_FIELDS = {"key", "title", "authors", "venue", "year", "arxiv", "url"}
PAPER_REQUIRED = PAPER_FIELDS - {"arxiv", "url"}  # and exactly one of those two
PAPER_KEY = re.compile(r"^[a-z][a-z-]*\d{4}[a-z]?$")  # first author + year, e.g. he2016
ARXIV_ID = re.compile(r"^(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}$")


class TimelineError(ValueError):
    """The data file or a page using it is wrong; the message says where and what to fix."""


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


def _year(loader, node, problems, entry, field, earliest: int | None = None) -> int | None:
    """A year; from `earliest` to LAST_YEAR when given (a paper's venue year may be later)."""
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, int) or isinstance(value, bool):
        problems.add(line(node), entry, f"'{field}' must be a year such as 2014, not {value!r}.")
        return None
    if earliest is not None and not earliest <= value <= LAST_YEAR:
        problems.add(
            line(node), entry, f"{field} {value} is outside {earliest}–{LAST_YEAR}, the span this lecture covers."
        )
    return value


def _paper(loader, node, problems, entry) -> Paper | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(line(node), entry, "each paper must be a mapping with key, title, authors, venue, year.")
        return None
    fields = mapping_fields(node, problems, entry)
    check_fields(fields, node, problems, entry, "a paper", PAPER_FIELDS, PAPER_REQUIRED)
    values = {}
    if "arxiv" in fields and not isinstance(loader.construct_object(fields["arxiv"]), str):
        problems.add(line(fields["arxiv"]), entry, "write the arXiv id in quotes, or YAML reads it as a number.")
        values["arxiv"] = None
    for name in ("key", "title", "venue", "arxiv", "url"):
        if name in fields and name not in values:
            values[name] = one_line_text(loader, fields[name], problems, entry, f"paper {name}")
    key = values.get("key")
    if key and not PAPER_KEY.match(key):
        problems.add(line(fields["key"]), entry, f"paper key '{key}' should be the first author and year, like he2016.")
    if ("arxiv" in fields) == ("url" in fields):
        problems.add(line(node), entry, f"paper '{key}' needs exactly one of 'arxiv' (an id) or 'url'.")
    if values.get("arxiv") and not ARXIV_ID.match(values["arxiv"]):
        problems.add(
            line(fields["arxiv"]), entry, f'arXiv id {values["arxiv"]!r} should look like "1412.6980" (in quotes).'
        )
    if values.get("url") and not values["url"].startswith("https://"):
        problems.add(line(fields["url"]), entry, f"url {values['url']!r} should start with https://.")
    authors = loader.construct_object(fields["authors"], deep=True) if "authors" in fields else None
    if "authors" in fields and (
        not isinstance(authors, list) or not authors or not all(isinstance(a, str) and a.strip() for a in authors)
    ):
        problems.add(line(fields["authors"]), entry, "'authors' must be a list of names.")
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
        problems.add(line(node), None, "each milestone must be a mapping (name: ..., year: ..., ...).")
        return None
    name_node = next((value for key, value in node.value if key.value == "name"), None)
    name = one_line_text(loader, name_node, problems, None, "name") if name_node else None
    entry = f"milestone '{name}'" if name else "a milestone without a name"
    fields = mapping_fields(node, problems, entry)
    known = MILESTONE_FIELDS | set(TRANSLATED_LANGUAGES)
    check_fields(fields, node, problems, entry, "this milestone", known, MILESTONE_REQUIRED)

    year = _year(loader, fields["year"], problems, entry, "year", FIRST_YEAR) if "year" in fields else None
    end_year = None
    if "end_year" in fields:
        end_year = _year(loader, fields["end_year"], problems, entry, "end_year", earliest=(year or FIRST_YEAR) + 1)

    components: dict[str, str] = {}
    if "components" in fields:
        components = _components(loader, fields["components"], problems, entry)

    summary = one_line_text(loader, fields["summary"], problems, entry, "summary") if "summary" in fields else None
    page = one_line_text(loader, fields["page"], problems, entry, "page") if "page" in fields else None
    if page and not (page.endswith(".md") and (docs_dir / page).is_file()):
        problems.add(line(fields["page"]), entry, f"page '{page}' is not a Markdown page in docs/.")
    example = one_line_text(loader, fields["example"], problems, entry, "example") if "example" in fields else None
    if example and not (
        example.startswith("examples/") and example.endswith(".py") and (repo_root / example).is_file()
    ):
        problems.add(line(fields["example"]), entry, f"example '{example}' is not a script in examples/.")

    papers: list[Paper] = []
    if "papers" in fields:
        papers_node = fields["papers"]
        if not isinstance(papers_node, yaml.SequenceNode) or not papers_node.value:
            problems.add(line(papers_node), entry, "'papers' must be a list with the main paper first.")
        else:
            papers = [p for p in (_paper(loader, n, problems, entry) for n in papers_node.value) if p]
            if year and len(papers) == len(papers_node.value):
                earliest = min(papers, key=lambda p: p.first_appeared)
                if earliest.first_appeared != year:
                    source = f"arXiv {earliest.arxiv}" if earliest.arxiv else f"{earliest.venue} {earliest.year}"
                    problems.add(
                        line(fields["year"]),
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
                line(node),
                entry,
                f"this milestone has no '{language}': give its {words.language_name} summary and components "
                f"(and its name, if it differs) under '{language}:', as the other milestones do.",
            )
            continue
        translation = _translation(
            loader, fields[language], key_line(node, language), problems, entry, language, name, english_components
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
        line=line(node),
        translations=translations,
    )


def _keys(node) -> list[str]:
    """The keys a mapping node gives, in its order (none if it is not a mapping)."""
    return [key.value for key, _ in node.value] if isinstance(node, yaml.MappingNode) else []


def _components(
    loader, node, problems, entry, prefix="", expected=None, read_text=None, components_line=None
) -> dict[str, str]:
    """A `components:` mapping, in the lecture's order. For a translation, `prefix` names it in
    messages, `expected` lists the English entry's components (it must give exactly those; a
    missing one is reported at `components_line`, the `components:` line), and `read_text` reads
    each value (checking the language's script)."""
    if read_text is None:

        def read_text(field, value_node):
            return one_line_text(loader, value_node, problems, entry, field)

    if not isinstance(node, yaml.MappingNode) or not node.value:
        problems.add(
            line(node), entry, f"{prefix}'components' must map some of {', '.join(COMPONENTS)} to a few words."
        )
        return {}
    components: dict[str, str] = {}
    given = mapping_fields(node, problems, entry)
    for component, how_node in given.items():
        if component not in COMPONENTS:
            problems.add(
                line(how_node), entry, f"{prefix}unknown component '{component}'; use {', '.join(COMPONENTS)}."
            )
        elif expected is not None and component not in expected:
            problems.add(
                line(how_node),
                entry,
                f"{prefix}component '{component}' is not one this milestone changed "
                f"({', '.join(expected) or 'none given'}); remove it, or add it to 'components' in English too.",
            )
        how = read_text(f"{prefix}components: {component}", how_node)
        if component in COMPONENTS and how:
            components[component] = how
    for component in expected or ():
        if component not in given:
            problems.add(
                components_line or line(node),
                entry,
                f"{prefix}components has no '{component}'; translate 'components: {component}' here too.",
            )
    # Keep the lecture's order whatever order the file uses.
    return {c: components[c] for c in COMPONENTS if c in components}


def _translation(
    loader, node, language_line, problems, entry, language, english_name, english_components
) -> Translation | None:
    """A milestone's `ko:` (or other language's) sub-map, checked like the English fields."""
    prefix = f"{language}: "
    if not isinstance(node, yaml.MappingNode):
        problems.add(
            language_line, entry, f"'{language}' must be a mapping with summary, components and (if it differs) name."
        )
        return None
    fields = mapping_fields(node, problems, entry)
    what = f"its '{language}' translation"
    check_fields(fields, node, problems, entry, what, TRANSLATION_FIELDS, TRANSLATION_REQUIRED, language_line)

    def translated_text(field: str, value_node) -> str | None:
        written = one_line_text(loader, value_node, problems, entry, field)
        wrong = untranslated(written, language) if written else None
        if wrong:
            problems.add(line(value_node), entry, f"{field} {wrong}")
        return written

    name = one_line_text(loader, fields["name"], problems, entry, f"{prefix}name") if "name" in fields else None
    if name and name == english_name:
        problems.add(
            line(fields["name"]), entry, f"{prefix}name is the English name; leave it out, the English one is used."
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
            key_line(node, "components"),
        )
    if summary is None or not components:  # (any other problem drops the whole milestone)
        return None
    return Translation(name=name, summary=summary, components=components)


def load_timeline(path: Path, docs_dir: Path, repo_root: Path, shown_path: str | None = None) -> list[Milestone]:
    """Read and check the data file; raise TimelineError naming every problem."""
    problems = Problems(shown_path or str(path), TimelineError)
    milestones: list[Milestone] = []
    with node_tree(path, problems) as (loader, root):
        for node in top_level_list(root, problems, "milestones"):
            # Each entry collects its own problems: one with any is left out of the checks across entries.
            entry_problems = Problems(problems.shown_path, TimelineError)
            milestone = _milestone(loader, node, entry_problems, docs_dir, repo_root)
            problems.messages += entry_problems.messages
            if milestone and not entry_problems.messages:
                milestones.append(milestone)

    _check_across_entries(milestones, problems)
    problems.raise_if_any()
    return milestones


def _check_across_entries(milestones: list[Milestone], problems: Problems) -> None:
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
