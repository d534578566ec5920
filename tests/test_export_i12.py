"""Issue 12: PDF and PNG export through LibreOffice, and the one-process batch Converter.

LibreOffice runs as few times as it can: the seed is converted once per module by each way
(to_pdf, the CLI's --pdf-a, the CLI's .png, one Converter), and every test reads those results.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pdfplumber
import pytest
from PIL import Image

import congvan
from congvan import export
from congvan.cli import main

from .hostile.harness import run_cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"
A4_MM = (210, 297)


def _words(text: str) -> Counter[str]:
    """The letters of `text` (whitespace aside), counted: a PDF reads the header's two columns
    line by line across the page, the .docx cell by cell, and a line may break a word at its
    hyphen (1501/STTTT-⏎TTBCXB)."""
    return Counter("".join(text.split()))


def _docx_text(data: bytes) -> str:
    """The text of every paragraph of the .docx, table cells included, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return " ".join(t.text or "" for t in body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def _pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(page.extract_text() or "" for page in doc.pages)


def _pages(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


@pytest.fixture(scope="module")
def seed_docx() -> bytes:
    return congvan.render_bytes(congvan.load(SEED))


@pytest.fixture(scope="module")
def seed_pdf(soffice, seed_docx) -> bytes:
    return congvan.to_pdf(seed_docx)


@pytest.fixture(scope="module")
def cli_outputs(soffice, tmp_path_factory) -> Path:
    """The CLI's PDF/A and PNG of the seed, one LibreOffice run each."""
    folder = tmp_path_factory.mktemp("cli")
    assert main(["render", str(SEED), "-o", str(folder / "a.pdf"), "--pdf-a"]) == 0
    said = io.StringIO()
    assert main(["render", str(SEED), "-o", str(folder / "trang.png")], out=said) == 0
    (folder / "said.txt").write_text(said.getvalue(), encoding="utf-8")
    return folder


# --- the PDF of the seed -----------------------------------------------------------------------


def test_pdf_has_the_docx_text_and_one_page(seed_pdf, seed_docx):
    assert seed_pdf.startswith(b"%PDF")
    assert _pages(seed_pdf) == 1
    assert _words(_pdf_text(seed_pdf)) == _words(_docx_text(seed_docx))


def test_pdf_embeds_every_font(seed_pdf, tmp_path):
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    (tmp_path / "x.pdf").write_bytes(seed_pdf)
    rows = subprocess.run([pdffonts, str(tmp_path / "x.pdf")], capture_output=True, text=True,
                          check=True, timeout=60).stdout.splitlines()[2:]
    assert rows, "no font in the PDF"
    # columns: name type encoding emb sub uni object ID; "emb" is the 4th from the right
    assert all(row.split()[-5] == "yes" for row in rows), rows
    assert any("Serif" in row or "Times" in row for row in rows), rows


def test_pdf_metadata_names_the_document(seed_pdf):
    doc = congvan.load(SEED)
    with pdfplumber.open(io.BytesIO(seed_pdf)) as pdf:
        meta = pdf.metadata
    assert meta["Title"] == "V/v " + " ".join(doc.trich_yeu.split())  # type: ignore[attr-defined]
    assert meta["Author"] == " ".join(doc.co_quan_ban_hanh.ten.split())
    assert "01 tháng 7 năm 2021" in meta["Subject"]
    assert "4172/UBND-VHTT" in meta["Subject"]


def test_docx_core_properties_carry_title_author_and_issue_date(seed_docx):
    props = docx.Document(io.BytesIO(seed_docx)).core_properties
    assert props.title.startswith("V/v tiếp tục tăng cường")
    assert props.author == "Ủy ban nhân dân thành phố Nha Trang"
    assert props.created is not None and props.created.date().isoformat() == "2021-07-01"
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        assert package.namelist().count("docProps/core.xml") == 1


def test_thu_cong_title_names_the_letter_before_its_occasion():
    doc = congvan.load(ROOT / "examples" / "thu-cong-2650-SGDDT-VP.yaml")
    props = docx.Document(io.BytesIO(congvan.render_bytes(doc))).core_properties
    assert props.title == ("Thư chúc mừng – Nhân dịp kỷ niệm 43 năm Ngày Nhà giáo Việt Nam "
                           "(20/11/1982 - 20/11/2025)")


def test_document_without_trich_yeu_takes_its_ten_loai_as_title():
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    for example in examples:
        doc = congvan.load(example)
        if not getattr(doc, "trich_yeu", None):
            props = docx.Document(io.BytesIO(congvan.render_bytes(doc))).core_properties
            assert props.title, example.name
            assert props.author == " ".join(doc.co_quan_ban_hanh.ten.split())
            return
    pytest.skip("every example has a trích yếu")


def test_pdf_a_identifies_as_pdf_a_2b(cli_outputs):
    data = (cli_outputs / "a.pdf").read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in data


def test_plain_pdf_is_not_pdf_a(seed_pdf):
    assert b"pdfaid:part" not in seed_pdf


# --- PNG -----------------------------------------------------------------------------------------


def test_png_is_one_a4_page_at_96_dpi(cli_outputs):
    assert sorted(p.name for p in cli_outputs.glob("trang*")) == ["trang-1.png"]
    # The command names the page it wrote, not a pattern.
    said = (cli_outputs / "said.txt").read_text(encoding="utf-8")
    assert said == f"đã ghi {cli_outputs / 'trang-1.png'}\n"
    with Image.open(cli_outputs / "trang-1.png") as image:
        assert image.format == "PNG"
        width, height = image.size
    assert abs(width - A4_MM[0] / 25.4 * 96) <= 1 and abs(height - A4_MM[1] / 25.4 * 96) <= 1


def test_pdf_to_png_scales_with_dpi(seed_pdf):
    [page] = export.pdf_to_png(seed_pdf, dpi=150, first_page_only=True)
    with Image.open(io.BytesIO(page)) as image:
        width, height = image.size
    assert abs(width - A4_MM[0] / 25.4 * 150) <= 1 and abs(height - A4_MM[1] / 25.4 * 150) <= 1


def test_missing_rasteriser_is_a_clear_error(monkeypatch, seed_pdf):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    with pytest.raises(congvan.ExportError) as info:
        export.pdf_to_png(seed_pdf)
    assert info.value.code == "export.rasteriser_missing"


def test_bad_dpi_is_refused_before_libreoffice_runs():
    with pytest.raises(congvan.ExportError) as info:
        congvan.to_png(b"not used", dpi=0)
    assert info.value.code == "export.dpi"


# --- the extension chooses the format ----------------------------------------------------------


@pytest.mark.parametrize("name", ["x.odt", "x.doc", "x", "x.pdf.txt"])
def test_unknown_extension_is_refused_and_nothing_written(seed, tmp_path, name):
    with pytest.raises(congvan.RenderError) as info:
        congvan.render(seed, tmp_path / name)
    assert info.value.code == "output.extension"
    assert list(tmp_path.iterdir()) == []


def test_cli_unknown_extension_exit_2(tmp_path):
    outcome = run_cli("render", str(SEED), "-o", str(tmp_path / "x.html"))
    outcome.assert_clean_failure(2)
    assert list(tmp_path.iterdir()) == []


# --- LibreOffice missing -----------------------------------------------------------------------


def _without_soffice(tmp_path: Path) -> dict[str, str]:
    """PATH with the Python, but no soffice or libreoffice; CONGVAN_SOFFICE names nothing."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    return {"PATH": str(bin_dir), "CONGVAN_SOFFICE": str(tmp_path / "khong-co" / "soffice")}


@pytest.mark.parametrize("named", [True, False])
def test_missing_soffice_is_one_clear_line(tmp_path, named):
    env = _without_soffice(tmp_path)
    if not named:
        del env["CONGVAN_SOFFICE"]
    outcome = run_cli("render", str(SEED), "-o", str(tmp_path / "x.pdf"), env=env)
    outcome.assert_clean_failure(2)
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert "libreoffice-writer-nogui" in outcome.stderr and "CONGVAN_SOFFICE" in outcome.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_missing_soffice_code(monkeypatch, tmp_path):
    monkeypatch.setenv("CONGVAN_SOFFICE", str(tmp_path / "khong-co"))
    with pytest.raises(congvan.ExportError) as info:
        congvan.find_soffice()
    assert info.value.code == "export.soffice_missing"
    assert isinstance(info.value, congvan.CongVanError)
    monkeypatch.delenv("CONGVAN_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(congvan.ExportError) as info:
        congvan.find_soffice()
    assert info.value.code == "export.soffice_missing"


def test_congvan_soffice_is_used_first(monkeypatch, tmp_path):
    fake = tmp_path / "my-office"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("CONGVAN_SOFFICE", str(fake))
    assert congvan.find_soffice() == str(fake)


# --- one LibreOffice for a batch ---------------------------------------------------------------


def test_converter_matches_single_calls_and_survives_a_killed_office(soffice, seed_docx, seed_pdf,
                                                                     tmp_path):
    if os.environ.get("CI") != "true" and export.find_uno_python(soffice) is None:
        pytest.skip("no Python with LibreOffice's uno module (python3-uno): Converter falls back "
                    "to one soffice call per document")
    (tmp_path / "in.docx").write_bytes(seed_docx)
    with congvan.Converter() as converter:
        assert converter.uno_python is not None
        first = converter.to_pdf(seed_docx)
        pid = converter.pid
        assert pid is not None
        again = converter.to_pdf(seed_docx)
        archival = converter.to_pdf(seed_docx, pdf_a=True)
        assert converter.pid == pid  # the same LibreOffice converted all three
        os.kill(pid, signal.SIGKILL)  # killed mid-batch: the next document still converts
        converter.convert(tmp_path / "in.docx", tmp_path / "out.pdf")
        assert converter.pid not in (None, pid)
    assert converter.pid is None  # closed: no LibreOffice left running
    assert b"<pdfaid:part>2</pdfaid:part>" in archival and b"pdfaid" not in first
    for pdf in (first, again, (tmp_path / "out.pdf").read_bytes()):
        assert _pages(pdf) == _pages(seed_pdf)
        assert _words(_pdf_text(pdf)) == _words(_pdf_text(seed_pdf))


FAKE_WORKER = textwrap.dedent("""
    # Stands for the UNO worker: a document whose bytes start CRASH kills "the office".
    import json, sys
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if open(request["src"], "rb").read().startswith(b"CRASH"):
            sys.exit(1)
        open(request["dst"], "wb").write(b"%PDF-1.4 fake")
        print(json.dumps({"ok": True}), flush=True)
""")


def test_converter_retries_once_then_reports_the_document_and_goes_on(tmp_path, monkeypatch):
    """The crash rule without LibreOffice: a stand-in office (a process that waits) and a
    stand-in worker that dies on one document."""
    office = tmp_path / "office"
    office.write_text("#!/bin/sh\nexec tail -f /dev/null\n", encoding="utf-8")
    office.chmod(0o755)
    worker = tmp_path / "worker.py"
    worker.write_text(FAKE_WORKER, encoding="utf-8")
    monkeypatch.setattr(export, "_WORKER", worker)
    launches = 0
    real_launch = export.Converter._launch

    def counting_launch(self):
        nonlocal launches
        launches += 1
        real_launch(self)

    monkeypatch.setattr(export.Converter, "_launch", counting_launch)
    with export.Converter(soffice=str(office), timeout=60) as converter:
        converter.uno_python = sys.executable
        assert converter.to_pdf(b"good") == b"%PDF-1.4 fake"
        assert launches == 1
        with pytest.raises(congvan.ExportError) as info:
            converter.to_pdf(b"CRASH")
        assert info.value.code == "export.crashed"
        assert launches == 2  # started again for the one retry
        assert converter.to_pdf(b"good") == b"%PDF-1.4 fake"  # the batch goes on
        assert launches == 3


def test_pdf_a_on_another_output_is_refused_not_ignored(tmp_path, seed):
    for name in ("x.docx", "x.png"):
        with pytest.raises(congvan.RenderError) as info:
            congvan.render(seed, tmp_path / name, pdf_a=True)
        assert info.value.code == "output.pdf_a"
    assert not list(tmp_path.iterdir())
    from congvan.cli import main

    spec = str(Path(__file__).resolve().parents[1] / "examples" / "cong-van-4172-UBND-VHTT.yaml")
    assert main(["render", spec, "-o", "-", "--pdf-a"]) == 2
