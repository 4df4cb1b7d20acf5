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
    month_of_year: Callable[[int, int], str]  # (year, month) -> "December 2014"
    # Example pages
    downloads: str  # the line under an example's title: {script}, {notebook}, {run}
    last_changed: str  # under the page: {time}
    # Home: the offline copy and the PDF (sitebuild/edition_links.py)
    editions: str  # on the site: {zip}, {pdf}
    offline_edition: str  # in the offline copy: {pdf}
    zip_link: str
    pdf_link: str
    contents: str  # the PDF's table of contents (sitebuild/print_view.py)
    # Footer
    executed_with: str  # {libraries}
    libraries_joined_by: str


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
        month_of_year=lambda year, month: f"{MONTHS[month - 1]} {year}",
        downloads="Download this example: {script} (script) · {notebook} (notebook). Run it with {run}.",
        last_changed="Last changed on {time}",
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
        month_of_year=lambda year, month: f"{year}년 {month}월",
        downloads="이 예제 내려받기: {script}(스크립트) · {notebook}(노트북). 실행 방법: {run}",
        last_changed="마지막 수정: {time}",
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
