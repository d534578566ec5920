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

**Detection** judges whole words, by the syllable rules of :mod:`congvan.vietnamese.syllables`
(onset, glide,
nucleus, coda, tone, and which tones a stop coda allows). Every legacy code is a Latin-1
character, and so are á, à, ô, ê … of ordinary Unicode Vietnamese, so a character alone proves
nothing: "báo" is Unicode, and also VNI for "báo" and TCVN3 for "bỏo". A word is evidence for an
encoding when it is no syllable as it stands and decoding it gives one ("b¸o" → "báo"); evidence
against, when it is a syllable only as it stands ("báo" → TCVN3 "bỏo"), or holds a letter beyond
Latin-1 ("việc", which no legacy font can hold), and a word that is a syllable both ways
("Thông", VNI "Thơng") decides nothing. A text is legacy when it has such evidence for and
enough of it against what speaks against (see :func:`detect_legacy_encoding`); otherwise it is
Unicode and every function here leaves it alone. So "báo cáo", "Thông cáo" and every syllable
Vietnamese allows are never taken for legacy text; a legacy text whose every word is also a
syllable as it stands ("Sè", TCVN3 for "Số") cannot be told from Unicode, and is left as it is.

>>> legacy_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
'Cộng hoà xã hội chủ nghĩa Việt Nam'
>>> legacy_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc")
'Độc lập - Tự do - Hạnh phúc'
>>> detect_legacy_encoding("Uû ban nh©n d©n"), detect_legacy_encoding("Ủy ban nhân dân")
('tcvn3', None)
>>> detect_legacy_encoding("báo cáo"), legacy_to_unicode("Thông cáo")
(None, 'Thông cáo')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..errors import LegacyEncodingError
from .syllables import is_syllable
from .text import upper

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
    # The table is pairs (code, letter): an odd count would be a typo in it.
    chr(int(code, 16)): letter
    for code, letter in zip(*[iter(_TCVN3_TABLE.split())] * 2, strict=True)
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
# Detection: word by word, with the syllable rules of congvan.vietnamese.syllables
# --------------------------------------------------------------------------------------------------

#: A word: letters, combining marks, and the Latin-1 characters from ¡ to ÿ (TCVN3 puts letters on
#: symbols: "§" is Đ, "·" is ã, "\xad" is ư).
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u00a1-\u00ff])+")
_EDGE = re.compile(r"^[^\w\u0300-\u036f]+|[^\w\u0300-\u036f]+$")
#: µ before a unit symbol is the micro sign (5 µm), not TCVN3's à.
_MICRO = re.compile(r"µ[A-Za-z]{0,3}")
_VOWEL = re.compile("[aeiouy]")
#: Longer words are no syllable, as they stand or decoded (VNI takes two characters a letter).
_LONGEST = 24

_Reading = Literal["vote", "against", "both", "neither", "same"]


def _syllable(word: str) -> bool:
    return is_syllable(_EDGE.sub("", word))


@lru_cache(maxsize=65536)
def _read(word: str, name: Encoding) -> _Reading:
    """Return how a Latin-1 `word` reads decoded, against how it reads as it stands."""
    as_is = _syllable(word)
    decoded = _DECODERS[name](word)
    if decoded == word:
        return "same"
    # -- a word of symbols only ("«", "·") is punctuation as it stands, and votes for nothing --
    valid = _syllable(decoded) and not _MICRO.fullmatch(word) and any(c.isalpha() for c in word)
    if valid:
        return "both" if as_is else "vote"
    return "against" if as_is else "neither"


@dataclass(frozen=True)
class _Verdict:
    encoding: Encoding
    pure: bool  # no word of the text reads only as Unicode
    votes: frozenset[int]  # offsets of the words that read only in the encoding


def _words(text: str) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """Return the words of `text` in three kinds: Latin-1 words with a letter from \\x80 (with
    their offsets: the ones an encoding may explain), words with a letter beyond Latin-1 (ơ, ạ, a
    combining mark: Unicode), and the other lower-case words that may be foreign ("the", "est")."""
    words: list[tuple[int, str]] = []
    beyond: list[str] = []
    others: list[str] = []
    for m in _TOKEN.finditer(text):
        word = m[0]
        if not word.isascii():
            if max(word) > "\xff":
                beyond.append(word)
                continue
            if len(word) <= _LONGEST:
                words.append((m.start(), word))
                continue
        if word.islower() and len(word) > 2 and _VOWEL.search(word):
            others.append(word)
    return words, beyond, others


#: The first kind of _words in one regular expression (C speed: most texts stop at it): a whole
#: word of at most _LONGEST letters, all ASCII or from ¡ to ÿ, one of them from ¡ (the lookahead
#: finds it among the first _LONGEST letters, so no match backtracks further than that).
_LATIN1_WORD = re.compile(
    r"(?<![^\W\d_])(?<![\u0300-\u036f\u00a1-\u00ff])"  # a word starts (see _TOKEN)
    rf"(?=[A-Za-z]{{0,{_LONGEST - 1}}}[\u00a1-\u00ff])[A-Za-z\u00a1-\u00ff]{{1,{_LONGEST}}}"
    r"(?![^\W\d_])(?![\u0300-\u036f\u00a1-\u00ff])")  # and ends


def _verdict(text: str, expected: Encoding | None = None) -> _Verdict | None:
    """Judge `text` word by word; return the encoding it is in, or None when it is not legacy."""
    words = [(m.start(), m[0]) for m in _LATIN1_WORD.finditer(text)]
    if not words:
        return None
    names: list[Encoding] = [expected] if expected else ["tcvn3", "vni"]
    readings_of = {name: [(start, _read(word, name)) for start, word in words] for name in names}
    if not any(r == "vote" for readings in readings_of.values() for _, r in readings):
        return None  # the common case, Unicode text: the words below are not weighed at all
    _, beyond, others = _words(text)
    unicode_words = sum(map(_syllable, beyond))
    foreign = sum(not is_syllable(w) for w in others)  # "the", "est" (not "mm", "kg")
    tallies: list[tuple[int, int, Encoding, bool, frozenset[int]]] = []
    for name in names:
        readings = readings_of[name]
        votes = frozenset(start for start, r in readings if r == "vote")
        against = unicode_words + sum(r == "against" for _, r in readings)
        both = sum(r == "both" for _, r in readings)
        # -- legacy only when decoding makes syllables of words that are none as they stand,
        #    enough of them against the words that are syllables only as they stand; one such
        #    word among foreign ones is chance (French "où" reads as VNI "ó") --
        if votes and 3 * len(votes) >= against and (len(votes) > 1 or not foreign):
            tallies.append((len(votes), len(votes) + both, name, against == 0, votes))
    if not tallies:
        return None
    tallies.sort(reverse=True)
    if len(tallies) > 1 and tallies[0][:2] == tallies[1][:2]:
        return None  # as good one way as the other
    _, _, name, pure, votes = tallies[0]
    return _Verdict(name, pure, votes)


def detect_legacy_encoding(
    text: str, *, expected: str | None = None, whole: bool = False
) -> Encoding | None:
    """Return "tcvn3" or "vni" when `text` is written in that encoding, else None.

    Each word is judged whole, as a Vietnamese syllable
    (:func:`congvan.vietnamese.syllables.is_syllable`).
    A word of Latin-1 letters *votes* for an encoding when decoding it gives a syllable and the
    word as it stands is none ("b¸o" → "báo"). Against it count a word that is a syllable only as
    it stands ("báo": TCVN3 "bỏo"), and a syllable with a letter beyond Latin-1 ("việc"); a word
    that is a syllable both ways ("Thông": VNI "Thơng") counts for neither. The text is legacy
    when it has votes, at least one for every three words against; a single vote among
    lower-case foreign words ("où est": VNI "ó") is taken for chance. When both encodings
    qualify, the one with more votes wins, and a tie gives None. So Unicode Vietnamese, plain
    ASCII and Western text ("Café Müller") give None.

    `expected` ("tcvn3" or "vni", e.g. from a ".VnTime" font) judges that encoding only.
    `whole=True` asks for more: no word of the text may read as Unicode only.

    >>> detect_legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_legacy_encoding("b¸o c¸o"), detect_legacy_encoding("báo cáo")
    ('tcvn3', None)
    >>> detect_legacy_encoding("Café Müller"), detect_legacy_encoding("Hanoi")
    (None, None)
    """
    verdict = _verdict(text, _encoding(expected) if expected else None)
    if verdict is None or (whole and not verdict.pure):
        return None
    return verdict.encoding


# --------------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")


def _is_h_font(chunk: str) -> bool:
    """Return True when `chunk` looks set in a TCVN3 H font: capitals, and lower case only among
    the toned letters the H font drew as capitals ("CộNG", not "Xã": one capital may begin a
    sentence)."""
    capitals = sum(ch.isupper() for ch in chunk)
    lower = [ch for ch in chunk if ch.islower()]
    return capitals >= 2 and bool(lower) and all(ch in _TCVN3_LOWER_LETTERS for ch in lower)


def _upper_h_font_words(text: str) -> str:
    """Return `text` with what was set in a TCVN3 H font upper-cased: "CộNG HOà Xã" → "CỘNG HOÀ XÃ".

    A line that looks set in an H font is upper-cased whole; elsewhere a word is, under the same
    test.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _is_h_font(line):
            lines[i] = upper(line)
        else:
            lines[i] = _WORD.sub(lambda m: upper(m[0]) if _is_h_font(m[0]) else m[0], line)
    return "\n".join(lines)


_TCVN3_LOWER_LETTERS = {letter for letter in TCVN3.values() if letter.islower()}


@lru_cache(maxsize=65536)
def _cached_decode(word: str, name: Encoding) -> str:
    return unicodedata.normalize("NFC", _DECODERS[name](word))


def _decode_word(word: str, name: Encoding) -> str:
    if len(word) > _LONGEST:  # keep the cache small
        return unicodedata.normalize("NFC", _DECODERS[name](word))
    return _cached_decode(word, name)


def _decode_words(text: str, name: Encoding, only: frozenset[int] | None, h_font: bool) -> str:
    """Return `text` with its Latin-1 words decoded (those starting at `only`, when given).

    Words with a letter beyond Latin-1 are Unicode already and are never touched; `h_font`
    upper-cases the decoded words that look set in a TCVN3 H font.
    """
    def convert(m: re.Match[str]) -> str:
        word = m[0]
        if max(word) > "\xff" or (only is not None and m.start() not in only):
            return word
        new = _decode_word(word, name)
        return upper(new) if h_font and _is_h_font(new) else new

    return _TOKEN.sub(convert, text)


def legacy_to_unicode(
    text: str, encoding: str | None = None, *, uppercase: bool | None = None
) -> str:
    """Return `text` converted from TCVN3 or VNI-Windows to Unicode (NFC).

    `encoding` is "tcvn3" (also "abc", "tcvn") or "vni" (also "vni-windows"): the text is known to
    be in it, and every word is decoded but those holding a letter beyond Latin-1 (Unicode
    already). None detects it with :func:`detect_legacy_encoding`: text in which no encoding is
    detected comes back unchanged, and in a text that also has words that read only as Unicode,
    only the words that read only as legacy are decoded.
    `uppercase` matters for TCVN3 only (see the module docstring): None upper-cases the words that
    came from an H font, True the whole text, False nothing.

    >>> legacy_to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM")
    'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'
    >>> legacy_to_unicode("Uû ban nh©n d©n tØnh", "tcvn3", uppercase=True)
    'UỶ BAN NHÂN DÂN TỈNH'
    >>> legacy_to_unicode("Thông cáo: b¸o c¸o t×nh h×nh")
    'Thông cáo: báo cáo tình hình'
    """
    if encoding:
        name, only = _encoding(encoding), None
    else:
        verdict = _verdict(text)
        if verdict is None:
            return text
        name, only = verdict.encoding, (None if verdict.pure else verdict.votes)
    tcvn3 = name == "tcvn3"
    # -- H fonts: a mixed text's decoded words one by one; a legacy text line by line, below --
    h_font_words = tcvn3 and only is not None and uppercase is None
    result = _decode_words(text, name, only, h_font=h_font_words)
    if tcvn3 and uppercase is not False and only is None:
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
    out: list[str] = []
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
