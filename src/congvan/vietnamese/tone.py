"""Tone-mark placement (vị trí dấu thanh): old style "hòa, thủy, khỏe", new style "hoà, thuỷ, khoẻ".

Vietnamese writes the syllables ending in the vowel pairs *oa*, *oe* and *uy* (with no final
consonant) in two ways. The old style (kiểu cũ) puts the tone mark on the first vowel: "hòa",
"khỏe", "thủy". The new style (kiểu mới, from the 1980s school spelling rules) puts it on the
second: "hoà", "khoẻ", "thuỷ". Both are in use, and Decree 30 itself prints "CỘNG HÒA" (old style).
Every other syllable is written the same way in both styles: "hoàng", "quý", "huỳnh", "thuế",
"ngoài".

congvan never changes the user's spelling on its own. :func:`tone_placement_report` lists the
words whose style shows, so that a checker or a clerk can make a document consistent, and
:func:`set_tone_style` rewrites them only when called.

>>> [(f.word, f.style, f.other) for f in tone_placement_report("Cộng hòa, thuỷ lợi, hoàng hôn")]
[('hòa', 'old', 'hoà'), ('thuỷ', 'new', 'thủy')]
>>> tone_style("Cộng hòa, thuỷ lợi")
'mixed'
>>> set_tone_style("Ủy ban nhân dân, hoà giải, THUỶ LỢI", "old")
'Ủy ban nhân dân, hòa giải, THỦY LỢI'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ToneFinding",
    "is_vietnamese_syllable",
    "set_tone_style",
    "tone_placement_report",
    "tone_style",
]

Style = Literal["old", "new"]

#: Combining tone marks (NFD) and their names; the other marks (circumflex, breve, horn) shape
#: a vowel.
TONE_MARKS = {
    "\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng",
}  # fmt: skip

_ALPHABET = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_VOWELS = set("aăâeêioôơuưy")
# fmt: off
_INITIALS = sorted(
    ["b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
     "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"],
    key=len, reverse=True,
)
# fmt: on
_FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
# -- vowel groups (without tone) and whether a final consonant must follow (True), must not (False)
#    or may (None); "oo" (xoong, boong) is left out on purpose, since it is rare and lets
#    mis-decoded legacy text ("coọng") pass for Vietnamese --
# fmt: off
_CLUSTERS: dict[str, bool | None] = {
    **dict.fromkeys(["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
                     "oa", "oe", "uê", "uy", "uơ"], None),
    **dict.fromkeys(["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê"], True),
    **dict.fromkeys(["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi",
                     "ui", "ưi", "ưu", "ua", "ưa", "ya", "iêu", "yêu", "oai", "oao", "oay", "oeo",
                     "uây", "uôi", "ươi", "ươu", "uya", "uyu"], False),
}
# fmt: on
#: The groups whose tone placement differs between the styles when no final consonant follows.
_STYLED = {"oa", "oe", "uy"}

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")


@dataclass(frozen=True)
class _Syllable:
    letters: list[tuple[str, str | None]]  # (letter without tone, combining tone mark or None)
    vowel_start: int  # index of the first letter of the vowel group
    cluster: str  # the vowel group, lower case, without tone
    final: str
    tone_at: int | None  # index in `letters` of the toned letter


def _letters(word: str) -> list[tuple[str, str | None]] | None:
    """Return the letters of `word`, each split into (letter without tone, tone mark or None)."""
    bases: list[str] = []
    tones: list[str | None] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch):
            if not bases:
                return None
            if ch in TONE_MARKS:
                if tones[-1] is not None:
                    return None
                tones[-1] = ch
            else:
                bases[-1] += ch
        else:
            bases.append(ch)
            tones.append(None)
    return [(unicodedata.normalize("NFC", base), tone)
            for base, tone in zip(bases, tones, strict=True)]


def _analyse(word: str) -> _Syllable | None:
    """Return the parts of a Vietnamese syllable, or None when `word` cannot be one."""
    letters = _letters(word)
    if not letters:
        return None
    s = "".join(base.lower() for base, _ in letters)
    toned = [i for i, (_, tone) in enumerate(letters) if tone]
    if len(s) != len(letters) or not set(s) <= _ALPHABET or len(toned) > 1:
        return None
    start = 0
    for initial in _INITIALS:
        # -- "gi" and "qu" are initials only when a vowel follows: "gì" is g + ì, "quý" is qu + ý --
        if s.startswith(initial) and not (
            initial in ("gi", "qu") and (len(s) == 2 or s[2] not in _VOWELS)
        ):
            start = len(initial)
            break
    end = start
    while end < len(s) and s[end] in _VOWELS:
        end += 1
    cluster, final = s[start:end], s[end:]
    if cluster not in _CLUSTERS or final not in _FINALS:
        return None
    needs_final = _CLUSTERS[cluster]
    if needs_final is not None and needs_final != bool(final):
        return None
    tone_at = toned[0] if toned else None
    if tone_at is not None and tone_at - start not in _tone_positions(cluster, final):
        return None
    return _Syllable(letters, start, cluster, final, tone_at)


def _tone_positions(cluster: str, final: str) -> set[int]:
    """Return where in the vowel group a tone mark may stand (either style counts as right)."""
    if len(cluster) == 1:
        return {0}
    if final:
        return {len(cluster) - 1}  # hoàng, tiến, thuyết
    if len(cluster) == 3:
        return {1}  # ngoài, khuỷu, người
    if cluster in _STYLED:
        return {0, 1}  # hòa / hoà
    return {1} if cluster in ("uê", "uơ") else {0}  # thuế, thuở; but mùa, tài, gửi


def is_vietnamese_syllable(word: str) -> bool:
    """Return True when `word` is spelled like one Vietnamese syllable (any case, NFC or NFD).

    >>> [is_vietnamese_syllable(w) for w in ("nghiêng", "Quý", "coọng", "café")]
    [True, True, False, False]
    """
    return _analyse(word) is not None


def _style(syllable: _Syllable) -> Style | None:
    if syllable.cluster not in _STYLED or syllable.final or syllable.tone_at is None:
        return None
    return "old" if syllable.tone_at == syllable.vowel_start else "new"


def _restyle(syllable: _Syllable, style: Style) -> str:
    """Return the syllable's word with its tone on the vowel `style` wants (NFC)."""
    target = syllable.vowel_start + (0 if style == "old" else 1)
    tone = syllable.letters[syllable.tone_at][1] if syllable.tone_at is not None else None
    out = [base + (tone or "" if i == target else "")
           for i, (base, _) in enumerate(syllable.letters)]
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True)
class ToneFinding:
    """A word whose tone placement shows a style: where it is, which style, and the other spelling.

    `start` and `end` are offsets into the text as given; `other` is the word in the other style.
    """

    word: str
    start: int
    end: int
    style: Style
    other: str


def tone_placement_report(text: str) -> list[ToneFinding]:
    """Return the words of `text` that show the old or the new tone style, in order.

    `text` itself is never changed; see :func:`set_tone_style` for that.

    >>> tone_placement_report("Sức khoẻ")
    [ToneFinding(word='khoẻ', start=4, end=8, style='new', other='khỏe')]
    """
    findings: list[ToneFinding] = []
    for m in _WORD.finditer(text):
        syllable = _analyse(m.group())
        style = _style(syllable) if syllable else None
        if syllable and style:
            other: Style = "new" if style == "old" else "old"
            other_word = _restyle(syllable, other)
            findings.append(ToneFinding(m.group(), m.start(), m.end(), style, other_word))
    return findings


def tone_style(text: str) -> Literal["old", "new", "mixed"] | None:
    """Return the tone style of `text`: "old", "new", "mixed", or None when no word shows one."""
    styles: set[Style] = {f.style for f in tone_placement_report(text)}
    if len(styles) > 1:
        return "mixed"
    return styles.pop() if styles else None


def set_tone_style(text: str, style: Style) -> str:
    """Return `text` with every styled word (oa, oe, uy with no final) written in `style`.

    Only those words change (to NFC); the rest of the text is returned as it was.
    """
    if style not in ("old", "new"):
        raise ValueError(f"kiểu đặt dấu phải là 'old' hoặc 'new', không phải {style!r}")
    out: list[str] = []
    last = 0
    for finding in tone_placement_report(text):
        if finding.style != style:
            out += [text[last : finding.start], finding.other]
            last = finding.end
    return "".join(out) + text[last:]
