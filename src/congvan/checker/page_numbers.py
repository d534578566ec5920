"""Số trang (PL I §I.7): from page 2, centred in the top margin (header), 13–14 pt, upright."""

from __future__ import annotations

import re

from ..rules import STYLES
from ._base import Ctx, align_vi
from ._model import Para

_PAGE = re.compile(r"^\s*PAGE\b", re.IGNORECASE)


def page_paras(paras: list[Para]) -> list[Para]:
    """Return the paragraphs holding a PAGE field."""
    return [p for p in paras if any(_PAGE.match(f) for f in p.fields)]


def check(ctx: Ctx) -> None:
    view = ctx.view
    if not view.sections:
        return
    first = view.sections[0]
    page1 = first.headers.get("first") if first.title_page else first.headers.get("default")
    page1_footer = first.footers.get("first") if first.title_page else first.footers.get("default")
    for part in (page1, page1_footer):
        if part and page_paras(view.parts.get(part, [])):
            para = page_paras(view.parts[part])[0]
            ctx.add("so_trang.trang_dau", para, "trang 1 có số trang",
                    "không hiển thị số trang thứ nhất")
    referenced = {p for s in view.sections for p in [*s.headers.values(), *s.footers.values()]}
    for part in sorted(referenced):
        paras = page_paras(view.parts.get(part, []))
        if not paras:
            continue
        kind = view.part_kinds.get(part)
        for para in paras:
            if kind == "footer":
                ctx.add("so_trang.vi_tri", para, "ở lề dưới (chân trang)", "canh giữa, lề trên")
            elif para.jc != "center" and "\t" not in para.text:
                ctx.add("so_trang.vi_tri", para, f"canh {align_vi(para.jc)}", "canh giữa, lề trên")
            ctx.style("so_trang", para.whole(), STYLES["so_trang"])
