"""The words the build writes around the content (labels, footer, citations), in each language.

Content is translated in its own files (`x.ko.md`, `examples/x.ko.md`, the `ko:` maps of
`docs/timeline.yml`); everything the build code itself writes on a page comes from here.
Adding a language means adding one `Words` to `WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

DEFAULT_LANGUAGE = "en"
MONTHS = ("January February March April May June July August September October November December").split()


@dataclass(frozen=True)
class Words:
    """Every word the build writes around the content, in one language."""

    language_name: str  # in English, for error messages
    script: re.Pattern | None  # translated text must contain this script (None: the data's own language)
    script_name: str
    component_names: dict[str, str]  # badge and table column of each of COMPONENTS
    components_label: str  # what a screen reader hears for a timeline entry's badges
    milestone: str
    year: str
    paper: str
    also: str
    changed: str
    example: str
    back_to_timeline: str  # {first}, {last}
    discussed_on: str  # the references' line under each milestone heading: {link}
    paper_link: str  # link text for a paper with no arXiv id
    two_authors: str  # {0}, {1}: surnames
    et_al: str  # {0}: the first surname, or a list of names
    # Where in a paper a citation points, `[cite:he2016, Section 4.1]`: each English locator word
    # and how this language writes it around the number ({n}); empty: written as in the page.
    locators: dict[str, str]
    locators_joined_by: str  # "Section 1 and Figure 1"
    month_of_year: Callable[[int, int], str]  # (year, month) -> "December 2014"
    # Example pages
    downloads: str  # the line under an example's title: {script}, {notebook}, {run}
    last_changed: str  # under the page: {time}
    # The glossary page (sitebuild/glossary/)
    glossary_avoid: str  # before the renderings a translation must not use
    # A translation older than its English source (sitebuild/stale_translations.py)
    stale_translation: str  # {date}: when the English changed
    stale_translation_link: str  # the link to the English page
    # Names of blocks that scroll sideways on a phone (scroll_regions.py), read by screen readers
    formula_region: str
    output_region: str
    table_region: str
    # Home: the offline copy and the PDF (sitebuild/edition_links.py)
    editions: str  # on the site: {zip}, {pdf}
    offline_edition: str  # in the offline copy: {pdf}
    zip_link: str
    pdf_link: str
    contents: str  # the PDF's table of contents (sitebuild/print_view.py)
    # Footer
    executed_with: str  # {libraries}
    libraries_joined_by: str
    # Exercises (sitebuild/exercises/render.py; the script docs/javascripts/exercises.js shows the
    # verdicts, which the page hands it as data attributes)
    exercises: str  # the section's heading
    exercise: str  # each exercise's heading: {number}
    your_answer: str  # the answer field's label
    choose_one: str  # the options' legend
    what_it_prints: str  # the question of an output exercise, above its code
    number_format: str  # under a number field
    within: str  # under a number field with a tolerance: {tolerance}
    exact: str  # under a number field without one
    output_format: str  # under an output exercise's field
    check: str  # the button
    right: str  # verdicts, announced by screen readers
    not_yet: str
    unreadable: str  # a number field holding no number
    empty: str  # nothing written or chosen
    solved_before: str  # remembered in the browser
    show_solution: str  # the summary of the worked solution
    the_answer: str  # in the worked solution: {answer}
    it_prints: str


WORDS = {
    "en": Words(
        language_name="English",
        script=None,
        script_name="",
        component_names={"data": "data", "model": "model", "loss": "loss", "optimization": "optimization"},
        components_label="Key components it changed",
        milestone="Milestone",
        year="Year",
        paper="Paper",
        also="Also",
        changed="Changed",
        example="Example",
        back_to_timeline="All milestones, {first}–{last}",
        discussed_on="Discussed on {link}.",
        paper_link="paper",
        two_authors="{0} and {1}",
        et_al="{0} et al.",
        locators={},
        locators_joined_by=" and ",
        month_of_year=lambda year, month: f"{MONTHS[month - 1]} {year}",
        glossary_avoid="Renderings to avoid",
        stale_translation="This translation is older than its English original, changed on {date}.",
        stale_translation_link="Read the English original",
        downloads="Download this example: {script} (script) · {notebook} (notebook). Run it with {run}.",
        last_changed="Last changed on {time}",
        formula_region="Formula",
        output_region="Output",
        table_region="Table",
        editions=(
            "**Read it offline**: {zip} (unzip it and open <code>index.html</code>; search works without "
            "a connection) or {pdf}, every page in order, to print or annotate."
        ),
        offline_edition="**This is the offline copy** of the site; {pdf} is in its <code>downloads</code> folder.",
        zip_link="the whole site as a zip",
        pdf_link="the lecture as a PDF",
        contents="Contents",
        executed_with="Examples executed with {libraries}.",
        libraries_joined_by=" and ",
        exercises="Exercises",
        exercise="Exercise {number}",
        your_answer="Your answer",
        choose_one="Choose one answer",
        what_it_prints="What does this code print?",
        number_format="Write a number: 0.5, .5, 5e-1, 50 % and 1/2 are all read as one half.",
        within="Answers within ±{tolerance} of the solution's count as right.",
        exact="Give the exact value.",
        output_format="Write what it prints; spaces and line breaks do not matter.",
        check="Check",
        right="Right!",
        not_yet="Not yet.",
        unreadable="That is not a number this page can read; try a form like 0.5, 5e-1, 50 % or 1/2.",
        empty="Answer first, then check.",
        solved_before="You solved this one before.",
        show_solution="Show the solution",
        the_answer="The answer: {answer}",
        it_prints="It prints:",
    ),
    "ko": Words(
        language_name="Korean",
        script=re.compile(r"[\uac00-\ud7a3]"),
        script_name="Hangul",
        component_names={"data": "데이터", "model": "모델", "loss": "손실", "optimization": "최적화"},
        components_label="바꾼 구성 요소",
        milestone="이정표",
        year="연도",
        paper="논문",
        also="관련 논문",
        changed="바꾼 요소",
        example="예제",
        back_to_timeline="{first}–{last}년 이정표 전체 보기",
        discussed_on="{link} 페이지에서 다룹니다.",
        paper_link="논문",
        # "와/과" would depend on how the surname is pronounced; "&" reads the same in any case.
        two_authors="{0} & {1}",
        et_al="{0} 외",
        locators={
            "Section": "{n}절",
            "Sections": "{n}절",
            "Chapter": "{n}장",
            "Table": "표 {n}",
            "Tables": "표 {n}",
            "Figure": "그림 {n}",
            "Figures": "그림 {n}",
            "Fig.": "그림 {n}",
            "Algorithm": "알고리즘 {n}",
            "Appendix": "부록 {n}",
            "Equation": "식 ({n})",
            "Eq.": "식 ({n})",
            "p.": "{n}쪽",
            "pp.": "{n}쪽",
        },
        locators_joined_by=" 및 ",
        month_of_year=lambda year, month: f"{year}년 {month}월",
        glossary_avoid="쓰지 않는 표현",
        stale_translation="이 번역은 {date}에 바뀐 영어 원문보다 오래되었습니다.",
        stale_translation_link="영어 원문 보기",
        downloads="이 예제 내려받기: {script}(스크립트) · {notebook}(노트북). 실행 방법: {run}",
        last_changed="마지막 수정: {time}",
        formula_region="수식",
        output_region="출력",
        table_region="표",
        editions=(
            "**오프라인으로 읽기**: {zip}(압축을 풀고 <code>index.html</code>을 여세요. 인터넷 연결 없이도 "
            "검색됩니다) 또는 인쇄하거나 메모하기 좋게 모든 페이지를 순서대로 담은 {pdf}."
        ),
        offline_edition=(
            "**지금 보고 있는 것은 이 사이트의 오프라인 사본입니다.** {pdf}는 <code>downloads</code> 폴더에 있습니다."
        ),
        zip_link="사이트 전체 ZIP 파일",
        pdf_link="강의 PDF",
        contents="차례",
        executed_with="예제 실행 환경: {libraries}.",
        libraries_joined_by=", ",
        exercises="연습 문제",
        exercise="연습 문제 {number}",
        your_answer="내 답",
        choose_one="답을 하나 고르세요",
        what_it_prints="이 코드는 무엇을 출력할까요?",
        number_format="숫자로 적으세요. 0.5, .5, 5e-1, 50 %, 1/2는 모두 2분의 1로 읽습니다.",
        within="풀이가 구한 값과 ±{tolerance} 이내로 차이 나면 정답으로 봅니다.",
        exact="정확한 값을 적으세요.",
        output_format="출력되는 그대로 적으세요. 공백과 줄바꿈은 따지지 않습니다.",
        check="확인",
        right="맞았습니다!",
        not_yet="아직 아닙니다.",
        unreadable="읽을 수 있는 숫자가 아닙니다. 0.5, 5e-1, 50 %, 1/2 같은 꼴로 적어 보세요.",
        empty="먼저 답을 적거나 고른 다음 확인하세요.",
        solved_before="전에 푼 문제입니다.",
        show_solution="풀이 보기",
        the_answer="답: {answer}",
        it_prints="출력:",
    ),
}
TRANSLATED_LANGUAGES = tuple(language for language in WORDS if language != DEFAULT_LANGUAGE)


def words_for(language: str) -> Words:
    """This language's words; a language without them is a configuration mistake."""
    if language not in WORDS:
        raise PluginError(
            f"sitebuild/words.py has no words for the site language '{language}' (it knows "
            f"{', '.join(WORDS)}): add them to WORDS, and a '{language}:' sub-map to each milestone "
            "in docs/timeline.yml."
        )
    return WORDS[language]
