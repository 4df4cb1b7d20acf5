"""Read and check `docs/glossary.yml`, the one list of terms and their English and Korean renderings.

A mistake stops the build naming `docs/glossary.yml:line`, the term and what to fix; every
problem in the file is reported at once (lines come from the YAML nodes, as in the timeline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_FILE = "glossary.yml"  # relative to docs/
FIELDS = {"en", "ko", "avoid", "definition"}
REQUIRED = FIELDS - {"avoid"}
LANGUAGES = ("en", "ko")  # each term's renderings and definitions
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class GlossaryError(ValueError):
    """The data file is wrong; the message says where and what to fix."""


@dataclass(frozen=True)
class Term:
    en: str
    ko: str
    avoid: tuple[str, ...]
    definition: dict[str, str]  # language -> one line
    line: int  # of the entry in the data file

    def rendering(self, language: str) -> str:
        return self.ko if language == "ko" else self.en

    @property
    def anchor(self) -> str:
        """The entry's id on the glossary page, the same in both languages: cross-entropy, top-5-error."""
        return re.sub(r"[^a-z0-9]+", "-", self.en.lower()).strip("-")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Problems:
    def __init__(self, shown_path: str):
        self.shown_path = shown_path
        self.messages: list[str] = []

    def add(self, line: int, term: str | None, what: str) -> None:
        where = f"{self.shown_path}:{line}"
        self.messages.append(f"{where}: term '{term}': {what}" if term else f"{where}: {what}")


def _text(loader, node, problems, term, field) -> str | None:
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        problems.add(_line(node), term, f"'{field}' must be one line of text, not {value!r}.")
        return None
    return value.strip()


def _term(loader, node, problems) -> Term | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(_line(node), None, "each entry must be a mapping with en, ko, definition (and avoid).")
        return None
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value in fields:
            problems.add(_line(key), None, f"field '{key.value}' is given twice.")
        fields[key.value] = value
    name = _text(loader, fields["en"], problems, None, "en") if "en" in fields else None
    for key, _ in node.value:
        if key.value not in FIELDS:
            problems.add(_line(key), name, f"unknown field '{key.value}'; expected {', '.join(sorted(FIELDS))}.")
    for field in sorted(REQUIRED - fields.keys()):
        problems.add(_line(node), name, f"this entry has no '{field}'; add it.")
    ko = _text(loader, fields["ko"], problems, name, "ko") if "ko" in fields else None
    if ko and not HANGUL.search(ko) and ko != name:
        problems.add(_line(fields["ko"]), name, f"ko {ko!r} has no Hangul; write the Korean rendering.")

    avoid: list[str] = []
    if "avoid" in fields:
        avoid_node = fields["avoid"]
        if not isinstance(avoid_node, yaml.SequenceNode) or not avoid_node.value:
            problems.add(_line(avoid_node), name, "'avoid' must be a list of Korean renderings, like [목표값, 타겟].")
        else:
            for item in avoid_node.value:
                text = _text(loader, item, problems, name, "avoid")
                if text is None:
                    continue
                if text == ko:
                    problems.add(_line(item), name, f"avoid lists {text!r}, the preferred rendering itself; remove it.")
                elif text in avoid:
                    problems.add(_line(item), name, f"avoid lists {text!r} twice.")
                else:
                    avoid.append(text)

    definition: dict[str, str] = {}
    if "definition" in fields:
        definition_node = fields["definition"]
        if not isinstance(definition_node, yaml.MappingNode):
            problems.add(_line(definition_node), name, "'definition' must map en and ko to one line each.")
        else:
            given = {key.value: (key, value) for key, value in definition_node.value}
            for language in given.keys() - set(LANGUAGES):
                problems.add(_line(given[language][0]), name, f"definition in unknown language '{language}'.")
            for language in LANGUAGES:
                if language not in given:
                    problems.add(_line(definition_node), name, f"definition has no '{language}'; add it.")
                    continue
                text = _text(loader, given[language][1], problems, name, f"definition: {language}")
                if text and language == "ko" and not HANGUL.search(text):
                    problems.add(_line(given[language][1]), name, "definition: ko has no Hangul; translate it.")
                if text:
                    definition[language] = text
    if None in (name, ko) or len(definition) != len(LANGUAGES):
        return None
    return Term(en=name, ko=ko, avoid=tuple(avoid), definition=definition, line=_line(node))


def _check_across_terms(terms: list[Term], problems: _Problems) -> None:
    """Duplicates, and an avoided rendering that is part of some term's preferred one (the test would
    then flag the right word)."""
    seen: dict[tuple[str, str], Term] = {}
    for term in terms:
        for language in LANGUAGES:
            rendering = term.rendering(language)
            earlier = seen.setdefault((language, rendering.casefold()), term)
            if earlier is not term:
                problems.add(
                    term.line,
                    term.en,
                    f"duplicate {language} '{rendering}': the term at line {earlier.line} has it already; "
                    "merge the two entries.",
                )
    for term in terms:
        for avoided in term.avoid:
            for other in terms:
                if avoided in other.ko:
                    problems.add(
                        term.line,
                        term.en,
                        f"avoid lists {avoided!r}, which is part of the preferred rendering {other.ko!r} of "
                        f"'{other.en}' (line {other.line}); a checker would flag the right word, so remove it.",
                    )


def load_glossary(path: Path, shown_path: str | None = None) -> list[Term]:
    """Read and check the data file; raise GlossaryError naming every problem."""
    problems = _Problems(shown_path or str(path))
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    terms: list[Term] = []
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            problems.add(mark.line + 1 if mark else 1, None, f"not valid YAML: {error.problem or error}")
            raise GlossaryError("\n".join(problems.messages)) from None
        if not isinstance(root, yaml.SequenceNode) or not root.value:
            problems.add(1, None, "the file must be a list of terms ('- en: ...').")
        else:
            terms = [term for term in (_term(loader, node, problems) for node in root.value) if term]
    finally:
        loader.dispose()
    _check_across_terms(terms, problems)
    if problems.messages:
        raise GlossaryError("\n".join(problems.messages))
    return terms
