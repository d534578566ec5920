"""The body's blocks as Word structure (render/body.py): styles, runs, tables, footnotes, sections.

Documents are made the way the renderer makes them: a python-docx template with the layout's
styles, add_body_styles and a ``{{p noi_dung_xml }}`` paragraph, rendered by congvan's Template
with the footnotes and section parts and the last section's properties. python-docx reads the
result back; LibreOffice lays it out (a repeated table header, a footnote at the foot of its page,
a landscape page, page numbers restarting).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from lxml import etree
from markupsafe import Markup

import congvan
from congvan.errors import RenderError
from congvan.noi_dung.blocks import KINDS, Block, Cell, Paragraph, Run, SectionBreak, Table
from congvan.render import layout
from congvan.render._oxml import markup
from congvan.render._units import mm_to_twips
from congvan.render.body import (
    FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT,
    LOOKS,
    UPPER_KINDS,
    FootnoteSink,
    Sections,
    add_body_styles,
    body_markup,
    body_xml,
    page_text_width,
    style_id,
)
from congvan.render.template import Part, Template
from congvan.rules import LAYOUT, PAGE, STYLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PT_PER_MM = 72 / 25.4
DIA_CHI = "Số 01 Trần Phú, Nha Trang"


def p(kind, *runs: Run | str, keep_next: bool = False) -> Paragraph:
    return Paragraph(kind, tuple(Run(r) if isinstance(r, str) else r for r in runs), keep_next)


def cell(text: str, **kw) -> Cell:
    return Cell((p("o_bang", text),), **kw)


def head(text: str, **kw) -> Cell:
    return Cell((p("tieu_de_bang", text),), **kw)


def template_bytes() -> bytes:
    """A template as layout.py makes them: its styles (with the body's), its page and headers
    (page number from page 2, the address footer on page 1), and one body placeholder."""
    doc = Document()
    layout._styles(doc)
    add_body_styles(doc)
    layout._page(doc)
    doc.add_paragraph().add_run("{{p noi_dung_xml }}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_blocks(blocks: Sequence[Block]) -> bytes:
    """Render `blocks` as the lead's renderer is to: body_xml into the template, the footnotes and
    section parts added, the last section's properties replaced."""
    tpl = Template(template_bytes(), name="body-test.docx")
    footnotes, sections = FootnoteSink(), Sections(tpl.section_refs)
    elements = body_xml(blocks, footnotes=footnotes, text_width_mm=sections.text_width_mm,
                        sections=sections)
    parts = [part for part in (footnotes.part(),) if part is not None] + sections.parts()
    context = {"noi_dung_xml": body_markup(elements),
               "dau_pham_vi_luu_hanh": Markup(""), "dia_chi": [DIA_CHI]}
    return tpl.render(context, parts=parts, last_section=sections.final())


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


# --------------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def styled():
    doc = Document()
    layout._styles(doc)
    add_body_styles(doc)
    return doc


def test_every_kind_has_its_style_sized_as_rules_say(styled):
    assert set(LOOKS) == KINDS
    for kind, look in LOOKS.items():
        style = styled.styles[look.name]
        assert style.style_id == style_id(kind)  # type: ignore[arg-type]
        rule = STYLES[look.rule]
        if look.base == "CV Chương mục":
            style = style.base_style
        if kind == "duong_ke":
            continue  # layout.py's rule paragraph
        assert style.font.size == Pt(rule.size), kind
        assert bool(style.font.bold) == rule.bold, kind
        assert bool(style.font.italic) == rule.italic, kind
        assert style.font.name == "Times New Roman", kind


def test_the_templates_own_styles_are_the_ones_layout_makes():
    assert LOOKS["doan"].name == layout.STYLE_NAMES["noi_dung"]
    assert LOOKS["duong_ke"].name == layout.STYLE_NAMES["duong_ke"]
    shipped = open_docx(layout.build_template())
    names = {s.name for s in shipped.styles}
    assert {look.name for look in LOOKS.values()} <= names
    assert {"CV Chương mục", "footnote text", "footnote reference"} <= names


def test_body_paragraph_layout_is_pl1_6e(styled):
    for kind in ("can_cu", "dieu", "khoan", "khoan_tieu_de", "diem", "muc_la_ma", "gach", "cong"):
        pf = styled.styles[LOOKS[kind].name].paragraph_format
        assert pf.first_line_indent == Mm(LAYOUT.first_line_indent), kind
        assert pf.space_before == Pt(LAYOUT.paragraph_space_pt), kind
        assert pf.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, kind
    for kind in ("chuong_muc_base", "tieu_de_chuong_muc", "phu_luc", "tieu_de_phu_luc",
                 "kem_theo", "quyet_dinh", "tham_quyen_ban_hanh"):
        name = "CV Chương mục" if kind == "chuong_muc_base" else LOOKS[kind].name  # type: ignore[index]
        pf = styled.styles[name].paragraph_format
        assert pf.alignment == WD_ALIGN_PARAGRAPH.CENTER, kind
        assert pf.keep_with_next, kind
        assert pf.space_before >= Pt(LAYOUT.paragraph_space_pt), kind


def _outline(style) -> int | None:
    lvl = style.element.find(f"{W}pPr/{W}outlineLvl")
    return None if lvl is None else int(lvl.get(f"{W}val"))


def test_headings_have_outline_levels(styled):
    levels = {k: _outline(styled.styles[LOOKS[k].name])
              for k in ("phan", "chuong", "muc", "tieu_muc", "dieu", "muc_la_ma",
                        "khoan_tieu_de", "khoan", "doan")}
    assert levels == {"phan": 0, "chuong": 1, "muc": 2, "tieu_muc": 3, "dieu": 4,
                      "muc_la_ma": 1, "khoan_tieu_de": 2, "khoan": None, "doan": None}


def test_footnote_styles_are_words_own_in_times(styled):
    text = styled.styles.get_by_id(FOOTNOTE_TEXT, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    assert text.name == "footnote text"
    assert text.font.size == Pt(STYLES["chu_thich"].size)
    mark = styled.styles["footnote reference"]
    assert mark.style_id == FOOTNOTE_REFERENCE and mark.font.superscript
    assert styled.styles["CV Chú thích"].base_style.name == "footnote text"
    fonts = mark.element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}cs") == "Times New Roman"


def test_add_body_styles_keeps_a_style_the_document_has(styled):
    before = styled.styles["CV Nội dung"].element
    add_body_styles(styled)  # again: nothing added twice, nothing replaced
    assert styled.styles["CV Nội dung"].element is before
    names = [s.name for s in styled.styles]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------------------------------
# Paragraphs and runs
# --------------------------------------------------------------------------------------------------


def test_runs_keep_text_formatting_and_order():
    data = render_blocks([
        p("doan", "  Hai dấu cách ", Run("đậm", bold=True), " giữa ", Run("nghiêng", italic=True),
          Run("cả hai", bold=True, italic=True), " dòng một\ndòng hai <w:p/> & {{ x }}"),
    ])
    doc = open_docx(data)
    para = next(q for q in doc.paragraphs if q.style.name == "CV Nội dung" and q.text)
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("  Hai dấu cách ", None, None), ("đậm", True, None), (" giữa ", None, None),
        ("nghiêng", None, True), ("cả hai", True, True),
        (" dòng một\ndòng hai <w:p/> & {{ x }}", None, None)]
    assert len(para._p.findall(f".//{W}br")) == 1


def test_a_run_in_article_prints_its_text_regular_over_the_bold_style():
    """Mẫu 1.2: "Điều 1." bold, the article's text regular, in one paragraph of "CV Điều"."""
    data = render_blocks([p("dieu", Run("Điều 1. ", bold=True), "Thành lập Tổ công tác.")])
    para = next(q for q in open_docx(data).paragraphs if q.style.name == "CV Điều")
    assert para.style.font.bold is True
    assert [(r.text, r.bold) for r in para.runs] == [("Điều 1. ", True),
                                                      ("Thành lập Tổ công tác.", False)]


def test_characters_xml_cannot_carry_are_dropped_as_the_template_drops_them():
    (el,) = body_xml([p("doan", "a\x00b\x0bc\ud800d")], footnotes=FootnoteSink(),
                     text_width_mm=165)
    assert [t.text for t in el.iter(f"{W}t")] == ["abcd"]


def test_titles_are_written_in_upper_case_letters():
    assert {"tieu_de_chuong_muc", "muc_la_ma", "tieu_de_phu_luc",
                           "tham_quyen_ban_hanh", "quyet_dinh", "ten_loai"} == UPPER_KINDS
    data = render_blocks([
        p("tham_quyen_ban_hanh", "Chủ tịch Ủy ban nhân dân thành phố Nha Trang"),
        p("quyet_dinh", "Quyết định:"),
        p("chuong", "Chương I"), p("tieu_de_chuong_muc", "Quy định chung về đường"),
        p("dieu", Run("Điều 1. Phạm vi điều chỉnh", bold=True)),
        p("muc_la_ma", Run("I. Kết quả đạt được", bold=True)),
    ])
    texts = [(q.style.name, q.text) for q in open_docx(data).paragraphs if q.text]
    assert texts == [
        ("CV Thẩm quyền ban hành", "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ NHA TRANG"),
        ("CV Quyết định", "QUYẾT ĐỊNH:"),
        ("CV Chương", "Chương I"), ("CV Tiêu đề chương mục", "QUY ĐỊNH CHUNG VỀ ĐƯỜNG"),
        ("CV Điều", "Điều 1. Phạm vi điều chỉnh"), ("CV Mục La Mã", "I. KẾT QUẢ ĐẠT ĐƯỢC")]
    # No w:caps anywhere: the letters themselves are upper case.
    assert not part_xml(data, "word/styles.xml").findall(f".//{W}caps")


def test_a_titled_khoan_under_a_dieu_is_one_level_below_it():
    doc = open_docx(render_blocks([
        p("khoan_tieu_de", Run("1. Mục tiêu", bold=True)),
        p("dieu", Run("Điều 1. Phạm vi", bold=True)),
        p("khoan_tieu_de", Run("1. Đối tượng", bold=True)),
    ]))
    levels = [q._p.find(f"{W}pPr/{W}outlineLvl") for q in doc.paragraphs if q.text]
    assert [None if lv is None else lv.get(f"{W}val") for lv in levels] == [None, None, "5"]


def test_keep_next_of_a_paragraph_is_kept():
    doc = open_docx(render_blocks([p("doan", "Tiêu đề riêng:", keep_next=True), p("doan", "x")]))
    paras = [q for q in doc.paragraphs if q.text]
    assert paras[0].paragraph_format.keep_with_next and not paras[1].paragraph_format.keep_with_next


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------


def report_table(rows: int = 3) -> Table:
    return Table(
        (15.0, 80.0, 35.0, 35.0),
        header=(
            (head("STT"), head("Đơn vị"), head("Kết quả", colspan=2)),
            (Cell(merged_above=True), Cell(merged_above=True), head("Số người"), head("Tỷ lệ")),
        ),
        rows=tuple((cell(str(i), align="center"), cell(f"Phường số {i}"),
                    cell(f"{i}.234", align="right"), cell("98,5%", align="right", bold=True))
                   for i in range(1, rows + 1)),
        caption=p("chu_thich_bang", "Bảng 1. Kết quả cài đặt Bluezone"),
        unit=p("don_vi_bang", "Đơn vị tính: người"))


def test_table_structure():
    data = render_blocks([report_table()])
    doc = open_docx(data)
    caption, unit = [q for q in doc.paragraphs if q.text]
    assert (caption.style.name, caption.text) == ("CV Chú thích bảng",
                                                  "Bảng 1. Kết quả cài đặt Bluezone")
    assert unit.style.name == "CV Đơn vị bảng"
    assert caption.style.paragraph_format.keep_with_next
    assert unit.style.paragraph_format.keep_with_next
    body = doc.element.body
    assert body.index(unit._p) + 1 == body.index(doc.tables[0]._tbl)  # caption, unit, table
    tbl = doc.tables[0]._tbl
    assert [int(c.get(f"{W}w")) for c in tbl.findall(f"{W}tblGrid/{W}gridCol")] == [
        850, 4535, 1984, 1984]
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = tbl.find(f"{W}tblPr/{W}tblBorders/{W}{side}")
        assert (border.get(f"{W}val"), border.get(f"{W}sz")) == ("single", "4")  # 0.5 pt
    rows = tbl.findall(f"{W}tr")
    for tr in rows[:2]:
        assert tr.find(f"{W}trPr/{W}tblHeader") is not None
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
    assert all(tr.find(f"{W}trPr/{W}tblHeader") is None for tr in rows[2:])
    first = rows[0].findall(f"{W}tc")
    assert first[2].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
    assert first[2].find(f"{W}tcPr/{W}tcW").get(f"{W}w") == str(1984 * 2)
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    below = rows[1].findall(f"{W}tc")[0].find(f"{W}tcPr/{W}vMerge")
    assert below is not None and below.get(f"{W}val") is None
    table = doc.tables[0]
    assert table.cell(2, 0).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert table.cell(2, 2).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.cell(2, 1).paragraphs[0].style.name == "CV Ô bảng"
    assert table.cell(0, 0).paragraphs[0].style.name == "CV Tiêu đề bảng"
    assert [r.bold for r in table.cell(2, 3).paragraphs[0].runs] == [True]
    assert [[c.text for c in row.cells] for row in table.rows][2] == ["1", "Phường số 1",
                                                                     "1.234", "98,5%"]


def test_two_tables_in_a_row_stay_two():
    doc = open_docx(render_blocks([report_table(1), report_table(1)]))
    assert len(doc.tables) == 2


@pytest.mark.parametrize(("table", "code"), [
    (Table((100.0, 66.0), rows=((cell("a"), cell("b")),)), "bang.qua_rong"),
    (Table((100.0, 60.0), rows=((cell("a"),),)), "bang.so_cot"),
    (Table((100.0, 60.0), rows=((cell("a", colspan=3),),)), "bang.so_cot"),
    (Table((), rows=()), "bang.so_cot"),
    (Table((100.0, 60.0), rows=((Cell(merged_above=True), cell("b")),)), "bang.gop_dong"),
    (Table((50.0, 50.0), rows=((cell("a", colspan=2),), (Cell(merged_above=True), cell("b")))),
     "bang.gop_dong"),
])
def test_a_table_that_cannot_be_drawn_is_an_error(table, code):
    with pytest.raises(RenderError) as exc:
        body_xml([table], footnotes=FootnoteSink(), text_width_mm=165)
    assert exc.value.code == code


def test_a_landscape_section_takes_a_wider_table():
    wide = Table((120.0, 120.0), rows=((cell("a"), cell("b")),))
    with pytest.raises(RenderError):
        body_xml([wide], footnotes=FootnoteSink(), text_width_mm=page_text_width())
    out = body_xml([SectionBreak(landscape=True), wide], footnotes=FootnoteSink(),
                   text_width_mm=page_text_width(), sections=Sections())
    assert out[-1].tag == f"{W}tbl"
    assert page_text_width(True) == PAGE.height - PAGE.margin_left - PAGE.margin_right == 252


# --------------------------------------------------------------------------------------------------
# Footnotes
# --------------------------------------------------------------------------------------------------


def note(text: str) -> Run:
    return Run("", footnote=(p("chu_thich", text),))


def test_footnotes_are_words_own():
    data = render_blocks([
        p("doan", "Theo Nghị định", note("Nghị định số 30/2020/NĐ-CP."), " và Thông tư",
          note("Thông tư số 01/2011/TT-BNV (hết hiệu lực)."), "."),
    ])
    root = part_xml(data, "word/footnotes.xml")
    notes = root.findall(f"{W}footnote")
    assert [(n.get(f"{W}id"), n.get(f"{W}type")) for n in notes] == [
        ("-1", "separator"), ("0", "continuationSeparator"), ("1", None), ("2", None)]
    assert ["".join(t.text for t in n.iter(f"{W}t")).strip() for n in notes[2:]] == [
        "Nghị định số 30/2020/NĐ-CP.", "Thông tư số 01/2011/TT-BNV (hết hiệu lực)."]
    assert notes[2].find(f".//{W}footnoteRef") is not None
    assert notes[2].find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val") == "CVChúthích"
    document = part_xml(data, "word/document.xml")
    refs = document.findall(f".//{W}footnoteReference")
    assert [r.get(f"{W}id") for r in refs] == ["1", "2"]
    assert refs[0].getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == FOOTNOTE_REFERENCE
    rels = part_xml(data, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "footnotes.xml" and r.get("Type").endswith("/footnotes")
               for r in rels)
    types = part_xml(data, "[Content_Types].xml")
    assert any(o.get("PartName") == "/word/footnotes.xml"
               and o.get("ContentType").endswith("footnotes+xml") for o in types)
    open_docx(data)  # python-docx reads it


def test_no_footnote_no_part():
    data = render_blocks([p("doan", "Không có chú thích.")])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "word/footnotes.xml" not in z.namelist()
        assert b"footnotes" not in z.read("[Content_Types].xml")


def test_a_footnote_inside_a_footnote_is_an_error():
    inner = Run("", footnote=(p("chu_thich", "a", note("b")),))
    with pytest.raises(RenderError) as exc:
        body_xml([p("doan", "x", inner)], footnotes=FootnoteSink(), text_width_mm=165)
    assert exc.value.code == "chu_thich.long_nhau"


def _template_with_footnotes() -> bytes:
    """A template with a footnotes part of its own (Word's templates have one)."""
    source = zipfile.ZipFile(io.BytesIO(template_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                root = etree.fromstring(blob)
                etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/"
                                 "content-types}Override", PartName="/word/footnotes.xml",
                                 ContentType="application/vnd.openxmlformats-officedocument."
                                 "wordprocessingml.footnotes+xml")
                blob = etree.tostring(root)
            if info.filename == "word/_rels/document.xml.rels":
                root = etree.fromstring(blob)
                etree.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/"
                                 "relationships}Relationship", Id="rId99",
                                 Type="http://schemas.openxmlformats.org/officeDocument/2006/"
                                 "relationships/footnotes", Target="footnotes.xml")
                blob = etree.tostring(root)
            z.writestr(info, blob)
        z.writestr("word/footnotes.xml", FootnoteSink().part() or b"<w:footnotes xmlns:w="
                   b"'http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>")
    return out.getvalue()


def test_a_templates_footnotes_part_is_replaced_not_doubled():
    tpl = Template(_template_with_footnotes(), name="with-notes.docx")
    sink = FootnoteSink()
    elements = body_xml([p("doan", "x", note("Chú thích."))], footnotes=sink, text_width_mm=165)
    part = sink.part()
    assert part is not None
    context = {"noi_dung_xml": Markup("".join(markup(e) for e in elements)),
               "dau_pham_vi_luu_hanh": Markup(""), "dia_chi": []}
    data = tpl.render(context, parts=[part])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert names.count("word/footnotes.xml") == 1
        assert b"Ch\xc3\xba th\xc3\xadch." in z.read("word/footnotes.xml")
    rels = [r for r in part_xml(data, "word/_rels/document.xml.rels")
            if r.get("Type").endswith("/footnotes")]
    assert len(rels) == 1
    types = [o for o in part_xml(data, "[Content_Types].xml")
             if o.get("PartName") == "/word/footnotes.xml"]
    assert len(types) == 1
    # Without footnotes, the template's own part is written as it was.
    plain = tpl.render(context | {"noi_dung_xml": Markup("")})
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        assert z.namelist().count("word/footnotes.xml") == 1


def test_a_part_is_under_word():
    with pytest.raises(ValueError):
        Part("customXml/x.xml", "rIdX", "t", "c", b"")
    with pytest.raises(ValueError):
        Part("word/document.xml", "rIdX", "t", "c", b"")


# --------------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------------


def phu_luc(n: str, landscape: bool = False) -> list[Block]:
    return [SectionBreak(landscape=landscape), p("phu_luc", f"Phụ lục {n}"),
            p("tieu_de_phu_luc", "Danh sách các đơn vị"),
            p("kem_theo", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2026 của "
                          "Ủy ban nhân dân thành phố Nha Trang)"),
            Paragraph("duong_ke")]


def _sectprs(data: bytes) -> list[etree._Element]:
    return part_xml(data, "word/document.xml").findall(f".//{W}sectPr")


def test_a_section_break_ends_the_section_before_it():
    data = render_blocks([p("doan", "Nội dung."), *phu_luc("I"), p("doan", "a"),
                          *phu_luc("II", landscape=True), p("doan", "b")])
    tpl = Template(template_bytes(), name="t.docx")
    first, second, last = _sectprs(data)
    # The document's own section: portrait, the template's headers and footers.
    refs = [(r.tag.split("}")[1], r.get(f"{W}type"), r.get(R_ID)) for r in first
            if r.tag.endswith("Reference")]
    assert [(k.removesuffix("Reference"), t, i) for k, t, i in refs] == list(tpl.section_refs)
    assert {t for _, t, _ in refs} == {"default", "first"}
    assert first.find(f"{W}pgSz").get(f"{W}orient") is None
    assert first.find(f"{W}pgNumType") is None and first.find(f"{W}titlePg") is not None
    # Phụ lục I: portrait, numbered from 1, empty first page header and footer.
    assert second.find(f"{W}pgSz").get(f"{W}orient") is None
    assert second.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert [(r.get(f"{W}type"), r.get(R_ID)) for r in second if r.tag.endswith("Reference")] == [
        ("first", Sections.HEADER.rid), ("first", Sections.FOOTER.rid)]
    # Phụ lục II, the last section: the body's own sectPr, landscape.
    assert last.getparent().tag == f"{W}body"
    size = last.find(f"{W}pgSz")
    assert (size.get(f"{W}orient"), size.get(f"{W}w"), size.get(f"{W}h")) == (
        "landscape", "16838", "11906")
    assert last.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert last.find(f"{W}pgMar").get(f"{W}left") == "1701"
    # The break paragraphs hold nothing else and take no room.
    for sect in (first, second):
        para = sect.getparent().getparent()
        assert para.tag == f"{W}p" and not para.findall(f"{W}r")
        assert para.find(f"{W}pPr/{W}spacing").get(f"{W}lineRule") == "exact"


def test_a_section_break_needs_the_documents_sections():
    with pytest.raises(ValueError):
        body_xml([SectionBreak()], footnotes=FootnoteSink(), text_width_mm=165)


def test_one_section_keeps_the_templates_properties():
    sections = Sections()
    body_xml([p("doan", "x")], footnotes=FootnoteSink(), text_width_mm=165, sections=sections)
    assert sections.final() is None and sections.parts() == []
    data = render_blocks([p("doan", "x")])
    (only,) = _sectprs(data)
    assert only.find(f"{W}pgNumType") is None


def test_sections_carry_across_calls():
    sections, sink = Sections(), FootnoteSink()
    body_xml([p("doan", "a")], footnotes=sink, text_width_mm=165, sections=sections)
    body_xml(phu_luc("I", landscape=True), footnotes=sink, text_width_mm=165, sections=sections)
    assert sections.landscape and sections.text_width_mm == 252
    final = sections.final()
    assert final is not None and final.find(f"{W}pgSz").get(f"{W}orient") == "landscape"
    assert [part.name for part in sections.parts()] == [
        "word/congvan_header_trong.xml", "word/congvan_footer_trong.xml"]


def test_the_rule_under_kem_theo_is_centred_and_shorter_than_the_line():
    doc = open_docx(render_blocks(phu_luc("I")))
    rule = next(q for q in doc.paragraphs if q.style.name == "CV Đường kẻ")
    ind = rule._p.find(f"{W}pPr/{W}ind")
    left, right = int(ind.get(f"{W}left")), int(ind.get(f"{W}right"))
    assert left == right > 0
    box = mm_to_twips(PAGE.text_width)
    assert 0.3 * box < box - left - right < 0.5 * box
    assert rule._p.find(f"{W}pPr/{W}pBdr/{W}top") is not None


# --------------------------------------------------------------------------------------------------
# LibreOffice: the layout on a real word processor
# --------------------------------------------------------------------------------------------------

LONG = "Nội dung của đoạn văn bản dài dùng để lấp đầy trang, có đủ chữ để xuống nhiều dòng. " * 4


@pytest.fixture(scope="module")
def laid_out(to_pdf):
    """A document of four sections' worth: body text with a footnote, a table crossing a page,
    a portrait phụ lục of two pages and a landscape one; its .docx and PDF pages."""
    blocks: list[Block] = [
        p("doan", "Đoạn đầu có chú thích", note("CHUTHICHMOT ở chân trang."), "."),
        *[p("doan", LONG) for _ in range(3)],
        report_table(40),
        p("doan", "Đoạn sau bảng./."),
        *phu_luc("I"),
        *[p("doan", LONG) for _ in range(9)],
        *phu_luc("II", landscape=True),
        p("doan", "Trang ngang."),
    ]
    data = render_blocks(blocks)
    pdf = to_pdf(data)
    with pdfplumber.open(pdf) as doc:
        pages = [(page.width, page.height, page.extract_words(extra_attrs=["size"]))
                 for page in doc.pages]
    return data, pdf, pages


def _page_of(pages, text: str) -> int:
    return next(i for i, (_, _, words) in enumerate(pages) if any(w["text"] == text
                                                                  for w in words))


def test_lo_header_row_repeats_on_the_next_page(laid_out):
    _data, _pdf, pages = laid_out
    first = _page_of(pages, "Phường")
    last = _page_of(pages, "40")
    assert last > first  # the table crosses a page
    for i in (first, last):
        words = [w["text"] for w in pages[i][2]]
        assert "STT" in words and "Tỷ" in words, i


def test_lo_footnote_at_the_foot_of_its_page(laid_out):
    _data, _pdf, pages = laid_out
    _width, height, words = pages[0]
    mark = next(w for w in words if w["text"] == "CHUTHICHMOT")
    body = [w for w in words if w["text"] in ("Nội", "dung")]
    assert mark["top"] > max(w["bottom"] for w in body)
    assert mark["bottom"] > height - (PAGE.margin_bottom + 40) * PT_PER_MM  # low on the page
    assert mark["bottom"] < height - PAGE.margin_bottom * PT_PER_MM + 2
    assert mark["size"] == pytest.approx(STYLES["chu_thich"].size, abs=0.1)


def test_lo_landscape_section_is_wider_than_high(laid_out):
    _data, _pdf, pages = laid_out
    i = _page_of(pages, "ngang.")
    assert pages[i][0] > pages[i][1]
    assert pages[i - 1][0] < pages[i - 1][1]  # phụ lục I stays portrait
    assert pages[0][0] < pages[0][1]


def _header_number(page) -> str | None:
    """The page number centred in the top margin, if any."""
    _w, _h, words = page
    top = [w["text"] for w in words if w["bottom"] < PAGE.margin_top * PT_PER_MM]
    digits = [t for t in top if re.fullmatch(r"\d+", t)]
    return digits[0] if digits else None


def test_lo_page_numbers_restart_per_phu_luc(laid_out):
    _data, _pdf, pages = laid_out
    pl1 = next(i for i, (_, _, words) in enumerate(pages)
               if [w["text"] for w in words[:3]] == ["Phụ", "lục", "I"])
    numbers = [_header_number(page) for page in pages]
    assert numbers[0] is None and numbers[1] == "2"  # the document: none on page 1
    assert numbers[pl1] is None  # phụ lục I's first page: no number
    assert numbers[pl1 + 1] == "2"  # numbered from 1 again
    # The address footer of page 1 is not repeated on a phụ lục's first page.
    footers = [i for i, (_, _, words) in enumerate(pages) if any(w["text"] == "Trần"
                                                                for w in words)]
    assert footers == [0]


def test_lo_opens_the_file_as_written(laid_out, soffice, tmp_path):
    """LibreOffice reads the .docx and writes it back as .docx; the text survives (a file that
    needed repair would lose its parts or fail)."""
    data, _pdf, _pages = laid_out
    source = tmp_path / "roundtrip.docx"
    source.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    back = docx.Document(str(out / "roundtrip.docx"))
    text = "\n".join(q.text for q in back.paragraphs)
    assert "Phụ lục II" in text and "Đoạn sau bảng./." in text
    with zipfile.ZipFile(out / "roundtrip.docx") as z:
        assert b"CHUTHICHMOT" in z.read("word/footnotes.xml")


def test_checker_reads_it(laid_out, tmp_path):
    data, _pdf, _pages = laid_out
    path = Path(tmp_path / "body.docx")
    path.write_bytes(data)
    findings = congvan.check(path)
    assert isinstance(findings, list)
