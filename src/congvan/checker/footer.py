"""Ô 12 and ô 13, the optional components at the foot of page 1 (PL I §III.3–4).

Ô 12, the drafter's initials and the number of copies issued (``PL.(300)``), follows the Lưu line of
the Nơi nhận block (``_anatomy`` cuts it off that line): 11 pt, upright, initials in upper case.

Ô 13, the address, phone, fax, e-mail and website of the body, is the first-page footer (or the
paragraphs after the signature block) when one of its lines names an address, a phone or fax number,
an e-mail or a website: 11–12 pt, upright, under a solid rule across the whole text width. After the
signature block, ô 13 is the few lines right under it (``DIA_CHI_MAX_LINES``, the first may name the
body), up to the last address line: a document that goes on after its signature (an attached
regulation, the decree's Phuluc3 as one file) is not an address block, even if an e-mail address
appears pages later. Both are optional ("nếu cần"): nothing is reported when they are absent.
"""

from __future__ import annotations

import re

from ..rules import STYLES
from ._base import Ctx
from ._model import Para

#: Words that mark a line as ô 13 (the Section V table's example: ``Số: …``, ``ĐT: …, Fax: …``,
#: ``E-Mail: …, Website: …``).
_DIA_CHI = re.compile(r"địa chỉ|điện thoại|\bĐT\s*:|\bfax\b|e-?mail|website|www\.|@",
                      re.IGNORECASE)
#: The most lines ô 13 holds (the body's name, address, phone and fax, e-mail and website).
DIA_CHI_MAX_LINES = 5
#: How far (twips) the rule over ô 13 may stop short of either side of the text area (about 2 mm).
FULL_WIDTH_TOLERANCE = 113


def check(ctx: Ctx) -> None:
    if ctx.an.ky_hieu_nguoi_soan_thao is not None:
        ctx.style("ky_hieu_nguoi_soan_thao", ctx.an.ky_hieu_nguoi_soan_thao,
                  STYLES["ky_hieu_nguoi_soan_thao"])
    block = dia_chi_block(ctx)
    if not block:
        return
    for para in block:
        for span in para.spans():
            ctx.style("dia_chi", span, STYLES["dia_chi"])
    _rule_over(ctx, block)


def dia_chi_block(ctx: Ctx) -> list[Para]:
    """Return the paragraphs of ô 13: the page-1 footer, or the paragraphs after the signature
    block, when one of them reads as an address line; else an empty list."""
    view = ctx.view
    candidates: list[list[Para]] = []
    if view.sections:
        first = view.sections[0]
        part = first.footers.get("first") if first.title_page else first.footers.get("default")
        if part:
            candidates.append([p for p in view.parts.get(part, []) if p.clean and not p.fields])
    an = ctx.an
    last = [s.para for s in (*an.noi_nhan, an.ho_ten, an.ky_hieu_nguoi_soan_thao) if s is not None]
    if last:
        end = max(view.body.index(p) for p in last)
        after = [p for p in view.body[end + 1:an.doc_end] if p.clean]  # not a next document
        if last[-1].table is not None:
            after = [p for p in after if p.table != last[-1].table]
        candidates.append(_leading_address_lines(after[:DIA_CHI_MAX_LINES]))
    for paras in candidates:
        if any(_DIA_CHI.search(p.clean) for p in paras):
            return paras
    return []


def _leading_address_lines(paras: list[Para]) -> list[Para]:
    """Return the first of `paras` up to the last address line of an unbroken run of them (the
    first paragraph may be the body's name); empty when they do not start with such a run."""
    block: list[Para] = []
    for k, para in enumerate(paras):
        if _DIA_CHI.search(para.clean):
            block = paras[:k + 1]
        elif block or k > 0:
            break
    return block


def _rule_over(ctx: Ctx, block: list[Para]) -> None:
    first = block[0]
    paras = ctx.view.parts.get(first.part) if first.area == "footer" else ctx.view.body
    i = next(k for k, p in enumerate(paras or [first]) if p is first)
    before = (paras or [first])[i - 1] if i > 0 else None
    rule: Para | None = None
    if first.border("top"):
        rule = first
    elif before is not None and not before.clean and (before.border("top")
                                                      or before.border("bottom")):
        rule = before
    elif first.has_drawing or (before is not None and not before.clean and before.has_drawing):
        return  # a drawn line: its length is not read
    if rule is None:
        ctx.add("dia_chi.duong_ke", first, "không có đường kẻ",
                "đường kẻ nét liền hết chiều ngang vùng trình bày, phía trên")
        return
    short = max(rule.left, rule.right)
    if short > FULL_WIDTH_TOLERANCE:
        ctx.add("dia_chi.duong_ke", first, f"đường kẻ lùi vào {short / 1440 * 25.4:.0f} mm",
                "đường kẻ nét liền hết chiều ngang vùng trình bày, phía trên")
