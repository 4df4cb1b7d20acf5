"""Offer each example for download next to its page: the script as it is, and a notebook in the
page's language (the Korean notebook carries the Korean prose; the code is the same)."""

from __future__ import annotations

import html
from pathlib import Path

import jupytext

from sitebuild.words import Words


def download_line(script: Path, words: Words) -> str:
    """The HTML line under an example's title."""
    name = html.escape(script.stem)
    links = {
        "script": f'<a href="{name}.py" download>{name}.py</a>',
        "notebook": f'<a href="{name}.ipynb" download>{name}.ipynb</a>',
        "run": f"<code>python {name}.py</code>",
    }
    return f'<p class="example-downloads">{words.downloads.format(**links)}</p>'


def write_downloads(script: Path, folder: Path, prose: list[str] | None) -> None:
    """`<name>.py` and `<name>.ipynb` into the page's folder; `prose` replaces the markdown cells."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / script.name).write_bytes(script.read_bytes())
    notebook = jupytext.read(script)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if prose is not None:
        cells = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
        for cell, text in zip(cells, prose, strict=True):
            cell.source = text
    jupytext.write(notebook, folder / f"{script.stem}.ipynb", fmt="ipynb")
