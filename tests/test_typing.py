"""Types and lint hold (issue 8.7): pyright strict on src/, the README's Python as a user's script
type-checks (pyright standard mode, as a user runs it), and ruff's configured rules hold.

pyright and ruff come with the test extras; pyright runs offline (PYRIGHT_PYTHON_IGNORE_WARNINGS
keeps it from asking the network for a newer version).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# A user's script that reads a known document type: the type checker knows the model's fields.
LOAD_SNIPPET = """\
import congvan

doc = congvan.load("examples/cong-van-4172-UBND-VHTT.yaml", congvan.CongVan)
kinh_gui: list[str] = doc.kinh_gui
same = congvan.loads("loai_van_ban: cong_van", expect=congvan.CongVan)
print(kinh_gui, same.trich_yeu, congvan.validate({}, congvan.CongVan).noi_dung)
copy = congvan.CongVan.model_validate({}).model_copy(update={"so_van_ban": 5})
print(copy.don_vi_soan_thao)
"""


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
                          check=False)


def _pyright(cwd: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    # -p: this folder's configuration, never one pyright would find in a parent folder.
    return _run([str(BIN / "pyright"), "-p", str(cwd), "--pythonpath", sys.executable, *paths],
                cwd)


def _readme_python() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)


def test_src_is_pyright_strict_clean():
    result = _pyright(ROOT)  # pyproject.toml: strict on src/, stubs in typings/
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_readme_python_type_checks_as_a_users_script(tmp_path: Path):
    blocks = _readme_python()
    assert len(blocks) >= 3
    for i, block in enumerate(blocks):
        (tmp_path / f"readme_{i}.py").write_text(block, encoding="utf-8")
    (tmp_path / "load_expected_type.py").write_text(LOAD_SNIPPET, encoding="utf-8")
    # A user's project: pyright's standard mode, not congvan's own strict settings.
    (tmp_path / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "standard"}),
                                                 encoding="utf-8")
    result = _pyright(tmp_path)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


def test_a_type_error_in_a_users_script_is_reported(tmp_path: Path):
    """The check above can fail: a list item given as text where the model wants NoiNhan."""
    (tmp_path / "pyrightconfig.json").write_text('{"typeCheckingMode": "standard"}',
                                                 encoding="utf-8")
    (tmp_path / "wrong.py").write_text(
        "import congvan\n\n"
        "doc = congvan.load('x.yaml', congvan.CongVan)\n"
        "doc.khong_co_truong_nay\n"
        "congvan.NguoiKy(tham_quyen=['KT. Chủ tịch'], chuc_vu='Phó Chủ tịch', ho_ten='A')\n",
        encoding="utf-8")
    result = _pyright(tmp_path)
    assert result.returncode == 1
    assert "wrong.py:4" in result.stdout and "wrong.py:5" in result.stdout, result.stdout


def test_ruff_rules_hold():
    result = _run([str(BIN / "ruff"), "check", "src", "tests", "scripts", "benchmarks"], ROOT)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
