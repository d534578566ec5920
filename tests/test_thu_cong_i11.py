"""Thư công (Art. 7; no abbreviation and no mẫu in PL III): the letter's own name where a type name
stands, a công văn's ký hiệu; the checker reads that name as the type name, not as a công văn
missing its V/v."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import congvan
from congvan.errors import InvalidDocumentError

from .checker_fixtures import edit_part

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "thu-cong-2650-SGDDT-VP.yaml"


def _data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "loai_van_ban": "thu_cong", "ten_thu": "Thư cảm ơn", "so_van_ban": 15, "ngay": "02/09/2025",
        "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân\nphường Nha Trang", "ten_viet_tat": "UBND"},
        "dia_danh": "Nha Trang",
        "noi_dung": ["Ủy ban nhân dân phường trân trọng cảm ơn các nhà hảo tâm đã ủng hộ."],
        "nguoi_ky": {"tham_quyen": ["TM. Ủy ban nhân dân"], "chuc_vu": "Chủ tịch",
                     "ho_ten": "Lê Văn Bình"},
    }
    data.update(changes)
    return data


def _codes(data: dict[str, object]) -> set[tuple[tuple[object, ...], str]]:
    with pytest.raises(InvalidDocumentError) as exc:
        congvan.validate(data)
    return {(p.path, p.code) for p in exc.value.problems}


def test_the_model_and_its_ky_hieu():
    doc = congvan.validate(_data())
    assert type(doc) is congvan.ThuCong
    assert doc.so_ky_hieu.ky_hieu == "UBND"  # no type abbreviation (PL III §I: none)
    unit = congvan.validate(_data(don_vi_soan_thao="VP"))
    assert unit.so_ky_hieu.ky_hieu == "UBND-VP"
    assert congvan.load(EXAMPLE).so_ky_hieu.ky_hieu == "SGDĐT-VP"


@pytest.mark.parametrize("ten", ["Chúc mừng năm mới", "Thư", "Thưa quý vị", ""])
def test_the_name_opens_with_thu(ten: str):
    codes = _codes(_data(ten_thu=ten))
    assert {c for _, c in codes} <= {"thu_cong.ten_thu", "text.empty"} and codes


def test_components_it_has_not():
    assert _codes(_data(can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương;"])) == {
        (("can_cu",), "can_cu.khong_co")}


def test_kinh_gui_opens_the_noi_nhan_with_nhu_tren():
    doc = congvan.validate(_data(kinh_gui=["Các nhà hảo tâm"]))
    assert doc.noi_nhan[0].ten == "Như trên"


def _texts(data: bytes) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_rendered_under_its_own_name_in_upper_case():
    data = congvan.render_bytes(congvan.validate(_data(trich_yeu="Nhân dịp Quốc khánh 2/9")))
    texts = _texts(data)
    assert texts.index("THƯ CẢM ƠN") + 1 == texts.index("Nhân dịp Quốc khánh 2/9")
    assert congvan.check(data) == []


def _retitle(data: bytes, old: str, new: str) -> bytes:
    def edit(part: bytes) -> bytes:
        assert old.encode() in part
        return part.replace(old.encode(), new.encode())

    return edit_part(data, "word/document.xml", edit)


def test_the_checker_reads_a_letters_name_as_its_type_name():
    data = congvan.render_bytes(congvan.load(EXAMPLE))
    assert congvan.check(data) == []
    for name in ("THƯ CẢM ƠN", "THƯ NGỎ", "THƯ CHÚC TẾT"):
        assert congvan.check(_retitle(data, "THƯ CHÚC MỪNG", name)) == []
    # Not a letter's name: the document reads as a công văn without its V/v.
    rules = {f.rule for f in congvan.check(_retitle(data, "THƯ CHÚC MỪNG", "BẢN TIN"))}
    assert "trich_yeu_cong_van.thieu" in rules
    rules = {f.rule for f in congvan.check(_retitle(data, "THƯ CHÚC MỪNG", "THƯ KÝ"))}
    assert "trich_yeu_cong_van.thieu" in rules
