"""Issue 9, the body: Điều labels, căn cứ vs prose, the closing mark, placeholders, the date line,
scope (Phụ lục, legal-normative, not a Decree 30 document) and texts attached after the signature.

Every document here is built with python-docx (scripts/build_corpus.py's helpers, the way a Word
user's file carries formatting), never with congvan's renderer.
"""

from __future__ import annotations

import io
import sys

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from congvan.checker import check
from congvan.checker._anatomy import locate
from congvan.checker._model import view
from congvan.checker._package import read_package
from congvan.checker.scope import decide
from congvan.rules import LOAI_VAN_BAN

from . import corpus

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus as bc

CENTER, JUSTIFY = bc.CENTER, bc.JUSTIFY


def rules(data: bytes) -> list[str]:
    return sorted(f.rule for f in check(data))


def quyet_dinh(dieu: list[list[tuple[str, dict]]], **kw) -> bytes:
    return bc.build(bc.Spec(so="Số: 45/QĐ-SYT", v_v=None,
                            ten_loai=("QUYẾT ĐỊNH", "Về việc cử cán bộ đi công tác"),
                            can_cu=kw.pop("can_cu", bc._CAN_CU), dieu=dieu,
                            noi_nhan=["- Như Điều 2;", "- Lưu: VT, TCCB."], signer=["GIÁM ĐỐC"],
                            **kw))


_LAST = "Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./."


# -- dieu.dinh_dang: the decree's text and its samples disagree; both are accepted ----------------
def test_only_the_article_label_bold_is_accepted():
    """Mẫu 1.2–1.4 print only “Điều 1.” bold (PL III); the whole line is not required."""
    data = quyet_dinh([bc._dieu(1, "Cử bà Lê Thị Hoa đi công tác."), bc._dieu(2, _LAST)])
    assert rules(data) == []


def test_the_whole_article_line_bold_is_accepted():
    """PL I §II.6.đ's own example prints the whole line bold."""
    data = quyet_dinh([[("Điều 1. Cử bà Lê Thị Hoa đi công tác.", {"bold": True})],
                       bc._dieu(2, _LAST)])
    assert rules(data) == []


def test_an_article_label_not_bold_is_reported():
    data = quyet_dinh([[("Điều 1. ", {}), ("Cử bà Lê Thị Hoa đi công tác.", {})],
                       bc._dieu(2, _LAST)])
    found = [f for f in check(data) if f.rule == "dieu.dinh_dang"]
    assert [f.found for f in found] == ["không đậm"]


def test_an_article_label_with_a_colon_is_reported():
    data = quyet_dinh([[("Điều 1: ", {"bold": True}), ("Cử bà Lê Thị Hoa.", {})],
                       bc._dieu(2, _LAST)])
    found = [f for f in check(data) if f.rule == "dieu.dinh_dang"]
    assert [f.found for f in found] == ["không có dấu chấm sau số"]


# -- can_cu.*: only the căn cứ of a decision, above “QUYẾT ĐỊNH:” ----------------------------------
def test_prose_opening_can_cu_in_a_cong_van_is_body_text():
    data = bc.build(bc.Spec(body=[
        "Căn cứ Kế hoạch số 18/KH-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh, Sở Y tế "
        "đề nghị các đơn vị tổ chức tiêm chủng.",
        "Xét tình hình dịch bệnh, các đơn vị báo cáo trước ngày 25 hằng tháng./."]))
    assert rules(data) == []


def test_prose_opening_can_cu_is_still_judged_as_body_text():
    """Prose is body text: left-aligned, it is reported as such (not as a căn cứ)."""
    doc = docx.Document(io.BytesIO(bc.build(bc.Spec(body=[
        "Căn cứ Kế hoạch số 18/KH-UBND của Ủy ban nhân dân tỉnh, Sở Y tế đề nghị các đơn vị tổ "
        "chức tiêm chủng./."]))))
    p = next(p for p in doc.paragraphs if p.text.startswith("Căn cứ"))
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    assert rules(bc._saved(doc)) == ["noi_dung.can_deu"]


def test_can_cu_of_a_decision_are_still_judged():
    can_cu = [bc._CAN_CU[0], bc._CAN_CU[1].rstrip(";") + ",", bc._CAN_CU[2]]
    data = quyet_dinh([bc._dieu(1, "Cử bà Lê Thị Hoa đi công tác."), bc._dieu(2, _LAST)],
                      can_cu=can_cu)
    assert rules(data) == ["can_cu.dau_cau"]


def test_xet_opening_a_giay_nghi_phep_is_prose():
    """Mẫu 1.10 opens with “Xét Đơn đề nghị nghỉ phép …” under the type name and its typed rule:
    no decision line, so no căn cứ."""
    data = bc.build(bc.Spec(so="Số: 12/GNP-SYT", v_v=None, ten_loai=("GIẤY NGHỈ PHÉP", "_________"),
                            can_cu=[], dieu=[[("Xét Đơn đề nghị nghỉ phép ngày 01 tháng 3 năm 2025 "
                                               "của bà Lê Thị Hoa, Sở Y tế cấp giấy nghỉ phép./.",
                                               {})]]))
    doc = docx.Document(io.BytesIO(data))
    for p in doc.paragraphs:  # the builder's quyết định lines are not part of a giấy nghỉ phép
        if p.text in ("GIÁM ĐỐC SỞ Y TẾ", "QUYẾT ĐỊNH:"):
            p._p.getparent().remove(p._p)
    assert not [r for r in rules(bc._saved(doc)) if r.startswith("can_cu.")]


# -- noi_dung.ket_thuc: “./.” then only a note of what is sent with it -----------------------------
def test_an_attachment_note_after_the_closing_mark_is_accepted():
    data = bc.build(bc.Spec(after_body=[("(Gửi kèm Danh sách các điểm tiêm chủng)",
                                         {"italic": True})]))
    assert rules(data) == []


def test_a_body_without_the_closing_mark_before_the_note_is_reported():
    body = [bc._BODY[0], bc._BODY[1].replace("./.", ".")]
    data = bc.build(bc.Spec(body=body, after_body=[("(Gửi kèm Danh sách các điểm tiêm chủng)",
                                                    {"italic": True})]))
    assert rules(data) == ["noi_dung.ket_thuc"]


# -- placeholders and marks are not paragraphs of text ---------------------------------------------
def test_dotted_blanks_and_a_lone_closing_mark_are_not_judged():
    doc = docx.Document(io.BytesIO(bc.build(bc.Spec(body=[bc._BODY[0], bc._BODY[1][:-3] + "."]))))
    sig = doc.tables[1]._tbl
    for text, align, size in (("......... 7 ........", CENTER, 14),
                              ("……………………… 2………… cấp cho các đơn vị.", JUSTIFY, 14),
                              ("./.", WD_ALIGN_PARAGRAPH.LEFT, 12)):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.name = bc.FONT
        p.alignment = align
        p.paragraph_format.space_before = Pt(6)
        sig.addprevious(p._p)
    assert rules(bc._saved(doc)) == []


def test_a_real_paragraph_without_indent_is_still_reported():
    doc = docx.Document(io.BytesIO(bc.build(bc.Spec())))
    p = next(p for p in doc.paragraphs if p.text.startswith("Trong quá trình"))
    p.paragraph_format.first_line_indent = Pt(0)
    assert rules(bc._saved(doc)) == ["noi_dung.thut_dau_dong"]


# -- the date line is in the header ----------------------------------------------------------------
def test_a_body_sentence_with_a_date_is_not_the_date_line():
    """Without a date in the header, “… ngày 20 tháng 01 năm 2025 …” of the body is not ô 4 (a
    Biên bản's closing line “… kết thúc vào … ngày …”, mẫu 1.9): the date is reported missing."""
    data = bc.build(bc.Spec(place_date=""))
    found = [(f.rule, f.location.excerpt[:10]) for f in check(data)
             if f.rule.startswith("dia_danh_thoi_gian.")]
    assert found == [("dia_danh_thoi_gian.thieu", "CỘNG HÒA X")]


# -- scope -----------------------------------------------------------------------------------------
def _phu_luc(content_size: float = 14) -> bytes:
    doc = bc._new_doc(bc.Spec())
    bc.para(doc, "Phụ lục I", size=14, bold=True, align=CENTER)
    bc.para(doc, "DANH SÁCH CÁC ĐIỂM TIÊM CHỦNG", size=14, bold=True, align=CENTER)
    bc.para(doc, "(Kèm theo Công văn số 215/SYT-NVY ngày 05 tháng 3 năm 2025 của Sở Y tế)",
            size=14, italic=True, align=CENTER)
    bc.para(doc, "__________", size=14, align=CENTER)
    bc.para(doc, "Trạm Y tế các xã, phường, thị trấn trên địa bàn tỉnh tổ chức tiêm chủng vào "
                 "ngày 25 hằng tháng./.", size=content_size, indent=1.27, after=6)
    return bc._saved(doc)


def test_a_phu_luc_has_no_quoc_hieu_of_its_own():
    """Mẫu 2.1/2.2: a Phụ lục in a file of its own; its title block is not body text."""
    assert rules(_phu_luc()) == []


def test_a_phu_luc_body_is_still_judged():
    assert rules(_phu_luc(12)) == ["noi_dung.co_chu"]


def test_a_legal_normative_document_gets_one_finding_and_the_page_rules():
    data = bc.build(bc.Spec(so="Số: 12/2024/TT-BYT", margin_left=25.0, v_v="V/v sai chỗ"))
    assert rules(data) == ["pham_vi.quy_pham", "trang.le"]


def test_a_document_outside_decree_30_gets_one_finding():
    doc = bc._new_doc(bc.Spec())
    for text in ("ĐƠN ĐỀ NGHỊ", "Kính gửi: Ủy ban nhân dân phường", "Tôi tên là Phạm Thị Lan.",
                 "Người làm đơn"):
        bc.para(doc, text, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    assert rules(bc._saved(doc)) == ["pham_vi.khong_phai_nd30"]


def _scope(data: bytes) -> str:
    an = locate(view(read_package(data, "x")))
    return decide(an, LOAI_VAN_BAN).kind


def test_decide_sorts_documents():
    assert _scope(bc.build(bc.Spec())) == "hanh_chinh"
    assert _scope(bc.build(bc.Spec(so="Số: 12/2021/QĐ-UBND"))) == "quy_pham"
    assert _scope(_phu_luc()) == "phu_luc"


# -- texts attached after the signature ------------------------------------------------------------
def _attached(change=None) -> bytes:
    doc = docx.Document(io.BytesIO(bc._with_quy_dinh("center")))
    if change is not None:
        change(doc)
    return bc._saved(doc)


def _p(doc, text: str):
    return next(p for p in doc.paragraphs if p.text == text)


def test_an_attached_quy_dinh_as_the_decree_prints_it_is_clean():
    assert rules(_attached()) == []


def test_a_chuong_of_the_attached_text_not_centred_is_reported():
    def left(doc):
        _p(doc, "Chương I").alignment = WD_ALIGN_PARAGRAPH.LEFT
    found = [(f.rule, f.location.excerpt) for f in check(_attached(left))]
    assert found == [("chuong_muc.can_giua", "Chương I")]


def test_a_muc_with_its_title_on_the_same_line_is_reported():
    def inline(doc):
        title = _p(doc, "QUY ĐỊNH CỤ THỂ")
        chuong = _p(doc, "Chương II")
        chuong.runs[0].text = "Chương II. QUY ĐỊNH CỤ THỂ"
        title._p.getparent().remove(title._p)
    found = [(f.rule, f.location.excerpt) for f in check(_attached(inline))]
    assert found == [("chuong_muc.dong_rieng", "Chương II. QUY ĐỊNH CỤ THỂ")]


def test_articles_of_the_attached_text_are_numbered_on_their_own():
    def skip(doc):
        p = next(p for p in doc.paragraphs if p.text.startswith("Điều 3. Thủ tục"))
        p.runs[0].text = "Điều 4. Thủ tục cử cán bộ"
    assert rules(_attached(skip)) == ["dieu.danh_so"]


def test_every_section_has_its_margins_checked():
    """The attached text in a section of its own: its margins are judged too (w:sectPr of every
    section, not only the last)."""
    doc = docx.Document(io.BytesIO(bc.build(bc.Spec())))
    new = doc.add_section(WD_SECTION.NEW_PAGE)
    new.left_margin = Mm(30)
    doc.sections[0].left_margin = Mm(20)
    found = [(f.rule, f.location.section) for f in check(bc._saved(doc))
             if f.rule.startswith("trang.")]
    assert found == [("trang.le", 1)]


def test_a_date_line_typed_right_under_the_header_table_is_the_date():
    doc = docx.Document(io.BytesIO(bc.build(bc.Spec(place_date=""))))
    p = doc.add_paragraph()
    run = p.add_run("Bắc Ninh, ngày 5 tháng 3 năm 2025")
    run.font.size, run.font.italic, run.font.name = Pt(14), True, bc.FONT
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.tables[0]._tbl.addnext(p._p)
    found = [f.rule for f in check(bc._saved(doc)) if f.rule.startswith("dia_danh_thoi_gian.")]
    assert found == ["dia_danh_thoi_gian.so_0_dau"]
