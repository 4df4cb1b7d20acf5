"""Keep Material's compiled Jinja templates across builds, in `.cache/jinja/`.

MkDocs makes a new template environment for every build (twice per build here, once per
language), and compiling Material's templates was the largest cost of a rebuild under
`make serve`. Jinja's bytecode cache is keyed by each template's name and source checksum,
so an edited template (overrides/) is compiled again.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from sitebuild import site


def keep_compiled(env, config) -> None:
    folder = site.cache_dir(config) / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
