"""Tests for congvan.vietnamese.legacy: TCVN3 (ABC) and VNI-Windows to Unicode, with detection."""

from __future__ import annotations

import unicodedata

import pytest

from congvan.vietnamese.legacy import (
    TCVN3,
    LegacyEncodingError,
    detect_legacy_encoding,
    legacy_to_unicode,
    unicode_to_legacy,
)

_VOWELS = "aăâeêioôơuưy"
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LOWER = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} - set("aeiouy") | {"đ"}
)
#: The 134 Vietnamese letters with diacritics, lower and upper case.
LETTERS = LOWER + [ch.upper() for ch in LOWER]


def test_there_are_134_letters():
    assert len(LOWER) == 67 and len(set(LETTERS)) == 134


# --------------------------------------------------------------------------------------------------
# Hand-written legacy strings, as they arrive when pasted from old files
# --------------------------------------------------------------------------------------------------

TCVN3_SAMPLES = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),  # ư is 0xAD, the soft hyphen of Latin-1
    ("Ninh B×nh", "Ninh Bình"),
    ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),  # Ủ has no code: typists wrote U + ỷ
    ("QuyÕt ®Þnh sè 05/Q§-UBND", "Quyết định số 05/QĐ-UBND"),
]

VNI_SAMPLES = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("UÛY BAN NHAÂN DAÂN TÆNH", "ỦY BAN NHÂN DÂN TỈNH"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Quyeát ñònh soá 05/QÑ-UBND", "Quyết định số 05/QĐ-UBND"),
    ("Ngöôøi kyù", "Người ký"),
]


@pytest.mark.parametrize(("legacy", "expected"), TCVN3_SAMPLES)
def test_tcvn3_samples(legacy, expected):
    assert legacy_to_unicode(legacy, "tcvn3") == expected
    assert legacy_to_unicode(legacy) == expected  # detected
    assert detect_legacy_encoding(legacy) == "tcvn3"


@pytest.mark.parametrize(("legacy", "expected"), VNI_SAMPLES)
def test_vni_samples(legacy, expected):
    assert legacy_to_unicode(legacy, "vni") == expected
    assert legacy_to_unicode(legacy) == expected
    assert detect_legacy_encoding(legacy) == "vni"


# --------------------------------------------------------------------------------------------------
# The tables: complete, and the inverse gives back every letter
# --------------------------------------------------------------------------------------------------


def test_tcvn3_table_is_complete():
    # -- 67 lower-case letters and the 7 upper-case letters without tone, each on its own code --
    assert len(TCVN3) == 74 and len(set(TCVN3.values())) == 74
    assert set(TCVN3.values()) == set(LOWER) | set("ĂÂÊÔƠƯĐ")
    assert all(0xA1 <= ord(code) <= 0xFE for code in TCVN3)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter):
    encoded = unicode_to_legacy(letter, "vni")
    assert all(ord(ch) <= 0xFF for ch in encoded)
    assert legacy_to_unicode(encoded, "vni") == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_tcvn3_can_write_round_trips(letter):
    if letter in TCVN3.values():
        encoded = unicode_to_legacy(letter, "tcvn3")
        assert len(encoded) == 1 and legacy_to_unicode(encoded, "tcvn3", uppercase=False) == letter
    else:  # upper-case letters with a tone: only the H fonts draw them
        with pytest.raises(LegacyEncodingError) as info:
            unicode_to_legacy(letter, "tcvn3")
        assert info.value.code == "legacy.unencodable"


PARAGRAPH = (
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
    "về công tác văn thư;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ,\n"
    "Điều 1. Phê duyệt kế hoạch thực hiện năm 2024 với tổng kinh phí là 1.500.000 đồng "
    "(Bằng chữ: Một triệu năm trăm nghìn đồng), bảo đảm tiết kiệm, hiệu quả, khoẻ mạnh, "
    "đúng hướng.\n"
    "Nơi nhận: - Như Điều 3; - Lưu: VT, TCCB."
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_paragraph_round_trips_with_detection(encoding):
    legacy = unicode_to_legacy(PARAGRAPH, encoding)
    assert legacy != PARAGRAPH
    assert detect_legacy_encoding(legacy) == encoding
    assert legacy_to_unicode(legacy) == PARAGRAPH


def test_vni_upper_case_paragraph():
    text = "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert legacy_to_unicode(unicode_to_legacy(text, "vni")) == text


def test_nfd_input_is_encoded_like_nfc():
    text = unicodedata.normalize("NFD", "Việt Nam")
    assert unicode_to_legacy(text, "vni") == "Vieät Nam"


# --------------------------------------------------------------------------------------------------
# TCVN3 H fonts (.VnTimeH): lower-case codes drawn as capitals
# --------------------------------------------------------------------------------------------------


def test_h_font_line_is_upper_cased():
    h_font = "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"
    assert legacy_to_unicode(h_font) == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert legacy_to_unicode(h_font, uppercase=False) == "CộNG HOà Xã HộI CHủ NGHĩA VIệT NAM"


def test_h_font_words_inside_ordinary_text():
    text = "Uû ban nh©n d©n tØnh\nQUYÕT §ÞNH\nX· héi"
    assert legacy_to_unicode(text, "tcvn3") == "Uỷ ban nhân dân tỉnh\nQUYẾT ĐỊNH\nXã hội"


def test_uppercase_true_upper_cases_everything():
    assert legacy_to_unicode("X· héi", "tcvn3", uppercase=True) == "XÃ HỘI"


# --------------------------------------------------------------------------------------------------
# Detection and errors
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hanoi 2024",  # plain ASCII
        "Cộng hòa xã hội chủ nghĩa Việt Nam",  # already Unicode
        "Café Müller, naïve façade",  # Western text
        "Giá: 1.500.000 € — «trích»",
    ],
)
def test_not_legacy(text):
    assert detect_legacy_encoding(text) is None
    assert legacy_to_unicode(text) == text  # nothing detected: returned unchanged


def test_unknown_encoding():
    with pytest.raises(LegacyEncodingError) as info:
        legacy_to_unicode("abc", "viscii")
    assert info.value.code == "legacy.encoding"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("alias", ["ABC", "tcvn", "TCVN3"])
def test_encoding_aliases(alias):
    assert legacy_to_unicode("ViÖt Nam", alias) == "Việt Nam"


# --------------------------------------------------------------------------------------------------
# Issue 8: ordinary Unicode Vietnamese was taken for VNI ("báo cáo"), and "Thông" became "Thơng"
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["báo cáo", "báo cáo tình hình", "thông báo", "Tuyên Quang", "Thông cáo", "THÔNG BÁO"]
)
def test_unicode_vietnamese_is_not_legacy(text):
    assert detect_legacy_encoding(text) is None
    assert legacy_to_unicode(text) == text


def test_expected_encoding_and_whole_text():
    assert detect_legacy_encoding("b¸o c¸o", expected="tcvn3") == "tcvn3"
    assert detect_legacy_encoding("b¸o c¸o", expected="vni") is None
    mixed = "Sở Nội vụ b¸o c¸o t×nh h×nh"
    assert detect_legacy_encoding(mixed) == "tcvn3"
    assert detect_legacy_encoding(mixed, whole=True) is None
    assert detect_legacy_encoding("b¸o c¸o t×nh h×nh", whole=True) == "tcvn3"
    with pytest.raises(LegacyEncodingError) as info:
        detect_legacy_encoding("b¸o", expected="viscii")
    assert info.value.code == "legacy.encoding"


def test_words_already_unicode_are_never_decoded():
    # -- "việc" holds ệ, which no legacy font has: even a caller sure of the encoding keeps it --
    assert legacy_to_unicode("viÖc vµ việc", "tcvn3") == "việc và việc"
    assert legacy_to_unicode("Thông cáo: b¸o c¸o") == "Thông cáo: báo cáo"


def test_a_text_read_both_ways_is_left_as_it_is():
    # -- "Sè" is TCVN3 for "Số", and also a Unicode syllable: nothing tells them apart --
    assert detect_legacy_encoding("Sè") is None and legacy_to_unicode("Sè") == "Sè"
