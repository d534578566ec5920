"""Legacy Vietnamese encodings (bảng mã cũ) to Unicode: TCVN3 (ABC) and VNI-Windows.

Before Unicode became the standard (TCVN 6909:2001, required by Decree 30), Vietnamese offices typed
with 8-bit fonts: the ".Vn…" fonts of the ABC keyboard (encoding TCVN3, TCVN 5712:1993 table VN3)
and the "VNI-…" fonts (VNI-Windows). Their files still circulate, and text pasted from them arrives
in Unicode as Latin-1 look-alikes: TCVN3 "Céng hoµ x· héi chñ nghÜa ViÖt Nam", VNI "Coäng hoøa xaõ
hoäi chuû nghóa Vieät Nam". This module converts such text, and detects which encoding it is in.

- **TCVN3** gives one byte to each lower-case letter with diacritics (67) and to the seven
  upper-case letters Ă Â Ê Ô Ơ Ư Đ. Upper-case letters with a tone have no code: the
  ".VnTimeH"-style fonts (name ending in H) draw the lower-case codes as capitals. Text from those
  fonts therefore converts to lower-case letters inside upper-case words ("CộNG HOà");
  ``uppercase=None`` (the default) upper-cases such words, ``uppercase=True`` the whole text
  (everything came from an H font), and ``uppercase=False`` leaves the letters as coded.
- **VNI-Windows** writes a letter with diacritics as the base letter followed by a mark character
  (``o`` + ``ä`` = ộ), with single characters for ơ ư đ and for i and ỵ with tones; upper-case
  letters use upper-case marks. All 134 letters have a spelling.

The tables below are data. Sources: TCVN 5712:1993 (table VN3, the ABC fonts) and the VNI-Windows
font layout, cross-checked against two independent public converter tables; both agree with the
well-known sample lines above, which the tests convert exactly.

>>> legacy_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
'Cộng hoà xã hội chủ nghĩa Việt Nam'
>>> legacy_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc")
'Độc lập - Tự do - Hạnh phúc'
>>> detect_legacy_encoding("Uû ban nh©n d©n"), detect_legacy_encoding("Ủy ban nhân dân")
('tcvn3', None)
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .errors import LegacyEncodingError
from .text import upper
from .tone import is_vietnamese_syllable

__all__ = [
    "LegacyEncodingError",
    "detect_legacy_encoding",
    "legacy_to_unicode",
    "unicode_to_legacy",
]

Encoding = Literal["tcvn3", "vni"]


# --------------------------------------------------------------------------------------------------
# TCVN3 (ABC): byte (as the Latin-1 character Word shows) → letter
# --------------------------------------------------------------------------------------------------

_TCVN3_TABLE = """
B5 à  B8 á  B6 ả  B7 ã  B9 ạ
A8 ă  BB ằ  BE ắ  BC ẳ  BD ẵ  C6 ặ
A9 â  C7 ầ  CA ấ  C8 ẩ  C9 ẫ  CB ậ
CC è  D0 é  CE ẻ  CF ẽ  D1 ẹ
AA ê  D2 ề  D5 ế  D3 ể  D4 ễ  D6 ệ
D7 ì  DD í  D8 ỉ  DC ĩ  DE ị
DF ò  E3 ó  E1 ỏ  E2 õ  E4 ọ
AB ô  E5 ồ  E8 ố  E6 ổ  E7 ỗ  E9 ộ
AC ơ  EA ờ  ED ớ  EB ở  EC ỡ  EE ợ
EF ù  F3 ú  F1 ủ  F2 ũ  F4 ụ
AD ư  F5 ừ  F8 ứ  F6 ử  F7 ữ  F9 ự
FA ỳ  FD ý  FB ỷ  FC ỹ  FE ỵ
AE đ
A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ
"""

TCVN3: dict[str, str] = {
    chr(int(code, 16)): letter for code, letter in zip(*[iter(_TCVN3_TABLE.split())] * 2)
}

# --------------------------------------------------------------------------------------------------
# VNI-Windows: single characters, and the marks that follow a base letter
# --------------------------------------------------------------------------------------------------

#: Characters that stand for a whole letter (lower case; upper case is the Latin-1 upper case).
_VNI_LETTERS_LOWER = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip

# -- combining marks of NFD: tone marks, and the shapes circumflex and breve --
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"

#: Mark character (lower case) → (shape mark, tone mark); upper-case marks are their Latin-1
#: upper case.
_VNI_MARKS_LOWER = {
    "ù": ("", _ACUTE), "ø": ("", _GRAVE), "û": ("", _HOOK), "õ": ("", _TILDE), "ï": ("", _DOT),
    "â": (_CIRCUMFLEX, ""), "á": (_CIRCUMFLEX, _ACUTE), "à": (_CIRCUMFLEX, _GRAVE),
    "å": (_CIRCUMFLEX, _HOOK), "ã": (_CIRCUMFLEX, _TILDE), "ä": (_CIRCUMFLEX, _DOT),
    "ê": (_BREVE, ""), "é": (_BREVE, _ACUTE), "è": (_BREVE, _GRAVE),
    "ú": (_BREVE, _HOOK), "ü": (_BREVE, _TILDE), "ë": (_BREVE, _DOT),
}  # fmt: skip

VNI_LETTERS = {
    **_VNI_LETTERS_LOWER,
    **{k.upper(): v.upper() for k, v in _VNI_LETTERS_LOWER.items()},
}
VNI_MARKS = {**_VNI_MARKS_LOWER, **{k.upper(): v for k, v in _VNI_MARKS_LOWER.items()}}

#: Which base letters each kind of mark attaches to (lower case).
_TAKES = {_CIRCUMFLEX: set("aeo"), _BREVE: set("a"), "": set("aeiouyơư")}


def _tcvn3_to_unicode(text: str) -> str:
    return "".join(TCVN3.get(ch, ch) for ch in text)


def _vni_to_unicode(text: str) -> str:
    out: list[str] = []
    for ch in text:
        mark = VNI_MARKS.get(ch)
        if mark and out:
            shape, tone = mark
            base = unicodedata.normalize("NFD", out[-1])
            already = any(m in base[1:] for m in (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT))
            if not already and not (shape and len(base) > 1) and out[-1].lower() in _TAKES[shape]:
                out[-1] = unicodedata.normalize("NFC", out[-1] + shape + tone)
                continue
        out.append(VNI_LETTERS.get(ch, ch))
    return "".join(out)


_DECODERS = {"tcvn3": _tcvn3_to_unicode, "vni": _vni_to_unicode}
_ALIASES = {"tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vni": "vni", "vni-windows": "vni"}


def _encoding(name: str) -> Encoding:
    try:
        return _ALIASES[name.lower()]  # type: ignore[return-value]
    except KeyError:
        raise LegacyEncodingError(
            "legacy.encoding",
            f"không biết bảng mã {name!r}; chỉ nhận {sorted(_ALIASES)} (unknown legacy encoding)",
        ) from None


# --------------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------------

# -- letters with diacritics beyond Latin-1: their presence means the text is already Unicode --
_UNICODE_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_LEGACY_CHAR = re.compile("[\u00a0-\u00ff]")
_TOKEN = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")


def detect_legacy_encoding(text: str) -> Encoding | None:
    """Return "tcvn3" or "vni" when `text` reads as Vietnamese in that encoding, else None.

    Each word holding a Latin-1 letter is decoded both ways; the encoding under which more of those
    words become Vietnamese syllables wins, if at least half of them do. Text that already holds
    Vietnamese Unicode letters, plain ASCII, and Western text ("café", "Müller") give None.

    >>> detect_legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_legacy_encoding("Café Müller"), detect_legacy_encoding("Hanoi")
    (None, None)
    """
    if _UNICODE_VIETNAMESE.search(text):
        return None
    words = [w for w in _TOKEN.findall(text) if _LEGACY_CHAR.search(w)]
    if not words:
        return None
    scores = {
        name: sum(is_vietnamese_syllable(decode(w)) for w in words)
        for name, decode in _DECODERS.items()
    }
    best = max(scores, key=lambda name: scores[name])
    other = min(scores, key=lambda name: scores[name])
    if scores[best] > scores[other] and 2 * scores[best] >= len(words):
        return best  # type: ignore[return-value]
    return None


# --------------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")


def _upper_h_font_words(text: str) -> str:
    """Return `text` with what was set in a TCVN3 H font upper-cased: "CộNG HOà Xã" → "CỘNG HOÀ XÃ".

    The tell is lower case only among the toned letters the H font drew as capitals. A line with
    two or more capitals and no lower-case letter besides those is upper-cased whole; elsewhere a
    word is, under the same test ("Xã", one capital, is left alone: it may begin a sentence).
    """

    def is_h_font(chunk: str) -> bool:
        capitals = sum(ch.isupper() for ch in chunk)
        lower = [ch for ch in chunk if ch.islower()]
        return capitals >= 2 and bool(lower) and all(ch in _TCVN3_LOWER_LETTERS for ch in lower)

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if is_h_font(line):
            lines[i] = upper(line)
        else:
            lines[i] = _WORD.sub(lambda m: upper(m[0]) if is_h_font(m[0]) else m[0], line)
    return "\n".join(lines)


_TCVN3_LOWER_LETTERS = {letter for letter in TCVN3.values() if letter.islower()}


def legacy_to_unicode(
    text: str, encoding: str | None = None, *, uppercase: bool | None = None
) -> str:
    """Return `text` converted from TCVN3 or VNI-Windows to Unicode (NFC).

    `encoding` is "tcvn3" (also "abc", "tcvn") or "vni" (also "vni-windows"); None detects it with
    :func:`detect_legacy_encoding`, and text in which no encoding is detected comes back unchanged.
    `uppercase` matters for TCVN3 only (see the module docstring): None upper-cases the words that
    came from an H font, True the whole text, False nothing.

    >>> legacy_to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM")
    'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> legacy_to_unicode("Uû ban nh©n d©n tØnh", "tcvn3", uppercase=True)
    'UỶ BAN NHÂN DÂN TỈNH'
    """
    name = _encoding(encoding) if encoding else detect_legacy_encoding(text)
    if name is None:
        return text
    result = unicodedata.normalize("NFC", _DECODERS[name](text))
    if name == "tcvn3" and uppercase is not False:
        result = upper(result) if uppercase else _upper_h_font_words(result)
    return result


# --------------------------------------------------------------------------------------------------
# Encoding (the inverse): for tests, and for feeding old systems
# --------------------------------------------------------------------------------------------------

_TCVN3_ENCODE = {letter: code for code, letter in TCVN3.items()}
_VNI_LETTERS_ENCODE = {letter: code for code, letter in VNI_LETTERS.items()}
_VNI_MARKS_ENCODE = {(v, k.isupper()): k for k, v in VNI_MARKS.items()}


def _vni_encode_letter(letter: str) -> str:
    if letter in _VNI_LETTERS_ENCODE:
        return _VNI_LETTERS_ENCODE[letter]
    nfd = unicodedata.normalize("NFD", letter)
    tone = next((m for m in nfd if m in (_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT)), "")
    shape = next((m for m in nfd if m in (_CIRCUMFLEX, _BREVE)), "")
    base = unicodedata.normalize("NFC", "".join(m for m in nfd if m not in (tone, shape)))
    if base == letter:  # no VNI mark involved (ASCII, or not Vietnamese)
        return letter
    head = _VNI_LETTERS_ENCODE.get(base, base)  # ơ, ư keep their single character
    return head + _VNI_MARKS_ENCODE[((shape, tone), letter.isupper())]


def unicode_to_legacy(text: str, encoding: str) -> str:
    """Return `text` (Unicode) written in TCVN3 or VNI-Windows, as the old fonts expect.

    TCVN3 has no code for upper-case letters with a tone (they come from H fonts); asking for one
    raises :class:`LegacyEncodingError` with code ``legacy.unencodable``.

    >>> unicode_to_legacy("Việt Nam", "vni"), unicode_to_legacy("Việt Nam", "tcvn3")
    ('Vieät Nam', 'ViÖt Nam')
    """
    text = unicodedata.normalize("NFC", text)
    if _encoding(encoding) == "vni":
        return "".join(_vni_encode_letter(ch) for ch in text)
    out = []
    for ch in text:
        if ch in _TCVN3_ENCODE:
            out.append(_TCVN3_ENCODE[ch])
        elif ch.isascii() or not unicodedata.normalize("NFD", ch)[1:]:
            out.append(ch)
        else:
            raise LegacyEncodingError(
                "legacy.unencodable",
                f"bảng mã TCVN3 không có chữ {ch!r} (TCVN3 cannot write this letter; "
                f"upper-case toned letters need an H font)",
            )
    return "".join(out)
