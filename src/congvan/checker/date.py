"""Địa danh và thời gian ban hành (PL I §II.4)."""

from __future__ import annotations

import re
from datetime import date

from ..rules import STYLES
from ._anatomy import fold
from ._base import Ctx

_PARTS = re.compile(r"ngày\s+(?P<d>\d+)\s+tháng\s+(?P<m>\d+)\s+năm\s+(?P<y>\d+)", re.IGNORECASE)
_STRICT = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2}) năm "
                     r"(?P<y>\d{4})$")
#: One character class between the words, never two adjacent quantifiers over spaces: the text is
#: the document's, and ``\s*[ ]+\s*`` is cubic on a line of spaces (issue 7).
_BLANK = re.compile(r"ngày[\s.…_]+tháng", re.IGNORECASE)


def padded(day: str, month: str) -> tuple[str, str]:
    """Return day and month written as PL I §II.4.b wants (day < 10 and months 1–2 padded).

    >>> padded("5", "2"), padded("15", "07"), padded("05", "12")
    (('05', '02'), ('15', '7'), ('05', '12'))
    """
    d, m = int(day), int(month)
    return f"{d:02d}", (f"{m:02d}" if m <= 2 else str(m))


def check(ctx: Ctx) -> None:
    an = ctx.an
    span = an.ngay
    if span is None:
        exempt = an.ten_loai is not None and fold(an.ten_loai.text) in (
            "BIENBAN", "QUYCHE", "QUYDINH")
        if an.quoc_hieu is not None and not exempt:
            ctx.add("dia_danh_thoi_gian.thieu", an.quoc_hieu, "không có",
                    "<Địa danh>, ngày … tháng … năm …")
        return
    ctx.style("dia_danh_thoi_gian", span, STYLES["dia_danh_thoi_gian"])
    text = span.text
    if _BLANK.search(text):
        return  # the date is left for the Văn thư to write in
    parts = _PARTS.search(text)
    strict = _STRICT.match(text)
    if not strict or not strict.group("place")[:1].isupper() or parts is None:
        ctx.add("dia_danh_thoi_gian.dinh_dang", span, text,
                "<Địa danh>, ngày DD tháng M năm YYYY")
    if parts is None:
        return
    d, m, y = parts.group("d"), parts.group("m"), parts.group("y")
    try:
        date(int(y), int(m), int(d))
    except ValueError:
        ctx.add("dia_danh_thoi_gian.ngay_khong_hop_le", span, f"ngày {d} tháng {m} năm {y}",
                "một ngày có thật")
        return
    want_d, want_m = padded(d, m)
    if (want_d, want_m) != (d, m):
        ctx.add("dia_danh_thoi_gian.so_0_dau", span, f"ngày {d} tháng {m}",
                f"ngày {want_d} tháng {want_m}", day=(d, want_d), month=(m, want_m))
