"""The documentation stays true: the published schema is current, every input field documented."""

from __future__ import annotations

import re
from pathlib import Path

import congvan
from congvan.models import MODELS

ROOT = Path(__file__).resolve().parents[1]



def _fields(model, prefix=""):
    for name, field in model.model_fields.items():
        yield prefix + name
        for sub in (getattr(field.annotation, "__args__", None) or (field.annotation,)):
            if isinstance(sub, type) and issubclass(sub, congvan.models._Model):
                yield from _fields(sub, prefix + name + ".")


def test_every_input_field_is_in_docs_input_md():
    text = (ROOT / "docs/input.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_][a-z_.]*)`", text))
    missing = {f for model in MODELS.values() for f in _fields(model)} - documented
    assert not missing, f"docs/input.md does not document: {sorted(missing)}"


def test_readme_shows_the_two_setup_commands_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make demo") < readme.index("make test") < readme.index("import congvan")


def test_readme_python_examples_run(tmp_path, monkeypatch):
    import shutil

    import docx

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        if "out.docx" not in block:
            continue
        (tmp_path / "out.docx").unlink(missing_ok=True)
        exec(compile(block, "README.md", "exec"), {})
        assert docx.Document(tmp_path / "out.docx").tables[0].rows[1].cells[0].paragraphs[0].text \
            == "Số: 4172/UBND-VHTT"


def test_readme_vietnamese_and_check_examples_hold(tmp_path, monkeypatch):
    """Each ``# 'result'`` comment in the README's Python blocks is what the call returns."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    checked = 0
    for block in re.findall(r"```python\n(.*?)```", readme, flags=re.S):
        for line in block.splitlines():
            m = re.match(r"^(congvan\.\w+\(.*\))\s+# (.+?)(\s+#.*)?$", line)
            if m and (m.group(2).startswith("'") or m.group(2).isdigit()):
                from datetime import date  # noqa: F401 - used by the evaluated calls

                assert repr(eval(m.group(1))) == m.group(2), line
                checked += 1
    assert checked >= 4
