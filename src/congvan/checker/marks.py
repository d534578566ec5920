"""Dấu chỉ mức độ khẩn (ô 10b) and độ mật (ô 10a), PL I §III.2."""

from __future__ import annotations

from ..rules import STYLES, DoKhan
from ._base import Ctx


def check(ctx: Ctx) -> None:
    for span in ctx.an.do_khan:
        if span.text not in {d.value for d in DoKhan}:
            ctx.add("do_khan.van_ban", span, span.text, " / ".join(d.value for d in DoKhan))
        ctx.style("do_khan", span, STYLES["do_khan"], case=False)
        para = span.para
        parent = para.el.getparent()
        boxed = all(para.border(s) for s in ("top", "bottom", "left", "right")) or (
            para.has_drawing) or (parent is not None and parent.tag.endswith("txbxContent"))
        if not boxed:
            ctx.add("do_khan.khung", span, "không có khung", "khung chữ nhật viền đơn")
    for span in ctx.an.do_mat:
        ctx.style("do_mat", span, STYLES["do_mat"])
