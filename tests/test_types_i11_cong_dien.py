"""Issue 11: the Công điện (PL III mẫu 1.6): the model, the rendered .docx (python-docx), the
checker on documents built by hand, and LibreOffice positions of the "… điện:" block."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

import congvan
from congvan.errors import InvalidDocumentError

from . import corpus
from .example_pdfs import find_words, page_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cong-dien-03-CD-UBND.yaml"
DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _doc(**changes) -> congvan.CongDien:
    data = {k: v for k, v in {**DATA, **changes}.items() if v is not None}
    data["co_quan"] = str(EXAMPLE.parent / data["co_quan"])
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True), base_dir=EXAMPLE.parent,
                        allow_outside_images=True)
    assert isinstance(doc, congvan.CongDien)
    return doc


def _codes(**changes) -> set[tuple[tuple, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        _doc(**changes)
    return {(p.path, p.code) for p in info.value.problems}


def _texts(doc) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(congvan.render_bytes(doc))).paragraphs]


def test_example_is_a_cong_dien_with_its_stamp():
    doc = congvan.load(EXAMPLE)
    assert isinstance(doc, congvan.CongDien)
    assert (doc.so_ky_hieu.so_van_ban, doc.so_ky_hieu.ky_hieu) == (3, "CĐ-UBND")
    assert doc.do_khan is congvan.DoKhan.HOA_TOC


def test_the_addressees_are_required_and_kinh_gui_is_not_its_field():
    assert _codes(noi_nhan_dien=[]) == {(("noi_nhan_dien",), "too_short")}
    assert _codes(noi_nhan_dien=None) == {(("noi_nhan_dien",), "missing")}
    assert (("kinh_gui",), "extra_forbidden") in _codes(kinh_gui=["Các xã"])
    assert _codes(can_cu=["Căn cứ Luật Phòng, chống thiên tai"]) == {
        (("can_cu",), "can_cu.khong_co")}


def test_dien_line_and_the_addressee_list():
    texts = _texts(congvan.load(EXAMPLE))
    i = texts.index("CÔNG ĐIỆN")
    assert texts[i + 1] == "Về việc chủ động ứng phó với bão số 8"
    at = texts.index("Chủ tịch Ủy ban nhân dân thành phố Nha Trang điện:")
    assert at > i + 1
    assert texts[at + 1:at + 4] == [
        "- Thủ trưởng các cơ quan, đơn vị thuộc Ủy ban nhân dân thành phố;",
        "- Chủ tịch Ủy ban nhân dân các xã, phường;",
        "- Ban Chỉ huy Phòng thủ dân sự thành phố."]
    assert texts[at + 4].startswith("Theo tin của Đài Khí tượng Thủy văn")
    assert not any(t.startswith("Kính gửi") for t in texts)


def test_without_co_quan_dien_the_issuing_body_cables_and_one_addressee_is_a_list_too():
    texts = _texts(_doc(co_quan_dien=None, noi_nhan_dien=["Chủ tịch UBND các xã, phường."]))
    at = texts.index("Ủy ban nhân dân thành phố Nha Trang điện:")
    assert texts[at + 1] == "- Chủ tịch UBND các xã, phường."


def test_the_urgency_stamp_is_in_the_header():
    word = docx.Document(io.BytesIO(congvan.render_bytes(congvan.load(EXAMPLE))))
    cells = [p.text for row in word.tables[0].rows for c in row.cells for p in c.paragraphs]
    assert "HỎA TỐC" in cells


# -- The checker on documents built by hand ------------------------------------------------------

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus  # noqa: E402


def _hand_built(title: str) -> bytes:
    """A clean document of the corpus with a tên loại whose quyết định lines are replaced by mẫu
    1.6's "<…> điện:" line (centred) and a dash list without first-line indent."""
    spec = build_corpus.Spec(
        so="Số: 03/CĐ-SYT", v_v=None, ten_loai=(title, "Về việc phòng, chống dịch sốt xuất huyết"),
        dieu=[[("Các Trung tâm Y tế triển khai ngay các biện pháp phòng, chống dịch./.", {})]])
    word = docx.Document(io.BytesIO(build_corpus.build(spec)))
    for p in word.paragraphs:
        if p.text == "QUYẾT ĐỊNH:":
            p._p.getparent().remove(p._p)
        if p.text == "GIÁM ĐỐC SỞ Y TẾ":  # becomes "<…> điện:" where a Kính gửi stands
            p.text = "Giám đốc Sở Y tế điện:"
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
            p.paragraph_format.left_indent = Mm(35)
            for text in ("- Trung tâm Y tế các huyện.", "- Bệnh viện Đa khoa tỉnh;"):
                item = word.add_paragraph(text)
                item.paragraph_format.left_indent = Mm(55)
                p._p.addnext(item._p)
            for q in (p, *p.runs):
                if hasattr(q, "font"):
                    q.font.size, q.font.bold = Pt(14), False
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _body_rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("noi_dung.")]


def test_the_dien_block_of_a_cong_dien_is_not_body_text():
    assert _body_rules(_hand_built("CÔNG ĐIỆN")) == []


def test_the_same_lines_in_another_type_are_body_text():
    assert _body_rules(_hand_built("THÔNG BÁO")) != []


# -- LibreOffice positions -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def words(example_pdfs) -> list[dict]:
    return page_words(example_pdfs[EXAMPLE.stem])[0]


_find = find_words


def test_dien_block_between_the_subject_and_the_body(words):
    subject = _find(words, "Về việc chủ động ứng phó với bão số 8")
    dien = _find(words, "Nha Trang điện:")
    first = _find(words, "Thủ trưởng các cơ")
    body = _find(words, "Theo tin của Đài")
    assert subject and dien and first and body
    assert subject[0]["top"] < dien[0]["top"] < first[0]["top"] < body[0]["top"]
    # The addressees are indented under the line, right of the body's left margin.
    assert first[0]["x0"] > body[0]["x0"] + 20
