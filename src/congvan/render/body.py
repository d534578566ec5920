"""The body's blocks (noi_dung/blocks.py) as WordprocessingML: paragraphs, tables, footnotes and
sections, and the paragraph styles they use.

Each blocks.Kind has a paragraph style named in Vietnamese ("CV Điều", "CV Khoản" …, ``LOOKS``), so
that a clerk restyles every article of a document at once in Word; its size, weight and slant
come from rules.STYLES, its spacing and indents from rules.LAYOUT (PL I §II.6.e). Headings carry an
outline level, so that Word's navigation pane shows Phần, Chương, Mục, Tiểu mục, Điều (structure
A) or Phần, I., 1. (structure B).

Upper case is written as upper-case letters, never as a style's ``w:caps``: a clerk who copies a
title, and congvan's checker, read the letters themselves. body_xml upper-cases (with
vietnamese.text.upper) the text of the kinds whose rules.STYLES row says ``upper``: the titles
under Phần/Chương/Mục, structure B's ``I. …``, a phụ lục's title, the authority line, ``QUYẾT
ĐỊNH:`` and an attached text's tên loại.

Footnotes are Word's own (word/footnotes.xml, numbered by Word); a section break is a paragraph
whose ``w:sectPr`` ends the section before it (ECMA-376 Part 1, §17.6.18). ``FootnoteSink`` and
``Sections`` collect what a document needs besides its body's elements: the parts to add to the
package, and the properties of its last section. One document is rendered so::

    footnotes, sections = FootnoteSink(), Sections(template.section_refs)
    body = body_xml(blocks, footnotes=footnotes, text_width_mm=sections.text_width_mm,
                    sections=sections)                  # before the signature
    annexes = body_xml(phu_luc_blocks, footnotes=footnotes,
                       text_width_mm=sections.text_width_mm, sections=sections)  # after it
    context |= {"noi_dung_xml": body_markup(body), "phu_luc_xml": body_markup(annexes)}
    parts = [p for p in (footnotes.part(),) if p is not None] + sections.parts()
    template.render(context, media, parts=parts, last_section=sections.final())
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, cast

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.parfmt import CT_PPr
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
from markupsafe import Markup

from ..errors import RenderError
from ..measure import text_width_pt
from ..noi_dung.blocks import Block, Cell, Kind, Paragraph, SectionBreak, Table
from ..rules import FONT, LAYOUT, PAGE, STYLES
from ..vietnamese.text import strip_xml_illegal, upper
from . import _oxml  # pyright: ignore[reportPrivateUsage] (the package's own module)
from ._oxml import qn
from ._units import mm_to_twips, mm_to_twips_up, pt_to_eighths, pt_to_half_points, pt_to_twips
from .template import Part

__all__ = [
    "FOOTNOTE_REFERENCE", "FOOTNOTE_TEXT", "LOOKS", "UPPER_KINDS", "FootnoteSink", "Look",
    "Sections", "add_body_styles", "body_markup", "body_xml", "page_text_width", "style_id",
]

Element = _oxml.Element
_Align = WD_PARAGRAPH_ALIGNMENT
_J, _C, _R, _L = (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                  WD_ALIGN_PARAGRAPH.LEFT)


@dataclass(frozen=True)
class Look:
    """The paragraph style of one kind: its name, its rules.STYLES row, alignment, first-line
    indent (PL I §II.6.e), outline level (Word's navigation pane), kept with the next paragraph,
    and the style it is based on (``None``: Normal)."""

    name: str
    rule: str
    align: _Align
    indent: bool = False
    outline: int | None = None
    keep_next: bool = False
    base: str | None = None


#: The base of the Phần/Chương/Mục/Tiểu mục styles: restyling it restyles the four.
CHUONG_MUC = Look("CV Chương mục", "chuong_muc", _C, keep_next=True)
#: Word's own footnote styles (their built-in names, so Word's "Insert footnote" uses them too).
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"

#: The paragraph style of each kind. "CV Nội dung" and "CV Đường kẻ" are the template's own
#: (render/layout.py); add_body_styles makes them only where a document lacks them.
LOOKS: Mapping[Kind, Look] = {
    "doan": Look("CV Nội dung", "noi_dung", _J, indent=True),
    "can_cu": Look("CV Căn cứ", "can_cu", _J, indent=True),
    "tham_quyen_ban_hanh": Look("CV Thẩm quyền ban hành", "tham_quyen_ban_hanh", _C,
                                keep_next=True),
    "quyet_dinh": Look("CV Quyết định", "quyet_dinh", _C, keep_next=True),
    "phan": Look("CV Phần", "chuong_muc", _C, outline=0, keep_next=True, base=CHUONG_MUC.name),
    "chuong": Look("CV Chương", "chuong_muc", _C, outline=1, keep_next=True,
                   base=CHUONG_MUC.name),
    "muc": Look("CV Mục", "chuong_muc", _C, outline=2, keep_next=True, base=CHUONG_MUC.name),
    "tieu_muc": Look("CV Tiểu mục", "chuong_muc", _C, outline=3, keep_next=True,
                     base=CHUONG_MUC.name),
    # The title under them stays out of the navigation pane: the number line stands for both.
    "tieu_de_chuong_muc": Look("CV Tiêu đề chương mục", "tieu_de_chuong_muc", _C,
                               keep_next=True),
    "dieu": Look("CV Điều", "dieu", _J, indent=True, outline=4, keep_next=True),
    "khoan": Look("CV Khoản", "khoan", _J, indent=True),
    # Level 2 under structure B's "I."; under a Điều (structure A) the paragraph says 5.
    "khoan_tieu_de": Look("CV Khoản tiêu đề", "khoan_tieu_de", _J, indent=True, outline=2,
                          keep_next=True),
    "diem": Look("CV Điểm", "diem", _J, indent=True),
    "muc_la_ma": Look("CV Mục La Mã", "muc_la_ma", _J, indent=True, outline=1, keep_next=True),
    "gach": Look("CV Gạch đầu dòng", "noi_dung", _J, indent=True),
    "cong": Look("CV Dấu cộng", "noi_dung", _J, indent=True),
    "chu_thich_bang": Look("CV Chú thích bảng", "chu_thich_bang", _C, keep_next=True),
    "don_vi_bang": Look("CV Đơn vị bảng", "don_vi_bang", _R, keep_next=True),
    "o_bang": Look("CV Ô bảng", "o_bang", _L),
    "tieu_de_bang": Look("CV Tiêu đề bảng", "tieu_de_bang", _C),
    "phu_luc": Look("CV Phụ lục", "phu_luc", _C, outline=0, keep_next=True),
    "tieu_de_phu_luc": Look("CV Tiêu đề phụ lục", "tieu_de_phu_luc", _C, keep_next=True),
    "kem_theo": Look("CV Kèm theo", "kem_theo", _C, keep_next=True),
    "duong_ke": Look("CV Đường kẻ", "noi_dung", _C),  # an empty paragraph: its border
    "ten_loai": Look("CV Tên loại", "ten_loai", _C, outline=0, keep_next=True),
    "trich_yeu": Look("CV Trích yếu", "trich_yeu", _C, keep_next=True),
    "chu_thich": Look("CV Chú thích", "chu_thich", _J, base="footnote text"),
    "gioi_thieu": Look("CV Giới thiệu", "noi_dung", _C, keep_next=True),
}

#: Kinds printed in upper case (their STYLES row says so): body_xml writes upper-case letters.
UPPER_KINDS: frozenset[str] = frozenset(k for k, look in LOOKS.items() if STYLES[look.rule].upper)
#: Kinds whose runs carry their own weight over a bold style (noi_dung/markup.py marks them).
_EXPLICIT_WEIGHT = frozenset({"dieu", "khoan_tieu_de"})
#: Kinds set inside a table cell: no paragraph spacing of the body, the cell's own padding.
_CELL_KINDS = frozenset({"o_bang", "tieu_de_bang"})


def style_id(kind: Kind) -> str:
    """Return the styleId of `kind`'s paragraph style (python-docx's: the name without spaces)."""
    return LOOKS[kind].name.replace(" ", "")


def body_style_ids() -> frozenset[str]:
    """Return the styleIds the body's paragraphs and footnotes may name (add_body_styles)."""
    return frozenset({style_id(kind) for kind in LOOKS} | {CHUONG_MUC.name.replace(" ", ""),
                                                          FOOTNOTE_TEXT, FOOTNOTE_REFERENCE})


def page_text_width(landscape: bool = False) -> float:
    """Return the width of the text area in mm: 165 portrait, 252 on a landscape page."""
    width = PAGE.height if landscape else PAGE.width
    return width - PAGE.margin_left - PAGE.margin_right


# --------------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------------


class _StyleElement(Protocol):
    """The w:style element's get-or-add methods, which python-docx's metaclass generates unseen."""

    def get_or_add_pPr(self) -> CT_PPr: ...
    def get_or_add_rPr(self) -> CT_RPr: ...


def _element(style: BaseStyle) -> _StyleElement:
    return cast(_StyleElement, style.element)


def _new_style(doc: WordDocument, name: str, kind: WD_STYLE_TYPE, *, builtin: bool = False,
               sid: str | None = None) -> BaseStyle:
    # python-docx leaves add_style's parameters unannotated.
    style: BaseStyle = doc.styles.add_style(  # pyright: ignore[reportUnknownMemberType]
        name, kind, builtin)
    if sid is not None:
        style.style_id = sid
    _oxml.set_fonts(_element(style).get_or_add_rPr(), FONT)
    return style


def _paragraph_style(style: BaseStyle) -> ParagraphStyle:
    assert isinstance(style, ParagraphStyle)
    return style


def _set_look(doc: WordDocument, style: ParagraphStyle, look: Look, kind: str) -> None:
    """Set `style` as `look` and its STYLES row say."""
    s = STYLES[look.rule]
    style.base_style = doc.styles[look.base or "Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(LAYOUT.rule_paragraph_pt if kind == "duong_ke" else s.size)
    font.bold, font.italic = s.bold, s.italic
    pf = style.paragraph_format
    pf.alignment = look.align
    if kind in _CELL_KINDS:
        pf.space_before = pf.space_after = Pt(LAYOUT.table_cell_space_pt)
    elif kind == "chu_thich":
        pf.space_before = pf.space_after = Pt(0)
    elif kind == "duong_ke":  # layout.py's rule paragraph: a few points under the text
        pf.space_before, pf.space_after = Pt(LAYOUT.rule_gap_pt), Pt(0)
    else:  # PL I §II.6.e: at least 6 pt between paragraphs
        pf.space_before, pf.space_after = Pt(LAYOUT.paragraph_space_pt), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if LAYOUT.line_spacing != 1:
        pf.line_spacing = LAYOUT.line_spacing
    pf.first_line_indent = Mm(LAYOUT.first_line_indent if look.indent else 0)
    if look.keep_next:
        pf.keep_with_next = True
        pf.keep_together = True
    if look.outline is not None:
        _oxml.sub(_element(style).get_or_add_pPr(), "w:outlineLvl", {"w:val": look.outline})


def _footnote_styles(doc: WordDocument) -> None:
    """Word's built-in footnote styles, in Times New Roman: the text (STYLES["chu_thich"]) and
    the mark (superscript)."""
    names = {s.name for s in doc.styles}
    if "footnote text" not in names:
        text = _paragraph_style(_new_style(doc, "footnote text", WD_STYLE_TYPE.PARAGRAPH,
                                           builtin=True, sid=FOOTNOTE_TEXT))
        text.base_style = doc.styles["Normal"]
        text.font.size = Pt(STYLES["chu_thich"].size)
        pf = text.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if "footnote reference" not in names:
        mark = _new_style(doc, "footnote reference", WD_STYLE_TYPE.CHARACTER, builtin=True,
                          sid=FOOTNOTE_REFERENCE)
        assert isinstance(mark, CharacterStyle)
        mark.font.superscript = True


def add_body_styles(doc: WordDocument) -> None:
    """Add the paragraph style of every kind of LOOKS (and the footnote styles) to `doc`.

    A style the document already has is kept as it is: "CV Nội dung" and "CV Đường kẻ" are made
    by render/layout.py (call this after them), a user's template may define any.
    """
    _footnote_styles(doc)
    names = {s.name for s in doc.styles}
    for kind, look in ((None, CHUONG_MUC), *LOOKS.items()):
        if look.name in names:
            continue
        style = _paragraph_style(_new_style(doc, look.name, WD_STYLE_TYPE.PARAGRAPH))
        names.add(look.name)
        if look.base == CHUONG_MUC.name:  # only its level: the rest is the base's
            style.base_style = doc.styles[CHUONG_MUC.name]
            style.quick_style = True
            style.paragraph_format.keep_with_next = True
            assert look.outline is not None
            _oxml.sub(_element(style).get_or_add_pPr(), "w:outlineLvl", {"w:val": look.outline})
            continue
        _set_look(doc, style, look, kind or "")
    _oxml.canonical_order(doc.styles.element)


# --------------------------------------------------------------------------------------------------
# Footnotes and sections: what a document needs besides its body's elements
# --------------------------------------------------------------------------------------------------


class FootnoteSink:
    """The footnotes of one document, in order: body_xml adds each and writes its mark; ``part()``
    is word/footnotes.xml. Ids run 1, 2, …: Word's separators are -1 and 0."""

    RID = "rIdCongvanFootnotes"

    def __init__(self) -> None:
        self._notes: list[tuple[int, list[Element]]] = []

    def __len__(self) -> int:
        return len(self._notes)

    def add(self, paragraphs: Sequence[Element]) -> int:
        """Keep one footnote's paragraphs (built ``w:p``) and return its id."""
        note_id = len(self._notes) + 1
        self._notes.append((note_id, list(paragraphs)))
        return note_id

    def part(self) -> Part | None:
        """Return the footnotes part, or None when the document has no footnote."""
        if not self._notes:
            return None
        return Part("word/footnotes.xml", self.RID, RELATIONSHIP_TYPE.FOOTNOTES,
                    CONTENT_TYPE.WML_FOOTNOTES,
                    _oxml.footnotes_part(self._notes, FOOTNOTE_REFERENCE))


def _margins() -> dict[str, int]:
    """The page margins of every section (rules.PAGE), header and footer bands (LAYOUT)."""
    band = mm_to_twips(LAYOUT.header_distance)
    # Rounded up to whole twips, as layout.py sets the template's: 15 mm is never 14.99 mm.
    up = {side: mm_to_twips_up(mm).twips for side, mm in (
        ("top", PAGE.margin_top), ("bottom", PAGE.margin_bottom), ("left", PAGE.margin_left),
        ("right", PAGE.margin_right))}
    return {**up, "header": band, "footer": band, "gutter": 0}


class Sections:
    """The sections of one document, in order, across every body_xml call.

    The document starts in its own section (portrait, the template's headers and footers, whose
    references `main_refs` are: Template.section_refs). Each SectionBreak ends the section in
    progress with a paragraph carrying its properties, and starts a new one: A4, landscape when
    the break says so, page numbers from 1 again (PL I §III.1.đ), and a first page without
    number (PL I §I.7; shared/decree30.md §3.16) and without the first page's address footer:
    its first-page header and footer are empty parts of congvan's own (``parts()``); its other
    pages take the page-number header of the section before (Word's inheritance of headers).
    ``final()`` is the last section's ``w:sectPr``, for Template.render(last_section=…).
    """

    HEADER = Part("word/congvan_header_trong.xml", "rIdCongvanHeaderTrong",
                  RELATIONSHIP_TYPE.HEADER, CONTENT_TYPE.WML_HEADER,
                  _oxml.header_footer_part("w:hdr"))
    FOOTER = Part("word/congvan_footer_trong.xml", "rIdCongvanFooterTrong",
                  RELATIONSHIP_TYPE.FOOTER, CONTENT_TYPE.WML_FOOTER,
                  _oxml.header_footer_part("w:ftr"))

    def __init__(self, main_refs: Iterable[tuple[str, str, str]] = ()) -> None:
        self._main_refs = tuple(main_refs)
        self._current: SectionBreak | None = None  # None: the document's own first section
        self.count = 1

    @property
    def landscape(self) -> bool:
        """True when the section in progress has landscape pages."""
        return self._current is not None and self._current.landscape

    @property
    def text_width_mm(self) -> float:
        """Return the width of the text area of the section in progress."""
        return page_text_width(self.landscape)

    def _properties(self) -> Element:
        """Return the ``w:sectPr`` of the section in progress."""
        current = self._current
        landscape = self.landscape
        width, height = (PAGE.height, PAGE.width) if landscape else (PAGE.width, PAGE.height)
        if current is None:
            refs = self._main_refs
        else:
            refs = (("header", "first", self.HEADER.rid), ("footer", "first", self.FOOTER.rid))
        return _oxml.section_properties(
            width_twips=mm_to_twips(width), height_twips=mm_to_twips(height),
            landscape=landscape, margins_twips=_margins(), refs=refs,
            restart_numbering=current is not None and current.restart_numbering)

    def end(self, start: SectionBreak) -> CT_P:
        """Return the paragraph that ends the section in progress, and start the one `start`
        opens. The paragraph is empty and as small as Word allows (1 pt, exact), so that it
        never pushes a page of its own."""
        p = _oxml.paragraph(style_id("doan"))
        pPr = p.get_or_add_pPr()
        _oxml.sub(pPr, "w:spacing", {"w:before": 0, "w:after": 0, "w:line": pt_to_twips(1),
                                     "w:lineRule": "exact"})
        _oxml.sub(pPr, "w:ind", {"w:firstLine": 0})
        rPr = _oxml.sub(pPr, "w:rPr")
        _oxml.sub(rPr, "w:sz", {"w:val": pt_to_half_points(1)})
        pPr.append(self._properties())
        self._current = start
        self.count += 1
        return p

    def final(self) -> Element | None:
        """Return the ``w:sectPr`` of the last section, or None when the document has one
        section (the template's own properties stand)."""
        return None if self._current is None else self._properties()

    def parts(self) -> list[Part]:
        """Return the parts the sections refer to: none for a document of one section."""
        return [] if self._current is None else [self.HEADER, self.FOOTER]


# --------------------------------------------------------------------------------------------------
# Blocks → elements
# --------------------------------------------------------------------------------------------------


def _error(code: str, vi: str, en: str) -> RenderError:
    return RenderError(f"{vi} ({en})", code=code)


class _Writer:
    """One body_xml call: the sinks, the text width of the section in progress, and the paragraph
    before (a rule is sized from it)."""

    def __init__(self, footnotes: FootnoteSink, sections: Sections | None,
                 width_mm: float) -> None:
        self.footnotes = footnotes
        self.sections = sections
        self.width_mm = width_mm
        self.prev: Paragraph | None = None
        self.in_dieu = False
        self.in_footnote = False

    def blocks(self, blocks: Iterable[Block]) -> list[Element]:
        out: list[Element] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                out.append(self.paragraph(block))
            elif isinstance(block, Table):
                if out and out[-1].tag == qn("w:tbl"):
                    # Two tables in a row would be read as one: an empty paragraph parts them.
                    out.append(_oxml.paragraph(style_id("doan")))
                out.extend(self.table(block))
            else:
                if self.sections is None:
                    # Without the caller's Sections, the first section would lose the
                    # template's headers and the last section's properties would be lost.
                    raise ValueError("a SectionBreak needs body_xml(…, sections=Sections("
                                     "template.section_refs))")
                out.append(self.sections.end(block))
                self.width_mm = self.sections.text_width_mm
                self.prev = None
        return out

    def paragraph(self, par: Paragraph, *, align: str | None = None,
                  bold: bool = False) -> CT_P:
        if par.kind == "duong_ke":
            return self.rule()
        look = LOOKS[par.kind]
        p = _oxml.paragraph(style_id(par.kind))
        pPr = p.get_or_add_pPr()
        if par.keep_next and not look.keep_next:
            _oxml.sub(pPr, "w:keepNext")
        if align is not None:
            _oxml.sub(pPr, "w:jc", {"w:val": align})
        if par.kind == "dieu":
            self.in_dieu = True
        elif par.kind in ("phan", "chuong", "muc", "tieu_muc", "muc_la_ma"):
            self.in_dieu = False
        elif par.kind == "khoan_tieu_de" and self.in_dieu:
            _oxml.sub(pPr, "w:outlineLvl", {"w:val": 5})  # under Điều (level 4)
        _oxml.canonical_order(p)
        up = par.kind in UPPER_KINDS
        # An article's runs say their weight themselves: "Điều 1." bold and the text of a run-in
        # article regular (mẫu 1.2), over a bold style.
        explicit = par.kind in _EXPLICIT_WEIGHT
        for run in par.runs:
            # As the template does with its context's text: XML 1.0 cannot carry them.
            text = strip_xml_illegal(run.text)
            if text:
                weight = run.bold or bold or (None if explicit else False)
                _oxml.add_run(p, upper(text) if up else text, bold=weight, italic=run.italic)
            if run.footnote is not None:
                _oxml.footnote_reference(p, self.footnote(run.footnote), FOOTNOTE_REFERENCE)
        self.prev = par
        return p

    def footnote(self, paragraphs: Sequence[Paragraph]) -> int:
        if self.in_footnote:
            raise _error("chu_thich.long_nhau", "chú thích không được chứa chú thích",
                         "a footnote inside a footnote")
        self.in_footnote = True
        prev = self.prev
        try:
            built = [self.paragraph(par) for par in paragraphs] or [
                _oxml.paragraph(style_id("chu_thich"))]
        finally:
            self.in_footnote = False
            self.prev = prev
        return self.footnotes.add(built)

    def rule(self) -> CT_P:
        """A short centred rule under the paragraph before (the "(Kèm theo …)" line, a tên
        loại's trích yếu): LAYOUT.co_quan_rule_ratio of its text's width, as ô 2's rule is."""
        box = mm_to_twips(self.width_mm)
        line = box
        prev = self.prev
        if prev is not None and prev.text:
            s = STYLES[LOOKS[prev.kind].rule]
            text = upper(prev.text) if prev.kind in UPPER_KINDS else prev.text
            line = min(box, pt_to_twips(text_width_pt(text, s.size, bold=s.bold,
                                                      italic=s.italic)))
        self.prev = None
        return _oxml.rule_paragraph(round(line * LAYOUT.co_quan_rule_ratio), box,
                                    LAYOUT.rule_weight_pt, style_id("duong_ke"))

    def table(self, t: Table) -> list[Element]:
        grid = _table_grid(t, self.width_mm)
        out: list[Element] = []
        for par in (t.caption, t.unit):
            if par is not None:
                out.append(self.paragraph(Paragraph(par.kind, par.runs, keep_next=True)))
        widths = [mm_to_twips(w) for w in t.widths_mm]
        tbl = _oxml.table(widths, border_eighths=pt_to_eighths(LAYOUT.table_border_pt),
                          cell_margin_twips=mm_to_twips(LAYOUT.table_cell_margin))
        rows = [*t.header, *t.rows]
        for i, row in enumerate(rows):
            header = i < len(t.header)
            tr = _oxml.table_row(tbl, header=header)
            for cell, col in zip(row, grid[i], strict=True):
                vmerge: Literal["restart", "continue"] | None = None
                if cell.merged_above:
                    vmerge = "continue"
                elif i + 1 < len(rows) and _merged_at(rows[i + 1], grid[i + 1], col):
                    vmerge = "restart"
                tc = _oxml.table_cell(tr, sum(widths[col:col + cell.colspan]), span=cell.colspan,
                                      vmerge=vmerge, valign="center" if header else None)
                self.cell(tc, cell, header)
        out.append(tbl)
        self.prev = None
        return out

    def cell(self, tc: Element, cell: Cell, header: bool) -> None:
        kind: Kind = "tieu_de_bang" if header else "o_bang"
        if cell.merged_above or not cell.paragraphs:
            tc.append(_oxml.paragraph(style_id(kind)))  # a cell ends with a paragraph
            return
        for par in cell.paragraphs:
            if par.kind not in _CELL_KINDS:
                par = Paragraph(kind, par.runs, par.keep_next)
            # Cell.align's words are WordprocessingML's (ST_Jc: left, center, right).
            tc.append(self.paragraph(par, align=cell.align, bold=cell.bold))


def _merged_at(row: Sequence[Cell], cols: Sequence[int], col: int) -> bool:
    return any(c.merged_above and at == col for c, at in zip(row, cols, strict=True))


def _table_grid(t: Table, width_mm: float) -> list[list[int]]:
    """Return the grid column where each cell of `t` starts, row by row (header rows first);
    RenderError when the table is wider than the text or its rows do not fill the grid."""
    n = len(t.widths_mm)
    if not n or any(w <= 0 for w in t.widths_mm):
        raise _error("bang.so_cot", "bảng không có cột, hoặc có cột không rộng hơn 0 mm",
                     "a table needs columns of positive width")
    total = sum(t.widths_mm)
    if total > width_mm + 0.05:
        raise _error("bang.qua_rong",
                     f"bảng rộng {total:g} mm, quá bề rộng vùng văn bản {width_mm:g} mm: bảng "
                     f"không bao giờ bị cắt (PL I §I.1–3)",
                     "table wider than the text area")
    grid: list[list[int]] = []
    rows = [*t.header, *t.rows]
    for i, row in enumerate(rows):
        cols: list[int] = []
        col = 0
        for cell in row:
            if cell.colspan < 1:
                raise _error("bang.so_cot", f"dòng {i + 1} của bảng: ô gộp {cell.colspan} cột",
                             "a cell spans at least one column")
            cols.append(col)
            col += cell.colspan
        if col != n:
            raise _error("bang.so_cot", f"dòng {i + 1} của bảng có {col} cột, bảng có {n} cột",
                         "each row fills the table's columns")
        for cell, at in zip(row, cols, strict=True):
            above = grid[i - 1] if i else []
            if cell.merged_above and not (
                    at in above and rows[i - 1][above.index(at)].colspan == cell.colspan):
                raise _error("bang.gop_dong", f"dòng {i + 1} của bảng: ô gộp với ô trên nhưng "
                             f"không có ô cùng cột ở dòng trên",
                             "a merged cell continues the cell above it")
        grid.append(cols)
    return grid


def body_xml(blocks: Iterable[Block], *, footnotes: FootnoteSink, text_width_mm: float,
             sections: Sections | None = None) -> list[Element]:
    """Return the body's `blocks` as WordprocessingML elements (``w:p``, ``w:tbl``), in order.

    `text_width_mm` is the width of the text where `blocks` start (a table must fit it: else
    RenderError ``bang.qua_rong``); after a SectionBreak it is that of the new section's page.
    Each footnote goes to `footnotes`, each section to `sections` (give the same sinks to every
    call of one document: the main body, then its phụ lục; `sections` may be left out only when
    `blocks` hold no SectionBreak). The paragraphs use the styles of add_body_styles.
    """
    return _Writer(footnotes, sections, text_width_mm).blocks(blocks)


def body_markup(elements: Iterable[Element]) -> Markup:
    """Return `elements` as the XML that stands for a template's ``{{p …}}`` paragraph."""
    return Markup("".join(_oxml.markup(el) for el in elements))
