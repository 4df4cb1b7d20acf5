"""On a Korean page, show the English term where the page first uses a glossary term, and let search find it.

* The first use of each term's Korean rendering in the page's prose becomes
  `<abbr class="glossary-term" title="cross-entropy" tabindex="0">교차 엔트로피</abbr>`: Material's
  `content.tooltips` shows the title as a tooltip on hover and, because the abbr takes focus,
  on keyboard focus too. Only prose: never inside code, headings, links, math, outputs or
  generated boxes; and not where the page already glosses it, `교차 엔트로피(cross-entropy)`.
* A `hidden` block at the end of the page's first section lists, in English, every term the
  page uses. Readers and screen readers never meet it; Material's search indexes it, so typing
  "overfitting" on the Korean site finds the Korean pages that say 과적합.

English pages get neither: a Korean rendering means nothing to most English readers, and every
hover term is one more stop for a keyboard user.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from sitebuild.glossary.data import HANGUL, Term

# Elements whose text is never marked: code, headings, links, math, example outputs, the
# timeline's generated boxes, admonition titles, and markup that is already a term.
SKIP_TAGS = {"code", "pre", "kbd", "samp", "a", "abbr", "dfn", "script", "style", "svg", "math", "button", "summary"}
SKIP_TAGS |= {f"h{level}" for level in range(1, 7)}
SKIP_CLASSES = re.compile(
    r"\b(arithmatex|katex|highlight|jp-OutputArea|admonition-title|timeline|components-table|references-list"
    r"|milestone-facts|glossary|example-downloads|headerlink)\b"
)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TOKEN = re.compile(r"<!--.*?-->|<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>[^>]*)>|[^<]+|<", re.S)
CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
KEYWORDS_CLASS = "glossary-keywords"


def _matcher(terms: Iterable[Term]) -> tuple[re.Pattern, dict[str, Term]] | None:
    """One pattern for every Korean rendering, longest first, so 학습률 wins over 학습 and 강화 학습
    over 학습; a rendering starts a word (no Hangul, Latin letter or digit right before it) and may
    carry a particle (신경망은, 손실 함수를)."""
    by_rendering = {term.ko: term for term in terms if HANGUL.search(term.ko)}
    if not by_rendering:
        return None
    # A line break may fall inside a rendering (평균 제곱\n오차): any run of white space matches its spaces.
    alternatives = "|".join(
        r"\s+".join(map(re.escape, text.split(" "))) for text in sorted(by_rendering, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\uac00-\ud7a3A-Za-z0-9])(?:{alternatives})"), by_rendering


def _glossed(text: str, end: int, term: Term) -> bool:
    """`교차 엔트로피(cross-entropy)`: the page already gives the English right there."""
    following = text[end : end + len(term.en) + 40].lstrip()
    return following.startswith("(") and term.en.casefold() in following[1 : following.find(")") + 1].casefold()


def mark_terms(content: str, terms: list[Term]) -> str:
    """The page's HTML with each term's first use marked and the hidden keyword block added."""
    found = _matcher(terms)
    if found is None:
        return content
    pattern, by_rendering = found
    used: dict[str, Term] = {}  # in order of first use
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (tag, inside something never marked)

    for token in TOKEN.finditer(content):
        tag = token["tag"]
        if tag:
            tag = tag.lower()
            if token["close"]:
                # Pop to the matching element (tolerates an unclosed <p> or <li>).
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == tag:
                        del stack[depth:]
                        break
            elif tag not in VOID_TAGS and not token["attrs"].rstrip().endswith("/"):
                classes = CLASS.search(token["attrs"])
                skipped = tag in SKIP_TAGS or bool(classes and SKIP_CLASSES.search(classes[1] or classes[2] or ""))
                stack.append((tag, skipped or bool(stack and stack[-1][1])))
            out.append(token[0])
            continue
        text = token[0]
        if token[0].startswith("<!--") or (stack and stack[-1][1]) or any(t in ("script", "style") for t, _ in stack):
            out.append(text)
            continue
        out.append(_mark_text(text, pattern, by_rendering, used))
    return _with_keywords("".join(out), list(used.values()))


def _mark_text(text: str, pattern: re.Pattern, by_rendering: dict[str, Term], used: dict[str, Term]) -> str:
    pieces = []
    position = 0
    for match in pattern.finditer(html.unescape(text) if "&" in text else text):
        term = by_rendering[" ".join(match[0].split())]
        first = term.ko not in used
        used.setdefault(term.ko, term)
        if "&" in text:  # entities would shift offsets; such text is rare in prose, so only note the use
            continue
        if not first or _glossed(text, match.end(), term):
            continue
        pieces.append(text[position : match.start()])
        pieces.append(f'<abbr class="glossary-term" title="{html.escape(term.en)}" tabindex="0">{match[0]}</abbr>')
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _with_keywords(content: str, used: list[Term]) -> str:
    """The hidden English keyword block, at the end of the first section (before the first h2), so a
    search hit on it leads to the top of the page."""
    if not used:
        return content
    listed = html.escape(", ".join(term.en for term in used))
    keywords = f'<div class="{KEYWORDS_CLASS}" lang="en" hidden>{listed}</div>\n'
    second = re.search(r"<h2\b", content)
    at = second.start() if second else len(content)
    return content[:at] + keywords + content[at:]
