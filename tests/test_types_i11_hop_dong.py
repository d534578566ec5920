"""Issue 11: Hợp đồng, Bản ghi nhớ, Bản thỏa thuận. Decree 30 gives no mẫu for them
(shared/decree30.md §5): congvan lays them out as common practice does. The model's rules, the
.docx (python-docx), the checker on documents built by hand, LibreOffice positions."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
import yaml

import congvan
from congvan.errors import InvalidDocumentError

from . import corpus
from .example_pdfs import find_words, page_words
from .test_render import png

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hop-dong-25-HD-SGDDT.yaml"
DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _doc(base: Path = EXAMPLE.parent, **changes) -> congvan.HopDong:
    data = {k: v for k, v in {**DATA, **changes}.items() if v is not None}
    data["co_quan"] = str(EXAMPLE.parent / data["co_quan"])
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True), base_dir=base,
                        allow_outside_images=True)
    assert isinstance(doc, congvan.HopDong)
    return doc


def _codes(**changes) -> set[tuple[tuple, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        _doc(**changes)
    return {(p.path, p.code) for p in info.value.problems}


@pytest.mark.parametrize(("loai", "ky_hieu"), [("hop_dong", "HĐ-SGDĐT"),
                                               ("ban_ghi_nho", "BGN-SGDĐT"),
                                               ("ban_thoa_thuan", "BTT-SGDĐT")])
def test_the_three_types_share_the_model(loai, ky_hieu):
    doc = _doc(loai_van_ban=loai)
    assert doc.so_ky_hieu.ky_hieu == ky_hieu


def test_party_b_needs_a_name_and_a_signer():
    ben_b = {k: v for k, v in DATA["ben_b"].items() if k not in ("ten", "nguoi_ky")}
    assert _codes(ben_b=ben_b) == {(("ben_b", "ten"), "ben_b.ten"),
                                   (("ben_b", "nguoi_ky"), "ben_b.nguoi_ky")}


def test_party_a_is_signed_by_the_documents_signer():
    ben_a = {**DATA["ben_a"], "nguoi_ky": {"chuc_vu": "Giám đốc", "ho_ten": "Nguyễn Văn A"}}
    assert _codes(ben_a=ben_a) == {(("ben_a", "nguoi_ky"), "ben_a.nguoi_ky")}


def test_the_body_is_in_articles():
    assert _codes(noi_dung=["Hai bên thống nhất như sau."]) == {(("noi_dung",), "noi_dung.dieu")}


def test_images_are_refused_not_misplaced(tmp_path):
    (tmp_path / "dau.png").write_bytes(png(300, 300, (255, 0, 0, 160)))
    with pytest.raises(InvalidDocumentError) as info:
        _doc(base=tmp_path, dau_co_quan={"hinh_anh": "dau.png", "rong_mm": 36})
    assert {p.code for p in info.value.problems} == {"hop_dong.anh"}


def _word(doc):
    return docx.Document(io.BytesIO(congvan.render_bytes(doc)))


def test_parties_and_articles_in_order():
    texts = [p.text for p in _word(congvan.load(EXAMPLE)).paragraphs]
    i = texts.index("HỢP ĐỒNG")
    assert texts[i + 1] == "Về việc cung cấp dịch vụ bảo trì hệ thống máy tính năm 2024"
    a, b = texts.index("Bên A: Sở Giáo dục và Đào tạo"), texts.index(
        "Bên B: Công ty TNHH Tin học Biển Xanh")
    assert texts.index("Căn cứ nhu cầu và khả năng của hai bên.") < a < b
    assert texts[a + 3] == "Mã số thuế: 4200123456."
    assert texts[a + 4] == "Đại diện: Huỳnh Thị Mỹ Dung, chức vụ: Phó Giám đốc."
    assert texts[b + 4] == "Đại diện: Phạm Văn Lực, chức vụ: Giám đốc."
    assert texts.index("Điều 1. Nội dung công việc") > b
    assert "Nơi nhận:" not in texts  # none unless given (practice, decree30.md §5)


def test_a_given_noi_nhan_is_printed():
    texts = [p.text for p in _word(_doc(noi_nhan=["Kho bạc Nhà nước Khánh Hòa"])).paragraphs]
    assert texts[-3:] == ["Nơi nhận:", "- Kho bạc Nhà nước Khánh Hòa;", "- Lưu: VT, VP."]


def test_two_blocks_side_by_side_each_with_its_authority_lines():
    cells = _word(congvan.load(EXAMPLE)).tables[-1].rows[0].cells
    left, right = ([p.text for p in c.paragraphs] for c in cells)
    assert left[:3] == ["ĐẠI DIỆN BÊN A", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert right[:3] == ["ĐẠI DIỆN BÊN B", "GIÁM ĐỐC", ""]  # padded: the names stand level
    assert left[-1] == "Huỳnh Thị Mỹ Dung" and right[-1] == "Phạm Văn Lực"
    assert len(left) == len(right)


# -- The checker on documents built by hand ------------------------------------------------------

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus  # noqa: E402


def _without_noi_nhan(title: str) -> bytes:
    spec = build_corpus.Spec(
        so="Số: 25/HĐ-SYT", v_v=None, ten_loai=(title, "Về việc bảo trì hệ thống máy tính"),
        dieu=[[("Điều 1. Bên B bảo trì hệ thống máy tính của Bên A./.", {})]])
    word = docx.Document(io.BytesIO(build_corpus.build(spec)))
    for p in word.paragraphs:
        if p.text == "QUYẾT ĐỊNH:":
            p._p.getparent().remove(p._p)
    for table in word.tables[1:]:
        for cell in table.rows[0].cells:
            for p in cell.paragraphs:
                if p.text.startswith(("Nơi nhận", "- ")):
                    p._p.getparent().remove(p._p)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _noi_nhan_rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("noi_nhan")]


def test_a_contract_without_noi_nhan_is_accepted():
    assert _noi_nhan_rules(_without_noi_nhan("HỢP ĐỒNG")) == []


def test_another_type_without_noi_nhan_is_still_reported():
    assert _noi_nhan_rules(_without_noi_nhan("THÔNG BÁO")) == ["noi_nhan.thieu"]


# -- LibreOffice positions -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(example_pdfs) -> list[list[dict]]:
    return page_words(example_pdfs[EXAMPLE.stem])


_find = find_words


def test_the_parties_blocks_stand_level(pages):
    words = next(w for w in pages if _find(w, "Phạm Văn Lực") and _find(w, "ĐẠI DIỆN BÊN A"))
    a, b = _find(words, "ĐẠI DIỆN BÊN A"), _find(words, "ĐẠI DIỆN BÊN B")
    name_a, name_b = _find(words, "Huỳnh Thị Mỹ Dung"), _find(words, "Phạm Văn Lực")
    assert a and b and name_a and name_b
    assert abs(a[0]["top"] - b[0]["top"]) < 1 and abs(name_a[0]["top"] - name_b[0]["top"]) < 1
    assert a[-1]["x1"] < b[0]["x0"]
