"""Dates in words: ordinals (số thứ tự), weekday names (thứ trong tuần), the invitation date line.

The Decree 30 date line itself (ô 4: day < 10 and months 1 and 2 padded with 0, months 3–12 not) is
``congvan.formatting.format_ngay`` and ``format_dia_danh_thoi_gian``; this module builds on it.

Weekday names are written as giấy mời write them: "Thứ Hai" … "Thứ Bảy", with the capital on the
number word, and "Chủ nhật". Ordinals use "nhất" for 1 and "tư" for 4 ("thứ nhất", "thứ tư"); every
other ordinal is "thứ" and the cardinal (``congvan.vietnamese.numwords``): "thứ mười bốn", "thứ hai
mươi mốt".

>>> from datetime import date
>>> [ordinal(n) for n in (1, 2, 3, 4, 5, 14, 21, 24)]  # doctest: +NORMALIZE_WHITESPACE
['thứ nhất', 'thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ mười bốn',
 'thứ hai mươi mốt', 'thứ hai mươi tư']
>>> weekday_name(date(2021, 7, 1)), weekday_name(date(2021, 7, 4))
('Thứ Năm', 'Chủ nhật')
>>> format_thu_ngay(date(2021, 7, 1))
'Thứ Năm, ngày 01 tháng 7 năm 2021'
"""

from __future__ import annotations

from datetime import date
from typing import cast

from ..formatting import format_ngay
from .numwords import InvalidNumberError, number_in_words

__all__ = ["WEEKDAY_NAMES", "format_thu_ngay", "ordinal", "weekday_name"]

#: Weekday names, Monday first, as ``date.weekday()`` counts.
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

# -- the two ordinals that are not "thứ" + the cardinal --
_ORDINAL_WORDS = {1: "nhất", 4: "tư"}


def ordinal(n: int, **options: str) -> str:
    """Return the ordinal of n ≥ 1 in words: "thứ nhất", "thứ tư", "thứ một trăm linh một".

    Options are those of ``congvan.vietnamese.numwords.number_in_words`` (``linh="lẻ"``,
    ``tu="bốn"`` …); they
    apply to the cardinal part, so 4 stays "thứ tư" whatever ``tu`` says.

    >>> ordinal(101), ordinal(101, linh="lẻ"), ordinal(24, tu="bốn")
    ('thứ một trăm linh một', 'thứ một trăm lẻ một', 'thứ hai mươi bốn')
    """
    # Checked although typed: a caller without a type checker may pass a bool, a float or text.
    if isinstance(n, bool) or not isinstance(cast(object, n), int) or n < 1:
        raise InvalidNumberError(
            "number.ordinal",
            f"số thứ tự phải là số nguyên từ 1 trở lên, không phải {n!r} "
            f"(an ordinal needs an integer ≥ 1)",
        )
    return f"thứ {_ORDINAL_WORDS.get(n) or number_in_words(n, **options)}"


def weekday_name(value: date) -> str:
    """Return the weekday of `value`: "Thứ Hai" … "Thứ Bảy", "Chủ nhật"."""
    return WEEKDAY_NAMES[value.weekday()]


def format_thu_ngay(value: date) -> str:
    """Return the weekday and the Decree 30 date, for invitations.

    Example: "Thứ Năm, ngày 01 tháng 7 năm 2021".
    """
    return f"{weekday_name(value)}, {format_ngay(value)}"
