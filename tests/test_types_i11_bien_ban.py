"""Issue 11: the Biên bản (PL III mẫu 1.9). The model's rules, the rendered .docx (python-docx), the
checker on documents built by hand, and LibreOffice positions: no place/date line, THƯ KÝ and CHỦ
TỌA side by side and level, the seal on the chair's side only, the Nơi nhận under both."""

from __future__ import annotations

import io
import sys
from datetime import time
from pathlib import Path

import docx
import pytest
import yaml

import congvan
from congvan.errors import InvalidDocumentError
from congvan.formatting import format_gio_phut
from congvan.rules import KET_THUC_BIEN_BAN, NHAN_CHU_TOA, NHAN_THU_KY

from . import corpus
from .example_pdfs import find_words, page_words
from .test_render import png

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "bien-ban-15-BB-UBND.yaml"
DATA = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _doc(base: Path = EXAMPLE.parent, **changes) -> congvan.BienBan:
    data = {**DATA, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    if "co_quan" in data:
        data["co_quan"] = str(EXAMPLE.parent / data["co_quan"])
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True), base_dir=base,
                        allow_outside_images=True)
    assert isinstance(doc, congvan.BienBan)
    return doc


def _codes(**changes) -> set[tuple[tuple, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        _doc(**changes)
    return {(p.path, p.code) for p in info.value.problems}


# -- The model ---------------------------------------------------------------------------------


def test_example_loads_as_a_bien_ban():
    doc = congvan.load(EXAMPLE)
    assert isinstance(doc, congvan.BienBan)
    assert (doc.so_ky_hieu.so_van_ban, doc.so_ky_hieu.ky_hieu) == (15, "BB-UBND")
    assert (doc.thoi_gian_bat_dau, doc.thoi_gian_ket_thuc) == (time(8, 0), time(10, 30))


@pytest.mark.parametrize(("typed", "want"), [
    ("08:00", time(8, 0)), ("8:30", time(8, 30)), ("8h30", time(8, 30)), ("8 giờ", time(8, 0)),
    ("14 giờ 05 phút", time(14, 5)), (510, time(8, 30)),  # YAML 1.1 reads 08:30 as 510
])
def test_times_are_typed_the_way_clerks_type_them(typed, want):
    assert _doc(thoi_gian_bat_dau=typed, thoi_gian_ket_thuc="23:00").thoi_gian_bat_dau == want


@pytest.mark.parametrize("typed", ["25:00", "8:75", "tám giờ", True])
def test_a_time_that_is_no_time_is_refused(typed):
    codes = {c for _, c in _codes(thoi_gian_bat_dau=typed)}
    assert codes & {"gio.invalid", "gio.type"}


def test_the_meeting_ends_after_it_starts():
    assert _codes(thoi_gian_ket_thuc="07:30") == {
        (("thoi_gian_ket_thuc",), "thoi_gian_ket_thuc.truoc_bat_dau")}
    # Ending on a later day, it may end at an earlier hour.
    doc = _doc(thoi_gian_ket_thuc="07:30", ngay_ket_thuc="13/07/2024")
    assert doc.ngay_ket_thuc is not None
    assert _codes(ngay_ket_thuc="11/07/2024") == {
        (("ngay_ket_thuc",), "ngay_ket_thuc.truoc_bat_dau")}


def test_the_chair_signs_without_authority_lines():
    signer = {"tham_quyen": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], "chuc_vu": "Phó Chủ tịch",
              "ho_ten": "Lê Minh Tuấn"}
    assert _codes(nguoi_ky=signer) == {(("nguoi_ky", "tham_quyen"), "tham_quyen.bien_ban")}


def test_the_chair_line_names_the_signer():
    assert _codes(chu_tri="Ông Trần Quốc Hưng, Chủ tịch Ủy ban nhân dân thành phố") == {
        (("chu_tri",), "chu_tri.nguoi_ky")}


def test_a_bien_ban_has_no_can_cu_and_no_kinh_gui():
    assert _codes(can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương"]) == {
        (("can_cu",), "can_cu.khong_co")}
    assert _codes(kinh_gui=["Các thành viên"]) == {(("kinh_gui",), "extra_forbidden")}


def test_required_fields():
    codes = _codes(thoi_gian_bat_dau=None, dia_diem=None, thu_ky=None)
    assert codes == {(("thoi_gian_bat_dau",), "missing"), (("dia_diem",), "missing"),
                     (("thu_ky",), "missing")}
    assert (("thanh_phan_tham_du",), "too_short") in _codes(thanh_phan_tham_du=[])


# -- The .docx (python-docx) ---------------------------------------------------------------------


def _word(doc: congvan.BienBan) -> docx.document.Document:
    return docx.Document(io.BytesIO(congvan.render_bytes(doc)))


def test_header_has_the_number_and_no_date_line():
    word = _word(congvan.load(EXAMPLE))
    header = word.tables[0]
    texts = [p.text for row in header.rows for cell in row.cells for p in cell.paragraphs]
    assert "Số: 15/BB-UBND" in texts
    assert not any("ngày" in t for t in texts)  # mẫu 1.9: no ô 4


def test_body_lines_and_closing_line():
    word = _word(congvan.load(EXAMPLE))
    texts = [p.text for p in word.paragraphs]
    i = texts.index("BIÊN BẢN")
    assert texts[i + 1].startswith("Cuộc họp nghe báo cáo")
    assert "Thời gian bắt đầu: 08 giờ 00 phút, ngày 12 tháng 7 năm 2024." in texts
    assert "Địa điểm: Phòng họp số 2, trụ sở Ủy ban nhân dân thành phố Nha Trang." in texts
    start = texts.index("Thành phần tham dự:")
    assert texts[start + 1] == "- Ông Lê Minh Tuấn, Phó Chủ tịch Ủy ban nhân dân thành phố;"
    assert texts[start + 3] == "- Chủ tịch Ủy ban nhân dân xã Vĩnh Ngọc và phường Ngọc Hiệp."
    assert "Chủ trì (chủ tọa): Ông Lê Minh Tuấn, Phó Chủ tịch Ủy ban nhân dân thành phố." in texts
    assert any(t.startswith("Thư ký (người ghi biên bản): Nguyễn Thị Thanh Hương, chuyên viên")
               for t in texts)
    closing = KET_THUC_BIEN_BAN.format(gio="10 giờ 30 phút", ngay=" cùng ngày")
    assert closing == ("Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày, nội dung cuộc họp đã được "
                       "các thành viên dự họp thông qua và cùng ký vào biên bản./.")
    assert texts[texts.index(closing) - 1].startswith("3. Kết luận của chủ tọa")
    # Only the closing line ends the content with ./. (the body's last paragraph does not).
    assert sum(t.endswith("./.") for t in texts) == 1
    # Nơi nhận under the signature blocks, at the left margin.
    assert texts[-3:] == ["Nơi nhận:", "- Các thành viên dự họp;", "- Lưu: VT, Hồ sơ."]


def test_a_meeting_over_two_days_closes_with_the_date():
    doc = _doc(thoi_gian_ket_thuc="11:00", ngay_ket_thuc="13/07/2024")
    texts = [p.text for p in _word(doc).paragraphs]
    assert any(t.startswith("Cuộc họp kết thúc vào 11 giờ 00 phút, ngày 13 tháng 7 năm 2024, nội")
               for t in texts)


def test_format_gio_phut():
    assert format_gio_phut(time(8, 5)) == "08 giờ 05 phút"


def _signature_row(word):
    table = word.tables[-1]
    left, right = table.rows[0].cells
    return [p.text for p in left.paragraphs], [p.text for p in right.paragraphs], left, right


def test_thu_ky_left_chu_toa_right_with_the_same_number_of_lines():
    left, right, lcell, rcell = _signature_row(_word(congvan.load(EXAMPLE)))
    assert left[0] == NHAN_THU_KY and right[0] == NHAN_CHU_TOA
    assert right[1:3] == ["PHÓ CHỦ TỊCH", "ỦY BAN NHÂN DÂN THÀNH PHỐ"]  # note 5: the title
    assert left[-1] == "Nguyễn Thị Thanh Hương" and right[-1] == "Lê Minh Tuấn"
    assert len(left) == len(right)  # the rooms and the names stand level
    for cell in (lcell, rcell):
        assert cell.paragraphs[0].style.font.bold and cell.paragraphs[-1].style.font.bold


def test_seal_and_signature_only_on_the_chairs_side(tmp_path):
    (tmp_path / "ky.png").write_bytes(png(400, 200))
    (tmp_path / "dau.png").write_bytes(png(300, 300, (255, 0, 0, 160)))
    signer = {**DATA["nguoi_ky"], "anh_chu_ky": "ky.png"}
    doc = _doc(base=tmp_path, nguoi_ky=signer,
               dau_co_quan={"hinh_anh": "dau.png", "rong_mm": 36})
    _left, _right, lcell, rcell = _signature_row(_word(doc))
    assert lcell._tc.find(".//{*}drawing") is None
    assert rcell._tc.find(".//{*}anchor") is not None  # the seal
    assert rcell._tc.find(".//{*}inline") is not None  # the signature


# -- The checker on documents built by hand (python-docx) ----------------------------------------

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus  # noqa: E402


def _hand_built(title: str, abbreviation: str) -> bytes:
    """A clean document of the corpus with a tên loại and no place/date line, whose first body line
    is the labelled start time of mẫu 1.9, right under the trích yếu."""
    spec = build_corpus.Spec(
        so=f"Số: 15/{abbreviation}-SYT", place_date="", v_v=None,
        ten_loai=(title, "Cuộc họp giao ban tháng 7 năm 2024"),
        dieu=[[("Thời gian bắt đầu: 08 giờ 00 phút, ngày 12 tháng 7 năm 2024.", {})],
              [("Cuộc họp kết thúc vào 10 giờ 30 phút cùng ngày./.", {})]])
    word = docx.Document(io.BytesIO(build_corpus.build(spec)))
    for p in word.paragraphs:  # the quyết định's authority and decision lines
        if p.text in ("GIÁM ĐỐC SỞ Y TẾ", "QUYẾT ĐỊNH:"):
            p._p.getparent().remove(p._p)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _date_rules(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("dia_danh_thoi_gian")]


def test_a_labelled_start_time_is_not_the_date_line():
    """Mẫu 1.9: a biên bản has no ô 4, and its "Thời gian bắt đầu: …, ngày … tháng … năm …" line
    is a field of the body, not a misformatted place/date line."""
    assert _date_rules(_hand_built("BIÊN BẢN", "BB")) == []


def test_another_type_without_a_date_line_is_still_reported():
    assert _date_rules(_hand_built("THÔNG BÁO", "TB")) == ["dia_danh_thoi_gian.thieu"]


# -- LibreOffice positions -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_words(example_pdfs) -> list[list[dict]]:
    """The example as LibreOffice lays it out (the session's one conversion): words per page."""
    return page_words(example_pdfs[EXAMPLE.stem])


_find = find_words


def test_no_place_date_line_on_page_one(pdf_words):
    first = " ".join(w["text"] for w in pdf_words[0])
    assert "Nha Trang, ngày" not in first
    so = _find(pdf_words[0], "Số: 15/BB-UBND")
    title = _find(pdf_words[0], "BIÊN BẢN")
    assert so is not None and title is not None and so[0]["top"] < title[0]["top"]


def test_the_two_signature_blocks_stand_level(pdf_words):
    words = next(w for w in pdf_words if _find(w, "Lê Minh Tuấn") and _find(w, "THƯ KÝ"))
    thu_ky, chu_toa = _find(words, NHAN_THU_KY), _find(words, NHAN_CHU_TOA)
    secretary, chair = _find(words, "Nguyễn Thị Thanh Hương"), _find(words, "Lê Minh Tuấn")
    assert thu_ky and chu_toa and secretary and chair
    assert abs(thu_ky[0]["top"] - chu_toa[0]["top"]) < 1
    assert abs(secretary[0]["top"] - chair[0]["top"]) < 1
    assert thu_ky[-1]["x1"] < chu_toa[0]["x0"]  # THƯ KÝ left, CHỦ TỌA right
    # Room for the signatures: at least 20 mm between the titles and the names.
    assert chair[0]["top"] - chu_toa[0]["top"] > 20 * 72 / 25.4
    # Nơi nhận under both blocks, at the left margin.
    label = _find(words, "Nơi nhận:")
    assert label is not None and label[0]["top"] > chair[0]["bottom"]
    assert abs(label[0]["x0"] - 30 * 72 / 25.4) < 3
