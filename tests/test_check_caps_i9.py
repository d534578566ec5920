"""Upper case as Word prints it (issue 9): text typed in lower case in a run or style with All caps
(w:caps) prints upper case, which is what the decree asks of the Quốc hiệu, the issuing body and the
tên loại. Documents built by hand with python-docx."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

from congvan.checker import check


def _document(*, caps: str | None) -> bytes:
    """A short công văn whose Quốc hiệu is typed "Cộng hòa …": All caps in its style, in its run,
    or (None) nowhere."""
    doc = docx.Document()
    style = doc.styles.add_style("Quoc hieu", WD_STYLE_TYPE.PARAGRAPH)
    style.font.name, style.font.size, style.font.bold = "Times New Roman", Pt(13), True
    style.font.all_caps = caps == "style"
    p = doc.add_paragraph(style=style)
    run = p.add_run("Cộng hòa xã hội chủ nghĩa Việt Nam")
    if caps == "run":
        run.font.all_caps = True
    for text, bold in (("Độc lập - Tự do - Hạnh phúc", True), ("Số: 12/SNV-VP", False)):
        r = doc.add_paragraph().add_run(text)
        r.font.name, r.font.size, r.bold = "Times New Roman", Pt(13), bold
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _kieu_chu(data: bytes) -> list[str]:
    return [f.found for f in check(data) if f.rule == "quoc_hieu.kieu_chu"]


@pytest.mark.parametrize("caps", ["style", "run"])
def test_all_caps_prints_the_quoc_hieu_upper_case(caps):
    assert _kieu_chu(_document(caps=caps)) == []


def test_lower_case_without_all_caps_is_still_reported():
    assert _kieu_chu(_document(caps=None)) == ["không in hoa"]
