"""Issue 12: a document shows itself in Jupyter (congvan.preview).

Without LibreOffice, or when the picture path fails in any way, ``_repr_html_`` gives an HTML
approximation with the header, title, body and signature in place, user text escaped; with it,
``_repr_png_`` gives the first page. One display costs one conversion; a terminal IPython none.
Two LibreOffice conversions in this file: ``_repr_png_`` of the seed, and the notebook's display.
"""

from __future__ import annotations

import base64
import importlib
import json
import os
import re
import shutil
import struct
import sys
import types
from pathlib import Path

import lxml.html
import pytest
import yaml

import congvan
import congvan.export
import congvan.preview
from congvan.errors import ExportError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FAKE_PNG = b"\x89PNG\r\n\x1a\n" + b"fake page"

# Five families: the công văn (seed), mẫu 1.2, a giấy, mẫu 1.9 (two signers, no date line), a
# joint kế hoạch (two issuers, two signers); each with a phrase of its body.
CASES = {
    "cong-van-4172-UBND-VHTT": "nhận được Công văn số 1501/STTTT-TTBCXB",
    "quyet-dinh-2315-QD-UBND": "Thành lập Ban Chỉ đạo chuyển đổi số thành phố Nha Trang",
    "giay-moi-215-GM-SGDDT": "chuẩn bị báo cáo tham luận (không quá 05 trang)",
    "bien-ban-15-BB-UBND": "đã chi trả tiền bồi thường cho 86/112 hộ",
    "ke-hoach-lien-tich-03-KH-UBND-MTTQ": "Phát huy sức mạnh khối đại đoàn kết toàn dân tộc",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    congvan.preview._PICTURES.clear()
    yield
    congvan.preview._PICTURES.clear()


@pytest.fixture
def no_picture(monkeypatch):
    """LibreOffice "missing": export.to_png raises ExportError, as it does without soffice."""
    calls: list[bytes] = []

    def fail(docx: bytes, *, dpi: int = 96, first_page_only: bool = False) -> list[bytes]:
        calls.append(docx)
        raise ExportError("LibreOffice (soffice) không có (is missing)")

    monkeypatch.setattr(congvan.export, "to_png", fail)
    return calls


@pytest.fixture
def fake_picture(monkeypatch):
    """A LibreOffice that answers at once with a fixed page; records each conversion."""
    calls: list[tuple[int, bool]] = []

    def convert(docx: bytes, *, dpi: int = 96, first_page_only: bool = False) -> list[bytes]:
        assert docx[:2] == b"PK"
        calls.append((dpi, first_page_only))
        return [FAKE_PNG]

    monkeypatch.setattr(congvan.export, "to_png", convert)
    return calls


def _text(node) -> str:
    return re.sub(r"\s+", " ", " ".join(node.itertext())).strip()


def _cell_of(tree, text: str):
    """Return the innermost <td> whose text holds `text`."""
    cells = [td for td in tree.iter("td") if text in _text(td)]
    assert cells, text
    return next(td for td in cells if not any(text in _text(inner) for inner in td.iter("td")
                                               if inner is not td))


def _siblings(td) -> list:
    return [c for c in td.getparent() if c.tag == "td"]


@pytest.mark.parametrize("name", CASES)
def test_html_fallback_shows_each_part_in_place(name, no_picture):
    doc = congvan.load(EXAMPLES / f"{name}.yaml")
    page = doc._repr_html_()
    assert no_picture, "the picture path was tried first"
    tree = lxml.html.fromstring(page)
    text = _text(tree)
    issuer = congvan.upper(doc.co_quan_ban_hanh.ten.split("\n")[0])
    so = congvan.format_so_ky_hieu(doc.so_ky_hieu)
    trich_yeu = " ".join(doc.trich_yeu.split())
    # In reading order: issuer, Quốc hiệu, Tiêu ngữ, số, place and date, title, body, signer.
    # A công văn's V/v stands under its số, left of the date (mẫu 1.5).
    parts = [issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", so]
    if isinstance(doc, congvan.CongVan):
        parts.append(f"V/v {trich_yeu}")
    if not isinstance(doc, congvan.BienBan):  # mẫu 1.9 has no place/date line
        parts.append(congvan.format_dia_danh_thoi_gian(doc.dia_danh, doc.ngay))
    if not isinstance(doc, congvan.CongVan):
        parts += [congvan.LOAI_VAN_BAN[doc.loai_van_ban].ten_loai, trich_yeu]
    parts += [CASES[name]]
    at = [text.find(p) for p in parts]
    at.append(text.rfind(doc.nguoi_ky.ho_ten))  # the chair of a meeting is named in it too
    parts.append(doc.nguoi_ky.ho_ten)
    assert -1 not in at, [p for p, i in zip(parts, at, strict=True) if i < 0]
    assert at == sorted(at), list(zip(parts, at, strict=True))
    # The header's two columns: issuer left, Quốc hiệu right, in one row.
    quoc_hieu = _cell_of(tree, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    row = _siblings(quoc_hieu)
    assert row.index(quoc_hieu) == 1 and issuer in _text(row[0])
    # The signer right; Nơi nhận (or the other signer) left of it.
    signer = _cell_of(tree, doc.nguoi_ky.ho_ten)
    row = _siblings(signer)
    assert row.index(signer) == 1
    assert doc.nguoi_ky.ho_ten not in _text(row[0])
    if isinstance(doc, congvan.CongVan):
        assert "Nơi nhận:" in _text(row[0]) and "Lưu: VT, VHTT." in _text(row[0])
        assert "Kính gửi:" in text and text.find("Kính gửi:") < text.find(CASES[name])
    if name.startswith("ke-hoach-lien-tich"):
        co = doc.co_quan_lien_tich[0]
        assert co.nguoi_ky.ho_ten in _text(row[0])
        assert congvan.upper(co.ten.split("\n")[0]) in _text(_siblings(quoc_hieu)[0])
    if isinstance(doc, congvan.BienBan):
        assert doc.thu_ky.ho_ten in _text(row[0]) and "THƯ KÝ" in _text(row[0])
    # Times New Roman, and the reason there is no picture, escaped.
    assert "Times New Roman" in page
    assert "is missing" in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_has_an_html_approximation(path, no_picture):
    doc = congvan.load(path)
    text = _text(lxml.html.fromstring(doc._repr_html_()))
    assert "không xem trước được" not in text
    assert congvan.format_so_ky_hieu(doc.so_ky_hieu) in text
    assert doc.nguoi_ky.ho_ten in text


HOSTILE = "<script>alert('x')</script> {{ ho_ten }} {% if 1 %}x{% endif %} & \"q\" </div>"
HOSTILE_BODY = "{{ ho_ten }} {% if 1 %}x{% endif %} & \"q\" 1 < 2 > 0"  # the markup refuses tags


def _hostile_doc():
    data = yaml.safe_load((EXAMPLES / "cong-van-4172-UBND-VHTT.yaml").read_text("utf-8"))
    data["trich_yeu"] = HOSTILE
    data["kinh_gui"] = ["<img src=x onerror=alert(1)>", "UBND các xã, phường"]
    data["noi_dung"] = [f"Đoạn có {HOSTILE_BODY}", *data["noi_dung"]]
    data["noi_nhan"] = ["Như trên", "<iframe src=//x></iframe>"]
    return congvan.validate(data, congvan.CongVan)


def test_user_text_is_escaped(no_picture):
    page = _hostile_doc()._repr_html_()
    tree = lxml.html.fromstring(page)
    assert not [e.tag for e in tree.iter() if e.tag in ("script", "img", "iframe")]
    assert not [a for e in tree.iter() for a in e.attrib if a.startswith("on")]
    text = _text(tree)
    assert "<script>alert('x')</script> {{ ho_ten }} {% if 1 %}x{% endif %}" in text
    assert "<img src=x onerror=alert(1)>" in text and "<iframe src=//x></iframe>" in text
    assert f"Đoạn có {HOSTILE_BODY}" in text
    assert "&lt;script&gt;" in page and "<script" not in page


def test_picture_failure_gives_html_never_a_traceback(seed, monkeypatch, no_picture):
    assert seed._repr_png_() is None
    bundle = seed._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in bundle["text/html"]
    assert bundle["text/plain"].startswith("CongVan: Số: 4172/UBND-VHTT V/v tiếp tục")
    assert len(no_picture) == 1, "the failure is remembered: one attempt for all three calls"

    def crash(docx: bytes, **options: object) -> list[bytes]:
        raise RuntimeError("pdftoppm crashed")

    congvan.preview._PICTURES.clear()
    monkeypatch.setattr(congvan.export, "to_png", crash)
    assert "pdftoppm crashed" in _text(lxml.html.fromstring(seed._repr_html_()))

    def broken(doc: object) -> bytes:
        raise congvan.RenderError("hình ảnh đã đổi (image changed)")

    monkeypatch.setattr(importlib.import_module("congvan.render"), "render_bytes", broken)
    assert seed._repr_png_() is None
    assert "Lưu Thành Nhân" in seed._repr_html_()


def test_html_builder_failure_is_a_note_not_a_traceback(seed, monkeypatch, no_picture):
    def fail(doc: object) -> dict[str, object]:
        raise KeyError("ten_loai")

    monkeypatch.setattr(importlib.import_module("congvan.context"), "build_context", fail)
    text = _text(lxml.html.fromstring(seed._repr_html_()))
    assert "không xem trước được" in text and "CongVan" in text


def test_one_conversion_serves_the_whole_display(fake_picture):
    doc = _hostile_doc()
    bundle = doc._repr_mimebundle_()
    assert bundle["image/png"] == FAKE_PNG
    # The HTML is the picture (front ends prefer HTML to PNG), its alt text escaped.
    img = lxml.html.fromstring(bundle["text/html"])
    assert img.tag == "img" and img.get("alt").startswith("CongVan: Số: 4172/UBND-VHTT")
    assert "<script>" in img.get("alt") and "<script" not in bundle["text/html"]
    assert base64.b64decode(img.get("src").removeprefix("data:image/png;base64,")) == FAKE_PNG
    assert doc._repr_png_() == FAKE_PNG and doc._repr_html_() == bundle["text/html"]
    assert fake_picture == [(96, True)], "one first-page conversion for the whole display"
    assert set(doc._repr_mimebundle_(include={"text/plain"})) == {"text/plain"}
    assert set(doc._repr_mimebundle_(exclude={"image/png"})) == {"text/html", "text/plain"}


def test_terminal_ipython_starts_no_libreoffice(seed, monkeypatch, fake_picture):
    shell = types.SimpleNamespace(display_formatter=types.SimpleNamespace(
        active_types=["text/plain"]))
    fake_ipython = types.ModuleType("IPython")
    fake_ipython.get_ipython = lambda: shell  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", fake_ipython)
    assert set(seed._repr_mimebundle_()) == {"text/plain"}
    assert fake_picture == []
    shell.display_formatter.active_types = ["text/plain", "text/html", "image/png"]
    assert set(seed._repr_mimebundle_()) == {"text/plain", "text/html", "image/png"}


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def test_repr_png_is_the_first_page_a4(seed, soffice):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is missing")
    png = seed._repr_png_()
    assert png is not None
    width, height = _png_size(png)
    assert abs(width - 210 / 25.4 * 96) <= 2 and abs(height / width - 297 / 210) < 0.01


def test_quickstart_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = EXAMPLES / "quickstart.ipynb"
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), (
        "commit the notebook with its outputs cleared")
    # A kernel spec naming this venv's interpreter: a "python3" spec elsewhere on the machine (a
    # user's, the system's) must not run the notebook with another Python.
    spec = tmp_path / "kernels" / "congvan-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "congvan tests", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    client = nbclient.NotebookClient(nb, kernel_name="congvan-test", timeout=300,
                                     resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()  # raises CellExecutionError if a cell fails
    shown = [o.data for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.output_type == "execute_result" and str(o.data.get("text/plain", "")).startswith(
                 "CongVan: Số: 4172/UBND-VHTT")]
    assert len(shown) == 1, "the notebook shows the document once"
    picture = shutil.which("soffice") and shutil.which("pdftoppm")
    if picture or os.environ.get("CI") == "true":
        width, height = _png_size(base64.b64decode(shown[0]["image/png"]))
        assert abs(height / width - 297 / 210) < 0.01
    else:
        assert "Lưu Thành Nhân" in shown[0]["text/html"]


def test_congvan_preview_html_never_starts_libreoffice(seed, monkeypatch, fake_picture):
    monkeypatch.setenv("CONGVAN_PREVIEW", "html")
    bundle = seed._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"} and seed._repr_png_() is None
    assert "Lưu Thành Nhân" in bundle["text/html"] and fake_picture == []


def _html_grid_widths(table) -> list[int]:
    """Lay out an HTML table's rows as a browser does (rowspan, colspan): each row's width."""
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr.iter("td"):
            while (r, c) in taken:
                c += 1
            for dr in range(int(td.get("rowspan", 1))):
                for dc in range(int(td.get("colspan", 1))):
                    taken.add((r + dr, c + dc))
            c += int(td.get("colspan", 1))
    rows = {r for r, _ in taken}
    return [len({c for rr, c in taken if rr == r}) for r in sorted(rows)]


@pytest.mark.parametrize("name", ["bao-cao-2187-BC-SGDDT", "chuong-trinh-12-CTr-UBND",
                                  "thong-bao-1960-TB-SGDDT"])
def test_body_tables_keep_their_grid(name, no_picture):
    """Merged cells (colspan, merged_above → rowspan) fill each row to the table's columns."""
    from congvan.noi_dung.blocks import Table

    doc = congvan.load(EXAMPLES / f"{name}.yaml")
    ctx = congvan.build_context(doc)
    tables = [b for key in ("noi_dung", "van_ban_kem_theo", "phu_luc") for b in ctx[key]
              if isinstance(b, Table)]
    tree = lxml.html.fromstring(doc._repr_html_())
    bordered = [t for t in tree.iter("table") if "border:1px solid" in lxml.html.tostring(
        t, encoding="unicode")[:2000] and t.get("style", "").startswith("border-collapse")]
    assert len(bordered) == len(tables) > 0
    merged = False
    for model, table in zip(tables, bordered, strict=True):
        assert set(_html_grid_widths(table)) == {len(model.widths_mm)}
        merged |= any(td.get("rowspan") or td.get("colspan") for td in table.iter("td"))
    assert merged, "these examples have merged cells"
