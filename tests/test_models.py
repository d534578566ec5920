"""The models enforce Decree 30 where they are built; invalid input lists every problem, with its
path."""

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
    assert congvan.format_so_ky_hieu(doc.so_ky_hieu) == "Số: " + "\u00a0" * 6 + "/UBND-VHTT"


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
    assert [b.text for b in ctx["noi_dung"]] == ["Nội dung./."]
    assert ctx["kinh_gui_mot_dong"] == "Bộ Nội vụ" and ctx["kinh_gui"] == []


def test_models_are_frozen(seed):
    with pytest.raises(InvalidDocumentError) as exc:
        seed.so_van_ban = 5  # type: ignore[misc]
    assert [(p.path, p.code) for p in exc.value.problems] == [(("so_van_ban",), "model.frozen")]


def test_duplicate_yaml_keys_are_refused(tmp_path):
    spec = tmp_path / "x.yaml"
    spec.write_text("loai_van_ban: cong_van\nso_van_ban: 1\nso_van_ban: 2\n", encoding="utf-8")
    with pytest.raises(InvalidDocumentError) as exc:
        congvan.load(spec)
    assert [p.code for p in exc.value.problems] == ["input.duplicate_key"]


def test_json_input(tmp_path, seed_data):
    import json

    spec = tmp_path / "x.json"
    spec.write_text(json.dumps(seed_data, ensure_ascii=False), encoding="utf-8")
    assert congvan.load(spec).so_van_ban == 4172


# --------------------------------------------------------------------------------------------------
# Strict types, bounds, legacy text, escaping exceptions (issues 7.5, 7.7, 8.3, 8.5)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [b"", b"\x07Nguyen", bytearray(b"A"), 5, 1.5, True, ["A"]])
def test_text_fields_take_text_only(seed_data, value):
    # bytes skipped normalisation: a control character reached header2.xml (issue 7.5)
    data = with_(seed_data, nguoi_ky={**seed_data["nguoi_ky"], "ho_ten": value})
    assert codes(invalid(data)) == {"nguoi_ky.ho_ten": "text.type"}
    with pytest.raises(InvalidDocumentError):
        congvan.NguoiKy(chuc_vu="Giám đốc", ho_ten=value)


@pytest.mark.parametrize("value, code", [
    (True, "so_van_ban.type"), (5.0, "so_van_ban.type"), (b"5", "so_van_ban.type"),
    ("010", "so_van_ban.leading_zero"), ("5a", "so_van_ban.format"), ("", "so_van_ban.format"),
])
def test_so_van_ban_is_strict(seed_data, value, code):
    assert codes(invalid(with_(seed_data, so_van_ban=value))) == {"so_van_ban": code}


@pytest.mark.parametrize("value, code", [(True, "float_type"), ("36", "float_type"),
                                         (float("nan"), "finite_number"), (100, "less_than_equal")])
def test_seal_width_is_a_number(seed_data, tmp_path, value, code):
    png = tmp_path / "dau.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00" * 13)
    data = with_(seed_data, dau_co_quan={"hinh_anh": str(png), "rong_mm": value})
    assert codes(invalid(data)).get("dau_co_quan.rong_mm") == code


def test_text_and_lists_are_bounded(seed_data):
    from congvan.models import MAX_ITEMS, MAX_TEXT_CHARS

    assert codes(invalid(with_(seed_data, dia_danh="X" * (MAX_TEXT_CHARS + 1)))) == {
        "dia_danh": "text.too_long"}
    assert congvan.validate(with_(seed_data, dia_danh="X" * MAX_TEXT_CHARS))
    # Spaces typed count before normalisation too, and nothing past them is silently cut.
    padded = "A" + " " * (4 * MAX_TEXT_CHARS) + "b"
    assert codes(invalid(with_(seed_data, dia_danh=padded))) == {"dia_danh": "text.too_long"}
    assert congvan.validate(with_(seed_data, dia_danh="A" + " " * 30_000 + "b")).dia_danh == "A b"
    assert codes(invalid(with_(seed_data, noi_dung=["Đoạn."] * (MAX_ITEMS + 1)))) == {
        "noi_dung": "list.too_long"}
    assert len(congvan.validate(with_(seed_data, noi_dung=["Đoạn."] * MAX_ITEMS)).noi_dung) \
        == MAX_ITEMS
    tham_quyen = ["TM. Ủy ban nhân dân"] * (MAX_ITEMS + 1)
    data = with_(seed_data, nguoi_ky={**seed_data["nguoi_ky"], "tham_quyen": tham_quyen})
    assert codes(invalid(data)) == {"nguoi_ky.tham_quyen": "list.too_long"}


@pytest.mark.parametrize("typed, converted", [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),  # TCVN3
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),  # VNI
    ("NguyÔn V¨n An", "Nguyễn Văn An"),
])
def test_legacy_encoded_text_is_named_with_a_suggestion(seed_data, typed, converted):
    exc = invalid(with_(seed_data, kinh_gui=["Sở Nội vụ", typed]))
    (problem,) = exc.problems
    assert (problem.location, problem.code) == ("kinh_gui[1]", "text.legacy_encoding")
    assert converted in problem.message


@pytest.mark.parametrize("text", [
    "báo cáo tình hình", "thông báo", "Tuyên Quang", "Thành phố Hồ Chí Minh",  # issue 8.1
    "theo PL III §I và PL I §II.3.c", "Café Müller", "Æ", "µm",
])
def test_unicode_text_is_not_taken_for_legacy(seed_data, text):
    assert congvan.validate(with_(seed_data, trich_yeu=text, kinh_gui=[text])).trich_yeu == text


def test_examples_validate():
    from pathlib import Path

    for spec in sorted((Path(__file__).parents[1] / "examples").glob("*.yaml")):
        assert congvan.load(spec).so_van_ban


def test_model_copy_validates_its_update(seed):
    with pytest.raises(InvalidDocumentError) as info:
        seed.model_copy(update={"so_van_ban": -5})
    assert codes(info.value) == {"so_van_ban": "greater_than_equal"}
    with pytest.raises(InvalidDocumentError) as info:
        seed.model_copy(update={"kinh_gi": ["Bộ Nội vụ"]})
    assert codes(info.value) == {"kinh_gi": "extra_forbidden"}
    copy_ = seed.model_copy(update={"so_van_ban": "05", "dia_danh": "  Khánh  Hòa "})
    assert (copy_.so_van_ban, copy_.dia_danh, copy_.kinh_gui) == (5, "Khánh Hòa", seed.kinh_gui)
    assert seed.model_copy() == seed and seed.model_copy(deep=True) == seed


@pytest.mark.parametrize("key, field, meant", [
    ("kinh_gi", ("kinh_gi",), "kinh_gui"),
    ("noi_dugn", ("noi_dugn",), "noi_dung"),
])
def test_misspelt_field_gets_a_suggestion(seed_data, key, field, meant):
    data = with_(seed_data)
    data[key] = data.pop(meant)
    exc = invalid(data)
    (problem,) = [p for p in exc.problems if p.code == "extra_forbidden"]
    assert problem.path == field and f"`{meant}`" in problem.message


def test_misspelt_nested_field_gets_a_suggestion(seed_data):
    nguoi_ky = dict(seed_data["nguoi_ky"])
    nguoi_ky["ho_tem"] = nguoi_ky.pop("ho_ten")
    exc = invalid(with_(seed_data, nguoi_ky=nguoi_ky))
    (problem,) = [p for p in exc.problems if p.code == "extra_forbidden"]
    assert problem.path == ("nguoi_ky", "ho_tem") and "`ho_ten`" in problem.message
    far = invalid(with_(seed_data, zzz=1))
    assert "`" not in far.problems[0].message  # nothing close: no guess


def test_no_english_pydantic_message_reaches_a_clerk(seed_data, tmp_path):
    png = tmp_path / "dau.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00" * 13)
    data = with_(seed_data, so_van_ban=1.5, do_khan="gấp", do_mat=3, kinh_gui="Bộ Nội vụ",
                 noi_dung=[], x=1, co_quan_ban_hanh=[1], loai_van_ban="cong_van",
                 dau_co_quan={"hinh_anh": str(png), "rong_mm": "rộng"},
                 nguoi_ky={"tham_quyen": "KT. Giám đốc", "ho_ten": None}, dia_chi=[None, 5])
    exc = invalid(data)
    assert len(exc.problems) >= 10
    english = ("Input should", "Field required", "Extra inputs", "should have", "valid ")
    for problem in exc.problems:
        assert not any(word in problem.message for word in english), problem


def test_format_so_raises_congvans_error():
    from congvan.errors import InvalidNumberError
    from congvan.formatting import format_so

    for value, code in [(0, "number.so_van_ban"), (-5, "number.so_van_ban"),
                        (True, "number.type"), ("5", "number.type"), (1.5, "number.type")]:
        with pytest.raises(InvalidNumberError) as info:
            format_so(value)  # type: ignore[arg-type]
        assert info.value.code == code and isinstance(info.value, ValueError)
