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

_find = find_words

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


#: Two more co-issuers: four bodies, the most congvan lays out (models.MAX_LIEN_TICH).
MORE = [{"ten": "Ban Thường vụ Thành đoàn\nNha Trang", "ten_viet_tat": "TĐTN",
         "nguoi_ky": {"tham_quyen": ["TM. Ban Thường vụ"], "chuc_vu": "Bí thư",
                      "ho_ten": "Lê Hoàng Nam"}},
        {"ten": "Hội Liên hiệp Phụ nữ\nthành phố Nha Trang", "ten_viet_tat": "HLHPN",
         "nguoi_ky": {"tham_quyen": ["TM. Ban Thường vụ"], "chuc_vu": "Chủ tịch",
                      "ho_ten": "Trần Thị Mai"}}]


def _four_bodies() -> congvan.VanBanCoTenLoai:
    return _doc(co_quan_lien_tich=[DATA["co_quan_lien_tich"][0], *copy.deepcopy(MORE)])


def test_up_to_four_bodies():
    doc = _four_bodies()
    assert doc.so_ky_hieu.ky_hieu == "KH-UBND-MTTQ-TĐTN-HLHPN"
    extra = {**copy.deepcopy(MORE[0]), "ten_viet_tat": "LĐLĐ"}
    with pytest.raises(InvalidDocumentError) as info:
        _doc(co_quan_lien_tich=[DATA["co_quan_lien_tich"][0], *copy.deepcopy(MORE), extra])
    assert {(p.path, p.code) for p in info.value.problems} == {
        (("co_quan_lien_tich",), "too_long")}


def test_each_abbreviation_once_and_no_co_issuer_image(tmp_path):
    twice = [DATA["co_quan_lien_tich"][0], {**copy.deepcopy(MORE[0]), "ten_viet_tat": "MTTQ"}]
    with pytest.raises(InvalidDocumentError) as info:
        _doc(co_quan_lien_tich=twice)
    assert {(p.path, p.code) for p in info.value.problems} == {
        (("co_quan_lien_tich", 1, "ten_viet_tat"), "lien_tich.trung_viet_tat")}
    # A co-issuer's signature image has no place: refused, never dropped.
    from .test_render import png

    image = tmp_path / "ky.png"
    image.write_bytes(png(40, 20))
    co = copy.deepcopy(DATA["co_quan_lien_tich"][0])
    co["nguoi_ky"]["anh_chu_ky"] = str(image)
    with pytest.raises(InvalidDocumentError) as info:
        _doc(co_quan_lien_tich=[co])
    assert {(p.path, p.code) for p in info.value.problems} == {
        (("co_quan_lien_tich", 0, "nguoi_ky", "anh_chu_ky"), "lien_tich.anh_chu_ky")}


def test_four_bodies_header_and_blocks_two_to_a_row():
    data = congvan.render_bytes(_four_bodies())
    assert congvan.check(data) == []
    word = docx.Document(io.BytesIO(data))
    names = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert names[-4:] == ["BAN THƯỜNG VỤ THÀNH ĐOÀN", "NHA TRANG",
                          "HỘI LIÊN HIỆP PHỤ NỮ", "THÀNH PHỐ NHA TRANG"]
    first, more = word.tables[-2], word.tables[-1]
    assert [c.paragraphs[-1].text for c in first.rows[0].cells] == [
        "Nguyễn Thị Hồng Nhung", "Phạm Thị Thu Hà"]
    assert len(more.rows) == 1
    left, right = ([p.text for p in c.paragraphs] for c in more.rows[0].cells)
    assert left[1:3] == ["TM. BAN THƯỜNG VỤ", "BÍ THƯ"] and left[-1] == "Lê Hoàng Nam"
    assert right[1:3] == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"] and right[-1] == "Trần Thị Mai"
    assert len(left) == len(right)
    # Three bodies: the third's block alone on the left of the second row.
    three = _doc(co_quan_lien_tich=[DATA["co_quan_lien_tich"][0], copy.deepcopy(MORE[0])])
    word = docx.Document(io.BytesIO(congvan.render_bytes(three)))
    left, right = ([p.text for p in c.paragraphs] for c in word.tables[-1].rows[0].cells)
    assert left[-1] == "Lê Hoàng Nam" and not any(right)


def test_four_bodies_on_paper(to_pdf):
    pages = page_words(to_pdf(congvan.render_bytes(_four_bodies())))
    words = pages[0]
    # The second row of blocks below the first, each row level.
    a, b = _find(words, "Nguyễn Thị Hồng Nhung"), _find(words, "Phạm Thị Thu Hà")
    c, d = _find(words, "Lê Hoàng Nam"), _find(words, "Trần Thị Mai")
    assert a and b and c and d
    assert abs(a[0]["top"] - b[0]["top"]) < 1 and abs(c[0]["top"] - d[0]["top"]) < 1
    assert c[0]["top"] > a[0]["top"] + 60  # a block's height below: room for the signatures
    # "Nơi nhận:" never alone at a page's foot: with its entries, wherever they fall.
    label = [i for i, page in enumerate(pages) if _find(page, "Nơi nhận:")]
    entry = [i for i, page in enumerate(pages) if _find(page, "- UBND, UBMTTQ các xã, phường;")]
    assert label and label == entry


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
