"""Số trang (PL I §I.7): from page 2, centred in the top margin (header), 13–14 pt, upright.

A .docx does not store its page count reliably, so ``so_trang.thieu`` (a multi-page document without
page numbers) takes the largest of: ``<Pages>`` of docProps/app.xml (written by the application that
last saved the file; python-docx copies a stale ``1``), one more than the explicit page breaks (page
breaks, "page break before", section breaks that start a new page), one more than Word's
``w:lastRenderedPageBreak`` marks, and an estimate from the amount of text that counts only when the
text fills at least ``ESTIMATE_THRESHOLD`` pages. It is a warning: the count may be stale or
estimated.

Only the headers and footers that print on pages 2 and after are judged for ``so_trang.vi_tri`` and
``so_trang.co_chu`` (``printed_from_page_2``): Word prints an even-page part only when settings.xml
has ``w:evenAndOddHeaders`` (a template often brings one that never prints), and a first-page part
only on a section's first page when ``w:titlePg`` is on. A document that is surely one page (the
count above is 1 and its text fills under ``ONE_PAGE_ESTIMATE`` of the page, far from a second
page) prints none of them, so there is nothing to judge: the number on page 1 is
``so_trang.trang_dau``'s. The re-check after ``--fix`` counts again on the fixed document (its new
margins and sizes), ignoring the input's stale docProps/app.xml.
"""

from __future__ import annotations

import math
import re

from ..rules import STYLES
from ._base import Ctx, align_vi
from ._metrics import text_width_pt
from ._model import DocView, Para
from ._resolve import W

#: The text estimate reports a page count only past this many pages of text: it ignores
#: keep-with-next, widows, pictures and exact table heights, so it is kept far from the one-page
#: case.
ESTIMATE_THRESHOLD = 1.5
#: A document with no page break whose text fills less than this much of a page is one page: kept
#: well under 1, since the estimate ignores widows, pictures and exact table heights.
ONE_PAGE_ESTIMATE = 0.9
#: Height of a single-spaced line of Times New Roman, in ems (ascent + descent).
LINE_EMS = 1.15
_W = f"{{{W}}}"

_PAGE = re.compile(r"^\s*PAGE\b", re.IGNORECASE)


def page_paras(paras: list[Para]) -> list[Para]:
    """Return the paragraphs holding a PAGE field."""
    return [p for p in paras if any(_PAGE.match(f) for f in p.fields)]


def page_count(view: DocView) -> tuple[int, str]:
    """Return how many pages `view` has at least, and how that was found (see the module
    docstring)."""
    found = _counted(view)
    estimate = _estimate_pages(view)
    if estimate >= ESTIMATE_THRESHOLD:
        found.append((math.floor(estimate), "ước tính theo lượng chữ"))
    return max(found, key=lambda f: f[0])


def _counted(view: DocView) -> list[tuple[int, str]]:
    """Return the page counts the file records (app.xml, page breaks, Word's rendered breaks)."""
    found = [(1, "")]
    if view.app_pages:
        found.append((view.app_pages, "docProps/app.xml"))
    breaks = 0
    rendered = 0
    for para in view.body:
        breaks += sum(1 for br in para.el.iter(_W + "br") if br.get(_W + "type") == "page")
        breaks += bool(para.props.get("pageBreakBefore"))
        rendered += sum(1 for _ in para.el.iter(_W + "lastRenderedPageBreak"))
    for sec in view.sections[:-1]:
        kind = sec.el.find(_W + "type")
        breaks += kind is None or kind.get(_W + "val") != "continuous"
    found.append((breaks + 1, "ngắt trang"))
    found.append((rendered + 1, "ngắt trang Word ghi lại"))
    return found


def surely_one_page(view: DocView) -> bool:
    """Return True when `view` is one page beyond doubt (see the module docstring)."""
    return (max(n for n, _ in _counted(view)) == 1
            and _estimate_pages(view) < ONE_PAGE_ESTIMATE)  # -- < 1.5: page_count says 1 too


def printed_from_page_2(view: DocView) -> set[str]:
    """Return the header and footer parts that print on some page after the first."""
    if surely_one_page(view):
        return set()
    out: set[str] = set()
    for sec in view.sections:
        for refs in (sec.headers, sec.footers):
            for kind, part in refs.items():
                if kind == "even" and not view.even_odd:
                    continue  # Word ignores even-page parts without w:evenAndOddHeaders
                if kind == "first" and (not sec.title_page or sec is view.sections[0]):
                    continue  # printed on no page, or on page 1 only
                out.add(part)
    return out


def _estimate_pages(view: DocView) -> float:
    """Return the pages the body's text would fill, set as its paragraphs say (a rough estimate)."""
    if not view.sections:
        return 0.0
    sec = view.sections[0]
    if not (sec.width and sec.height):
        return 0.0
    m = {k: abs(v if v is not None else 1440) for k, v in sec.margins.items()}
    width = (sec.width - m["left"] - m["right"]) / 20
    height = (sec.height - m["top"] - m["bottom"]) / 20
    total = 0.0
    for kind, block in view.blocks:
        if kind == "p":
            total += _height(block, width)
        else:
            for row in block:
                cells = [c for c in row if c]
                if cells:
                    cell_width = width / len(row)
                    total += max(sum(_height(p, cell_width) for p in c) for c in cells)
    return total / height if height > 0 else 0.0


def _height(para: Para, width: float) -> float:
    runs = para.text_runs()
    size = max((r.size for r in runs), default=10.0)
    bold = bool(runs) and runs[0].bold
    usable = max(width - (para.left + para.right) / 20, width / 4)
    lines = sum(max(1, math.ceil(text_width_pt(line, size, bold=bold) / usable))
                for line in para.text.split("\n"))
    line = para.props.get("spacing.line")
    rule = para.props.get("spacing.lineRule") or "auto"
    if line and rule == "exact":
        each = line / 20
    elif line and rule == "atLeast":
        each = max(line / 20, size * LINE_EMS)
    else:
        each = size * LINE_EMS * (line / 240 if line else 1)
    return lines * each + (max(para.before, 0) + max(para.after, 0)) / 20


def check(ctx: Ctx) -> None:
    view = ctx.view
    if not view.sections:
        return
    _thieu(ctx)
    first = view.sections[0]
    page1 = first.headers.get("first") if first.title_page else first.headers.get("default")
    page1_footer = first.footers.get("first") if first.title_page else first.footers.get("default")
    for part in (page1, page1_footer):
        if part and page_paras(view.parts.get(part, [])):
            para = page_paras(view.parts[part])[0]
            ctx.add("so_trang.trang_dau", para, "trang 1 có số trang",
                    "không hiển thị số trang thứ nhất")
    for part in sorted(printed_from_page_2(view)):
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


def _thieu(ctx: Ctx) -> None:
    """Report a document of several pages with no page number on pages 2 and after."""
    view = ctx.view
    numbered = {p for s in view.sections
                for kind, p in [*s.headers.items(), *s.footers.items()]
                if kind == "default" or (kind == "even" and view.even_odd)}
    if any(page_paras(view.parts.get(p, [])) for p in numbered):
        return
    pages, how = page_count(view)
    if pages > 1:
        ctx.add("so_trang.thieu", None, f"{pages} trang (theo {how}), không có số trang",
                "số trang từ trang 2, canh giữa trong phần lề trên", pages=pages)
