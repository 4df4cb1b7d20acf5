"""Run exercise solutions in a process of their own: a JSON list of solutions on stdin, results to a file.

Started by solutions.py with the build's Python. Each solution runs in a fresh namespace with
its printing captured; its code arrives padded with blank lines so that a traceback's line
numbers are the exercise file's own. The results go to the file named by the one argument (not
stdout, which a solution or a library may write to). A result is the `answer` the code left (NumPy and
PyTorch scalars as plain numbers), what it printed, or the error with the file line it came from.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback


def plain(value):
    """A JSON value for what a solution computed: numbers, text, lists of those."""
    if hasattr(value, "tolist"):  # NumPy arrays and scalars, PyTorch tensors
        value = value.tolist()
    if isinstance(value, (tuple, list)):  # also torch.Size
        return [plain(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return repr(value)


def run(code: str, filename: str) -> dict:
    namespace = {"__name__": "__exercise__"}
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, filename, "exec"), namespace)
    except BaseException as error:  # noqa: BLE001 - any failure of a solution is reported, not raised
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == filename]
        line = frames[-1].lineno if frames else None
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
        return {"ok": False, "line": line, "error": message}
    return {
        "ok": True,
        "has_answer": "answer" in namespace,
        "answer": plain(namespace.get("answer")),
        "printed": printed.getvalue(),
    }


def main() -> None:
    solutions = json.load(sys.stdin)
    results = [run(item["code"], item["filename"]) for item in solutions]
    with open(sys.argv[1], "w", encoding="utf-8") as file:
        json.dump(results, file)


if __name__ == "__main__":
    main()
