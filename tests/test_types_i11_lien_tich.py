"""Issue 11: joint documents (văn bản liên tịch), practice outside Decree 30's text
(shared/decree30.md §3.3): the lead body first in the header, the co-issuer under it, the ký hiệu
with both abbreviations, one signature block per body side by side."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pytest
import yaml

import congvan
from congvan.context import template_of
from congvan.errors import InvalidDocumentError

from .example_pdfs import find_words, page_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ke-hoach-lien-tich-03-KH-UBND-MTTQ.yaml"
DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _doc(**changes) -> congvan.VanBanCoTenLoai:
    data = {k: v for k, v in {**DATA, **changes}.items() if v is not None}
    data["co_quan"] = str(EXAMPLE.parent / data["co_quan"])
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True), base_dir=EXAMPLE.parent,
                        allow_outside_images=True)
    assert isinstance(doc, congvan.VanBanCoTenLoai)
    return doc


def test_the_ky_hieu_names_every_body_lead_first():
    doc = congvan.load(EXAMPLE)
    assert (doc.so_ky_hieu.so_van_ban, doc.so_ky_hieu.ky_hieu) == (3, "KH-UBND-MTTQ")
    assert template_of(doc) == "lien_tich"
    assert template_of(_doc(co_quan_lien_tich=None)) == "van_ban"


def test_two_co_issuers_are_refused_for_now():
    co = DATA["co_quan_lien_tich"][0]
    with pytest.raises(InvalidDocumentError) as info:
        _doc(co_quan_lien_tich=[co, {**copy.deepcopy(co), "ten_viet_tat": "LĐLĐ"}])
    assert {(p.path, p.code) for p in info.value.problems} == {
        (("co_quan_lien_tich",), "too_long")}


def test_the_co_issuers_signer_is_checked_as_any_signer():
    co = {**DATA["co_quan_lien_tich"][0], "nguoi_ky": {"ho_ten": "Nguyễn Thị Hồng Nhung"}}
    with pytest.raises(InvalidDocumentError) as info:
        _doc(co_quan_lien_tich=[co])
    assert "chuc_vu.missing" in {p.code for p in info.value.problems}


def test_header_and_signature_blocks():
    word = docx.Document(io.BytesIO(congvan.render_bytes(congvan.load(EXAMPLE))))
    names = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert names == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ NHA TRANG",  # the lead first
                     "ỦY BAN MẶT TRẬN", "TỔ QUỐC VIỆT NAM", "THÀNH PHỐ NHA TRANG"]
    assert "Số: 03/KH-UBND-MTTQ" in [p.text for p in word.tables[0].rows[1].cells[0].paragraphs]
    left, right = ([p.text for p in c.paragraphs] for c in word.tables[-1].rows[0].cells)
    assert left[:2] == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"]
    assert right[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert left[-1] == "Nguyễn Thị Hồng Nhung" and right[-1] == "Phạm Thị Thu Hà"
    assert len(left) == len(right)
    texts = [p.text for p in word.paragraphs]
    assert texts[-1] == "- Lưu: VT, MTTQ." and "Nơi nhận:" in texts


@pytest.fixture(scope="module")
def words(example_pdfs) -> list[dict]:
    return page_words(example_pdfs[EXAMPLE.stem])[0]


_find = find_words


def test_the_joint_headers_columns(words):
    lead, co = _find(words, "ỦY BAN NHÂN DÂN"), _find(words, "TỔ QUỐC VIỆT NAM")
    qh = _find(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lead and co and qh
    # Both names in the left column, the lead above; the Quốc hiệu to their right.
    assert lead[0]["top"] < co[0]["top"] and abs(lead[0]["top"] - qh[0]["top"]) < 2
    assert max(lead[-1]["x1"], co[-1]["x1"]) < qh[0]["x0"]


def test_the_signature_blocks_stand_level(words):
    a, b = _find(words, "TM. BAN THƯỜNG TRỰC"), _find(words, "TM. ỦY BAN NHÂN DÂN")
    na, nb = _find(words, "Nguyễn Thị Hồng Nhung"), _find(words, "Phạm Thị Thu Hà")
    assert a and b and na and nb
    assert abs(a[0]["top"] - b[0]["top"]) < 1 and abs(na[0]["top"] - nb[0]["top"]) < 1
    assert a[-1]["x1"] < b[0]["x0"]
