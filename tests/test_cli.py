"""The congvan command: exit codes 0 ok / 1 invalid input / 2 usage or I/O, messages, no traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import docx
import pytest

import congvan
from congvan.cli import main

from .conftest import SEED


def run(*argv: str, stdin: str | None = None):
    """Run the real command in a subprocess; return (exit code, stdout bytes, stderr text)."""
    proc = subprocess.run([sys.executable, "-m", "congvan", *argv], input=stdin.encode()
                          if stdin is not None else None, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8")


def test_render_writes_the_docx(tmp_path):
    out = tmp_path / "cv.docx"
    code, stdout, stderr = run("render", str(SEED), "-o", str(out))
    assert code == 0, stderr
    assert docx.Document(out).tables[0].rows[0].cells[1].paragraphs[0].text.startswith("CỘNG HÒA")


def test_render_reads_stdin_and_writes_stdout(tmp_path):
    code, stdout, stderr = run("render", "-", "-o", "-", stdin=SEED.read_text(encoding="utf-8"))
    assert code == 0, stderr
    assert docx.Document(io.BytesIO(stdout)).paragraphs[0].text == "Kính gửi:"


def test_render_stdin_needs_an_output():
    code, _, stderr = run("render", "-", stdin="loai_van_ban: cong_van\n")
    assert code == 2 and "-o" in stderr


def test_invalid_input_exit_1_every_problem_no_file(tmp_path):
    spec = tmp_path / "bad.yaml"
    text = SEED.read_text(encoding="utf-8").replace("ngay: 01/07/2021", "ngay: 31/02/2021")
    spec.write_text(text.replace("so_van_ban: 4172", "so_van_ban: 0"), encoding="utf-8")
    out = tmp_path / "bad.docx"
    code, _, stderr = run("render", str(spec), "-o", str(out))
    assert code == 1
    assert f"{spec}: ngay: 31/02/2021 không phải ngày hợp lệ" in stderr
    assert f"{spec}: so_van_ban: phải lớn hơn hoặc bằng 1" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def test_validate(tmp_path):
    code, _, _ = run("validate", str(SEED))
    assert code == 0
    spec = tmp_path / "typo.yaml"
    spec.write_text(SEED.read_text(encoding="utf-8").replace("trich_yeu:", "trich_yue:"),
                    encoding="utf-8")
    code, _, stderr = run("validate", str(SEED), str(spec))
    assert code == 1
    assert f"{spec}: trich_yue: trường này không có trong mẫu" in stderr
    assert f"{spec}: trich_yeu: thiếu trường bắt buộc" in stderr


@pytest.mark.parametrize("argv, fragment", [
    (["render", "/nonexistent/x.yaml", "-o", "x.docx"], "No such file"),
    (["frobnicate"], "invalid choice"),
    ([], "COMMAND"),
])
def test_usage_and_io_errors_exit_2(argv, fragment):
    code, _, stderr = run(*argv)
    assert code == 2 and fragment in stderr and "Traceback" not in stderr


def test_unwritable_output_exit_2(tmp_path):
    code, _, stderr = run("render", str(SEED), "-o", str(tmp_path / "no" / "dir" / "x.docx"))
    assert code == 2 and "Traceback" not in stderr


def test_yaml_syntax_error_exit_1(tmp_path):
    spec = tmp_path / "broken.yaml"
    spec.write_text("loai_van_ban: [cong_van\n", encoding="utf-8")
    code, _, stderr = run("validate", str(spec))
    assert code == 1 and "không đọc được YAML" in stderr


def test_schema_is_json_schema_of_the_input():
    out = io.StringIO()
    assert main(["schema"], out=out) == 0
    schema = json.loads(out.getvalue())
    cong_van = schema["$defs"]["CongVan"]
    assert cong_van["additionalProperties"] is False
    assert {"co_quan_ban_hanh", "so_van_ban", "ngay", "kinh_gui", "noi_dung", "nguoi_ky"} <= set(
        cong_van["properties"])


def test_version():
    code, stdout, _ = run("--version")
    assert code == 0 and stdout.decode().strip() == f"congvan {congvan.__version__}"


def test_an_unexpected_error_is_one_line(monkeypatch):
    def boom(doc):
        raise RuntimeError("hỏng")

    monkeypatch.setattr("congvan.cli.render_bytes", boom)
    monkeypatch.delenv("CONGVAN_DEBUG", raising=False)
    err = io.StringIO()
    assert main(["render", str(SEED), "-o", "-"], err=err) == 2
    assert err.getvalue() == ("congvan: lỗi không mong đợi (RuntimeError: hỏng); "
                              "đặt CONGVAN_DEBUG=1 để xem chi tiết\n")
    monkeypatch.setenv("CONGVAN_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["render", str(SEED), "-o", "-"], err=err)
