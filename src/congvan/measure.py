"""Width of text set in Times New Roman, from the font's advance widths.

Decree 30 sizes some rules by the text above them (PL I §II.1.b: the rule under the Tiêu ngữ is as
long as the motto; §II.2.b and §II.5.b: 1/3–1/2 of the line). The widths come from
``data/times_metrics.json`` (Liberation Serif, metric-compatible with Times New Roman; see
scripts/build_font_metrics.py). Kerning is ignored: Word and LibreOffice do not kern by default.

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


@lru_cache(maxsize=1)
def _metrics() -> dict[str, Any]:
    data = resources.files("congvan").joinpath("data/times_metrics.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(data)
    return result


def _face(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic",
            (True, True): "bold_italic"}[(bold, italic)]


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Return the width in points of `text` on one line at `size_pt`."""
    metrics = _metrics()
    widths: dict[str, int] = metrics[_face(bold, italic)]
    fallback = widths["n"]
    total = 0
    units_per_em: int = metrics["units_per_em"]
    for ch in unicodedata.normalize("NFC", text):
        w = widths.get(ch)
        if w is None:  # a letter outside the table: measure its base letter
            w = widths.get(unicodedata.normalize("NFD", ch)[0], fallback)
        total += w
    return total * size_pt / units_per_em
