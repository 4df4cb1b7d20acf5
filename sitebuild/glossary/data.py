"""Read and check `docs/glossary.yml`, the one list of terms and their English and Korean renderings.

A mistake stops the build naming `docs/glossary.yml:line`, the term and what to fix; every
problem in the file is reported at once (lines come from the YAML nodes: sitebuild/yaml_data.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild.yaml_data import (
    Problems,
    check_fields,
    line,
    mapping_fields,
    node_tree,
    one_line_text,
    translated_texts,
    untranslated,
)

DATA_FILE = "glossary.yml"  # relative to docs/
FIELDS = {"en", "ko", "avoid", "definition"}
REQUIRED = FIELDS - {"avoid"}
LANGUAGES = ("en", "ko")  # each term's renderings and definitions
HANGUL = re.compile(r"[\uac00-\ud7a3]")  # terms.py marks only the renderings written in it


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


def _term(loader, node, problems) -> Term | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(line(node), None, "each entry must be a mapping with en, ko, definition (and avoid).")
        return None
    name_node = next((value for key, value in node.value if key.value == "en"), None)
    name = one_line_text(loader, name_node, problems, None, "en") if name_node else None
    entry = f"term '{name}'" if name else None
    fields = mapping_fields(node, problems, entry)
    check_fields(fields, node, problems, entry, "this entry", FIELDS, REQUIRED)
    ko = one_line_text(loader, fields["ko"], problems, entry, "ko") if "ko" in fields else None
    wrong = untranslated(ko, "ko") if ko and ko != name else None  # a term may stay English in Korean
    if wrong:
        problems.add(line(fields["ko"]), entry, f"ko {wrong}")

    avoid: list[str] = []
    if "avoid" in fields:
        avoid_node = fields["avoid"]
        if not isinstance(avoid_node, yaml.SequenceNode) or not avoid_node.value:
            problems.add(line(avoid_node), entry, "'avoid' must be a list of Korean renderings, like [목표값, 타겟].")
        else:
            for item in avoid_node.value:
                avoided = one_line_text(loader, item, problems, entry, "avoid")
                if avoided is None:
                    continue
                if avoided == ko:
                    problems.add(
                        line(item), entry, f"avoid lists {avoided!r}, the preferred rendering itself; remove it."
                    )
                elif avoided in avoid:
                    problems.add(line(item), entry, f"avoid lists {avoided!r} twice.")
                else:
                    avoid.append(avoided)

    definition = None
    if "definition" in fields:
        definition = translated_texts(fields["definition"], problems, entry, "definition", one_line=True)
    if None in (name, ko, definition):
        return None
    return Term(en=name, ko=ko, avoid=tuple(avoid), definition=definition, line=line(node))


def _check_across_terms(terms: list[Term], problems: Problems) -> None:
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
                    f"term '{term.en}'",
                    f"duplicate {language} '{rendering}': the term at line {earlier.line} has it already; "
                    "merge the two entries.",
                )
    for term in terms:
        for avoided in term.avoid:
            for other in terms:
                if avoided in other.ko:
                    problems.add(
                        term.line,
                        f"term '{term.en}'",
                        f"avoid lists {avoided!r}, which is part of the preferred rendering {other.ko!r} of "
                        f"'{other.en}' (line {other.line}); a checker would flag the right word, so remove it.",
                    )


def load_glossary(path: Path, shown_path: str | None = None) -> list[Term]:
    """Read and check the data file; raise GlossaryError naming every problem."""
    problems = Problems(shown_path or str(path), GlossaryError)
    terms: list[Term] = []
    with node_tree(path, problems) as (loader, root):
        if not isinstance(root, yaml.SequenceNode) or not root.value:
            problems.add(1, None, "the file must be a list of terms ('- en: ...').")
        else:
            terms = [term for term in (_term(loader, node, problems) for node in root.value) if term]
    _check_across_terms(terms, problems)
    problems.raise_if_any()
    return terms
