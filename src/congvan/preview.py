"""How a document shows itself in Jupyter: its first page as a picture, or an HTML approximation.

`VanBan` delegates its ``_repr_png_``, ``_repr_html_`` and ``_repr_mimebundle_`` here. The picture
is the rendered .docx's first page as LibreOffice lays it out (``congvan.export.to_png``). When
LibreOffice or the rasteriser is missing, when anything on that path fails, or when the environment
variable ``CONGVAN_PREVIEW`` is ``html`` (never start LibreOffice), the document shows as HTML
built from the very context the templates fill (``congvan.context.build_context``): header in two
columns, tên loại and trích yếu, Kính gửi, the body's blocks, the signature block beside Nơi nhận.
It is an approximation for reading, not a second renderer. A display hook must never raise, so
nothing here does: the worst case is a short HTML note. Every text comes from the user and is
escaped (``html.escape``); the markup is inline-styled, because notebook front ends drop
``<style>`` elements and restyle tables, and the columns are tables, which survive sanitisers.

One conversion serves a display: the picture of a given .docx is kept (`_PICTURES`, keyed on the
rendered bytes' hash), a failure too, so IPython asking ``_repr_png_`` after
``_repr_mimebundle_`` costs nothing, and a terminal IPython, which shows text only, never starts
LibreOffice.

>>> from congvan.io import load
>>> page = html_preview(load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> page.index("CỘNG HÒA XÃ HỘI") < page.index("Lưu Thành Nhân")
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import sys
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any, cast

from .errors import shorten
from .noi_dung.blocks import Block, Cell, Paragraph, Run, SectionBreak, Table
from .rules import LAYOUT, PAGE, STYLES, Style

if TYPE_CHECKING:
    from .models import VanBan

__all__ = ["html_preview", "mimebundle", "png_preview", "text_preview"]

PNG = "image/png"
HTML = "text/html"
TEXT = "text/plain"
#: Resolution of the picture: 96 dpi shows an A4 page at its real size on a screen (794 px wide).
DPI = 96
#: Pictures kept (rendered .docx hash → PNG, or the reason there is none).
_CACHE_SIZE = 16
_PICTURES: OrderedDict[str, tuple[bytes | None, str]] = OrderedDict()

_PAGE_BREAK = '<div style="border-top:1px dashed #999;margin:14pt 0"></div>'
_FONT = "'Times New Roman', Times, 'Liberation Serif', 'Tinos', serif"


# --------------------------------------------------------------------------------------------------
# The picture
# --------------------------------------------------------------------------------------------------


def _picture(doc: VanBan) -> tuple[bytes | None, str]:
    """Return (the first page as PNG, "") or (None, why there is none); never raise."""
    if os.environ.get("CONGVAN_PREVIEW", "").strip().lower() == "html":
        return None, "CONGVAN_PREVIEW=html"
    try:
        from .export import to_png
        from .render import render_bytes

        docx = render_bytes(doc)
    except Exception as exc:  # a display hook must not raise: show the HTML instead
        return None, _reason(exc)
    key = hashlib.sha256(docx).hexdigest()
    if key in _PICTURES:
        _PICTURES.move_to_end(key)
        return _PICTURES[key]
    try:
        pages = to_png(docx, dpi=DPI, first_page_only=True)
        result: tuple[bytes | None, str] = (pages[0], "") if pages else (None, "no page")
    except Exception as exc:  # ExportError (no LibreOffice), or any failure of the conversion
        result = (None, _reason(exc))
    _PICTURES[key] = result
    while len(_PICTURES) > _CACHE_SIZE:
        _PICTURES.popitem(last=False)
    return result


def _reason(exc: BaseException) -> str:
    return shorten(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 200)


def png_preview(doc: VanBan) -> bytes | None:
    """Return the first page of `doc` as PNG, or None when LibreOffice cannot make it."""
    return _picture(doc)[0]


def _active_types() -> frozenset[str] | None:
    """Return the MIME types the running IPython shows (a terminal: text/plain only), or None
    outside IPython. IPython calls ``_repr_mimebundle_`` whatever its active types are."""
    ipython = sys.modules.get("IPython")
    get_ipython = cast("Callable[[], Any] | None", getattr(ipython, "get_ipython", None))
    shell = get_ipython() if callable(get_ipython) else None
    types = getattr(getattr(shell, "display_formatter", None), "active_types", None)
    return frozenset(cast("Iterable[str]", types)) if types else None


def mimebundle(doc: VanBan, include: Collection[str] | None = None,
               exclude: Collection[str] | None = None) -> dict[str, Any]:
    """Return `doc`'s display data: PNG when LibreOffice makes it, HTML (the picture, or the
    approximation) and a line of text, from one conversion."""
    active = _active_types()

    def wanted(mime: str) -> bool:
        return ((include is None or mime in include) and (exclude is None or mime not in exclude)
                and (active is None or mime in active))

    bundle: dict[str, Any] = {}
    if wanted(PNG) or wanted(HTML):
        png, reason = _picture(doc)
        if png is not None and wanted(PNG):
            bundle[PNG] = png
        if wanted(HTML):
            bundle[HTML] = _img(doc, png) if png is not None else html_preview(doc, reason)
    if include is None or TEXT in include:
        bundle[TEXT] = text_preview(doc)
    return bundle


def repr_html(doc: VanBan) -> str:
    """Return the first page as an ``<img>`` when LibreOffice makes it, else the approximation."""
    png, reason = _picture(doc)
    return _img(doc, png) if png is not None else html_preview(doc, reason)


def _img(doc: VanBan, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{_e(text_preview(doc))}" '
            f'style="max-width:100%;border:1px solid #bbb"/>')


def text_preview(doc: VanBan) -> str:
    """Return one line naming `doc`: its type, số and trích yếu (its ``tieu_de``)."""
    try:
        from .context import build_context

        return f"{type(doc).__name__}: {build_context(doc)['tieu_de']}"
    except Exception:  # as in _picture: never raise in a display hook
        return f"{type(doc).__name__}: {doc.loai_van_ban}"


# --------------------------------------------------------------------------------------------------
# The HTML approximation
# --------------------------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Escape user text, keeping the clerk's line breaks."""
    return html.escape(text, quote=True).replace("\n", "<br/>")


def _css(style: Style, *, align: str = "left", indent: bool = False, extra: str = "") -> str:
    parts = [f"font-size:{style.size}pt", f"text-align:{align}", "margin:0", "padding:0",
             "line-height:1.25"]
    if style.bold:
        parts.append("font-weight:bold")
    if style.italic:
        parts.append("font-style:italic")
    if indent:
        parts.append(f"text-indent:{LAYOUT.first_line_indent}mm")
    if extra:
        parts.append(extra)
    return ";".join(parts)


def _lines(lines: Iterable[str], style: str, *, align: str = "center", extra: str = "") -> str:
    css = _css(STYLES[style], align=align, extra=extra)
    return "".join(f'<div style="{css}">{_e(line) if line else "&nbsp;"}</div>' for line in lines)


def _rule(width: str, *, margin: str = "2pt auto 4pt") -> str:
    return f'<div style="border-top:1px solid #000;width:{width};margin:{margin}"></div>'


def _columns(left: str, right: str, left_mm: float, right_mm: float) -> str:
    """Two columns side by side: a borderless table, which survives HTML sanitisers that drop
    styles; inline styles undo notebook table styling (right-aligned, striped rows)."""
    total = left_mm + right_mm
    cell = ("vertical-align:top;border:none;background:#fff;padding:0 2mm;"
            "width:{}%")
    return ('<table style="width:100%;table-layout:fixed;border-collapse:collapse;border:none;'
            'margin:0;color:#000;background:#fff"><tr style="background:#fff">'
            f'<td style="{cell.format(round(100 * left_mm / total, 1))}">{left}</td>'
            f'<td style="{cell.format(round(100 * right_mm / total, 1))}">{right}</td>'
            "</tr></table>")


def _header(ctx: dict[str, Any], cong_van: bool) -> str:
    """Ô 1–4: cơ quan left, Quốc hiệu and Tiêu ngữ right; số (and a công văn's V/v) left, place
    and date right; the marks (draft, secrecy, urgency) under the số (PL I §IV diagram)."""
    left = (_lines(ctx["co_quan_chu_quan"], "co_quan_chu_quan")
            + _lines(ctx["co_quan_ban_hanh"], "co_quan_ban_hanh")
            + _rule(f"{LAYOUT.co_quan_rule_ratio * 100:.0f}%"))
    right = (_lines([ctx["quoc_hieu"]], "quoc_hieu") + _lines([ctx["tieu_ngu"]], "tieu_ngu")
             + _rule("60%"))
    top = _columns(left, right, ctx["cot_trai"], ctx["cot_phai"])
    below = _lines([ctx["so_ky_hieu"]], "so_ky_hieu")
    if cong_van:
        below += _lines(ctx["trich_yeu"], "trich_yeu_cong_van", extra="margin-top:4pt")
    if ctx["du_thao"]:
        below += _lines([ctx["du_thao"]], "du_thao", extra="border:1px solid #000;margin:4pt 15%")
    for mark in ("do_mat", "do_khan"):
        if ctx[mark]:
            below += _lines([ctx[mark]], mark, extra="border:1px solid #000;margin:4pt 20%")
    date = _lines([ctx["dia_danh_thoi_gian"]], "dia_danh_thoi_gian")
    return top + _columns(below, date, ctx["cot_trai"], ctx["cot_phai"])


def _title(ctx: dict[str, Any]) -> str:
    """Ô 5: the tên loại and trích yếu centred, a short rule under them (mẫu 1.1–1.4)."""
    if not ctx["ten_loai"]:
        return ""
    return (_lines([ctx["ten_loai"]], "ten_loai", extra="margin-top:12pt")
            + _lines(ctx["trich_yeu"], "trich_yeu") + _rule("25%"))


def _recipients(ctx: dict[str, Any]) -> str:
    """Ô 9a: ``Kính gửi:`` (or a công điện's ``… điện:``) and the addressees."""
    kinh_gui = _css(STYLES["kinh_gui"], extra="margin-top:6pt")
    if ctx["kinh_gui_mot_dong"]:
        return (f'<div style="{kinh_gui};text-align:center">Kính gửi: '
                f'{_e(ctx["kinh_gui_mot_dong"])}</div>')
    if not ctx["kinh_gui"]:
        return ""
    head = ctx["dien"] or "Kính gửi:"
    indent = f"padding-left:{LAYOUT.kinh_gui_indent}mm" if not ctx["dien"] else ""
    return (f'<div style="{kinh_gui};{indent}">{_e(head)}</div>'
            + _lines(ctx["kinh_gui"], "kinh_gui", align="left", extra=indent))


#: Block kind → (style in rules.STYLES, alignment, first-line indent).
_KINDS: dict[str, tuple[str, str, bool]] = {
    "doan": ("noi_dung", "justify", True), "can_cu": ("can_cu", "justify", True),
    "tham_quyen_ban_hanh": ("tham_quyen_ban_hanh", "center", False),
    "quyet_dinh": ("quyet_dinh", "center", False),
    "phan": ("chuong_muc", "center", False), "chuong": ("chuong_muc", "center", False),
    "muc": ("chuong_muc", "center", False), "tieu_muc": ("chuong_muc", "center", False),
    "tieu_de_chuong_muc": ("tieu_de_chuong_muc", "center", False),
    "dieu": ("dieu", "justify", True), "khoan": ("khoan", "justify", True),
    "khoan_tieu_de": ("khoan_tieu_de", "justify", True), "diem": ("diem", "justify", True),
    "muc_la_ma": ("muc_la_ma", "justify", True), "gach": ("noi_dung", "justify", True),
    "cong": ("noi_dung", "justify", True), "chu_thich_bang": ("chu_thich_bang", "center", False),
    "don_vi_bang": ("don_vi_bang", "right", False), "o_bang": ("o_bang", "left", False),
    "tieu_de_bang": ("tieu_de_bang", "center", False), "phu_luc": ("phu_luc", "center", False),
    "tieu_de_phu_luc": ("tieu_de_phu_luc", "center", False),
    "kem_theo": ("kem_theo", "center", False), "ten_loai": ("ten_loai", "center", False),
    "trich_yeu": ("trich_yeu", "center", False), "chu_thich": ("chu_thich", "left", False),
}


class _Body:
    """Blocks → HTML; footnotes numbered in order and listed after the blocks."""

    def __init__(self) -> None:
        self.footnotes: list[tuple[Paragraph, ...]] = []

    def blocks(self, blocks: Iterable[Block]) -> str:
        out: list[str] = []
        for block in blocks:
            if isinstance(block, SectionBreak):
                out.append(_PAGE_BREAK)
            elif isinstance(block, Table):
                out.append(self.table(block))
            else:
                out.append(self.paragraph(block))
        return "".join(out)

    def paragraph(self, p: Paragraph, *, align: str | None = None, bold: bool = False) -> str:
        if p.kind == "duong_ke":
            return _rule("25%")
        style, default_align, indent = _KINDS.get(p.kind, ("noi_dung", "justify", True))
        css = _css(STYLES[style], align=align or default_align, indent=indent,
                   extra="margin-top:3pt" + (";font-weight:bold" if bold else ""))
        return f'<div style="{css}">{"".join(self.run(r) for r in p.runs) or "&nbsp;"}</div>'

    def run(self, r: Run) -> str:
        if r.footnote is not None:
            self.footnotes.append(r.footnote)
            return f"<sup>{len(self.footnotes)}</sup>"
        text = _e(r.text)
        if r.bold:
            text = f"<b>{text}</b>"
        return f"<i>{text}</i>" if r.italic else text

    def table(self, t: Table) -> str:
        rows = [*t.header, *t.rows]
        spans = _row_spans(rows)
        border = "border:1px solid #000;padding:1pt 4pt;vertical-align:top;background:#fff"
        html_rows: list[str] = []
        for i, row in enumerate(rows):
            cells: list[str] = []
            for j, cell in enumerate(row):
                if cell.merged_above:
                    continue
                attrs = f' colspan="{cell.colspan}"' * (cell.colspan > 1)
                attrs += f' rowspan="{spans[i][j]}"' * (spans[i][j] > 1)
                text = "".join(self.paragraph(p, align=cell.align, bold=cell.bold)
                               for p in cell.paragraphs)
                cells.append(f'<td{attrs} style="{border}">{text}</td>')
            html_rows.append(f'<tr style="background:#fff">{"".join(cells)}</tr>')
        head = "".join(self.paragraph(p) for p in (t.caption, t.unit) if p is not None)
        return (f'{head}<table style="border-collapse:collapse;width:100%;margin:4pt 0">'
                f'{"".join(html_rows)}</table>')

    def notes(self) -> str:
        if not self.footnotes:
            return ""
        out = [_rule("30%", margin="8pt 0 2pt")]
        for n, paragraphs in enumerate(self.footnotes, 1):
            text = " ".join("".join(_e(r.text) for r in p.runs) for p in paragraphs)
            out.append(f'<div style="{_css(STYLES["chu_thich"])}"><sup>{n}</sup> {text}</div>')
        return "".join(out)


def _row_spans(rows: list[tuple[Cell, ...]]) -> list[list[int]]:
    """Return each cell's rowspan: 1, plus the merged-above cells under it in its grid column."""
    columns: list[list[int]] = []  # per row, each cell's first grid column
    for row in rows:
        col, starts = 0, list[int]()
        for cell in row:
            starts.append(col)
            col += cell.colspan
        columns.append(starts)
    spans = [[1] * len(row) for row in rows]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            if cell.merged_above:
                continue
            below = i + 1
            while below < len(rows) and any(
                    c.merged_above and columns[below][k] == columns[i][j]
                    for k, c in enumerate(rows[below])):
                spans[i][j] += 1
                below += 1
    return spans


def _signer(lines: list[str], name: str) -> str:
    """Ô 7: authority lines, the room for the signature and seal, the name (PL I §II.7)."""
    return (_lines(lines, "tham_quyen")
            + f'<div style="height:{LAYOUT.signature_space}mm"></div>'
            + _lines([name], "ho_ten"))


def _noi_nhan(lines: list[str]) -> str:
    """Ô 9b: ``Nơi nhận:`` and the list, left of the signature (PL I §II.9.d)."""
    if not lines:
        return ""
    return (_lines(["Nơi nhận:"], "noi_nhan_label", align="left")
            + _lines(lines, "noi_nhan", align="left"))


def _signature(ctx: dict[str, Any]) -> str:
    """The signature row: Nơi nhận (or a giấy nghỉ phép's xác nhận) beside the signer, or two
    signers side by side (biên bản, hợp đồng, joint documents) with Nơi nhận under them."""
    left, right = LAYOUT.footer_left, LAYOUT.footer_right
    signer = _signer(ctx["tham_quyen"], ctx["ho_ten"])
    if ctx["ky_trai"] or ctx["ho_ten_trai"]:
        row = _columns(_signer(ctx["ky_trai"], ctx["ho_ten_trai"]), signer, right, right)
        return row + _noi_nhan(ctx["noi_nhan"])
    xac_nhan = _lines(ctx["xac_nhan"], "xac_nhan", extra="margin-top:12pt")
    return _columns(_noi_nhan(ctx["noi_nhan"]) + xac_nhan, signer, left, right)


def html_preview(doc: VanBan, note: str = "") -> str:
    """Return `doc` as an HTML page that approximates the rendered one; `note` says why it is no
    picture. Built from ``build_context(doc)``, so every document type shows in place."""
    try:
        return _page(doc, note)
    except Exception as exc:  # never raise in a display hook: say so, with the document's name
        return (f'<div style="font-family:{_FONT}"><b>{_e(text_preview(doc))}</b><br/>'
                f"(không xem trước được: {_e(_reason(exc))})</div>")


def _page(doc: VanBan, note: str) -> str:
    from .context import build_context
    from .models import CongVan

    ctx = build_context(doc)
    body = _Body()
    parts = [_header(ctx, isinstance(doc, CongVan)), _title(ctx), _recipients(ctx),
             body.blocks(ctx["noi_dung"]), body.notes(),
             '<div style="height:6pt"></div>', _signature(ctx)]
    if ctx["pham_vi_luu_hanh"]:
        parts.append(_lines([ctx["pham_vi_luu_hanh"]], "pham_vi_luu_hanh",
                            extra="margin-top:8pt"))
    if ctx["dia_chi"]:
        parts.append(_rule("100%", margin="12pt 0 2pt")
                     + _lines(ctx["dia_chi"], "dia_chi", align="left"))
    # Mẫu 1.3's attached text on a page of its own, then each phụ lục (a SectionBreak each).
    for extra, page_break in ((ctx["van_ban_kem_theo"], True), (ctx["phu_luc"], False)):
        if extra:
            more = _Body()
            parts += [_PAGE_BREAK * page_break, more.blocks(extra), more.notes()]
    caption = "Xem trước gần đúng (approximate HTML preview)"
    if note:
        caption += f": {_e(note)}"
    margins = (f"{PAGE.margin_top}mm {PAGE.margin_right}mm {PAGE.margin_bottom}mm "
               f"{PAGE.margin_left}mm")
    return (f'<div class="congvan-preview" style="font-family:{_FONT};color:#000;'
            f"background:#fff;max-width:{PAGE.width}mm;box-sizing:border-box;padding:{margins};"
            f'border:1px solid #bbb">{"".join(parts)}</div>'
            f'<div style="font-size:9pt;color:#666;margin-top:2pt">{caption}</div>')
