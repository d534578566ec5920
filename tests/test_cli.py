"""The congvan command: exit codes 0 ok / 1 invalid / 2 usage or I/O, messages, no traceback."""

from __future__ import annotations

import errno
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
    code, _, stderr = run("render", str(SEED), "-o", str(out))
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
    (["frobnicate"], "lựa chọn không hợp lệ"),
    ([], "COMMAND"),
])
def test_usage_and_io_errors_exit_2(argv, fragment):
    code, _, stderr = run(*argv)
    assert code == 2 and fragment in stderr and "Traceback" not in stderr


# argparse's own words, which a clerk must not meet (issue 8, defect 5)
ENGLISH = ("usage:", "error:", "the following arguments are required", "invalid choice",
           "unrecognized arguments", "expected one argument", "positional arguments", "options:",
           "show this help message", "show program's version")


@pytest.mark.parametrize("argv, vietnamese", [
    ([], "thiếu đối số bắt buộc: COMMAND"),
    (["frobnicate"], "đối số COMMAND: lựa chọn không hợp lệ: 'frobnicate'"),
    (["render"], "thiếu đối số bắt buộc: SPEC"),
    (["render", "-o"], "đối số -o/--output: cần một giá trị"),
    (["render", str(SEED), "--khong-co"], "đối số không nhận ra: --khong-co"),
    (["check", "--format", "xml", "a.docx"], "đối số --format: lựa chọn không hợp lệ: 'xml'"),
])
def test_usage_errors_are_vietnamese(argv, vietnamese, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    stderr = capsys.readouterr().err
    assert stderr.startswith("cách dùng: congvan") and "lỗi: " + vietnamese in stderr
    assert not [phrase for phrase in ENGLISH if phrase in stderr]


@pytest.mark.parametrize("argv", [["--help"], ["render", "--help"], ["validate", "-h"],
                                  ["schema", "--help"], ["check", "--help"]])
def test_help_is_vietnamese(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    stdout = capsys.readouterr().out
    assert stdout.startswith("cách dùng: congvan") and "tùy chọn:\n" in stdout
    assert "in hướng dẫn này rồi thoát" in stdout
    assert not [phrase for phrase in ENGLISH if phrase in stdout]
    assert not [words for words in ("input file", "output .docx", "render a", "print the",
                                    "check input") if words in stdout]


def test_validate_reports_every_unreadable_file_and_goes_on(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SEED.read_text(encoding="utf-8").replace("trich_yeu:", "trich_yue:"),
                   encoding="utf-8")
    missing = tmp_path / "khong-co.yaml"
    code, stdout, stderr = run("validate", str(SEED), "/dev/zero", str(missing), str(bad),
                               str(tmp_path), str(SEED))
    assert code == 2 and "Traceback" not in stderr
    assert stdout.decode().splitlines() == [f"{SEED}: hợp lệ"] * 2
    assert "/dev/zero: không phải tệp thường" in stderr
    assert f"{missing}: không có tệp này" in stderr
    assert f"{tmp_path}: không phải tệp thường" in stderr
    assert f"{bad}: trich_yue: trường này không có trong mẫu" in stderr


def test_validate_unreadable_outranks_invalid(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("loai_van_ban: cong_van\n", encoding="utf-8")
    assert run("validate", str(bad))[0] == 1
    assert run("validate", str(tmp_path / "khong-co.yaml"), str(bad))[0] == 2
    assert run("validate", str(bad), str(tmp_path / "khong-co.yaml"))[0] == 2


def test_io_errors_are_vietnamese(monkeypatch):
    def unwritable(doc, path, **options):  # render(doc, path, pdf_a=…)
        raise PermissionError(errno.EACCES, "Permission denied", path)

    monkeypatch.setattr("congvan.cli.render", unwritable)
    err = io.StringIO()
    assert main(["render", str(SEED), "-o", "x.docx"], err=err) == 2
    assert err.getvalue() == "congvan: x.docx: không có quyền truy cập (Permission denied)\n"


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
    def boom(doc, **_):
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
