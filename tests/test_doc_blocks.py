"""Every code block in README.md and docs/ runs, exactly as a user would paste it.

- ```python blocks with ``>>>`` are doctests (the page is one REPL session, run by doctest);
- other ```python blocks are scripts, each run on its own as ``python snippet.py``;
- ```sh blocks run line by line in bash, with this checkout's ``congvan`` first on PATH; a line may
  end ``# exit N`` when it shows a failure. Set-up lines (make, apt-get) are what CI itself runs, so
  they are checked by CI, not here;
- ```text, ```json and ```yaml blocks are shown, not run; a fence without a language is refused,
  so that every block is one or the other on purpose.

Each block runs in a fresh folder holding a copy of examples/ and the files the docs name
(spec.yaml, my-letter.yaml, van-ban.docx: the seed and its rendering; mau/cua-toi.docx: a
copy of the shipped công văn template).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import congvan
from congvan.render.template import template_dir

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
LANGUAGES = {"python", "sh", "text", "json", "yaml"}
SETUP = re.compile(r"^(make |apt-get |sudo |pip install |git clone )")


def _blocks(kind: str) -> list[tuple[str, int, str]]:
    out = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group(1) == kind:
                line = text.count("\n", 0, m.start()) + 1
                out.append((f"{page.relative_to(ROOT)}:{line}", line, m.group(2)))
    return out


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    seed = ROOT / "examples/cong-van-4172-UBND-VHTT.yaml"
    for name in ("spec.yaml", "my-letter.yaml"):
        shutil.copy(seed, tmp_path / name)
    congvan.render(congvan.load(seed), tmp_path / "van-ban.docx")
    # An office's copy of a shipped template (docs/templates.md: "Work on a copy"), in a folder of
    # its own: `congvan check *.docx` is about documents.
    (tmp_path / "mau").mkdir()
    shutil.copy(template_dir() / "cong_van.docx", tmp_path / "mau" / "cua-toi.docx")
    return tmp_path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT / "src")
    return env


def test_every_fence_names_its_language():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            assert m.group(1) in LANGUAGES, f"{page.relative_to(ROOT)}:{line}: ```{m.group(1)}"


SCRIPTS = [b for b in _blocks("python") if ">>>" not in b[2]]


@pytest.mark.parametrize("where,line,code", SCRIPTS, ids=[b[0] for b in SCRIPTS])
def test_python_block_runs_as_a_script(where, line, code, workspace):
    (workspace / "snippet.py").write_text(code, encoding="utf-8")
    proc = subprocess.run([sys.executable, "snippet.py"], cwd=workspace, env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{where}\n{proc.stderr[-3000:]}"


DOCTEST_PAGES = sorted({b[0].split(":")[0] for b in _blocks("python") if ">>>" in b[2]})


@pytest.mark.parametrize("page", DOCTEST_PAGES)
def test_python_doctest_blocks_hold(page, workspace):
    """The page is one REPL session, in a fresh interpreter (registrations do not leak)."""
    proc = subprocess.run(
        [sys.executable, "-m", "doctest", "-o", "NORMALIZE_WHITESPACE", "-o", "ELLIPSIS",
         str(ROOT / page)], cwd=workspace, env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{page}\n{proc.stdout[-3000:]}{proc.stderr[-2000:]}"
    assert ">>>" in (ROOT / page).read_text(encoding="utf-8")


_ALL_SHELL = [(f"{where}+{i}", cmd.strip())
              for where, _, code in _blocks("sh")
              for i, cmd in enumerate(code.splitlines())
              if cmd.strip() and not cmd.lstrip().startswith("#")]
SHELL_LINES = [(w, c) for w, c in _ALL_SHELL if not SETUP.match(c)]


def test_setup_lines_are_the_ones_ci_runs():
    """The shell lines not run here are set-up: the README's two commands, the template rebuild,
    and the system packages .ci/run installs; anything else must run in the test below."""
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    for where, cmd in _ALL_SHELL:
        if SETUP.match(cmd):
            command = cmd.split("#")[0].split()
            if command[0] == "make":
                assert command[1] in {"demo", "test", "templates", "generated", "docs"}, where
            else:
                assert command[:2] == ["apt-get", "install"], where
                assert all(pkg in ci for pkg in command[2:]), where


@pytest.mark.parametrize("where,cmd", SHELL_LINES, ids=[w for w, _ in SHELL_LINES])
def test_shell_line_runs(where, cmd, workspace):
    expected = 0
    m = re.search(r"#\s*exit\s+(\d+)\s*$", cmd)
    if m:
        expected = int(m.group(1))
    proc = subprocess.run(["bash", "-c", cmd], cwd=workspace, env=_env(), input="",
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == expected, f"{where}: {cmd}\n{proc.stderr[-3000:]}"
