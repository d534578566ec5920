"""The body markup (congvan.noi_dung, docs/noi-dung.md): each rule and each error code, with its
path and line."""

from __future__ import annotations

import pytest

from congvan import models
from congvan.errors import InvalidDocumentError
from congvan.formatting import format_ket_thuc
from congvan.noi_dung import end_with_period, markup, parse_noi_dung, resolve_refs
from congvan.noi_dung.blocks import Cell, Paragraph, Run, Table
from congvan.noi_dung.numbering import Counters, chu_cai, roman
from congvan.rules import CHU_CAI_DIEM


def parse(*blocks, **kwargs):
    return parse_noi_dung(list(blocks), **kwargs)


def paras(*blocks, **kwargs) -> list[tuple[str, str]]:
    body = parse(*blocks, **kwargs)
    return [(b.kind, b.text) for b in resolve_refs(body, body.anchors) if isinstance(b, Paragraph)]


def problems(*blocks, **kwargs) -> list[tuple[tuple, str, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        body = parse(*blocks, **kwargs)
        resolve_refs(body, body.anchors)
    return [(p.path, p.code, p.message) for p in info.value.problems]


def codes(*blocks, **kwargs) -> list[tuple[tuple, str]]:
    return [(path, code) for path, code, _ in problems(*blocks, **kwargs)]


def line_of(message: str) -> int:
    assert message.startswith("dòng "), message
    return int(message.split(":")[0].removeprefix("dòng "))


# -- numbering --

def test_roman_numerals():
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV"]
    with pytest.raises(ValueError):
        roman(0)


def test_diem_letters_follow_the_decree_then_double():
    assert [chu_cai(n) for n in range(1, 24)] == list(CHU_CAI_DIEM)
    assert "f" not in CHU_CAI_DIEM and chu_cai(5) == "đ"
    assert [chu_cai(24), chu_cai(25), chu_cai(46), chu_cai(47)] == ["aa", "bb", "yy", "aaa"]


def test_counters_restart_the_levels_below():
    c = Counters()
    assert [c.next("dieu"), c.next("khoan"), c.next("diem"), c.next("diem")] == [1, 1, 1, 2]
    assert c.next("khoan") == 2 and c.peek("diem") == 1
    assert c.next("chuong") == 1 and c.next("dieu") == 2 and c.peek("khoan") == 1


# -- plain text --

def test_a_plain_string_is_one_paragraph_exactly_as_typed():
    text = "Theo số liệu (chiếm tỉ lệ 35,67%), số Bluezoner là 150.829 người; R&D &amp; [x]."
    assert paras(text) == [("doan", text)]


def test_normalisation_is_nfc_spaces_and_xml_legal_only():
    assert paras("Ho\u0300a bi\u0300nh  \t a\x07b") == [("doan", "Hòa bình ab")]


def test_a_single_newline_is_a_space_a_blank_line_a_new_paragraph():
    assert paras("một\nhai\n\nba") == [("doan", "một hai"), ("doan", "ba")]


def test_a_backslash_at_line_end_is_a_line_break():
    body = parse("một\\\nhai")
    assert body.blocks == (Paragraph("doan", (Run("một\nhai"),)),)


def test_bold_italic_and_escapes():
    body = parse("a **đậm** *nghiêng* _cũng_ ***cả hai*** \\*sao\\*")
    assert body.blocks[0].runs == (
        Run("a "), Run("đậm", bold=True), Run(" "), Run("nghiêng", italic=True), Run(" "),
        Run("cũng", italic=True), Run(" "), Run("cả hai", bold=True, italic=True),
        Run(" *sao*"))


def test_no_typographer_no_linkify():
    text = '"Trích" -- www.example.com ... (c)'
    assert paras(text) == [("doan", text)]


# -- headings --

def test_structure_a_headings():
    got = paras("# Phần: Chung", "## Chương: Quy định chung {#c}", "### Mục: Một",
                "#### Tiểu mục: Nhỏ", "# Điều: Phạm vi", "# Mục: Hai", "# Chương: Khác",
                "# Mục: Ba", "# Điều: Hiệu lực",
                "Xem Chương {chuong:c}.")
    assert got == [
        ("phan", "Phần I"), ("tieu_de_chuong_muc", "Chung"),
        ("chuong", "Chương I"), ("tieu_de_chuong_muc", "Quy định chung"),
        ("muc", "Mục 1"), ("tieu_de_chuong_muc", "Một"),
        ("tieu_muc", "Tiểu mục 1"), ("tieu_de_chuong_muc", "Nhỏ"),
        ("dieu", "Điều 1. Phạm vi"),
        ("muc", "Mục 2"), ("tieu_de_chuong_muc", "Hai"),
        ("chuong", "Chương II"), ("tieu_de_chuong_muc", "Khác"),
        ("muc", "Mục 1"), ("tieu_de_chuong_muc", "Ba"),   # Mục restarts per Chương
        ("dieu", "Điều 2. Hiệu lực"),                     # Điều runs through the text
        ("doan", "Xem Chương I.")]


def test_dieu_is_one_bold_paragraph_kept_with_the_next():
    body = parse("# Điều: Phạm vi *điều chỉnh*")
    dieu = body.blocks[0]
    assert dieu == Paragraph("dieu", (Run("Điều 1. Phạm vi ", bold=True),
                                      Run("điều chỉnh", bold=True, italic=True)), keep_next=True)
    assert body.has_dieu and body.dieu_count == 1


def test_heading_title_kept_as_typed_keyword_any_case():
    assert paras("# CHƯƠNG: Những quy định Chung", "# điều: x")[:2] == [
        ("chuong", "Chương I"), ("tieu_de_chuong_muc", "Những quy định Chung")]


def test_structure_b_headings():
    got = paras("# Phần: Một", "# Mục: Mục đích {#md}", "# Mục: Nội dung", "# Phần: Hai",
                "# Mục: Tổ chức", "Theo mục {muc:md}.")
    assert got == [("phan", "Phần I"), ("tieu_de_chuong_muc", "Một"),
                   ("muc_la_ma", "I. Mục đích"), ("muc_la_ma", "II. Nội dung"),
                   ("phan", "Phần II"), ("tieu_de_chuong_muc", "Hai"),
                   ("muc_la_ma", "I. Tổ chức"), ("doan", "Theo mục I.")]
    assert not parse("# Mục: a").has_dieu


@pytest.mark.parametrize("heading", ["# Chương: Chung", "# Tiểu mục: Nhỏ"])
def test_chuong_and_tieu_muc_need_structure_a(heading):
    (path, code, message), = problems("Mở đầu.", heading)
    assert (path, code, line_of(message)) == (("noi_dung", 1), "noi_dung.cau_truc", 1)


@pytest.mark.parametrize("heading", ["# Điều 1. Phạm vi", "# Điều:", "# Điều: {#x}", "# Chương"])
def test_malformed_headings(heading):
    assert codes(heading) == [(("noi_dung", 0), "noi_dung.tieu_de")]


def test_a_heading_without_keyword_is_refused():
    assert codes("Đoạn.\n\n## Giới thiệu") == [(("noi_dung", 0), "noi_dung.khong_ho_tro")]
    (_, _, message), = problems("Đoạn.\n\n## Giới thiệu")
    assert line_of(message) == 3


def test_setext_heading_is_a_heading():
    assert paras("Điều: Phạm vi\n===") == [("dieu", "Điều 1. Phạm vi")]
    assert codes("Tiêu đề\n---") == [(("noi_dung", 0), "noi_dung.khong_ho_tro")]


# -- khoản, điểm, gạch, cộng --

def test_khoan_counts_across_blocks_and_paragraphs_until_a_heading():
    got = paras("# Điều: A", "1. một", "Đoạn xen.", "2. hai\n3. ba", "# Điều: B", "1. một")
    assert got == [("dieu", "Điều 1. A"), ("khoan", "1. một"), ("doan", "Đoạn xen."),
                   ("khoan", "2. hai"), ("khoan", "3. ba"), ("dieu", "Điều 2. B"),
                   ("khoan", "1. một")]


def test_later_items_may_repeat_a_number():
    assert paras("1. a\n1. b\n7. c") == [("khoan", "1. a"), ("khoan", "2. b"), ("khoan", "3. c")]


def test_typed_start_must_follow_the_numbering():
    (path, code, message), = problems("# Điều: A", "1. a", "3. c")
    assert (path, code, line_of(message)) == (("noi_dung", 2), "noi_dung.so_thu_tu", 1)
    assert codes("Văn bản.\n\n2. a") == [(("noi_dung", 0), "noi_dung.so_thu_tu")]


def test_khoan_with_title():
    body = parse("1. **Phạm vi điều chỉnh**\n\n   Quy chế này quy định …")
    assert body.blocks == (
        Paragraph("khoan_tieu_de", (Run("1. Phạm vi điều chỉnh", bold=True),), keep_next=True),
        Paragraph("doan", (Run("Quy chế này quy định …"),)))


def test_diem_restart_per_khoan_and_typed_from_one():
    got = paras("1. a\n   1. x\n   2. y\n2. b\n   1. z")
    assert got == [("khoan", "1. a"), ("diem", "a) x"), ("diem", "b) y"), ("khoan", "2. b"),
                   ("diem", "a) z")]
    (path, code, message), = problems("1. a\n\n   2. x")
    assert (path, code, line_of(message)) == (("noi_dung", 0), "noi_dung.so_thu_tu", 3)


def test_diem_letters_skip_f_and_include_d_stroke():
    items = "".join(f"   {i}. m{i}\n" for i in range(1, 7))
    got = [text for _, text in paras("1. k\n" + items)[1:]]
    assert [t.split(")")[0] for t in got] == ["a", "b", "c", "d", "đ", "e"]


def test_dashes_and_pluses():
    got = paras("1. k\n   - g\n     + c\n     * c2\n- top\n  - sub")
    assert got == [("khoan", "1. k"), ("gach", "- g"), ("cong", "+ c"), ("cong", "+ c2"),
                   ("gach", "- top"), ("cong", "+ sub")]


@pytest.mark.parametrize("text, line", [("+ a", 1), ("* a", 1), ("Đoạn.\n\n1. a\n   * b", 4)])
def test_dash_lists_are_typed_with_a_dash(text, line):
    (path, code, message), = problems(text)
    assert (path, code, line_of(message)) == (("noi_dung", 0), "noi_dung.dau_dong", line)


@pytest.mark.parametrize("text", [
    "1. a\n   1. b\n      1. c", "- a\n  + b\n    - c", "- a\n  1. b",
    "1. a\n   1. b\n      - c\n        + d\n          - e"])
def test_lists_nested_too_deep(text):
    assert (("noi_dung", 0), "noi_dung.khong_ho_tro") in codes(text)


def test_empty_list_item():
    assert codes("1.\n2. b") == [(("noi_dung", 0), "noi_dung.cau_truc")]


def test_items_with_more_paragraphs():
    assert paras("- a\n\n  tiếp") == [("gach", "- a"), ("doan", "tiếp")]


# -- cross-references --

def test_cross_references_resolve_to_numbers():
    got = paras("# Điều: Một {#mot}", "1. {#k} khoản\n   1. x\n   2. {#d} y",
                "# Điều: Hai", "Theo điểm {diem:d} khoản {khoan:k} Điều {dieu:mot}.")
    assert got[-1] == ("doan", "Theo điểm b khoản 1 Điều 1.")


def test_references_record_where_they_are():
    body = parse("Đoạn.\n\nXem {dieu:x} và {phu_luc:pl-1}.")
    assert [(r[0], r[1], r[2], r[3]) for r in body.refs] == [
        (("noi_dung", 0), 3, "dieu", "x"), (("noi_dung", 0), 3, "phu_luc", "pl-1")]
    blocks = resolve_refs(body, {("dieu", "x"): "4", ("phu_luc", "pl-1"): "II"})
    assert blocks[1].text == "Xem 4 và II."
    assert all("\ue000" not in b.text for b in blocks)


def test_references_in_footnotes_and_table_cells():
    body = parse("# Điều: A {#a}", "x[^1]\n\n[^1]: theo Điều {dieu:a}",
                 "| Điều {dieu:a} |\n|--|\n| 1 |", {"bang": {"dong": [["Điều {dieu:a}"]]}})
    blocks = resolve_refs(body, body.anchors)
    assert blocks[1].runs[1].footnote[0].text == "theo Điều 1"
    assert blocks[2].header[0][0].paragraphs[0].text == "Điều 1"
    assert blocks[3].rows[0][0].paragraphs[0].text == "Điều 1"


def test_unknown_reference():
    (path, code, message), = problems("# Điều: A", "a\nb {dieu:khong-co}")
    assert (path, code, line_of(message)) == (("noi_dung", 1), "noi_dung.tham_chieu", 2)


def test_duplicate_id():
    assert codes("# Điều: A {#x}", "# Điều: B {#x}") == [(("noi_dung", 1), "noi_dung.tham_chieu")]


def test_id_on_a_dash_item_or_mid_text_is_refused():
    assert codes("- {#x} a") == [(("noi_dung", 0), "noi_dung.tham_chieu")]
    assert codes("Đoạn {#x} giữa") == [(("noi_dung", 0), "noi_dung.tham_chieu")]


@pytest.mark.parametrize("text", [
    "1. {#Sai} a", "Theo Điều {dieu:Sai Ma}.", "# Điều: A {#đ}", "# Chương: B {#X}"])
def test_malformed_ids_are_refused(text):
    assert codes("# Điều: x", text) == [(("noi_dung", 1), "noi_dung.tham_chieu")]


def test_other_braces_are_literal():
    text = "Giá trị {{ x }} và {dieu} và {Dieu:a} {% if %}"
    assert paras(text) == [("doan", text)]


def test_typed_marker_characters_are_refused():
    assert codes("a\ue0000\ue001") == [(("noi_dung", 0), "noi_dung.khong_ho_tro")]


# -- footnotes --

def test_footnotes_become_runs_with_their_paragraphs():
    body = parse("Văn bản[^1] và tiếp[^ghi-chu].\n\n[^1]: Chú *một*.\n[^ghi-chu]: Hai.")
    runs = body.blocks[0].runs
    assert [r.text for r in runs] == ["Văn bản", "", " và tiếp", "", "."]
    assert runs[1].footnote == (Paragraph("chu_thich", (Run("Chú "), Run("một", italic=True),
                                                        Run("."))),)
    assert runs[3].footnote == (Paragraph("chu_thich", (Run("Hai."),)),)
    assert len(body.blocks) == 1


def test_undefined_and_unused_footnotes():
    (path, code, message), = problems("a\n\nb[^2]")
    assert (path, code, line_of(message)) == (("noi_dung", 0), "noi_dung.chu_thich", 3)
    (path, code, message), = problems("a\n\n[^1]: không ai dẫn")
    assert (path, code, line_of(message)) == (("noi_dung", 0), "noi_dung.chu_thich", 3)


def test_a_footnote_is_referenced_once():
    (path, code, message), = problems("a[^1]\n\nb[^1]\n\n[^1]: x")
    assert (path, code, line_of(message)) == (("noi_dung", 0), "noi_dung.chu_thich", 3)


def test_footnote_defined_in_another_block_is_undefined():
    assert codes("a[^1]", "[^1]: x") == [(("noi_dung", 0), "noi_dung.chu_thich"),
                                          (("noi_dung", 1), "noi_dung.chu_thich")]


# -- unsupported --

@pytest.mark.parametrize("text, line", [
    ("a\n\n[liên kết](http://x)", 3), ("![ảnh](a.png)", 1), ("mã `x`", 1),
    ("```\ncode\n```", 1), ("    thụt lề", 1), ("<b>html</b>", 1), ("a <span>x</span>", 1),
    ("> trích", 1), ("a\n\n***\n\nb", 3), ("<http://x.vn>", 1), ("a\n\n[x]: http://y", 3),
    ("1. a\n\n   > q", 3), ("- a\n\n  | x |\n  |---|\n  | 1 |", 3),
])
def test_unsupported_markup_names_the_line(text, line):
    got = problems(text)
    assert [(p[0], p[1]) for p in got] == [(("noi_dung", 0), "noi_dung.khong_ho_tro")] * len(got)
    assert line_of(got[0][2]) == line
    assert "không hỗ trợ" in got[0][2]


def test_all_problems_listed_bounded():
    got = problems(*["`x`"] * 80)
    assert len(got) == markup.MAX_PROBLEMS + 1 and got[-1][1] == "problems.more"


# -- pipe tables --

def test_pipe_table():
    body = parse("| STT | Đơn vị | Kết quả |\n|:-:|---|--:|\n| 1 | Vĩnh *Hải* | 98,5% |\n"
                 "| 2 | Phước Long | chưa |")
    table, = body.blocks
    assert isinstance(table, Table)
    # Shared by content: every line fits, the columns grow in proportion to their longest line.
    stt, don_vi, ket_qua = table.widths_mm
    assert abs(stt + don_vi + ket_qua - 165) < 0.05
    assert stt < ket_qua < don_vi
    assert [c.align for c in table.header[0]] == ["center", None, "right"]
    assert [c.paragraphs[0].kind for c in table.header[0]] == ["tieu_de_bang"] * 3
    assert [[c.paragraphs[0].text for c in row] for row in table.rows] == [
        ["1", "Vĩnh Hải", "98,5%"], ["2", "Phước Long", "chưa"]]
    assert table.rows[0][1].paragraphs[0].runs[1] == Run("Hải", italic=True)
    # numbers right-aligned unless the column says otherwise
    assert [c.align for c in table.rows[1]] == ["center", None, "right"]
    plain = parse("| a | b |\n|---|---|\n| 1.234 | x |").blocks[0]
    assert [c.align for c in plain.rows[0]] == ["right", None]


def test_pipe_table_landscape_width():
    assert parse("| a | a |\n|---|---|\n| 1 | 2 |", landscape=True).blocks[0].widths_mm == (
        126.0, 126.0)


@pytest.mark.parametrize("row", ["| 1 | 2 | 3 |", "| 1 |"])
def test_pipe_table_rows_fill_the_grid(row):
    (path, code, message), = problems(f"Bảng:\n\n| a | b |\n|---|---|\n{row}")
    assert (path, code, line_of(message)) == (("noi_dung", 0), "bang.so_cot", 5)


# -- table mappings --

BANG = {
    "tieu_de": "Bảng 1. Kết quả cài đặt **Bluezone**",
    "don_vi": "Đơn vị tính: người",
    "cot": [{"rong": 12, "can": "giua"}, {"rong": 80}, {"rong": 35, "can": "phai"}, {}],
    "dau": [["STT", "Đơn vị", {"o": "Kết quả", "gop_cot": 2}],
            [{"o": "", "gop_dong_tren": True}, {"o": "", "gop_dong_tren": True}, "Số", "Tỉ lệ"]],
    "dong": [[1, "Phường *Vĩnh Hải*", "1.234", "98,5%"],
             [{"o": 2, "gop_dong": 2}, {"o": "Cộng", "dam": True, "can": "trai"}, 5, "x"],
             ["Phường B", 7, "1"]],
}


def test_table_mapping():
    table, = parse({"bang": BANG}).blocks
    assert table.widths_mm == (12.0, 80.0, 35.0, 38.0)
    assert table.caption == Paragraph("chu_thich_bang", (
        Run("Bảng 1. Kết quả cài đặt "), Run("Bluezone", bold=True)), keep_next=True)
    assert table.unit == Paragraph("don_vi_bang", (Run("Đơn vị tính: người"),), keep_next=True)
    h0, h1 = table.header
    assert [c.colspan for c in h0] == [1, 1, 2]
    assert [c.merged_above for c in h1] == [True, True, False, False]
    r0, r1, r2 = table.rows
    assert [c.align for c in r0] == ["center", None, "right", "right"]
    assert r0[1].paragraphs[0].runs[1] == Run("Vĩnh Hải", italic=True)
    assert r1[1].bold and r1[1].align == "left"
    assert r2[0] == Cell(merged_above=True) and [c.paragraphs[0].text for c in r2[1:]] == [
        "Phường B", "7", "1"]


def test_table_mapping_columns_of_like_content_share_equally_without_cot():
    table, = parse({"bang": {"dong": [["ab", "ba", "ab"]]}}).blocks
    assert table.widths_mm == (55.0, 55.0, 55.0) and table.header == ()


LONG = ("Báo cáo kết quả triển khai cài đặt và sử dụng ứng dụng Bluezone trên địa bàn các xã, "
        "phường, kèm danh sách đơn vị chưa hoàn thành và đề xuất biện pháp khắc phục")


def test_a_number_column_stays_narrow_beside_long_text():
    table, = parse(f"| STT | Nội dung | Thời hạn |\n|:-:|---|:-:|\n| 1 | {LONG} | 30/11/2024 |\n"
                   "| 2 | Ngắn | 06/12/2024 |").blocks
    stt, noi_dung, thoi_han = table.widths_mm
    assert 8 < stt < 16  # "STT" in bold 13 pt is about 9 mm, with the cell's margins
    assert 22 < thoi_han < 32  # "30/11/2024" on one line
    assert noi_dung > 115 and abs(stt + noi_dung + thoi_han - 165) < 0.05


def test_given_widths_are_kept_and_the_rest_shared_by_content():
    table, = parse({"bang": {"cot": [{"rong": 20}, {}, {}],
                             "dong": [["1", LONG, "x"]]}}).blocks
    first, long_, short = table.widths_mm
    assert first == 20.0 and short < 15 and abs(first + long_ + short - 165) < 0.05


def test_a_cell_across_columns_widens_them_together():
    # Two short number columns under a long merged heading: alone they would take about 19 mm
    # between them, and the heading would wrap word by word.
    head = [["STT", {"o": "Kết quả kiểm tra định kỳ năm 2024", "gop_cot": 2}, "Ghi chú"]]
    table, = parse({"bang": {"dau": head, "dong": [["1", "5", "6%", LONG]]}}).blocks
    stt, so, ti_le, ghi_chu = table.widths_mm
    assert stt < 16
    assert so + ti_le > 30 and ghi_chu > 100 and abs(sum(table.widths_mm) - 165) < 0.05


def test_words_wider_than_the_page_share_it_each_at_least_5_mm():
    word = "Khánh-Hòa-Nha-Trang-Vĩnh-Hải-Phước-Long"  # about 80 mm: no column holds it whole
    table, = parse("| " + " | ".join([word] * 3 + ["x"] * 5) + " |\n"
                   + "|---" * 8 + "|\n" + "| 1 " * 8 + "|").blocks
    assert all(w >= 5.0 for w in table.widths_mm)
    assert table.widths_mm[0] == table.widths_mm[2] > 5 * table.widths_mm[-1]
    assert abs(sum(table.widths_mm) - 165) < 0.05


def test_forty_columns_share_the_page_equally():
    table, = parse("| a " * 40 + "|\n" + "|---" * 40 + "|\n" + "| 1 " * 40 + "|").blocks
    assert table.widths_mm == (4.12,) * 40 or table.widths_mm == (4.13,) * 40


def test_table_too_wide():
    bang = {"cot": [{"rong": 100}, {"rong": 70}], "dong": [["a", "b"]]}
    assert codes({"bang": bang}) == [(("noi_dung", 0, "bang", "cot"), "bang.qua_rong")]
    assert parse({"bang": bang}, landscape=True).blocks[0].widths_mm == (100.0, 70.0)
    wide = {"cot": [{"rong": 200}, {"rong": 60}], "dong": [["a", "b"]]}
    assert codes({"bang": wide}, landscape=True) == [
        (("noi_dung", 0, "bang", "cot"), "bang.qua_rong")]


def test_table_rows_fill_the_grid():
    assert codes({"bang": {"cot": [{}, {}], "dong": [["a", "b"], ["c"], ["d", "e", "f"]]}}) == [
        (("noi_dung", 0, "bang", "dong", 1), "bang.so_cot"),
        (("noi_dung", 0, "bang", "dong", 2), "bang.so_cot")]
    assert codes({"bang": {"dong": [[{"o": "a", "gop_dong": 3}, "b"], ["c"]]}}) == [
        (("noi_dung", 0, "bang", "dong"), "bang.so_cot")]
    assert codes({"bang": {"dong": [["a", {"o": "b", "gop_cot": 2}]], "cot": [{}, {}]}}) == [
        (("noi_dung", 0, "bang", "dong", 0), "bang.so_cot")]


@pytest.mark.parametrize("cell, where", [
    (1.23, ()), (True, ()), (None, ()), ({"o": "a", "x": 1}, ("x",)), ({"o": 1.5}, ()),
    ({"o": "a", "gop_cot": 0}, ("gop_cot",)), ({"o": "a", "can": "center"}, ("can",)),
    ({"o": "a", "dam": "có"}, ()), ("[a](b)", ()),
])
def test_bad_cells(cell, where):
    got = codes({"bang": {"dong": [["x", "y"], [cell, "z"]], "cot": [{}, {}]}})
    expected_code = "noi_dung.khong_ho_tro" if cell == "[a](b)" else "bang.o"
    expected_path = ("noi_dung", 0, "bang") if cell == "[a](b)" else (
        "noi_dung", 0, "bang", "dong", 1, 0, *where)
    assert got[0] == (expected_path, expected_code)


def test_merged_above_in_the_first_row():
    got = codes({"bang": {"dong": [[{"o": "", "gop_dong_tren": True}, "a"]]}})
    assert got == [(("noi_dung", 0, "bang", "dong", 0, 0), "bang.o")]


@pytest.mark.parametrize("bang, code", [
    ({"dong": []}, "bang.khong_hop_le"), ({"dong": "a"}, "bang.khong_hop_le"),
    ({"dong": [["a"]], "mau": 1}, "bang.khong_hop_le"),
    ({"dong": [["a"]], "cot": [{"rong": -1}]}, "bang.khong_hop_le"),
    ({"dong": [["a"]] * 1001}, "bang.qua_lon"),
    ({"dong": [["a"] * 51]}, "bang.qua_lon"),
])
def test_bad_tables(bang, code):
    assert codes({"bang": bang})[0][1] == code


# -- block list, bounds --

@pytest.mark.parametrize("raw", ["một chuỗi", 5])
def test_the_body_is_a_list(raw):
    with pytest.raises(InvalidDocumentError) as info:
        parse_noi_dung(raw)
    assert info.value.problems[0].code == "noi_dung.kieu"


@pytest.mark.parametrize("block", [5, 1.5, True, ["a"], {"bang": 1, "x": 2}, {"x": 1}])
def test_a_block_is_a_string_or_a_table(block):
    assert codes("a", block) == [(("noi_dung", 1), "noi_dung.kieu")]


def test_empty_blocks():
    assert codes("  ", "\n\n") == [(("noi_dung", 0), "text.empty"), (("noi_dung", 1), "text.empty")]


def test_bounds_equal_the_models():
    assert markup.MAX_TEXT_CHARS == models.MAX_TEXT_CHARS
    assert markup.MAX_RAW_BLOCKS == models.MAX_ITEMS
    assert markup.MAX_PROBLEMS == models.MAX_PROBLEMS


def test_bounds_are_said_in_errors():
    (path, code, message), = problems("x" * (markup.MAX_BLOCK_CHARS + 1))
    assert (path, code) == (("noi_dung", 0), "text.too_long") and "40000" in message
    (path, code, message), = problems(("x " * 5001).strip())
    assert code == "text.too_long" and "10000" in message
    with pytest.raises(InvalidDocumentError) as info:
        parse_noi_dung(["a"] * 1001)
    assert info.value.problems[0].code == "list.too_long"


def test_path_is_the_callers():
    with pytest.raises(InvalidDocumentError) as info:
        parse_noi_dung(["a", "`x`"], path=("phu_luc", 0, "noi_dung"))
    assert info.value.problems[0].path == ("phu_luc", 0, "noi_dung", 1)


def test_messages_are_vietnamese_with_an_english_gloss():
    (_, _, message), = problems("`x`")
    assert message.startswith("dòng 1: ") and message.endswith(")") and "(" in message


# -- ./. --

def test_end_with_period():
    blocks = parse("Đầu.", "Yêu cầu các đơn vị thực hiện").blocks
    assert end_with_period(blocks)[-1].text == "Yêu cầu các đơn vị thực hiện./."
    assert end_with_period(parse("Xong.").blocks)[-1].text == format_ket_thuc("Xong.")
    assert end_with_period(parse("Xong./.").blocks)[-1].text == "Xong./."


def test_end_with_period_goes_before_a_trailing_footnote():
    body = parse("Kết thúc[^1]\n\n[^1]: x")
    blocks = end_with_period(body.blocks)
    assert [r.text for r in blocks[0].runs] == ["Kết thúc./.", ""]
    assert end_with_period(()) == ()


def test_a_body_that_ends_with_a_table_ends_with_the_mark_after_it():
    """"./." closes the content (PL III samples): after a last table, on a line of its own, not
    before the table ("như sau:./." then the table)."""
    body = parse("Kết quả như sau:", "| a |\n|---|\n| 1 |")
    blocks = end_with_period(body.blocks)
    assert [getattr(b, "text", None) for b in blocks] == ["Kết quả như sau:", None, "./."]
    assert blocks[1] == body.blocks[1]


def test_a_run_in_article_prints_its_number_bold_and_its_text_regular():
    """Mẫu 1.2: a Quyết định cá biệt writes "Điều 1." bold and the article's text after it."""
    body = parse_noi_dung(["# Điều {#to}\nThành lập Tổ công tác gồm **các ông** sau:\n\n"
                           "1. Ông A\n\n# Điều\nThi hành Điều {dieu:to}."])
    first, khoan, second = resolve_refs(body, body.anchors)
    assert isinstance(first, Paragraph) and first.kind == "dieu"
    assert [(r.text, r.bold) for r in first.runs] == [
        ("Điều 1. ", True), ("Thành lập Tổ công tác gồm ", False), ("các ông", True),
        (" sau:", False)]
    assert isinstance(khoan, Paragraph) and khoan.text == "1. Ông A"
    assert isinstance(second, Paragraph) and second.text == "Điều 2. Thi hành Điều 1."
    assert body.dieu_count == 2 and body.has_dieu


@pytest.mark.parametrize("raw", [["# Điều"], ["# Điều\n\n- một ý"], ["# Điều", "Đoạn sau."]])
def test_a_run_in_article_needs_its_paragraph_right_under_it(raw):
    with pytest.raises(InvalidDocumentError) as err:
        parse_noi_dung(raw)
    assert {p.code for p in err.value.problems} == {"noi_dung.tieu_de"}


def test_the_closing_mark_goes_before_a_note_of_what_is_sent_with_it():
    """"(Văn bản đính kèm)" after the body: "./." ends the last paragraph of text before it."""
    body = parse_noi_dung(["Đề nghị các đơn vị thực hiện.", "(Gửi kèm Kế hoạch số 12/KH-UBND)"])
    assert [b.text for b in end_with_period(body.blocks)] == [
        "Đề nghị các đơn vị thực hiện./.", "(Gửi kèm Kế hoạch số 12/KH-UBND)"]
    only = parse_noi_dung(["(Văn bản đính kèm)"])
    assert [b.text for b in end_with_period(only.blocks)] == ["(Văn bản đính kèm)./."]


@pytest.mark.parametrize("raw, line", [
    ("Nội dung như sau:\n2. Khoản hai", 2), ("Văn bản gồm:\n3) Ba", 2),
    ("1. Khoản:\n   3. điểm đầu gõ 3;", 2)])
def test_a_numbered_line_that_would_join_the_paragraph_above_is_refused(raw, line):
    """CommonMark lets only a list starting at 1 interrupt a paragraph: "2. …" under a line of text
    would silently become part of it."""
    with pytest.raises(InvalidDocumentError) as err:
        parse_noi_dung([raw])
    assert [(p.code, p.message.startswith(f"dòng {line}:")) for p in err.value.problems] == [
        ("noi_dung.so_thu_tu", True)]


def test_a_list_from_one_may_follow_a_line_of_text():
    body = parse_noi_dung(["Nội dung:\n1. Một\n2. Hai"])
    assert [b.text for b in body.blocks] == ["Nội dung:", "1. Một", "2. Hai"]


def test_a_reference_to_a_sole_appendix_leaves_no_double_space():
    body = parse_noi_dung(["Xem Phụ lục {phu_luc:pl} kèm theo."])
    assert [b.text for b in resolve_refs(body, {("phu_luc", "pl"): ""})] == [
        "Xem Phụ lục kèm theo."]
