"""Issue 10: a landscape section is allowed where it holds tables (PL I §I.2: "Trường hợp nội dung
văn bản có các bảng, biểu … thì văn bản có thể được trình bày theo chiều rộng"), as a phụ lục of
wide tables is. Documents built by hand with python-docx, not by congvan's renderer."""

from __future__ import annotations

import io
import sys

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm

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
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("trang.")]


def test_a_landscape_section_of_tables_is_accepted():
    assert "trang.huong" not in _rules(_document(table=True))


def test_a_landscape_section_of_prose_is_reported():
    assert _rules(_document(table=False)).count("trang.huong") == 1
