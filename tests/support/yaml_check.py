"""Check that YAML files parse, naming file, line and problem when one does not.

Used by `make lint` and pre-commit as `python -m tests.support.yaml_check FILE...`.
mkdocs.yml may carry tags such as `!!python/name:...` or `!ENV`, which a safe
loader rejects; they are accepted here without importing or running anything.
Duplicate keys, which PyYAML would silently let the last one win, are errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


class TagTolerantLoader(yaml.SafeLoader):
    """A safe loader that reads any tag as plain data and rejects duplicate keys."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    f"while reading the mapping that starts on line {node.start_mark.line + 1}",
                    node.start_mark,
                    f"duplicate key {key!r} (first on line {seen[key] + 1}); the later value would silently win",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


TagTolerantLoader.add_multi_constructor("", _any_tag)
TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def problems(path: Path) -> list[str]:
    """One `file:line:column: message` per problem; empty when the file is valid."""
    try:
        list(yaml.load_all(path.read_text(encoding="utf-8"), Loader=TagTolerantLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        what = "; ".join(part for part in (error.context, error.problem) if part)
        return [f"{where}: invalid YAML: {what}"]
    except yaml.YAMLError as error:
        return [f"{path}: invalid YAML: {error}"]
    return []


def main(arguments: list[str]) -> int:
    found = [message for name in arguments for message in problems(Path(name))]
    print("\n".join(found) if found else f"{len(arguments)} YAML file(s) parse cleanly")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
