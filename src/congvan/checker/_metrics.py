"""Width of text set in Times New Roman, the checker's own reading of the font's advance widths.

The widths are facts about the font (``data/times_metrics.json``: Liberation Serif,
metric-compatible with Times New Roman, written by scripts/build_font_metrics.py); the arithmetic
here is the checker's, so a mistake in the renderer's measurement (``congvan.measure``) cannot
hide itself by agreeing with the checker. Kerning is ignored, as Word and LibreOffice do by default.

>>> round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True), 1)
159.1
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["text_width_pt"]

_FACES = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
          (True, True): "bold_italic"}


@lru_cache(maxsize=1)
def _font() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("congvan").joinpath("data/times_metrics.json").read_text("utf-8"))
    return data


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the width in points of `text` set on one line at `size_pt`.

    A letter the table lacks is measured as its base letter (a stacked diacritic adds no
    advance), and an unknown character as an "n".
    """
    font = _font()
    advances: dict[str, int] = font[_FACES[(bold, italic)]]
    units = 0
    for ch in unicodedata.normalize("NFC", text):
        width = advances.get(ch)
        if width is None:
            width = advances.get(unicodedata.normalize("NFD", ch)[0], advances["n"])
        units += width
    return units * size_pt / font["units_per_em"]
