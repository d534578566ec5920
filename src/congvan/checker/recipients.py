"""Kính gửi (ô 9a) and Nơi nhận (ô 9b), PL I §II.9."""

from __future__ import annotations

import re

from ..rules import LUU_VAN_THU, STYLES
from ._anatomy import fold
from ._base import Ctx, align_vi

_ENTRY_END = re.compile(r";(\s*\(.*\))?$")
_LUU_END = re.compile(r"\.(\s+\S+)?$")
_LUU = re.compile(rf"^-\s*Lưu\s*:\s*{LUU_VAN_THU}\b")
#: How far (twips) a line may sit from the left margin and still be "sát lề trái".
FLUSH_TOLERANCE = 30


def noi_nhan_expected(text: str, last: bool) -> str | None:
    """Return the Nơi nhận entry `text` punctuated as PL I §II.9.d wants, None when it already is.

    Only the leading dash and the closing mark change; a trailing note in brackets stays after ``;``.

    >>> noi_nhan_expected("Như trên", False)
    '- Như trên;'
    >>> noi_nhan_expected("- Sở Nội vụ; (để b/c)", False) is None
    True
    >>> noi_nhan_expected("- Lưu: VT, VP;", True)
    '- Lưu: VT, VP.'
    """
    body = text.strip()
    if last and _LUU_END.search(body) and body.startswith("- ") and not body.endswith(";"):
        return None
    if not last and body.startswith("- ") and _ENTRY_END.search(body):
        return None
    body = re.sub(r"^[-–—+•*]\s*", "", body)
    note = ""
    m = re.search(r"\s*(\([^()]*\))$", body)
    if m and not last:
        note, body = " " + m.group(1), body[: m.start()]
    body = body.rstrip(" ;.,:")
    return f"- {body}{'.' if last else ';'}{note}"


def check(ctx: Ctx) -> None:
    _kinh_gui(ctx)
    _noi_nhan(ctx)


def _kinh_gui(ctx: Ctx) -> None:
    an = ctx.an
    label = an.kinh_gui
    if label is None:
        return
    if not re.match(r"^Kính gửi\s*:", label.text):
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
        edge = span.para.left + min(span.para.first_line, 0) if span.start == 0 else 0
        if span.start == 0 and (abs(span.para.left + span.para.first_line) > FLUSH_TOLERANCE
                                or span.para.jc in ("center", "right", "end")):
            edge = span.para.left + span.para.first_line
            ctx.add("noi_nhan.sat_le_trai", span,
                    f"lùi {edge / 1440 * 25.4:.1f} mm, canh {align_vi(span.para.jc)}", "sát lề trái")
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
