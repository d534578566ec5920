"""Nơi nhận (PL I §II.9) on documents built by hand with python-docx, the way Word users lay them
out (issue 9): the table's own position, a tolerance for an invisible nudge, one finding per block,
soft line breaks, the list in the row below the label, and “- Như Điều N;” cross-references."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from congvan.checker import check, fix
from congvan.rules import NOI_NHAN_LE_TRAI_MM

from .corpus import letters

ENTRIES = ["- Như trên;", "- UBND tỉnh (để b/c);", "- Lưu: VT, NVY."]
_TWIPS_PER_MM = 1440 / 25.4


def _twips(mm: float) -> int:
    return round(mm * _TWIPS_PER_MM)


def _run(p, text: str, *, size: float = 11, bold: bool = False, italic: bool = False) -> None:
    """Add `text` to `p`; a "\n" is a soft line break (Shift+Enter)."""
    run = p.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break(WD_BREAK.LINE)
        run.add_text(line)
    run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic


def _table(doc, rows: int, *, indent_mm: float | None, centred: bool,
           widths_mm: tuple[float, float], margin_mm: float):
    """A two-column table as Word writes one: width, alignment or indent, cell margin, grid."""
    t = doc.add_table(rows=rows, cols=2)
    pr = t._tbl.tblPr
    pr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{_twips(sum(widths_mm))}" w:type="dxa"/>'))
    if centred:
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if indent_mm is not None:
        pr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{_twips(indent_mm)}" w:type="dxa"/>'))
    pr.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{_twips(margin_mm)}" '
                        'w:type="dxa"/></w:tblCellMar>'))
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(_twips(w)))
    return t


def _cell_margin(cell, mm: float) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:tcMar {nsdecls("w")}><w:left w:w="{_twips(mm)}" w:type="dxa"/></w:tcMar>'))


def _list(label_cell, list_cell, lines: list[str], soft: bool) -> None:
    """Write the entries into `list_cell`: a paragraph each, or one with soft breaks."""
    pieces = ["\n".join(lines)] if soft else lines
    for i, line in enumerate(pieces):
        p = (list_cell.paragraphs[0] if list_cell is not label_cell and i == 0
             else list_cell.add_paragraph())
        _run(p, line)


def _compat(doc, mode: int) -> None:
    for cs in doc.settings.element.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), str(mode))


def document(*, entries: list[str] | None = None, soft: bool = False, row_below: bool = False,
             table_indent_mm: float | None = None, centred: bool = False,
             widths_mm: tuple[float, float] = (75, 90), table_margin_mm: float = 0.0,
             cell_margin_mm: float | None = None, nudge_mm: float = 0.0,
             compat_mode: int | None = None, body: list[str] | None = None) -> docx.Document:
    """A page (A4, margins 30/15 mm) with body paragraphs and a borderless signature table whose
    left cell holds “Nơi nhận:” and `entries` (one paragraph each, or one with soft breaks), or the
    list in the row below the label."""
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    for text in body or ["Sở Y tế đề nghị các đơn vị thực hiện./."]:
        _run(doc.add_paragraph(), text, size=14)
    t = _table(doc, 2 if row_below else 1, indent_mm=table_indent_mm, centred=centred,
               widths_mm=widths_mm, margin_mm=table_margin_mm)
    label_cell = t.rows[0].cells[0]
    list_cell = t.rows[1].cells[0] if row_below else label_cell
    if cell_margin_mm is not None:
        for cell in {id(c): c for c in (label_cell, list_cell)}.values():
            _cell_margin(cell, cell_margin_mm)
    _run(label_cell.paragraphs[0], "Nơi nhận:", size=12, bold=True, italic=True)
    _list(label_cell, list_cell, ENTRIES if entries is None else entries, soft)
    if nudge_mm:  # the clerk moved the list with the ruler's left-indent marker
        for p in list_cell.paragraphs:
            p.paragraph_format.left_indent = Mm(nudge_mm)
    _run(t.rows[0].cells[1].paragraphs[0], "GIÁM ĐỐC", size=14, bold=True)
    if compat_mode is not None:
        _compat(doc, compat_mode)
    return doc


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def found(doc, prefix: str = "noi_nhan.") -> list:
    return [f for f in check(to_bytes(doc)) if f.rule.startswith(prefix)]


def flush(doc) -> list:
    return [f for f in found(doc) if f.rule == "noi_nhan.sat_le_trai"]


# -- noi_nhan.sat_le_trai --------------------------------------------------------------------------
def test_the_tolerance_is_data_in_rules():
    assert 0 < NOI_NHAN_LE_TRAI_MM < 5


@pytest.mark.parametrize("nudge", [-0.7, 0.5, 2.0])
def test_a_nudge_invisible_on_paper_is_flush(nudge):
    assert flush(document(nudge_mm=nudge)) == []


@pytest.mark.parametrize("indent", [-0.7, 0.5])
def test_a_table_indented_by_a_hair_is_flush(indent):
    assert flush(document(table_indent_mm=indent)) == []


def test_a_list_indented_5_mm_is_one_finding_for_the_block():
    fs = flush(document(nudge_mm=5))  # the label's paragraph too: it shares the cell
    assert len(fs) == 1
    assert fs[0].location.excerpt == "Nơi nhận:"
    assert [s.text for s in fs[0].data["lines"]] == ["Nơi nhận:", *ENTRIES]
    assert "+5.0 mm" in fs[0].found


def test_a_table_indented_15_mm_is_not_flush():
    # The paragraphs have no indent of their own: only the table's w:tblInd moves them.
    fs = flush(document(table_indent_mm=15, widths_mm=(65, 85)))
    assert len(fs) == 1
    assert [s.text for s in fs[0].data["lines"]] == ["Nơi nhận:", *ENTRIES]


@pytest.mark.parametrize("mode", [14, 15])
def test_the_table_indent_counts_in_both_compatibility_modes(mode):
    assert len(flush(document(table_indent_mm=15, widths_mm=(65, 85), compat_mode=mode))) == 1


def test_a_wide_centred_table_puts_the_text_at_the_margin():
    # 170 mm in a 165 mm text area, centred: its border 2.5 mm left of the margin; the paragraphs
    # indented 2.5 mm bring the text back to the margin.
    assert flush(document(centred=True, widths_mm=(75, 95), nudge_mm=2.5)) == []


def test_a_narrow_centred_table_is_not_flush():
    # 120 mm centred in 165 mm: the cell's text starts 22.5 mm right of the margin.
    fs = flush(document(centred=True, widths_mm=(50, 70)))
    assert len(fs) == 1 and "+22.5 mm" in fs[0].found


def test_the_cells_own_left_margin_counts():
    assert len(flush(document(cell_margin_mm=10))) == 1
    assert flush(document(cell_margin_mm=1.9)) == []


def test_a_table_margin_moves_the_text_from_word_2013_on():
    # Word 2013+ (compatibilityMode 15): w:tblInd is the border, the text is the cell margin
    # further in; before, w:tblInd is where the text starts.
    assert len(flush(document(table_margin_mm=8, compat_mode=15))) == 1
    assert flush(document(table_margin_mm=8, compat_mode=14)) == []


# -- soft line breaks ------------------------------------------------------------------------------
def test_soft_broken_lines_are_entries():
    assert found(document(soft=True)) == []


def test_a_soft_broken_entry_missing_its_semicolon_is_reported_alone():
    fs = found(document(soft=True, entries=["- Như trên;", "- UBND tỉnh", "- Lưu: VT, NVY."]))
    assert [(f.rule, f.location.excerpt) for f in fs] == [("noi_nhan.dau_cau", "- UBND tỉnh")]


def test_an_entry_wrapped_with_shift_enter_is_one_entry():
    fs = found(document(soft=True, entries=["- Như trên;", "- Sở Tài nguyên và", "Môi trường;",
                                            "- Lưu: VT, NVY."]))
    assert fs == []


def test_entries_soft_broken_after_the_label_in_its_own_paragraph():
    doc = document(entries=[])
    label = doc.tables[0].rows[0].cells[0].paragraphs[0]
    _run(label, "\n" + "\n".join(ENTRIES))
    assert found(doc) == []


def test_fix_puts_the_mark_at_the_end_of_the_soft_broken_line(tmp_path):
    doc = document(soft=True, entries=["- Như trên;", "- UBND tỉnh", "- Giám đốc Sở",
                                       "- Lưu: VT, NVY"])
    data = to_bytes(doc)
    out = tmp_path / "fixed.docx"
    fix(data, out)
    fixed = out.read_bytes()
    assert letters(fixed) == letters(data)
    cell = docx.Document(str(out)).tables[0].rows[0].cells[0]
    p = cell.paragraphs[1]
    assert p.text.split("\n") == ["- Như trên;", "- UBND tỉnh;", "- Giám đốc Sở;",
                                  "- Lưu: VT, NVY."]
    assert len(p._p.findall(".//" + qn("w:br"))) == 3
    assert found(docx.Document(str(out))) == []


# -- the list in the row below “Nơi nhận:” (mẫu 1.6–1.8) -------------------------------------------
def test_the_list_in_the_row_below_the_label_is_read():
    assert found(document(row_below=True)) == []


def test_a_missing_luu_line_in_the_row_below_is_reported_on_the_last_entry():
    fs = found(document(row_below=True, entries=["- Như trên;", "- UBND tỉnh."]))
    assert [(f.rule, f.location.excerpt) for f in fs] == [("noi_nhan.luu_vt", "- UBND tỉnh.")]


# -- noi_nhan.nhu_dieu -----------------------------------------------------------------------------
DECISION = ["Điều 1. Cử bà Lê Thị Hoa đi công tác tại Hà Nội.",
            "Điều 2. Kinh phí công tác do Sở Y tế chi trả.",
            "Điều 3. Tổ chức thực hiện",
            "Chánh Văn phòng Sở và bà Lê Thị Hoa chịu trách nhiệm thi hành Quyết định này./."]


def nhu_dieu(first: str, body: list[str] | None = None) -> list:
    doc = document(entries=[first, "- Lưu: VT, TCCB."], body=body or DECISION)
    return [(f.severity, re.sub(r":.*", "", f.found)) for f in found(doc, "noi_nhan.nhu_dieu")]


def test_nhu_dieu_pointing_at_the_article_of_the_executors_is_right():
    assert nhu_dieu("- Như Điều 3;") == []


def test_nhu_dieu_pointing_at_a_missing_article_is_an_error():
    assert nhu_dieu("- Như Điều 4;") == [("loi", "- Như Điều 4;")]


def test_nhu_dieu_pointing_at_an_article_naming_no_executor_is_a_warning():
    assert nhu_dieu("- Như Điều 2;") == [("canh_bao", "- Như Điều 2;")]


def test_nhu_dieu_with_several_articles_checks_each():
    assert nhu_dieu("- Như Điều 3, 5;") == [("loi", "- Như Điều 3, 5;")]


def test_nhu_dieu_is_silent_when_no_article_is_written_as_text():
    # Word's list numbering may print “Điều 1.” that the paragraph text does not hold.
    assert nhu_dieu("- Như Điều 3;", body=["Cử bà Lê Thị Hoa đi công tác./."]) == []


@pytest.mark.parametrize(("indent", "flagged"), [(0.0, False), (15.0, True)])
def test_a_nested_table_starts_where_its_cell_does(indent, flagged):
    # The signature table nested in the left cell of a layout table (each with 0 cell margin):
    # the inner table's indent moves the Nơi nhận.
    doc = docx.Document()
    outer = _table(doc, 1, indent_mm=0, centred=False, widths_mm=(90, 75), margin_mm=0)
    cell = outer.rows[0].cells[0]
    inner = cell.add_table(rows=1, cols=2)
    pr = inner._tbl.tblPr
    pr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{_twips(indent)}" w:type="dxa"/>'))
    pr.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
                        '</w:tblCellMar>'))
    nn = inner.rows[0].cells[0]
    _run(nn.paragraphs[0], "Nơi nhận:", size=12, bold=True, italic=True)
    for line in ENTRIES:
        _run(nn.add_paragraph(), line)
    assert len(flush(doc)) == (1 if flagged else 0)


def test_fix_leaves_a_note_in_brackets_where_it_is(tmp_path):
    # issue 9: “(Đ/c Duệ)” was moved after a new “;”; the mark goes at the end of the line.
    data = to_bytes(document(entries=["- Như trên;", "- Phó Chủ tịch UBND tỉnh (Đ/c Duệ)",
                                      "- Lưu: VT, NVY."]))
    out = tmp_path / "fixed.docx"
    fix(data, out)
    cell = docx.Document(str(out)).tables[0].rows[0].cells[0]
    assert [p.text for p in cell.paragraphs][2] == "- Phó Chủ tịch UBND tỉnh (Đ/c Duệ);"


def test_fix_closes_an_entry_wrapped_with_shift_enter_on_its_last_line(tmp_path):
    data = to_bytes(document(soft=True, entries=["- Như trên;", "+ Sở Tài nguyên và",
                                                 "Môi trường", "- Lưu: VT, NVY."]))
    assert [f.rule for f in found(docx.Document(io.BytesIO(data)))] == ["noi_nhan.dau_cau"]
    out = tmp_path / "fixed.docx"
    fix(data, out)
    assert letters(out.read_bytes()) == letters(data)
    p = docx.Document(str(out)).tables[0].rows[0].cells[0].paragraphs[1]
    assert p.text.split("\n") == ["- Như trên;", "- Sở Tài nguyên và", "Môi trường;",
                                   "- Lưu: VT, NVY."]
    assert found(docx.Document(str(out))) == []
