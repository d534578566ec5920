"""The only place that writes XML: WordprocessingML (``w:``), DrawingML and the package parts.

python-docx has no API for borderless fixed tables, paragraph borders, rows that never split,
keep-with-next or a PAGE field; these helpers add them to python-docx objects (when the template is
built) or build paragraphs (for the parts whose geometry depends on the document's own text). Every
element is made by python-docx's ``OxmlElement`` or lxml's ``SubElement``, never by assembling XML
text, so a user's text can only ever be an element's text or an attribute's value.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal, cast

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import CT_Default, CT_Relationship, CT_Relationships
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap
from docx.oxml.ns import qn as _docx_qn
from docx.oxml.section import CT_SectPr
from docx.oxml.table import CT_Row, CT_Tbl, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section

# python-docx names its cell and row classes privately; they are what table.rows yields.
from docx.table import Table, _Cell, _Row  # pyright: ignore[reportPrivateUsage]
from docx.text.paragraph import Paragraph
from lxml import etree
from markupsafe import Markup

from ._units import TWIPS_PER_PT, pt_to_eighths

__all__ = [
    "Element",
    "PartError",
    "add_anchored_picture",
    "add_image_rels",
    "add_inline_picture",
    "add_overrides",
    "add_page_field",
    "add_rels",
    "add_run",
    "boxed_paragraph",
    "canonical_order",
    "declare_png",
    "element",
    "empty_rels",
    "final_section_refs",
    "footnote_reference",
    "footnotes_part",
    "header_footer_part",
    "markup",
    "p_of",
    "paragraph",
    "replace_final_section",
    "rule_paragraph",
    "section_properties",
    "set_cant_split",
    "set_cell_width",
    "set_fonts",
    "set_keep_next",
    "set_paragraph_border",
    "set_table_fixed",
    "set_title_page",
    "sub",
    "table",
    "table_cell",
    "table_row",
    "tbl_of",
    "tc_of",
    "tr_of",
]

# lxml names its element class _Element (no public name; etree.Element is a factory function).
_Element = etree._Element  # pyright: ignore[reportPrivateUsage]
#: The class of every element (lxml's), for the modules that pass elements around.
Element = _Element


#: python-docx's qn (``w:p`` → Clark notation), remembered: a render asks for the same few names
#: thousands of times.
qn = functools.cache(_docx_qn)


def _attrs(attrs: Mapping[str, str | int]) -> dict[str, str]:
    """Return `attrs` with prefixed names (``w:val``) in Clark notation and values as strings."""
    return {qn(k) if ":" in k else k: str(v) for k, v in attrs.items()}


def element(tag: str, attrs: Mapping[str, str | int] | None = None, *,
            ns: Iterable[str] = ()) -> BaseOxmlElement:
    """Return a new element `tag` (``w:p``) of python-docx's class for it, declaring its own prefix
    and the prefixes `ns`."""
    decls = {prefix: nsmap[prefix] for prefix in (tag.split(":")[0], *ns)}
    made = OxmlElement(tag, _attrs(attrs or {}), decls)
    assert isinstance(made, BaseOxmlElement)
    return made


def sub(parent: _Element, tag: str, attrs: Mapping[str, str | int] | None = None, *,
        ns: Iterable[str] = (), text: str | None = None) -> _Element:
    """Append a child `tag` to `parent` (namespaces resolved against the parent's), declaring the
    prefixes `ns` on it; `text`, when given, is its text (escaped by lxml when serialised)."""
    child = etree.SubElement(parent, qn(tag), _attrs(attrs or {}),
                             {prefix: nsmap[prefix] for prefix in ns} or None)
    if text is not None:
        child.text = text
    return child


def markup(el: _Element) -> Markup:
    """Return `el` serialised, to stand for a ``{{p …}}`` tag of a template."""
    return Markup(etree.tostring(el, encoding="unicode"))


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
    # Appended; canonical_order() puts them in the schema's sequence.
    sub(tblPr, "w:tblW", {"w:w": sum(widths_twips), "w:type": "dxa"})
    sub(tblPr, "w:tblInd", {"w:w": 0, "w:type": "dxa"})
    borders = sub(tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, f"w:{side}", {"w:val": "nil"})
    sub(tblPr, "w:tblLayout", {"w:type": "fixed"})
    margins = sub(tblPr, "w:tblCellMar")
    for side in ("left", "right"):
        sub(margins, f"w:{side}", {"w:w": 0, "w:type": "dxa"})
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
    tcPr.insert(0, element("w:tcW", {"w:w": width_twips, "w:type": "dxa"}))


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
        bdr = sub(pPr, "w:pBdr")
    sub(bdr, f"w:{side}", {"w:val": "single", "w:sz": pt_to_eighths(weight_pt),
                           "w:space": space_pt, "w:color": "000000"})


def set_title_page(section: Section) -> None:
    """Give `section` a different first page (no page number on page 1, PL I §I.7)."""
    section.different_first_page_header_footer = True


def add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) to `paragraph`."""
    field = sub(p_of(paragraph), "w:fldSimple", {"w:instr": " PAGE "})
    sub(sub(field, "w:r"), "w:t", text="2")


def paragraph(style_id: str) -> CT_P:
    """Return a new paragraph (``w:p``) of the paragraph style `style_id`."""
    p = element("w:p")
    assert isinstance(p, CT_P)
    # Built directly: python-docx's setter looks up the schema order of every sibling it could have.
    sub(sub(p, "w:pPr"), "w:pStyle", {"w:val": style_id})
    return p


def keep_next_with_space_after(p: CT_P, after_twips: int) -> None:
    """Make `p` keep with the next paragraph and leave `after_twips` below it (what python-docx's
    ``keepNext_val`` and ``spacing_after`` setters do, without their schema-order lookups)."""
    pPr = p.get_or_add_pPr()
    keep = pPr.find(qn("w:keepNext"))
    if keep is None:
        sub(pPr, "w:keepNext")
    elif qn("w:val") in keep.attrib:
        del keep.attrib[qn("w:val")]  # on, as an empty element says
    spacing = pPr.find(qn("w:spacing"))
    if spacing is None:
        spacing = sub(pPr, "w:spacing")
    spacing.set(qn("w:after"), str(after_twips))
    canonical_order(p)


def rule_paragraph(width_twips: int, box_twips: int, weight_pt: float, style_id: str) -> CT_P:
    """Return an empty paragraph whose top border is a centred rule `width_twips` long.

    The paragraph sits in a box (a table cell) `box_twips` wide; equal left and right indents leave
    a border of exactly the rule's length, centred under the text above it.
    """
    side = max(0, (box_twips - width_twips) // 2)
    p = paragraph(style_id)
    pPr = p.get_or_add_pPr()
    sub(sub(pPr, "w:pBdr"), "w:top", {"w:val": "single", "w:sz": pt_to_eighths(weight_pt),
                                      "w:space": 1, "w:color": "000000"})
    sub(pPr, "w:ind", {"w:left": side, "w:right": side})
    return p


def boxed_paragraph(text: str, left_twips: int, right_twips: int, style_id: str, *,
                    color: str = "000000", height_twips: int | None = None) -> CT_P:
    """Return a paragraph whose text sits centred in a single-border box between the two indents.

    Used for the urgency, secrecy and circulation-scope stamps (PL I §III.2), which the decree draws
    as rectangles of a given width at the left margin (ô 10) or towards the right (ô 11). The frame
    is drawn in `color` (a stamp's frame is of its ink); `height_twips`, when given, is the box's
    outer height: an exact line height that leaves room for the 1 pt padding and the 1 pt frame.
    """
    p = paragraph(style_id)
    pPr = p.get_or_add_pPr()
    borders = sub(pPr, "w:pBdr")
    for s in ("top", "left", "bottom", "right"):
        sub(borders, f"w:{s}", {"w:val": "single", "w:sz": 8, "w:space": 1, "w:color": color})
    if height_twips is not None:
        line = height_twips - 4 * TWIPS_PER_PT  # padding and frame, 1 pt each, top and bottom
        sub(pPr, "w:spacing", {"w:line": line, "w:lineRule": "exact"})
    sub(pPr, "w:ind", {"w:left": left_twips, "w:right": right_twips})
    sub(pPr, "w:jc", {"w:val": "center"})
    sub(sub(p, "w:r"), "w:t", {"xml:space": "preserve"}, text=text)
    return p


def _graphic(parent: _Element, rid: str, pic_id: int, name: str, cx: int, cy: int) -> None:
    graphic = sub(parent, "a:graphic", ns=("a",))
    data = sub(graphic, "a:graphicData", {"uri": nsmap["pic"]})
    pic = sub(data, "pic:pic", ns=("pic",))
    nv = sub(pic, "pic:nvPicPr")
    sub(nv, "pic:cNvPr", {"id": pic_id, "name": name})
    sub(nv, "pic:cNvPicPr")
    fill = sub(pic, "pic:blipFill")
    sub(fill, "a:blip", {"r:embed": rid})
    sub(sub(fill, "a:stretch"), "a:fillRect")
    sp = sub(pic, "pic:spPr")
    xfrm = sub(sp, "a:xfrm")
    sub(xfrm, "a:off", {"x": 0, "y": 0})
    sub(xfrm, "a:ext", {"cx": cx, "cy": cy})
    sub(sub(sp, "a:prstGeom", {"prst": "rect"}), "a:avLst")


_NO_DISTANCE = {"distT": 0, "distB": 0, "distL": 0, "distR": 0}


def add_inline_picture(p: _Element, rid: str, pic_id: int, name: str, cx: int, cy: int) -> None:
    """Append to `p` a run holding a picture in the line of text (`cx`, `cy` in EMU)."""
    drawing = sub(sub(p, "w:r"), "w:drawing")
    inline = sub(drawing, "wp:inline", _NO_DISTANCE, ns=("wp", "r"))
    sub(inline, "wp:extent", {"cx": cx, "cy": cy})
    sub(inline, "wp:docPr", {"id": pic_id, "name": name})
    sub(inline, "wp:cNvGraphicFramePr")
    _graphic(inline, rid, pic_id, name, cx, cy)


def add_anchored_picture(p: _Element, rid: str, pic_id: int, name: str, cx: int, cy: int,
                         x: int, y: int, z: int) -> None:
    """Append to `p` a run holding a picture floating in front of the text, placed at (`x`, `y`)
    EMU from the column's left edge and the paragraph's top; `z` orders overlapping pictures."""
    drawing = sub(sub(p, "w:r"), "w:drawing")
    anchor = sub(drawing, "wp:anchor", {
        **_NO_DISTANCE, "simplePos": 0, "relativeHeight": z, "behindDoc": 0, "locked": 0,
        "layoutInCell": 1, "allowOverlap": 1}, ns=("wp", "r"))
    sub(anchor, "wp:simplePos", {"x": 0, "y": 0})
    sub(sub(anchor, "wp:positionH", {"relativeFrom": "column"}), "wp:posOffset", text=str(x))
    sub(sub(anchor, "wp:positionV", {"relativeFrom": "paragraph"}), "wp:posOffset", text=str(y))
    sub(anchor, "wp:extent", {"cx": cx, "cy": cy})
    sub(anchor, "wp:effectExtent", {"l": 0, "t": 0, "r": 0, "b": 0})
    sub(anchor, "wp:wrapNone")
    sub(anchor, "wp:docPr", {"id": pic_id, "name": name})
    sub(anchor, "wp:cNvGraphicFramePr")
    _graphic(anchor, rid, pic_id, name, cx, cy)


# --------------------------------------------------------------------------------------------------
# The body's runs, tables, footnotes and sections (render/body.py)
# --------------------------------------------------------------------------------------------------


def set_fonts(rPr: _Element, font: str) -> None:
    """Name `font` in the four w:rFonts slots of the run properties `rPr`, and no theme font."""
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rPr, qn("w:rFonts"))
        style = rPr.find(qn("w:rStyle"))
        rPr.insert(0 if style is None else 1, fonts)  # the schema's place: after w:rStyle
    fonts.attrib.clear()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)


def add_run(p: _Element, text: str, *, bold: bool | None = False, italic: bool = False) -> CT_R:
    """Append to `p` a run of `text`, bold and/or italic; each ``\\n`` in `text` is a line break
    (``w:br``). Spaces are kept (``xml:space="preserve"``). `bold` None writes "not bold", over a
    bold paragraph style."""
    r = sub(p, "w:r")
    assert isinstance(r, CT_R)
    if bold is not False or italic:
        rPr = sub(r, "w:rPr")
        if bold is None:
            sub(rPr, "w:b", {"w:val": 0})
            sub(rPr, "w:bCs", {"w:val": 0})
        elif bold:
            sub(rPr, "w:b")
            sub(rPr, "w:bCs")
        if italic:
            sub(rPr, "w:i")
            sub(rPr, "w:iCs")
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(r, "w:br")
        if line:
            sub(r, "w:t", {"xml:space": "preserve"}, text=line)
    return r


def footnote_reference(p: _Element, note_id: int, style_id: str) -> None:
    """Append to `p` the mark of footnote `note_id` (Word numbers it), in the character style
    `style_id`."""
    r = sub(p, "w:r")
    sub(sub(r, "w:rPr"), "w:rStyle", {"w:val": style_id})
    sub(r, "w:footnoteReference", {"w:id": note_id})


def _separator_note(root: _Element, note_id: int, kind: str) -> None:
    note = sub(root, "w:footnote", {"w:type": kind, "w:id": note_id})
    p = sub(note, "w:p")
    sub(sub(p, "w:pPr"), "w:spacing", {"w:after": 0, "w:line": 240, "w:lineRule": "auto"})
    sub(sub(p, "w:r"), f"w:{kind}")


def footnotes_part(notes: Iterable[tuple[int, Sequence[_Element]]], mark_style_id: str) -> bytes:
    """Return word/footnotes.xml holding Word's two separator notes (ids -1 and 0) and each
    (id, paragraphs) of `notes`; the footnote's mark (``w:footnoteRef``, style `mark_style_id`)
    opens its first paragraph."""
    root = etree.Element(qn("w:footnotes"), nsmap={k: nsmap[k] for k in ("w", "r")})
    _separator_note(root, -1, "separator")
    _separator_note(root, 0, "continuationSeparator")
    for note_id, paragraphs in notes:
        note = sub(root, "w:footnote", {"w:id": note_id})
        for i, p in enumerate(paragraphs):
            if i == 0:
                mark = etree.Element(qn("w:r"))
                sub(sub(mark, "w:rPr"), "w:rStyle", {"w:val": mark_style_id})
                sub(mark, "w:footnoteRef")
                space = etree.Element(qn("w:r"))
                sub(space, "w:t", {"xml:space": "preserve"}, text=" ")
                ppr = p.find(qn("w:pPr"))
                at = 0 if ppr is None else 1
                p.insert(at, mark)
                p.insert(at + 1, space)
            note.append(p)
    return _serialise_part(root)


def header_footer_part(tag: Literal["w:hdr", "w:ftr"]) -> bytes:
    """Return an empty header (``w:hdr``) or footer (``w:ftr``) part: one empty paragraph."""
    root = etree.Element(qn(tag), nsmap={k: nsmap[k] for k in ("w", "r")})
    sub(root, "w:p")
    return _serialise_part(root)


def section_properties(*, width_twips: int, height_twips: int, landscape: bool,
                       margins_twips: Mapping[str, int],
                       refs: Iterable[tuple[str, str, str]] = (),
                       restart_numbering: bool = False, title_page: bool = True) -> CT_SectPr:
    """Return a ``w:sectPr``: page size and orientation, margins (top, right, bottom, left,
    header, footer, gutter), header/footer references (``("header", "first", rId)``), page
    numbers from 1 when `restart_numbering`, a first page of its own when `title_page`. Children
    in the schema's order (ECMA-376 Part 1, §17.6.17)."""
    sect = element("w:sectPr", ns=("r",))
    assert isinstance(sect, CT_SectPr)
    refs = list(refs)
    for wanted in ("header", "footer"):
        for kind, ref_type, rid in refs:
            if kind == wanted:
                sub(sect, f"w:{kind}Reference", {"w:type": ref_type, "r:id": rid})
    size: dict[str, str | int] = {"w:w": width_twips, "w:h": height_twips}
    if landscape:
        size["w:orient"] = "landscape"
    sub(sect, "w:pgSz", size)
    sub(sect, "w:pgMar", {f"w:{side}": margins_twips[side] for side in (
        "top", "right", "bottom", "left", "header", "footer", "gutter")})
    if restart_numbering:
        sub(sect, "w:pgNumType", {"w:start": 1})
    if title_page:
        sub(sect, "w:titlePg")
    return sect


def table(widths_twips: Sequence[int], *, border_eighths: int, cell_margin_twips: int,
          centred: bool = True) -> CT_Tbl:
    """Return a table (``w:tbl``) with single black borders `border_eighths` wide around and
    between its cells, fixed layout on the grid `widths_twips`, cells padded left and right by
    `cell_margin_twips`; rows are added with table_row."""
    tbl = element("w:tbl")
    assert isinstance(tbl, CT_Tbl)
    tblPr = sub(tbl, "w:tblPr")
    sub(tblPr, "w:tblW", {"w:w": sum(widths_twips), "w:type": "dxa"})
    if centred:
        sub(tblPr, "w:jc", {"w:val": "center"})
    borders = sub(tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, f"w:{side}", {"w:val": "single", "w:sz": border_eighths, "w:space": 0,
                                   "w:color": "000000"})
    sub(tblPr, "w:tblLayout", {"w:type": "fixed"})
    margins = sub(tblPr, "w:tblCellMar")
    for side in ("left", "right"):
        sub(margins, f"w:{side}", {"w:w": cell_margin_twips, "w:type": "dxa"})
    sub(tblPr, "w:tblLook", {"w:val": "04A0", "w:firstRow": 1, "w:lastRow": 0,
                             "w:firstColumn": 1, "w:lastColumn": 0, "w:noHBand": 0,
                             "w:noVBand": 1})
    grid = sub(tbl, "w:tblGrid")
    for width in widths_twips:
        sub(grid, "w:gridCol", {"w:w": width})
    return tbl


def table_row(tbl: _Element, *, header: bool = False) -> CT_Row:
    """Append a row to `tbl`; a `header` row repeats at the top of each page (``w:tblHeader``).
    No row splits across pages (``w:cantSplit``): a row is one line of data, read whole (a row
    taller than a page still splits: Word and LibreOffice break it where it must)."""
    tr = sub(tbl, "w:tr")
    assert isinstance(tr, CT_Row)
    trPr = sub(tr, "w:trPr")
    sub(trPr, "w:cantSplit")
    if header:
        sub(trPr, "w:tblHeader")
    return tr


def table_cell(tr: _Element, width_twips: int, *, span: int = 1,
               vmerge: Literal["restart", "continue"] | None = None,
               valign: Literal["top", "center", "bottom"] | None = None) -> CT_Tc:
    """Append a cell `width_twips` wide to the row `tr`, spanning `span` grid columns; `vmerge`
    starts or continues a vertical merge. The caller adds its paragraphs (at least one)."""
    tc = sub(tr, "w:tc")
    assert isinstance(tc, CT_Tc)
    tcPr = sub(tc, "w:tcPr")
    sub(tcPr, "w:tcW", {"w:w": width_twips, "w:type": "dxa"})
    if span > 1:
        sub(tcPr, "w:gridSpan", {"w:val": span})
    if vmerge == "restart":
        sub(tcPr, "w:vMerge", {"w:val": "restart"})
    elif vmerge == "continue":
        sub(tcPr, "w:vMerge")
    if valign is not None:
        sub(tcPr, "w:vAlign", {"w:val": valign})
    return tc


# --------------------------------------------------------------------------------------------------
# Package parts: the content types and the main document's relationships
# --------------------------------------------------------------------------------------------------


class PartError(ValueError):
    """A package part is not the XML it should be (the template module names the template)."""


# A template is hostile input: no entities resolved, no network, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _parse_part(blob: bytes, root_tag: str) -> _Element:
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        raise PartError(root_tag) from None
    # A package part has no DTD (ECMA-376 Part 2, §8.1.4): an entity it declared would be lost.
    # (lxml-stubs type internalDTD as never None; it is None when there is no DOCTYPE.)
    if root.tag != root_tag or cast(object, root.getroottree().docinfo.internalDTD) is not None:
        raise PartError(root_tag)
    return root


def _serialise_part(root: _Element) -> bytes:
    """Return the part `root` belongs to (comments and processing instructions around it kept)."""
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                          standalone=True)


_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def app_properties(application: str, app_version: str) -> bytes:
    """Return docProps/app.xml naming `application` and its ``AppVersion`` ("XX.YYYY"), with no
    page or word count (ECMA-376 Part 1 §22.2)."""
    # The default namespace's key is None in lxml, which lxml-stubs do not type.
    default = cast("dict[str, str]", {None: _EXTENDED})
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap=default)
    for tag, text in (("Application", application), ("AppVersion", app_version)):
        etree.SubElement(root, f"{{{_EXTENDED}}}{tag}").text = text
    return _serialise_part(root)


def empty_rels() -> bytes:
    """Return a relationships part with no relationship."""
    return _serialise_part(CT_Relationships.new())


def declare_png(blob: bytes) -> bytes:
    """Return the content types part `blob` declaring the PNG type once (signature and seal images
    are PNG parts): unchanged if it does, else with a ``Default`` before the first one."""
    root = _parse_part(blob, f"{_CT}Types")
    defaults = root.findall(f"{_CT}Default")
    if any(d.get("Extension") == "png" for d in defaults):
        return blob
    png: _Element = CT_Default.new("png", "image/png")
    if defaults:
        defaults[0].addprevious(png)
    else:
        root.append(png)
    return _serialise_part(root)


def add_image_rels(blob: bytes, images: Iterable[tuple[str, str]] = ()) -> bytes:
    """Return the relationships part `blob` with an image relationship for each (id, target under
    word/) of `images`; `blob` itself when there are none."""
    root = _parse_part(blob, f"{_PR}Relationships")
    images = list(images)
    if not images:
        return blob
    for rid, target in images:
        rel: _Element = CT_Relationship.new(rid, RELATIONSHIP_TYPE.IMAGE, target)
        root.append(rel)
    return _serialise_part(root)


def add_rels(blob: bytes, rels: Iterable[tuple[str, str, str]] = ()) -> bytes:
    """Return the relationships part `blob` with each (id, type, target) of `rels` that it lacks
    (a relationship of the same type and target is kept as it is); `blob` itself when none is
    added."""
    root = _parse_part(blob, f"{_PR}Relationships")
    have = {(r.get("Type"), r.get("Target")) for r in root.findall(f"{_PR}Relationship")}
    added = False
    for rid, reltype, target in rels:
        if (reltype, target) in have:
            continue
        rel: _Element = CT_Relationship.new(rid, reltype, target)
        root.append(rel)
        have.add((reltype, target))
        added = True
    return _serialise_part(root) if added else blob


def add_overrides(blob: bytes, overrides: Iterable[tuple[str, str]] = ()) -> bytes:
    """Return the content types part `blob` declaring each (part name, content type) of
    `overrides` (``/word/footnotes.xml``): an Override added, or its type corrected; `blob`
    itself when nothing changes."""
    root = _parse_part(blob, f"{_CT}Types")
    changed = False
    for partname, content_type in overrides:
        found = [o for o in root.findall(f"{_CT}Override") if o.get("PartName") == partname]
        if not found:
            etree.SubElement(root, f"{_CT}Override",
                             {"PartName": partname, "ContentType": content_type})
            changed = True
        for o in found:
            if o.get("ContentType") != content_type:
                o.set("ContentType", content_type)
                changed = True
    return _serialise_part(root) if changed else blob


_W = f"{{{nsmap['w']}}}"
_R_ID = f"{{{nsmap['r']}}}id"


def _final_sectpr(body: _Element) -> _Element | None:
    last = body[-1] if len(body) else None
    return last if last is not None and last.tag == f"{_W}sectPr" else None


def final_section_refs(blob: bytes) -> tuple[tuple[str, str, str], ...]:
    """Return the header and footer references of the last section of the main document part
    `blob` (the body's own ``w:sectPr``): ("header" | "footer", type, relationship id)."""
    root = _parse_part(blob, f"{_W}document")
    body = root.find(f"{_W}body")
    sect = None if body is None else _final_sectpr(body)
    if sect is None:
        return ()
    out: list[tuple[str, str, str]] = []
    for ref in sect:
        for kind in ("header", "footer"):
            if ref.tag == f"{_W}{kind}Reference":
                out.append((kind, ref.get(f"{_W}type") or "default", ref.get(_R_ID) or ""))
    return tuple(out)


def edit_body(blob: bytes, edit: Callable[[_Element], bool]) -> bytes:
    """Return the main document part `blob` with `edit` applied to its ``w:body``: the same
    bytes when `edit` returns False (it changed nothing)."""
    root = _parse_part(blob, f"{_W}document")
    body = root.find(f"{_W}body")
    if body is None:
        raise PartError(f"{_W}body")
    return _serialise_part(root) if edit(body) else blob


def styles_root(blob: bytes) -> _Element | None:
    """Return the root ``w:styles`` of the styles part `blob`; None when it is not one."""
    try:
        return _parse_part(blob, f"{_W}styles")
    except PartError:
        return None


def add_missing_styles(blob: bytes, source: bytes, style_ids: Iterable[str]) -> bytes:
    """Return the styles part `blob` with each style of `style_ids` that it lacks copied from the
    styles part `source`, and with them the styles they are based on, followed by or linked to
    that it lacks too; `blob` unchanged when it lacks none. A style `blob` has is never touched."""
    root = _parse_part(blob, f"{_W}styles")
    have = {s.get(f"{_W}styleId") for s in root.iter(f"{_W}style")}
    known = {s.get(f"{_W}styleId"): s for s in _parse_part(source, f"{_W}styles")
             .iter(f"{_W}style")}
    wanted = [sid for sid in style_ids if sid not in have]
    added = False
    while wanted:
        sid = wanted.pop()
        style = known.get(sid)
        if sid in have or style is None:
            continue
        have.add(sid)
        root.append(copy.deepcopy(style))
        added = True
        for tag in ("basedOn", "next", "link"):
            ref = style.find(f"{_W}{tag}")
            if ref is not None and ref.get(f"{_W}val"):
                wanted.append(cast(str, ref.get(f"{_W}val")))
    return _serialise_part(root) if added else blob


def replace_final_section(blob: bytes, sect: _Element) -> bytes:
    """Return the main document part `blob` with the body's own ``w:sectPr`` (the last
    section's properties) replaced by a copy of `sect`."""
    root = _parse_part(blob, f"{_W}document")
    body = root.find(f"{_W}body")
    if body is None:
        raise PartError(f"{_W}body")
    old = _final_sectpr(body)
    new = copy.deepcopy(sect)
    if old is None:
        body.append(new)
    else:
        body.replace(old, new)
    return _serialise_part(root)


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


_RANKS = {qn(tag): {qn(f"w:{name}"): i for i, name in enumerate(sequence.split())}
          for tag, sequence in _SEQUENCES.items()}


def canonical_order(root: BaseOxmlElement) -> None:
    """Put the children of every w:pPr and w:tblPr under `root` in the order the schema gives."""
    for tag, rank in _RANKS.items():
        for props in root.iter(tag):
            children = list(props)
            children.sort(key=lambda el: rank.get(el.tag, len(rank)))
            for child in children:
                props.append(child)  # re-appending moves each child into sorted position
