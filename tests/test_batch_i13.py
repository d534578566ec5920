"""Issue 13: ``congvan batch`` and ``congvan.render_many`` (docs/batch.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import yaml

import congvan
from congvan.batch import merge_rows, parse_path, read_rows, safe_name, set_path
from congvan.cli import main

from .conftest import SEED
from .hostile.harness import ROOT, run_cli

BAD_DATE = "31/02/2021"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """The seed without its recipients: each row gives its own."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    del data["kinh_gui"]
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["batch", *map(str, args)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def _lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


# --- the big run ---------------------------------------------------------------------------------


@pytest.fixture
def short_spec(tmp_path: Path) -> Path:
    """The seed with a one-paragraph body and no recipients: many rows, cheaply."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    del data["kinh_gui"]
    data["noi_dung"] = ["Đề nghị các đơn vị triển khai thực hiện./."]
    path = tmp_path / "short.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_2000_rows_one_percent_bad(short_spec, tmp_path):
    bad = set(range(37, 2001, 100))  # 20 rows
    rows = [[f"UBND phường số {n}", BAD_DATE if n in bad else "01/07/2021"]
            for n in range(1, 2001)]
    data = _csv(tmp_path / "rows.csv", ["kinh_gui[0]", "ngay"], rows)
    out = tmp_path / "out"
    code, _, err = _run(short_spec, "--data", data, "-o", out, "--jobs", "2", "--so-tu", "100")
    assert code == 1
    reported = {}
    for line in _lines(err):  # "rows.csv: hàng N: ngay: …"
        _, number, path, _ = line.split(": ", 3)
        reported[int(number.removeprefix("hàng "))] = path
    assert reported == dict.fromkeys(bad, "ngay")
    files = sorted(out.iterdir())
    assert [f.name for f in files] == [f"{n:05d}.docx" for n in range(1, 2001) if n not in bad]
    for f in files:  # every one a whole package, with its row's recipient and number
        n = int(f.stem)
        text = _text(f)
        assert f"UBND phường số {n}<" in text
        assert f"Số: {99 + n}/UBND-VHTT" in text


# --- killed runs, --resume ------------------------------------------------------------------------


def _start_killable(spec: Path, data: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONGVAN_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.Popen(
        [sys.executable, "-m", "congvan", "batch", str(spec), "--data", str(data), "-o", str(out),
         *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        start_new_session=True, preexec_fn=_default_sigint)


def _default_sigint() -> None:
    # As on a terminal: a shell runs a background job (CI's, perhaps this run's) with SIGINT
    # ignored, which the child would inherit and so never see the Ctrl-C this test sends.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _assert_whole(out: Path) -> list[Path]:
    files = sorted(out.iterdir())
    for f in files:
        assert f.suffix == ".docx", f.name  # no temporary file
        with zipfile.ZipFile(f) as package:
            assert package.testzip() is None
    return files


@pytest.mark.parametrize("jobs,sig", [("1", signal.SIGKILL), ("2", signal.SIGINT)])
def test_killed_run_leaves_whole_files_and_resume_completes_it(short_spec, tmp_path, jobs, sig):
    """Deterministic, no sleep: 20 good rows, then 1,000 bad ones whose reports fill the stderr
    pipe, which this test does not read; the run blocks there with the 50 good rows after them
    not started (bounded window), and is killed."""
    rows = ([{"kinh_gui[0]": f"Đơn vị {i}"} for i in range(1, 21)]
            + [{"kinh_gui[3]": "x"}] * 1000
            + [{"kinh_gui[0]": f"Đơn vị {i}"} for i in range(1021, 1071)])
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    out = tmp_path / "out"
    child = _start_killable(short_spec, data, out, "--jobs", jobs)
    try:
        assert child.stderr is not None
        assert b"h\xc3\xa0ng 21:" in child.stderr.readline()  # rows 1-20 are done
        os.killpg(child.pid, sig)  # Ctrl-C on a terminal reaches the whole group
        child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
    assert child.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    done = _assert_whole(out)
    assert [f.name for f in done] == [f"{n:05d}.docx" for n in range(1, 21)]
    # What a writer killed mid-file leaves (write_atomic's temporary file): resume removes it.
    (out / ".01030.docx.k1ll3d_x.tmp").write_bytes(b"PK\x03\x04 half")
    (out / "01031.docx").write_bytes(b"PK\x03\x04 cut short by a power failure")
    before = {f.name: f.stat().st_ino for f in done}
    code, _, err = _run(short_spec, "--data", data, "-o", out, "--resume", "--jobs", jobs)
    assert code == 1 and len(_lines(err)) == 1000  # only the bad rows, again
    files = _assert_whole(out)
    assert len(files) == 70
    assert all(out.joinpath(name).stat().st_ino == ino for name, ino in before.items())


def test_progress_bar_on_a_terminal(tmp_path):
    """On a terminal: a progress bar on stderr, bad rows above it; the summary still ends it."""
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    # A terminal 80 columns wide (a new pty is 0 × 0, and tqdm draws nothing in no columns).
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONGVAN_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    child = subprocess.Popen(
        [sys.executable, "-m", "congvan", "batch", "examples/batch/cong-van-chung.yaml",
         "--data", "examples/batch/co-hang-loi.csv", "-o", str(tmp_path / "out"), "--jobs", "1"],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert child.wait(timeout=60) == 1
    text = b"".join(chunks).decode("utf-8", "replace")
    assert "congvan batch" in text and "văn bản" in text  # tqdm's bar: its label and unit
    assert "hàng 2: ngay:" in text and "lỗi không mong đợi" not in text
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["00001.docx", "00003.docx"]


def test_without_resume_every_file_is_rewritten(spec, tmp_path):
    data = _csv(tmp_path / "rows.csv", ["kinh_gui[0]"], [["A"], ["B"]])
    out = tmp_path / "out"
    assert _run(spec, "--data", data, "-o", out)[0] == 0
    ino = (out / "00001.docx").stat().st_ino
    assert _run(spec, "--data", data, "-o", out)[0] == 0
    assert (out / "00001.docx").stat().st_ino != ino
    assert _run(spec, "--data", data, "-o", out, "--resume")[0] == 0


# --- names ----------------------------------------------------------------------------------------


def test_names_from_data_stay_inside_outdir(spec, tmp_path):
    names = ["../../thoat", "/etc/passwd", "CON", "nul.txt", "com1", "a. . ", "..", "  .x",
             "ư" * 150, "ư" * 151, "C:\\Windows\\x", "hai", "HAI"]
    data = _csv(tmp_path / "rows.csv", ["kinh_gui[0]"], [[n] for n in names])
    out = tmp_path / "deep" / "out"
    code, _, err = _run(spec, "--data", data, "-o", out, "--name", "{kinh_gui[0]}.docx",
                        "--jobs", "1")
    assert code == 1  # "HAI" takes the name "hai" took
    assert _lines(err) == [f"{data}: hàng 13: " + _lines(err)[0].split(": ", 2)[2]]
    assert sorted(p.name for p in tmp_path.rglob("*.docx")) == sorted(
        p.name for p in out.iterdir())
    got = sorted(p.name for p in out.iterdir())
    assert "thoat.docx" not in os.listdir(tmp_path)
    for name in got:
        assert len(name.encode()) <= 200 and "/" not in name and "\\" not in name
        assert not name.startswith((".", "-", " ")) and name.split(".")[0].upper() not in {
            "CON", "NUL", "COM1"}
    assert len(got) == 12
    long_a, long_b = sorted(n for n in got if n.startswith("ư"))
    assert long_a != long_b  # cut to fit, told apart by a hash of the whole


def test_duplicate_name_is_a_problem_of_the_later_row(tmp_path):
    results = list(congvan.render_many(_seed_docs(2), tmp_path, name="X.docx", jobs=1))
    assert results[0].ok and [p.code for p in results[1].problems] == ["batch.name_duplicate"]
    assert [p.name for p in tmp_path.iterdir()] == ["X.docx"]


def test_safe_name_cases():
    assert safe_name("../../x", ".docx") == "x.docx"
    assert safe_name("CON", ".docx") == "_CON.docx"
    assert safe_name("lpt¹.tar", ".pdf") == "_lpt¹.tar.pdf"
    assert safe_name("a:b*c?", ".docx") == "a-b-c-.docx"
    assert safe_name("x.docx", ".pdf") == "x.pdf"
    assert safe_name("", ".docx") == "_.docx"
    assert safe_name("Cộng hòa", ".docx") == "Cộng hòa.docx"


# --- paths and rows -------------------------------------------------------------------------------


def test_paths_set_one_field_and_share_the_rest():
    assert parse_path(" nguoi_ky.ho_ten ") == ("nguoi_ky", "ho_ten")
    assert parse_path("noi_nhan[1].ten") == ("noi_nhan", 1, "ten")
    for bad in ("", "a..b", "a[x]", "1a", "a[-1]", "a.[0]"):
        with pytest.raises(ValueError):
            parse_path(bad)
    spec = {"nguoi_ky": {"ho_ten": "A", "chuc_vu": "B"}, "kinh_gui": ["x", "y"]}
    out = set_path(spec, ("nguoi_ky", "ho_ten"), "C")
    assert out == {"nguoi_ky": {"ho_ten": "C", "chuc_vu": "B"}, "kinh_gui": ["x", "y"]}
    assert spec["nguoi_ky"]["ho_ten"] == "A" and out["kinh_gui"] is spec["kinh_gui"]
    assert set_path(spec, ("kinh_gui", 2), "z")["kinh_gui"] == ["x", "y", "z"]
    merged = set_path(spec, ("nguoi_ky",), {"ho_ten": "D"})  # a mapping merges
    assert merged["nguoi_ky"] == {"ho_ten": "D", "chuc_vu": "B"}


def test_bad_paths_are_problems_of_the_row(spec, tmp_path):
    data = tmp_path / "rows.jsonl"
    data.write_text("\n".join([
        json.dumps({"kinh_gui[1]": "x"}),           # index past the end
        json.dumps({"trich_yeu.x": "y"}),           # a text has no fields
        json.dumps({"kinh gui": "x"}),              # not a path
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"kinh_gui": ["ok"]}),
        "",
    ]), encoding="utf-8")
    rows = list(merge_rows({"trich_yeu": "t"}, read_rows(data)))
    codes = [(n, [(p.location, p.code) for p in r]) for n, r in rows if isinstance(r, tuple)]
    assert codes == [(1, [("kinh_gui[1]", "batch.index")]), (2, [("trich_yeu", "batch.path_type")]),
                     (3, [("(gốc)", "batch.path")]), (4, [("(gốc)", "batch.row_json")]),
                     (5, [("(gốc)", "batch.row_type")])]
    assert rows[5] == (6, {"trich_yeu": "t", "kinh_gui": ["ok"]})


def test_csv_cells_are_text_kept_as_typed(spec, tmp_path):
    data = _csv(tmp_path / "rows.csv", ["so_van_ban", "kinh_gui[0]", "kinh_gui[1]"],
                [["010", "0010", ""], ["05", "Sở 1", "Sở 2"]])
    rows = list(merge_rows({}, read_rows(data)))
    assert rows == [(1, {"so_van_ban": "010", "kinh_gui": ["0010"]}),
                    (2, {"so_van_ban": "05", "kinh_gui": ["Sở 1", "Sở 2"]})]
    out = tmp_path / "out"
    code, _, err = _run(spec, "--data", data, "-o", out)
    assert code == 1
    # The model, not the reader, judges "010": Decree 30 pads with one zero only.
    assert _lines(err) == [f"{data}: hàng 1: so_van_ban: " + _lines(err)[0].split(": ", 3)[3]]
    with pytest.raises(congvan.InvalidDocumentError) as caught:
        congvan.validate({**yaml.safe_load(spec.read_text(encoding="utf-8")),
                          "so_van_ban": "010", "kinh_gui": ["x"]})
    assert [p.code for p in caught.value.problems] == ["so_van_ban.leading_zero"]
    assert "Số: 05/UBND-VHTT" in _text(out / "00002.docx")


def test_xlsx_rows_keep_cell_values(spec, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["so_van_ban", "kinh_gui[0]", "ngay", "nguoi_ky.ho_ten"])
    sheet.append([12, "0012 Sở Y tế", dt.datetime(2025, 3, 9), "Trần Thị B"])
    sheet.append([None, None, None, None])  # blank: skipped
    sheet.append([13, "Sở Tài chính", None, None])
    book.save(tmp_path / "rows.xlsx")
    rows = list(read_rows(tmp_path / "rows.xlsx"))
    assert rows == [{("so_van_ban",): 12, ("kinh_gui", 0): "0012 Sở Y tế",
                     ("ngay",): dt.date(2025, 3, 9), ("nguoi_ky", "ho_ten"): "Trần Thị B"},
                    {("so_van_ban",): 13, ("kinh_gui", 0): "Sở Tài chính"}]
    out = tmp_path / "out"
    code, _, err = _run(spec, "--data", tmp_path / "rows.xlsx", "-o", out,
                        "--name", "{so_van_ban}.docx")
    assert (code, err) == (0, "")
    first = _text(out / "12.docx")
    assert "0012 Sở Y tế" in first and "Trần Thị B" in first and "ngày 09 tháng 3 năm 2025" in first
    assert "Lưu Thành Nhân" in _text(out / "13.docx")


def test_jsonl_and_yaml_rows(spec, tmp_path):
    rows = [{"kinh_gui": ["Sở A", "Sở B"], "nguoi_ky": {"ho_ten": "Lê Văn C"}},
            {"kinh_gui[0]": "Sở D", "so_van_ban": 7}]
    (tmp_path / "rows.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "rows.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    for data in ("rows.jsonl", "rows.yaml"):
        out = tmp_path / data.replace(".", "-")
        code, _, err = _run(spec, "--data", tmp_path / data, "-o", out)
        assert (code, err) == (0, "")
        first, second = _text(out / "00001.docx"), _text(out / "00002.docx")
        assert "Sở B" in first and "Lê Văn C" in first
        assert "KT. Chủ tịch".upper() in first.upper()  # the mapping merged: tham_quyen kept
        assert "Sở D" in second and "Số: 07/UBND-VHTT" in second


def test_duplicate_keys_in_rows_are_refused(tmp_path):
    (tmp_path / "rows.yaml").write_text("- so_van_ban: 1\n  so_van_ban: 2\n", encoding="utf-8")
    with pytest.raises(congvan.InputReadError) as caught:
        list(read_rows(tmp_path / "rows.yaml"))
    assert caught.value.code == "input.syntax"
    (tmp_path / "rows.jsonl").write_text('{"a": 1, "a": 2}\n', encoding="utf-8")
    assert [p.code for p in next(iter(read_rows(tmp_path / "rows.jsonl")))] == ["batch.row_json"]


# --- exit codes -----------------------------------------------------------------------------------


def test_exit_codes(spec, tmp_path):
    good = _csv(tmp_path / "good.csv", ["kinh_gui[0]"], [["A"]])
    assert _run(spec, "--data", good, "-o", tmp_path / "o1")[0] == 0
    bad_header = _csv(tmp_path / "h.csv", ["kinh gui"], [["A"]])
    code, _, err = _run(spec, "--data", bad_header, "-o", tmp_path / "o2")
    assert code == 2 and "h.csv" in err
    assert _run(spec, "--data", tmp_path / "missing.csv", "-o", tmp_path / "o3")[0] == 2
    assert _run(spec, "--data", tmp_path / "x.txt", "-o", tmp_path / "o3")[0] == 2
    (tmp_path / "file").write_text("x")
    assert _run(spec, "--data", good, "-o", tmp_path / "file")[0] == 2
    assert _run(spec, "--data", good, "-o", tmp_path / "o4", "--name", "{kinh_gui[0]")[0] == 2
    assert _run(spec, "--data", good, "-o", tmp_path / "o4", "--jobs", "0")[0] == 2
    assert _run(spec, "--data", good, "-o", tmp_path / "o4", "--name", "{dia_chi.x}")[0] == 1
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    code, _, err = _run(spec, "--data", tmp_path / "x.xlsx", "-o", tmp_path / "o6")
    assert code == 2 and "x.xlsx" in err and "lỗi không mong đợi" not in err  # not a crash
    (tmp_path / "big.csv").write_text("kinh_gui[0]\n" + "x" * 200_000 + "\n", encoding="utf-8")
    code, _, err = _run(spec, "--data", tmp_path / "big.csv", "-o", tmp_path / "o7")
    assert code == 2 and "big.csv" in err and "lỗi không mong đợi" not in err
    (tmp_path / "zero.csv").symlink_to("/dev/zero")  # endless: refused, not read
    outcome = run_cli("batch", str(spec), "--data", str(tmp_path / "zero.csv"), "-o",
                      str(tmp_path / "o9"), memory_mb=512)
    outcome.assert_clean_failure(2)
    (tmp_path / "line.jsonl").write_text("[" * 3_000_000, encoding="utf-8")  # no line break
    outcome = run_cli("batch", str(spec), "--data", str(tmp_path / "line.jsonl"), "-o",
                      str(tmp_path / "o9"), memory_mb=512)
    outcome.assert_clean_failure(2)
    extra = _csv(tmp_path / "e.csv", ["kinh_gui[0]"], [["A", "stray"], ["B"]])
    code, _, err = _run(spec, "--data", extra, "-o", tmp_path / "o8")
    assert code == 1 and _lines(err)[0].startswith(f"{extra}: hàng 1: (gốc): ")
    assert [p.name for p in (tmp_path / "o8").iterdir()] == ["00002.docx"]
    numbered = _csv(tmp_path / "n.csv", ["so_van_ban", "kinh_gui[0]"], [["5", "A"]])
    code, _, err = _run(spec, "--data", numbered, "-o", tmp_path / "o5", "--so-tu", "3")
    assert code == 1 and "so_van_ban" in err


# --- the Python API -------------------------------------------------------------------------------


def _seed_docs(n: int) -> list[dict]:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    return [{**data, "so_van_ban": i, "kinh_gui": [f"Phường {i}"]} for i in range(1, n + 1)]


def test_render_many_results_models_and_dicts(tmp_path):
    docs = _seed_docs(3)
    items = [docs[0], congvan.validate(docs[1]), {**docs[2], "ngay": BAD_DATE}]
    results = list(congvan.render_many(items, tmp_path, jobs=1, name="{so_van_ban}-{#}.docx"))
    assert [(r.number, r.ok, r.path.name if r.path else None) for r in results] == [
        (1, True, "1-1.docx"), (2, True, "2-2.docx"), (3, False, None)]
    assert [(p.location, p.code) for p in results[2].problems] == [("ngay", "ngay.invalid")]


def test_render_many_refuses_bad_arguments_at_once(tmp_path):
    for kwargs, code in [({"format": "odt"}, "batch.format"), ({"jobs": 0}, "batch.jobs"),
                         ({"name": "{so_van_ban"}, "batch.name")]:
        with pytest.raises(congvan.RenderError) as caught:
            congvan.render_many([], tmp_path, **kwargs)  # not even iterated
        assert caught.value.code == code
    (tmp_path / "file").write_text("x")
    with pytest.raises(congvan.RenderError) as caught:
        congvan.render_many([], tmp_path / "file" / "out")
    assert caught.value.code == "output.write"


def _die(tasks):
    os._exit(3)  # a worker killed (out of memory, say)


def test_a_dead_worker_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    import congvan.batch

    monkeypatch.setattr(congvan.batch, "_work_many", _die)
    with ProcessPoolExecutor(1) as pool, pytest.raises(congvan.RenderError) as caught:
        list(congvan.render_many(_seed_docs(2), tmp_path, executor=pool))
    assert caught.value.code == "batch.worker"


def test_render_many_reads_its_input_lazily(tmp_path):
    """Bounded windows: an endless input gives results as it goes (memory flat in N)."""
    taken = 0
    seed = _seed_docs(1)[0]

    def endless():
        nonlocal taken
        for i in itertools.count(1):
            taken += 1
            yield {**seed, "so_van_ban": i}

    with ProcessPoolExecutor(2) as pool:
        results = congvan.render_many(endless(), tmp_path, executor=pool, window=4)
        first = list(itertools.islice(results, 6))
        results.close()
    assert [r.number for r in first] == [1, 2, 3, 4, 5, 6] and all(r.ok for r in first)
    assert taken <= 6 + 4


def test_spawned_workers_and_a_local_dask_cluster_give_the_local_bytes(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = _seed_docs(4)
    list(congvan.render_many(docs, tmp_path / "local", jobs=1))
    expected = {p.name: p.read_bytes() for p in (tmp_path / "local").iterdir()}
    assert len(expected) == 4
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert all(r.ok for r in congvan.render_many(docs, tmp_path / "spawn", executor=pool))
    with (distributed.LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
          distributed.Client(cluster) as client):
        results = list(congvan.render_many(docs, tmp_path / "dask",
                                           executor=client.get_executor()))
    assert all(r.ok for r in results)
    for folder in ("spawn", "dask"):
        assert {p.name: p.read_bytes() for p in (tmp_path / folder).iterdir()} == expected


def test_pdf_is_converted_in_this_process(spec, tmp_path, monkeypatch):
    import congvan.export

    calls = []

    class Fake:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            calls.append("closed")

        def to_pdf(self, docx: bytes) -> bytes:
            calls.append(os.getpid())
            assert docx[:2] == b"PK"
            return b"%PDF-fake"

    monkeypatch.setattr(congvan.export, "Converter", Fake)
    data = _csv(tmp_path / "rows.csv", ["kinh_gui[0]"], [["A"], ["B"]])
    code, _, _ = _run(spec, "--data", data, "-o", tmp_path / "out", "--format", "pdf",
                      "--jobs", "2", "--name", "{kinh_gui[0]}.docx")
    assert code == 0
    assert calls == [os.getpid(), os.getpid(), "closed"]  # one converter, here
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["A.pdf", "B.pdf"]


def test_pdf_with_libreoffice(spec, tmp_path, soffice):
    data = _csv(tmp_path / "rows.csv", ["kinh_gui[0]"], [["Sở Nội vụ"]])
    code, _, err = _run(spec, "--data", data, "-o", tmp_path / "out", "--format", "pdf")
    assert (code, err) == (0, "")
    assert (tmp_path / "out" / "00001.pdf").read_bytes()[:5] == b"%PDF-"
