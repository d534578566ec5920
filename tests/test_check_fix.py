"""Third-party documents (python-docx and Word defaults, a legacy .VnTime file) and ``--fix``."""

from __future__ import annotations

import io
import json

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from congvan.checker import check, fix
from congvan.checker.cli import main as check_main

from .checker_fixtures import clean, clean_bytes, para, set_text, to_bytes

LINES = [
    "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "SỞ NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 5/SNV-VP\tNha Trang, ngày 5 tháng 3 năm 2021",
    "V/v báo cáo số liệu",
    "Kính gửi: Bộ Nội vụ",
    # -- long enough to wrap: a one-line paragraph prints the same left-aligned or justified
    "Sở Nội vụ báo cáo số liệu về tổ chức bộ máy, biên chế công chức và số lượng người làm việc "
    "trong các cơ quan, đơn vị thuộc tỉnh đến hết năm 2020 như sau./.",
    "Nơi nhận:\tGIÁM ĐỐC",
    "- Như trên",
    "- Lưu: VT, VP",
    "Nguyễn Văn A",
]


def office_doc(word_defaults: bool) -> docx.document.Document:
    """Return a document typed the way offices type it: default template, plain paragraphs."""
    doc = docx.Document()
    if word_defaults:  # Word's Normal.dotm: A4, 2.54 cm margins, Calibri 11
        s = doc.sections[0]
        s.page_width, s.page_height = Mm(210), Mm(297)
        for side in ("top", "bottom", "left", "right"):
            setattr(s, f"{side}_margin", Mm(25.4))
        rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
            qn("w:rPr"))
        rpr.remove(rpr.find(qn("w:rFonts")))
        rpr.insert(0, parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="Calibri" w:hAnsi="Calibri" '
                                f'w:eastAsia="Calibri" w:cs="Times New Roman"/>'))
    for line in LINES:
        doc.add_paragraph(line)
    return doc


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def test_python_docx_default_document():
    findings = check(to_bytes(office_doc(False)))
    got = rules(findings)
    assert {"trang.kho_giay", "trang.le", "phong_chu.times_new_roman", "quoc_hieu.kieu_chu",
            "so_ky_hieu.so_0_dau", "dia_danh_thoi_gian.so_0_dau", "noi_nhan.dau_cau",
            "noi_dung.co_chu", "noi_dung.can_deu"} <= got
    fonts = [f for f in findings if f.rule == "phong_chu.times_new_roman"]
    assert fonts[0].found.startswith("Cambria")  # python-docx's theme minor font


def test_word_default_document():
    findings = check(to_bytes(office_doc(True)))
    margins = sorted(f.found for f in findings if f.rule == "trang.le")
    assert margins == ["lề dưới 25.4 mm", "lề phải 25.4 mm", "lề trái 25.4 mm", "lề trên 25.4 mm"]
    assert "trang.kho_giay" not in rules(findings)
    assert [f.found for f in findings if f.rule == "phong_chu.times_new_roman"] == [
        "Calibri (10 đoạn)"]
    sizes = [f for f in findings if f.rule == "quoc_hieu.co_chu"]
    assert sizes[0].found == "11 pt"


def test_fix_repairs_the_safe_things_and_keeps_the_wording(tmp_path):
    doc = office_doc(True)
    source = tmp_path / "in.docx"
    source.write_bytes(to_bytes(doc))
    out = tmp_path / "out.docx"
    report = fix(source, out)
    left = rules(report.remaining)
    fixed = rules(report.fixed)
    assert {"trang.le", "phong_chu.times_new_roman", "so_ky_hieu.so_0_dau",
            "dia_danh_thoi_gian.so_0_dau", "noi_nhan.dau_cau", "quoc_hieu.co_chu",
            "noi_dung.co_chu"} <= fixed
    assert not left & fixed
    assert {"quoc_hieu.kieu_chu", "tieu_ngu.duong_ke"} <= left  # not safe to fix: reported
    texts = [p.text for p in docx.Document(out).paragraphs]
    assert texts == [
        LINES[0], LINES[1], "Số: 05/SNV-VP\tNha Trang, ngày 05 tháng 3 năm 2021", *LINES[3:7],
        "- Như trên;", "- Lưu: VT, VP.", LINES[9]]
    assert check(out) == report.remaining


def test_fix_on_a_clean_document_changes_nothing(tmp_path):
    out = io.BytesIO()
    report = fix(clean_bytes(), out)
    assert report.fixed == report.remaining == []
    assert check(out.getvalue()) == []


def test_fix_pads_the_number_split_across_runs():
    doc = clean()
    p = para(doc, "Số:")
    set_text(p, "Số: ")
    p.add_run("7")
    p.add_run("/UBND-VHTT")
    out = io.BytesIO()
    report = fix(to_bytes(doc), out)
    assert rules(report.fixed) == {"so_ky_hieu.so_0_dau"} and report.remaining == []
    assert para(docx.Document(io.BytesIO(out.getvalue())), "Số:").text == "Số: 07/UBND-VHTT"


def test_legacy_vntime_document(tmp_path):
    legacy = pytest.importorskip("congvan.vietnamese.legacy")
    doc = clean()
    p = para(doc, "UBND thành phố Nha Trang nhận được")
    original = p.text
    set_text(p, legacy.unicode_to_legacy(original, "tcvn3"))
    p.runs[0].font.name = ".VnTime"
    findings = check(to_bytes(doc))
    assert rules(findings) == {"phong_chu.ma_cu"}
    assert "TCVN3" in findings[0].found and "--fix" in findings[0].message_vi
    out = tmp_path / "fixed.docx"
    report = fix(to_bytes(doc), out)
    assert report.remaining == [] and rules(report.fixed) == {"phong_chu.ma_cu"}
    assert para(docx.Document(out), "UBND thành phố Nha Trang").text == original


def test_legacy_text_in_a_unicode_font_is_detected():
    legacy = pytest.importorskip("congvan.vietnamese.legacy")
    doc = clean()
    p = para(doc, "UBND thành phố Nha Trang nhận được")
    set_text(p, legacy.unicode_to_legacy(p.text, "vni"))
    findings = check(to_bytes(doc))
    assert rules(findings) == {"phong_chu.ma_cu"} and "VNI" in findings[0].found


# -- command line --------------------------------------------------------------------------------


def test_cli_exit_codes_and_text(tmp_path, capsys):
    good = tmp_path / "good.docx"
    good.write_bytes(clean_bytes())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(to_bytes(office_doc(True)))
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    assert check_main(["check", str(good)]) == 0
    assert check_main(["check", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}: [trang.le] (PL I §I.3) section 1: " in out
    assert "thấy: lề trái 25.4 mm; cần: lề trái 30–35 mm" in out
    assert check_main(["check", str(good), str(junk)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "không phải tệp .docx" in captured.err


def test_cli_json(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(to_bytes(office_doc(True)))
    assert check_main(["check", "--format", "json", str(bad)]) == 1
    record = json.loads(capsys.readouterr().out)
    first = record["findings"][0]
    assert set(first) >= {"rule", "severity", "cite", "location", "where", "found", "expected",
                          "message_vi", "message_en"}


def test_cli_fix(tmp_path, capsys):
    source = tmp_path / "in.docx"
    source.write_bytes(to_bytes(office_doc(True)))
    out = tmp_path / "out.docx"
    assert check_main(["check", "--fix", str(source), "-o", str(out)]) == 1
    text = capsys.readouterr().out
    assert "đã sửa [trang.le]" in text and "còn lại" in text
    assert out.exists()
    assert check_main(["check", "--fix", str(source)]) == 2  # -o is required
