"""Tests for congvan.vietnamese.numwords: readings, the inverse, options, errors, SoTien,
num2words."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import num2words
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from congvan.vietnamese.numwords import (
    DEFAULT_LANG_CODE,
    InvalidNumberError,
    Num2Word_VI_CongVan,
    SoTien,
    amount_in_words,
    format_number,
    format_so_tien,
    number_in_words,
    parse_number,
    register_num2words,
    words_to_number,
)

# (value, reading with the default options). Every row is also read back by words_to_number.
READINGS = [
    # -- zero, units, teens --
    (0, "không"),
    (1, "một"),
    (4, "bốn"),  # "tư" only after mươi
    (5, "năm"),  # "lăm" only after mười/mươi
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),  # "mốt" only after mươi
    (14, "mười bốn"),  # never "mười tư"
    (15, "mười lăm"),
    (19, "mười chín"),
    # -- tens: mốt, tư, lăm --
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (44, "bốn mươi tư"),
    (55, "năm mươi lăm"),
    (70, "bảy mươi"),
    (99, "chín mươi chín"),
    # -- hundreds and linh --
    (100, "một trăm"),
    (101, "một trăm linh một"),  # "linh một", not "linh mốt"
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),  # "linh năm", not "linh lăm"
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (909, "chín trăm linh chín"),
    (999, "chín trăm chín mươi chín"),
    # -- "không trăm" in inner groups; all-zero groups skipped --
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1050, "một nghìn không trăm năm mươi"),  # num2words: "một nghìn lẻ năm mươi"
    (1100, "một nghìn một trăm"),
    (2024, "hai nghìn không trăm hai mươi tư"),  # num2words: "hai nghìn lẻ hai mươi bốn"
    (10_000, "mười nghìn"),
    (10_005, "mười nghìn không trăm linh năm"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_001, "một triệu không trăm linh một"),  # no "không nghìn"
    (1_002_000, "một triệu không trăm linh hai nghìn"),  # num2words: "một triệu hai nghìn"
    (1_000_500, "một triệu năm trăm"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (25_500_000, "hai mươi lăm triệu năm trăm nghìn"),
    # -- each scale up to 10^24; the count of tỷ read as a number --
    (10**9, "một tỷ"),
    (10**9 + 5, "một tỷ không trăm linh năm"),
    (1_005_000_000, "một tỷ không trăm linh năm triệu"),
    (10**12, "một nghìn tỷ"),
    (2_500_000_000_000, "hai nghìn năm trăm tỷ"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (10**15, "một triệu tỷ"),
    (2 * 10**15, "hai triệu tỷ"),  # num2words: "hai trăm nghìn tỷ"
    (10**18, "một tỷ tỷ"),  # num2words: "một Quintillion"
    (10**21, "một nghìn tỷ tỷ"),
    (10**24, "một triệu tỷ tỷ"),
    (
        123_456_789_012,
        (
            "một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn "
            "không trăm mười hai"
        ),
    ),
    # -- negatives --
    (-5, "âm năm"),  # num2words: "mười lăm"
    (-1_000_001, "âm một triệu không trăm linh một"),
    # -- decimals: exact, fraction read as a number, leading zeros kept --
    (Decimal("1.5"), "một phẩy năm"),  # num2words: "một phẩy năm mươi"
    (Decimal("0.05"), "không phẩy không năm"),  # num2words: "không phẩy năm"
    (Decimal("3.14159"), "ba phẩy mười bốn nghìn một trăm năm mươi chín"),  # never rounded
    (Decimal("1.50"), "một phẩy năm mươi"),  # trailing zero written, so read
    (Decimal("35.67"), "ba mươi lăm phẩy sáu mươi bảy"),
    (Decimal("100.001"), "một trăm phẩy không không một"),
    (Decimal("-0.5"), "âm không phẩy năm"),
    (Decimal("2.105"), "hai phẩy một trăm linh năm"),
    # -- strings in Vietnamese notation --
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("35,67", "ba mươi lăm phẩy sáu mươi bảy"),
    ("1.500.000,50", "một triệu năm trăm nghìn phẩy năm mươi"),
    ("-5", "âm năm"),
    ("2024", "hai nghìn không trăm hai mươi tư"),
]


@pytest.mark.parametrize(("value", "words"), READINGS)
def test_number_in_words(value, words):
    assert number_in_words(value) == words


@pytest.mark.parametrize(("value", "words"), READINGS)
def test_words_to_number_inverts_the_table(value, words):
    assert words_to_number(words) == parse_number(value)


def test_table_is_large_enough():
    assert len(READINGS) >= 60


# (value, options, reading): the regional variants.
VARIANTS = [
    (105, {"linh": "lẻ"}, "một trăm lẻ năm"),
    (2024, {"tu": "bốn"}, "hai nghìn không trăm hai mươi bốn"),
    (14, {"tu": "bốn"}, "mười bốn"),
    (25, {"lam": "nhăm"}, "hai mươi nhăm"),
    (15, {"lam": "nhăm"}, "mười lăm"),  # nhăm only after mươi
    (1500, {"nghin": "ngàn"}, "một ngàn năm trăm"),
    (3 * 10**9, {"ty": "tỉ"}, "ba tỉ"),
    (10**18, {"ty": "tỉ"}, "một tỉ tỉ"),
    (Decimal("3.14159"), {"fraction": "digits"}, "ba phẩy một bốn một năm chín"),
    (Decimal("0.050"), {"fraction": "digits"}, "không phẩy không năm không"),
    (
        1_024_005,
        {"linh": "lẻ", "tu": "bốn", "nghin": "ngàn"},
        "một triệu không trăm hai mươi bốn ngàn không trăm lẻ năm",
    ),
]


@pytest.mark.parametrize(("value", "options", "words"), VARIANTS)
def test_options(value, options, words):
    assert number_in_words(value, **options) == words
    assert words_to_number(words) == parse_number(value)


@pytest.mark.parametrize(
    ("value", "kwargs", "words"),
    [
        (1_500_000, {}, "Một triệu năm trăm nghìn đồng"),
        (1_500_000, {"chan": True}, "Một triệu năm trăm nghìn đồng chẵn"),
        ("1.500.000,00", {}, "Một triệu năm trăm nghìn đồng"),  # zero fraction is not read
        (Decimal("12.50"), {}, "Mười hai phẩy năm đồng"),
        (Decimal("12.50"), {"chan": True}, "Mười hai phẩy năm đồng"),  # not chẵn
        (0, {}, "Không đồng"),
        (-5, {}, "Âm năm đồng"),
        (100, {"currency": "đô la Mỹ"}, "Một trăm đô la Mỹ"),
        (2024, {"currency": None}, "Hai nghìn không trăm hai mươi tư"),
        (105_000, {"linh": "lẻ", "nghin": "ngàn"}, "Một trăm lẻ năm ngàn đồng"),
    ],
)
def test_amount_in_words(value, kwargs, words):
    assert amount_in_words(value, **kwargs) == words


@given(st.integers(min_value=-(10**24), max_value=10**24))
def test_round_trip_integers(n):
    assert words_to_number(number_in_words(n)) == n


@given(
    st.integers(min_value=0, max_value=10**24),
    st.sampled_from(["linh", "lẻ"]),
    st.sampled_from(["tư", "bốn"]),
    st.sampled_from(["lăm", "nhăm"]),
    st.sampled_from(["nghìn", "ngàn"]),
    st.sampled_from(["tỷ", "tỉ"]),
)
def test_round_trip_with_variants(n, linh, tu, lam, nghin, ty):
    words = number_in_words(n, linh=linh, tu=tu, lam=lam, nghin=nghin, ty=ty)
    assert words_to_number(words) == n


@given(
    st.integers(0, 12).flatmap(
        lambda places: st.decimals(min_value=-(10**24), max_value=10**24, places=places)
    ),
    st.sampled_from(["number", "digits"]),
)
def test_round_trip_decimals(d, fraction):
    back = words_to_number(number_in_words(d, fraction=fraction))
    assert back == d
    if d.as_tuple().exponent < 0:  # the fractional digits come back exactly, trailing zeros too
        assert back.as_tuple().exponent == d.as_tuple().exponent


@given(st.integers(0, 10**20), st.integers(1, 15), st.integers(0, 10**15))
def test_round_trip_decimals_with_leading_zeros(whole, places, frac):
    d = Decimal(f"{whole}.{str(frac % 10**places).zfill(places)}")
    back = words_to_number(number_in_words(d))
    assert back == d and str(back) == str(d)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Một triệu năm trăm nghìn đồng", 1_500_000),
        ("Bằng chữ: Hai triệu đồng chẵn./.", 2_000_000),
        ("hai nghìn lẻ hai mươi bốn", 2024),  # num2words' wording still reads
        ("một triệu hai nghìn", 1_002_000),  # inner group without "không trăm"
        ("hai mươi tư ngàn lẻ năm", 24_005),
        ("ba mươi nhăm", 35),
        ("một trăm nghìn tỷ", 10**14),
        ("MỘT TỶ TỶ", 10**18),
        ("bẩy mươi bẩy", 77),
        ("trừ năm", -5),
        ("không phẩy không năm", Decimal("0.05")),
        ("mo\u0323\u0302t tra\u0306m", 100),  # NFD input
    ],
)
def test_words_to_number_tolerance(text, number):
    assert words_to_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "đồng",
        "abc",
        "một nghìn hai nghìn",  # scale out of order
        "nghìn",  # nothing before the scale
        "hai mươi mười",
        "một phẩy",
        "phẩy năm",
        "một phẩy hai phẩy ba",
        "mười mươi",
        "năm trăm linh",
    ],
)
def test_words_to_number_rejects(text):
    with pytest.raises(InvalidNumberError) as info:
        words_to_number(text)
    assert info.value.code == "number.words"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (1.5, "number.float"),
        (1500000.0, "number.float"),
        (True, "number.type"),
        (None, "number.type"),
        ([1], "number.type"),
        ("abc", "number.format"),
        ("", "number.format"),
        ("1.5", "number.format"),  # a dot groups thousands in Vietnamese: refused, not guessed
        ("1,500,000", "number.format"),
        ("1.50.000", "number.format"),
        (Decimal("NaN"), "number.not_finite"),
        (Decimal("Infinity"), "number.not_finite"),
    ],
)
def test_number_in_words_rejects(value, code):
    with pytest.raises(InvalidNumberError) as info:
        number_in_words(value)
    assert info.value.code == code


def test_float_message_suggests_decimal_or_string():
    with pytest.raises(InvalidNumberError, match=r"Decimal\('1.5'\).*'1,5'"):
        amount_in_words(1.5)


def test_bad_option_value_and_unknown_option():
    with pytest.raises(InvalidNumberError) as info:
        number_in_words(105, linh="lẽ")
    assert info.value.code == "number.option"
    with pytest.raises(TypeError):
        number_in_words(105, mot="mốt")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1_500_000, "1.500.000"),
        ("35,67", "35,67"),
        (Decimal("-1234567.50"), "-1.234.567,50"),
        (999, "999"),
        (Decimal("1E+3"), "1.000"),
        (0, "0"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text
    assert parse_number(text) == parse_number(value)


# --------------------------------------------------------------------------------------------------
# num2words: untouched on import, corrected converter on request
# --------------------------------------------------------------------------------------------------


def test_import_does_not_patch_num2words():
    code = (
        "import num2words\n"
        "before = dict(num2words.CONVERTER_CLASSES)\n"
        "import congvan, congvan.vietnamese.numwords, congvan.vietnamese.dates\n"
        "import congvan.vietnamese.legacy, congvan.vietnamese.tone\n"
        "after = num2words.CONVERTER_CLASSES\n"
        "assert before.keys() == after.keys(), set(after) ^ set(before)\n"
        "assert all(before[k] is after[k] for k in before)\n"
        "assert type(after['vi']).__name__ == 'Num2Word_VI'\n"
        "print(num2words.num2words(2024, lang='vi'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "hai nghìn lẻ hai mươi bốn"  # upstream's reading, unchanged


@pytest.fixture
def registry(monkeypatch):
    """Give each test its own copy of num2words' registry, so registration does not leak."""
    monkeypatch.setattr(num2words, "CONVERTER_CLASSES", dict(num2words.CONVERTER_CLASSES))
    return num2words.CONVERTER_CLASSES


def test_register_num2words(registry):
    assert DEFAULT_LANG_CODE not in registry
    converter = register_num2words()
    assert registry[DEFAULT_LANG_CODE] is converter
    assert isinstance(converter, Num2Word_VI_CongVan)
    assert num2words.num2words(2024, lang="vi_VN") == "hai nghìn không trăm hai mươi tư"
    assert num2words.num2words(10**18, lang="vi_VN") == "một tỷ tỷ"
    assert num2words.num2words(-5, lang="vi_VN") == "âm năm"
    assert num2words.num2words("1.500.000", lang="vi_VN") == "một triệu năm trăm nghìn"
    assert num2words.num2words(1.1, lang="vi_VN") == "một phẩy một"  # float read as its repr
    assert num2words.num2words(1000, lang="vi_VN", to="currency") == "một nghìn đồng"
    assert num2words.num2words(4, lang="vi_VN", to="ordinal") == "thứ tư"
    assert num2words.num2words(2024, lang="vi_VN", to="year") == "hai nghìn không trăm hai mươi tư"
    assert num2words.num2words(3, lang="vi_VN", to="ordinal_num") == "thứ 3"
    assert num2words.num2words(2024, lang="vi") == "hai nghìn lẻ hai mươi bốn"  # "vi" untouched
    with pytest.raises(NotImplementedError):
        num2words.num2words(1, lang="vi_VN", to="currency", currency="XYZ")


def test_register_with_options_and_own_code(registry):
    register_num2words("vi_south", linh="lẻ", nghin="ngàn", tu="bốn")
    assert num2words.num2words(24_105, lang="vi_south") == "hai mươi bốn ngàn một trăm lẻ năm"
    assert num2words.num2words(14, lang="vi_south", to="ordinal") == "thứ mười bốn"


def test_register_refuses_to_take_over_vi_unless_asked(registry):
    upstream = registry["vi"]
    with pytest.raises(InvalidNumberError) as info:
        register_num2words("vi")
    assert info.value.code == "number.register"
    assert registry["vi"] is upstream
    register_num2words("vi", replace=True)
    assert num2words.num2words(1050, lang="vi") == "một nghìn không trăm năm mươi"


# --------------------------------------------------------------------------------------------------
# SoTien: the model field type
# --------------------------------------------------------------------------------------------------


class HopDong(BaseModel):
    so_tien: SoTien


@pytest.mark.parametrize(
    ("raw", "amount"),
    [
        (1_500_000, Decimal(1_500_000)),
        ("1.500.000", Decimal(1_500_000)),
        ("35,67", Decimal("35.67")),
        (Decimal("2000000.00"), Decimal(2_000_000)),
    ],
)
def test_so_tien_accepts(raw, amount):
    m = HopDong(so_tien=raw)
    assert isinstance(m.so_tien, SoTien)
    assert m.so_tien == amount


def test_so_tien_renders_digits_and_words():
    m = HopDong(so_tien="1.500.000")
    assert format_so_tien(m.so_tien) == "1.500.000 đồng (Bằng chữ: Một triệu năm trăm nghìn đồng)"
    assert m.so_tien.chu_so == "1.500.000 đồng"
    assert m.so_tien.bang_chu == "Một triệu năm trăm nghìn đồng"
    assert format_so_tien("35,67") == "35,67 đồng (Bằng chữ: Ba mươi lăm phẩy sáu mươi bảy đồng)"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (1500000.0, "number.float"),
        ("abc", "number.format"),
        (True, "number.type"),
        (-5, "number.negative"),
        ("{x}", "number.format"),  # braces in the value must not break the message
    ],
)
def test_so_tien_rejects_with_stable_code(raw, code):
    with pytest.raises(ValidationError) as info:
        HopDong(so_tien=raw)
    (error,) = info.value.errors()
    assert error["type"] == code
    assert error["loc"] == ("so_tien",)


def test_so_tien_json_round_trip():
    for raw in (1_500_000, "35,67"):
        m = HopDong(so_tien=raw)
        data = m.model_dump_json()
        assert HopDong.model_validate_json(data) == m
    assert json.loads(HopDong(so_tien="1.500.000").model_dump_json()) == {"so_tien": 1500000}
    assert json.loads(HopDong(so_tien="35,67").model_dump_json()) == {"so_tien": "35,67"}
    assert "so_tien" in HopDong.model_json_schema()["properties"]


def test_so_tien_direct_construction():
    assert SoTien("1.500.000") == 1_500_000
    assert repr(SoTien(5)) == "SoTien('5')"
    with pytest.raises(InvalidNumberError):
        SoTien(0.5)
