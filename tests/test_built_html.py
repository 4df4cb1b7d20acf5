"""tests/support/built_html.py: a page is parsed once until its file changes, and its shared tree is read-only."""

from __future__ import annotations

import copy
import os

import pytest

from tests.support.built_html import parsed

PAGE = '<html><head><meta charset="utf-8"></head><body><h1 id="t">Title<a class="headerlink">¶</a></h1></body></html>'


def test_a_page_is_parsed_once_and_again_when_its_file_changes(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    first = parsed(page)
    assert parsed(tmp_path / "." / "index.html") is first
    page.write_text(PAGE.replace("Title", "Rebuilt"), encoding="utf-8")
    status = page.stat()
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))  # a later mtime on coarse clocks too
    assert parsed(page) is not first and parsed(page).h1.get_text() == "Rebuilt¶"


def test_a_shared_tree_refuses_changes_and_a_copy_takes_them(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    heading = parsed(page).h1
    for change in (
        lambda: heading.select_one("a").decompose(),
        lambda: heading.select_one("a").extract(),
        lambda: heading.append("x"),
        lambda: heading.clear(),
        lambda: heading.__setitem__("id", "x"),
    ):
        with pytest.raises(TypeError, match="read-only"):
            change()
    own = copy.copy(heading)
    own.select_one("a").decompose()
    own["id"] = "changed"
    assert str(own) == '<h1 id="changed">Title</h1>'
    assert str(parsed(page).h1) == '<h1 id="t">Title<a class="headerlink">¶</a></h1>'
