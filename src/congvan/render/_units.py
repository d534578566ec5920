"""Every unit conversion the renderer makes: millimetres and points to Word's units.

WordprocessingML measures lengths in paragraph and table XML in twips (twentieths of a point),
font sizes in half-points, border widths in eighths of a point and drawings in EMU (36 000 per
millimetre). python-docx's ``docx.shared`` lengths (``Mm``, ``Pt``, ``Twips``, ``Emu``) are used
wherever python-docx takes a length; these pure functions give the integers the XML itself holds,
with the rounding each caller has always had.
"""

from __future__ import annotations

import math

from docx.shared import Twips

__all__ = [
    "EMU_PER_MM", "MM_PER_INCH", "PT_PER_INCH", "TWIPS_PER_PT", "emu_to_mm", "mm_to_emu",
    "mm_to_twips", "mm_to_twips_up", "pt_to_eighths", "pt_to_half_points", "pt_to_mm",
    "pt_to_twips",
]

MM_PER_INCH = 25.4
PT_PER_INCH = 72
TWIPS_PER_PT = 20
_TWIPS_PER_INCH = PT_PER_INCH * TWIPS_PER_PT  # 1440
#: English Metric Units per millimetre (914 400 per inch).
EMU_PER_MM = 36000


def mm_to_twips(mm: float) -> int:
    """Return `mm` in twips, rounded to the nearest."""
    return round(mm * _TWIPS_PER_INCH / MM_PER_INCH)


def mm_to_twips_up(mm: float) -> Twips:
    """Return `mm` in whole twips rounded up, so that a minimum (15 mm) is never stored as
    14.99 mm."""
    return Twips(math.ceil(mm * _TWIPS_PER_INCH / MM_PER_INCH))


def pt_to_twips(pt: float) -> int:
    """Return `pt` in twips, rounded to the nearest."""
    return round(pt * TWIPS_PER_PT)


def pt_to_mm(pt: float) -> float:
    """Return `pt` in millimetres."""
    return pt * MM_PER_INCH / PT_PER_INCH


def pt_to_half_points(pt: float) -> int:
    """Return a font size `pt` in half-points (``w:sz``), whole half-points as Word stores it."""
    return int(pt * 2)


def pt_to_eighths(pt: float) -> int:
    """Return `pt` in eighths of a point, the unit of ``w:sz`` on a border."""
    return round(pt * 8)


def mm_to_emu(mm: float) -> int:
    """Return `mm` in EMU, rounded to the nearest."""
    return round(mm * EMU_PER_MM)


def emu_to_mm(emu: int) -> float:
    """Return `emu` in millimetres."""
    return emu / EMU_PER_MM
