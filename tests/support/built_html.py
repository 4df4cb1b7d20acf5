"""Each built page parsed once per test process, its tree shared, read-only, by every test that reads it.

One parse of the whole site takes seconds, and a dozen tests walk every page. `parsed(path)` keeps
the tree for the file as it is now (resolved path, modification time and size), so a page rebuilt
in a scratch project is parsed again, never served stale.

The trees are shared: a test must not change one (`decompose()`, `extract()`, `replace_with()`,
`clear()`, `append()`, setting an attribute...), or the tests after it see a different page. Walk
around what you would remove, or change a copy: `copy.copy(tag)` is a writable copy of the tag and
everything inside it. Tags of a shared tree refuse bs4's tree-changing methods with a TypeError;
that guard does not see writes into a tag's `attrs` dict or `class` list, so do not make those
either.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

# bs4's methods that change a tree through its tags (NavigableString.extract() and writes into
# `tag.attrs` go around them).
TREE_CHANGING = (
    "append",
    "clear",
    "decompose",
    "extend",
    "extract",
    "insert",
    "insert_after",
    "insert_before",
    "replace_with",
    "smooth",
    "unwrap",
    "wrap",
    "__setitem__",
    "__delitem__",
)


class ReadOnlyTag(Tag):
    """A tag of a shared tree: once parsed, bs4's tree-changing methods raise; its copies are ordinary tags."""

    parsing = False  # the parser itself sets attributes (a <meta charset>) while it builds the tree

    def copy_self(self) -> Tag:
        clone = super().copy_self()
        clone.__class__ = Tag  # copy.copy() fills the clone with append(): it must be writable
        return clone


def _only_while_parsing(name: str):
    change = getattr(Tag, name)

    def guarded(self, *args, **kwargs):
        if not ReadOnlyTag.parsing:
            raise TypeError(
                f"{name}() on <{self.name}> of a built page parsed by tests/support/built_html.py: its tree "
                "is shared by every test, read-only; skip the elements instead, or change a copy.copy() of it"
            )
        return change(self, *args, **kwargs)

    return guarded


for _name in TREE_CHANGING:
    setattr(ReadOnlyTag, _name, _only_while_parsing(_name))

# Resolved path -> ((mtime in ns, size in bytes), the parsed tree).
_trees: dict[Path, tuple[tuple[int, int], BeautifulSoup]] = {}


def parsed(path: Path) -> BeautifulSoup:
    """The page at `path` parsed with html.parser, shared and read-only (see the module's docstring)."""
    path = path.resolve()
    status = path.stat()
    stamp = (status.st_mtime_ns, status.st_size)
    kept = _trees.get(path)
    if kept is None or kept[0] != stamp:
        html = path.read_text(encoding="utf-8")
        ReadOnlyTag.parsing = True
        try:
            tree = BeautifulSoup(html, "html.parser", element_classes={Tag: ReadOnlyTag})
        finally:
            ReadOnlyTag.parsing = False
        kept = _trees[path] = (stamp, tree)
    return kept[1]
