"""Build the offline copy (a zip) and the PDF of each language: `python -m sitebuild.editions [folder]`.

Run by `make editions` (which `make build` runs after the site) and by the deploy workflow; never
by `make serve`. For each language it builds the site again with Material's offline plugin and
only that language (sitebuild/offline_copy.py), prints that build's print view
(sitebuild/print_view.py) with the Chromium the browser tests drive (sitebuild/chromium.py),
puts the PDF into the copy's `downloads/` folder, and zips the copy. Everything lands in
`folder` (default: site/downloads, where Home links to it: sitebuild/edition_links.py):

    dl-basics-en.zip  dl-basics-en.pdf  dl-basics-ko.zip  dl-basics-ko.pdf
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild.chromium import MissingChromium, launch_chromium
from sitebuild.edition_links import DOWNLOADS, file_name
from sitebuild.offline_copy import SHIM_URL, OneLanguageSources
from sitebuild.print_view import write_print_view
from sitebuild.site import read_mkdocs_yml, site_languages

ROOT = Path(__file__).resolve().parent.parent
# Page numbers at the foot of every PDF page (Chromium fills in the two spans).
FOOTER = (
    '<div style="font-size: 9px; width: 100%; text-align: center; color: #555;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)
MARGIN = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


def build_offline_copy(language: str, site_dir: Path, project: Path = ROOT) -> None:
    """`mkdocs build --strict` of one language, with the offline plugin, into `site_dir`."""
    raw = read_mkdocs_yml(project)
    plugins = []
    for plugin in raw["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugins.append("offline")  # before i18n, so its settings reach every language's build
            plugin = {"i18n": {**plugin["i18n"], "build_only_locale": language}}
        plugins.append(plugin)
    extra = {**(raw.get("extra") or {}), "polyfills": [SHIM_URL]}  # else the plugin adds unpkg.com's
    config = load_config(
        str(project / "mkdocs.yml"),
        plugins=plugins,
        extra=extra,
        site_dir=str(site_dir),
        use_directory_urls=False,
        strict=True,
    )
    config.plugins["sitebuild/one-language-sources"] = OneLanguageSources(language)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def print_pdf(page: Path, pdf: Path) -> None:
    """Print `page` (a file) to `pdf` with Debian's Chromium: A4, backgrounds, page numbers."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri(), wait_until="load")
            tab.evaluate("document.fonts.ready.then(() => true)")
            tab.pdf(
                path=str(pdf),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin=MARGIN,
            )
        finally:
            browser.close()


def zip_folder(folder: Path, archive: Path) -> None:
    """`archive` holds `folder` under its own name, files in a stable order."""
    temporary = archive.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, Path(folder.name) / path.relative_to(folder))
    temporary.replace(archive)


def build_editions(out: Path, project: Path = ROOT) -> list[Path]:
    """Both editions of every language into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="editions-") as scratch:
        for language in site_languages(project):
            started = time.monotonic()
            copy = Path(scratch) / f"dl-basics-{language}"
            build_offline_copy(language, copy, project)
            page, _ = write_print_view(copy, language)
            pdf = out / file_name(language, "pdf")
            print_pdf(page, pdf)
            page.unlink()  # the copy has its pages; the print view is only for the PDF
            (copy / DOWNLOADS).mkdir(exist_ok=True)
            shutil.copy2(pdf, copy / DOWNLOADS / pdf.name)
            archive = out / file_name(language, "zip")
            zip_folder(copy, archive)
            written += [archive, pdf]
            print(f"editions: {language}: {archive.name}, {pdf.name} in {time.monotonic() - started:.0f} s")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "site" / DOWNLOADS)
    arguments = parser.parse_args(argv)
    # MkDocs' warnings and errors, as `mkdocs build` prints them (it configures no logging itself here).
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-8s-  %(message)s")
    try:
        build_editions(arguments.folder.resolve())
    except MissingChromium as error:
        raise SystemExit(f"The PDF is printed with Debian's Chromium: {error}.") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
