"""The body of a document (ô 6) as blocks: what the markup of docs/noi-dung.md parses to, what the
family context builders compose (căn cứ, the authority line, phụ lục) and what render/body.py turns
into Word paragraphs and tables.

Every number is already written into the text (``Điều 3.``, ``2.``, ``đ)``): congvan numbers from
the structure (PL I §II.6.đ), so the printed number and a cross-reference (``Điều {dieu:to-chuc}``)
can never disagree, and the Vietnamese điểm letters (đ included, no f, j, w, z) are not a Word
numbering format. The paragraph ``kind`` names the Word style a clerk can restyle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

__all__ = ["KINDS", "Block", "Cell", "Kind", "Paragraph", "Run", "SectionBreak", "Table"]

#: The kinds of body paragraph, each with its own paragraph style (render/body.py), as §3.6 of
#: shared/decree30.md sets them.
Kind: TypeAlias = Literal[
    "doan",                # running text: justified, first-line indent 12.7 mm (PL I §II.6.e)
    "can_cu",              # a legal basis: italic, first-line indent (PL I §II.6.a)
    "tham_quyen_ban_hanh", # authority line above the căn cứ: centred, upper, bold (mẫu 1.1–1.3)
    "quyet_dinh",          # "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:": centred, upper case, bold (mẫu 1.1–1.3)
    "phan",                # "Phần I" / "Chương I" / "Mục 1" / "Tiểu mục 1": centred, bold (§II.6.đ)
    "chuong",
    "muc",
    "tieu_muc",
    "tieu_de_chuong_muc",  # the title under them: centred, UPPER CASE, bold
    "dieu",                # "Điều 1. Title": bold, first-line indent
    "khoan",               # "1. text": regular, first-line indent
    "khoan_tieu_de",       # "1. Title" on its own line: bold
    "diem",                # "a) text": regular, first-line indent
    "muc_la_ma",           # structure B "I. TITLE": bold, upper case, first-line indent
    "gach",                # "- text" (practice, under a khoản or điểm)
    "cong",                # "+ text" (practice, under a "-")
    "chu_thich_bang",      # a table's caption: centred, bold
    "don_vi_bang",         # "Đơn vị tính: …" over a table: right, italic
    "o_bang",              # text in a table cell
    "tieu_de_bang",        # text in a header cell: bold, centred
    "phu_luc",             # "Phụ lục I": centred, bold, 14 pt (PL I §III.1, mẫu 2.1)
    "tieu_de_phu_luc",     # appendix title: centred, UPPER CASE, bold
    "kem_theo",            # "(Kèm theo … số … ngày … của …)": centred, italic (mẫu 1.3, 2.1)
    "duong_ke",            # a short rule under "(Kèm theo …)": an empty paragraph, text = ""
    "ten_loai",            # an attached text's type name (mẫu 1.3): centred, upper case, bold
    "trich_yeu",           # its trích yếu: centred, bold
    "chu_thich",           # the text of a footnote
    "gioi_thieu",          # mẫu 1.8's "<Body> trân trọng giới thiệu:": centred, regular
]
KINDS: frozenset[str] = frozenset(Kind.__args__)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Run:
    """Text with one formatting. A ``\\n`` in `text` is a line break inside the paragraph.

    A run with `footnote` is a footnote reference (Word numbers it); its `text` is empty and the
    footnote's own paragraphs (kind ``chu_thich``) are in `footnote`.
    """

    text: str
    bold: bool = False
    italic: bool = False
    footnote: tuple[Paragraph, ...] | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body: its kind (its style) and its runs."""

    kind: Kind
    runs: tuple[Run, ...] = ()
    keep_next: bool = False  # kept on the page of the next paragraph (a heading, a caption)

    @property
    def text(self) -> str:
        """Return the paragraph's text, without footnote marks."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Cell:
    """One cell of a table. `colspan` columns wide; `merged_above` continues the cell above it (a
    vertical merge): such a cell has no paragraphs of its own."""

    paragraphs: tuple[Paragraph, ...] = ()
    colspan: int = 1
    merged_above: bool = False
    align: Literal["left", "center", "right"] | None = None  # None: the style's
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """A bordered table. `widths_mm` gives the grid; each row's cells span it exactly (colspans
    and merged-above cells counted). `header` rows repeat at the top of every page."""

    widths_mm: tuple[float, ...]
    header: tuple[tuple[Cell, ...], ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    caption: Paragraph | None = None  # above the table
    unit: Paragraph | None = None  # "Đơn vị tính: …", between the caption and the table


@dataclass(frozen=True)
class SectionBreak:
    """A new page that starts a section: a phụ lục (numbered from 1 again, PL I §III.1.đ), an
    attached text (mẫu 1.3). `landscape` turns the pages of the new section."""

    landscape: bool = False
    restart_numbering: bool = True


Block: TypeAlias = Paragraph | Table | SectionBreak
