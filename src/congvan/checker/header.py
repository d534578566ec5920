"""Quốc hiệu, Tiêu ngữ and the issuing body (PL I §II.1–2), with the rules under them."""

from __future__ import annotations

from ..rules import QUOC_HIEU, STYLES, TIEU_NGU
from ..vietnamese.text import upper
from ._anatomy import is_rule_text
from ._base import Ctx, fmt_pt, fmt_range
from ._metrics import text_width_pt
from ._model import DocView, Para, Run, Span
from ._resolve import W, to_int

#: WordprocessingML drawing namespace (wp:anchor, wp:positionH).
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

#: How far a paragraph-border rule may differ from the length of the motto (_metrics.py ignores
#: kerning and Word rounds indents): ±15 %.
RULE_LENGTH_TOLERANCE = 0.15


def _neighbours(view: DocView, para: Para, count: int = 2) -> list[Para]:
    """Return up to `count` paragraphs after `para` in the same cell (or outside tables)."""
    i = view.body.index(para)
    out: list[Para] = []
    for p in view.body[i + 1:i + 1 + count]:
        if (p.table, p.row, p.col) != (para.table, para.row, para.col):
            break
        out.append(p)
    return out


def available_width(view: DocView, para: Para) -> int | None:
    """Return the width in twips a paragraph can use: its cell (w:tcW) or the section's text
    width."""
    tc = next((a for a in para.el.iterancestors(f"{{{W}}}tc")), None)
    if tc is not None:
        width = tc.find(f"{{{W}}}tcPr/{{{W}}}tcW")
        if width is not None and (width.get(f"{{{W}}}type") in (None, "dxa")):
            return to_int(width.get(f"{{{W}}}w"))
        return None
    if not view.sections:
        return None
    sec = view.sections[-1]
    if not sec.width:
        return None
    return sec.width - abs(sec.margins.get("left") or 1440) - abs(sec.margins.get("right") or 1440)


def rule_under(ctx: Ctx, span: Span) -> Para | bool | None:
    """Return the paragraph drawing the rule under `span` (True for a drawn shape or an underline,
    None when there is none).

    A rule is a bottom border of the span's paragraph, a top or bottom border of an empty paragraph
    right after it in the same cell, a drawn shape in either, an underline of the whole span, or a
    line typed as underscores or dashes (``________``, as the decree's own samples draw it) right
    under the span, on the next line of its paragraph or in the next paragraph.
    Used for the rules under the Tiêu ngữ, the issuing body and the trích yếu.
    """
    para = span.para
    if para.border("bottom"):
        return para
    if para.has_drawing or (span.runs() and all(r.underline for r in span.runs())):
        return True
    later = [s for s in para.spans() if s.start >= span.end]
    if later and is_rule_text(later[0].text):
        return True
    for nxt in _neighbours(ctx.view, para):
        if is_rule_text(nxt.clean):
            return True
        if nxt.clean:
            break
        if nxt.border("top") or nxt.border("bottom"):
            return nxt
        if nxt.has_drawing:
            return True
    return None


def anchored_shape(ctx: Ctx, span: Span, side: str) -> bool | None:
    """Return True when a drawn line that may be the rule under `span` is anchored in another
    header paragraph (Word anchors a shape to the paragraph nearest where it was drawn: the Số or
    the date line): in a table, any paragraph of the span's column; in a paragraph layout, any
    header paragraph whose shape sits on `side` ("left": the issuing body, "right": the Tiêu ngữ),
    or whose position is not known."""
    an = ctx.an
    head = ctx.view.body[:an.header_end + 1]
    para = span.para
    if para.table is not None:
        found = any(p.has_drawing and p.table == para.table and p.col == para.col for p in head)
    else:
        width = available_width(ctx.view, para)
        found = any(p.has_drawing and p.table is None and side in _shape_sides(p, width)
                    for p in head)
    return True if found else None


#: EMU per twip.
_EMU = 635


def _shape_sides(para: Para, width: int | None) -> set[str]:
    """Return the sides of the text column ("left", "right") the shapes of `para` sit on; both
    when a shape's position is not known (inline, VML, relative to the page)."""
    sides: set[str] = set()
    for anchor in para.el.iter(f"{{{WP}}}anchor"):
        pos = anchor.find(f"{{{WP}}}positionH")
        align = pos.findtext(f"{{{WP}}}align") if pos is not None else None
        offset = to_int(pos.findtext(f"{{{WP}}}posOffset")) if pos is not None else None
        extent = anchor.find(f"{{{WP}}}extent")
        cx = to_int(extent.get("cx")) if extent is not None else None
        if align in ("left", "right"):
            sides.add(align)
        elif (offset is not None and width and pos is not None
              and pos.get("relativeFrom") in ("column", "margin")):
            centre = (offset + (cx or 0) / 2) / _EMU
            sides.add("left" if centre < width / 2 else "right")
        else:
            return {"left", "right"}
    if not sides:  # inline drawings, VML: no position to go by
        return {"left", "right"}
    return sides


def check(ctx: Ctx) -> None:
    an = ctx.an
    if an.quoc_hieu is None:
        ctx.add("quoc_hieu.thieu", None, "không có", QUOC_HIEU)
    else:
        qh = an.quoc_hieu
        if upper(qh.text) != QUOC_HIEU:
            # "HOÀ" (old tone placement) is how the decree's own Appendix I table and mẫu 1.6 print
            # it, while §II.1.a writes "HÒA": a warning, not an error (issue 9).
            old_tone = upper(qh.text) == QUOC_HIEU.replace("HÒA", "HOÀ")
            ctx.add("quoc_hieu.van_ban", qh, qh.text, QUOC_HIEU,
                    severity="canh_bao" if old_tone else None)
        ctx.style("quoc_hieu", qh, STYLES["quoc_hieu"])
    if an.tieu_ngu is None:
        ctx.add("tieu_ngu.thieu", an.quoc_hieu, "không có", TIEU_NGU)
    else:
        tn = an.tieu_ngu
        if tn.text != TIEU_NGU:
            ctx.add("tieu_ngu.van_ban", tn, tn.text, TIEU_NGU)
        ctx.style("tieu_ngu", tn, STYLES["tieu_ngu"])
        rule = rule_under(ctx, tn) or anchored_shape(ctx, tn, "right")
        if rule is None:
            ctx.add("tieu_ngu.duong_ke", tn, "không có đường kẻ", "đường kẻ nét liền dưới Tiêu ngữ")
        elif isinstance(rule, Para):
            _rule_length(ctx, tn, rule)
    _issuer(ctx)


def _rule_length(ctx: Ctx, tn: Span, rule: Para) -> None:
    width = available_width(ctx.view, rule)
    if width is None:
        return
    length = (width - rule.left - rule.right) / 20
    runs = tn.runs()
    size = runs[0].size if runs else STYLES["tieu_ngu"].size
    bold = bool(runs) and runs[0].bold
    text = text_width_pt(tn.text, size, bold=bold)
    if text and abs(length - text) / text > RULE_LENGTH_TOLERANCE:
        ctx.add("tieu_ngu.do_dai_duong_ke", rule, f"đường kẻ dài {length * 25.4 / 72:.0f} mm",
                f"bằng dòng chữ, khoảng {text * 25.4 / 72:.0f} mm")


def _issuer(ctx: Ctx) -> None:
    an = ctx.an
    lines = an.co_quan
    if not lines:
        if an.quoc_hieu is not None or an.so is not None:
            ctx.add("co_quan.thieu", an.quoc_hieu or an.so, "không có",
                    "tên cơ quan, tổ chức ban hành ở góc trên bên trái")
        return
    for s in lines:
        if not s.prints_upper():
            ctx.add("co_quan.in_hoa", s, s.text, upper(s.text))
    _issuer_style(ctx, lines)
    _issuer_rule(ctx, lines[-1])


def _issuer_style(ctx: Ctx, lines: list[Span]) -> None:
    """Size and weight of the issuing body's lines: upright, its own name bold (PL I §II.2)."""
    style = STYLES["co_quan_ban_hanh"]
    sizes = {r.size for s in lines for r in s.runs()}
    lo, hi = style.sizes
    bad = [s for s in lines if any(not lo - 0.01 <= r.size <= hi + 0.01 for r in s.runs())]
    if bad:
        ctx.add("co_quan.co_chu", bad[0], fmt_pt(sizes), fmt_range(style.sizes))
    last = lines[-1]
    problems: list[str] = []
    if not all(r.bold for r in last.runs() if not _note_mark(r)):
        problems.append("tên cơ quan ban hành không đậm")
    if any(r.italic for s in lines for r in s.runs()):
        problems.append("nghiêng")
    if problems:
        ctx.add("co_quan.kieu_chu", last, ", ".join(problems), "đứng; tên cơ quan ban hành in đậm")


def _note_mark(run: Run) -> bool:
    """True for a superscript run: a note mark, like the decree's samples' placeholder numbers
    ("TÊN CƠ QUAN, TỔ CHỨC²"), not a part of the name whose weight is judged."""
    va = run.el.find(f"{{{W}}}rPr/{{{W}}}vertAlign")
    return va is not None and va.get(f"{{{W}}}val") == "superscript"


def _issuer_rule(ctx: Ctx, last: Span) -> None:
    """The rule under the issuing body (PL I §II.2.b): under its last line, in its cell, or a
    shape anchored in another header paragraph of its column."""
    rule = rule_under(ctx, last) or anchored_shape(ctx, last, "left")
    if rule is None:
        ctx.add("co_quan.duong_ke", last, "không có đường kẻ",
                "đường kẻ nét liền dài 1/3–1/2 dòng chữ")
