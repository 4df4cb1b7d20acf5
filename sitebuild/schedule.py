"""The site's own build steps in the order MkDocs runs them; the one file mkdocs.yml names under `hooks:`.

MkDocs calls each function below at one stage of a build, and mkdocs-static-i18n runs the
whole build once per language (English, then Korean). Each function lists that stage's steps,
in order, and the kind of page each applies to; the steps themselves live in the modules named.
No other file registers an event, and no step rewrites what another step wrote.

    stage            Markdown page                        example page (examples/*.py)
    on_startup       (once) `make serve --dirty`: rebuild only what a save changed
    on_config        (once per language) execution cache and limits, KaTeX, timeline data, glossary data, footer
                     exercises: read the data files, run (or recall) every solution
    on_files         (once per language) + every example in this language, + KaTeX's CSS and fonts;
                     under `make serve`, which pages a save changed; + the offline copy's worker
                     polyfill (offline builds only: sitebuild/editions.py)
    on_env           (once per language) compiled templates kept across builds
    on_page_markdown timeline markers, citations, header, -
                     glossary page, exercises at the page's marker,
                     Home's links to the offline copy and PDF
    on_pre_page      -                                    failures name script and line
      (render)       Python-Markdown                      mkdocs-jupyter executes (or its cache)
    on_page_content  glossary terms (Korean), KaTeX,      one pass: prose, math, code, outputs,
                     tables become keyboard-scrollable    figures, headings and TOC (cached);
                     regions                              then glossary terms (Korean)
    on_page_context  last-changed date                    last-changed date
                     stale-translation notice             stale-translation notice
    on_post_page     page's styles inlined;               figures, downloads; page's styles inlined;
                     Content-Security-Policy              Content-Security-Policy

The @event_priority numbers only place a stage relative to the plugins: mkdocs-jupyter (0)
and mkdocs-static-i18n (-100).
"""

from __future__ import annotations

import sys
from pathlib import Path

# MkDocs imports this file on its own; the steps are the package it sits in.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from sitebuild import (  # noqa: E402
    content_security_policy,
    edit_loop,
    edition_links,
    example_downloads,
    example_execution,
    example_page,
    example_prose,
    example_sources,
    freshness,
    katex,
    offline_copy,
    page_cache,
    page_styles,
    scroll_regions,
    site,
    stale_notice,
    templates,
    versions,
)
from sitebuild.exercises import markdown as exercises  # noqa: E402
from sitebuild.glossary import markdown as glossary  # noqa: E402
from sitebuild.site import PageKind  # noqa: E402
from sitebuild.timeline import markdown as timeline  # noqa: E402
from sitebuild.words import words_for  # noqa: E402

_figures: dict[str, dict[str, bytes]] = {}  # example page's dest path -> its figure files
_prose: dict[str, list[str] | None] = {}  # example page's dest path -> its translated prose


# ------------------------------------------------------------------ once per build, per language


def on_startup(command, dirty):
    edit_loop.start(command, dirty)  # `make serve` rebuilds only what a save changed


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set this build's language
def on_config(config):
    words = words_for(site.language(config))
    example_execution.configure(config)
    katex.start(config)
    timeline.load(config)
    glossary.load(config)
    exercises.load(config)
    freshness.start(config)
    config.extra["executed_with"] = versions.executed_with(words)
    return config


@event_priority(-110)  # after mkdocs-static-i18n (-100) has made this language's file list
def on_files(files, config):
    for file in example_sources.example_files(config) + katex.asset_files(config) + offline_copy.asset_files(config):
        files.append(file)
    edit_loop.mark_changes(files, config)
    return files


def on_env(env, config, files):
    templates.keep_compiled(env, config)  # Material's templates compile once, not on every build
    return env


# ---------------------------------------------------------------------------------- per page


def on_page_markdown(markdown, page, config, files):
    if site.page_kind(page) is PageKind.MARKDOWN:
        markdown = timeline.expand(markdown, page, config, files)
        markdown = glossary.expand(markdown, page, config)
        markdown = exercises.expand(markdown, page, config)
        markdown = edition_links.expand(markdown, page, config)
    return markdown


@event_priority(-100)  # after mkdocs-jupyter (0) has given example pages their executing render
def on_pre_page(page, config, files):
    if site.page_kind(page) is PageKind.EXAMPLE:
        example_execution.name_failures(page)
    return page


def on_page_content(html, page, config, files):
    source = Path(page.file.abs_src_path)
    if site.page_kind(page) is PageKind.MARKDOWN:
        html = glossary.mark_first_uses(html, page, config)
        html = katex.typeset_markdown_page(html, source, config)
        return scroll_regions.wrap_tables(html, words_for(site.language(config)).table_region)
    return glossary.mark_first_uses(_example_page(html, page, config, source), page, config)


def _example_page(rendered: str, page, config, script: Path) -> str:
    language = site.language(config)
    words = words_for(language)
    example_prose.reject_dropped_delimiters(script, page.file.src_uri)
    fallback = bool(config.plugins["i18n"].config.fallback_to_default) if "i18n" in config.plugins else False
    prose = example_prose.prose_for(script, language, site.default_language(config), fallback)
    downloads = example_downloads.download_line(script, words)
    labels = example_page.RegionLabels(formula=words.formula_region, output=words.output_region)

    def make() -> dict:
        made = example_page.build_example_page(
            rendered,
            prose=prose,
            typeset=lambda tex, display: katex.typeset(tex, display, script, config),
            downloads=downloads,
            labels=labels,
        )
        return {
            "content": made.content,
            "title": made.title,
            "toc": made.toc_tokens,
            "ids": sorted(made.anchor_ids),
            "figures": {name: data.hex() for name, data in made.figures.items()},
        }

    key = page_cache.key_of(
        rendered,
        repr(prose),
        downloads,
        repr(labels),
        page_cache.source_version(example_page, katex, scroll_regions),
        katex.version_key(),
    )
    made = page_cache.cached(site.cache_dir(config) / "example-pages", key, make)
    page.toc = get_toc(made["toc"])
    page.present_anchor_ids = set(made["ids"])  # MkDocs then checks links to this page's anchors
    if made["title"]:
        page.title = made["title"]  # the tab and nav title, from the first cell's `# heading`
    _figures[page.file.abs_dest_path] = {name: bytes.fromhex(data) for name, data in made["figures"].items()}
    _prose[page.file.abs_dest_path] = prose
    return made["content"]


def on_page_context(context, page, config, nav):
    freshness.add_date(page, words_for(site.language(config)))
    stale_notice.add_notice(page, config, words_for(site.language(config)))
    return context


@event_priority(-1000)  # last: the policy hashes the page's final HTML, styles included
def on_post_page(output, page, config):
    if site.page_kind(page) is PageKind.EXAMPLE:
        folder = Path(page.file.abs_dest_path).parent
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in _figures.pop(page.file.abs_dest_path, {}).items():
            (folder / name).write_bytes(data)
        example_downloads.write_downloads(
            Path(page.file.abs_src_path), folder, _prose.pop(page.file.abs_dest_path, None)
        )
    output = page_styles.inline_styles(output, Path(page.file.abs_dest_path), Path(config.site_dir))
    return content_security_policy.add_policy(output, page.file.src_uri, offline_copy.frame_scripts(output, config))


@event_priority(-1000)  # 404.html is a template, not a page
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    site_dir = Path(config.site_dir)
    output_content = page_styles.inline_styles(output_content, site_dir / template_name, site_dir)
    return content_security_policy.add_policy(
        output_content, template_name, offline_copy.frame_scripts(output_content, config)
    )


# ------------------------------------------------------------------------------------ the end


def on_post_build(config):
    katex.finish()  # writes the formulas typeset in this build to the cache


def on_build_error(error):
    katex.finish()
