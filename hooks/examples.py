"""Turn the scripts in top-level `examples/` into executed pages of the site.

mkdocs-jupyter only converts files MkDocs knows, and MkDocs only knows `docs/`.
This hook adds every `examples/*.py` to the site's files (before the plugin
looks at them), names the script and line when an example fails to execute,
and offers each example for download as `.py` and `.ipynb` next to its page.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import jupytext
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

EXAMPLES_DIR = "examples"
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
# The line above each example page, in each language the site is built in (mkdocs-static-i18n
# sets theme.language per build).
DOWNLOAD_SENTENCE = {
    "en": "Download this example: {script} (script) · {notebook} (notebook). Run it with {run}.",
    "ko": "이 예제 내려받기: {script}(스크립트) · {notebook}(노트북). 실행 방법: {run}",
}


def _repo_root(config) -> Path:
    return Path(config["config_file_path"]).parent


def is_example_page(page) -> bool:
    return page.file.src_uri.startswith(EXAMPLES_DIR + "/") and page.file.src_uri.endswith(".py")


def on_config(config):
    # Kernels inherit our environment; an MPLBACKEND such as Agg (set for scripts
    # and tests) would make every figure vanish from the example pages.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    return config


# Priority 100: mkdocs-jupyter wraps the files it recognises in its own on_files,
# so ours must be in the collection before it runs.
@event_priority(100)
def on_files(files, config):
    root = _repo_root(config)
    for script in sorted((root / EXAMPLES_DIR).glob("*.py")):
        files.append(
            File(
                script.relative_to(root).as_posix(),
                src_dir=str(root),
                dest_dir=config["site_dir"],
                use_directory_urls=config["use_directory_urls"],
            )
        )
    return files


def _failing_cell_line(script: Path, message: str) -> int | None:
    """Line in `script` where the cell quoted in nbclient's error message starts."""
    quoted = re.search(r"executing the following cell:\n-+\n(.*?)\n-+\n", message, re.S)
    if not quoted:
        return None
    first_line = quoted.group(1).strip().splitlines()[0]
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() == first_line.strip():
            return number
    return None


# Priority -100: runs after mkdocs-jupyter has replaced page.render with its executor.
@event_priority(-100)
def on_pre_page(page, config, files):
    if not is_example_page(page):
        return page
    execute_and_render = page.render
    script = Path(page.file.abs_src_path)

    def render_naming_the_script(config, files):
        try:
            execute_and_render(config, files)
        except Exception as error:  # nbclient's CellExecutionError, or a dead kernel
            message = ANSI_COLOUR.sub("", str(error))  # the kernel colours its traceback
            line = _failing_cell_line(script, message)
            where = f"{page.file.src_uri}:{line}" if line else page.file.src_uri
            last = message.strip().splitlines()[-1] if message.strip() else type(error).__name__
            raise PluginError(
                f"Example {where} failed while the site was built: {last}\n"
                f"Run `python {page.file.src_uri}` to see the full traceback.\n\n{message}"
            ) from error

    page.render = render_naming_the_script
    return page


def on_page_content(content, page, config, files):
    if not is_example_page(page):
        return content
    name = html.escape(Path(page.file.src_uri).stem)
    script = f'<a href="{name}.py" download>{name}.py</a>'
    notebook = f'<a href="{name}.ipynb" download>{name}.ipynb</a>'
    run = f"<code>python {name}.py</code>"
    sentence = DOWNLOAD_SENTENCE.get(config.theme["language"], DOWNLOAD_SENTENCE["en"])
    downloads = f'<p class="example-downloads">{sentence.format(script=script, notebook=notebook, run=run)}</p>'
    # Under the page's title, where a reader looks for what the page offers.
    title_end = content.find("</h1>")
    if title_end == -1:
        return downloads + content
    title_end += len("</h1>")
    return content[:title_end] + downloads + content[title_end:]


def on_post_page(output, page, config):
    if is_example_page(page):
        script = Path(page.file.abs_src_path)
        target = Path(page.file.abs_dest_path).parent
        target.mkdir(parents=True, exist_ok=True)
        (target / script.name).write_bytes(script.read_bytes())
        notebook = jupytext.read(script)
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        jupytext.write(notebook, target / f"{script.stem}.ipynb", fmt="ipynb")
    return output
