"""Vietnamese syllables (âm tiết): whether a word is spelled as one, by its parts.

A written Vietnamese syllable is an onset (phụ âm đầu, may be empty), a rhyme (vần: an optional
glide o/u, a nucleus vowel, an optional coda) and one of six tones (thanh). The spelling rules
checked here, from the standard school orthography:

- **Onsets**: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none.
  k, gh, ngh stand before the front vowels i/y, e, ê (kê, ghi, nghiêng); c, g, ng before the
  others (ca, ga, nga). q is written only as qu, whose u is the glide (qua, quyết, quốc). gi
  before a rhyme that starts with i drops that i (gì, giếng).
- **Rhymes**: the table ``RHYMES`` below, each written with the tone mark where it goes. The
  diphthongs are iê (ia when open, yê with no onset or after the glide u), uô (ua when open)
  and ươ (ưa when open). The glide is o before a, ă, e (hoa, hoặc, khoe) and u before â, ê, y,
  ơ, yê (huân, thuế, quy, thuở, chuyện).
- **Tones**: ngang, huyền, sắc, hỏi, ngã, nặng. A syllable closed by a stop (p, t, c, ch) takes
  only sắc or nặng (học, tập, ích, not *hòc*).
- **Tone place**: on the nucleus (hoàng, tiến, người, của, mía). Open oa, oe, uy take it on
  either vowel, the old style "hòa" or the new "hoà" (see :mod:`congvan.vietnamese.tone`).

Case does not matter (each letter is compared in lower case); text may be NFC or NFD. Loanword
rhymes in common use (oong, ooc: xoong, soóc) are in the table; foreign spellings are not
(f, j, w, z, and a word with two tone marks, are never a syllable). The tests check the rules on
every entry of LibreOffice's Vietnamese dictionary (hunspell-vi) and on the decree's text.

>>> [is_syllable(w) for w in ("nghiêng", "Quyết", "GIẾNG", "khuỷu", "hòa", "hoà")]
[True, True, True, True, True, True]
>>> [is_syllable(w) for w in ("hòc", "ca", "ka", "ghe", "ge", "ngừơi", "café", "gìa")]
[False, True, False, True, False, False, False, False]
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["ONSETS", "RHYMES", "TONES", "is_syllable"]

#: The combining tone marks (NFD), ngang (no mark) aside: huyền, sắc, hỏi, ngã, nặng.
TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_SAC, _NANG = "\u0301", "\u0323"

#: The onsets as written (``""``: none). ``gi`` and ``qu`` are onsets only before a vowel.
ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip


def _words(table: str) -> list[str]:
    return table.split()


# -- The rhymes, each written with sắc where the tone mark goes; grouped by nucleus. --
# fmt: off
_PLAIN = _words(
    "á ác ách ái ám án áng ánh áo áp át áu áy "          # a
    "ắc ắm ắn ắng ắp ắt "                                 # ă
    "ấc ấm ấn ấng ấp ất ấu ấy "                           # â
    "é éc ém én éng éo ép ét "                            # e
    "ế ếch ếm ến ếnh ếp ết ếu "                           # ê
    "í ích ím ín ính íp ít íu "                           # i
    "ó óc ói óm ón óng óp ót oóc oóng "                   # o (oo: xoong, soóc)
    "ố ốc ối ốm ốn ống ốp ốt "                            # ô
    "ớ ới ớm ớn ớp ớt "                                   # ơ
    "ú úc úi úm ún úng úp út "                            # u
    "ứ ức ứi ứm ứn ứng ứt ứu "                            # ư (ưn: chưn, sừn)
    "ía iếc iếm iến iếng iếp iết iếu "                    # iê (ia open)
    "úa uốc uối uốm uốn uống uốt "                        # uô (ua open)
    "ứa ước ưới ướm ướn ướng ướp ướt ướu"                 # ươ (ưa open)
)
#: iê written yê: with no onset, and after the glide u.
_YE = _words("yếm yến yếng yết yếu")
#: Rhymes with the glide o/u (after any onset but c, k, gh, ngh, qu).
_GLIDED = _words(
    "oá óa oác oách oái oám oán oáng oánh oáo oáp oát oáy "
    "oắc oắm oắn oắng oắt "
    "oé óe oén oéo oét "
    "uấn uấng uất uấy "
    "uế uếch uếnh "
    "uý úy uých uýnh uýt uýu uýa "
    "uyến uyết "
    "uớ"
)
#: After qu (its u is the glide): nuclei a, ă, â, e, ê, ơ; i written y, iê written yê; and quốc.
_AFTER_QU = [r for r in _PLAIN if r[0] in "aáăắâấeéêếơớ"] + _words(
    "ý ých ýnh ýt yến yết ốc ít"  # quít beside quýt
)
# fmt: on

#: Onsets after which open i may be written y (Mỹ, kỳ, lý, sỹ, Thy, Vy, and y with no onset).
_Y_ONSETS = {"", "d", "h", "k", "l", "m", "n", "s", "t", "th", "v", "x"}
_FRONT = ("i", "y", "e", "ê")
_SPELL_FRONT = {"c": "k", "g": "gh", "ng": "ngh"}  # before a front vowel, written as the value


def _split(toned: str) -> tuple[str, int]:
    """Return a toned rhyme as (rhyme without tone, index of the toned letter)."""
    for i, ch in enumerate(toned):
        nfd = unicodedata.normalize("NFD", ch)
        if _SAC in nfd:
            bare = toned[:i] + nfd.replace(_SAC, "") + toned[i + 1 :]
            return unicodedata.normalize("NFC", bare), i
    raise ValueError(toned)


def _table(toned: list[str]) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for r in toned:
        bare, at = _split(r)
        out.setdefault(bare, set()).add(at)
    return {k: frozenset(v) for k, v in out.items()}


#: Rhyme (lower case, no tone) → where its tone mark may stand; one table per context.
RHYMES = {
    "plain": _table(_PLAIN),
    "ye": _table(_YE),
    "glided": _table(_GLIDED),
    "after_qu": _table(_AFTER_QU),
}

#: The loanword rhymes take few tones: soóc, moóc; xoong, goòng, boóng (never "coọng").
_LOAN_TONES = {"ooc": {_SAC}, "oong": {None, "\u0300", _SAC}}

_ALPHABET = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_VOWELS = set("aăâeêioôơuưy")
_STOPS = ("p", "t", "c", "ch")


def _letters(word: str) -> tuple[str, int | None, str | None] | None:
    """Return (letters in lower case without tone, index of the toned letter, tone mark)."""
    base: list[str] = []
    tone_at, tone = None, None
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            if tone is not None or not base:
                return None
            tone_at, tone = len(base) - 1, ch
        elif unicodedata.combining(ch):
            if not base:
                return None
            base[-1] += ch
        else:
            base.append(ch)
    letters = [unicodedata.normalize("NFC", b).lower() for b in base]
    if not letters or any(len(b) != 1 or b not in _ALPHABET for b in letters):
        return None
    return "".join(letters), tone_at, tone


def _rhyme_ok(onset: str, rhyme: str, at: int | None) -> bool:
    """Return True when `rhyme` (no tone) may follow `onset`, with the tone on letter `at`."""
    if onset == "qu":
        places = RHYMES["after_qu"].get(rhyme)
    elif rhyme.startswith("y"):
        places = RHYMES["ye"].get(rhyme) if onset == "" else None
        if rhyme == "y" and onset in _Y_ONSETS:
            places = frozenset({0})
    else:
        places = RHYMES["plain"].get(rhyme)
        if places is not None and rhyme.startswith("iê") and onset == "":
            places = None  # iê with no onset is written yê (yên, yêu)
        if places is None and onset not in ("c", "k", "gh", "ngh", "qu"):
            places = RHYMES["glided"].get(rhyme)
    if places is None:
        return False
    front = rhyme.startswith(_FRONT)
    if onset in _SPELL_FRONT.values() and not front:
        return False  # k, gh, ngh only before i/y, e, ê
    if onset in _SPELL_FRONT and front:
        return False  # c, g, ng never before them
    return at is None or at in places


@lru_cache(maxsize=65536)
def _is_syllable(word: str) -> bool:
    parsed = _letters(word)
    if parsed is None:
        return False
    s, tone_at, tone = parsed
    if s.endswith(_STOPS) and tone not in (_SAC, _NANG):
        return False  # a stop coda takes sắc or nặng only
    loan = next((r for r in _LOAN_TONES if s.endswith(r)), None)
    if loan and tone not in _LOAN_TONES[loan]:
        return False
    for onset in ONSETS:
        if not s.startswith(onset):
            continue
        rest = s[len(onset) :]
        if not rest or rest[0] not in _VOWELS:
            continue
        at = None if tone_at is None else tone_at - len(onset)
        if at is not None and at < 0:
            continue
        if _rhyme_ok(onset, rest, at):
            return True
    # -- gi before a rhyme in i drops that i: gì = gi + ì, giếng = gi + iếng --
    rest = s[1:]
    if s.startswith("gi") and rest in RHYMES["plain"] and rest not in ("ia", "iu"):
        return tone_at is None or tone_at - 1 in RHYMES["plain"][rest]
    return False


def is_syllable(word: str) -> bool:
    """Return True when `word` is spelled as one Vietnamese syllable (any case, NFC or NFD).

    >>> is_syllable("Người"), is_syllable("NGƯỜI"), is_syllable("ngừơi")
    (True, True, False)
    """
    # -- the longest syllable, NFD, is nine characters (nghiễng): spare the cache anything longer --
    return len(word) <= 12 and _is_syllable(word)
