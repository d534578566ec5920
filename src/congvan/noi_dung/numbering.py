"""The numbers congvan writes into the body (PL I §II.6.đ): Roman for Phần, Chương and structure B's
Mục, Arabic for Mục, Tiểu mục, Điều and Khoản, Vietnamese letters for điểm.

A clerk never numbers by hand: the counters below follow the structure, so moving an article
renumbers it and every cross-reference to it.

>>> roman(14)
'XIV'
>>> [chu_cai(n) for n in (1, 5, 6, 23, 24, 25)]
['a', 'đ', 'e', 'y', 'aa', 'bb']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..rules import CHU_CAI_DIEM

__all__ = ["RESETS", "Counters", "chu_cai", "roman"]

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Return `n` (≥ 1) in Roman numerals: ``4`` → ``IV``."""
    if n < 1:
        raise ValueError(f"no Roman numeral for {n}")
    out: list[str] = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def chu_cai(n: int) -> str:
    """Return the `n`-th điểm letter (n ≥ 1): a … y (rules.CHU_CAI_DIEM), then aa, bb, … yy, aaa."""
    if n < 1:
        raise ValueError(f"no điểm letter for {n}")
    times, index = divmod(n - 1, len(CHU_CAI_DIEM))
    return CHU_CAI_DIEM[index] * (times + 1)


#: What a new heading or item of each level restarts.
RESETS: dict[str, tuple[str, ...]] = {
    "phan": ("muc", "tieu_muc", "khoan", "diem"),
    "chuong": ("muc", "tieu_muc", "khoan", "diem"),
    "muc": ("tieu_muc", "khoan", "diem"),
    "tieu_muc": ("khoan", "diem"),
    "dieu": ("khoan", "diem"),
    "khoan": ("diem",),
    "diem": (),
}


@dataclass
class Counters:
    """The running numbers of one body (its attached text and each phụ lục count apart).

    Điều runs through the whole text (not restarting per chapter); Chương and Phần too. Mục
    restarts per Chương (structure A) or per Phần (structure B); Tiểu mục per Mục; Khoản at every
    heading (so per Điều in A, per Mục/Phần in B); Điểm per Khoản.
    """

    levels: dict[str, int] = field(default_factory=dict[str, int])

    def next(self, level: str) -> int:
        """Advance `level`, restart the levels under it, and return its new number."""
        value = self.levels.get(level, 0) + 1
        self.levels[level] = value
        for lower in RESETS[level]:
            self.levels[lower] = 0
        return value

    def peek(self, level: str) -> int:
        """Return the number the next item of `level` would get."""
        return self.levels.get(level, 0) + 1
