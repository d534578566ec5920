"""The documentation site builds with ``mkdocs build --strict`` (what ``make docs`` runs), offline,
and holds what issue 12 asks of it: every public name in the API reference, every example's
picture on the types page, the README showing the seed's first page."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import congvan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PICTURES = ROOT / "docs" / "img" / "types"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               # Offline: a plugin that fetched anything would fail on this dead proxy.
               HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
               http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                           "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out


def test_the_site_builds_strict_with_every_page(site: Path):
    for page in sorted((ROOT / "docs").glob("*.md")):
        built = site / ("index.html" if page.stem == "index" else f"{page.stem}/index.html")
        assert built.is_file(), page.name
    # Read offline too: the theme's fonts are not fetched from Google.
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")


def _shown(html: str) -> set[str]:
    """Return the public names the API page documents: ``congvan.X`` itself, or the object that
    ``congvan.X`` is, under the module that defines it (``congvan.render.render``)."""
    shown: set[str] = set()
    for path in re.findall(r'id="congvan\.([\w.]+)"', html):
        module, _, name = path.rpartition(".")
        if not module:
            shown.add(name)
            continue
        try:
            home = importlib.import_module(f"congvan.{module}")
        except ImportError:
            continue  # a member of a class (congvan.Template.render)
        if name in congvan.__all__ and getattr(home, name, None) is getattr(congvan, name):
            shown.add(name)
    return shown


def test_api_reference_shows_every_public_name(site: Path):
    html = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert sorted(n for n in congvan.__all__ if n != "__version__" and n not in _shown(html)) == []
    # Docstring doctests are shown as code, not as Markdown text.
    assert '<span class="gp">&gt;&gt;&gt; </span>' in html


def test_example_links_of_the_types_page_work_on_the_site(site: Path):
    html = (site / "types" / "index.html").read_text(encoding="utf-8")
    assert "../examples/" in html  # docs/types.md's ../examples/x.yaml, from types/index.html
    assert (site / "examples" / "cong-van-4172-UBND-VHTT.yaml").is_file()
    assert (site / "img" / "types" / "cong-van-4172-UBND-VHTT.png").is_file()


def test_every_example_has_its_picture_on_the_types_page():
    """scripts/build_type_pictures.py makes one picture per example (and per copy example), and
    docs/types.md shows each one."""
    script = _script("build_type_pictures")
    stems = {p.stem for p in EXAMPLES.glob("*.yaml")}
    copies = {p.stem for p in (EXAMPLES / "ban-sao").glob("*.yaml")}
    assert copies == set(script.BAN_SAO)  # every copy example is pictured
    page = (ROOT / "docs" / "types.md").read_text(encoding="utf-8")
    for stem in sorted(stems | copies):
        assert (PICTURES / f"{stem}.png").is_file(), stem
        assert f"](img/types/{stem}.png)" in page, stem
    assert {p.stem for p in PICTURES.glob("*.png")} == stems | copies  # none left from an old one


def test_readme_shows_the_seed_and_says_make_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/img/types/cong-van-4172-UBND-VHTT.png)" in readme
    assert re.search(r"^make docs\b", readme, re.MULTILINE)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^docs:.*\n\t.*mkdocs build --strict", makefile, re.MULTILINE)


def test_doctests_are_fenced_for_the_api_page():
    hooks = _script("mkdocs_hooks")
    text = "Sum:\n\n    >>> 1 + 1\n    2\n\nEnd :func:`number_in_words`.\n>>> x"
    assert hooks.fence_doctests(text).splitlines() == [
        "Sum:", "", "    ```pycon", "    >>> 1 + 1", "    2", "    ```", "",
        "End :func:`number_in_words`.", "```pycon", ">>> x", "```"]
