"""The layout of each document type, as python-docx code that builds its docxtpl template.

``build_template("cong_van")`` returns the bytes of ``templates/cong_van.docx``; the script
``scripts/build_templates.py`` writes them, so a reviewer reads the layout here and a user opens the
result in Word. Every size and position comes from ``congvan.rules``. The template's text is docxtpl
tags over the keys of ``congvan.context.CONTEXT_KEYS``; formatting is in named paragraph styles
("CV …"), never on runs.

``dynamic_parts(ctx)`` adds what depends on the document's own text: the rule under the issuing
body, sized from the width of the name (PL I §II.2.b), and the boxed stamps (PL I §III.2).
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias, cast

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.parfmt import CT_PPr
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import _Cell  # pyright: ignore[reportPrivateUsage] (no public name)
from docx.text.paragraph import Paragraph
from lxml import etree
from markupsafe import Markup

from .._version import __version__
from ..images import Png
from ..measure import text_width_pt
from ..rules import (
    FONT,
    LAYOUT,
    NHAN_KINH_GUI,
    NHAN_NOI_NHAN,
    PAGE,
    STAMP_COLOR,
    STYLES,
    TIEU_NGU,
    DoKhan,
    DoMat,
)
from . import _zip  # pyright: ignore[reportPrivateUsage] (the package's own module)
from ._oxml import (
    add_anchored_picture,
    add_inline_picture,
    add_page_field,
    app_properties,
    boxed_paragraph,
    canonical_order,
    markup,
    p_of,
    paragraph,
    rule_paragraph,
    set_cant_split,
    set_paragraph_border,
    set_table_fixed,
    set_title_page,
    sub,
    tbl_of,
    tc_of,
)
from ._units import (
    TWIPS_PER_PT,
    mm_to_emu,
    mm_to_twips,
    mm_to_twips_up,
    pt_to_half_points,
    pt_to_mm,
    pt_to_twips,
)
from .body import add_body_styles

__all__ = [
    "STYLE_NAMES", "TEMPLATE_NAMES", "Picture", "build_template", "cho_ky_paragraph",
    "dynamic_parts", "picture", "style_id",
]

#: The paragraph style of each component (names shown in Word's style pane).
STYLE_NAMES: Mapping[str, str] = {
    "quoc_hieu": "CV Quốc hiệu",
    "tieu_ngu": "CV Tiêu ngữ",
    "co_quan_chu_quan": "CV Cơ quan chủ quản",
    "co_quan_ban_hanh": "CV Cơ quan ban hành",
    "so_ky_hieu": "CV Số ký hiệu",
    "dia_danh_thoi_gian": "CV Địa danh thời gian",
    "trich_yeu_cong_van": "CV Trích yếu công văn",
    "ten_loai": "CV Tên loại",
    "trich_yeu": "CV Trích yếu",
    "kinh_gui": "CV Kính gửi",
    "kinh_gui_danh_sach": "CV Kính gửi danh sách",
    "noi_dung": "CV Nội dung",
    "noi_nhan_label": "CV Nơi nhận nhãn",
    "noi_nhan": "CV Nơi nhận",
    "tham_quyen": "CV Thẩm quyền",
    "ho_ten": "CV Họ tên",
    "so_trang": "CV Số trang",
    "do_khan": "CV Độ khẩn",
    "do_mat": "CV Độ mật",
    "pham_vi_luu_hanh": "CV Phạm vi lưu hành",
    "dia_chi": "CV Địa chỉ",
    "duong_ke": "CV Đường kẻ",
    "cho_ky": "CV Chỗ ký",
    "xac_nhan": "CV Xác nhận",
    "du_thao": "CV Dự thảo",
    "hinh_thuc_sao": "CV Hình thức sao",
    "chu_ky_so_ban_sao": "CV Chữ ký số bản sao",
}

#: The shipped templates: the công văn's (mẫu 1.5) and the one of every type with a tên loại
#: (mẫu 1.1–1.4). context.template_name() says which a type uses.
TEMPLATE_NAMES = (
    "cong_van",
    "van_ban",
    "giay",  # giấy mời, giấy giới thiệu, giấy nghỉ phép (mẫu 1.7, 1.8, 1.10)
    "bien_ban",
    "cong_dien",
    "hop_dong",
    "lien_tich",
)

_TEXT_TWIPS = mm_to_twips(PAGE.text_width)
_HEADER_TWIPS = [mm_to_twips(LAYOUT.header_left), mm_to_twips(LAYOUT.header_right)]
_FOOTER_TWIPS = [mm_to_twips(LAYOUT.footer_left), mm_to_twips(LAYOUT.footer_right)]


def style_id(component: str) -> str:
    """Return the styleId python-docx gives the style of `component` (its name without spaces)."""
    return STYLE_NAMES[component].replace(" ", "")


@functools.lru_cache(maxsize=1024)
def _width_twips(text: str, style: str) -> int:
    # Kept: a pure function of short texts (the issuer's name, the trích yếu) a batch repeats.
    s = STYLES[style]
    return pt_to_twips(text_width_pt(text, s.size, bold=s.bold, italic=s.italic))


# --------------------------------------------------------------------------------------------------
# Typed access to the XML under python-docx's objects
# --------------------------------------------------------------------------------------------------

# lxml names its element class _Element (no public name; etree.Element is a factory function).
_Element: TypeAlias = etree._Element  # pyright: ignore[reportPrivateUsage]

#: What blocks are added to: the document body, a table cell, a header or footer.
_Container: TypeAlias = WordDocument | BlockItemContainer


class _StyleElement(Protocol):
    """The w:style element's get-or-add methods, which python-docx's metaclass generates unseen."""

    def get_or_add_pPr(self) -> CT_PPr: ...
    def get_or_add_rPr(self) -> CT_RPr: ...


def _style_element(style: BaseStyle) -> _StyleElement:
    return cast(_StyleElement, style.element)


def _paragraph_style(style: BaseStyle) -> ParagraphStyle:
    """Narrow what python-docx's untyped style lookups return (StyleFactory picks the class)."""
    assert isinstance(style, ParagraphStyle)
    return style


def _child(parent: _Element, tag: str) -> _Element:
    """Return the `tag` child that python-docx's default template always has under `parent`."""
    child = parent.find(qn(tag))
    assert child is not None, tag
    return child


# --------------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------------


def _set_fonts(style: BaseStyle) -> None:
    """Set Times New Roman in all four w:rFonts slots, dropping theme fonts that override it."""
    rPr = _style_element(style).get_or_add_rPr()
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rPr.makeelement(qn("w:rFonts"), {})
        rPr.insert(0, fonts)
    _times_new_roman(fonts)


def _times_new_roman(fonts: _Element) -> None:
    """Make a w:rFonts name Times New Roman in its four slots and nothing else (no theme font)."""
    fonts.attrib.clear()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)


def _doc_defaults(doc: WordDocument) -> None:
    styles = doc.styles.element
    doc_defaults = _child(styles, "w:docDefaults")
    rPrDefault = _child(doc_defaults, "w:rPrDefault")
    rPrDefault.remove(_child(rPrDefault, "w:rPr"))
    size = pt_to_half_points(STYLES["noi_dung"].size)
    rPr = sub(rPrDefault, "w:rPr")
    sub(rPr, "w:rFonts", {"w:ascii": FONT, "w:hAnsi": FONT, "w:eastAsia": FONT, "w:cs": FONT})
    sub(rPr, "w:color", {"w:val": "000000"})
    sub(rPr, "w:sz", {"w:val": size})
    sub(rPr, "w:szCs", {"w:val": size})
    sub(rPr, "w:lang", {"w:val": "vi-VN", "w:eastAsia": "en-US", "w:bidi": "ar-SA"})
    pPrDefault = doc_defaults.find(qn("w:pPrDefault"))
    if pPrDefault is not None:
        doc_defaults.remove(pPrDefault)
    sub(sub(sub(doc_defaults, "w:pPrDefault"), "w:pPr"), "w:spacing",
        {"w:after": 0, "w:line": 240, "w:lineRule": "auto"})
    # python-docx's default styles name theme fonts (Calibri, Cambria); Decree 30 allows one font.
    for fonts in styles.iter(qn("w:rFonts")):
        _times_new_roman(fonts)
    normal = _paragraph_style(doc.styles["Normal"])
    _set_fonts(normal)
    normal.font.size = Pt(STYLES["noi_dung"].size)


def _add_style(doc: WordDocument, component: str, rule: str | None = None, *,
               align: WD_PARAGRAPH_ALIGNMENT = WD_ALIGN_PARAGRAPH.CENTER,
               before: float = 0, after: float = 0, line: float | None = None,
               left: float | None = None, hanging: float | None = None,
               first_line: float | None = None, color: str | None = None) -> ParagraphStyle:
    """Add the paragraph style of `component`, set as rules.STYLES[`rule` or `component`] says."""
    s = STYLES[rule or component]
    # python-docx leaves add_style's parameters unannotated.
    style = _paragraph_style(doc.styles.add_style(  # pyright: ignore[reportUnknownMemberType]
        STYLE_NAMES[component], WD_STYLE_TYPE.PARAGRAPH))
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    _set_fonts(style)
    font = style.font
    font.size = Pt(s.size)
    font.bold = s.bold
    font.italic = s.italic
    if color:
        font.color.rgb = RGBColor.from_string(color)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is None:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        pf.line_spacing = line
    if left is not None:
        pf.left_indent = Mm(left)
    if first_line is not None:
        pf.first_line_indent = Mm(first_line)
    if hanging is not None:
        pf.first_line_indent = -Mm(hanging)
    return style


def _styles(doc: WordDocument) -> None:
    _doc_defaults(doc)
    L = LAYOUT
    for component in ("quoc_hieu", "tieu_ngu", "co_quan_chu_quan", "co_quan_ban_hanh",
                      "so_ky_hieu", "dia_danh_thoi_gian", "tham_quyen", "ho_ten"):
        _add_style(doc, component)
    # Ô 7c: room for the signature (and the seal over it) between the titles and the name: one
    # line exactly that tall, which holds the signature image of an electronic document.
    cho_ky = _add_style(doc, "cho_ky", "ho_ten")
    cho_ky.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    cho_ky.paragraph_format.line_spacing = Mm(L.signature_space)
    style = _add_style(doc, "trich_yeu_cong_van", before=L.trich_yeu_cong_van_space_before_pt)
    # The 6 pt gap is between the số line and the V/v block only, not between the V/v lines.
    sub(_style_element(style).get_or_add_pPr(), "w:contextualSpacing")
    # Kính gửi (PL I §II.9.d): the dashes stand under the colon of "Kính gửi:".
    colon = L.kinh_gui_indent + pt_to_mm(text_width_pt(NHAN_KINH_GUI, STYLES["kinh_gui"].size))
    dash = pt_to_mm(text_width_pt("- ", STYLES["kinh_gui"].size))
    _add_style(doc, "kinh_gui", align=WD_ALIGN_PARAGRAPH.LEFT, left=L.kinh_gui_indent,
               before=L.space_before_kinh_gui_pt)
    _add_style(doc, "kinh_gui_danh_sach", "kinh_gui", align=WD_ALIGN_PARAGRAPH.LEFT,
               left=colon + dash, hanging=dash)
    # Ô 5a: the type name and the trích yếu under it, centred (PL I §II.5.b); a line of air above
    # the type name, as the decree's samples leave under the header (mẫu 1.1–1.4).
    _add_style(doc, "ten_loai", before=L.ten_loai_space_before_pt)
    _add_style(doc, "trich_yeu")
    _add_style(doc, "noi_dung", align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=L.paragraph_space_pt,
               line=L.line_spacing, first_line=L.first_line_indent)
    _add_style(doc, "noi_nhan_label", align=WD_ALIGN_PARAGRAPH.LEFT)
    _add_style(doc, "noi_nhan", align=WD_ALIGN_PARAGRAPH.LEFT)
    _add_style(doc, "so_trang")
    # Stamps are red ink (PL I §I.4 excepts them from black; §III.2.b "màu đỏ tươi").
    _add_style(doc, "do_khan", align=WD_ALIGN_PARAGRAPH.LEFT, before=L.stamp_space_pt,
               color=STAMP_COLOR)
    _add_style(doc, "do_mat", align=WD_ALIGN_PARAGRAPH.LEFT, before=L.stamp_space_pt,
               color=STAMP_COLOR)
    _add_style(doc, "pham_vi_luu_hanh")
    dia_chi = _add_style(doc, "dia_chi", align=WD_ALIGN_PARAGRAPH.LEFT)
    set_paragraph_border(_style_element(dia_chi).get_or_add_pPr(), "top", LAYOUT.rule_weight_pt)
    # A rule is the top border of an empty paragraph, a few points below the text so that it reads
    # as a rule and not as an underline; the paragraph is only as tall as its border needs.
    rule = _add_style(doc, "duong_ke", "co_quan_ban_hanh", before=LAYOUT.rule_gap_pt)
    rule.font.size = Pt(L.rule_paragraph_pt)
    _add_style(doc, "du_thao", before=L.stamp_space_pt)
    add_body_styles(doc)  # the body's own (render/body.py), after "CV Nội dung" and "CV Đường kẻ"


# --------------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------------


def _para(container: _Container, text: str, component: str) -> Paragraph:
    """Add a paragraph of `component`'s style holding `text` (a literal or a docxtpl tag)."""
    paragraph = container.add_paragraph(style=STYLE_NAMES[component])
    if text:
        paragraph.add_run(text)
    return paragraph


def _loop(container: _Container, var: str, items: str, component: str) -> None:
    """Add a docxtpl paragraph loop: one paragraph of `component` style per item of `items`."""
    _para(container, f"{{%p for {var} in {items} %}}", component)
    _para(container, f"{{{{ {var} }}}}", component)
    _para(container, "{%p endfor %}", component)


def _drop_first(cell: _Cell) -> None:
    tc_of(cell).remove(p_of(cell.paragraphs[0]))


def _page(doc: WordDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE.width), Mm(PAGE.height)
    # Rounded up to whole twips, so that 15 mm is never stored as 14.99 mm (below the range).
    section.top_margin = mm_to_twips_up(PAGE.margin_top)
    section.bottom_margin = mm_to_twips_up(PAGE.margin_bottom)
    section.left_margin = mm_to_twips_up(PAGE.margin_left)
    section.right_margin = mm_to_twips_up(PAGE.margin_right)
    section.header_distance = section.footer_distance = Mm(LAYOUT.header_distance)
    set_title_page(section)
    # Page numbers from page 2, centred in the top margin (PL I §I.7); none on page 1.
    number = section.header.paragraphs[0]
    number.style = _paragraph_style(doc.styles[STYLE_NAMES["so_trang"]])
    add_page_field(number)
    # Page 1: ô 11 (phạm vi lưu hành) in the top-margin band; ô 13 (address) at the foot.
    first = section.first_page_header.paragraphs[0]
    first.add_run("{{p dau_pham_vi_luu_hanh }}")
    section.first_page_header.add_paragraph()
    footer = section.first_page_footer
    footer.paragraphs[0].text = "{%p if dia_chi %}"
    footer.paragraphs[0].style = _paragraph_style(doc.styles[STYLE_NAMES["dia_chi"]])
    _loop(footer, "dong", "dia_chi", "dia_chi")
    _para(footer, "{%p endif %}", "dia_chi")
    footer.add_paragraph()


def _co_quan(cell: _Cell) -> None:
    """Ô 1–2 in `cell`: the chủ quản, the issuing body and the rule under its name (PL I §II.2)."""
    _loop(cell, "dong", "co_quan_chu_quan", "co_quan_chu_quan")
    _loop(cell, "dong", "co_quan_ban_hanh", "co_quan_ban_hanh")
    _para(cell, "{{p duong_ke_co_quan }}", "duong_ke")
    _drop_first(cell)


def _header_table(doc: WordDocument, part: str) -> None:
    """Ô 1–5b: the borderless two-column block at the top of page 1 (PL I §IV, mẫu 1.1–1.5).

    `part` is the family: ``cong_van`` puts the V/v lines under the số (mẫu 1.5), ``van_ban`` has
    none (its trích yếu is centred under the tên loại), and ``kem_theo``, an attached text's page
    (mẫu 1.3), has the names and the Quốc hiệu only: no số, no date.
    """
    table = doc.add_table(rows=1 if part == "kem_theo" else 2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    left, right = table.rows[0].cells
    _co_quan(left)
    _para(right, "{{ quoc_hieu }}", "quoc_hieu")
    _para(right, "{{ tieu_ngu }}", "tieu_ngu")
    # The rule under the motto is exactly as long as the motto (PL I §II.1.b); the motto is fixed,
    # so its length is computed once, here, and centred in the column's width of the document.
    rule = rule_paragraph(_width_twips(TIEU_NGU, "tieu_ngu"), _HEADER_TWIPS[1],
                          LAYOUT.rule_weight_pt, style_id("duong_ke"))
    side = f"{{{{ (cot_phai - {_width_twips(TIEU_NGU, 'tieu_ngu')}) // 2 }}}}"
    ind = _child(_child(rule, "w:pPr"), "w:ind")
    ind.set(qn("w:left"), side)
    ind.set(qn("w:right"), side)
    tc_of(right).append(rule)
    _drop_first(right)
    if part != "kem_theo":
        left, right = table.rows[1].cells
        _para(left, "{{ so_ky_hieu }}", "so_ky_hieu")
        if part == "cong_van":
            _loop(left, "dong", "trich_yeu", "trich_yeu_cong_van")
        _para(left, "{{p dau_du_thao }}", "du_thao")
        _para(left, "{{p dau_do_mat }}", "do_mat")
        _para(left, "{{p dau_do_khan }}", "do_khan")
        _drop_first(left)
        if part != "bien_ban":  # mẫu 1.9: a biên bản has no ô 4; its date is the meeting's
            _para(right, "{{ dia_danh_thoi_gian }}", "dia_danh_thoi_gian")
            _drop_first(right)
        # A little air between the name block and the số band.
        for cell in table.rows[0].cells:
            cell.paragraphs[-1].paragraph_format.space_after = Pt(LAYOUT.header_band_space_pt)
    set_table_fixed(table, _HEADER_TWIPS)
    # The widths are the document's own (context.py: the date line holds on one line, PL I §II.4.c).
    tbl = tbl_of(table)
    widths = ("{{ cot_trai }}", "{{ cot_phai }}")
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            _child(tc_of(cell).get_or_add_tcPr(), "w:tcW").set(qn("w:w"), width)
    _child(tbl.tblPr, "w:tblW").set(qn("w:w"), "{{ cot_trai + cot_phai }}")


def _ten_loai(doc: WordDocument) -> None:
    """Ô 5a: the type name, the trích yếu under it and the rule under both (PL I §II.5.b)."""
    _para(doc, "{{ ten_loai }}", "ten_loai")
    _loop(doc, "dong", "trich_yeu", "trich_yeu")
    _para(doc, "{{p duong_ke_trich_yeu }}", "duong_ke")


def _kinh_gui(doc: WordDocument) -> None:
    """Ô 9a: one recipient inline, several as a dash list under the colon (PL I §II.9.d); which
    of the two is context.py's decision."""
    _para(doc, "{%p if kinh_gui_mot_dong %}", "kinh_gui")
    _para(doc, f"{NHAN_KINH_GUI}: {{{{ kinh_gui_mot_dong }}}}", "kinh_gui")
    _para(doc, "{%p endif %}", "kinh_gui")
    _para(doc, "{%p if kinh_gui %}", "kinh_gui")
    _para(doc, f"{NHAN_KINH_GUI}:", "kinh_gui")
    _loop(doc, "dong", "kinh_gui", "kinh_gui_danh_sach")
    _para(doc, "{%p endif %}", "kinh_gui")


def _body(doc: WordDocument) -> None:
    """Ô 6: the body's paragraphs and tables, made per document (render/body.py)."""
    _para(doc, "{{p noi_dung }}", "noi_dung")


def _signer(cell: _Cell, lines: str, room: str, name: str) -> None:
    """Ô 7a–7c in `cell`: the authority and title lines, the room for the signature, the name."""
    _loop(cell, "dong", lines, "tham_quyen")
    _para(cell, room, "cho_ky")
    _para(cell, f"{{{{ {name} }}}}", "ho_ten")
    _drop_first(cell)


def _signature_row(doc: WordDocument, left: Callable[[_Cell], None]) -> None:
    """One borderless row that never splits: `left` fills its left cell, the signer the right
    (PL I §II.7)."""
    table = doc.add_table(rows=1, cols=2)
    cells = table.rows[0].cells
    left(cells[0])
    _signer(cells[1], "tham_quyen", "{{p cho_ky }}", "ho_ten")
    set_cant_split(table.rows[0])
    set_table_fixed(table, _FOOTER_TWIPS)


def _noi_nhan_cell(cell: _Cell) -> None:
    """Ô 9b: "Nơi nhận:" and its entries (PL I §II.9.d)."""
    _para(cell, f"{NHAN_NOI_NHAN}:", "noi_nhan_label")
    _loop(cell, "dong", "noi_nhan", "noi_nhan")
    _drop_first(cell)


def _signature_table(doc: WordDocument) -> None:
    """Ô 9b and 7a–7c side by side in one borderless row that never splits (PL I §II.7, §II.9)."""
    _signature_row(doc, _noi_nhan_cell)


def _hai_chu_ky(doc: WordDocument) -> None:
    """Two signature blocks side by side in one borderless row that never splits: ``ky_trai`` (mẫu
    1.9's THƯ KÝ) on the left with its own room and name, the signer's (CHỦ TỌA) on the right with
    the signature image and seal; context.py pads both to the same number of lines, so that the
    rooms and the names stand level (PL III mẫu 1.9)."""
    _signature_row(doc, lambda cell: _signer(cell, "ky_trai", "", "ho_ten_trai"))


def _chu_ky_them(doc: WordDocument) -> None:
    """A joint document of three or more bodies (practice, shared/decree30.md §3.3): the other
    co-issuers' blocks under the first row, two to a row (``ky_them``: each row's ``trai`` and
    ``phai``, padded level by context.py), each with its own authority lines, room and name."""
    _para(doc, "{%p if ky_them %}", "noi_dung")
    table = doc.add_table(rows=3, cols=2)
    rows = table.rows
    for row, tag in ((rows[0], "{%tr for hang in ky_them %}"), (rows[2], "{%tr endfor %}")):
        _para(row.cells[0], tag, "tham_quyen")  # docxtpl drops the row that holds the tag
        _drop_first(row.cells[0])
    for cell, side in zip(rows[1].cells, ("trai", "phai"), strict=True):
        _para(cell, "", "tham_quyen")  # a line between the rows of blocks
        _signer(cell, f"hang.{side}.dong", "", f"hang.{side}.ho_ten")
    set_cant_split(rows[1])
    set_table_fixed(table, _FOOTER_TWIPS)
    _para(doc, "{%p endif %}", "noi_dung")


def _dien(doc: WordDocument) -> None:
    """Mẫu 1.6: ``<body or head's title> điện:`` where a Kính gửi stands, the addressees as a dash
    list under it: the Kính gửi's styles (PL I §II.9.d; the sample draws them alike)."""
    _para(doc, "{{ dien }}", "kinh_gui")
    _loop(doc, "dong", "kinh_gui", "kinh_gui_danh_sach")


def _noi_nhan_duoi(doc: WordDocument) -> None:
    """Ô 9b under the signature blocks, at the left margin (PL III mẫu 1.9), when there is one."""
    _para(doc, "{%p if noi_nhan %}", "noi_nhan")
    # The heading stays with its first entry: never alone at the foot of a page.
    _para(doc, f"{NHAN_NOI_NHAN}:", "noi_nhan_label").paragraph_format.keep_with_next = True
    _loop(doc, "dong", "noi_nhan", "noi_nhan")
    _para(doc, "{%p endif %}", "noi_nhan")


# --------------------------------------------------------------------------------------------------
# After the signature: an attached text (mẫu 1.3) and the phụ lục (mẫu 2.1), each in a section of
# its own, which the body's SectionBreak blocks start (render/body.py: Sections)
# --------------------------------------------------------------------------------------------------


def _kem_theo(doc: WordDocument) -> None:
    """Mẫu 1.3: the attached Quy chế/Quy định, on a new page under the names and the Quốc hiệu."""
    _para(doc, "{%p if van_ban_kem_theo %}", "noi_dung")
    _para(doc, "{{p ngat_kem_theo }}", "noi_dung")
    _header_table(doc, "kem_theo")
    _para(doc, "{{p van_ban_kem_theo }}", "noi_dung")
    _para(doc, "{%p endif %}", "noi_dung")


def _phu_luc(doc: WordDocument) -> None:
    """Mẫu 2.1: the phụ lục, each on new pages of its own (landscape if it says so)."""
    _para(doc, "{{p phu_luc }}", "noi_dung")


def _xac_nhan(doc: WordDocument) -> None:
    """Mẫu 1.10: the confirmation of the place where the leave is spent, under the Nơi nhận in
    the left column: its heading, then room for that place's signature and seal, filled in by
    hand. A paragraph stands between it and the signature row, so the two tables stay two. Its
    style is added here, so that the other templates stay as they were."""
    _add_style(doc, "xac_nhan")
    _para(doc, "{%p if xac_nhan %}", "xac_nhan")
    _para(doc, "", "xac_nhan")
    table = doc.add_table(rows=1, cols=2)
    left = table.rows[0].cells[0]
    _loop(left, "dong", "xac_nhan", "xac_nhan")
    _para(left, "", "cho_ky")
    _drop_first(left)
    set_cant_split(table.rows[0])
    set_table_fixed(table, _FOOTER_TWIPS)
    _para(doc, "{%p endif %}", "xac_nhan")


#: The components of each shipped template, top to bottom.
_FAMILIES: Mapping[str, tuple[str, ...]] = {
    "cong_van": ("header", "kinh_gui", "body", "signature", "phu_luc"),
    "van_ban": ("header", "ten_loai", "kinh_gui", "body", "signature", "kem_theo", "phu_luc"),
    "giay": ("header", "ten_loai", "body", "signature", "xac_nhan", "phu_luc"),
    "bien_ban": ("header", "ten_loai", "body", "hai_chu_ky", "noi_nhan_duoi", "phu_luc"),
    "cong_dien": ("header", "ten_loai", "dien", "body", "signature", "phu_luc"),
    # No mẫu (shared/decree30.md §5): mẫu 1.4's header and type name, the parties side by side.
    "hop_dong": ("header", "ten_loai", "body", "hai_chu_ky", "noi_nhan_duoi", "phu_luc"),
    # A joint document (practice, shared/decree30.md §3.3): mẫu 1.4 with one block per body.
    "lien_tich": ("header", "ten_loai", "kinh_gui", "body", "hai_chu_ky", "chu_ky_them",
                  "noi_nhan_duoi", "phu_luc"),
}


def build_template(name: str = "cong_van") -> bytes:
    """Return the .docx bytes of the template `name` (one of TEMPLATE_NAMES)."""
    if name not in TEMPLATE_NAMES:
        raise ValueError(f"no template {name!r}; known: {', '.join(TEMPLATE_NAMES)}")
    doc = Document()
    ballast = _style_ids(doc)
    _styles(doc)
    _page(doc)
    build: Mapping[str, Callable[[], None]] = {
        "header": lambda: _header_table(doc, name),
        "ten_loai": lambda: _ten_loai(doc),
        "kinh_gui": lambda: _kinh_gui(doc),
        "body": lambda: _body(doc),
        "signature": lambda: _signature_table(doc),
        "kem_theo": lambda: _kem_theo(doc),
        "phu_luc": lambda: _phu_luc(doc),
        "xac_nhan": lambda: _xac_nhan(doc),
        "hai_chu_ky": lambda: _hai_chu_ky(doc),
        "chu_ky_them": lambda: _chu_ky_them(doc),
        "noi_nhan_duoi": lambda: _noi_nhan_duoi(doc),
        "dien": lambda: _dien(doc),
    }
    for component in _FAMILIES[name]:
        build[component]()
    props = doc.core_properties
    props.author = props.last_modified_by = "congvan"
    props.title, props.comments = "{{ tieu_de }}", ""
    props.revision = 1
    section = doc.sections[0]
    for root in (doc.element, doc.styles.element, section.header.part.element,
                 section.first_page_header.part.element, section.first_page_footer.part.element):
        canonical_order(root)
    return _save(doc, ballast)


# --------------------------------------------------------------------------------------------------
# Per-document geometry
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """A PNG placed in the document: its relationship id, part name, bytes and size in EMU."""

    rid: str
    part: str
    data: bytes
    cx: int
    cy: int


def picture(rid: str, part: str, png: Png, width_mm: float | None = None,
            max_mm: tuple[float, float] | None = None) -> Picture:
    """Return a Picture `width_mm` wide, or as large as fits in `max_mm` (w, h), keeping its shape.

    `png` was checked by congvan.images (sane, non-zero size, aspect ratio at most
    MAX_ASPECT_RATIO), so both extents are positive and small."""
    ratio = png.height / png.width
    if width_mm is None:
        assert max_mm is not None
        width_mm = min(max_mm[0], max_mm[1] / ratio)
    cx = max(1, mm_to_emu(width_mm))
    return Picture(rid, part, png.data, cx, max(1, round(cx * ratio)))


def cho_ky_paragraph(signature: Picture | None, seal: Picture | None) -> Markup:
    """Return ô 7c: the signature image centred in the room above the name (PL I §II.7.d), and the
    seal over about its left third (PL I §II.8.a, Đ.33)."""
    p = paragraph(style_id("cho_ky"))
    column = mm_to_emu(LAYOUT.footer_right)
    room = mm_to_emu(LAYOUT.signature_space)
    sig_cx = signature.cx if signature else mm_to_emu(LAYOUT.signature_width)
    sig_left = (column - sig_cx) // 2
    if signature:
        add_inline_picture(p, signature.rid, 9001, "chu_ky", signature.cx, signature.cy)
    if seal:
        x = sig_left + sig_cx // 3 - seal.cx  # the seal's right edge a third into the signature
        y = (room - seal.cy) // 2  # centred on the room for the signature
        add_anchored_picture(p, seal.rid, 9002, "dau", seal.cx, seal.cy, x, y, 2)
    return markup(p)


@functools.lru_cache(maxsize=256)
def _rule(width_twips: int, box_twips: int) -> Markup:
    """Return a rule paragraph's XML (immutable): a pure function of two widths, kept."""
    return markup(rule_paragraph(width_twips, box_twips, LAYOUT.rule_weight_pt,
                                 style_id("duong_ke")))


@functools.lru_cache(maxsize=1)
def _empty_cho_ky() -> Markup:
    """Return ô 7c without signature image nor seal (the same XML for every such document)."""
    return cho_ky_paragraph(None, None)


def dynamic_parts(ctx: Mapping[str, Any], signature: Picture | None = None,
                  seal: Picture | None = None) -> dict[str, Markup]:
    """Return the paragraphs whose size depends on the document's text, as XML for ``{{p …}}``."""
    lines = ctx["co_quan_ban_hanh"] or [""]
    left, right = ctx["cot_trai"], ctx["cot_phai"]
    # PL I §II.2.b: the rule is 1/3–1/2 of the (longest) line of the name, centred under it.
    line = min(max(_width_twips(t, "co_quan_ban_hanh") for t in lines), left)
    parts = {
        "duong_ke_co_quan": _rule(round(line * LAYOUT.co_quan_rule_ratio), left),
        "dau_do_mat": Markup(""),
        "dau_do_khan": Markup(""),
        "dau_pham_vi_luu_hanh": Markup(""),
        "duong_ke_trich_yeu": Markup(""),
        "dau_du_thao": Markup(""),
        "cho_ky": (cho_ky_paragraph(signature, seal) if signature or seal
                   else _empty_cho_ky()),
    }
    if ctx["ten_loai"]:
        # PL I §II.5.b: under the trích yếu (or the type name alone), 1/3–1/2 of its longest line.
        text = _TEXT_TWIPS
        line = min(max(_width_twips(t, "trich_yeu") for t in ctx["trich_yeu"] or [ctx["ten_loai"]]),
                   text)
        parts["duong_ke_trich_yeu"] = _rule(round(line * LAYOUT.co_quan_rule_ratio), text)
    # Stamps: rectangles of the decree's size, the frame in the stamp's red ink like its words
    # (PL I §III.2.b: 30/40/20 × 8 mm, "mực … màu đỏ tươi").
    # The frame is drawn outside the indents (1 pt padding, 1 pt line): indents 2 pt in from the
    # box's outer edges, which start at the left margin.
    height = mm_to_twips(LAYOUT.stamp_height)
    frame = 2 * TWIPS_PER_PT
    if ctx["do_mat"]:
        width = mm_to_twips(DoMat(ctx["do_mat"]).width)
        parts["dau_do_mat"] = markup(boxed_paragraph(
            ctx["do_mat"], frame, left - width + frame, style_id("do_mat"), color=STAMP_COLOR,
            height_twips=height))
    if ctx["do_khan"]:
        width = mm_to_twips(DoKhan(ctx["do_khan"]).width)  # PL I §III.2.b
        parts["dau_do_khan"] = markup(boxed_paragraph(
            ctx["do_khan"], frame, left - width + frame, style_id("do_khan"), color=STAMP_COLOR,
            height_twips=height))
    if ctx["du_thao"]:
        # The draft mark: boxed, centred under the số in the left column (shared/decree30.md
        # §3.12: Circular 01/2011, UNCONFIRMED practice; Decree 30 has no draft mark).
        text = ctx["du_thao"]
        width = min(_width_twips(text, "du_thao") + mm_to_twips(LAYOUT.stamp_padding), left)
        side = (left - width) // 2
        parts["dau_du_thao"] = markup(boxed_paragraph(text, side, side, style_id("du_thao")))
    if ctx["pham_vi_luu_hanh"]:
        # Ô 11: above the Quốc hiệu, centred over the right column (PL I §IV, x ≈ 0.58–0.85).
        text = ctx["pham_vi_luu_hanh"]
        padding = mm_to_twips(LAYOUT.stamp_padding)
        width = min(_width_twips(text, "pham_vi_luu_hanh") + padding, right)
        side = left + (right - width) // 2
        parts["dau_pham_vi_luu_hanh"] = markup(boxed_paragraph(
            text, side, _TEXT_TWIPS - side - width, style_id("pham_vi_luu_hanh")))
    return parts


# --------------------------------------------------------------------------------------------------
# The copy block (bản sao, PL I Phần II; mẫu 3.1): a template of its own, rendered per copy and
# appended to the copied document by congvan.ban_sao
# --------------------------------------------------------------------------------------------------


def _ban_sao_header(doc: WordDocument) -> None:
    """Mẫu 3.1 ô 1–4: under a rule across the text width, the copying body left (with the rule
    under its name) and the form of copy right, where a Quốc hiệu would be (the copy block has no
    Quốc hiệu or Tiêu ngữ); then the copy's số left and its place and date right."""
    _para(doc, "{{p duong_ke_ban_sao }}", "duong_ke")
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    left, right = table.rows[0].cells
    _co_quan(left)
    _para(right, "{{ hinh_thuc_sao }}", "hinh_thuc_sao")
    _drop_first(right)
    left, right = table.rows[1].cells
    _para(left, "{{ so_ky_hieu }}", "so_ky_hieu")
    _drop_first(left)
    _para(right, "{{ dia_danh_thoi_gian }}", "dia_danh_thoi_gian")
    _drop_first(right)
    for cell in table.rows[0].cells:
        cell.paragraphs[-1].paragraph_format.space_after = Pt(LAYOUT.header_band_space_pt)
    for row in table.rows:
        set_cant_split(row)
        for cell in row.cells:  # the block stays on one page with its signature
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
    set_table_fixed(table, _HEADER_TWIPS)
    # Between the two tables: Word would join adjacent tables into one.
    _para(doc, "", "so_ky_hieu").paragraph_format.keep_with_next = True


def build_ban_sao_template() -> bytes:
    """Return the .docx bytes of the copy block's template (mẫu 3.1): its header and the signature
    row of every document (``_signature_table``), in congvan's styles."""
    doc = Document()
    ballast = _style_ids(doc)
    _styles(doc)
    _add_style(doc, "hinh_thuc_sao")
    _add_style(doc, "chu_ky_so_ban_sao", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _ban_sao_header(doc)
    _signature_table(doc)
    for root in (doc.element, doc.styles.element):
        canonical_order(root)
    return _save(doc, ballast)


# --------------------------------------------------------------------------------------------------
# The package: python-docx's default document without its ballast
# --------------------------------------------------------------------------------------------------

#: Parts of python-docx's default document a congvan document does not use: Word 2010's copy of
#: every style (stylesWithEffects), web-page settings, a bibliography store (customXml) and the
#: numbering of list styles congvan does not keep; at the package level, the thumbnail of
#: python-docx's own sample document.
_BALLAST_RELS = ("/stylesWithEffects", "/webSettings", "/customXml", "/numbering", "/thumbnail")
#: Elements that name a style (by id) from a document part or from another style.
_STYLE_REFS = tuple(qn(f"w:{tag}") for tag in ("pStyle", "rStyle", "tblStyle", "numStyle",
                                                 "basedOn", "next", "link"))


def _style_ids(doc: WordDocument) -> set[str]:
    """Return the ids of the styles `doc` has: python-docx's, before congvan adds its own."""
    return {str(el.get(qn("w:styleId"))) for el in doc.styles.element.iter(qn("w:style"))}


def _prune_styles(doc: WordDocument, ballast: set[str]) -> None:
    """Remove from `doc` the styles of python-docx's default document that nothing uses (kept:
    the defaults, and any style a part or a kept style names), and its latent-style table."""
    styles = doc.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    by_id = {str(el.get(qn("w:styleId"))): el for el in styles.iter(qn("w:style"))}
    keep = {sid for sid, el in by_id.items()
            if sid not in ballast or el.get(qn("w:default")) in ("1", "true", "on")}
    package = doc.part.package
    assert package is not None  # a saved document's parts belong to its package
    for part in package.iter_parts():
        root = getattr(part, "element", None)
        if root is not None and root is not styles:
            keep |= {str(ref.get(qn("w:val"))) for tag in _STYLE_REFS[:4]
                     for ref in root.iter(tag)}
    todo = list(keep)
    while todo:  # the styles a kept style is based on, continues with or is linked to
        el = by_id.get(todo.pop())
        for ref in () if el is None else el.iter(*_STYLE_REFS[4:]):
            sid = str(ref.get(qn("w:val")))
            if sid not in keep:
                keep.add(sid)
                todo.append(sid)
    for sid, el in by_id.items():
        if sid not in keep:
            styles.remove(el)


def _app_properties() -> bytes:
    """Return docProps/app.xml naming congvan, without counts: the page and word counts are
    the laying-out application's to write (the checker reads pages from the layout otherwise)."""
    major, minor, patch = (int(n) for n in __version__.split(".")[:3])
    # AppVersion is "XX.YYYY" (ECMA-376 Part 1 §22.2.2.2): 0.1.0 is 00.0100.
    return app_properties("congvan", f"{major:02d}.{minor:02d}{patch:02d}")


def _save(doc: WordDocument, ballast: set[str]) -> bytes:
    """Return `doc` saved without python-docx's ballast: unused styles, unused parts, the
    thumbnail, and Word's extended properties of the sample document (docProps/app.xml)."""
    package = doc.part.package
    assert package is not None  # a saved document's parts belong to its package
    for rels in (doc.part.rels, package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith(_BALLAST_RELS)
                    or rel.reltype == RT.EXTENDED_PROPERTIES]:
            rels.pop(rid)
    _prune_styles(doc, ballast)  # after the parts are dropped: the numbering names list styles
    app = OpcPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _app_properties(),
                  package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)
    out = io.BytesIO()
    doc.save(out)
    # Written again with the fixed date of congvan's own zips (_zip): zipfile stamps each member
    # with the build time, and `make templates` then changed every template's bytes on each run.
    with zipfile.ZipFile(out) as saved:
        entries = [_zip.entry(info.filename, saved.read(info)) for info in saved.infolist()]
    return _zip.package(_zip.Block.of(entries), [])
