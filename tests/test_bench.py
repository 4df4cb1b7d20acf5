"""The benchmark's own logic: reading build logs, finding pages, the no-execution config.

The timings themselves are never asserted (speed is measured, not tested); these check
that `make bench` counts and finds the right things.
"""

from __future__ import annotations

import yaml

from bench import builds, lighthouse, project, report, serve_edit, timed
from tests.support.site_browser import LANGUAGE_ROOTS, PAGES


def test_build_log_counts_executions_and_cache_hits():
    run = timed.Run(
        ["mkdocs"],
        10.0,
        0,
        [
            (1.0, "INFO    -  Converting notebook (execute=True): /p/examples/a.py"),
            (2.0, "[IPKernelApp] WARNING | the kernel's own stderr, not a build step"),
            (4.5, "INFO    -  Cache miss, writing: /p/examples/a.py"),
            (5.0, "INFO    -  Cache hit: /p/examples/b.py"),
            (6.0, "INFO    -  Converting notebook (execute=False): /p/examples/c.py"),
        ],
    )
    build = builds.read_log(run)
    assert build.executed == ["a.py"]
    assert build.cache_hits == ["b.py"]
    assert build.seconds_per_example == {"a.py": 3.5, "c.py": 4.0}


def test_lighthouse_reports_the_run_with_the_median_performance(monkeypatch):
    runs = iter([85, 73, 80])

    def one_run(binary, url):
        performance = next(runs)
        return {"scores": {"performance": performance}, "metrics": {"TBT": f"{2000 - 20 * performance} ms"}}

    monkeypatch.setattr(lighthouse, "audit", one_run)
    result = lighthouse.median_audit(None, "http://x/", runs=3)
    assert result["scores"]["performance"] == 80
    assert result["metrics"] == {"TBT": "400 ms"}  # the metrics of that same run
    assert result["performance_runs"] == [85, 73, 80]


def test_lighthouse_stops_at_a_failed_run(monkeypatch):
    monkeypatch.setattr(lighthouse, "audit", lambda binary, url: {"error": "Chrome did not start"})
    assert lighthouse.median_audit(None, "http://x/", runs=3) == {"error": "Chrome did not start"}


def test_no_execution_config_inherits_and_only_turns_execution_off(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n"
        "  - mkdocs-jupyter:\n      include: ['examples/*.py']\n      execute: true\n"
    )
    child = yaml.safe_load(project.write_no_execution_config(tmp_path).read_text())
    assert child == {
        "INHERIT": "mkdocs.yml",
        "plugins": ["search", {"mkdocs-jupyter": {"include": ["examples/*.py"], "execute": False, "cache": False}}],
    }


def test_pages_and_their_kinds():
    """make bench weighs and picks Lighthouse pages by kind, in every language."""
    kinds = {page.path: page.kind for page in PAGES}
    assert LANGUAGE_ROOTS == ["", "ko/"]
    assert [kinds[root] for root in LANGUAGE_ROOTS] == ["home", "home"]
    assert kinds["404.html"] == "404"
    for root in LANGUAGE_ROOTS:
        assert kinds[f"{root}examples/outliers/"] == "example"
        assert kinds[f"{root}components/loss/"] == "lecture"
    assert set(kinds.values()) == {"home", "lecture", "example", "404"}


def test_page_url_follows_directory_urls(tmp_path):
    docs = tmp_path / "docs"
    assert serve_edit.page_url_path(docs, docs / "index.md") == ""
    assert serve_edit.page_url_path(docs, docs / "loss.md") == "loss/"
    assert serve_edit.page_url_path(docs, docs / "sub" / "index.md") == "sub/"


def test_table_marks_missed_goals_and_leaves_no_goal_blank():
    table = report.format_table(
        [
            report.Row("fast", "1.00 s", "< 2 s", True),
            report.Row("slow", "3.00 s", "< 2 s", False),
            report.Row("info", "5"),
        ]
    )
    lines = table.splitlines()
    assert lines[2].split()[-1] == "ok"
    assert lines[3].split()[-1] == "MISSED"
    assert lines[4].split() == ["info", "5"]
