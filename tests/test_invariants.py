"""Invariant: every công văn that validates renders to a file congvan's own checker passes.

No error-severity finding, and nothing about legacy fonts (``phong_chu.ma_cu``), on any document the
strategies build: real shapes of the fields (the Lưu forms clerks type, long names and authority
stacks, notes in Nơi nhận, the longest place names), drawn by hypothesis. Derandomised in CI
(tests/conftest.py); the number of examples is kept small so the suite stays fast.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import congvan
from congvan.rules import KY_HIEU_BAN_SAO, LOAI_VAN_BAN

# Abbreviations: upper-case initials (Đ included), sometimes in the decree's mixed case or with an
# inner dot (V.I). Type abbreviations (QĐ, CT, TB…) are left out: the checker reads a công văn whose
# issuer is abbreviated like a type as a typed document (a checker question, congvan issue 9).
_TYPE_ABBREVIATIONS = {t.viet_tat.upper() for t in LOAI_VAN_BAN.values() if t.viet_tat} | {
    v.upper() for v in KY_HIEU_BAN_SAO.values()}
_INITIALS = st.text(alphabet="ABCDĐEGHIKLMNOPQRSTUVXY", min_size=2, max_size=6)
abbreviations = st.one_of(
    _INITIALS,
    st.sampled_from(["V.I", "TTg", "GDTrH", "SGDĐT", "KTTH", "QLKH", "VP", "P.TH"]),
    st.builds(lambda a, b: f"{a}.{b}", _INITIALS, _INITIALS),
).filter(lambda a: a.upper() not in _TYPE_ABBREVIATIONS)

PLACES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Văn Miếu - Quốc Tử Giám", "Xã Nguyễn Việt Khái",
          "Đà Nẵng", "Huế", "Khánh Hòa", "Cà Mau", "Đặc khu Côn Đảo", "Tuyên Quang"]
BODIES = ["Ủy ban nhân dân Thành phố Hồ Chí Minh", "Bộ Nông nghiệp và Môi trường",
          "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân\nxã Nguyễn Việt Khái", "Văn phòng Chính phủ",
          "Cục Văn thư và Lưu trữ nhà nước", "Sở Khoa học và Công nghệ tỉnh Khánh Hòa",
          "Bộ Giáo dục và Đào tạo", "Ủy ban nhân dân tỉnh Tuyên Quang"]
PARENTS = ["Ủy ban nhân dân Thành phố Hồ Chí Minh", "Bộ Tài chính", "UBND tỉnh Cà Mau",
           "Bộ Nông nghiệp và Môi trường"]
WORDS = ["hướng", "dẫn", "thực", "hiện", "chính", "sách", "hỗ", "trợ", "người", "lao", "động",
         "trên", "địa", "bàn", "Thành", "phố", "Hồ", "Chí", "Minh", "báo", "cáo", "tình", "hình",
         "triển", "khai", "nhiệm", "vụ", "năm", "2026", "tăng", "cường", "công", "tác", "quản",
         "lý,", "phối", "hợp", "theo", "Nghị", "định", "số", "30/2020/NĐ-CP", "đối", "với", "các",
         "cơ", "quan,", "đơn", "vị", "thuộc", "tỉnh", "Tuyên", "Quang", "và", "thông", "báo", "kết",
         "quả", "kiểm", "tra", "của", "Sở", "Nội", "vụ"]
# Words the legacy-encoding detector still mistakes for VNI ("báo": issue 8, defect 1, fixed in
# another branch) are left out while it does; once it judges whole syllables, the filter keeps all.
WORDS = [w for w in WORDS if congvan.detect_legacy_encoding(w) is None]
RECIPIENTS = ["Bộ trưởng", "Thứ trưởng Nguyễn Văn Bình", "Ủy ban nhân dân Thành phố",
              "Giám đốc, các Phó Giám đốc Sở", "Cổng thông tin điện tử", "Sở Tài chính",
              "Các sở giáo dục và đào tạo", "Vụ Pháp chế"]
NOTES = ["(để báo cáo)", "(để b/c)", "(VBĐT)", "(để biết)", "(để thực hiện)"]
LUU_ITEMS = ["KHTC (VX/KN)", "CS (3b)", "VP (38b)", "Vụ KHTC", "V.I", "02b", "(NTH)",
             "Vụ GDTrH (3b) (NTH)", "QLKH", "KH&ĐT"]
STACKS = [
    (["TM. Ủy ban nhân dân", "KT. Chủ tịch"], "Phó Chủ tịch"),
    (["TL. Bộ trưởng", "KT. Vụ trưởng Vụ Giáo dục Trung học"], "Phó Vụ trưởng"),
    (["TL. Bộ trưởng"], "Vụ trưởng Vụ Chính sách thuế quốc tế"),
    (["KT. Giám đốc"], "Phó Giám đốc"),
    (["KT. Cục trưởng\nCục Văn thư và Lưu trữ nhà nước"], "Phó Cục trưởng"),
    (["TM. Ủy ban nhân dân Thành phố Hồ Chí Minh", "KT. Chủ tịch"], "Phó Chủ tịch"),
    (["Q. Giám đốc"], None),
    (["TUQ. Giám đốc"], "Chánh Văn phòng"),
    ([], "Giám đốc"),
]
NAMES = ["Lưu Thành Nhân", "Trần Minh Hải", "Nguyễn Thị Thu Hương", "Lê Văn Bình"]


def sentence(min_words: int, max_words: int):
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(" ".join)


@st.composite
def noi_nhan(draw):
    entries: list = [draw(st.sampled_from(["Như trên", "- Như trên;"]))]
    for ten in draw(st.lists(st.sampled_from(RECIPIENTS), max_size=4, unique=True)):
        note = draw(st.none() | st.sampled_from(NOTES))
        form = draw(st.integers(0, 2))
        if note is None:
            entries.append(ten)
        elif form == 0:
            entries.append({"ten": ten, "ghi_chu": note})
        elif form == 1:
            entries.append(f"- {ten}; {note}")  # the note after the semicolon, as some type it
        else:
            entries.append(f"{ten} {note};")
    return entries


@st.composite
def cong_van(draw) -> dict:
    tham_quyen, chuc_vu = draw(st.sampled_from(STACKS))
    luu = ["VT", *draw(st.lists(st.sampled_from(LUU_ITEMS), max_size=3, unique=True))]
    data = {
        "loai_van_ban": "cong_van",
        "co_quan_ban_hanh": {"ten": draw(st.sampled_from(BODIES)),
                             "ten_viet_tat": draw(abbreviations)},
        "so_van_ban": draw(st.none() | st.integers(1, 99_999)),
        "don_vi_soan_thao": draw(abbreviations),
        "dia_danh": draw(st.sampled_from(PLACES)),
        "ngay": draw(st.dates(date(2020, 1, 1), date(2030, 12, 31))),
        "trich_yeu": draw(st.sampled_from(["", "Về việc ", "V/v "])) + draw(sentence(3, 24)),
        "kinh_gui": draw(st.lists(st.sampled_from(RECIPIENTS), min_size=1, max_size=4,
                                  unique=True)),
        "noi_dung": draw(st.lists(sentence(5, 60), min_size=1, max_size=3)),
        "noi_nhan": draw(noi_nhan()),
        "noi_luu": draw(st.sampled_from([luu, ", ".join(luu)])),
        "nguoi_ky": {"tham_quyen": tham_quyen, "ho_ten": draw(st.sampled_from(NAMES))},
    }
    if chuc_vu:
        data["nguoi_ky"]["chuc_vu"] = chuc_vu
    if draw(st.booleans()):
        data["co_quan_chu_quan"] = draw(st.sampled_from(PARENTS))
    if draw(st.booleans()):
        data["do_khan"] = draw(st.sampled_from(["HỎA TỐC", "THƯỢNG KHẨN", "KHẨN"]))
    if draw(st.booleans()):
        data["do_mat"] = draw(st.sampled_from(["TUYỆT MẬT", "TỐI MẬT", "MẬT"]))
    if draw(st.booleans()):
        data["dia_chi"] = ["Số 1 Lê Duẩn, phường Sài Gòn, Thành phố Hồ Chí Minh",
                           "ĐT: 028.38290000; E-Mail: vanthu@example.gov.vn"]
    if draw(st.booleans()):
        data["ky_hieu_nguoi_soan_thao"] = draw(st.sampled_from(["NVA.(15)", "PL.(300)", "tth(20)"]))
    return data


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(cong_van())
def test_every_valid_cong_van_renders_to_a_file_the_checker_passes(data):
    doc = congvan.validate(data)
    findings = congvan.check(congvan.render_bytes(doc))
    bad = [(f.rule, f.found) for f in findings
           if f.severity == "loi" or f.rule.startswith("phong_chu.ma_cu")]
    assert bad == []
