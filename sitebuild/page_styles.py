"""Each page carries, inline, the style rules it can use, so no stylesheet request blocks its first paint.

Material's stylesheets, KaTeX's and the site's own (`extra_css`) come to about 190 KiB, all
render-blocking: on a phone, the page stayed blank until they had arrived, and most of
it styles things the page does not have (Material's blog, cards, grids; KaTeX's rules for
constructs the page's formulas do not use). This step replaces a page's
`<link rel="stylesheet">` tags with one `<style>` block holding, in the same order (so the
cascade is unchanged), every rule that could match something on that page:

- a rule is kept when each class, id, element name and attribute its selector requires
  occurs in the page's markup, or in the JavaScript the page loads (Material's bundle adds
  classes such as `md-clipboard` or `md-search-result__item` while the page runs);
- what a selector asks inside `:not()`, `:is()`, `:where()` or `:has()` is not required, and
  an attribute's value is required only for the attributes that never change after the
  build (`dir`, and Material's `data-md-color-*`, whose values for both colour schemes
  are in the page's palette switch), so the choice errs towards keeping a rule;
- `@font-face` rules are kept for the font families a kept rule names, so a page with no
  formula loads no KaTeX font, and one with formulas loads only the faces they use;
- `url(...)` references are rewritten relative to the page.

Print stylesheets (`media="print"`) are left as they are: they do not block rendering. The
Content-Security-Policy step, which runs after this one, hashes the block.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import tinycss2

INLINED_FROM = "data-inlined-from"  # on the <style> block: the hrefs of the stylesheets it replaced
STYLESHEET_LINK = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>", re.I)
HREF = re.compile(r"\bhref=\"([^\"]+)\"", re.I)
MEDIA = re.compile(r"\bmedia=\"([^\"]*)\"", re.I)
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.I)

# The page's markup: start tags, and the parts of them that selectors can ask for.
START_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
ATTRIBUTE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
# Attributes whose value a selector may require: set by the build and never changed by a script.
STATIC_VALUE_ATTRIBUTES = re.compile(r"^(dir|data-md-color-(scheme|primary|accent))$")

# Selector parts. Functional pseudo-classes are dropped first (what they ask is not required).
PSEUDO_FUNCTION = re.compile(r"::?[\w-]+\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
PSEUDO = re.compile(r"::?[\w-]+")
ATTRIBUTE_SELECTOR = re.compile(r"\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\]\s]+))\s*[is]?\s*)?\]")
CLASS_OR_ID = re.compile(r"([.#])((?:[\w-]|\\.)+)")
ELEMENT = re.compile(r"(?:^|(?<=[\s>+~(,]))([a-zA-Z][\w-]*)")
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)", re.I)


@dataclass(frozen=True)
class Requirement:
    """What one selector asks of the page: every part must be present for the rule to be kept."""

    classes: frozenset[str]
    ids: frozenset[str]
    elements: frozenset[str]
    attributes: frozenset[str]
    values: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class PageParts:
    """The classes, ids, elements and attributes a page has, or its scripts may add."""

    classes: frozenset[str]
    ids: frozenset[str]
    elements: frozenset[str]
    attributes: frozenset[str]
    values: frozenset[tuple[str, str]]
    script_words: frozenset[str]

    def satisfy(self, requirement: Requirement) -> bool:
        words = self.script_words
        return (
            all(name in self.classes or name in words for name in requirement.classes)
            and all(name in self.ids or name in words for name in requirement.ids)
            and all(name in self.elements or name in words for name in requirement.elements)
            and all(name in self.attributes or name in words for name in requirement.attributes)
            and requirement.values <= self.values
        )


def page_parts(html: str, script_words: frozenset[str]) -> PageParts:
    classes, ids, elements, attributes, values = set(), set(), set(), set(), set()
    for tag in START_TAG.finditer(html):
        elements.add(tag.group(1).lower())
        for attribute in ATTRIBUTE.finditer(tag.group(2)):
            name = attribute.group(1).lower()
            value = next((part for part in attribute.group(2, 3, 4) if part is not None), "")
            attributes.add(name)
            if name == "class":
                classes.update(value.split())
            elif name == "id":
                ids.add(value)
            elif STATIC_VALUE_ATTRIBUTES.match(name):
                values.add((name, value))
    return PageParts(*(frozenset(part) for part in (classes, ids, elements, attributes, values)), script_words)


def requirement_of(selector: str) -> Requirement:
    """The parts one selector (no commas) needs the page to have."""
    text = PSEUDO_FUNCTION.sub(" ", selector)
    values = set()
    attributes = set()
    for attribute in ATTRIBUTE_SELECTOR.finditer(text):
        name = attribute.group(1).lower()
        attributes.add(name)
        value = next((part for part in attribute.group(2, 3, 4) if part is not None), None)
        if value is not None and STATIC_VALUE_ATTRIBUTES.match(name):
            values.add((name, value))
    text = PSEUDO.sub(" ", ATTRIBUTE_SELECTOR.sub(" ", text))
    classes, ids = set(), set()
    for kind, name in CLASS_OR_ID.findall(text):
        (classes if kind == "." else ids).add(name.replace("\\", ""))
    text = CLASS_OR_ID.sub(" ", text)
    elements = {name.lower() for name in ELEMENT.findall(text)}
    return Requirement(*(frozenset(part) for part in (classes, ids, elements, attributes, values)))


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(a, b)`)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


@dataclass(frozen=True)
class Rule:
    """One rule of a stylesheet, ready to be kept or left out for a page."""

    text: str  # as in the stylesheet, with url()s made absolute (SITE_MARK)
    requirements: tuple[Requirement, ...] = ()  # a style rule: kept if any selector is satisfied
    children: tuple[Rule, ...] = ()  # @media and @supports: kept with the children that are kept
    font_family: str | None = None  # @font-face: kept if a kept rule names this family
    always: bool = False  # @keyframes, @page and other at-rules


URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")
SITE_MARK = "\x00site:"  # url()s point at absolute file paths until a page needs them relative to itself
PINNED_URL = re.compile(r"^(data:|#|[a-z]+:|/)", re.I)


def _absolute_urls(css: str, folder: str) -> str:
    """url() values relative to the stylesheet's `folder` become marked absolute file paths."""

    def absolute(match: re.Match) -> str:
        quote, target = match.groups()
        if PINNED_URL.match(target):
            return match.group(0)
        return f"url({quote}{SITE_MARK}{os.path.normpath(os.path.join(folder, target))}{quote})"

    return URL.sub(absolute, css)


def parse_rules(css: str, folder: str) -> tuple[Rule, ...]:
    """The rules of one stylesheet; `folder` is where it is on disk, for its url()s."""
    rewrite = functools.partial(_absolute_urls, folder=folder)
    return tuple(_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), rewrite))


def _rules(nodes, rewrite) -> list[Rule]:
    rules = []
    for node in nodes:
        if node.type == "qualified-rule":
            prelude = tinycss2.serialize(node.prelude).strip()
            requirements = tuple(requirement_of(selector) for selector in split_selectors(prelude))
            rules.append(Rule(text=rewrite(node.serialize()), requirements=requirements))
        elif node.type == "at-rule":
            name = node.lower_at_keyword
            if name in ("media", "supports", "layer") and node.content is not None:
                children = _rules(
                    tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True), rewrite
                )
                rules.append(
                    Rule(text="@" + node.at_keyword + tinycss2.serialize(node.prelude), children=tuple(children))
                )
            elif name == "font-face":
                family = FONT_FAMILY.search(tinycss2.serialize(node.content or []))
                rules.append(
                    Rule(
                        text=rewrite(node.serialize()),
                        font_family=family.group(1).strip().strip("\"'") if family else None,
                    )
                )
            elif name != "charset":
                rules.append(Rule(text=rewrite(node.serialize()), always=True))
    return rules


def kept_css(rules: tuple[Rule, ...], parts: PageParts) -> str:
    """The CSS of the rules `parts` may use, in stylesheet order."""
    kept = _keep(rules, parts)
    styling = " ".join(rule.text for rule in _flatten(kept) if rule.font_family is None and not rule.children)
    families = {rule.font_family for rule in _flatten(kept) if rule.font_family and rule.font_family in styling}
    return "".join(_text(rule, families) for rule in kept)


def _keep(rules, parts) -> list[Rule]:
    kept = []
    for rule in rules:
        if rule.children:
            children = _keep(rule.children, parts)
            if children:
                kept.append(Rule(text=rule.text, children=tuple(children)))
        elif rule.always or rule.font_family is not None:
            kept.append(rule)
        elif rule.requirements and any(parts.satisfy(requirement) for requirement in rule.requirements):
            kept.append(rule)
    return kept


def _flatten(rules):
    for rule in rules:
        yield rule
        yield from _flatten(rule.children)


def _text(rule: Rule, families: set[str]) -> str:
    if rule.font_family is not None:
        return rule.text if rule.font_family in families else ""
    if rule.children:
        return rule.text + "{" + "".join(_text(child, families) for child in rule.children) + "}"
    return rule.text


@lru_cache(maxsize=64)
def _stylesheet(path: str, modified: float) -> tuple[Rule, ...]:
    return parse_rules(Path(path).read_text(encoding="utf-8"), os.path.dirname(path))


@lru_cache(maxsize=64)
def _script_words(path: str, modified: float) -> frozenset[str]:
    return frozenset(SCRIPT_WORD.findall(Path(path).read_text(encoding="utf-8", errors="replace")))


def inline_styles(html: str, page_file: Path, site_dir: Path) -> str:
    """`html` (to be written to `page_file` in `site_dir`) with its screen stylesheets inlined, pruned.

    Pages link stylesheets relative to themselves, and their url()s are written so too; the 404
    page, shown at any address, links them from the site's root, and its url()s follow. A
    stylesheet that is not on disk keeps its link: the page is then slower, not broken."""
    folder = page_file.parent
    links = []
    for link in STYLESHEET_LINK.finditer(html):
        href = HREF.search(link.group(0))
        media = MEDIA.search(link.group(0))
        if href is None or (media and media.group(1).strip().lower() not in ("", "all", "screen")):
            continue
        target = href.group(1).split("?")[0].split("#")[0]
        path = (site_dir / target.lstrip("/") if target.startswith("/") else folder / target).resolve()
        if path.is_file():
            links.append((link, path))
    if not links:
        return html
    words = frozenset().union(
        *(
            _script_words(str(script), script.stat().st_mtime)
            for src in SCRIPT_SRC.findall(html)
            if (script := _local_file(src, folder, site_dir)) is not None
        )
    )
    parts = page_parts(html, words)
    rules: list[Rule] = []
    for _, path in links:
        rules.extend(_stylesheet(str(path), path.stat().st_mtime))
    from_root = HREF.search(links[0][0].group(0)).group(1).startswith("/")
    here, root = str(folder.resolve()), str(site_dir.resolve())

    def url_for(match: re.Match) -> str:
        if from_root:
            return "/" + os.path.relpath(match.group(1), root).replace(os.sep, "/")
        return os.path.relpath(match.group(1), here).replace(os.sep, "/")

    css = re.sub(re.escape(SITE_MARK) + r"([^'\")]+)", url_for, kept_css(tuple(rules), parts))
    first, *rest = (link for link, _ in links)
    # Which stylesheets the block was made from, so that a page put together from built pages
    # (the print view, sitebuild/print_view.py) can link them again and keep its own rules.
    inlined = " ".join(HREF.search(link.group(0)).group(1) for link, _ in links)
    pieces, position = [], 0
    for link in (first, *rest):
        pieces.append(html[position : link.start()])
        if link is first:
            pieces.append(f'<style {INLINED_FROM}="{inlined}">{css}</style>')
        position = link.end()
    pieces.append(html[position:])
    return "".join(pieces)


def _local_file(src: str, folder: Path, site_dir: Path) -> Path | None:
    target = src.split("?")[0].split("#")[0]
    if re.match(r"^[a-z]+:", target, re.I):
        return None
    path = (site_dir / target.lstrip("/") if target.startswith("/") else folder / target).resolve()
    return path if path.is_file() else None
