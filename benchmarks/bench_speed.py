"""Render speed and size of the seed công văn, side by side with python-docx (not a test).

    .venv/bin/python benchmarks/bench_speed.py [N]

Prints, in one process so the ratios are fair on a shared machine:
- render: congvan.render_bytes(doc) against a plain python-docx build of the same công văn (header
  table, trích yếu, kính gửi, body, nơi nhận and signature table, fonts and sizes set per run);
- pipeline: congvan.load + validate + render + write against PyYAML (safe_load) + the same
  python-docx build + save; congvan.render fsyncs the file (durable), python-docx's save does not:
  the pipeline is also timed with the atomic write without fsync;
- render of distinct documents (the seed with kinh_gui, nguoi_ky.ho_ten and so_van_ban changed,
  as a batch's rows): 200 of them in turn (each seen before after the first round), and new ones
  (each rendered once, as in a batch: the memos of what rows share are warm, those of what a row
  changes miss); and render with every memo emptied before each call (cold): the render line
  renders one document again and again, which congvan's memos (congvan._memo) serve best;
- YAML parse alone: congvan's spec reader against yaml.safe_load;
- the seed's .docx size, and `import congvan` / `congvan --version` wall time (best of 5 processes).
Times in the process are CPU time (time.process_time), the best of 5 rounds, every case taking its
turn in each round.
benchmarks/README.md records the figures.
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import congvan
from congvan import io as congvan_io
from congvan._files import write_atomic

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


def _run(p: Any, text: str, size: float = 13, *, bold: bool = False,
         italic: bool = False) -> None:
    run = p.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic


def python_docx_build(data: dict[str, Any]) -> bytes:
    """The seed công văn built with python-docx the way a developer would, without congvan."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    header = doc.add_table(rows=2, cols=2)
    left, right = header.cell(0, 0).paragraphs[0], header.cell(0, 1).paragraphs[0]
    left.alignment = right.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(left, data["co_quan_ban_hanh"]["ten"].upper(), 13, bold=True)
    _run(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", 13, bold=True)
    _run(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    so = header.cell(1, 0).paragraphs[0]
    so.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(so, f"Số: {data['so_van_ban']}/UBND-{data['don_vi_soan_thao']}\n")
    _run(so, "V/v " + data["trich_yeu"].replace("\n", " "), 12)
    ngay = header.cell(1, 1).paragraphs[0]
    ngay.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(ngay, f"{data['dia_danh']}, ngày 01 tháng 7 năm 2021", 14, italic=True)
    kg = doc.add_paragraph()
    kg.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(kg, "Kính gửi:", 14)
    for line in data["kinh_gui"]:
        _run(doc.add_paragraph(), f"- {line};", 14)
    for text in data["noi_dung"]:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Mm(12.7)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _run(p, text, 14)
    foot = doc.add_table(rows=1, cols=2)
    nn = foot.cell(0, 0).paragraphs[0]
    _run(nn, "Nơi nhận:\n", 12, bold=True, italic=True)
    for item in data["noi_nhan"]:
        name = item if isinstance(item, str) else f"{item['ten']} {item['ghi_chu']}"
        _run(nn, f"- {name};\n", 11)
    _run(nn, "- Lưu: " + ", ".join(data["noi_luu"]) + ".", 11)
    ky = foot.cell(0, 1).paragraphs[0]
    ky.alignment = WD_ALIGN_PARAGRAPH.CENTER
    signer = data["nguoi_ky"]
    _run(ky, "\n".join(signer["tham_quyen"]).upper() + "\n" + signer["chuc_vu"].upper(), 14,
         bold=True)
    _run(ky, "\n\n\n\n" + signer["ho_ten"], 14, bold=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def per_call(cases: dict[str, tuple[Callable[[], object], int]],
             repeat: int = 5) -> dict[str, float]:
    """Return, for each case (a function and its number of calls), the best over `repeat` rounds
    of the mean CPU seconds per call.

    The cases take turns within every round, so that a shared machine's changing load falls on
    both sides of a ratio alike (measured one after the other, the ratios moved by 20 %). CPU
    time of this process, not wall time: other processes' load inflates wall time unevenly.
    """
    for func, _ in cases.values():
        func()
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(repeat):
        for name, (func, n) in cases.items():
            start = time.process_time()
            for _ in range(n):
                func()
            best[name] = min(best[name], (time.process_time() - start) / n)
    return best


def wall(args: list[str], tries: int = 5) -> float:
    """Return the best wall time of `tries` runs of the process `args`."""
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def _clear_memos() -> None:
    """Empty congvan's memos (the parsed body, checked texts, body XML, line breaks, entries)."""
    import importlib

    from congvan import context, models
    from congvan.render import core, layout, template

    render_pkg = importlib.import_module("congvan.render")
    for memo in (models._PARSED, render_pkg._BODY_XML, context._FITTED,
                 template._ENTRIES, getattr(core, "_TREES", models._PARSED)):
        memo.clear()
    checked = getattr(models, "_checked_kept", None)  # a memo before the fourth round
    if checked is not None:
        checked.cache_clear()
    render_pkg._builtin("cong_van")._parts.clear()
    layout._width_twips.cache_clear()
    layout._rule.cache_clear()
    header_columns = getattr(context, "_header_columns", None)  # absent before the third round
    if header_columns is not None:
        header_columns.cache_clear()


def _rows(data: dict[str, Any], n: int, start: int = 0) -> list[congvan.VanBan]:
    """The seed `n` times with the three fields a batch's rows set, validated."""
    docs = []
    for i in range(start, start + n):
        row = {**data, "kinh_gui": [f"UBND phường số {i}"], "so_van_ban": str(100 + i),
               "nguoi_ky": {**data["nguoi_ky"], "ho_ten": f"Nguyễn Văn {i}"}}
        docs.append(congvan.validate(row, base_dir=SEED.parent))
    return docs


def main(n: int = 200) -> None:
    text = SEED.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    doc = congvan.load(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.docx"

        def docx_pipeline() -> None:
            target.write_bytes(python_docx_build(yaml.safe_load(SEED.read_text(encoding="utf-8"))))

        def congvan_pipeline() -> None:
            congvan.render(congvan.load(SEED), target)

        def unsynced_pipeline() -> None:  # as python-docx's save: no fsync (still atomic)
            write_atomic(target, congvan.render_bytes(congvan.load(SEED)), durable=False)

        rows = _rows(data, n)
        fresh = iter(_rows(data, 6 * n, start=n))  # one for the warm-up call, 5 rounds of n
        cycle = iter(range(10**9))

        def cold_render() -> None:
            _clear_memos()
            congvan.render_bytes(doc)

        few, some = max(n // 10, 10), max(n // 4, 10)
        t = per_call({
            "docx_build": (lambda: python_docx_build(data), few),
            "render": (lambda: congvan.render_bytes(doc), n),
            "distinct": (lambda: congvan.render_bytes(rows[next(cycle) % n]), n),
            "new": (lambda: congvan.render_bytes(next(fresh)), n),
            "cold": (cold_render, some),
            "docx_pipe": (docx_pipeline, few),
            "pipe": (congvan_pipeline, some),
            "unsynced": (unsynced_pipeline, some),
            "safe_load": (lambda: yaml.safe_load(text), n),
            "spec": (lambda: congvan_io.parse_spec(text, "yaml"), n),
            "validate": (lambda: congvan.loads(text, base_dir=SEED.parent), some),
        })
        assert zipfile.ZipFile(target).testzip() is None
        docx_build, render, distinct, cold = (t["docx_build"], t["render"], t["distinct"],
                                              t["cold"])
        docx_pipe, pipe, unsynced = t["docx_pipe"], t["pipe"], t["unsynced"]
        safe_load, spec, validate = t["safe_load"], t["spec"], t["validate"]
    size = len(congvan.render_bytes(doc))
    bindir = Path(sys.executable).parent
    imp = wall([sys.executable, "-c", "import congvan"])
    version = wall([str(bindir / "congvan"), "--version"])
    ms = 1000
    print(f"render (python-docx build)      {docx_build * ms:8.2f} ms")
    print(f"render (congvan.render_bytes)   {render * ms:8.2f} ms   {docx_build / render:6.1f}×")
    print(f"  distinct documents (batch rows) {distinct * ms:6.2f} ms   "
          f"{docx_build / distinct:6.1f}×")
    print(f"  new documents (each once)     {t['new'] * ms:8.2f} ms   "
          f"{docx_build / t['new']:6.1f}×")
    print(f"  cold (memos emptied each call) {cold * ms:7.2f} ms   {docx_build / cold:6.1f}×")
    print(f"pipeline (yaml+python-docx+save){docx_pipe * ms:8.2f} ms")
    print(f"pipeline (load+render+write)    {pipe * ms:8.2f} ms   {docx_pipe / pipe:6.1f}×")
    print(f"  without fsync (still atomic)  {unsynced * ms:8.2f} ms   {docx_pipe / unsynced:6.1f}×")
    print(f"  of which loads (parse+validate){validate * ms:7.2f} ms")
    print(f"YAML (yaml.safe_load)           {safe_load * ms:8.2f} ms")
    print(f"YAML (congvan parse_spec)       {spec * ms:8.2f} ms   {safe_load / spec:6.1f}×")
    print(f"seed .docx                      {size:8d} bytes ({size / 1024:.1f} KB)")
    print(f"import congvan                  {imp:8.3f} s")
    print(f"congvan --version               {version:8.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
