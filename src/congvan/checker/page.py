"""Page size, orientation and margins (PL I, Phần I, §I.1–3): ``trang.kho_giay``, ``trang.huong``,
``trang.le``."""

from __future__ import annotations

from ..rules import PAGE
from ._base import MM_PER_TWIP, Ctx

#: Tolerance when comparing lengths stored in twips with the decree's millimetres.
PAPER_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 0.1
#: Word's own default when a section has no w:pgMar (1 inch).
DEFAULT_MARGIN_TWIPS = 1440

MARGINS = {"top": ("trên", PAGE.margin_top_range), "bottom": ("dưới", PAGE.margin_bottom_range),
           "left": ("trái", PAGE.margin_left_range), "right": ("phải", PAGE.margin_right_range)}


def mm(twips: int) -> float:
    return twips * MM_PER_TWIP


def check(ctx: Ctx) -> None:
    for sec in ctx.view.sections:
        if sec.width and sec.height:
            w, h = mm(sec.width), mm(sec.height)
            landscape = w > h
            # PL I §I.2: a page of tables (bảng, biểu) may be landscape.
            if landscape and not sec.has_table:
                ctx.add("trang.huong", None, "khổ ngang", "khổ dọc (trừ trang có bảng, biểu)",
                        section=sec.index)
            if landscape:
                w, h = h, w
            if (abs(w - PAGE.width) > PAPER_TOLERANCE_MM
                    or abs(h - PAGE.height) > PAPER_TOLERANCE_MM):
                ctx.add("trang.kho_giay", None, f"{w:.0f} × {h:.0f} mm",
                        f"A4 {PAGE.width:g} × {PAGE.height:g} mm", section=sec.index)
        for side, (name, (lo, hi)) in MARGINS.items():
            value = sec.margins.get(side)
            value_mm = mm(DEFAULT_MARGIN_TWIPS if value is None else abs(value))
            if not lo - MARGIN_TOLERANCE_MM <= value_mm <= hi + MARGIN_TOLERANCE_MM:
                ctx.add("trang.le", None, f"lề {name} {value_mm:.1f} mm",
                        f"lề {name} {lo:g}–{hi:g} mm", section=sec.index, side=side, lo=lo, hi=hi)
