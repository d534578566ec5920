"""The models enforce Decree 30 where they are built; invalid input lists every problem with its path."""

from __future__ import annotations

import copy
import unicodedata
from datetime import date

import pytest

import congvan
from congvan import InvalidDocumentError


def codes(exc: InvalidDocumentError) -> dict[str, str]:
    return {p.location: p.code for p in exc.problems}


def invalid(data: dict) -> InvalidDocumentError:
    with pytest.raises(InvalidDocumentError) as info:
        congvan.validate(data)
    return info.value


def with_(seed_data: dict, **changes) -> dict:
    data = copy.deepcopy(seed_data)
    data.update(changes)
    return data


def test_seed_is_valid(seed):
    assert seed.so_ky_hieu == congvan.SoKyHieu(4172, "UBND-VHTT")
    assert seed.ngay == date(2021, 7, 1)


def test_several_problems_at_once_with_paths(seed_data):
    data = with_(seed_data, so_van_ban=0, ngay="31/02/2021", trich_yue="x", kinh_gui=[])
    data["nguoi_ky"] = {"tham_quyen": ["KT. Giám đốc"], "ho_ten": "Trần Văn B"}
    data["co_quan_ban_hanh"] = {"ten": "Sở Nội vụ", "ten_viet_tat": "S NV"}
    exc = invalid(data)
    assert codes(exc) == {
        "so_van_ban": "greater_than_equal",
        "ngay": "ngay.invalid",
        "trich_yue": "extra_forbidden",
        "kinh_gui": "too_short",
        "nguoi_ky.chuc_vu": "chuc_vu.missing",
        "co_quan_ban_hanh.ten_viet_tat": "viet_tat.invalid",
    }
    text = str(exc)
    assert "ngay: 31/02/2021 không phải ngày hợp lệ" in text
    assert text.startswith("6 lỗi trong dữ liệu văn bản:")
    # A ValueError, so a pydantic validator of a user's own model can raise it.
    assert isinstance(exc, ValueError) and isinstance(exc, congvan.CongVanError)


@pytest.mark.parametrize("value, expected", [
    ("01/07/2021", date(2021, 7, 1)),    # Vietnamese order, as clerks write it
    ("1/7/2021", date(2021, 7, 1)),      # without padding
    ("2021-07-01", date(2021, 7, 1)),    # ISO
    ("01.07.2021", date(2021, 7, 1)),
])
def test_dates_are_read_in_vietnamese_order(seed_data, value, expected):
    assert congvan.validate(with_(seed_data, ngay=value)).ngay == expected


@pytest.mark.parametrize("value", ["31/02/2021", "2021/13/01", "hôm nay", "", 20210701])
def test_bad_dates(seed_data, value):
    assert codes(invalid(with_(seed_data, ngay=value)))["ngay"].startswith("ngay.")


@pytest.mark.parametrize("so_van_ban, printed", [(1, "01"), (9, "09"), (10, "10"), (4172, "4172")])
def test_number_padding(seed_data, so_van_ban, printed):
    doc = congvan.validate(with_(seed_data, so_van_ban=so_van_ban))
    assert congvan.format_so_ky_hieu(doc.so_ky_hieu) == f"Số: {printed}/UBND-VHTT"


@pytest.mark.parametrize("so_van_ban", [0, -3, "abc", 1.5])
def test_bad_numbers(seed_data, so_van_ban):
    assert "so_van_ban" in codes(invalid(with_(seed_data, so_van_ban=so_van_ban)))


def test_number_left_blank_for_the_van_thu(seed_data):
    data = with_(seed_data)
    del data["so_van_ban"]
    doc = congvan.validate(data)
    assert congvan.format_so_ky_hieu(doc.so_ky_hieu) == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/UBND-VHTT"


@pytest.mark.parametrize("stack, chuc_vu, code", [
    (["KT. Giám đốc"], None, "chuc_vu.missing"),             # KT. needs the signer's own title
    (["TL. Bộ trưởng"], None, "chuc_vu.missing"),
    (["TUQ. Giám đốc"], None, "chuc_vu.missing"),
    ([], None, "chuc_vu.missing"),                           # the head signs: title required
    (["TM. Chủ tịch"], "Chủ tịch", "tham_quyen.tm_collective"),  # TM. names a collective
    (["KT. Giám đốc", "TM. Ủy ban nhân dân"], "Phó Giám đốc", "tham_quyen.tm_position"),
    (["TUQ. Giám đốc", "KT. Trưởng phòng"], "Phó Trưởng phòng", "tham_quyen.order"),
    (["Q. Giám đốc"], "Phó Giám đốc", "chuc_vu.after_q"),    # Q. is itself the title line
    (["KT Giám đốc"], "Phó Giám đốc", "tham_quyen.prefix"),  # the dot is part of the prefix
])
def test_authority_rules(seed_data, stack, chuc_vu, code):
    data = with_(seed_data, nguoi_ky={"tham_quyen": stack, "chuc_vu": chuc_vu, "ho_ten": "A B"})
    assert code in codes(invalid(data)).values()


@pytest.mark.parametrize("stack, chuc_vu", [
    (["TM. Ủy ban nhân dân", "KT. Chủ tịch"], "Phó Chủ tịch"),
    (["TM. Ủy ban nhân dân"], "Chủ tịch"),
    (["Q. Giám đốc"], None),
    (["TL. Bộ trưởng", "KT. Chánh Văn phòng"], "Phó Chánh Văn phòng"),
    ([{"loai": "TUQ", "chuc_danh": "Giám đốc"}], "Trưởng phòng Tổ chức cán bộ"),
    ([], "Giám đốc"),
])
def test_valid_authority_stacks(seed_data, stack, chuc_vu):
    data = with_(seed_data, nguoi_ky={"tham_quyen": stack, "chuc_vu": chuc_vu, "ho_ten": "A B"})
    assert congvan.validate(data).nguoi_ky.ho_ten == "A B"


def test_text_is_nfc_and_tidy(seed_data):
    nfd = unicodedata.normalize("NFD", "Ủy ban   nhân dân\tthành phố")
    data = with_(seed_data, kinh_gui=[nfd + "  "])
    (recipient,) = congvan.validate(data).kinh_gui
    assert recipient == "Ủy ban nhân dân thành phố"
    assert unicodedata.is_normalized("NFC", recipient)


def test_single_line_fields_reject_line_breaks(seed_data):
    assert codes(invalid(with_(seed_data, dia_danh="Nha\nTrang"))) == {"dia_danh": "text.newline"}


def test_empty_text_is_rejected(seed_data):
    assert codes(invalid(with_(seed_data, dia_danh="   "))) == {"dia_danh": "text.empty"}


def test_luu_starts_with_van_thu(seed_data):
    assert codes(invalid(with_(seed_data, noi_luu=["VHTT"]))) == {"noi_luu": "noi_luu.van_thu"}


def test_vv_typed_by_the_user_is_not_doubled(seed_data):
    doc = congvan.validate(with_(seed_data, trich_yeu="V/v nâng bậc lương năm 2019"))
    assert doc.trich_yeu == "nâng bậc lương năm 2019"


def test_unknown_and_unsupported_types(seed_data):
    assert codes(invalid(with_(seed_data, loai_van_ban="cong_vam"))) == {
        "loai_van_ban": "loai_van_ban.unknown"}
    exc = invalid(with_(seed_data, loai_van_ban="quyet_dinh"))
    assert "Quyết định (cá biệt)" in str(exc)
    data = with_(seed_data)
    del data["loai_van_ban"]
    assert codes(invalid(data)) == {"loai_van_ban": "missing"}


def test_models_built_in_code(seed):
    doc = congvan.CongVan(
        co_quan_ban_hanh=congvan.CoQuanBanHanh(ten="Sở Nội vụ", ten_viet_tat="SNV"),
        co_quan_chu_quan="UBND tỉnh Khánh Hòa",
        so_van_ban=5, don_vi_soan_thao="VP", dia_danh="Khánh Hòa", ngay=date(2021, 2, 5),
        trich_yeu="báo cáo tình hình", kinh_gui=["Bộ Nội vụ"], noi_dung=["Nội dung."],
        nguoi_ky=congvan.NguoiKy(tham_quyen=["KT. Giám đốc"], chuc_vu="Phó Giám đốc",
                                 ho_ten="Nguyễn Văn A"),
        noi_nhan=["Như trên"], noi_luu=["VT", "VP"],
    )
    ctx = congvan.build_context(doc)
    assert ctx["so_ky_hieu"] == "Số: 05/SNV-VP"
    assert ctx["dia_danh_thoi_gian"] == "Khánh Hòa, ngày 05 tháng 02 năm 2021"
    assert ctx["co_quan_chu_quan"] == ["UBND TỈNH KHÁNH HÒA"]
    assert ctx["noi_nhan"] == ["- Như trên;", "- Lưu: VT, VP."]
    assert ctx["noi_dung_cuoi"] == "Nội dung./."


def test_models_are_frozen(seed):
    import pydantic

    with pytest.raises(pydantic.ValidationError, match="frozen"):
        seed.so_van_ban = 5  # type: ignore[misc]


def test_duplicate_yaml_keys_are_refused(tmp_path):
    spec = tmp_path / "x.yaml"
    spec.write_text("loai_van_ban: cong_van\nso_van_ban: 1\nso_van_ban: 2\n", encoding="utf-8")
    with pytest.raises(InvalidDocumentError, match="xuất hiện hai lần"):
        congvan.load(spec)


def test_json_input(tmp_path, seed_data):
    import json

    spec = tmp_path / "x.json"
    spec.write_text(json.dumps(seed_data, ensure_ascii=False), encoding="utf-8")
    assert congvan.load(spec).so_van_ban == 4172
