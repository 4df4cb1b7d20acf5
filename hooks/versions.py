"""Say in the site footer which NumPy and PyTorch versions ran the examples.

The examples and snippets are executed at build time by the same Python that
runs MkDocs (mkdocs-jupyter starts its kernel from it), so the versions
installed here are the ones that produced every number on the site. They are
read from the installed packages' metadata, which is quicker than importing
torch, and appended to the footer line (`copyright` in mkdocs.yml).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

LIBRARIES = {"NumPy": "numpy", "PyTorch": "torch"}


def executed_with() -> str:
    parts = []
    for shown, package in LIBRARIES.items():
        try:
            parts.append(f"{shown} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{shown} (not installed)")
    return "Examples executed with " + " and ".join(parts) + "."


def on_config(config):
    line = executed_with()
    config["copyright"] = f"{config['copyright']}<br>{line}" if config["copyright"] else line
    return config
