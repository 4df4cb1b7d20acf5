"""Write a page's exercises as Markdown with HTML blocks, in the language of the build.

The result replaces the page's `<!-- exercises -->` marker before Python-Markdown runs, so
questions and explanations are Markdown (math and code included) and the worked solution is a
pymdownx.details block (`??? example`), which Material highlights and styles. The answer form
is plain HTML with no inline script or style: docs/javascripts/exercises.js reads the key and
the interface words from data attributes, and announces its verdict in an `aria-live` region.
Short texts that sit inside the form's HTML (options, hints) are rendered to HTML here.
"""

from __future__ import annotations

import html
import textwrap

import markdown as python_markdown

from sitebuild.exercises.data import Exercise
from sitebuild.exercises.solutions import Key
from sitebuild.words import Words

# Inline Markdown in options and hints: code spans, emphasis and math (typeset later by katex.py).
_INLINE_EXTENSIONS = ["pymdownx.arithmatex"]
_INLINE_SETTINGS = {"pymdownx.arithmatex": {"generic": True}}


def _html(text: str, inline: bool = False) -> str:
    rendered = python_markdown.markdown(text, extensions=_INLINE_EXTENSIONS, extension_configs=_INLINE_SETTINGS)
    if inline and rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def _attribute(value) -> str:
    return html.escape(str(value), quote=True)


def shown_number(value: float | int) -> str:
    """A computed number as a reader would write it: 61,100,840 or 0.316228."""
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:.6g}"


def _indent(text: str) -> str:
    return textwrap.indent(text, "    ", lambda line: True).replace("    \n", "\n")


def _fence(code: str, language: str) -> str:
    return f"```{language}\n{code.rstrip()}\n```"


def _form(exercise: Exercise, language: str, words: Words) -> str:
    field_id = f"exercise-{exercise.id}-answer"
    check = f'<button class="md-button exercise-check" type="submit">{html.escape(words.check)}</button>'
    if exercise.kind == "choice":
        options = "\n".join(
            f'<label class="exercise-choice"><input type="radio" name="{field_id}" value="{number}"> '
            f"<span>{_html(choice.text[language], inline=True)}</span></label>"
            for number, choice in enumerate(exercise.choices, 1)
        )
        return (
            f'<form class="exercise-form" action="#">\n<fieldset class="exercise-choices">\n'
            f"<legend>{html.escape(words.choose_one)}</legend>\n{options}\n</fieldset>\n{check}\n</form>"
        )
    if exercise.kind == "number":
        note = (
            words.number_format
            + " "
            + (words.within.format(tolerance=shown_number(exercise.tolerance)) if exercise.tolerance else words.exact)
        )
    else:
        note = words.output_format
    return (
        f'<form class="exercise-form" action="#">\n'
        f'<label class="exercise-label" for="{field_id}">{html.escape(words.your_answer)}</label>\n'
        f'<span class="exercise-field"><input class="exercise-answer" id="{field_id}" type="text" '
        f'autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="{field_id}-format">\n'
        f"{check}</span>\n"
        f'<span class="exercise-format" id="{field_id}-format">{html.escape(note)}</span>\n</form>'
    )


def _hints(exercise: Exercise, language: str) -> str:
    """The texts the script shows with "not yet": the hint, or the misconception of the option chosen."""
    if exercise.kind == "choice":
        hints = [
            f'<div data-hint="{number}">{_html(choice.misconception[language])}</div>'
            for number, choice in enumerate(exercise.choices, 1)
            if not choice.correct
        ]
    else:
        hints = [f'<div data-hint="wrong">{_html(exercise.hint[language])}</div>']
    return '<div class="exercise-hints" hidden>\n' + "\n".join(hints) + "\n</div>"


def _solution(exercise: Exercise, key: Key, language: str, words: Words) -> str:
    parts = []
    if exercise.solution:
        parts.append(_fence(exercise.solution, "python"))
    if exercise.kind == "number":
        parts.append(words.the_answer.format(answer=f"**{shown_number(key.value)}**"))
    elif exercise.kind == "output":
        parts.append(words.it_prints + "\n\n" + _fence(key.printed, "text"))
    else:
        right = exercise.choices[key.value - 1].text[language]
        parts.append(words.the_answer.format(answer=right))
    parts.append(exercise.explanation[language])
    body = "\n\n".join(parts)
    return f'??? example exercise-solution "{words.show_solution}"\n\n{_indent(body)}'


def _key_attributes(exercise: Exercise, key: Key) -> str:
    attributes = f'data-kind="{exercise.kind}" data-key="{_attribute(key.value)}"'
    if exercise.kind == "number":
        attributes += f' data-tolerance="{_attribute(exercise.tolerance)}"'
    return attributes


def render_exercise(exercise: Exercise, number: int, key: Key, language: str, words: Words) -> str:
    question = exercise.question[language]
    if exercise.kind == "output":
        question += "\n\n" + words.what_it_prints + "\n\n" + _fence(exercise.solution, "python")
    blocks = [
        # The stable anchor (#exercise-<id>, the same in every language) is on the exercise; its
        # heading gets the page language's slug, like every other heading.
        f'<div class="exercise" id="exercise-{exercise.id}" data-exercise="{exercise.id}" '
        f"{_key_attributes(exercise, key)} markdown>",
        f"### {words.exercise.format(number=number)}",
        f'<div class="exercise-question" markdown>\n\n{question}\n\n</div>',
        _form(exercise, language, words),
        '<p class="exercise-solved" hidden>' + html.escape(words.solved_before) + "</p>",
        '<div class="exercise-result" role="status" aria-live="polite"></div>',
        _hints(exercise, language),
        _solution(exercise, key, language, words),
        "</div>",
    ]
    return "\n\n".join(blocks)


def render_exercises(
    exercises: list[Exercise], keys: dict[tuple[str, str], Key], page_id: str, language: str, words: Words
) -> str:
    """The `## Exercises` section of one page; `page_id` names it in the reader's saved progress."""
    verdicts = {
        "right": words.right,
        "not-yet": words.not_yet,
        "unreadable": words.unreadable,
        "empty": words.empty,
    }
    data = " ".join(f'data-{name}="{_attribute(text)}"' for name, text in verdicts.items())
    rendered = "\n\n".join(
        render_exercise(exercise, number, keys[exercise.path, exercise.id], language, words)
        for number, exercise in enumerate(exercises, 1)
    )
    return (
        f"## {words.exercises}\n\n"
        f'<div class="exercises" data-page="{_attribute(page_id)}" {data} markdown>\n\n{rendered}\n\n</div>\n'
    )
