"""Give every script in top-level `examples/` a page in every language the site is built in.

MkDocs only knows `docs/`, and mkdocs-static-i18n drops files from elsewhere ("Unhandled file
case", upstream issue 198). So the scripts join the site's files after both plugins have made
this language's list: wrapped for mkdocs-jupyter (which executes them), under the language's
folder (`ko/examples/...`), with the alternates the language switch reads, and with an edit link
to the file a contributor edits: the script, or for another language its prose overlay.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File
from mkdocs_jupyter.plugin import NotebookFile

from sitebuild import site
from sitebuild.example_prose import overlay_path


def _language_url(url: str, language: str, root: str) -> str:
    return url if language == root else f"{language}/{url}"


def example_files(config) -> list[File]:
    root = site.repo_root(config)
    language, default, at_root = site.language(config), site.default_language(config), site.root_language(config)
    languages = config.plugins["i18n"].build_languages if "i18n" in config.plugins else [at_root]
    pages = []
    for script in sorted((root / site.EXAMPLES_DIR).glob("*.py")):
        file = File(
            script.relative_to(root).as_posix(),
            src_dir=str(root),
            dest_dir=config["site_dir"],
            use_directory_urls=config["use_directory_urls"],
        )
        page = NotebookFile(file, config["use_directory_urls"], config["site_dir"])
        default_url = page.url
        if language != at_root:
            page.dest_path = f"{language}/{page.dest_path}"
            page.abs_dest_path = os.path.normpath(os.path.join(config["site_dir"], page.dest_path))
            page.url = _language_url(default_url, language, at_root)
        # What mkdocs-static-i18n's files carry: the page in every built language.
        page.locale = page.locale_alternate_of = language
        page.localization = None if language == at_root else language
        page.norm_src_uri = file.src_uri
        page.alternates = {
            other: page if other == language else SimpleNamespace(url=_language_url(default_url, other, at_root))
            for other in languages
        }
        # Edit links are `edit_uri` (which names docs/) + this; `..` leaves docs/.
        source = script if language == default else overlay_path(script, language)
        page.edit_uri = "../" + Path(source).relative_to(root).as_posix()
        pages.append(page)
    return pages
