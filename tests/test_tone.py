"""Tests for congvan.vietnamese.tone: reporting and converting old/new tone placement."""

from __future__ import annotations

import unicodedata

import pytest

from congvan.vietnamese.tone import (
    ToneFinding,
    is_vietnamese_syllable,
    set_tone_style,
    tone_placement_report,
    tone_style,
)

# (word, its style, the same word in the other style)
STYLED = [
    ("hòa", "old", "hoà"),
    ("hoà", "new", "hòa"),
    ("thủy", "old", "thuỷ"),
    ("thuỷ", "new", "thủy"),
    ("khỏe", "old", "khoẻ"),
    ("khoẻ", "new", "khỏe"),
    ("xòe", "old", "xoè"),
    ("Ủy", "old", "Uỷ"),  # "Ủy ban": the capital keeps its case when the mark moves
    ("Uỷ", "new", "Ủy"),
    ("HÒA", "old", "HOÀ"),
    ("tụy", "old", "tuỵ"),
    ("lòa", "old", "loà"),
]


@pytest.mark.parametrize(("word", "style", "other"), STYLED)
def test_styled_words(word, style, other):
    expected = ToneFinding(word, 2, 2 + len(word), style, other)
    assert tone_placement_report(f"x {word} y") == [expected]


@pytest.mark.parametrize(
    "word",
    [
        "hoa",  # no tone: nothing to place
        "hoàng",  # final consonant: the same in both styles
        "toán",
        "huỳnh",
        "quý",  # qu is the initial
        "quả",
        "thuế",  # uê: always on ê
        "thuở",
        "ngoài",  # triphthongs: always on the middle vowel
        "khuya",
        "thuyền",
        "mùa",
        "giá",
        "của",
        "Việt",
    ],
)
def test_words_without_a_style(word):
    assert tone_placement_report(word) == []


def test_report_does_not_change_the_text_and_gives_offsets_into_it():
    text = "Cộng hòa xã hội; sức khoẻ và thủy lợi."
    findings = tone_placement_report(text)
    assert [(f.word, f.style) for f in findings] == [
        ("hòa", "old"),
        ("khoẻ", "new"),
        ("thủy", "old"),
    ]
    assert all(text[f.start : f.end] == f.word for f in findings)


def test_report_on_nfd_text_uses_the_text_offsets():
    text = unicodedata.normalize("NFD", "Cộng hoà")
    (finding,) = tone_placement_report(text)
    assert text[finding.start : finding.end] == finding.word
    assert finding.style == "new" and finding.other == "hòa"


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("Cộng hòa, thủy lợi", "old"),
        ("Cộng hoà, thuỷ lợi", "new"),
        ("Cộng hòa, thuỷ lợi", "mixed"),
        ("Hoàng Sa, Trường Sa", None),
        ("", None),
    ],
)
def test_tone_style(text, style):
    assert tone_style(text) == style


def test_set_tone_style_both_ways():
    old = "Ủy ban nhân dân tỉnh Khánh Hòa; sức khỏe, thủy lợi, hoàng hôn."
    new = "Uỷ ban nhân dân tỉnh Khánh Hoà; sức khoẻ, thuỷ lợi, hoàng hôn."
    assert set_tone_style(old, "new") == new
    assert set_tone_style(new, "old") == old
    assert set_tone_style(old, "old") == old  # already in style: unchanged


def test_set_tone_style_leaves_other_text_untouched():
    nfd_rest = unicodedata.normalize("NFD", "Việt Nam")
    text = f"hoà {nfd_rest}"
    assert set_tone_style(text, "old") == f"hòa {nfd_rest}"


def test_set_tone_style_rejects_unknown_style():
    with pytest.raises(ValueError):
        set_tone_style("hoà", "modern")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "ok"),
    [
        ("nghiêng", True),
        ("Quý", True),
        ("gì", True),
        ("khuỷu", True),
        ("ĐƯỜNG", True),
        ("coọng", False),  # "oo" is left out on purpose
        ("café", False),
        ("hoứa", False),
        ("xaừ", False),
        ("tiê", False),  # iê needs a final consonant
        ("aó", False),
        ("hóà", False),  # two tone marks
        ("", False),
    ],
)
def test_is_vietnamese_syllable(word, ok):
    assert is_vietnamese_syllable(word) is ok
