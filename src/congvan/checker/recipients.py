"""Kính gửi (ô 9a) and Nơi nhận (ô 9b), PL I §II.9.

With several addressees the dash lines stand aligned with one another under the colon of
``Kính gửi:`` (``kinh_gui.thang_hang``). Where a line starts is computed from the effective indents
(left + first-line or hanging), plus leading spaces and tabs to default tab stops; the colon is
where the ``Kính gửi:`` line starts plus the width of the text before the colon
(``measure.text_width_pt`` at the run's size, bold and italic; only for Times New Roman, the font it
measures). Lines whose start cannot be known this way (centred or right-aligned paragraphs, custom
tab stops, text before the dash on its line, a justified label line that Word may stretch) are left
out; dash lines in another table cell than the label are only compared with one another.
"""

from __future__ import annotations

import re
from collections import Counter

from ..rules import FONT, LUU_VAN_THU, STYLES
from ._anatomy import fold
from ._base import Ctx, align_vi
from ._metrics import text_width_pt
from ._model import Span

# Entries are document text: the endings are tested by plain string code below, not by regexes
# with a ``.*`` that a line of ``;(`` makes quadratic (issue 7).
_LUU = re.compile(rf"^-\s*Lưu\s*:\s*{LUU_VAN_THU}\b")
_KINH_GUI = re.compile(r"^Kính gửi\s*:")
_DASHES = "-–—+•*"
#: How far (twips) a line may sit from the left margin and still be "sát lề trái".
FLUSH_TOLERANCE = 30
#: How far (mm) a Kính gửi dash line may start from the colon, or from the other dash lines, and
#: still be aligned: Word rounds indents to whole twips and measure.py ignores kerning.
ALIGN_TOLERANCE_MM = 1.5
_PT_PER_MM = 72 / 25.4


def noi_nhan_expected(text: str, last: bool) -> str | None:
    """Return the Nơi nhận entry `text` punctuated as PL I §II.9.d wants, None when it already is.

    Only the leading dash and the closing mark change; a trailing note in brackets stays after
    ``;``.

    >>> noi_nhan_expected("Như trên", False)
    '- Như trên;'
    >>> noi_nhan_expected("- Sở Nội vụ; (để b/c)", False) is None
    True
    >>> noi_nhan_expected("- Lưu: VT, VP;", True)
    '- Lưu: VT, VP.'
    """
    body = text.strip()
    if last and _luu_closed(body) and body.startswith("- ") and not body.endswith(";"):
        return None
    if not last and body.startswith("- ") and _entry_closed(body):
        return None
    if body[:1] and body[0] in _DASHES:
        body = body[1:].lstrip()
    note = ""
    if body.endswith(")") and not last:
        i = body.rfind("(")
        if i >= 0 and ")" not in body[i + 1:-1]:
            note, body = " " + body[i:], body[:i].rstrip()
    body = body.rstrip(" ;.,:")
    return f"- {body}{'.' if last else ';'}{note}"


def _entry_closed(body: str) -> bool:
    """Return True when an entry ends with ``;``, or with ``;`` and then a note in brackets."""
    if body.endswith(";"):
        return True
    if not body.endswith(")"):
        return False
    i = body.find(";")
    while i >= 0:  # each ";" looks only at the spaces after it: linear in the entry
        j = i + 1
        while j < len(body) and body[j].isspace():
            j += 1
        if j < len(body) - 1 and body[j] == "(":
            return True
        i = body.find(";", j)
    return False


def _luu_closed(body: str) -> bool:
    """Return True when the Lưu entry ends with ``.``, or with ``.`` and one word (ô 12)."""
    if body.endswith("."):
        return True
    words = body.rsplit(None, 1)
    return len(words) == 2 and body[-1:].strip() != "" and words[0].endswith(".")


def check(ctx: Ctx) -> None:
    _kinh_gui(ctx)
    _noi_nhan(ctx)


def _kinh_gui(ctx: Ctx) -> None:
    an = ctx.an
    label = an.kinh_gui
    if label is None:
        return
    if not _KINH_GUI.match(label.text):
        ctx.add("kinh_gui.dau_hai_cham", label, label.text[:20], "Kính gửi:")
    for span in [label, *an.kinh_gui_list]:
        ctx.style("kinh_gui", span, STYLES["kinh_gui"])
    items = an.kinh_gui_list
    after_colon = label.text.split(":", 1)[1].strip() if ":" in label.text else ""
    if len(items) == 1 and not after_colon:
        ctx.add("kinh_gui.mot_dong", items[0], "tên nơi nhận ở dòng riêng",
                f"Kính gửi: {items[0].text.lstrip('-–+• ').rstrip(';.')}")
        return
    for i, span in enumerate(items):
        last = i == len(items) - 1
        ok = span.text.startswith("- ") and span.text.endswith("." if last else ";")
        if len(items) > 1 and not ok:
            ctx.add("kinh_gui.dau_cau", span, span.text, ("- … ." if last else "- … ;"))
    if len(items) > 1:
        _kinh_gui_thang_hang(ctx, label, items)


def line_start_pt(ctx: Ctx, span: Span) -> float | None:
    """Return where the text of `span` starts on its line, in points from the left edge of the text
    area (or of its table cell); None when that cannot be known (see the module docstring)."""
    para = span.para
    if para.jc not in ("left", "start", "both"):
        return None
    raw = span.raw
    prefix = para.text[:span.start + len(raw) - len(raw.lstrip())]
    if "\n" in prefix:
        x = para.left / 20
        prefix = prefix.rsplit("\n", 1)[1]
    else:
        x = (para.left + para.first_line) / 20
    if prefix.strip(" \t"):
        return None
    runs = span.runs()
    size = runs[0].size if runs else STYLES["kinh_gui"].size
    tab = ctx.view.default_tab / 20
    for ch in prefix:
        if ch != "\t":
            x += text_width_pt(ch, size)
        elif para.props.get("tabs") or tab <= 0:
            return None
        elif para.first_line < 0 and x < para.left / 20:
            x = para.left / 20  # a hanging indent is a tab stop of its own
        else:
            x = (int(x / tab + 1e-6) + 1) * tab
    return x


def _colon_pt(ctx: Ctx, label: Span) -> float | None:
    """Return where the colon of ``Kính gửi:`` stands, in points (None when unknown)."""
    para = label.para
    if para.jc == "both" and para.text[label.end:].strip():
        return None  # the line is not the paragraph's last: Word stretches its spaces
    start = line_start_pt(ctx, label)
    raw = label.raw.lstrip()
    runs = label.runs()
    if start is None or ":" not in raw or not runs or runs[0].font_hansi != FONT:
        return None  # measure.py knows Times New Roman only
    return start + text_width_pt(raw[:raw.index(":")], runs[0].size, bold=runs[0].bold,
                                 italic=runs[0].italic)


def _kinh_gui_thang_hang(ctx: Ctx, label: Span, items: list[Span]) -> None:
    """Report dash lines not under the colon of ``Kính gửi:`` or not aligned with one another."""
    tol = ALIGN_TOLERANCE_MM * _PT_PER_MM
    starts = [(s, x) for s in items if (x := line_start_pt(ctx, s)) is not None]
    colon = _colon_pt(ctx, label)
    expected = "thẳng hàng với nhau, dưới dấu hai chấm của “Kính gửi:”"
    if colon is not None:
        under = [(s, x) for s, x in starts
                 if (s.para.table, s.para.row, s.para.col) == (
                     label.para.table, label.para.row, label.para.col)]
        off = [(s, round((x - colon) / _PT_PER_MM, 1)) for s, x in under if abs(x - colon) > tol]
        for mm, spans in _by_value(off).items():
            ctx.add("kinh_gui.thang_hang", spans[0],
                    f"gạch đầu dòng lệch {mm:+.1f} mm so với dấu hai chấm ({len(spans)} dòng)",
                    expected, lines=spans)
        if off:
            return
    if len(starts) < 2:
        return
    keys = [round(x / _PT_PER_MM * 2) for _, x in starts]  # to the half millimetre
    common = Counter(keys).most_common(1)[0][0]
    ref = starts[keys.index(common)][1]
    off = [(s, round((x - ref) / _PT_PER_MM, 1)) for s, x in starts if abs(x - ref) > tol]
    for mm, spans in _by_value(off).items():
        ctx.add("kinh_gui.thang_hang", spans[0],
                f"gạch đầu dòng lệch {mm:+.1f} mm so với các dòng khác ({len(spans)} dòng)",
                expected, lines=spans)


def _by_value(pairs: list[tuple[Span, float]]) -> dict[float, list[Span]]:
    out: dict[float, list[Span]] = {}
    for span, value in pairs:
        out.setdefault(value, []).append(span)
    return out


def _flush_left(ctx: Ctx, span: Span) -> None:
    """A Nơi nhận line starts at the left margin (PL I §II.9.b)."""
    if span.start == 0 and (abs(span.para.left + span.para.first_line) > FLUSH_TOLERANCE
                            or span.para.jc in ("center", "right", "end")):
        edge = span.para.left + span.para.first_line
        ctx.add("noi_nhan.sat_le_trai", span,
                f"lùi {edge / 1440 * 25.4:.1f} mm, canh {align_vi(span.para.jc)}",
                "sát lề trái")


def _noi_nhan(ctx: Ctx) -> None:
    an = ctx.an
    label = an.noi_nhan_label
    if label is None:
        if an.quoc_hieu is not None and (an.so is not None or an.tham_quyen):
            ctx.add("noi_nhan.thieu", an.tham_quyen[0] if an.tham_quyen else None, "không có",
                    "Nơi nhận: ở góc dưới bên trái")
        return
    if label.text != "Nơi nhận:":
        ctx.add("noi_nhan.nhan", label, label.text, "Nơi nhận:")
    ctx.style("noi_nhan", label, STYLES["noi_nhan_label"], size_id="noi_nhan.nhan_co_chu",
              kind_id="noi_nhan.nhan_kieu_chu")
    entries = an.noi_nhan
    for span in entries:
        ctx.style("noi_nhan", span, STYLES["noi_nhan"])
    for span in [label, *entries]:
        _flush_left(ctx, span)
    for i, span in enumerate(entries):
        want = noi_nhan_expected(span.text, i == len(entries) - 1)
        if want is not None:
            ctx.add("noi_nhan.dau_cau", span, span.text, want, want=want)
    if not entries or not _LUU.match(entries[-1].text):
        where = entries[-1] if entries else label
        ctx.add("noi_nhan.luu_vt", where, entries[-1].text if entries else "không có",
                f"- Lưu: {LUU_VAN_THU}, <đơn vị soạn thảo>.")
    if an.kinh_gui is not None and entries and not fold(entries[0].text).startswith("NHUTREN"):
        ctx.add("noi_nhan.nhu_tren", entries[0], entries[0].text, "- Như trên;")
