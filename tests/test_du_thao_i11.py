"""The draft mark DỰ THẢO (shared/decree30.md §3.12: not in Decree 30; Circular 01/2011's practice):
boxed, upper case, bold, 14 pt, under the số on page 1; refused on a document with a số."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from congvan import load, render_bytes
from congvan.errors import InvalidDocumentError
from congvan.rules import STYLES

CONG_VAN = "examples/cong-van-4172-UBND-VHTT.yaml"
QUYET_DINH = "examples/quyet-dinh-2315-QD-UBND.yaml"


def _header_left(data: bytes) -> list[tuple[str, object]]:
    """The paragraphs of the header's left column (text, paragraph) of page 1."""
    doc = Document(io.BytesIO(data))
    cell = doc.tables[0].rows[1].cells[0]
    return [(p.text, p) for p in cell.paragraphs]


@pytest.mark.parametrize(("value", "text"), [(True, "DỰ THẢO"), (2, "DỰ THẢO LẦN 2")])
@pytest.mark.parametrize("example", [CONG_VAN, QUYET_DINH])
def test_draft_mark_is_boxed_under_the_number(example: str, value: object, text: str) -> None:
    doc = load(example).model_copy(update={"so_van_ban": None, "du_thao": value})
    left = _header_left(render_bytes(doc))
    texts = [t for t, _ in left]
    assert text in texts
    i = texts.index(text)
    assert texts[0].startswith("Số:") and i > 0  # under the số (and the V/v of a công văn)
    p = left[i][1]
    style = Document(io.BytesIO(render_bytes(doc))).styles["CV Dự thảo"]
    assert p.style.name == "CV Dự thảo"  # type: ignore[attr-defined]
    assert style.font.bold and style.font.size.pt == STYLES["du_thao"].size == 14
    borders = p._p.pPr.find(qn("w:pBdr"))  # type: ignore[attr-defined]
    assert borders is not None
    assert {b.tag.split("}")[1] for b in borders} == {"top", "left", "bottom", "right"}


def test_no_mark_by_default() -> None:
    data = render_bytes(load(CONG_VAN))
    doc = Document(io.BytesIO(data))
    assert not any("DỰ THẢO" in p.text for t in doc.tables for c in t._cells for p in c.paragraphs)


@pytest.mark.parametrize("value", [True, 3])
def test_a_numbered_document_is_no_draft(value: object) -> None:
    doc = load(CONG_VAN)
    assert doc.so_van_ban is not None
    with pytest.raises(InvalidDocumentError) as exc:
        doc.model_copy(update={"du_thao": value})
    assert [(p.path, p.code) for p in exc.value.problems] == [(("du_thao",), "du_thao.co_so")]


@pytest.mark.parametrize("value", [0, -1, 100, "2", 2.0])
def test_bad_values_refused(value: object) -> None:
    doc = load(CONG_VAN)
    with pytest.raises(InvalidDocumentError) as exc:
        doc.model_copy(update={"so_van_ban": None, "du_thao": value})
    assert exc.value.problems[0].path[0] == "du_thao"


def test_false_is_no_draft() -> None:
    doc = load(CONG_VAN).model_copy(update={"du_thao": False})
    assert "DỰ THẢO" not in Document(io.BytesIO(render_bytes(doc))).tables[0]._cells[2].text


def test_draft_mark_position_in_libreoffice(to_pdf) -> None:
    import pdfplumber

    from congvan.rules import PAGE

    doc = load(QUYET_DINH).model_copy(update={"so_van_ban": None, "du_thao": 2})
    with pdfplumber.open(to_pdf(render_bytes(doc))) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    so = next(w for w in words if w["text"] == "Số:")
    mark = next(w for w in words if w["text"] == "DỰ")
    assert [w["text"] for w in words[words.index(mark):words.index(mark) + 4]] == [
        "DỰ", "THẢO", "LẦN", "2"]
    assert mark["top"] > so["bottom"]  # under the số
    centre = (PAGE.margin_left + PAGE.text_width / 2) * 72 / 25.4
    assert mark["x0"] < centre  # the left column
    assert round(mark["size"]) == 14
    ten_loai = next(w for w in words if w["text"] == "QUYẾT")
    assert mark["bottom"] < ten_loai["top"]  # still in the header, above the type name


@pytest.mark.parametrize("example", [CONG_VAN, QUYET_DINH])
def test_a_draft_checks_clean(example: str) -> None:
    import congvan

    doc = load(example).model_copy(update={"so_van_ban": None, "du_thao": 2})
    assert congvan.check(render_bytes(doc)) == []
