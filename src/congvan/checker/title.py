"""Tên loại, trích yếu, and the ``V/v`` subject of a công văn (PL I §II.5).

The rule under the trích yếu of a document with a type name (``trich_yeu.duong_ke``) is found the
way the rule under the issuing body is (``header.rule_under``): a border of the last trích yếu line
or of an empty paragraph right after it, a drawn line, or a line of underscores right under it. Its
length (1/3–1/2 of the line) is not judged.
"""

from __future__ import annotations

from ..rules import LAYOUT, STYLES
from ._base import Ctx, align_vi
from .header import rule_under

#: Tolerance on the 6 pt gap between the số line and V/v, in twips (1 pt).
GAP_TOLERANCE = 20


def check(ctx: Ctx) -> None:
    _ten_loai(ctx)
    _cong_van(ctx)


def _ten_loai(ctx: Ctx) -> None:
    """Tên loại and trích yếu of a document with a type name (PL I §II.5.a)."""
    an = ctx.an
    if an.ten_loai is not None:
        ctx.style("ten_loai", an.ten_loai, STYLES["ten_loai"])
        if an.ten_loai.para.jc != "center":
            ctx.add("ten_loai.can_giua", an.ten_loai, f"canh {align_vi(an.ten_loai.para.jc)}",
                    "canh giữa")
    for span in an.trich_yeu:
        ctx.style("trich_yeu", span, STYLES["trich_yeu"])
        if span.para.jc != "center":
            ctx.add("trich_yeu.can_giua", span, f"canh {align_vi(span.para.jc)}", "canh giữa")
    if an.ten_loai is not None and an.trich_yeu and rule_under(ctx, an.trich_yeu[-1]) is None:
        ctx.add("trich_yeu.duong_ke", an.trich_yeu[-1], "không có đường kẻ",
                "đường kẻ nét liền dài 1/3–1/2 dòng chữ, canh giữa")


def _cong_van(ctx: Ctx) -> None:
    """The trích yếu of a công văn: ``V/v …`` under the number (PL I §II.5.b)."""
    an = ctx.an
    if an.is_cong_van and not an.vv and an.so is not None:
        ctx.add("trich_yeu_cong_van.thieu", an.so, "không có", "V/v <trích yếu> dưới số, ký hiệu")
    if not an.vv:
        return
    first = an.vv[0]
    if not first.text.startswith("V/v "):
        ctx.add("trich_yeu_cong_van.v_v", first, first.text.split(" ")[0], "V/v")
    for span in an.vv:
        ctx.style("trich_yeu_cong_van", span, STYLES["trich_yeu_cong_van"])
    for span in {id(s.para): s for s in an.vv}.values():
        if span.para.jc != "center":
            ctx.add("trich_yeu_cong_van.can_giua", span, f"canh {align_vi(span.para.jc)}",
                    "canh giữa")
    so = an.so
    if so is not None:
        want = round(LAYOUT.trich_yeu_cong_van_space_before_pt * 20)
        gap = 0 if so.para is first.para else so.para.after + first.para.before
        if abs(gap - want) > GAP_TOLERANCE:
            ctx.add("trich_yeu_cong_van.khoang_cach", first, f"{gap / 20:g} pt",
                    f"{LAYOUT.trich_yeu_cong_van_space_before_pt:g} pt")
