"""Every heading has an id its permalink, the TOC and search agree on (example_page.py, toc slugify)."""

from __future__ import annotations

import json
from urllib.parse import unquote

from bs4 import BeautifulSoup

from tests.support.built_html import parsed
from tests.support.scratch_project import make_project, scratch_build
from tests.support.site_build import built_pages, example_pages

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def anchor_problems(soup: BeautifulSoup) -> list[str]:
    article = soup.select_one("article")
    ids = [element["id"] for element in soup.find_all(id=True)]
    found = [f"id {name!r} is used twice" for name in set(ids) if ids.count(name) > 1]
    for heading in article.find_all(HEADINGS):
        if not heading.get("id"):
            found.append(f"heading {heading.get_text()!r} has no id")
        elif not heading.select_one(f'a.headerlink[href="#{heading["id"]}"]'):
            found.append(f"heading {heading['id']!r} has no permalink to itself")
    for link in soup.select(".md-sidebar--secondary a.md-nav__link"):
        target = unquote(link["href"].partition("#")[2])
        if target not in ids:
            found.append(f"TOC entry {link.get_text().strip()!r} points to missing #{target}")
    return found


def test_every_heading_and_toc_entry_resolves(built_site):
    found = []
    for page in built_pages(built_site):
        if page.name == "404.html":  # Material's own page, not content anyone links into
            continue
        found += [f"{page.relative_to(built_site)}: {problem}" for problem in anchor_problems(parsed(page))]
    assert not found, "\n".join(found)


def test_korean_headings_get_ids_the_toc_and_links_agree_on(tmp_path):
    pages = {
        "index.md": "# 홈\n\n[손실](other.md#손실-함수), [예제](examples/korean.py#최대-가능도)\n",
        "other.md": "# 다른 페이지\n\n## 손실 함수\n\nText.\n\n## 손실 함수\n\nAgain.\n",
    }
    example = '# %% [markdown]\n# # 한국어 예제\n#\n# ## 최대 가능도\n#\n# Prose.\n\n# %%\nprint("ok")\n'
    project = make_project(tmp_path, pages, {"korean.py": example})
    result = scratch_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    other = (project / "site" / "other" / "index.html").read_text(encoding="utf-8")
    example_page = (project / "site" / "examples" / "korean" / "index.html").read_text(encoding="utf-8")
    assert 'id="손실-함수"' in other and 'id="손실-함수_1"' in other
    assert 'id="최대-가능도"' in example_page and 'href="#최대-가능도"' in example_page
    assert anchor_problems(BeautifulSoup(other, "html.parser")) == []
    assert anchor_problems(BeautifulSoup(example_page, "html.parser")) == []


def test_link_to_a_missing_anchor_on_an_example_page_fails_the_build(tmp_path):
    example = '# %% [markdown]\n# # Example\n#\n# ## Results\n\n# %%\nprint("ok")\n'
    pages = {"index.md": "# Home\n\nSee [the results](examples/fine.py#result).\n"}
    result = scratch_build(make_project(tmp_path, pages, {"fine.py": example}))
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "index.md" in output and "#result" in output, output


def test_example_pages_are_in_search_by_section(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for page in example_pages(built_site):
        location = f"examples/{page.parent.name}/"
        entries = [doc for doc in index["docs"] if doc["location"].startswith(location)]
        headings = [h["id"] for h in parsed(page).select("article")[0].find_all(HEADINGS)]
        sections = {doc["location"].partition("#")[2] for doc in entries}
        # The page's first heading may stand for the page itself (no fragment); all others are sections.
        assert set(headings[1:]) <= sections, f"{location}: sections {sections}, headings {headings}"
        assert all("¶" not in doc["title"] for doc in entries), entries
        assert any("print" in doc["text"] for doc in entries), f"{location}: code cells not indexed"
