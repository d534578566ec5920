"""The only place that writes raw WordprocessingML (``w:`` XML).

python-docx has no API for borderless fixed tables, paragraph borders, rows that never split,
keep-with-next or a PAGE field; these helpers add them to python-docx objects (when the template is
built) or return paragraph XML (for the parts whose geometry depends on the document's own text).
"""

from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section

# python-docx names its cell and row classes privately; they are what table.rows yields.
from docx.table import Table, _Cell, _Row  # pyright: ignore[reportPrivateUsage]
from docx.text.paragraph import Paragraph
from markupsafe import Markup, escape

__all__ = [
    "add_page_field",
    "boxed_paragraph_xml",
    "mm_to_twips",
    "p_of",
    "pt_to_eighths",
    "rule_paragraph_xml",
    "set_cant_split",
    "set_cell_width",
    "set_keep_next",
    "set_paragraph_border",
    "set_table_fixed",
    "set_title_page",
    "tbl_of",
    "tc_of",
    "tr_of",
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def mm_to_twips(mm: float) -> int:
    """Return `mm` in twentieths of a point, Word's unit for lengths in paragraph and table XML."""
    return round(mm * 1440 / 25.4)


def pt_to_eighths(pt: float) -> int:
    """Return `pt` in eighths of a point, the unit of ``w:sz`` on a border."""
    return round(pt * 8)


# python-docx gives no public way to the XML behind a table, a row, a cell or a paragraph; these
# accessors are the one place in congvan that reaches it (layout.py uses them too).
def tbl_of(table: Table) -> CT_Tbl:
    return table._tbl  # pyright: ignore[reportPrivateUsage]


def tr_of(row: _Row) -> CT_Row:
    return row._tr  # pyright: ignore[reportPrivateUsage]


def tc_of(cell: _Cell) -> CT_Tc:
    return cell._tc  # pyright: ignore[reportPrivateUsage]


def p_of(paragraph: Paragraph) -> CT_P:
    return paragraph._p  # pyright: ignore[reportPrivateUsage]


def set_table_fixed(table: Table, widths_twips: list[int]) -> None:
    """Make `table` borderless, fixed-layout, at the text margin, with these column widths.

    ``w:tblLayout fixed`` plus a matching ``w:tblGrid`` is what makes LibreOffice honour the widths;
    zero cell margins keep the text of both columns inside the text area.
    """
    tbl = tbl_of(table)
    tblPr = tbl.tblPr
    for tag in ("w:tblW", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblInd", "w:tblStyle"):
        for el in tblPr.findall(qn(tag)):
            tblPr.remove(el)
    tblPr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{sum(widths_twips)}" w:type="dxa"/>'))
    tblPr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="0" w:type="dxa"/>'))
    borders = "".join(f'<w:{side} w:val="nil"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{borders}</w:tblBorders>'))
    tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    margins = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("left", "right"))
    tblPr.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}>{margins}</w:tblCellMar>'))
    grid = tbl.tblGrid
    # One width per column: the builder's tables have exactly as many columns as widths.
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_twips, strict=True):
            set_cell_width(cell, width)


def set_cell_width(cell: _Cell, width_twips: int) -> None:
    """Set a cell's preferred width in twips."""
    tcPr = tc_of(cell).get_or_add_tcPr()
    for el in tcPr.findall(qn("w:tcW")):
        tcPr.remove(el)
    tcPr.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{width_twips}" w:type="dxa"/>'))


def set_cant_split(row: _Row) -> None:
    """Keep a table row on one page (``w:cantSplit``)."""
    trPr = tr_of(row).get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))


def set_keep_next(paragraph: Paragraph) -> None:
    """Keep `paragraph` on the same page as the next one (``w:keepNext``)."""
    paragraph.paragraph_format.keep_with_next = True


def set_paragraph_border(pPr_owner: Paragraph | CT_PPr, side: str, weight_pt: float,
                         space_pt: int = 1) -> None:
    """Add a single solid border on `side` (top, bottom…) to a paragraph, or to the properties
    (``w:pPr``) of a paragraph or paragraph style."""
    pPr = p_of(pPr_owner).get_or_add_pPr() if isinstance(pPr_owner, Paragraph) else pPr_owner
    bdr = pPr.find(qn("w:pBdr"))
    if bdr is None:  # appended; canonical_order() moves it to its place in the sequence
        bdr = pPr.makeelement(qn("w:pBdr"), {})
        pPr.append(bdr)
    bdr.append(parse_xml(
        f'<w:{side} {nsdecls("w")} w:val="single" w:sz="{pt_to_eighths(weight_pt)}" '
        f'w:space="{space_pt}" w:color="000000"/>'))


def set_title_page(section: Section) -> None:
    """Give `section` a different first page (no page number on page 1, PL I §I.7)."""
    section.different_first_page_header_footer = True


def add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) to `paragraph`."""
    p_of(paragraph).append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'))


def rule_paragraph_xml(width_twips: int, box_twips: int, weight_pt: float,
                       style_id: str) -> Markup:
    """Return an empty paragraph whose top border is a centred rule `width_twips` long.

    The paragraph sits in a box (a table cell) `box_twips` wide; equal left and right indents leave
    a border of exactly the rule's length, centred under the text above it.
    """
    side = max(0, (box_twips - width_twips) // 2)
    return Markup(
        f'<w:p {W}><w:pPr><w:pStyle w:val="{style_id}"/><w:pBdr><w:top w:val="single" '
        f'w:sz="{pt_to_eighths(weight_pt)}" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:ind w:left="{side}" w:right="{side}"/></w:pPr></w:p>'
    )


def boxed_paragraph_xml(text: str, left_twips: int, right_twips: int, style_id: str, *,
                        color: str = "000000", height_twips: int | None = None) -> Markup:
    """Return a paragraph whose text sits centred in a single-border box between the two indents.

    Used for the urgency, secrecy and circulation-scope stamps (PL I §III.2), which the decree draws
    as rectangles of a given width at the left margin (ô 10) or towards the right (ô 11). The frame
    is drawn in `color` (a stamp's frame is of its ink); `height_twips`, when given, is the box's
    outer height: an exact line height that leaves room for the 1 pt padding and the 1 pt frame.
    """
    borders = "".join(
        f'<w:{s} w:val="single" w:sz="8" w:space="1" w:color="{color}"/>'
        for s in ("top", "left", "bottom", "right"))
    spacing = ""
    if height_twips is not None:
        line = height_twips - 4 * 20  # padding and frame, 1 pt each, top and bottom
        spacing = f'<w:spacing w:line="{line}" w:lineRule="exact"/>'
    return Markup(
        f'<w:p {W}><w:pPr><w:pStyle w:val="{style_id}"/><w:pBdr>{borders}</w:pBdr>{spacing}'
        f'<w:ind w:left="{left_twips}" w:right="{right_twips}"/><w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


EMU_PER_MM = 36000
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _graphic(rid: str, pic_id: int, name: str, cx: int, cy: int) -> str:
    return (
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        f'</a:graphic>'
    )


def inline_picture_run(rid: str, pic_id: int, name: str, cx: int, cy: int) -> str:
    """Return a run holding a picture in the line of text (`cx`, `cy` in EMU)."""
    return (
        f'<w:r {W}><w:drawing><wp:inline xmlns:wp="{_WP}" xmlns:r="{_R}" distT="0" distB="0" '
        f'distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{pic_id}" '
        f'name="{name}"/><wp:cNvGraphicFramePr/>{_graphic(rid, pic_id, name, cx, cy)}'
        f'</wp:inline></w:drawing></w:r>'
    )


def anchored_picture_run(rid: str, pic_id: int, name: str, cx: int, cy: int, x: int, y: int,
                         z: int) -> str:
    """Return a run holding a picture floating in front of the text, placed at (`x`, `y`) EMU
    from the column's left edge and the paragraph's top; `z` orders overlapping pictures."""
    return (
        f'<w:r {W}><w:drawing><wp:anchor xmlns:wp="{_WP}" xmlns:r="{_R}" distT="0" distB="0" '
        f'distL="0" distR="0" simplePos="0" relativeHeight="{z}" behindDoc="0" locked="0" '
        f'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{pic_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        f'{_graphic(rid, pic_id, name, cx, cy)}</wp:anchor></w:drawing></w:r>'
    )


# The order CT_PPr and CT_TblPr give their children (ECMA-376 Part 1, §17.3.1.26 and §17.4.60).
# Word refuses a file whose property elements are out of order; helpers above append where
# python-docx has no API, so the template builder puts every pPr/tblPr back in schema order.
_SEQUENCES = {
    "w:pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
        "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
        "rPr sectPr pPrChange"),
    "w:tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
        "tblDescription tblPrChange"),
}


def canonical_order(root: BaseOxmlElement) -> None:
    """Put the children of every w:pPr and w:tblPr under `root` in the order the schema gives."""
    for tag, sequence in _SEQUENCES.items():
        rank = {qn(f"w:{name}"): i for i, name in enumerate(sequence.split())}
        for props in root.iter(qn(tag)):
            children = list(props)
            children.sort(key=lambda el: rank.get(el.tag, len(rank)))
            for child in children:
                props.append(child)  # re-appending moves each child into sorted position
