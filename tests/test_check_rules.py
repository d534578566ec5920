"""Every checker rule: a clean document broken in exactly one way gives exactly that finding."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

import congvan
from congvan.checker import CATALOG, check

from .checker_fixtures import (
    clean,
    clean_bytes,
    edit_part,
    para,
    paras,
    remove,
    runs_set,
    set_text,
    to_bytes,
)

ROOT = Path(__file__).resolve().parents[1]


def body(doc, n: int = 0):
    return [p for p in paras(doc) if p.style.name == "CV Nội dung"][n]


def vv(doc):
    return [p for p in paras(doc) if p.style.name == "CV Trích yếu công văn"]


def rule_para(doc, n: int):
    """Return the n-th empty rule paragraph (0: under the issuer, 1: under the motto, 2: under the
    trích yếu of a quyết định)."""
    return [p for p in paras(doc) if p.style.name == "CV Đường kẻ"][n]


def noi_nhan(doc, n: int):
    return [p for p in paras(doc) if p.style.name == "CV Nơi nhận"][n]


def header_page(doc):
    return paras(doc, doc.sections[0].header)[0]


def _landscape(doc):
    s = doc.sections[0]
    s.page_width, s.page_height = s.page_height, s.page_width


def _size_style(name, **props):
    def change(doc):
        font = doc.styles[name].font
        for key, value in props.items():
            setattr(font, key, Pt(value) if key == "size" else value)
    return change


def _unbox(doc):
    p = para(doc, "KHẨN")
    pbdr = p._p.pPr.find(qn("w:pBdr"))
    pbdr.getparent().remove(pbdr)


def _shift(p, mm: float) -> None:
    """Move paragraph `p` (a Kính gửi dash line) `mm` to the right of where its style puts it."""
    pf = p.paragraph_format
    style = p.style.paragraph_format
    pf.left_indent = style.left_indent + Mm(mm)
    pf.first_line_indent = style.first_line_indent


def _unnumbered(doc, break_before=None):
    """Take the PAGE field out of the header; start `break_before` on a new page."""
    p = header_page(doc)._p
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)
    if break_before is not None:
        break_before.paragraph_format.page_break_before = True


def footer1(doc):
    return doc.sections[0].first_page_footer


def _ky_hieu(doc, **props):
    """Set ô 12 (``PL.(300)`` after the Lưu line) in a run of its own, formatted with `props`."""
    luu = noi_nhan(doc, -1)
    set_text(luu, "- Lưu: VT, VHTT.")
    run = luu.add_run(" PL.(300)")
    for key, value in props.items():
        setattr(run.font, key, Pt(value) if key == "size" else value)


def _no_top_border(p):
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="nil"/></w:pBdr>'))


def _rule_indent(doc):
    rule = rule_para(doc, 1)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(0)


# rule id -> (clean document, change); one change per rule, and nothing else may be found.
CASES = {
    "trang.kho_giay": ("cong_van", lambda d: setattr(d.sections[0], "page_height", Mm(279))),
    "trang.huong": ("cong_van", _landscape),
    "trang.le": ("cong_van", lambda d: setattr(d.sections[0], "left_margin", Mm(25))),
    "phong_chu.times_new_roman": ("cong_van", lambda d: setattr(body(d).runs[0].font, "name",
                                                                "Arial")),
    "phong_chu.ma_cu": ("cong_van", lambda d: setattr(body(d).runs[0].font, "name", ".VnTime")),
    "phong_chu.mau_den": ("cong_van", lambda d: setattr(body(d).runs[0].font.color, "rgb",
                                                        RGBColor(0, 0, 255))),
    "quoc_hieu.thieu": ("cong_van", lambda d: remove(para(d, "CỘNG HÒA"))),
    "quoc_hieu.van_ban": ("cong_van", lambda d: set_text(para(d, "CỘNG HÒA"),
                                                         "CỘNG HÒA XÃ HỘI CHỦ NGHIA VIỆT NAM")),
    "quoc_hieu.co_chu": ("cong_van", lambda d: runs_set(para(d, "CỘNG HÒA"), size=14)),
    "quoc_hieu.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "CỘNG HÒA"), bold=False)),
    "tieu_ngu.thieu": ("cong_van", lambda d: remove(para(d, "Độc lập"))),
    "tieu_ngu.van_ban": ("cong_van", lambda d: set_text(para(d, "Độc lập"),
                                                        "Độc lập – Tự do – Hạnh phúc")),
    "tieu_ngu.co_chu": ("cong_van", lambda d: runs_set(para(d, "Độc lập"), size=12)),
    "tieu_ngu.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Độc lập"), italic=True)),
    "tieu_ngu.duong_ke": ("cong_van", lambda d: remove(rule_para(d, 1))),
    "tieu_ngu.do_dai_duong_ke": ("cong_van", _rule_indent),
    "co_quan.thieu": ("cong_van", lambda d: [remove(para(d, t)) for t in ("ỦY BAN", "THÀNH PHỐ")]),
    "co_quan.in_hoa": ("cong_van", lambda d: set_text(para(d, "ỦY BAN"), "Ủy ban nhân dân")),
    "co_quan.co_chu": ("cong_van", lambda d: runs_set(para(d, "ỦY BAN"), size=14)),
    "co_quan.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "THÀNH PHỐ"), bold=False)),
    "co_quan.duong_ke": ("cong_van", lambda d: remove(rule_para(d, 0))),
    "so_ky_hieu.thieu": ("cong_van", lambda d: remove(para(d, "Số:"))),
    "so_ky_hieu.dinh_dang": ("cong_van", lambda d: set_text(para(d, "Số:"), "Số 4172/UBND-VHTT")),
    "so_ky_hieu.so_0_dau": ("cong_van", lambda d: set_text(para(d, "Số:"), "Số: 5/UBND-VHTT")),
    "so_ky_hieu.viet_tat_loai": ("cong_van", lambda d: set_text(para(d, "Số:"),
                                                                "Số: 4172/QĐ-UBND")),
    "so_ky_hieu.co_chu": ("cong_van", lambda d: runs_set(para(d, "Số:"), size=14)),
    "so_ky_hieu.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Số:"), italic=True)),
    "dia_danh_thoi_gian.thieu": ("cong_van", lambda d: remove(para(d, "Nha Trang,"))),
    "dia_danh_thoi_gian.dinh_dang": ("cong_van", lambda d: set_text(
        para(d, "Nha Trang,"), "Nha Trang ngày 01 tháng 7 năm 2021")),
    "dia_danh_thoi_gian.so_0_dau": ("cong_van", lambda d: set_text(
        para(d, "Nha Trang,"), "Nha Trang, ngày 1 tháng 7 năm 2021")),
    "dia_danh_thoi_gian.ngay_khong_hop_le": ("cong_van", lambda d: set_text(
        para(d, "Nha Trang,"), "Nha Trang, ngày 31 tháng 02 năm 2021")),
    "dia_danh_thoi_gian.co_chu": ("cong_van", lambda d: runs_set(para(d, "Nha Trang,"), size=12)),
    "dia_danh_thoi_gian.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Nha Trang,"),
                                                                   italic=False)),
    "ten_loai.co_chu": ("quyet_dinh", lambda d: runs_set(para(d, "QUYẾT ĐỊNH"), size=12)),
    "ten_loai.kieu_chu": ("quyet_dinh", lambda d: runs_set(para(d, "QUYẾT ĐỊNH"), bold=False)),
    "ten_loai.can_giua": ("quyet_dinh", lambda d: setattr(
        para(d, "QUYẾT ĐỊNH").paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "trich_yeu.co_chu": ("quyet_dinh", lambda d: runs_set(para(d, "Về việc"), size=12)),
    "trich_yeu.kieu_chu": ("quyet_dinh", lambda d: runs_set(para(d, "Về việc"), bold=False)),
    "trich_yeu.can_giua": ("quyet_dinh", lambda d: setattr(
        para(d, "Về việc").paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "trich_yeu.duong_ke": ("quyet_dinh", lambda d: remove(rule_para(d, 2))),
    "trich_yeu_cong_van.thieu": ("cong_van", lambda d: [remove(p) for p in vv(d)]),
    "trich_yeu_cong_van.v_v": ("cong_van", lambda d: set_text(
        vv(d)[0], "V/V tiếp tục tăng cường các biện pháp")),
    "trich_yeu_cong_van.co_chu": ("cong_van", lambda d: runs_set(vv(d)[0], size=14)),
    "trich_yeu_cong_van.kieu_chu": ("cong_van", lambda d: runs_set(vv(d)[1], italic=True)),
    "trich_yeu_cong_van.khoang_cach": ("cong_van", lambda d: setattr(
        vv(d)[0].paragraph_format, "space_before", Pt(0))),
    "trich_yeu_cong_van.can_giua": ("cong_van", lambda d: setattr(
        vv(d)[1].paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "noi_dung.co_chu": ("cong_van", lambda d: runs_set(body(d, 1), size=12)),
    "noi_dung.mot_co_chu": ("cong_van", lambda d: runs_set(body(d, 1), size=13)),
    "noi_dung.can_deu": ("cong_van", lambda d: setattr(body(d, 1).paragraph_format, "alignment",
                                                       WD_ALIGN_PARAGRAPH.LEFT)),
    "noi_dung.thut_dau_dong": ("cong_van", lambda d: setattr(body(d, 1).paragraph_format,
                                                             "first_line_indent", Mm(5))),
    "noi_dung.khoang_cach_doan": ("cong_van", lambda d: setattr(body(d, 1).paragraph_format,
                                                                "space_before", Pt(2))),
    "noi_dung.gian_dong": ("cong_van", lambda d: setattr(body(d, 1).paragraph_format,
                                                         "line_spacing", 2.0)),
    "noi_dung.ket_thuc": ("cong_van", lambda d: set_text(body(d, -1), "Yêu cầu thực hiện.")),
    "can_cu.kieu_chu": ("quyet_dinh", lambda d: runs_set(para(d, "Căn cứ Luật"), italic=False)),
    "can_cu.dau_cau": ("quyet_dinh", lambda d: set_text(para(d, "Theo đề nghị"),
                                                        "Theo đề nghị của Chánh Văn phòng,")),
    # -- the Nơi nhận's "- Như Điều 2;" follows the article it names (else noi_nhan.nhu_dieu too)
    "dieu.danh_so": ("quyet_dinh", lambda d: [set_text(para(d, "Điều 2."), "Điều 3. Tổ chức"),
                                              set_text(para(d, "- Như Điều 2"), "- Như Điều 3;")]),
    "dieu.dinh_dang": ("quyet_dinh", lambda d: set_text(para(d, "Điều 1."), "Điều 1: Ban hành")),
    "khoan.danh_so": ("quyet_dinh", lambda d: set_text(para(d, "2. Hiệu lực"), "3. Hiệu lực.")),
    "diem.chu_cai": ("quyet_dinh", lambda d: set_text(para(d, "b)"), "f) Các xã, phường.")),
    "diem.thu_tu": ("quyet_dinh", lambda d: set_text(para(d, "b)"), "c) Các xã, phường.")),
    "chuong_muc.so_thu_tu": ("quyet_dinh", lambda d: set_text(para(d, "Chương I"), "Chương 1")),
    "chuong_muc.can_giua": ("quyet_dinh", lambda d: setattr(
        para(d, "Mục 1").paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "chuong_muc.kieu_chu": ("quyet_dinh", lambda d: runs_set(para(d, "Chương I"), bold=False)),
    "chuong_muc.dong_rieng": ("quyet_dinh", lambda d: (
        set_text(para(d, "Mục 1"), "Mục 1. PHẠM VI ÁP DỤNG"), remove(para(d, "PHẠM VI ÁP")))),
    "pham_vi.quy_pham": ("quyet_dinh", lambda d: set_text(para(d, "Số:"), "Số: 05/2024/QĐ-UBND")),
    "pham_vi.khong_phai_nd30": ("cong_van", lambda d: [
        remove(p) for p in paras(d)
        if p.text.startswith(("CỘNG HÒA", "Số:", "Nơi nhận")) or p in vv(d)]),
    "chuong_muc.tieu_de_can_giua": ("quyet_dinh", lambda d: setattr(
        para(d, "QUY ĐỊNH CHUNG").paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT)),
    "chuong_muc.tieu_de_kieu_chu": ("quyet_dinh", lambda d: set_text(para(d, "QUY ĐỊNH CHUNG"),
                                                                     "Quy định chung")),
    "tham_quyen.viet_tat": ("cong_van", lambda d: set_text(para(d, "TM."), "T/M ỦY BAN NHÂN DÂN")),
    "tham_quyen.co_chu": ("cong_van", lambda d: runs_set(para(d, "KT."), size=12)),
    "tham_quyen.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "KT."), bold=False)),
    "ho_ten.co_chu": ("cong_van", lambda d: runs_set(para(d, "Lưu Thành"), size=12)),
    "ho_ten.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Lưu Thành"), bold=False)),
    "ho_ten.hoc_ham": ("cong_van", lambda d: set_text(para(d, "Lưu Thành"), "TS. Lưu Thành Nhân")),
    "kinh_gui.dau_hai_cham": ("cong_van", lambda d: set_text(para(d, "Kính gửi"), "Kính gửi")),
    # -- 15 pt, not 12: "Kính gửi" at 12 pt is 2.5 mm narrower, so the dashes leave the colon too
    "kinh_gui.co_chu": ("cong_van", lambda d: runs_set(para(d, "Kính gửi"), size=15)),
    "kinh_gui.kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Kính gửi"), italic=True)),
    "kinh_gui.mot_dong": ("cong_van", lambda d: [remove(para(d, t)) for t in (
        "- Ủy ban Mặt trận", "- Các tổ chức", "- Các phòng")]),
    "kinh_gui.thang_hang": ("cong_van", lambda d: _shift(para(d, "- Các tổ chức"), 5)),
    "kinh_gui.dau_cau": ("cong_van", lambda d: set_text(
        para(d, "- Các tổ chức"), "- Các tổ chức chính trị - xã hội thành phố,")),
    "noi_nhan.thieu": ("cong_van", lambda d: remove(para(d, "Nơi nhận"))),
    "noi_nhan.nhan": ("cong_van", lambda d: set_text(para(d, "Nơi nhận"), "Nơi nhận")),
    "noi_nhan.nhan_co_chu": ("cong_van", lambda d: runs_set(para(d, "Nơi nhận"), size=11)),
    "noi_nhan.nhan_kieu_chu": ("cong_van", lambda d: runs_set(para(d, "Nơi nhận"), italic=False)),
    "noi_nhan.co_chu": ("cong_van", lambda d: runs_set(noi_nhan(d, 1), size=12)),
    "noi_nhan.kieu_chu": ("cong_van", lambda d: runs_set(noi_nhan(d, 1), italic=True)),
    "noi_nhan.dau_cau": ("cong_van", lambda d: set_text(
        noi_nhan(d, 1), "- Sở Thông tin và Truyền thông (VBĐT)")),
    "noi_nhan.luu_vt": ("cong_van", lambda d: set_text(noi_nhan(d, -1), "- Lưu: VHTT.")),
    "noi_nhan.nhu_tren": ("cong_van", lambda d: remove(noi_nhan(d, 0))),
    "noi_nhan.nhu_dieu": ("quyet_dinh", lambda d: set_text(noi_nhan(d, 0), "- Như Điều 5;")),
    "noi_nhan.sat_le_trai": ("cong_van", lambda d: setattr(noi_nhan(d, 1).paragraph_format,
                                                           "left_indent", Mm(5))),
    "so_trang.thieu": ("cong_van", lambda d: _unnumbered(d, break_before=body(d, -1))),
    "so_trang.trang_dau": ("cong_van", lambda d: setattr(
        d.sections[0], "different_first_page_header_footer", False)),
    "so_trang.vi_tri": ("cong_van", lambda d: setattr(header_page(d).paragraph_format, "alignment",
                                                      WD_ALIGN_PARAGRAPH.RIGHT)),
    "so_trang.co_chu": ("cong_van", _size_style("CV Số trang", size=11)),
    "so_trang.kieu_chu": ("cong_van", _size_style("CV Số trang", italic=True)),
    "ky_hieu_nguoi_soan_thao.co_chu": ("dia_chi", lambda d: _ky_hieu(d, size=12)),
    "ky_hieu_nguoi_soan_thao.kieu_chu": ("dia_chi", lambda d: _ky_hieu(d, italic=True)),
    "dia_chi.co_chu": ("dia_chi", lambda d: runs_set(para(d, "ĐT:", footer1(d)), size=13)),
    "dia_chi.kieu_chu": ("dia_chi", lambda d: runs_set(para(d, "ĐT:", footer1(d)), italic=True)),
    "dia_chi.duong_ke": ("dia_chi", lambda d: [_no_top_border(p) for p in paras(d, footer1(d))]),
    "do_khan.van_ban": ("khan", lambda d: set_text(para(d, "KHẨN"), "Khẩn")),
    "do_khan.co_chu": ("khan", lambda d: runs_set(para(d, "KHẨN"), size=12)),
    "do_khan.kieu_chu": ("khan", lambda d: runs_set(para(d, "KHẨN"), bold=False)),
    "do_khan.khung": ("khan", _unbox),
    "do_mat.kieu_chu": ("khan", lambda d: runs_set(para(d, "MẬT"), bold=False)),
}


@pytest.mark.parametrize("kind", ["cong_van", "quyet_dinh", "khan", "dia_chi"])
def test_clean_documents_have_no_findings(kind):
    assert check(clean_bytes(kind)) == []


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_rendered_example_has_no_findings(example):
    assert check(congvan.render_bytes(congvan.load(example))) == []


def test_every_rule_has_a_fixture():
    assert sorted(CASES) == sorted(CATALOG)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_breaking_one_rule_gives_exactly_that_finding(rule_id):
    kind, change = CASES[rule_id]
    doc = clean(kind)
    change(doc)
    findings = check(to_bytes(doc))
    assert {f.rule for f in findings} == {rule_id}, [(f.rule, f.where, f.found) for f in findings]
    f = findings[0]
    rule = CATALOG[rule_id]
    assert (f.cite, f.severity, f.message_vi, f.message_en) == (
        rule.cite, rule.severity, rule.title_vi, rule.title_en)
    assert f.found and f.expected


def test_old_tone_placement_in_the_quoc_hieu_is_a_warning():
    """“CỘNG HOÀ”: the decree's own Appendix I table and mẫu 1.6 print it (issue 9)."""
    doc = clean("cong_van")
    set_text(para(doc, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    findings = check(to_bytes(doc))
    assert [(f.rule, f.severity) for f in findings] == [("quoc_hieu.van_ban", "canh_bao")]


# -- kinh_gui.thang_hang: the branches the one-rule fixture does not reach -------------------------


def _dashes(doc):
    return [p for p in paras(doc) if p.style.name == "CV Kính gửi danh sách"]


def _thang_hang(doc):
    return [f for f in check(to_bytes(doc)) if f.rule == "kinh_gui.thang_hang"]


def test_kinh_gui_all_dashes_moved_together_give_one_finding():
    doc = clean()
    for p in _dashes(doc):
        _shift(p, 4)
    (f,) = _thang_hang(doc)
    assert f.found == "gạch đầu dòng lệch +4.0 mm so với dấu hai chấm (4 dòng)"


def test_kinh_gui_a_shift_within_the_tolerance_is_aligned():
    doc = clean()
    for p in _dashes(doc):
        _shift(p, 1)
    assert _thang_hang(doc) == []


def test_kinh_gui_dashes_near_the_colon_but_not_aligned_with_one_another():
    doc = clean()
    for p, mm in zip(_dashes(doc), (1, 1, -1, -1), strict=True):
        _shift(p, mm)
    (f,) = _thang_hang(doc)
    assert f.found == "gạch đầu dòng lệch -2.0 mm so với các dòng khác (2 dòng)"


def test_kinh_gui_centred_label_compares_the_dashes_only():
    doc = clean()
    para(doc, "Kính gửi").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    assert _thang_hang(doc) == []
    _shift(_dashes(doc)[0], 5)
    (f,) = _thang_hang(doc)
    assert "so với các dòng khác" in f.found


def test_kinh_gui_dashes_typed_with_tabs_are_measured_to_the_default_tab_stop():
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    doc.add_paragraph("Số: 15/SNV-VP")  # a công văn's number: a Decree 30 document (scope.py)
    doc.add_paragraph("Kính gửi:")
    for text in ("- Bộ Nội vụ;", "- Bộ Tài chính."):
        doc.add_paragraph("\t" + text)
    # -- the colon is 17.6 mm in ("Kính gửi" at 14 pt); the first default tab stop is at 12.7 mm
    (f,) = _thang_hang(doc)
    assert f.found == "gạch đầu dòng lệch -4.9 mm so với dấu hai chấm (2 dòng)"


# -- ô 12 and ô 13 (optional): found where they are, silent where they are not ---------------------


def _rules(doc) -> list[str]:
    return sorted(f.rule for f in check(to_bytes(doc)))


def test_ky_hieu_on_its_own_line_after_the_luu_line():
    doc = clean()
    luu = noi_nhan(doc, -1)
    mark = luu.insert_paragraph_before("- Lưu: VT, VHTT.", style="CV Nơi nhận")
    set_text(luu, "pl.(300)")
    assert mark.text.startswith("- Lưu")
    assert _rules(doc) == ["ky_hieu_nguoi_soan_thao.kieu_chu"]


def test_a_footer_that_is_not_an_address_is_not_judged():
    doc = clean("dia_chi")
    for p in paras(doc, footer1(doc)):
        if p.text:
            set_text(p, "Tệp: cong-van.docx")
            runs_set(p, size=8, italic=True)
            _no_top_border(p)
    assert _rules(doc) == []


def test_dia_chi_rule_that_does_not_run_the_full_width():
    doc = clean("dia_chi")
    para(doc, "Số: 01", footer1(doc)).paragraph_format.left_indent = Mm(20)
    (f,) = [f for f in check(to_bytes(doc))]
    assert (f.rule, f.found) == ("dia_chi.duong_ke", "đường kẻ lùi vào 20 mm")


def test_dia_chi_after_the_signature_block_in_the_body():
    doc = clean()
    doc.add_paragraph("ĐT: 0258.3822000, Fax: 0258.3822001", style="CV Nơi nhận")
    assert _rules(doc) == ["dia_chi.duong_ke"]
    _top_border(doc.paragraphs[-1])
    assert _rules(doc) == []


def _top_border(p):
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1"/></w:pBdr>'))


# -- Phần/Chương/Mục: only lines that are nothing but the heading ----------------------------------


def test_a_sentence_that_mentions_a_chapter_is_not_a_heading():
    doc = clean("quyet_dinh")
    set_text(para(doc, "Chánh Văn phòng"), "Chương I của Quy chế được thi hành từ ngày ký./.")
    assert _rules(doc) == []


def test_a_heading_followed_by_an_article_has_no_title_to_judge():
    doc = clean("quyet_dinh")
    for text in ("Mục 1", "PHẠM VI ÁP DỤNG"):
        remove(para(doc, text))
    set_text(para(doc, "QUY ĐỊNH CHUNG"), "Chương II")
    assert _rules(doc) == []


def test_a_title_after_a_line_break_in_the_heading_paragraph():
    doc = clean("quyet_dinh")
    chuong = para(doc, "Chương I")
    remove(para(doc, "QUY ĐỊNH CHUNG"))
    chuong.runs[0].add_break()
    chuong.add_run("Quy định chung").bold = True
    assert _rules(doc) == ["chuong_muc.tieu_de_kieu_chu"]


# -- so_trang.thieu: how the page count is found ---------------------------------------------------


def _with_app_pages(data: bytes, pages: int) -> bytes:
    """Return the .docx `data` with docProps/app.xml saying <Pages>`pages`</Pages>, as Word
    writes it (congvan's own app.xml has no counts: issue 13)."""
    import re

    return edit_part(data, "docProps/app.xml", lambda blob: re.sub(
        rb"<Pages>\d+</Pages>", b"", blob).replace(
        b"</Properties>", b"<Pages>%d</Pages></Properties>" % pages))


def _thieu(data: bytes) -> list[str]:
    return [f.found for f in check(data) if f.rule == "so_trang.thieu"]


def test_one_page_without_page_numbers_is_fine():
    doc = clean()
    _unnumbered(doc)
    assert _thieu(to_bytes(doc)) == []


def test_page_count_from_app_xml():
    doc = clean()
    _unnumbered(doc)
    assert _thieu(_with_app_pages(to_bytes(doc), 3)) == [
        "3 trang (theo docProps/app.xml), không có số trang"]
    # -- with the PAGE field in place, a long document is fine
    assert _thieu(_with_app_pages(clean_bytes(), 3)) == []


def test_page_count_from_words_rendered_page_breaks():
    doc = clean()
    _unnumbered(doc)
    body(doc, 3).runs[0]._r.insert(0, parse_xml(f'<w:lastRenderedPageBreak {nsdecls("w")}/>'))
    assert _thieu(to_bytes(doc)) == ["2 trang (theo ngắt trang Word ghi lại), không có số trang"]


def test_page_count_estimated_from_a_long_text():
    doc = docx.Document()
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # a Decree 30 document (scope.py)
    for _ in range(60):
        doc.add_paragraph("Nội dung văn bản " * 30)
    (found,) = _thieu(to_bytes(doc))
    assert found.endswith("trang (theo ước tính theo lượng chữ), không có số trang")


def test_the_estimate_stays_silent_on_a_page_of_text():
    doc = docx.Document()  # -- one page in LibreOffice; the estimate says about 0.75
    for _ in range(5):
        doc.add_paragraph("Nội dung văn bản " * 30)
    assert _thieu(to_bytes(doc)) == []
