"""Read and check one page's exercise file, `docs/exercises/<page>.yml`, the one place its exercises live.

Each exercise is written once: its question, hint and explanation in every language of the
site, and its solution as Python code shared by all languages. The key a reader's answer is
checked against is what that code computes when the site is built (solutions.py); the
`answer` written here is what the author expects, and the build fails when the two differ.
Every problem in a file is reported at once, each with the file, the line and what to fix.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitebuild.words import WORDS
from sitebuild.yaml_data import (
    Problems,
    check_fields,
    line,
    mapping_fields,
    node_tree,
    texts_per_language,
    top_level_list,
    translated_texts,
)

EXERCISES_DIR = "exercises"  # under docs/; excluded from the site in mkdocs.yml (exclude_docs)
MARKER = "<!-- exercises -->"  # where a page shows its exercises: at its end, in every language
KINDS = ("number", "choice", "output")
EXERCISE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# The fields each kind needs, and the ones it may have.
REQUIRED = {
    "number": {"id", "kind", "question", "hint", "solution", "answer", "tolerance", "explanation"},
    "output": {"id", "kind", "question", "hint", "solution", "answer", "explanation"},
    "choice": {"id", "kind", "question", "choices", "explanation"},
}
OPTIONAL = {"number": set(), "output": set(), "choice": {"solution"}}
CHOICE_FIELDS = {"correct", "misconception"}  # besides its text in each language


class ExerciseError(ValueError):
    """An exercise file is wrong; the message names the file, the line and what to fix."""


@dataclass(frozen=True)
class Choice:
    text: dict[str, str]  # language -> the option's text (Markdown)
    correct: bool
    misconception: dict[str, str] | None  # language -> the hint shown when a reader picks this wrong option


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    question: dict[str, str]  # language -> Markdown
    hint: dict[str, str] | None  # shown with "not yet" (number and output)
    solution: str | None  # Python; a number's sets `answer`, an output's prints the expected text
    solution_line: int  # the file line of the solution's first line of code
    answer: float | int | str | None  # what the author expects the solution to compute or print
    tolerance: float | None
    choices: tuple[Choice, ...]
    explanation: dict[str, str]  # language -> Markdown: the worked solution
    path: str  # the file as messages name it, e.g. docs/exercises/components/loss.yml
    line: int  # where the exercise starts

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def correct_choice(self) -> int | None:
        """The 1-based position of the right option (choice exercises)."""
        return next((number for number, choice in enumerate(self.choices, 1) if choice.correct), None)


def data_file_for(page_src: str) -> str:
    """`components/loss.md` (or its translation `components/loss.ko.md`) -> `exercises/components/loss.yml`."""
    stem = page_src.removesuffix(".md")
    for language in WORDS:
        stem = stem.removesuffix(f".{language}")
    return f"{EXERCISES_DIR}/{stem}.yml"


def page_for(data_file: str) -> str:
    """`exercises/components/loss.yml` -> `components/loss.md`, the English page (relative to docs/)."""
    return data_file.removeprefix(f"{EXERCISES_DIR}/").removesuffix(".yml") + ".md"


def _number(loader, node: yaml.Node, problems: Problems, entry: str, field: str) -> float | int | None:
    value = loader.construct_object(node) if isinstance(node, yaml.ScalarNode) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        problems.add(line(node), entry, f"'{field}' must be a number, such as 0.25 or 61100840.")
        return None
    return value


def _solution_line(node: yaml.ScalarNode) -> int:
    """The file line of the code's first line: a block scalar (`|`) starts on the line after its indicator."""
    return line(node) + (1 if node.style in ("|", ">") else 0)


def _choices(node: yaml.Node, problems: Problems, entry: str) -> tuple[Choice, ...]:
    if not isinstance(node, yaml.SequenceNode) or len(node.value) < 2:
        problems.add(line(node), entry, "'choices' must be a list of at least two options.")
        return ()
    choices, right = [], []
    for number, option in enumerate(node.value, 1):
        what = f"option {number}"
        if not isinstance(option, yaml.MappingNode):
            problems.add(
                line(option),
                entry,
                f"{what} must be a mapping: its text per language, and 'correct: true' or a 'misconception'.",
            )
            continue
        fields = mapping_fields(option, problems, entry)
        check_fields(fields, option, problems, entry, what, CHOICE_FIELDS | set(WORDS), set())
        text = texts_per_language(fields, line(option), problems, entry, what)
        correct = "correct" in fields and fields["correct"].value == "true"
        if correct:
            right.append(number)
        if "correct" in fields and fields["correct"].value not in ("true", "false"):
            problems.add(line(fields["correct"]), entry, f"{what}: 'correct' must be true (or left out).")
        misconception = None
        if correct and "misconception" in fields:
            problems.add(
                line(fields["misconception"]),
                entry,
                f"{what} is the right answer; a misconception belongs to a wrong option.",
            )
        elif not correct:
            if "misconception" not in fields:
                problems.add(
                    line(option),
                    entry,
                    f"{what} is a wrong option without a 'misconception': say, per language, what a "
                    "reader who picks it believes and why that is wrong.",
                )
            else:
                misconception = translated_texts(fields["misconception"], problems, entry, f"{what} misconception")
        if text:
            choices.append(Choice(text=text, correct=correct, misconception=misconception))
    if len(right) != 1:
        found = "none is" if not right else f"options {', '.join(map(str, right))} are"
        problems.add(line(node), entry, f"exactly one option must be marked 'correct: true'; {found}.")
    return tuple(choices)


def _exercise(loader, node: yaml.Node, problems: Problems, seen: dict[str, int]) -> Exercise | None:
    if not isinstance(node, yaml.MappingNode):
        problems.add(line(node), None, "each exercise must be a mapping (id: ..., kind: ..., question: ...).")
        return None
    fields = mapping_fields(node, problems, None)
    exercise_id = fields["id"].value if "id" in fields and isinstance(fields["id"], yaml.ScalarNode) else None
    entry = f"exercise '{exercise_id}'" if exercise_id else "an exercise without an id"
    before = len(problems.messages)
    if exercise_id is not None and not EXERCISE_ID.match(exercise_id):
        problems.add(line(fields["id"]), entry, "an id is lower-case letters, digits and hyphens, like 'mse-by-hand'.")
    if exercise_id in seen:
        problems.add(line(fields["id"]), entry, f"the id is used twice: line {seen[exercise_id]} has it already.")
    elif exercise_id:
        seen[exercise_id] = line(node)
    kind = fields["kind"].value if "kind" in fields and isinstance(fields["kind"], yaml.ScalarNode) else None
    if kind not in KINDS:
        where = line(fields["kind"]) if "kind" in fields else line(node)
        problems.add(where, entry, f"'kind' must be one of {', '.join(KINDS)}.")
        return None
    known = REQUIRED[kind] | OPTIONAL[kind]
    check_fields(fields, node, problems, entry, f"this {kind} exercise", known, REQUIRED[kind])

    question = translated_texts(fields["question"], problems, entry, "question") if "question" in fields else None
    explanation = (
        translated_texts(fields["explanation"], problems, entry, "explanation") if "explanation" in fields else None
    )
    hint = translated_texts(fields["hint"], problems, entry, "hint") if "hint" in fields and "hint" in known else None

    solution, solution_line = None, line(node)
    if "solution" in fields:
        solution_node = fields["solution"]
        if not isinstance(solution_node, yaml.ScalarNode) or not solution_node.value.strip():
            problems.add(
                line(solution_node), entry, "'solution' must be Python code, written as a block: 'solution: |'."
            )
        else:
            solution, solution_line = solution_node.value.rstrip() + "\n", _solution_line(solution_node)

    answer = None
    if "answer" in fields and kind == "number":
        answer = _number(loader, fields["answer"], problems, entry, "answer")
    elif "answer" in fields and kind == "output":
        answer_node = fields["answer"]
        if not isinstance(answer_node, yaml.ScalarNode) or not answer_node.value.strip():
            problems.add(line(answer_node), entry, "'answer' must be the text the code prints.")
        else:
            answer = answer_node.value.strip()  # the scalar as written: `0.50` stays "0.50"
    tolerance = None
    if "tolerance" in fields:
        tolerance = _number(loader, fields["tolerance"], problems, entry, "tolerance")
        if tolerance is not None and tolerance < 0:
            problems.add(line(fields["tolerance"]), entry, "'tolerance' must be zero or more.")
    choices = _choices(fields["choices"], problems, entry) if "choices" in fields else ()

    if len(problems.messages) > before or None in (exercise_id, question, explanation):
        return None
    return Exercise(
        id=exercise_id,
        kind=kind,
        question=question,
        hint=hint,
        solution=solution,
        solution_line=solution_line,
        answer=answer,
        tolerance=tolerance,
        choices=choices,
        explanation=explanation,
        path=problems.shown_path,
        line=line(node),
    )


def load_exercises(path: Path, shown_path: str) -> list[Exercise]:
    """Read and check one exercise file; raise ExerciseError naming every problem."""
    problems = Problems(shown_path, ExerciseError)
    exercises: list[Exercise] = []
    with node_tree(path, problems) as (loader, root):
        seen: dict[str, int] = {}
        for node in top_level_list(root, problems, "exercises"):
            exercise = _exercise(loader, node, problems, seen)
            if exercise:
                exercises.append(exercise)
    problems.raise_if_any()
    return exercises
