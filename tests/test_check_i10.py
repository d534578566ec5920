"""Issue 10: a landscape section is allowed where it holds tables (PL I §I.2: "Trường hợp nội dung
văn bản có các bảng, biểu … thì văn bản có thể được trình bày theo chiều rộng"), as a phụ lục of
wide tables is. Documents built by hand with python-docx, not by congvan's renderer."""

from __future__ import annotations

import io
import sys

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import congvan

from . import corpus

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus


def _document(*, table: bool) -> bytes:
    """A clean công văn of the corpus (python-docx), then a landscape section."""
    doc = docx.Document(io.BytesIO(build_corpus.build(build_corpus.Spec())))
    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = Mm(297), Mm(210)
    doc.add_paragraph("Phụ lục")
    if table:
        doc.add_table(rows=2, cols=3)
    else:
        doc.add_table(rows=1, cols=2)  # laid out like a signature row: not a table of data
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("trang.")]


def test_a_landscape_section_of_tables_is_accepted():
    assert "trang.huong" not in _rules(_document(table=True))


def test_a_landscape_section_of_prose_is_reported():
    assert _rules(_document(table=False)).count("trang.huong") == 1


def _with_line(align: WD_ALIGN_PARAGRAPH) -> bytes:
    """A clean công văn of the corpus with a one-line paragraph at `align` before its last body
    paragraph, set as the body is (14 pt), with no first-line indent: a table's caption."""
    doc = docx.Document(io.BytesIO(build_corpus.build(build_corpus.Spec())))
    last = next(p for p in doc.paragraphs if p.text.endswith("./."))
    caption = last.insert_paragraph_before("Bảng 1. Kết quả thực hiện năm 2024")
    caption.alignment = align
    caption.paragraph_format.space_before = caption.paragraph_format.space_after = Pt(6)
    for run in caption.runs:
        run.font.size = Pt(14)
        run.font.name = "Times New Roman"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _body_rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("noi_dung.")]


def test_a_centred_caption_is_not_judged_for_the_first_line_indent():
    """PL I §II.6.e's indent is the running text's; a centred or right-aligned line (a table's
    caption, its "Đơn vị tính") is not running text."""
    assert _body_rules(_with_line(WD_ALIGN_PARAGRAPH.CENTER)) == []
    assert _body_rules(_with_line(WD_ALIGN_PARAGRAPH.RIGHT)) == []


def test_a_left_aligned_line_without_indent_is_still_reported():
    assert "noi_dung.thut_dau_dong" in _body_rules(_with_line(WD_ALIGN_PARAGRAPH.LEFT))


def _title_then(heading: str) -> bytes:
    """A document with a type name (the corpus's quyết định, python-docx), a centred bold
    `heading` right under the trích yếu's rule, as a Kế hoạch opening with "Phần I" has."""
    spec = build_corpus.Spec(ten_loai=("KẾ HOẠCH", "Triển khai tiêm chủng mở rộng năm 2025"),
                             can_cu=["Căn cứ Luật Phòng, chống bệnh truyền nhiễm."])
    doc = docx.Document(io.BytesIO(build_corpus.build(spec)))
    authority = next(p for p in doc.paragraphs if p.text == "GIÁM ĐỐC SỞ Y TẾ")
    line = authority.insert_paragraph_before(heading)
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in line.runs:
        run.font.size, run.font.bold, run.font.name = Pt(14), True, "Times New Roman"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_centred_heading_after_the_rule_is_not_read_as_the_trich_yeu():
    """The trích yếu ends at its rule (an empty paragraph): "Phần I" under it opens the body."""
    rules = [f.rule for f in congvan.check(_title_then("Phần I"))]
    assert "trich_yeu.duong_ke" not in rules
