"""TCVN3 and VNI text made independently of congvan's tables: detected, and converted back exactly.

The encoders below are written here from the published tables, not from
``congvan.vietnamese.legacy``:

- TCVN3: TCVN 5712:1993, table VN3 (the ABC ".Vn…" fonts), as laid out in the keyboard driver
  xvnkb (Dao Hai Lam, VISC, 2002; file ``tcvn.h``, public repository lamdao/xvnkb): for each vowel
  its byte with no tone, then sắc, huyền, hỏi, ngã, nặng. Only lower-case letters with a tone have a
  code; an upper-case one is typed with an "H" font (".VnTimeH"), which draws the lower-case code as
  a capital.
- VNI-Windows: xvnkb's ``vni.h``: a letter is its base letter followed by one mark character (the
  same order of tones), with single characters for ơ ư đ and for i with a tone and ỵ.

The text is real: the paragraphs of Decree 30 and of its appendices (tests/fixtures/legacy/).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from congvan.vietnamese.legacy import detect_legacy_encoding, legacy_to_unicode

FIXTURES = Path(__file__).parent / "fixtures" / "legacy"

# -- tones in the tables' order: none, sắc, huyền, hỏi, ngã, nặng --
TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]

# -- TCVN3 (VN3): vowel → its six bytes; and the letters with a code of their own --
_TCVN3_ROWS = {
    "a": "61 B8 B5 B6 B7 B9", "ă": "A8 BE BB BC BD C6", "â": "A9 CA C7 C8 C9 CB",
    "e": "65 D0 CC CE CF D1", "ê": "AA D5 D2 D3 D4 D6", "i": "69 DD D7 D8 DC DE",
    "o": "6F E3 DF E1 E2 E4", "ô": "AB E8 E5 E6 E7 E9", "ơ": "AC ED EA EB EC EE",
    "u": "75 F3 EF F1 F2 F4", "ư": "AD F8 F5 F6 F7 F9", "y": "79 FD FA FB FC FE",
}  # fmt: skip
TCVN3_ENCODE = {"đ": "\xae", "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5",
                "Ư": "\xa6", "Đ": "\xa7"}  # fmt: skip
for _vowel, _row in _TCVN3_ROWS.items():
    for _tone, _code in zip(TONES, _row.split(), strict=True):
        TCVN3_ENCODE[unicodedata.normalize("NFC", _vowel + _tone)] = chr(int(_code, 16))

# -- VNI-Windows: shape (none, ^, breve) → the six mark characters; single characters --
_VNI_MARKS = {"": " ù ø û õ ï", "\u0302": "â á à å ã ä", "\u0306": "ê é è ú ü ë"}
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò",
               "ỵ": "î"}  # fmt: skip


def tcvn3(text: str) -> str:
    """Return `text` in TCVN3; an upper-case letter with a tone takes the lower-case code."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        elif ch.lower() != ch and not ch.isascii() and ch.lower() in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch.lower()])  # what an H font shows as a capital
        else:
            out.append(ch)
    return "".join(out)


def vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        low = ch.lower()
        if low in _VNI_SINGLE:
            single = _VNI_SINGLE[low]
            out.append(single.upper() if ch.isupper() else single)
            continue
        nfd = unicodedata.normalize("NFD", low)
        tone = next((m for m in nfd if m in TONES[1:]), "")
        shape = next((m for m in nfd if m in "\u0302\u0306\u031b"), "")
        base = nfd[0]
        if shape == "\u031b":  # the horn: ơ, ư have single characters, then a tone mark
            base, shape = _VNI_SINGLE[unicodedata.normalize("NFC", base + shape)], ""
        if not tone and not shape and base == low:
            out.append(ch)
            continue
        mark = _VNI_MARKS[shape].split(" ")[TONES.index(tone)]
        if ch.isupper():
            base, mark = base.upper(), mark.upper()
        out.append(base + mark)
    return "".join(out)


def test_the_independent_encoders_on_the_well_known_lines():
    assert tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam") == "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    assert tcvn3("Độc lập - Tự do - Hạnh phúc") == "§éc lËp - Tù do - H¹nh phóc"
    assert vni("Cộng hòa xã hội chủ nghĩa Việt Nam") == "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
    assert vni("ĐỘC LẬP - TỰ DO") == "ÑOÄC LAÄP - TÖÏ DO"
    assert vni("Người ký") == "Ngöôøi kyù"


# --------------------------------------------------------------------------------------------------
# Real paragraphs, encoded
# --------------------------------------------------------------------------------------------------


def _paragraphs() -> list[str]:
    out = []
    for name in ("decree30.md", "phuluc1.txt", "phuluc3.txt"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            if sum(ch.isalpha() for ch in block) >= 12:
                out.append(block)
    return out


def _vietnamese(text: str) -> bool:
    """Return True for a paragraph mostly in Vietnamese: three words with diacritics or more, and
    at least half of its words (decree30.md is a paraphrase in English with Vietnamese terms)."""
    words = re.findall(r"[^\W\d_]+", text)
    marked = [w for w in words if not w.isascii()]
    return len(marked) >= 3 and 2 * len(marked) >= len(words)


def _writable(text: str) -> bool:
    """Return False when `text` has a Latin-1 sign or letter that is no Vietnamese letter ("§",
    "«", "ü"): the old encodings use those codes for letters ("§" is TCVN3's Đ)."""
    return all(ch.lower() in "àáâãèéêìíòóôõùúý" for ch in text if "\xa1" <= ch <= "\xff")


PARAGRAPHS = [p for p in _paragraphs() if _vietnamese(p)]
_TONED_CAPITAL = re.compile("[ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]")


def test_there_are_many_paragraphs():
    assert len(PARAGRAPHS) > 200


@pytest.mark.parametrize(("name", "encode"), [("vni", vni), ("tcvn3", tcvn3)])
def test_real_paragraphs_are_detected_and_converted_back_exactly(name, encode):
    tried = 0
    for paragraph in PARAGRAPHS:
        if name == "tcvn3" and _TONED_CAPITAL.search(paragraph):
            continue  # TCVN3 has no code for it: see the H-font test below
        legacy = encode(paragraph)
        if not _writable(paragraph):
            continue
        tried += 1
        assert detect_legacy_encoding(legacy) == name, (paragraph, legacy)
        assert legacy_to_unicode(legacy) == paragraph, paragraph
        assert legacy_to_unicode(legacy, name) == paragraph, paragraph
    assert tried > 100


def test_upper_case_lines_from_an_h_font():
    # -- all-capital lines of the decree, typed in .VnTimeH: lower-case codes drawn as capitals --
    lines = {" ".join(line.split()) for p in ("phuluc1.txt", "phuluc3.txt")
             for line in (FIXTURES / p).read_text(encoding="utf-8").splitlines()}
    capitals = [line for line in lines if line.isupper() and _TONED_CAPITAL.search(line)
                and sum(ch.isalpha() for ch in line) >= 8]
    assert len(capitals) > 20
    for line in capitals:
        legacy = tcvn3(line)
        assert detect_legacy_encoding(legacy) == "tcvn3", line
        assert legacy_to_unicode(legacy) == line


@pytest.mark.parametrize(
    "text",
    [
        "báo cáo tình hình",
        "Thông báo kết quả",
        "Tuyên Quang",
        "Thông cáo báo chí",
        "Ủy ban nhân dân tỉnh Tuyên Quang",
        "Số 05/QĐ-UBND về việc báo cáo",
    ],
)
@pytest.mark.parametrize(("name", "encode"), [("vni", vni), ("tcvn3", tcvn3)])
def test_short_texts_encoded(text, name, encode):
    legacy = encode(text)
    assert detect_legacy_encoding(legacy) == name
    expected = text if name == "vni" else text.replace("Ủy", "ủy")  # no capital Ủ in TCVN3
    assert legacy_to_unicode(legacy) == expected


def test_a_legacy_phrase_inside_unicode_text_is_converted_alone():
    unicode_part = "Căn cứ Thông báo số 12, Sở Nội vụ"
    text = f"{unicode_part} {tcvn3('báo cáo tình hình thực hiện')}"
    assert detect_legacy_encoding(text) == "tcvn3"
    assert detect_legacy_encoding(text, whole=True) is None  # mixed: not legacy as a whole
    assert legacy_to_unicode(text) == f"{unicode_part} báo cáo tình hình thực hiện"
