"""Layout on a real word processor: LibreOffice renders the .docx to PDF; positions come from the
PDF.

Skipped with a reason when LibreOffice is missing; in CI (CI=true) they must run (see conftest.py).
Coordinates are PDF points from the top-left of the page (pdfplumber's ``top``/``x0``).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

import congvan
from congvan.rules import PAGE

ROOT = Path(__file__).resolve().parents[1]
PT_PER_MM = 72 / 25.4
LEFT = PAGE.margin_left * PT_PER_MM
TEXT_WIDTH = PAGE.text_width * PT_PER_MM
TEXT_CENTRE = LEFT + TEXT_WIDTH / 2


@pytest.fixture(scope="module")
def seed_pdf(to_pdf):
    doc = congvan.load(ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml")
    with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
        yield [(page, page.extract_words(extra_attrs=["size"])) for page in pdf.pages]


@pytest.fixture(scope="module")
def long_pdf(to_pdf):
    doc = congvan.load(ROOT / "examples" / "cong-van-so-noi-vu-khanh-hoa.yaml")
    with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
        yield [(page, page.extract_words(extra_attrs=["size"])) for page in pdf.pages]


def find_line(words, text: str) -> list[dict]:
    """Return the consecutive words that spell `text` (the first occurrence)."""
    parts = text.split()
    for i in range(len(words) - len(parts) + 1):
        if [w["text"] for w in words[i:i + len(parts)]] == parts:
            return words[i:i + len(parts)]
    raise AssertionError(f"{text!r} not found in the PDF")


def _centre(line):
    """The horizontal centre of a line of words."""
    return (line[0]["x0"] + line[-1]["x1"]) / 2


def test_quoc_hieu_on_one_line_top_right(seed_pdf):
    _page, words = seed_pdf[0]
    line = find_line(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert max(w["top"] for w in line) - min(w["top"] for w in line) < 1  # one line
    assert line[0]["x0"] > TEXT_CENTRE - TEXT_WIDTH * 0.1  # right half of the text area
    assert line[-1]["x1"] <= LEFT + TEXT_WIDTH + 1
    first_text_top = min(w["top"] for w in words)
    assert line[0]["top"] - first_text_top < 2  # at the very top of page 1
    issuer = find_line(words, "ỦY BAN NHÂN DÂN")
    assert abs(issuer[0]["top"] - line[0]["top"]) < 2  # ô 2 level with ô 1
    assert issuer[-1]["x1"] < TEXT_CENTRE


def test_so_left_and_date_right_on_one_band(seed_pdf):
    _page, words = seed_pdf[0]
    so = find_line(words, "Số: 4172/UBND-VHTT")
    date = find_line(words, "Nha Trang, ngày 01 tháng 7 năm 2021")
    assert abs(so[0]["top"] - date[0]["top"]) < 2
    assert so[-1]["x1"] < TEXT_CENTRE < date[0]["x0"] + 20
    # ô 3 centred under ô 2, ô 4 centred under ô 1.
    issuer = find_line(words, "THÀNH PHỐ NHA TRANG")
    quoc_hieu = find_line(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert abs(_centre(so) - _centre(issuer)) < 2
    assert abs(_centre(date) - _centre(quoc_hieu)) < 2


def test_rule_under_the_motto_is_as_wide_as_the_motto(seed_pdf):
    page, words = seed_pdf[0]
    motto = find_line(words, "Độc lập - Tự do - Hạnh phúc")
    below = [ln for ln in page.lines if 0 < ln["top"] - motto[0]["bottom"] < 8
             and ln["x0"] >= TEXT_CENTRE - 40]
    assert below, "no rule under the Tiêu ngữ"
    rule = min(below, key=lambda ln: ln["top"])
    assert abs(rule["x0"] - motto[0]["x0"]) < 1.5 and abs(rule["x1"] - motto[-1]["x1"]) < 1.5


def test_rule_under_the_issuer_is_a_third_to_a_half_and_centred(seed_pdf):
    page, words = seed_pdf[0]
    name = find_line(words, "THÀNH PHỐ NHA TRANG")
    width = name[-1]["x1"] - name[0]["x0"]
    below = [ln for ln in page.lines if 0 < ln["top"] - name[0]["bottom"] < 8
             and ln["x1"] < TEXT_CENTRE]
    assert below, "no rule under the issuing body"
    rule = min(below, key=lambda ln: ln["top"])
    assert width / 3 <= rule["x1"] - rule["x0"] <= width / 2
    assert abs((rule["x0"] + rule["x1"]) / 2 - (name[0]["x0"] + name[-1]["x1"]) / 2) < 1.5


def test_kinh_gui_dashes_under_the_colon(seed_pdf):
    _page, words = seed_pdf[0]
    label = find_line(words, "Kính gửi:")
    colon_x = label[-1]["x1"] - (label[-1]["x1"] - label[-1]["x0"]) / len(label[-1]["text"])
    dashes = [w for w in words if w["text"] == "-" and w["top"] > label[0]["top"]
              and w["x0"] < TEXT_CENTRE][:4]
    assert len(dashes) == 4
    for dash in dashes:
        assert abs(dash["x0"] - colon_x) < 3


def test_noi_nhan_and_authority_start_level(seed_pdf):
    _page, words = seed_pdf[-1]
    label = find_line(words, "Nơi nhận:")
    authority = find_line(words, "TM. ỦY BAN NHÂN DÂN")
    assert label[0]["x0"] < LEFT + 2  # flush with the left margin
    assert authority[0]["x0"] > TEXT_CENTRE - 20
    # Both cells start at the same line; the 12 pt label and 14 pt authority differ in ascent only.
    assert abs(label[0]["bottom"] - authority[0]["bottom"]) < 4
    name = find_line(words, "Lưu Thành Nhân")
    assert name[0]["top"] - authority[0]["bottom"] > 20 * PT_PER_MM  # room for signature and seal


def test_seed_fits_on_one_page_without_number(seed_pdf):
    assert len(seed_pdf) == 1
    _page, words = seed_pdf[0]
    assert not [w for w in words if w["text"].isdigit() and w["top"] < PAGE.margin_top * PT_PER_MM]


def test_page_numbers_from_page_two_top_centre(long_pdf):
    assert len(long_pdf) >= 2, "the long example must run onto a second page"
    top_margin = PAGE.margin_top * PT_PER_MM
    _page1, words1 = long_pdf[0]
    assert not [w for w in words1 if w["top"] < top_margin and w["text"].isdigit()]
    for number, (_page, words) in enumerate(long_pdf[1:], start=2):
        in_margin = [w for w in words if w["bottom"] <= top_margin]
        assert [w["text"] for w in in_margin] == [str(number)]
        assert abs((in_margin[0]["x0"] + in_margin[0]["x1"]) / 2 - TEXT_CENTRE) < 2


def test_signature_block_not_split_from_the_body(long_pdf):
    _page, words = long_pdf[-1]
    text = " ".join(w["text"] for w in words)
    assert "Nơi nhận:" in text and "Nguyễn Văn An" in text and "KT. GIÁM ĐỐC" in text
    # The paragraph before the signature row is on the same page as the row.
    assert "giải quyết./." in text


def test_address_footer_on_page_one_only(long_pdf):
    page1, words1 = long_pdf[0]
    footer = find_line(words1, "Địa chỉ: Số 1 Trần Phú,")
    assert footer[0]["top"] > page1.height * 0.8
    rules = [ln for ln in page1.lines if 0 < footer[0]["top"] - ln["top"] < 8]
    assert rules and rules[0]["x1"] - rules[0]["x0"] > TEXT_WIDTH - 3  # full-width rule above it
    for page, words in long_pdf[1:]:
        assert "Trần" not in {w["text"] for w in words if w["top"] > page.height * 0.8}


def test_signature_between_title_and_name_seal_over_its_left_third(to_pdf, seed_data, tmp_path):
    from .test_render import png

    (tmp_path / "ky.png").write_bytes(png(400, 200))
    (tmp_path / "dau.png").write_bytes(png(300, 300, (255, 0, 0, 160)))
    data = {**seed_data, "nguoi_ky": {**seed_data["nguoi_ky"], "anh_chu_ky": "ky.png"},
            "dau_co_quan": {"hinh_anh": "dau.png", "rong_mm": 36}}
    doc = congvan.validate(data, base_dir=tmp_path)
    with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
        page = pdf.pages[-1]
        words = page.extract_words()
        images = page.images
    assert len(images) == 2
    signature, seal = sorted(images, key=lambda im: im["x0"], reverse=True)  # the seal is left
    title = find_line(words, "PHÓ CHỦ TỊCH")
    name = find_line(words, "Lưu Thành Nhân")
    assert title[0]["bottom"] <= signature["top"] and signature["bottom"] <= name[0]["top"]
    centre = (name[0]["x0"] + name[-1]["x1"]) / 2
    assert abs((signature["x0"] + signature["x1"]) / 2 - centre) < 2
    assert abs((seal["x1"] - seal["x0"]) - 36 * PT_PER_MM) < 1  # actual size
    third = signature["x0"] + (signature["x1"] - signature["x0"]) / 3
    assert abs(seal["x1"] - third) < 2 and seal["x0"] < signature["x0"]


# -- real công văn: long place names, long authority lines, the urgency stamp ----------------------

#: The longest place names a date line carries after the 2025 reorganisation (34 provinces and
#: cities; two-level local government): the city named after a person, written in full (PL I
#: §II.4.a), a ward of Hà Nội with a long name, a commune named after a person.
LONG_PLACES = ("Thành phố Hồ Chí Minh", "Văn Miếu - Quốc Tử Giám", "Xã Nguyễn Việt Khái")


@pytest.fixture(scope="module")
def long_place_pdfs(to_pdf):
    out = {}
    for place in LONG_PLACES:
        doc = congvan.load(ROOT / "examples" / "cong-van-so-khcn-tphcm.yaml").model_copy(
            update={"dia_danh": place})
        with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
            out[place] = pdf.pages[0].extract_words(), congvan.build_context(doc)
    return out


@pytest.mark.parametrize("place", LONG_PLACES)
def test_date_line_is_one_line_with_the_longest_place_names(long_place_pdfs, place):
    words, ctx = long_place_pdfs[place]
    date = find_line(words, f"{place}, ngày 29 tháng 12 năm 2025")
    assert max(w["top"] for w in date) - min(w["top"] for w in date) < 1  # one line
    so = find_line(words, "Số: 3618/SKHCN-QLKH")
    assert abs(so[0]["top"] - date[0]["top"]) < 2  # on the line of the số (PL I §II.4.c)
    assert date[-1]["x1"] <= LEFT + TEXT_WIDTH + 0.5 and so[-1]["x1"] < date[0]["x0"]
    quoc_hieu = find_line(words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert abs(_centre(date) - _centre(quoc_hieu)) < 2  # centred under the Quốc hiệu
    # The names and V/v lines congvan broke stay as broken: none wraps again in the narrower
    # left column, and "Hồ Chí Minh" is never split.
    assert any(line.endswith("Hồ Chí Minh") for line in ctx["trich_yeu"])
    for text in [*ctx["co_quan_chu_quan"], *ctx["co_quan_ban_hanh"], *ctx["trich_yeu"]]:
        line = find_line(words, text)
        assert max(w["top"] for w in line) - min(w["top"] for w in line) < 1, text
        assert line[-1]["x1"] < date[0]["x0"], text


@pytest.fixture(scope="module")
def ministry_pdf(to_pdf):
    doc = congvan.load(ROOT / "examples" / "cong-van-bo-giao-duc-vu-gdtrh.yaml")
    with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
        page = pdf.pages[-1]
        yield page, page.extract_words()


def lines_of(words, x_min: float) -> list[str]:
    """Return the text lines (words grouped by their top) right of `x_min`."""
    rows: dict[int, list[dict]] = {}
    for w in words:
        if w["x0"] >= x_min:
            rows.setdefault(round(w["top"]), []).append(w)
    return [" ".join(w["text"] for w in sorted(row, key=lambda w: w["x0"]))
            for _, row in sorted(rows.items())]


def test_long_authority_line_breaks_between_word_groups(ministry_pdf):
    _page, words = ministry_pdf
    authority = find_line(words, "TL. BỘ TRƯỞNG")
    right = [line for line in lines_of(words, authority[0]["x0"] - 60)
             if line.isupper() and words and line]
    stack = right[right.index("TL. BỘ TRƯỞNG"):][:4]
    assert stack == ["TL. BỘ TRƯỞNG", "KT. VỤ TRƯỞNG", "VỤ GIÁO DỤC TRUNG HỌC", "PHÓ VỤ TRƯỞNG"]


def test_lưu_line_with_copies_and_initials_as_typed(ministry_pdf):
    _page, words = ministry_pdf
    find_line(words, "- Lưu: VT, Vụ GDTrH (3b) (NTH).")


def test_urgency_stamp_is_a_red_8_mm_frame_of_the_decree_width(to_pdf):
    doc = congvan.load(ROOT / "examples" / "cong-van-so-khcn-tphcm.yaml")  # THƯỢNG KHẨN: 40 × 8
    with pdfplumber.open(to_pdf(congvan.render_bytes(doc))) as pdf:
        page = pdf.pages[0]
        stamp = find_line(page.extract_words(), "THƯỢNG KHẨN")
        frame = [ln for ln in page.lines
                 if ln["top"] - 8 < stamp[0]["top"] and ln["bottom"] + 8 > stamp[0]["bottom"]
                 and ln["x1"] < TEXT_CENTRE]
    assert frame and all(ln["stroking_color"] in ((1, 0, 0), (1.0, 0.0, 0.0), [1, 0, 0])
                         for ln in frame)
    top = min(ln["top"] for ln in frame) - 0.5  # outer edges: half the 1 pt line outside
    bottom = max(ln["bottom"] for ln in frame) + 0.5
    x0 = min(ln["x0"] for ln in frame)
    x1 = max(ln["x1"] for ln in frame)
    assert abs((bottom - top) / PT_PER_MM - 8) < 0.5, (bottom - top) / PT_PER_MM
    assert abs((x1 - x0) / PT_PER_MM - 40) < 0.5, (x1 - x0) / PT_PER_MM
    assert abs(x0 - LEFT) < 1  # at the left margin (ô 10b)
