"""Say in the site footer which NumPy and PyTorch versions ran the examples.

The examples and snippets are executed at build time by the same Python that
runs MkDocs (mkdocs-jupyter starts its kernel from it), so the versions
installed here are the ones that produced every number on the site. They are
read from the installed packages' metadata, which is quicker than importing
torch, and appended to the footer line (`copyright` in mkdocs.yml), in the
language of the build: mkdocs-static-i18n builds each language with the same
config object, so the line is replaced, not appended once more.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from mkdocs.plugins import event_priority

LIBRARIES = {"NumPy": "numpy", "PyTorch": "torch"}
# The footer line in each language the site is built in.
LINE = {
    "en": "Examples executed with {libraries}.",
    "ko": "예제 실행 환경: {libraries}.",
}
JOIN = {"en": " and ", "ko": ", "}


def executed_with(language: str = "en") -> str:
    parts = []
    for shown, package in LIBRARIES.items():
        try:
            parts.append(f"{shown} {version(package)}")
        except PackageNotFoundError:
            parts.append(f"{shown} (not installed)")
    return LINE[language].format(libraries=JOIN[language].join(parts))


def _language(config) -> str:
    theme = config.get("theme")
    language = theme["language"] if theme is not None and "language" in theme else "en"
    return language if language in LINE else "en"


# After mkdocs-static-i18n's on_config (-100), which sets this build's theme.language.
@event_priority(-110)
def on_config(config):
    text = config["copyright"] or ""
    for language in LINE:  # the line an earlier language's build added
        earlier = executed_with(language)
        text = text.replace(f"<br>{earlier}", "").replace(earlier, "")
    line = executed_with(_language(config))
    config["copyright"] = f"{text}<br>{line}" if text else line
    return config
