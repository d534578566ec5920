"""Kính gửi (ô 9a) and Nơi nhận (ô 9b), PL I §II.9.

With several addressees the dash lines stand aligned with one another under the colon of
``Kính gửi:`` (``kinh_gui.thang_hang``). Where a line starts is computed from the effective indents
(left + first-line or hanging), plus leading spaces and tabs to default tab stops; the colon is
where the ``Kính gửi:`` line starts plus the width of the text before the colon
(the checker's own ``_metrics.text_width_pt`` at the run's size, bold and italic; only for Times
New Roman, the font it measures). Lines whose start cannot be known this way (centred or
right-aligned paragraphs, custom tab stops, text before the dash on its line, a justified label
line that Word may stretch) are left out; dash lines in another table cell than the label are only
compared with one another. Off the colon but aligned with one another is a warning (mẫu 1.5 does
it).
"""

from __future__ import annotations

import re
from collections import Counter

from ..rules import FONT, LUU_VAN_THU, NOI_NHAN_LE_TRAI_MM, STYLES, THI_HANH, TWIPS_PER_MM
from ._anatomy import fold
from ._base import MM_PER_TWIP, Ctx, align_vi
from ._metrics import text_width_pt
from ._model import Span
from ._resolve import W, to_int
from ._xml import Element

# Entries are document text: the endings are tested by plain string code below, not by regexes
# with a ``.*`` that a line of ``;(`` makes quadratic (issue 7).
_LUU = re.compile(rf"^-\s*Lưu\s*:\s*{LUU_VAN_THU}\b")
_KINH_GUI = re.compile(r"^Kính gửi\s*:")
#: ``- Như Điều 3;``, ``- Như Điều 2, 3;``, ``- Như Điều 2 và Điều 3;``: the article numbers.
_NHU_DIEU = re.compile(
    r"^[-–—+•*]?\s?như\s(?:tại\s)?điều\s(\d{1,3}(?:\s?(?:,|và điều|và)\s?\d{1,3}){0,9})",
    re.IGNORECASE)
_DIEU = re.compile(r"^Điều\s(\d{1,3})\b")
_DIGITS = re.compile(r"\d+")
#: An article's text read for the executors is cut here: a 256 KB article need not be copied.
_ARTICLE_CHARS = 4000
_DASHES = "-–—+•*"
_W = f"{{{W}}}"
#: Word's left cell margin when neither the table, its style nor the cell sets one (0.19 cm).
_WORD_CELL_MARGIN = 108
#: How far (mm) a Kính gửi dash line may start from the colon, or from the other dash lines, and
#: still be aligned: Word rounds indents to whole twips and _metrics.py ignores kerning.
ALIGN_TOLERANCE_MM = 1.5
_PT_PER_MM = 72 / 25.4


def noi_nhan_expected(text: str, last: bool) -> str | None:
    """Return the Nơi nhận entry `text` punctuated as PL I §II.9.d wants, None when it already is.

    Only the leading dash and the closing mark change. A note in brackets stays where it is
    (issue 9: “(Đ/c Duệ)” moved after a new ``;`` reads as a rewrite): the mark goes at the end of
    the line, as congvan writes it; a note after ``;`` is accepted as it stands.

    >>> noi_nhan_expected("Như trên", False)
    '- Như trên;'
    >>> noi_nhan_expected("- Sở Nội vụ; (để b/c)", False) is None
    True
    >>> noi_nhan_expected("- Phó Chủ tịch UBND tỉnh (Đ/c Duệ)", False)
    '- Phó Chủ tịch UBND tỉnh (Đ/c Duệ);'
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
    body = body.rstrip(" ;.,:")
    return f"- {body}{'.' if last else ';'}"


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
        ok = span.shown.startswith("- ") and span.text.endswith("." if last else ";")
        if len(items) > 1 and not ok:
            ctx.add("kinh_gui.dau_cau", span, span.shown, ("- … ." if last else "- … ;"))
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
        return None  # _metrics.py knows Times New Roman only
    return start + text_width_pt(raw[:raw.index(":")], runs[0].size, bold=runs[0].bold,
                                 italic=runs[0].italic)


def _kinh_gui_thang_hang(ctx: Ctx, label: Span, items: list[Span]) -> None:
    """Report dash lines not aligned with one another (an error) and, among those that are, lines
    not under the colon of ``Kính gửi:``: §II.9.d's text puts them there, the decree's own mẫu 1.5
    hangs them about 1 cm left of it (under "gửi"), so that is a warning."""
    tol = ALIGN_TOLERANCE_MM * _PT_PER_MM
    starts = [(s, x) for s in items if (x := line_start_pt(ctx, s)) is not None]
    expected = "thẳng hàng với nhau, dưới dấu hai chấm của “Kính gửi:”"
    astray: set[int] = set()
    if len(starts) > 1:
        keys = [round(x / _PT_PER_MM * 2) for _, x in starts]  # to the half millimetre
        common = Counter(keys).most_common(1)[0][0]
        ref = starts[keys.index(common)][1]
        off = [(s, round((x - ref) / _PT_PER_MM, 1)) for s, x in starts if abs(x - ref) > tol]
        for mm, spans in _by_value(off).items():
            ctx.add("kinh_gui.thang_hang", spans[0],
                    f"gạch đầu dòng lệch {mm:+.1f} mm so với các dòng khác ({len(spans)} dòng)",
                    expected, lines=spans)
        astray = {id(s) for s, _ in off}
    colon = _colon_pt(ctx, label)
    if colon is None:
        return
    under = [(s, x) for s, x in starts if id(s) not in astray
             and (s.para.table, s.para.row, s.para.col) == (
                 label.para.table, label.para.row, label.para.col)]
    off = [(s, round((x - colon) / _PT_PER_MM, 1)) for s, x in under if abs(x - colon) > tol]
    for mm, spans in _by_value(off).items():
        ctx.add("kinh_gui.thang_hang", spans[0],
                f"gạch đầu dòng lệch {mm:+.1f} mm so với dấu hai chấm ({len(spans)} dòng)",
                expected, severity="canh_bao", lines=spans)


def _by_value(pairs: list[tuple[Span, float]]) -> dict[float, list[Span]]:
    out: dict[float, list[Span]] = {}
    for span, value in pairs:
        out.setdefault(value, []).append(span)
    return out


def _flush_left(ctx: Ctx, spans: list[Span]) -> None:
    """“Nơi nhận:” and its lines start at the left margin (PL I §II.9.d), within
    ``NOI_NHAN_LE_TRAI_MM``: one finding for the block, listing the lines that do not."""
    tol = NOI_NHAN_LE_TRAI_MM * TWIPS_PER_MM
    cells: dict[tuple[int | None, int | None, int | None], float | None] = {}
    off: list[tuple[Span, float | None]] = []
    for span in spans:
        para = span.para
        where = (para.table, para.row, para.col)  # the cell's place is read once per cell
        if where not in cells:
            cells[where] = _cell_text_left(ctx, para.el) if para.table is not None else 0.0
        after_break = para.text.rfind("\n", 0, span.start) >= 0
        edge = para.left + (0 if after_break else para.first_line) + (cells[where] or 0.0)
        if para.jc in ("center", "right", "end"):
            off.append((span, None))
        elif abs(edge) > tol:
            off.append((span, edge))
    if not off:
        return
    mm = sorted({round(e * MM_PER_TWIP, 1) for _, e in off if e is not None})
    found = [f"lệch {', '.join(f'{v:+.1f}' for v in mm)} mm so với lề trái"] if mm else []
    found += [f"canh {align_vi(j)}" for j in sorted({s.para.jc for s, e in off if e is None})]
    ctx.add("noi_nhan.sat_le_trai", off[0][0], f"{'; '.join(found)} ({len(off)} dòng)",
            f"sát lề trái (lệch tối đa {NOI_NHAN_LE_TRAI_MM:g} mm)", lines=[s for s, _ in off])


def _ancestor(el: Element, tag: str) -> Element | None:
    for a in el.iterancestors(_W + tag):
        return a
    return None


def _dxa(el: Element | None) -> int | None:
    """Return a length in twips (``w:w`` of type dxa, or with no type); None for %, auto or
    absent."""
    if el is None or (el.get(_W + "type") or "dxa") != "dxa":
        return None
    return to_int(el.get(_W + "w"))


def _table_prop(ctx: Ctx, tbl: Element, path: str) -> Element | None:
    """Return the first `path` under the w:tblPr of `tbl`, else of its table style chain, else of
    the default table style."""
    tblPr = tbl.find(_W + "tblPr")
    found = None if tblPr is None else tblPr.find(path)
    if found is not None:
        return found
    styles = ctx.view.styles
    style = None if tblPr is None else tblPr.find(_W + "tblStyle")
    sid = style.get(_W + "val") if style is not None else styles.default_table
    seen: set[str] = set()
    while sid and sid in styles.table_styles and sid not in seen:
        seen.add(sid)
        based, pr = styles.table_styles[sid]
        found = None if pr is None else pr.find(path)
        if found is not None:
            return found
        sid = based
    return None


def _cell_margin(ctx: Ctx, tbl: Element, tc: Element | None) -> int:
    """Return the left margin (twips) of cell `tc`: its own w:tcMar, else the table's."""
    for where in (tc.find(f"{_W}tcPr/{_W}tcMar") if tc is not None else None,
                  _table_prop(ctx, tbl, _W + "tblCellMar")):
        if where is not None:
            for side in ("start", "left"):
                value = _dxa(where.find(_W + side))
                if value is not None:
                    return value
    return _WORD_CELL_MARGIN


def _cell_text_left(ctx: Ctx, el: Element) -> float | None:
    """Return where the text of the table cell holding `el` starts, in twips from the left margin
    (None when the table's geometry cannot be read: widths in %, a centred nested table …). A
    nested table starts where the text of its enclosing cell does; read level by level, without
    recursion (tables nest as deep as the XML does)."""
    x = 0.0
    tc = _ancestor(el, "tc")
    while tc is not None:
        tbl, tr = _ancestor(tc, "tbl"), _ancestor(tc, "tr")
        if tbl is None or tr is None:
            return None
        outer = _ancestor(tbl, "tc")
        offset = _cell_offset(ctx, tbl, tr, tc, nested=outer is not None)
        if offset is None:
            return None
        x += offset
        tc = outer
    return x


def _cell_offset(ctx: Ctx, tbl: Element, tr: Element, tc: Element, *,
                 nested: bool) -> float | None:
    """Return where the text of cell `tc` starts, in twips from where its table's container's
    text does (the left margin for a top-level table).

    As Word and LibreOffice lay a table out: a table aligned centre or right sits in the text area
    by its grid width; otherwise it starts at w:tblInd, measured to its border from Word 2013
    (compatibilityMode 15) and to the text of its cells before (the border then stands the table's
    own left cell margin further left); the cell's text starts after the grid columns before it
    and the cell's left margin.
    """
    grid = [to_int(c.get(_W + "w")) for c in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol")]
    widths = [w for w in grid if w is not None]
    if len(widths) != len(grid):
        return None
    before = tr.find(f"{_W}trPr/{_W}gridBefore")
    col = to_int(None if before is None else before.get(_W + "val")) or 0
    for cell in tr.iterchildren(_W + "tc"):
        if cell is tc:
            break
        span = cell.find(f"{_W}tcPr/{_W}gridSpan")
        col += to_int(None if span is None else span.get(_W + "val")) or 1
    jc_el = _table_prop(ctx, tbl, _W + "jc")
    jc = (jc_el.get(_W + "val") if jc_el is not None else None) or "left"
    if jc in ("center", "right", "end"):
        area = None if nested else _text_width(ctx, tbl)
        if area is None or not widths:
            return None
        edge = (area - sum(widths)) / (2 if jc == "center" else 1)
    else:
        edge = float(_dxa(_table_prop(ctx, tbl, _W + "tblInd")) or 0)
        if ctx.view.compat_mode < 15:
            edge -= _cell_margin(ctx, tbl, None)
    return edge + sum(widths[:col]) + _cell_margin(ctx, tbl, tc)


def _text_width(ctx: Ctx, tbl: Element) -> float | None:
    """Return the width (twips) of the text area of the section holding the top-level `tbl`."""
    sect = None
    for el in tbl.itersiblings():
        sect = el.find(f"{_W}pPr/{_W}sectPr") if el.tag == _W + "p" else (
            el if el.tag == _W + "sectPr" else None)
        if sect is None and el.tag != _W + "p":
            sect = next(el.iter(_W + "sectPr"), None)
        if sect is not None:
            break
    sections = ctx.view.sections
    sec = next((x for x in sections if x.el is sect), sections[-1] if sections else None)
    if sec is None or not sec.width:
        return None
    left, right = sec.margins.get("left"), sec.margins.get("right")
    return sec.width - (left or 0) - (right or 0)


#: The type names of the documents two parties sign (folded, as _anatomy.fold gives them).
_HAI_BEN = ("HOPDONG", "BANGHINHO", "BANTHOATHUAN")


def _noi_nhan(ctx: Ctx) -> None:
    an = ctx.an
    label = an.noi_nhan_label
    if label is None:
        # A contract, memorandum or agreement is signed by its parties, who keep its copies: it
        # has no Nơi nhận (practice; no mẫu in PL III: shared/decree30.md §5, "Nơi nhận: none").
        contract = an.ten_loai is not None and fold(an.ten_loai.text) in _HAI_BEN
        if an.quoc_hieu is not None and (an.so is not None or an.tham_quyen) and not contract:
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
    _flush_left(ctx, [label, *entries])
    for i, span in enumerate(entries):
        # -- judged as printed: a "-" list bullet is the entry's dash
        want = noi_nhan_expected(span.shown, i == len(entries) - 1)
        if want is not None:
            ctx.add("noi_nhan.dau_cau", span, span.shown, want, want=want)
    if not entries or not _LUU.match(entries[-1].shown):
        where = entries[-1] if entries else label
        ctx.add("noi_nhan.luu_vt", where, entries[-1].shown if entries else "không có",
                f"- Lưu: {LUU_VAN_THU}, <đơn vị soạn thảo>.")
    if an.kinh_gui is not None and entries and not fold(entries[0].text).startswith("NHUTREN"):
        ctx.add("noi_nhan.nhu_tren", entries[0], entries[0].text, "- Như trên;")
    _nhu_dieu(ctx, entries)


def _articles(ctx: Ctx) -> dict[int, str]:
    """Return the body's articles: number → the text of its paragraphs (lower case), up to the
    next article."""
    out: dict[int, str] = {}
    current: int | None = None
    for para in ctx.an.body:
        m = _DIEU.match(para.clean)
        if m is not None:
            current = int(m.group(1))
            out.setdefault(current, "")
        if current is not None and len(out[current]) < _ARTICLE_CHARS:
            out[current] += " " + para.clean.lower()
    return out


def _nhu_dieu(ctx: Ctx, entries: list[Span]) -> None:
    """“- Như Điều 3;” stands for the executors the article names (PL I §II.9.b; mẫu 1.2–1.4):
    that article must exist and name them. Silent when the body shows no article at all (Word's
    list numbering may write “Điều 1.” where the text does not)."""
    refs = [(s, m) for s in entries if (m := _NHU_DIEU.match(s.text))]
    if not refs:
        return
    articles = _articles(ctx)
    if not articles:
        return
    for span, m in refs:
        for n in (int(d) for d in _DIGITS.findall(m.group(1))):
            if n not in articles:
                ctx.add("noi_nhan.nhu_dieu", span, f"{span.text}: văn bản không có Điều {n}",
                        "Điều có trong văn bản, nêu người chịu trách nhiệm thi hành")
            elif not any(word in articles[n] for word in THI_HANH):
                ctx.add("noi_nhan.nhu_dieu", span,
                        f"{span.text}: Điều {n} không nêu ai chịu trách nhiệm thi hành",
                        "Điều nêu người chịu trách nhiệm thi hành", severity="canh_bao")
