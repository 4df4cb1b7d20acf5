"""sitebuild/exercises/: every solution computes its recorded answer, bad exercise files are named by
file and line, pages and data files come in pairs, and the page's number parser reads what readers write."""

from __future__ import annotations

import contextlib
import io
import json
import math
import subprocess
import textwrap
from pathlib import Path

import pytest

from sitebuild.exercises.data import EXERCISES_DIR, MARKER, ExerciseError, load_exercises, page_for
from sitebuild.words import WORDS
from tests.support.scratch_project import GOOD_EXAMPLE, failed_build_output, make_project
from tests.support.site_build import ROOT

DOCS = ROOT / "docs"
DATA_FILES = sorted((DOCS / EXERCISES_DIR).rglob("*.yml"))
EXERCISES = [exercise for path in DATA_FILES for exercise in load_exercises(path, path.relative_to(ROOT).as_posix())]
SCRIPT = DOCS / "javascripts" / "exercises.js"


# ------------------------------------------------------------------ the solutions, run directly


@pytest.mark.parametrize("exercise", [e for e in EXERCISES if e.solution], ids=lambda e: f"{e.path}:{e.id}")
def test_solution_computes_the_recorded_answer(exercise):
    # Blank lines first, so a traceback's line numbers are the exercise file's.
    code = compile("\n" * (exercise.solution_line - 1) + exercise.solution, exercise.path, "exec")
    namespace = {"__name__": "__exercise__"}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, namespace)
    where = f"{exercise.where} ({exercise.id})"
    if exercise.kind == "number":
        computed = namespace["answer"]
        computed = computed.item() if hasattr(computed, "item") else computed
        assert abs(computed - exercise.answer) <= exercise.tolerance, (
            f"{where}: the solution computes {computed!r}, the file records {exercise.answer!r} "
            f"(tolerance {exercise.tolerance})"
        )
    elif exercise.kind == "output":
        assert printed.getvalue().split() == exercise.answer.split(), (
            f"{where}: the code prints {printed.getvalue()!r}, the file records {exercise.answer!r}"
        )
    elif "answer" in namespace:
        assert namespace["answer"] == exercise.correct_choice, f"{where}: the solution picks another option"


# Issue 18: the four key components and the ten milestones each end with exercises.
PAGES_WITH_EXERCISES = [f"components/{name}.md" for name in ("data", "model", "loss", "optimization")] + [
    f"history/{name}.md"
    for name in (
        "alexnet",
        "dqn",
        "seq2seq",
        "adam",
        "gan",
        "resnet",
        "transformer",
        "bert",
        "big-language-models",
        "self-supervised",
    )
]


def test_every_lecture_page_has_exercises():
    pages = [page_for(path.relative_to(DOCS).as_posix()) for path in DATA_FILES]
    assert sorted(pages) == sorted(PAGES_WITH_EXERCISES)
    kinds = {exercise.kind for exercise in EXERCISES}
    assert kinds == {"number", "output", "choice"}, f"the exercises should mix the three kinds, not only {kinds}"


@pytest.mark.parametrize("data_file", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_page_shows_its_exercises_in_every_language(data_file):
    page = DOCS / page_for(data_file.relative_to(DOCS).as_posix())
    for language in WORDS:
        source = page if language == "en" else page.with_suffix(f".{language}.md")
        text = source.read_text(encoding="utf-8")
        assert text.rstrip().endswith(MARKER), f"{source.relative_to(ROOT)} should end with {MARKER}"
    assert 2 <= len(load_exercises(data_file, str(data_file))) <= 4, f"{data_file.name}: write two to four exercises"


def test_korean_text_uses_the_glossary_terms():
    import yaml

    avoided = {
        term: entry["ko"]
        for entry in yaml.safe_load((DOCS / "glossary.yml").read_text())
        for term in entry.get("avoid") or []
    }
    found = []
    for exercise in EXERCISES:
        texts = [exercise.question["ko"], exercise.explanation["ko"], *(exercise.hint or {}).values()]
        texts += [c.text["ko"] for c in exercise.choices] + [
            c.misconception["ko"] for c in exercise.choices if c.misconception
        ]
        for term, preferred in avoided.items():
            if any(term in text for text in texts):
                found.append(f"{exercise.where} ({exercise.id}): '{term}' -> write '{preferred}'")
    assert not found, "\n".join(found)


# ------------------------------------------------------------------ bad exercise files


def problems_in(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ExerciseError) as error:
        load_exercises(path, "docs/exercises/bad.yml")
    return str(error.value)


GOOD_NUMBER = """\
    exercises:
      - id: square
        kind: number
        question: {en: "What is 3 squared?", ko: "3의 제곱은?"}
        hint: {en: "Multiply.", ko: "곱하세요."}
        solution: |
          answer = 3 ** 2
        answer: 9
        tolerance: 0
        explanation: {en: "Nine.", ko: "아홉입니다."}
"""


def test_good_file_loads(tmp_path):
    path = tmp_path / "good.yml"
    path.write_text(textwrap.dedent(GOOD_NUMBER), encoding="utf-8")
    [exercise] = load_exercises(path, "good.yml")
    assert (exercise.id, exercise.answer, exercise.solution_line) == ("square", 9, 7)


def test_number_without_answer_is_named_by_line(tmp_path):
    message = problems_in(tmp_path, GOOD_NUMBER.replace("    answer: 9\n", ""))
    assert "docs/exercises/bad.yml:2: exercise 'square': this number exercise has no 'answer'" in message, message


def test_missing_translation_is_named_by_line(tmp_path):
    message = problems_in(tmp_path, GOOD_NUMBER.replace(', ko: "곱하세요."', ""))
    assert "docs/exercises/bad.yml:5: exercise 'square': 'hint' has no 'ko'" in message, message


def test_untranslated_korean_is_named_by_line(tmp_path):
    message = problems_in(tmp_path, GOOD_NUMBER.replace('ko: "3의 제곱은?"', 'ko: "What is 3 squared?"'))
    assert "bad.yml:4:" in message and "'question: ko' has no Korean" in message, message


CHOICES = """\
    exercises:
      - id: pick
        kind: choice
        question: {en: "Which?", ko: "어느 것?"}
        choices:
          - en: "This one"
            ko: "이것"
            correct: true
          - en: "That one"
            ko: "저것"
            correct: true
          - en: "Neither"
            ko: "둘 다 아님"
        explanation: {en: "Because.", ko: "왜냐하면."}
"""


def test_choice_list_needs_exactly_one_right_answer_and_misconceptions(tmp_path):
    message = problems_in(tmp_path, CHOICES)
    assert "bad.yml:6: exercise 'pick': exactly one option must be marked 'correct: true'; options 1, 2 are" in message
    assert "bad.yml:12: exercise 'pick': option 3 is a wrong option without a 'misconception'" in message, message
    none_right = CHOICES.replace("            correct: true\n", "")
    assert "exactly one option must be marked 'correct: true'; none is." in problems_in(tmp_path, none_right)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path):
    text = GOOD_NUMBER.replace("    answer: 9\n", "") + CHOICES.removeprefix("    exercises:\n")
    message = problems_in(tmp_path, text)
    assert "'square': this number exercise has no 'answer'" in message and "'pick': exactly one" in message


def project_with_exercises(tmp_path: Path, exercises: str, page: str = "# Loss\n\nText.\n\n<!-- exercises -->\n"):
    project = make_project(tmp_path, {"loss.md": page}, {"fine.py": GOOD_EXAMPLE})
    (project / "docs" / "exercises").mkdir()
    (project / "docs" / "exercises" / "loss.yml").write_text(textwrap.dedent(exercises), encoding="utf-8")
    return project


def test_malformed_exercise_fails_the_build_naming_file_and_line(tmp_path):
    output = failed_build_output(project_with_exercises(tmp_path, CHOICES))
    assert "docs/exercises/loss.yml:6: exercise 'pick': exactly one option" in output, output


def test_solutions_that_raise_or_disagree_fail_the_build_naming_file_and_line(tmp_path):
    bad = (
        GOOD_NUMBER.replace("answer = 3 ** 2", "answer = 3 ** 3")
        + """\
      - id: raises
        kind: output
        question: {en: "What prints?", ko: "무엇이 출력될까요?"}
        hint: {en: "Read it.", ko: "읽어 보세요."}
        solution: |
          values = [1, 2]
          print(values[2])
        answer: "2"
        explanation: {en: "It fails.", ko: "실패합니다."}
"""
    )
    output = failed_build_output(project_with_exercises(tmp_path, bad))
    assert "docs/exercises/loss.yml:2: exercise 'square': the solution computes 27, but 'answer' says 9" in output
    assert "docs/exercises/loss.yml:17: exercise 'raises': the solution raised IndexError" in output, output


def test_a_marker_needs_its_data_file_and_a_data_file_its_marker(tmp_path):
    project = project_with_exercises(tmp_path, GOOD_NUMBER, page="# Loss\n\nText, and no marker.\n")
    output = failed_build_output(project)
    assert "docs/loss.md: docs/exercises/loss.yml has exercises for this page; put <!-- exercises -->" in output
    (project / "docs" / "exercises" / "loss.yml").rename(project / "docs" / "exercises" / "lost.yml")
    output = failed_build_output(project)
    assert "docs/exercises/lost.yml:1: there is no page docs/lost.md" in output, output


# ------------------------------------------------------------------ the reader's side: the parser


def parse_in_node(texts: list[str]) -> list[float | None]:
    script = f"const page = require({json.dumps(str(SCRIPT))});\n"
    script += f"console.log(JSON.stringify({json.dumps(texts)}.map(page.parseNumber)));"
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


READABLE = {
    "0.5": 0.5,
    ".5": 0.5,
    "5e-1": 0.5,
    "5E-1": 0.5,
    "50 %": 0.5,
    "50%": 0.5,
    "1/2": 0.5,
    " 0.5 ": 0.5,
    "−0.5": -0.5,  # the minus sign a phone keyboard or a copied page gives
    "61,100,840": 61100840,
    "1.25": 1.25,
    "０.５": 0.5,  # full-width, as a Korean input method may type it
    "3만": 30000,
    "1.1억": 110000000,
}
UNREADABLE = ["", "abc", "0,5", "1,5", "1/0", "5e", "--1", "1..2"]


def test_the_page_reads_numbers_as_readers_write_them():
    values = parse_in_node(list(READABLE))
    for (text, expected), value in zip(READABLE.items(), values, strict=True):
        assert value is not None and math.isclose(value, expected, rel_tol=1e-12), (text, value)


def test_the_page_refuses_what_is_not_a_number():
    assert parse_in_node(UNREADABLE) == [None] * len(UNREADABLE)
