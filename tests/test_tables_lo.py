"""Pipe tables as LibreOffice lays them out: the columns share the width by their content
(noi_dung/tables.fit_columns), so that a short column does not take a long one's room."""

from __future__ import annotations

from .example_pdfs import page_words

MM = 72 / 25.4  # PDF points per mm
EXAMPLE = "cong-van-2596-SGDDT-KHTC"  # | STT | Nội dung báo cáo | Đơn vị thực hiện | Thời hạn |


def _line_tops(words: list[dict], first: str, stop: str, phrase: str) -> set[int]:
    """Return the line tops (rounded pt) of the words of `phrase` in the column whose first word
    is `first` and whose right neighbour in the same row starts with `stop`, above the next row
    (whose cell in that column starts with `first` too)."""
    start = next(w for w in words if w["text"] == first)
    right = next(w for w in words if w["text"] == stop and abs(w["top"] - start["top"]) < 2)
    below = next(w["top"] for w in words if w["text"] == first and w["top"] > start["top"] + 2)
    wanted = phrase.split()
    return {round(w["top"]) for w in words
            if start["x0"] - 1 <= w["x0"] < right["x0"] and start["top"] - 1 <= w["top"] < below
            and w["text"] in wanted}


def test_each_cell_keeps_its_text_on_few_lines(example_pdfs):
    words = [w for page in page_words(example_pdfs[EXAMPLE]) for w in page]
    # 165 mm shared equally (41 mm a column) put this cell on three lines and left STT's column
    # as wide as the others; by content it takes two.
    tops = _line_tops(words, "Danh", "Các", "Danh sách học sinh lớp 12 năm học 2024-2025")
    assert len(tops) <= 2, tops
    # The STT column is narrow: the second column's left-aligned text starts about 13 mm (plus
    # the cell margin) right of the 30 mm left margin, not 41 mm.
    danh = next(w for w in words if w["text"] == "Danh")
    assert danh["x0"] - 30 * MM < 20 * MM, danh["x0"] / MM
    date = [w for w in words if w["text"] == "30/11/2024"]
    assert len(date) == 2  # whole, on one line, in both rows
