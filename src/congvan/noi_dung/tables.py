"""A table typed as a mapping ``{bang: {…}}`` in the body (docs/noi-dung.md) → blocks.Table.

Widths in mm (when not given: shared by content, fit_columns), alignment per column or cell, merged
cells (``gop_cot`` across, ``gop_dong`` down), header rows repeated on every page. congvan never
cuts a table: one wider than the text area is an error (``bang.qua_rong``), and every row must
fill the grid exactly (``bang.so_cot``), since Word would otherwise draw a ragged table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, Protocol, cast

from ..errors import shorten
from ..measure import text_width_pt
from ..rules import LAYOUT, PAGE, STYLES
from .blocks import Cell, Kind, Paragraph, Run, Table

__all__ = ["MAX_COLUMNS", "MAX_ROWS", "align_of", "as_list", "as_mapping", "build", "fit_columns",
           "is_number", "text_width"]

Path = tuple[str | int, ...]
Align = Literal["left", "center", "right"]

#: Bounds of one table: rows (header and body together) and grid columns.
MAX_ROWS = 1_000
MAX_COLUMNS = 50

_ALIGN: Mapping[str, Align] = {"trai": "left", "giua": "center", "phai": "right",
                               "left": "left", "center": "center", "right": "right"}
_NUMBER = re.compile(r"[+\-−]?\d[\d.,\u00a0 ]*%?")
_KEYS = {"tieu_de", "don_vi", "cot", "dau", "dong"}
_CELL_KEYS = {"o", "gop_cot", "gop_dong", "gop_dong_tren", "can", "dam"}
_EPSILON = 0.01


class ErrorSink(Protocol):
    def __call__(self, path: Path, code: str, line: int | None, vietnamese: str,
                 english: str, /) -> None: ...


def text_width(landscape: bool) -> float:
    """Return the text width in mm: 165 on a portrait page, 252 on a landscape one (PL I §I)."""
    long_side = PAGE.height if landscape else PAGE.width
    return long_side - PAGE.margin_left - PAGE.margin_right


def is_number(text: str) -> bool:
    """Return whether a cell's text is a number (``1.234``, ``98,5%``): right-aligned by default."""
    return bool(_NUMBER.fullmatch(text.strip()))


def align_of(value: str | None) -> Align | None:
    """Return the Cell alignment for a typed ``can`` (trai/giua/phai) or a CSS one."""
    return _ALIGN.get(value) if value is not None else None


def as_mapping(value: object) -> Mapping[object, object] | None:
    """Return `value` as a mapping of unknown values (YAML input), or None if it is not one."""
    return cast("Mapping[object, object]", value) if isinstance(value, Mapping) else None


def as_list(value: object) -> list[object] | None:
    """Return `value` as a list of unknown values (YAML input), or None if it is not one."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        return None
    return list(cast("Sequence[object]", value))


def build(spec: Mapping[object, object], *, path: Path, landscape: bool,
          inline: Callable[[str], tuple[Run, ...]], error: ErrorSink) -> Table | None:
    """Return the Table `spec` describes, or None after reporting its problems to `error`."""
    before = _Counter(error)
    sink = before.sink
    for key in spec:
        if key not in _KEYS:
            sink((*path, str(key)), "bang.khong_hop_le", None,
                 f"khóa '{shorten(key)}' không có trong bảng (dùng {', '.join(sorted(_KEYS))})",
                 "unknown table key")
    caption = _line(spec, "tieu_de", "chu_thich_bang", path, inline, sink)
    unit = _line(spec, "don_vi", "don_vi_bang", path, inline, sink)
    dau = _rows(spec.get("dau", []), (*path, "dau"), sink)
    dong = _rows(spec.get("dong"), (*path, "dong"), sink, required=True)
    if dau is None or dong is None:
        return None
    if len(dau) + len(dong) > MAX_ROWS:
        sink(path, "bang.qua_lon", None, f"bảng tối đa {MAX_ROWS} dòng (MAX_ROWS)",
             "table too long")
        return None
    columns: list[tuple[float | None, Align | None]] | None = _columns(
        spec.get("cot"), (*path, "cot"), sink)
    if columns is None:
        return None
    ncols = len(columns) if columns else _width(dau[0] if dau else dong[0])
    if ncols > MAX_COLUMNS:
        sink(path, "bang.qua_lon", None, f"bảng tối đa {MAX_COLUMNS} cột (MAX_COLUMNS)",
             "too many columns")
        return None
    if not columns:
        columns = [(None, None) for _ in range(ncols)]
    widths = _widths(columns, text_width(landscape), landscape, path, sink)
    header = _grid(dau, ncols, (*path, "dau"), columns, True, inline, sink)
    rows = _grid(dong, ncols, (*path, "dong"), columns, False, inline, sink)
    if before.count or widths is None or header is None or rows is None:
        return None
    given = [w for w, _ in columns]
    return Table(fit_columns(given, (*header, *rows), text_width(landscape)), header, rows,
                 caption, unit)


#: Narrowest column congvan makes (mm): what bang.qua_rong lets the columns without a width share.
_MIN_COLUMN = 5.0
_MM_PER_PT = 25.4 / 72


def fit_columns(given: Sequence[float | None], rows: Sequence[Sequence[Cell]],
                available: float) -> tuple[float, ...]:
    """Return the widths (mm) of a table's columns: each one `given` as typed; the others share
    what is left by their content, as a browser lays out a table (CSS 2.1 §17.5.2.2, simplified).

    Each column wants at least its widest word and at most its longest line, measured in the
    cell's font, plus the cell's margins; a cell across columns asks it of them together. When
    every longest line fits, the columns grow in proportion to them; else each gets its widest
    word and the room left goes to the columns in proportion to what they still want; when even
    the widest words do not fit, each gets _MIN_COLUMN and the rest goes in proportion to what
    their widest words want beyond it (equal shares when the page cannot give each _MIN_COLUMN).
    """
    widths = [w or 0.0 for w in given]
    auto = [i for i, w in enumerate(given) if w is None]
    if auto:
        lo, hi = _wants(widths, auto, rows)
        for i, width in _share(lo, hi, available - sum(widths)).items():
            widths[i] = width
    return tuple(round(w, 2) for w in widths)


def _wants(widths: list[float], auto: list[int],
           rows: Sequence[Sequence[Cell]]) -> tuple[dict[int, float], dict[int, float]]:
    """Return the least and the most width (mm) each column of `auto` wants (fit_columns)."""
    least = dict.fromkeys(auto, 0.0)
    most = dict.fromkeys(auto, 0.0)
    spans: list[tuple[int, int, float, float]] = []  # first column, colspan, word, line
    for row in rows:
        column = 0
        for cell in row:
            if cell.colspan == 1 and column in least:
                word, line = _extent(cell)
                least[column] = max(least[column], word)
                most[column] = max(most[column], line)
            elif cell.colspan > 1 and not cell.merged_above:
                spans.append((column, cell.colspan, *_extent(cell)))
            column += cell.colspan
    margin = 2 * LAYOUT.table_cell_margin + 1.0  # 1 mm: measured text never wraps on rounding
    lo = {i: max(_MIN_COLUMN, least[i] + margin) for i in auto}
    hi = {i: max(lo[i], most[i] + margin) for i in auto}
    # A cell across columns ("Kết quả" over "Số lượng | Tỉ lệ") wants its columns together as
    # wide as its own word and line: what they lack is shared among those without a width,
    # narrower spans first.
    for first, colspan, word, line in sorted(spans, key=lambda span: span[1]):
        columns = range(first, first + colspan)
        mine = [i for i in columns if i in lo]
        fixed = sum(widths[i] for i in columns if i not in lo)
        for wants, text in ((lo, word), (hi, line)):
            lack = text + margin - fixed - sum(wants[i] for i in mine)
            for i in mine if lack > 0 else ():
                wants[i] += lack / len(mine)
        for i in mine:
            hi[i] = max(hi[i], lo[i])
    return lo, hi


def _share(lo: dict[int, float], hi: dict[int, float], left: float) -> dict[int, float]:
    """Return the width of each column given what it wants at least (`lo`) and at most (`hi`),
    `left` mm being theirs to share (fit_columns)."""
    if sum(hi.values()) <= left:
        return {i: hi[i] * left / sum(hi.values()) for i in hi}
    if sum(lo.values()) <= left:
        want = sum(hi[i] - lo[i] for i in hi)
        return {i: lo[i] + (left - sum(lo.values())) * (hi[i] - lo[i]) / want for i in hi}
    if left > _MIN_COLUMN * len(lo):
        over = sum(lo[i] - _MIN_COLUMN for i in lo)
        floor = left - _MIN_COLUMN * len(lo)
        return {i: _MIN_COLUMN + floor * (lo[i] - _MIN_COLUMN) / over for i in lo}
    return dict.fromkeys(lo, left / len(lo))  # too many columns for the page: equal shares


def _extent(cell: Cell) -> tuple[float, float]:
    """Return the widths (mm) of `cell`'s widest word and longest line, in its font."""
    word = line = 0.0
    for paragraph in cell.paragraphs:
        style = STYLES["tieu_de_bang" if paragraph.kind == "tieu_de_bang" else "o_bang"]
        bold = style.bold or cell.bold or (bool(paragraph.runs)
                                            and all(r.bold for r in paragraph.runs))
        for text in paragraph.text.split("\n"):
            line = max(line, text_width_pt(text, style.size, bold=bold) * _MM_PER_PT)
            for part in text.split():
                word = max(word, text_width_pt(part, style.size, bold=bold) * _MM_PER_PT)
    return word, line


class _Counter:
    """Counts the problems a table reports, passing them on."""

    def __init__(self, error: ErrorSink) -> None:
        self.count = 0
        self.error = error

    def sink(self, path: Path, code: str, line: int | None, vietnamese: str, english: str,
             /) -> None:
        self.count += 1
        self.error(path, code, line, vietnamese, english)


def _line(spec: Mapping[object, object], key: str, kind: Kind, path: Path,
          inline: Callable[[str], tuple[Run, ...]], sink: ErrorSink) -> Paragraph | None:
    value = spec.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        sink((*path, key), "bang.khong_hop_le", None, f"{key} phải là chữ", f"'{key}' is text")
        return None
    return Paragraph(kind, inline(value), keep_next=True)


def _rows(value: object, path: Path, sink: ErrorSink,
          required: bool = False) -> list[list[object]] | None:
    rows_typed = as_list(value)
    if rows_typed is None or (required and not rows_typed):
        sink(path, "bang.khong_hop_le", None,
             "phải là danh sách các dòng, mỗi dòng một danh sách ô: [STT, Tên, …]",
             "rows are a list of lists of cells")
        return None
    rows: list[list[object]] = []
    for i, item in enumerate(rows_typed):
        row = as_list(item)
        if not row:
            sink((*path, i), "bang.khong_hop_le", None,
                 "mỗi dòng là một danh sách ô: [1, Phường Vĩnh Hải, \"1.234\"]",
                 "a row is a list of cells")
            return None
        rows.append(row)
    return rows


def _columns(cot: object, path: Path, sink: ErrorSink
             ) -> list[tuple[float | None, Align | None]] | None:
    if cot is None:
        return []
    cols = as_list(cot)
    if not cols:
        sink(path, "bang.khong_hop_le", None,
             "cot là danh sách cột, mỗi cột {rong: mm, can: trai|giua|phai}",
             "'cot' is a list of columns")
        return None
    return [_column(col, (*path, i), sink) for i, col in enumerate(cols)]


def _column(col: object, path: Path, sink: ErrorSink) -> tuple[float | None, Align | None]:
    options = as_mapping(col)
    if options is None:
        sink(path, "bang.khong_hop_le", None, "mỗi cột là {rong: mm, can: trai|giua|phai}",
             "a column is {rong, can}")
        return (None, None)
    width: float | None = None
    align: Align | None = None
    for key, value in options.items():
        if key == "rong":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                sink((*path, "rong"), "bang.khong_hop_le", None,
                     "rong là bề rộng cột theo mm, một số dương", "width in mm, positive")
            else:
                width = float(value)
        elif key == "can":
            align = _can(value, (*path, "can"), sink)
        else:
            sink((*path, str(key)), "bang.khong_hop_le", None,
                 f"khóa '{shorten(key)}' không có trong cột (rong, can)", "unknown column key")
    return (width, align)


def _can(value: object, path: Path, sink: ErrorSink, code: str = "bang.khong_hop_le"
         ) -> Align | None:
    if value not in ("trai", "giua", "phai"):
        sink(path, code, None, f"can là trai, giua hoặc phai, không phải "
             f"'{shorten(value)}'", "align is trai|giua|phai")
        return None
    return _ALIGN[str(value)]


def _widths(columns: list[tuple[float | None, Align | None]], available: float, landscape: bool,
            path: Path, sink: ErrorSink) -> tuple[float, ...] | None:
    given = sum(w for w, _ in columns if w is not None)
    missing = [i for i, (w, _) in enumerate(columns) if w is None]
    share = (available - given) / len(missing) if missing else 0.0
    page = "trang ngang" if landscape else "trang dọc"
    if given > available + _EPSILON or (missing and share < _MIN_COLUMN):
        sink((*path, "cot"), "bang.qua_rong", None,
             f"tổng bề rộng các cột {given:g} mm vượt bề rộng vùng văn bản {available:g} mm "
             f"({page}); congvan không cắt bảng: thu hẹp cột hoặc dùng phụ lục trang ngang",
             "the columns are wider than the text area")
        return None
    return tuple(round(w if w is not None else share, 2) for w, _ in columns)


def _width(row: list[object]) -> int:
    total = 0
    for cell in row:
        options = as_mapping(cell)
        span = options.get("gop_cot", 1) if options is not None else 1
        total += span if isinstance(span, int) and not isinstance(span, bool) and span > 0 else 1
    return total


def _grid(rows: list[list[object]], ncols: int, path: Path,
          columns: list[tuple[float | None, Align | None]], head: bool,
          inline: Callable[[str], tuple[Run, ...]], sink: ErrorSink
          ) -> tuple[tuple[Cell, ...], ...] | None:
    """Place the typed cells of `rows` on a grid `ncols` wide, inserting the merged-above cells
    that a ``gop_dong`` above them implies."""
    pending: dict[int, tuple[int, int]] = {}  # column → (rows still merged, colspan)
    out: list[tuple[Cell, ...]] = []
    ok = True
    for r, row in enumerate(rows):
        cells, column, leftover, row_ok = _place(row, ncols, pending, (*path, r), columns, head,
                                                 inline, sink)
        ok = ok and row_ok
        if column != ncols or leftover:
            sink((*path, r), "bang.so_cot", None,
                 f"dòng {r + 1} của bảng chiếm {column + leftover} cột, bảng có {ncols} cột "
                 "(tính cả gop_cot, gop_dong)", "a row must fill the table's columns exactly")
            ok = False
        out.append(tuple(cells))
    if pending:
        sink(path, "bang.so_cot", None, "gop_dong vượt quá dòng cuối của bảng",
             "a vertical merge runs past the last row")
        ok = False
    return tuple(out) if ok else None


def _place(row: list[object], ncols: int, pending: dict[int, tuple[int, int]], path: Path,
           columns: list[tuple[float | None, Align | None]], head: bool,
           inline: Callable[[str], tuple[Run, ...]], sink: ErrorSink
           ) -> tuple[list[Cell], int, int, bool]:
    """Place one row's typed cells; return them, the columns filled, the cells left, and ok."""
    cells: list[Cell] = []
    column = 0
    typed = iter(enumerate(row))
    ok = True
    while column < ncols:
        if column in pending:  # continued from a gop_dong above
            left, span = pending.pop(column)
            if left > 1:
                pending[column] = (left - 1, span)
            cells.append(Cell(colspan=span, merged_above=True))
            column += span
            continue
        nxt = next(typed, None)
        if nxt is None:
            break
        c, value = nxt
        cell, rowspan = _cell(value, (*path, c), columns[column][1], head, inline, sink)
        if cell is None:
            ok = False
            column += 1
            continue
        if cell.merged_above and path[-1] == 0:
            sink((*path, c), "bang.o", None, "ô gop_dong_tren ở dòng đầu: không có ô trên",
                 "a merged-above cell in the first row")
            ok = False
        cells.append(cell)
        if rowspan > 1:
            pending[column] = (rowspan - 1, cell.colspan)
        column += cell.colspan
    return cells, column, sum(1 for _ in typed), ok


def _cell(value: object, path: Path, column_align: Align | None, head: bool,
          inline: Callable[[str], tuple[Run, ...]], sink: ErrorSink
          ) -> tuple[Cell | None, int]:
    kind: Kind = "tieu_de_bang" if head else "o_bang"
    options: Mapping[object, object] = {}
    mapping = as_mapping(value)
    if mapping is not None:
        options = mapping
        unknown = [key for key in options if key not in _CELL_KEYS]
        if unknown:
            sink((*path, str(unknown[0])), "bang.o", None,
                 f"khóa '{shorten(unknown[0])}' không có trong ô "
                 f"({', '.join(sorted(_CELL_KEYS))})", "unknown cell key")
            return (None, 1)
        value = options.get("o", "")
    runs = _content(value, path, inline, sink)
    spans = _spans(options, path, sink)
    above = options.get("gop_dong_tren", False)
    bold = options.get("dam", False)
    if not isinstance(above, bool) or not isinstance(bold, bool):
        sink(path, "bang.o", None, "gop_dong_tren và dam là true hoặc false",
             "gop_dong_tren and dam are booleans")
        return (None, 1)
    align = _can(options["can"], (*path, "can"), sink, "bang.o") if "can" in options else None
    if runs is None or spans is None or ("can" in options and align is None):
        return (None, 1)
    if above:
        return (Cell(colspan=spans[0], merged_above=True), 1)
    if align is None and not head:
        align = column_align
        if align is None and is_number("".join(r.text for r in runs)):
            align = "right"
    return (Cell((Paragraph(kind, runs),), spans[0], False, align, bold), spans[1])


def _content(value: object, path: Path, inline: Callable[[str], tuple[Run, ...]],
             sink: ErrorSink) -> tuple[Run, ...] | None:
    if isinstance(value, float):
        sink(path, "bang.o", None, f"số thập phân {shorten(value)}: đặt trong ngoặc kép "
             "(\"1.230\" sẽ thành 1.23)", "quote decimal numbers, YAML would change them")
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return (Run(str(value)),)
    if isinstance(value, str):
        return inline(value)
    sink(path, "bang.o", None, "ô là chữ, số nguyên hoặc {o: …, gop_cot: n, gop_dong: n}",
         "a cell is text, an integer or a mapping")
    return None


def _spans(options: Mapping[object, object], path: Path, sink: ErrorSink
           ) -> tuple[int, int] | None:
    spans: list[int] = []
    for key in ("gop_cot", "gop_dong"):
        span = options.get(key, 1)
        if not isinstance(span, int) or isinstance(span, bool) or not 1 <= span <= MAX_ROWS:
            sink((*path, key), "bang.o", None, f"{key} là số nguyên từ 1 đến {MAX_ROWS}",
                 f"{key} is an integer")
            return None
        spans.append(span)
    return (spans[0], spans[1])
