"""From a document model to the context a template renders: already formatted strings.

Every string here is final text (upper-cased where Decree 30 prints upper case, punctuated, padded);
templates only place it. Multi-line components are lists of lines, so a template puts each line in a
paragraph of its own: the clerk's own line breaks, and those congvan makes where a line is wider
than its column (between word groups, never inside a proper name: ``formatting.break_lines``).
``cot_trai``/``cot_phai`` are the header's column widths in twips, chosen so that the date line
holds on one line. Both the shipped templates and a user's own take exactly these keys
(``CONTEXT_KEYS``), so they see identical text.

>>> from congvan.io import load
>>> ctx = build_context(load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> ctx["so_ky_hieu"], ctx["dia_danh_thoi_gian"]
('Số: 4172/UBND-VHTT', 'Nha Trang, ngày 01 tháng 7 năm 2021')
>>> ctx["tham_quyen"]
['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import formatting as fmt
from .measure import text_width_pt
from .models import CongVan, VanBan
from .rules import LAYOUT, QUOC_HIEU, STYLES, TIEU_NGU, TWIPS_PER_MM, ThamQuyen
from .vietnamese.text import upper

__all__ = ["CONTEXT_KEYS", "build_context"]

#: Every key build_context provides; a template may use any of them and no other.
CONTEXT_KEYS = frozenset({
    "quoc_hieu", "tieu_ngu", "co_quan_chu_quan", "co_quan_ban_hanh", "so_ky_hieu",
    "dia_danh_thoi_gian", "ten_loai", "trich_yeu", "kinh_gui", "noi_dung", "noi_dung_cuoi",
    "noi_nhan", "tham_quyen", "ho_ten", "tieu_de", "do_mat", "do_khan", "pham_vi_luu_hanh",
    "dia_chi", "cot_trai", "cot_phai",
})

_PT_PER_MM = 72 / 25.4


def _measure(style: str, *, upper_case: bool) -> Callable[[str], float]:
    s = STYLES[style]
    return lambda line: text_width_pt(upper(line) if upper_case else line, s.size, bold=s.bold,
                                      italic=s.italic)


def _fit(lines: list[str], style: str, column_mm: float, *, upper_case: bool,
         name: bool) -> list[str]:
    """Return `lines` (the clerk's), each broken further where it is wider than `column_mm`."""
    width = (column_mm - LAYOUT.line_slack) * _PT_PER_MM
    measure = _measure(style, upper_case=upper_case)
    out: list[str] = []
    for line in lines:
        out += fmt.break_lines(line, width, measure, name=name)
    return [upper(line) for line in out] if upper_case else out


def _lines(text: str | None) -> list[str]:
    return text.split("\n") if text else []


def build_context(doc: VanBan) -> dict[str, Any]:
    """Return the template context of `doc`: formatted strings, lists of them, column widths."""
    nguoi_ky = doc.nguoi_ky
    date_line = fmt.format_dia_danh_thoi_gian(doc.dia_danh, doc.ngay)
    left, right = fmt.header_columns(_measure("dia_danh_thoi_gian", upper_case=False)(date_line)
                                     / _PT_PER_MM)
    # Ô 7a–7b: each authority line (a clerk's line break kept) in the signature column (PL I §II.7).
    tham_quyen: list[str] = []
    titles: list[tuple[ThamQuyen | None, str]] = [(t.loai, t.chuc_danh)
                                                  for t in nguoi_ky.tham_quyen]
    if nguoi_ky.chuc_vu:
        titles.append((None, nguoi_ky.chuc_vu))
    for prefix, title in titles:
        lines = _lines(title)
        if prefix is not None:
            lines[0] = f"{prefix.value} {lines[0]}"
        tham_quyen += _fit(lines, "tham_quyen", LAYOUT.footer_right, upper_case=True, name=True)
    noi_dung: list[str] = list(getattr(doc, "noi_dung", []))
    ctx: dict[str, Any] = {
        "quoc_hieu": QUOC_HIEU,
        "tieu_ngu": TIEU_NGU,
        "co_quan_chu_quan": _fit(_lines(doc.co_quan_chu_quan), "co_quan_chu_quan", left,
                                 upper_case=True, name=True),
        "co_quan_ban_hanh": _fit(_lines(doc.co_quan_ban_hanh.ten), "co_quan_ban_hanh", left,
                                 upper_case=True, name=True),
        "so_ky_hieu": fmt.format_so_ky_hieu(doc.so_ky_hieu),
        "dia_danh_thoi_gian": date_line,
        "ten_loai": "",
        "trich_yeu": [],
        "kinh_gui": [],
        "noi_dung": noi_dung[:-1],
        "noi_dung_cuoi": fmt.format_ket_thuc(noi_dung[-1]) if noi_dung else "",
        # Ô 12: the drafter's initials in upper case (PL I §III.3).
        "noi_nhan": fmt.format_noi_nhan([(n.ten, n.ghi_chu) for n in doc.noi_nhan], doc.noi_luu,
                                        upper(doc.ky_hieu_nguoi_soan_thao or "") or None),
        "tham_quyen": tham_quyen,
        "ho_ten": nguoi_ky.ho_ten,
        "do_mat": doc.do_mat.value if doc.do_mat else "",
        "do_khan": doc.do_khan.value if doc.do_khan else "",
        "pham_vi_luu_hanh": upper(doc.pham_vi_luu_hanh) if doc.pham_vi_luu_hanh else "",
        "dia_chi": list(doc.dia_chi),
        "cot_trai": round(left * TWIPS_PER_MM),
        "cot_phai": round(right * TWIPS_PER_MM),
    }
    if isinstance(doc, CongVan):
        ctx["trich_yeu"] = _fit(fmt.format_trich_yeu_cong_van(doc.trich_yeu),
                                "trich_yeu_cong_van", left, upper_case=False, name=False)
        ctx["kinh_gui"] = fmt.format_kinh_gui(doc.kinh_gui)
    # The document title in the file's properties, for e-office systems and search.
    ctx["tieu_de"] = f"{ctx['so_ky_hieu']} " + " ".join(ctx["trich_yeu"] or [ctx["ten_loai"]])
    assert ctx.keys() == CONTEXT_KEYS
    return ctx
