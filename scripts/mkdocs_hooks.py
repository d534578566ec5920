"""MkDocs hooks and a griffe extension for the documentation site (mkdocs.yml names both).

- The pages under docs/ are also read on GitHub, where they link the examples as ``../examples/…``:
  outside the site's docs folder. The site copies examples/ in as ``examples/…`` and rewrites those
  links to it, so both readings work and ``mkdocs build --strict`` still checks every link.
- The docstrings are written for ``help()`` and doctest: ``>>>`` sessions and Sphinx roles
  (``:func:`x```). ``DoctestFences`` shows each session as a code block and a role as code, on the
  API reference page only; the source stays as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
_ROLE = re.compile(r":(?:func|class|meth|attr|mod|data|exc|obj):`")


def on_files(files: Files, config: Any) -> Files:
    for path in sorted(p for p in EXAMPLES.rglob("*") if p.is_file()):
        uri = f"examples/{path.relative_to(EXAMPLES).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    up = "../" * page.file.src_uri.count("/")  # from a page in a subfolder, back to the top
    return markdown.replace("](../examples/", f"]({up}examples/")


def fence_doctests(text: str) -> str:
    """Return `text` with each doctest session (``>>>`` to the next blank line) fenced as pycon."""
    out: list[str] = []
    indent: str | None = None
    for line in text.splitlines():
        if indent is None and line.lstrip().startswith(">>>"):
            indent = line[:len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
        elif indent is not None and not line.strip():
            out.append(f"{indent}```")
            indent = None
        out.append(line)
    if indent is not None:
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests and unwrap the Sphinx roles of every docstring the site shows."""

    def on_object(self, *, obj: griffe.Object, **_: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub("`", fence_doctests(obj.docstring.value))
