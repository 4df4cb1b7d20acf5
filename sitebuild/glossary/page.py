"""The glossary page: every term of `docs/glossary.yml`, sorted for the page's language, each with an anchor.

`<!-- glossary -->` on a page becomes one `##` section per initial letter (A, B, ... on the
English page; ㄱ, ㄴ, ... on the Korean one, Latin initials after Hangul), each a `<dl>` of
terms: the term in the page's language, its rendering in the other language, and the
definition in the page's language. A term's anchor is the same in both languages
(`#cross-entropy`), so a link to it survives the language switch.
"""

from __future__ import annotations

import html
from itertools import groupby

from sitebuild.glossary.data import LANGUAGES, Term
from sitebuild.words import Words

MARKER = "<!-- glossary -->"
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
# The nineteen initial consonants in syllable order; a dictionary files the doubled ones under the plain ones.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
PLAIN_INITIAL = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


def initial(text: str) -> str:
    """The letter a term is filed under: ㄱ for 가능도 and 꼬리, T for top-5 오류율, L for logit."""
    first = text[0]
    if HANGUL_FIRST <= ord(first) <= HANGUL_LAST:
        consonant = INITIALS[(ord(first) - HANGUL_FIRST) // 588]
        return PLAIN_INITIAL.get(consonant, consonant)
    return first.upper()


def sort_key(text: str) -> tuple:
    """Hangul in dictionary order (code point order is 가나다 order), then Latin in alphabetical order."""
    return (not HANGUL_FIRST <= ord(text[0]) <= HANGUL_LAST, text.casefold())


def render_glossary(terms: list[Term], language: str, words: Words) -> str:
    other = next(lang for lang in LANGUAGES if lang != language)
    ordered = sorted(terms, key=lambda term: sort_key(term.rendering(language)))
    sections = []
    for letter, group in groupby(ordered, key=lambda term: initial(term.rendering(language))):
        entries = []
        for term in group:
            avoid = ""
            if language == "ko" and term.avoid:
                avoid = (
                    f'\n<dd class="glossary-avoid">{html.escape(words.glossary_avoid)}: '
                    + ", ".join(f"<s>{html.escape(text)}</s>" for text in term.avoid)
                    + "</dd>"
                )
            entries.append(
                f'<dt id="{term.anchor}"><dfn>{html.escape(term.rendering(language))}</dfn> '
                f'<span class="glossary-other" lang="{other}">{html.escape(term.rendering(other))}</span></dt>\n'
                f"<dd>{html.escape(term.definition[language])}</dd>{avoid}"
            )
        sections.append(f'## {letter}\n\n<dl class="glossary">\n' + "\n".join(entries) + "\n</dl>")
    return "\n\n".join(sections)
