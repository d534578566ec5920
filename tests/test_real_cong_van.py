"""Real công văn, typed as a clerk would: each form below was refused, or printed wrongly, before.

The documents are written for these tests (realistic, not copies of real ones). Tests match error
codes, never message text.
"""

from __future__ import annotations

import copy

import pytest
from docx.oxml.ns import qn

import congvan
from congvan import InvalidDocumentError
from congvan.context import build_context
from congvan.formatting import break_costs, break_lines, header_columns
from congvan.measure import text_width_pt
from congvan.rules import LAYOUT, STYLES
from congvan.vietnamese.text import upper

from .conftest import render_document

PT_PER_MM = 72 / 25.4

#: A ministry's công văn as a clerk types it (the Lưu line and the notes as on paper).
BO: dict = {
    "loai_van_ban": "cong_van",
    "co_quan_ban_hanh": {"ten": "Bộ Tài chính", "ten_viet_tat": "BTC"},
    "so_van_ban": 11208,
    "don_vi_soan_thao": "CST",
    "dia_danh": "Hà Nội",
    "ngay": "03/11/2025",
    "trich_yeu": "góp ý dự thảo Thông tư hướng dẫn chính sách thuế quốc tế",
    "kinh_gui": ["Cục Thuế", "Vụ Pháp chế"],
    "noi_dung": ["Bộ Tài chính đề nghị các đơn vị góp ý dự thảo Thông tư gửi kèm."],
    "noi_nhan": ["Như trên", "- Bộ trưởng; (để báo cáo)", "Thứ trưởng Nguyễn Văn Bình (để b/c);"],
    "noi_luu": "VT, CST (3b) (NTH/KN)",
    "nguoi_ky": {"tham_quyen": ["TL. Bộ trưởng", "KT. Vụ trưởng Vụ Chính sách thuế quốc tế"],
                 "chuc_vu": "Phó Vụ trưởng", "ho_ten": "Đặng Thu Hà"},
}


def doc_with(**changes) -> congvan.CongVan:
    data = copy.deepcopy(BO)
    data.update(changes)
    return congvan.validate(data)


def codes(data: dict) -> dict[str, str]:
    with pytest.raises(InvalidDocumentError) as info:
        congvan.validate(data)
    return {p.location: p.code for p in info.value.problems}


def with_(**changes) -> dict:
    data = copy.deepcopy(BO)
    data.update(changes)
    return data


# -- the Lưu line (PL I §II.9.d) -------------------------------------------------------------------


@pytest.mark.parametrize("typed, items", [
    (["VT", "CS (3b)"], ["VT", "CS (3b)"]),  # copies kept
    (["VT", "VP (38b)"], ["VT", "VP (38b)"]),
    (["VT (VX/KN)"], ["VT (VX/KN)"]),  # the drafter's initials
    ("VT, KHTC (VX/KN)", ["VT", "KHTC (VX/KN)"]),  # the line as typed, in one string
    (["VT", "Vụ KHTC"], ["VT", "Vụ KHTC"]),  # the unit in words
    (["VT", "V.I", "02b"], ["VT", "V.I", "02b"]),
    ("VT, KH&ĐT, (NVA).", ["VT", "KH&ĐT", "(NVA)"]),  # the final period is congvan's
])
def test_real_luu_lines_are_accepted_and_printed_as_typed(typed, items):
    doc = doc_with(noi_luu=typed)
    assert doc.noi_luu == items
    assert build_context(doc)["noi_nhan"][-1] == f"- Lưu: {', '.join(items)}."


@pytest.mark.parametrize("typed", [["VT", "A/B"], ["VT", "KHTC; VP"], ["VT", "X×Y"],
                                   ["VT", "Π"], ["VT", "KH:TC"], ["VT", "(3b"]])
def test_luu_items_that_are_not_units_copies_or_initials_are_refused(typed):
    assert codes(with_(noi_luu=typed)) == {"noi_luu[1]": "noi_luu.invalid"}


@pytest.mark.parametrize("typed", [["KHTC", "VT"], "Vụ KHTC", ["VTX"]])
def test_luu_still_starts_with_van_thu(typed):
    assert codes(with_(noi_luu=typed)) == {"noi_luu": "noi_luu.van_thu"}


# -- abbreviations in the ký hiệu (PL I §II.3.b–c) -------------------------------------------------


def test_real_drafting_units_are_accepted():
    data = with_(co_quan_ban_hanh={"ten": "Văn phòng Chính phủ", "ten_viet_tat": "VPCP"},
                 don_vi_soan_thao="V.I", so_van_ban=11554)
    assert congvan.format_so_ky_hieu(congvan.validate(data).so_ky_hieu) == "Số: 11554/VPCP-V.I"
    for unit in ("TTg", "GDTrH", "SGDĐT", "KTTH"):
        assert congvan.validate(with_(don_vi_soan_thao=unit)).don_vi_soan_thao == unit


@pytest.mark.parametrize("unit", [
    "V I", "V/I", "V-I", ".VI", "VI.", "V..I",  # separators that break the ký hiệu
    "A×B", "A÷B", "ΑΒΓ", "אב", "KT\u061c", "\u0600KT", "K\u180eT", "K\u200bT",  # not letters
    "Ủy",  # a toned vowel: abbreviations are initials in A–Z and Đ
])
def test_abbreviations_refuse_separators_and_lookalike_characters(unit):
    assert codes(with_(don_vi_soan_thao=unit)) == {"don_vi_soan_thao": "viet_tat.invalid"}


# -- Nơi nhận (PL I §II.9) -------------------------------------------------------------------------


def test_note_stands_before_the_semicolon():
    lines = build_context(doc_with())["noi_nhan"]
    assert lines[:3] == ["- Như trên;", "- Bộ trưởng (để báo cáo);",
                         "- Thứ trưởng Nguyễn Văn Bình (để b/c);"]
    doc = doc_with(noi_nhan=["Như trên", {"ten": "Cục Thuế", "ghi_chu": "(VBĐT);"}])
    assert build_context(doc)["noi_nhan"][1] == "- Cục Thuế (VBĐT);"
    assert doc.noi_nhan[1].ghi_chu == "(VBĐT)"


@pytest.mark.parametrize("noi_nhan", [["Cục Thuế"], [], ["Cục Thuế", "Như trên"]])
def test_cong_van_noi_nhan_starts_with_nhu_tren(noi_nhan):
    """Defect 4: validate agreed with render, not with check; the decree sides with check."""
    assert codes(with_(noi_nhan=noi_nhan)) == {"noi_nhan": "noi_nhan.nhu_tren"}


def test_absent_noi_nhan_is_nhu_tren():
    data = with_()
    del data["noi_nhan"]
    doc = congvan.validate(data)
    assert build_context(doc)["noi_nhan"][0] == "- Như trên;"
    assert not [f for f in congvan.check(congvan.render_bytes(doc)) if f.severity == "loi"]


# -- trích yếu after V/v (PL I §II.5.b) ------------------------------------------------------------


@pytest.mark.parametrize("typed", ["V/v góp ý dự thảo", "v/v: góp ý dự thảo",
                                   "Về việc góp ý dự thảo", "về việc góp ý dự thảo"])
def test_the_words_of_vv_typed_again_are_not_doubled(typed):
    doc = doc_with(trich_yeu=typed)
    assert build_context(doc)["trich_yeu"] == ["V/v góp ý dự thảo"]


@pytest.mark.parametrize("typed", ["Về hướng dẫn thực hiện", "về tình hình triển khai"])
def test_a_subject_opening_with_ve_is_refused_not_doubled(typed):
    assert codes(with_(trich_yeu=typed)) == {"trich_yeu": "trich_yeu.ve"}


# -- line breaks: between word groups, never inside a name -----------------------------------------


def test_long_authority_line_breaks_between_title_and_unit():
    assert build_context(doc_with())["tham_quyen"] == [
        "TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG", "VỤ CHÍNH SÁCH THUẾ QUỐC TẾ", "PHÓ VỤ TRƯỞNG"]
    nk = {**BO["nguoi_ky"], "tham_quyen": ["TL. Bộ trưởng", "KT. Vụ trưởng Vụ Giáo dục Trung học"]}
    assert build_context(doc_with(nguoi_ky=nk))["tham_quyen"][1:3] == [
        "KT. VỤ TRƯỞNG", "VỤ GIÁO DỤC TRUNG HỌC"]


def test_a_clerks_line_break_in_an_authority_line_is_kept():
    nk = {**BO["nguoi_ky"], "tham_quyen": ["TL. Bộ trưởng", "KT. Vụ trưởng\nVụ Chính sách thuế"],
          "chuc_vu": "Phó Vụ trưởng\nphụ trách"}
    doc = doc_with(nguoi_ky=nk)
    assert build_context(doc)["tham_quyen"] == [
        "TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG", "VỤ CHÍNH SÁCH THUẾ", "PHÓ VỤ TRƯỞNG", "PHỤ TRÁCH"]
    right = [p.text for p in render_document(doc).tables[1].rows[0].cells[1].paragraphs]
    assert right[:5] == build_context(doc)["tham_quyen"]


def test_vv_never_breaks_inside_a_proper_name():
    doc = doc_with(trich_yeu="hỗ trợ người lao động bị ảnh hưởng bởi thiên tai tại "
                             "Thành phố Hồ Chí Minh và tỉnh Đồng Tháp")
    lines = build_context(doc)["trich_yeu"]
    assert len(lines) > 1
    assert not any(line.endswith(("Hồ", "Chí", "Đồng")) for line in lines)
    assert any("Hồ Chí Minh" in line for line in lines)


@pytest.mark.parametrize("text, expected", [
    ("Ủy ban nhân dân Thành phố Hồ Chí Minh", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("Ủy ban nhân dân xã Nguyễn Việt Khái", ["ỦY BAN NHÂN DÂN", "XÃ NGUYỄN VIỆT KHÁI"]),
    ("Bộ Nông nghiệp và Môi trường", ["BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]),
])
def test_names_in_the_header_break_between_word_groups(text, expected):
    doc = doc_with(co_quan_chu_quan=text)
    assert build_context(doc)["co_quan_chu_quan"] == expected


def test_every_broken_line_fits_its_column():
    doc = doc_with(trich_yeu="tăng cường công tác quản lý, phối hợp thu ngân sách nhà nước đối "
                             "với hoạt động thương mại điện tử xuyên biên giới năm 2026")
    ctx = build_context(doc)
    left_mm = ctx["cot_trai"] / 1440 * 25.4
    size = STYLES["trich_yeu_cong_van"].size
    assert all(text_width_pt(line, size) <= (left_mm - LAYOUT.line_slack) * PT_PER_MM
               for line in ctx["trich_yeu"])
    s = STYLES["tham_quyen"]
    assert all(text_width_pt(upper(line), s.size, bold=True)
               <= (LAYOUT.footer_right - LAYOUT.line_slack) * PT_PER_MM
               for line in ctx["tham_quyen"])


def test_a_line_that_fits_is_not_broken():
    def measure(s):
        return text_width_pt(s, 12)

    assert break_lines("V/v góp ý dự thảo", 500, measure, name=False) == ["V/v góp ý dự thảo"]


# -- the date line holds on one line (PL I §II.4.c) ------------------------------------------------


def test_header_right_column_grows_for_a_long_date_line():
    doc = doc_with(dia_danh="Thành phố Hồ Chí Minh", ngay="28/12/2025")
    ctx = build_context(doc)
    date_mm = text_width_pt(ctx["dia_danh_thoi_gian"], 13, italic=True) / PT_PER_MM
    assert ctx["cot_phai"] / 1440 * 25.4 >= date_mm + 1
    assert ctx["cot_trai"] + ctx["cot_phai"] == round(165 * 1440 / 25.4)
    assert header_columns(60.0) == (LAYOUT.header_left, LAYOUT.header_right)  # usual split kept
    grid = render_document(doc).tables[0]._tbl.tblGrid
    assert [int(c.get(qn("w:w"))) for c in grid.gridCol_lst] == [ctx["cot_trai"], ctx["cot_phai"]]


@pytest.mark.parametrize("place, code", [("hà Nội", "dia_danh.viet_hoa"),
                                         ("Phường 1, Quận 3", "dia_danh.dau_phay")])
def test_places_the_checker_would_fail_are_refused_at_validation(place, code):
    """Defect 4's kind: validate accepted what check then failed (PL I §II.4.c)."""
    assert codes(with_(dia_danh=place)) == {"dia_danh": code}


@pytest.mark.parametrize("chuc_vu", ["KT Giám đốc", "T/M Ủy ban nhân dân", "KT. Giám đốc"])
def test_an_authority_prefix_in_the_signers_title_is_refused(chuc_vu):
    """The checker fails such a line as a misspelt prefix (PL I §II.7.b): refuse it first."""
    nk = {"tham_quyen": ["KT. Giám đốc"], "chuc_vu": chuc_vu, "ho_ten": "Lê Văn Bình"}
    assert codes(with_(nguoi_ky=nk)) == {"nguoi_ky.chuc_vu": "chuc_vu.prefix"}


def test_no_broken_line_starts_with_what_reads_as_a_prefix():
    words = ["Giám", "đốc", "Trung", "tâm", "Thông", "tin", "và", "Dịch", "vụ", "KT", "tổng", "hợp"]
    costs = break_costs(words, name=True)
    assert costs[words.index("KT")] >= 100  # a line "KT TỔNG HỢP" would read as "KT."
