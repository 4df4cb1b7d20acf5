"""Say in the site footer which NumPy and PyTorch versions ran the examples.

The examples and snippets are executed at build time by the same Python that runs MkDocs
(mkdocs-jupyter starts its kernel from it), so the versions installed here produced every
computed number on the site. They are read from the installed packages' metadata (quicker
than importing torch); overrides/partials/copyright.html shows the line under the copyright.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from sitebuild.words import WORDS, Words

LIBRARIES = {"NumPy": "numpy", "PyTorch": "torch"}


def executed_with(words: Words = WORDS["en"]) -> str:
    parts = []
    for shown, package in LIBRARIES.items():
        try:
            parts.append(f"{shown} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{shown} (not installed)")
    return words.executed_with.format(libraries=words.libraries_joined_by.join(parts))
