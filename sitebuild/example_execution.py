"""Execute the examples with mkdocs-jupyter: cached by what decides the output, bounded in time, and
a failure named by script and line.

mkdocs-jupyter keys its cache on the script's text and its own options only, so an upgrade of
NumPy or PyTorch would keep serving old outputs. Its cache folder is therefore named by
everything else that decides an output: `requirements.txt` and the Python, NumPy and PyTorch
versions. The build, `make serve` and the tests share it (`.cache/examples/`); `make clean`
clears it. A cell that runs longer than CELL_TIMEOUT_S, or a kernel that dies, fails the build
naming the example.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import site

# The slowest example takes a few seconds; a hang must not hold CI for long. The tests set a
# shorter limit through the environment to prove it.
CELL_TIMEOUT_S = int(os.environ.get("EXAMPLE_CELL_TIMEOUT_S", "120"))
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# How nbclient quotes the failing cell: after an error, and after a time-out.
QUOTED_CELL = re.compile(r"(?:executing the following cell|a preview of the cell contents):\n-+\n(.*?)\n-+\n", re.S)
# mkdocs-jupyter's NbConvertApp reads config files (`load_config_file()`) from JUPYTER_CONFIG_PATH,
# which points at a folder we write. The section is NotebookClient's, which ExecutePreprocessor
# inherits: mkdocs-jupyter replaces the whole ExecutePreprocessor section with its own settings.
NBCONVERT_CONFIG = {"NotebookClient": {"timeout": CELL_TIMEOUT_S}}


def environment_key(root: Path) -> str:
    """A short hash of what, besides a script's text, decides what it prints."""
    parts = [f"python={platform.python_version()}"]
    for package in ("numpy", "torch", "matplotlib", "mkdocs-jupyter", "nbconvert"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=none")
    requirements = root / "requirements.txt"
    parts.append(requirements.read_text(encoding="utf-8") if requirements.is_file() else "")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def configure(config) -> None:
    """Point mkdocs-jupyter at this environment's cache and give the kernel its settings."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None:
        return
    cache = site.cache_dir(config)
    plugin.config["cache_dir"] = str(cache / "examples" / environment_key(site.repo_root(config)))
    settings = cache / "jupyter"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "jupyter_nbconvert_config.json").write_text(json.dumps(NBCONVERT_CONFIG), encoding="utf-8")
    os.environ["JUPYTER_CONFIG_PATH"] = str(settings)
    # Kernels inherit our environment; an MPLBACKEND such as Agg (set for scripts and tests)
    # would make every figure vanish from the example pages.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"


def _failing_cell_line(script: Path, message: str) -> int | None:
    """Line in `script` where the cell quoted in nbclient's error message starts."""
    quoted = QUOTED_CELL.search(message)
    if not quoted:
        return None
    first_line = quoted.group(1).strip().splitlines()[0]
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() == first_line.strip():
            return number
    return None


def _summary(message: str) -> str | None:
    """The line that says what went wrong: the exception's last line, outside the quoted cell."""
    lines = [line.strip() for line in QUOTED_CELL.sub("\n", message).splitlines()]
    lines = [line for line in lines if line and set(line) != {"-"}]
    return lines[-1] if lines else None


def name_failures(page) -> None:
    """Wrap the render mkdocs-jupyter gave the page, so a failure names the script and line."""
    execute_and_render = page.render
    script = Path(page.file.abs_src_path)
    shown = page.file.src_uri

    def render_naming_the_script(config, files):
        try:
            execute_and_render(config, files)
        except Exception as error:  # nbclient's CellExecutionError, CellTimeoutError, DeadKernelError
            message = ANSI_COLOUR.sub("", str(error))  # the kernel colours its traceback
            line = _failing_cell_line(script, message)
            where = f"{shown}:{line}" if line else shown
            last = _summary(message) or type(error).__name__
            raise PluginError(
                f"Example {where} failed while the site was built ({type(error).__name__}): {last}\n"
                f"Run `python {shown}` to see the full traceback.\n\n{message}"
            ) from error

    page.render = render_naming_the_script


def keep_cache_of_unchanged(files, config) -> None:
    """Under `make serve --dirty`, unchanged example pages are not rendered, so mkdocs-jupyter
    never looks up their cache entries, and its post-build clean-up would delete them (and the
    next full build would execute every example again). Mark their entries as used."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not plugin.config["cache"]:
        return
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path  # pinned 0.26.3's own key

    for file in files.documentation_pages():
        if site.page_kind(file) is site.PageKind.EXAMPLE and not file.is_modified():
            key = _compute_cache_key(file.abs_src_path, plugin.config, plugin.config["execute"])
            plugin._used_cache_paths.add(_get_cache_path(plugin.config["cache_dir"], key))
