"""Số, ký hiệu (PL I §II.3; the type abbreviations of PL III §I)."""

from __future__ import annotations

import re

from ..rules import KY_HIEU_BAN_SAO, LOAI_VAN_BAN, SO_CHU_SO, STYLES
from ._anatomy import fold
from ._base import Ctx
from ._model import Span

_GAP = frozenset(".…_")
_STRICT = re.compile(r"^Số: (?P<so>[0-9]+|\s*)/(?P<ky_hieu>[^\s/]+)$")
ABBREVIATIONS = {t.viet_tat for t in LOAI_VAN_BAN.values() if t.viet_tat} | set(
    KY_HIEU_BAN_SAO.values())
_BY_UPPER = {a.upper(): a for a in ABBREVIATIONS}


def loose_parts(text: str) -> dict[str, str] | None:
    """Return the parts of a ``Số`` line written loosely (``so``, ``gap``, ``ky_hieu``), or None.

    Plain string code rather than a regex: the line is document text, and a pattern with several
    adjacent space quantifiers is cubic on a line of spaces (issue 7).

    >>> loose_parts("Số: 05/QĐ-UBND")
    {'so': '05', 'gap': '', 'ky_hieu': 'QĐ-UBND'}
    >>> loose_parts("SO:  .../ UBND-VP")
    {'so': '', 'gap': '...', 'ky_hieu': 'UBND-VP'}
    >>> loose_parts("Số 5 x/QĐ") is None
    True
    """
    if len(text) < 2 or text[0] not in "sS" or text[1] not in "ốoỐO":
        return None
    head, slash, tail = text[2:].partition("/")
    if not slash or "\n" in tail:
        return None
    head = head.lstrip()
    if head[:1] in (":", "."):
        head = head[1:].lstrip()
    digits = len(head) - len(head.lstrip("0123456789"))
    so, gap = head[:digits], head[digits:]
    if not all(ch.isspace() or ch in _GAP for ch in gap):
        return None
    return {"so": so, "gap": gap, "ky_hieu": tail.lstrip()}


def expected_so(digits: str) -> str | None:
    """Return the correctly padded number for `digits`, or None when it is already right.

    >>> expected_so("5"), expected_so("05"), expected_so("010"), expected_so("125")
    ('05', None, '10', None)
    """
    if not digits or len(digits) > 9 or int(digits) < 1:
        return None  # beyond 9 digits no number is "padded": nothing safe to fix
    want = f"{int(digits):0{SO_CHU_SO}d}"  # a leading 0 below 10 (PL I §II.3.c)
    return None if want == digits else want


def check(ctx: Ctx) -> None:
    an = ctx.an
    span = an.so
    if span is None:
        if an.quoc_hieu is not None and not _exempt(ctx):
            ctx.add("so_ky_hieu.thieu", an.quoc_hieu, "không có", "Số: <số>/<ký hiệu>")
        return
    ctx.style("so_ky_hieu", span, STYLES["so_ky_hieu"])
    text = span.raw.strip()
    loose = loose_parts(" ".join(text.split(" ")).strip())
    strict = _STRICT.match(text.replace("\u00a0", " "))
    if not strict or (loose and not loose["so"] and loose["gap"].strip(" ")):
        ctx.add("so_ky_hieu.dinh_dang", span, text, "Số: 05/QĐ-UBND")
    if loose and loose["so"]:
        want = expected_so(loose["so"])
        if want:
            ctx.add("so_ky_hieu.so_0_dau", span, loose["so"], want, digits=loose["so"],
                    want=want)
    ky_hieu = (loose["ky_hieu"] if loose else "").replace(" ", "")
    if ky_hieu:
        _viet_tat(ctx, span, ky_hieu.split("-")[0])


def _viet_tat(ctx: Ctx, span: Span, first: str) -> None:
    """The type abbreviation that opens the ký hiệu (PL I §II.3; PL III): the document type's, or
    none in a công văn.

    A document with a tên loại writes ``<type>-<issuer>``; a công văn (no tên loại) writes
    ``<issuer>-<drafting unit>``, so its first group is the issuer's own abbreviation, which may
    spell a type's (``CT``: Cục Thuế, not Chỉ thị). It is a type abbreviation written by mistake
    only when it is not the initials of words of the issuing body's name (``issuer_initials``).
    """
    an = ctx.an
    if an.ten_loai is not None:
        # None for a thư công, printed under its own name with a công văn's ký hiệu.
        loai = next((t for t in LOAI_VAN_BAN.values()
                     if t.ten_loai and fold(t.ten_loai) == fold(an.ten_loai.text)), None)
        if loai is not None and loai.viet_tat and first != loai.viet_tat:
            ctx.add("so_ky_hieu.viet_tat_loai", span, first,
                    f"{loai.viet_tat} ({loai.ten})")
    elif first.upper() in _BY_UPPER and first != _BY_UPPER[first.upper()]:
        ctx.add("so_ky_hieu.viet_tat_loai", span, first, _BY_UPPER[first.upper()])
    elif (an.vv and first in ABBREVIATIONS - set(KY_HIEU_BAN_SAO.values())
          and an.co_quan and not issuer_initials(first, [s.text for s in an.co_quan])):
        ctx.add("so_ky_hieu.viet_tat_loai", span, first,
                "công văn: <cơ quan>-<đơn vị soạn thảo>, không có chữ viết tắt tên loại")


def issuer_initials(abbreviation: str, names: list[str]) -> bool:
    """Return True when `abbreviation` is the initials of consecutive words of one of `names`.

    >>> issuer_initials("CT", ["BỘ TÀI CHÍNH", "CỤC THUẾ"])
    True
    >>> issuer_initials("QĐ", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ NHA TRANG"])
    False
    """
    want = fold(abbreviation)
    for name in names:
        initials = "".join(fold(word)[:1] for word in name.split())
        if want and want in initials:
            return True
    return False


def _exempt(ctx: Ctx) -> bool:
    """Return True for the attachments of a QĐ (quy chế, quy định), which carry no số (mẫu 1.3)."""
    t = ctx.an.ten_loai
    return t is not None and fold(t.text) in ("QUYCHE", "QUYDINH")
