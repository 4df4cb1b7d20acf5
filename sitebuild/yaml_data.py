"""Read the site's YAML data files as node trees and report every problem as `file:line: what to fix`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from sitebuild.words import WORDS


class Problems:
    """Collects every problem of one file, so one build reports them all, and raises them as one error."""

    def __init__(self, shown_path: str, error: type[ValueError]):
        self.shown_path = shown_path  # the file as messages name it, e.g. docs/timeline.yml
        self.error = error  # the data file's own error class
        self.messages: list[str] = []

    def add(self, line: int, entry: str | None, what: str) -> None:
        """`entry` names the entry at fault, e.g. "milestone 'ResNet'"; None for the file as a whole."""
        where = f"{self.shown_path}:{line}"
        self.messages.append(f"{where}: {entry}: {what}" if entry else f"{where}: {what}")

    def raise_if_any(self) -> None:
        if self.messages:
            raise self.error("\n".join(self.messages)) from None


def line(node: yaml.Node) -> int:
    """The file line a node starts on, counted from 1."""
    return node.start_mark.line + 1


def key_line(node: yaml.MappingNode, name: str) -> int:
    """The line of `name:` in a mapping (a block mapping value starts on the line after its key)."""
    return next(line(key) for key, _ in node.value if key.value == name)


# libyaml's parser when PyYAML has it (its wheels do): the glossary alone took 0.3 s a build
# with the pure-Python one, which `make serve` pays on every save.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@contextmanager
def node_tree(path: Path, problems: Problems) -> Iterator[tuple[yaml.SafeLoader, yaml.Node | None]]:
    """The file's root node, whose nodes keep their lines, and the loader that constructs their values.

    Invalid YAML is raised at once: nothing after the mistake can be read."""
    loader = SAFE_LOADER(path.read_text(encoding="utf-8"))
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            problems.add(mark.line + 1 if mark else 1, None, f"not valid YAML: {error.problem or error}")
            raise problems.error("\n".join(problems.messages)) from None
        yield loader, root
    finally:
        loader.dispose()


def top_level_list(root: yaml.Node | None, problems: Problems, name: str) -> list[yaml.Node]:
    """The entries of the file's one top-level field, the list `name:`; raises when there are none."""
    top = mapping_fields(root, problems, None) if isinstance(root, yaml.MappingNode) else {}
    for field in top:
        if field != name:
            problems.add(key_line(root, field), None, f"unknown top-level field '{field}'; only '{name}' is read.")
    sequence = top.get(name)
    if not isinstance(sequence, yaml.SequenceNode) or not sequence.value:
        where = line(sequence) if sequence else 1
        problems.add(where, None, f"the file must have a top-level '{name}:' list with at least one entry.")
        problems.raise_if_any()
    return sequence.value


def mapping_fields(node: yaml.MappingNode, problems: Problems, entry: str | None) -> dict[str, yaml.Node]:
    """Each key of a mapping -> its value node. A key given twice is a problem: YAML would let the last
    one win without a word."""
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if key.value in fields:
            problems.add(line(key), entry, f"field '{key.value}' is given twice; keep one.")
        fields[key.value] = value
    return fields


def check_fields(
    fields: dict[str, yaml.Node],
    node: yaml.MappingNode,
    problems: Problems,
    entry: str | None,
    what: str,
    known: set[str],
    required: set[str],
    missing_line: int | None = None,
) -> None:
    """Report each field of `node` not in `known`, at its key, and each one of `required` it lacks, at
    `missing_line` (default: the mapping's first line). `what` names the mapping: "this milestone"."""
    for name in fields:
        if name not in known:
            problems.add(
                key_line(node, name), entry, f"unknown field '{name}' in {what}; expected {', '.join(sorted(known))}."
            )
    for name in sorted(required - fields.keys()):
        problems.add(missing_line or line(node), entry, f"{what} has no '{name}'; add it.")


def one_line_text(
    loader: yaml.SafeLoader, node: yaml.Node, problems: Problems, entry: str | None, field: str
) -> str | None:
    """A field's value as one line of text, stripped; None when it is not text (more lines: reported, kept)."""
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, str) or not value.strip():
        problems.add(line(node), entry, f"'{field}' must be non-empty text, not {value!r}.")
        return None
    if "\n" in value.strip():
        problems.add(line(node), entry, f"'{field}' must fit on one line.")
    return value.strip()


def untranslated(written: str, language: str) -> str | None:
    """What is wrong with `written` when it should be in `language` but has none of its script, else None."""
    words = WORDS[language]
    if words.script and not words.script.search(written):
        return f"has no {words.language_name} ({words.script_name}) in it: {written[:60]!r}; translate it."
    return None


def translated_texts(
    node: yaml.Node, problems: Problems, entry: str | None, field: str, one_line: bool = False
) -> dict[str, str] | None:
    """A field that maps every language of the site to its text (`en: ...`, `ko: ...`)."""
    if not isinstance(node, yaml.MappingNode):
        problems.add(line(node), entry, f"'{field}' must map each language ({', '.join(WORDS)}) to its text.")
        return None
    fields = mapping_fields(node, problems, entry)
    for language in fields:
        if language not in WORDS:
            problems.add(
                key_line(node, language),
                entry,
                f"{field} in unknown language '{language}'; use {', '.join(WORDS)}.",
            )
    return texts_per_language(fields, line(node), problems, entry, field, one_line)


def texts_per_language(
    fields: dict[str, yaml.Node],
    missing_line: int,
    problems: Problems,
    entry: str | None,
    field: str,
    one_line: bool = False,
) -> dict[str, str] | None:
    """The text of each language in `fields`: non-empty, in its language's script and, when `one_line`,
    one line. None when any is missing or wrong; a missing one is reported at `missing_line`."""
    texts: dict[str, str] = {}
    for language, words in WORDS.items():
        if language not in fields:
            problems.add(missing_line, entry, f"'{field}' has no '{language}': write it in {words.language_name} too.")
            continue
        value = fields[language]
        # The text as written (a plain `true` or `0.50` stays text); Markdown, unless `one_line`.
        written = value.value.strip() if isinstance(value, yaml.ScalarNode) else ""
        wrong = untranslated(written, language) if written else None
        if not written:
            problems.add(line(value), entry, f"'{field}: {language}' must be non-empty text.")
        elif one_line and "\n" in written:
            problems.add(line(value), entry, f"'{field}: {language}' must fit on one line.")
        elif wrong:
            problems.add(line(value), entry, f"'{field}: {language}' {wrong}")
        else:
            texts[language] = written
    return texts if len(texts) == len(WORDS) else None
