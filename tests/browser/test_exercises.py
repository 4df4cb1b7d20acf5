"""Reader journey: answer exercises wrong and right by keyboard, in both languages, under the page's CSP.

The verdict must reach the exercise's aria-live region (what a screen reader announces), with
the hint or the misconception of the option chosen; a solved exercise is remembered on reload;
axe finds nothing serious with a worked solution open; the form fits a 375 px screen.
"""

from __future__ import annotations

import pytest

from sitebuild.words import WORDS
from tests.browser.test_accessibility import BLOCKING_IMPACT, describe
from tests.support.page_visit import axe_violations

# Collects the page's Content-Security-Policy violations (run before the page's own scripts).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""
PAGES = {"en": "components/loss/", "ko": "ko/components/loss/"}


def open_page(new_page, site_url, language, **options):
    page = new_page(**options)
    page.add_init_script(WATCH_CSP)
    page.goto(site_url + PAGES[language], wait_until="networkidle")
    return page


def tab_to(page, selector: str, limit: int = 12) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def start_at(page, exercise_id: str) -> None:
    """Follow the exercise's heading link, as a keyboard user would from the table of contents."""
    page.goto(page.url.split("#")[0] + f"#exercise-{exercise_id}")


def result_of(page, exercise_id: str):
    region = page.locator(f'[data-exercise="{exercise_id}"] .exercise-result')
    assert region.get_attribute("aria-live") == "polite"
    return region


# (page, exercise, a wrong answer, a word of its hint, a right answer in a form other than the key's)
NUMBER_CASES = [
    ("components/loss/", "mse-two-conventions", "2.5", "PyTorch", "125 %"),  # the notes' convention
    ("history/bert/", "mask-share", "0.15", "80 %", "12 %"),  # forgetting the 80 %
]


@pytest.mark.parametrize("language", PAGES)
@pytest.mark.parametrize("case", NUMBER_CASES, ids=lambda case: case[0] + case[1])
def test_number_answered_wrong_then_right_by_keyboard(new_page, site_url, language, case):
    path, exercise_id, wrong, hint_word, right = case
    words = WORDS[language]
    page = new_page()
    page.add_init_script(WATCH_CSP)
    prefix = "" if language == "en" else f"{language}/"
    page.goto(site_url + prefix + path, wait_until="networkidle")
    start_at(page, exercise_id)
    tab_to(page, f"#exercise-{exercise_id}-answer")
    page.keyboard.type(wrong)
    page.keyboard.press("Enter")
    region = result_of(page, exercise_id)
    assert words.not_yet in region.inner_text()
    assert hint_word in region.inner_text(), "the hint should come with 'not yet'"
    page.keyboard.press("Control+A")
    page.keyboard.type(right)
    page.keyboard.press("Enter")
    assert region.inner_text().strip() == words.right
    assert page.evaluate("window.__cspViolations") == []


@pytest.mark.parametrize("language", PAGES)
def test_choice_answered_wrong_then_right_by_keyboard(new_page, site_url, language):
    words = WORDS[language]
    page = open_page(new_page, site_url, language)
    start_at(page, "gaussian-likelihood")
    tab_to(page, 'input[name="exercise-gaussian-likelihood-answer"]')
    page.keyboard.press("ArrowDown")  # moves to and selects option 2, the notes' log ŷ mistake
    tab_to(page, '[data-exercise="gaussian-likelihood"] .exercise-check')
    page.keyboard.press("Enter")
    region = result_of(page, "gaussian-likelihood")
    assert words.not_yet in region.inner_text()
    assert region.locator(".katex").count() > 0, "the misconception's formula should be shown, typeset"
    page.keyboard.press("Shift+Tab")  # back to the checked option
    page.keyboard.press("ArrowUp")  # option 1
    tab_to(page, '[data-exercise="gaussian-likelihood"] .exercise-check')
    page.keyboard.press("Enter")
    assert region.inner_text().strip() == words.right
    assert page.evaluate("window.__cspViolations") == [], "showing the hint must not break the page's CSP"


def test_output_exercise_ignores_spacing_and_says_what_is_unreadable(new_page, site_url):
    page = open_page(new_page, site_url, "en")
    start_at(page, "uniform-logits")
    tab_to(page, "#exercise-uniform-logits-answer")
    page.keyboard.press("Enter")
    region = result_of(page, "uniform-logits")
    assert region.inner_text().strip() == WORDS["en"].empty
    page.keyboard.type(" 1.386 ")
    page.keyboard.press("Enter")
    assert region.inner_text().strip() == WORDS["en"].right


def test_a_solved_exercise_is_remembered_across_languages(new_page, site_url):
    page = open_page(new_page, site_url, "en")
    solved = page.locator('[data-exercise="mse-two-conventions"] .exercise-solved')
    assert solved.is_hidden()
    page.fill("#exercise-mse-two-conventions-answer", "1.25")
    page.press("#exercise-mse-two-conventions-answer", "Enter")
    page.goto(site_url + PAGES["ko"], wait_until="networkidle")
    assert (
        page.locator('[data-exercise="mse-two-conventions"] .exercise-solved').inner_text() == WORDS["ko"].solved_before
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_with_a_solution_open(new_page, site_url, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(site_url + PAGES["ko"] + "#exercise-mse-two-conventions", wait_until="networkidle")
    tab_to(page, '[data-exercise="mse-two-conventions"] summary', limit=20)
    page.keyboard.press("Enter")
    assert page.locator('[data-exercise="mse-two-conventions"] details').get_attribute("open") is not None
    page.fill("#exercise-mse-two-conventions-answer", "3")
    page.press("#exercise-mse-two-conventions-answer", "Enter")  # a verdict and a hint on the page too
    blocking = [describe(v) for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACT]
    assert not blocking, "\n".join(blocking)


def test_exercises_fit_a_small_screen(new_page, site_url):
    page = open_page(new_page, site_url, "ko", viewport={"width": 375, "height": 740})
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.exercise-form, .exercise-choice, .exercise-answer')]"
        ".map(element => element.getBoundingClientRect().right))"
    )
    assert widest <= 375, f"an exercise control reaches {widest}px on a 375px screen"
