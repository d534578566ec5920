"""Write tests/fixtures/corpus/lo-*.docx: documents made through LibreOffice's own API (issue 9).

Run with the system Python, which has LibreOffice's ``uno`` module (the project's .venv has not):

    /usr/bin/python3 scripts/build_corpus_lo.py

It starts its own headless soffice (a profile of its own in /tmp, a pipe named after this
process), builds each document with Writer's API the way a LibreOffice user does (page style
margins, a borderless two-column table for the header and for the signature block, rules drawn as
paragraph borders or as line shapes anchored to a paragraph, direct character formatting), stores
it with the "MS Word 2007 XML" filter and writes the JSON sidecar beside it: ``expected`` (the
findings a person expects, read from shared/decree30.md and the decree's appendices, never from
the checker), ``accepted`` and ``today`` (where today's checker disagrees: the test marks the case
xfail(strict)). Edit the expectations here, not in the .json.

LibreOffice's output is not byte-deterministic (dates, ids): the .docx are committed as built and
no test rebuilds them; tests/test_corpus_lo.py checks each was written by LibreOffice.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import uno  # LibreOffice's Python bridge (system python3 only)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
FONT = "Times New Roman"
FROM_ISSUE = "issue 9: "
BUILT_BY = "scripts/build_corpus_lo.py (LibreOffice Writer through UNO, not congvan)"

# ParagraphAdjust values; 1/100 mm is the API's length unit.
LEFT, RIGHT, JUSTIFY, CENTER = 0, 1, 2, 3
PARAGRAPH_BREAK, LINE_BREAK = 0, 1
PT = 35.2778  # 1/100 mm per point


def mm(v: float) -> int:
    return round(v * 100)


def pt(v: float) -> int:
    return round(v * PT)


# -- a rough width of a Times New Roman line, to size a rule "as long as the line" -----------------
def text_width_mm(text: str, size: float, bold: bool = False) -> float:
    """Approximate width of `text` in Times New Roman (Adobe's Times metrics, per 1000 em)."""
    em = 0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        if ch == " ":
            em += 250
        elif ch in "-":
            em += 333
        elif ch in "Il":
            em += 300
        elif ch.isupper():
            em += 730 if bold else 700
        elif ch in "fijlrt":
            em += 320
        elif ch in "mw":
            em += 780
        else:
            em += 530 if bold else 500
    return em / 1000 * size * 25.4 / 72


# -- LibreOffice ----------------------------------------------------------------------------------
class Office:
    """A headless soffice of our own, reached through a named pipe."""

    def __init__(self) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix=f"lo-profile-{os.getpid()}-"))
        self.pipe = f"congvan_lofix_{os.getpid()}"
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
             f"-env:UserInstallation=file://{self.profile}",
             f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 90
        while True:
            try:
                ctx = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.5)  # soffice is still starting
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)

    def new_writer(self):
        return self.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                 (prop("Hidden", True),))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the bridge drops as soffice exits
            self.desktop.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def border(width_pt: float = 0.5):
    line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
    line.OuterLineWidth = pt(width_pt)
    line.LineWidth = pt(width_pt)
    line.Color = 0
    return line


def no_border():
    return uno.createUnoStruct("com.sun.star.table.BorderLine2")


# -- writing into a Writer text (the body or a table cell) ----------------------------------------
WRITERS: list[Writer] = []  # the texts written in the document being built
BARE_EMPTY = [False]  # empty paragraphs keep Writer's default font (Liberation Serif 12 pt)
DIRECT = [True]  # the document being built formats every run directly (else: by its styles)
STYLE_SIZE = 14  # the size set in the paragraph styles of a styled document


class Writer:
    """Append paragraphs to one XText: the first call fills the empty paragraph it starts with."""

    def __init__(self, doc, text) -> None:
        self.doc, self.text = doc, text
        self.cursor = text.createTextCursorByRange(text.getEnd())
        self.first = True
        self.count = 0  # paragraphs written
        self.shapes: list[tuple[int, float, float]] = []  # (paragraph, width mm, down mm)
        WRITERS.append(self)

    def para(self, runs, *, align=JUSTIFY, indent_cm: float = 0, left_mm: float = 0,
             right_mm: float = 0, before: float = 0, after: float = 0, size: float = 14,
             bold: bool = False, italic: bool = False, bottom_border: bool = False,
             line: float = 1.0):
        """Add a paragraph. `runs` is a string or a list of (text, {"bold", "italic", "size"});
        a "\\n" in a text is a line break (Shift+Enter)."""
        if not self.first:
            self.text.insertControlCharacter(self.cursor, PARAGRAPH_BREAK, False)
        self.first = False
        self.count += 1
        c = self.cursor
        c.setPropertyValue("NumberingStyleName", "")  # Enter after a list item continues the list
        spacing = uno.createUnoStruct("com.sun.star.style.LineSpacing")
        if line > 3:  # a fixed line height in points (LineSpacingMode.FIX)
            spacing.Mode, spacing.Height = 3, pt(line)
        else:  # proportional, in lines
            spacing.Mode, spacing.Height = 0, round(line * 100)
        for name, value in (("ParaAdjust", align), ("ParaFirstLineIndent", mm(indent_cm * 10)),
                            ("ParaLeftMargin", mm(left_mm)), ("ParaRightMargin", mm(right_mm)),
                            ("ParaTopMargin", pt(before)), ("ParaBottomMargin", pt(after)),
                            ("ParaLineSpacing", spacing),
                            ("BottomBorder", border() if bottom_border else no_border()),
                            ("BottomBorderDistance", 0)):
            c.setPropertyValue(name, value)
        if isinstance(runs, str):
            runs = [(runs, {})]
        if not any(t for t, _ in runs) and not BARE_EMPTY[0]:  # an empty one keeps a size too
            self._chars(c, size, bold, italic)
        for piece, props in runs:
            for i, line_text in enumerate(piece.split("\n")):
                if i:
                    self.text.insertControlCharacter(c, LINE_BREAK, False)
                if not line_text:
                    continue
                line_text = unicodedata.normalize("NFC", line_text)
                self.text.insertString(c, line_text, False)
                c.goLeft(len(line_text), True)
                self._chars(c, props.get("size", size), props.get("bold", bold),
                            props.get("italic", italic))
                c.collapseToEnd()
        return c.getStart()

    @staticmethod
    def _chars(c, size: float, bold: bool, italic: bool) -> None:
        """Format the selection: every property set directly (DIRECT), or, as a user who set
        the font in the paragraph style does, only where it differs from the style."""
        fonts = ("CharFontName", "CharFontNameAsian", "CharFontNameComplex")
        sizes = ("CharHeight", "CharHeightAsian", "CharHeightComplex")
        if DIRECT[0]:
            for name in fonts:
                c.setPropertyValue(name, FONT)
            c.setPropertyValue("CharColor", 0)
        else:
            for name in fonts:
                c.setPropertyToDefault(name)
        for name in sizes:
            if DIRECT[0] or size != STYLE_SIZE:
                c.setPropertyValue(name, size)
            else:
                c.setPropertyToDefault(name)
        for name, on, value in (("CharWeight", bold, (150.0, 100.0)),
                                ("CharWeightComplex", bold, (150.0, 100.0))):
            if DIRECT[0] or on:
                c.setPropertyValue(name, value[0] if on else value[1])
            else:
                c.setPropertyToDefault(name)
        if DIRECT[0] or italic:
            c.setPropertyValue("CharPosture", uno.Enum("com.sun.star.awt.FontSlant",
                                                       "ITALIC" if italic else "NONE"))
        else:
            c.setPropertyToDefault("CharPosture")

    def line_shape(self, width_mm: float, *, down_mm: float = 1.0) -> None:
        """Draw a straight line (Insert ▸ Shape ▸ Line) anchored to the last paragraph, centred on
        it, `down_mm` below the paragraph's top. It is anchored once the document is written
        (``anchor_shapes``): a paragraph break typed at an empty paragraph's anchor would carry the
        shape into the next paragraph."""
        self.shapes.append((self.count - 1, width_mm, down_mm))

    def anchor_shapes(self, placed: list) -> None:
        paragraphs = [p for p in iter_enum(self.text)
                      if p.supportsService("com.sun.star.text.Paragraph")]
        for index, width_mm, down_mm in self.shapes:
            shape = self.doc.createInstance("com.sun.star.drawing.LineShape")
            shape.setPropertyValue("AnchorType", uno.Enum(
                "com.sun.star.text.TextContentAnchorType", "AT_PARAGRAPH"))
            at = self.text.createTextCursorByRange(paragraphs[index].getStart())
            self.text.insertTextContent(at, shape, False)
            size = uno.createUnoStruct("com.sun.star.awt.Size")
            size.Width, size.Height = mm(width_mm), 0
            shape.setSize(size)
            shape.setPropertyValue("HoriOrient", 2)  # HoriOrientation.CENTER
            shape.setPropertyValue("HoriOrientRelation", 0)  # RelOrientation.FRAME (paragraph)
            shape.setPropertyValue("VertOrient", 0)  # VertOrientation.NONE
            shape.setPropertyValue("VertOrientRelation", 0)
            shape.setPropertyValue("VertOrientPosition", mm(down_mm))
            shape.setPropertyValue("LineWidth", 18)  # 0.18 mm, about ½ pt
            shape.setPropertyValue("LineColor", 0)
            shape.setPropertyValue("Surround", uno.Enum("com.sun.star.text.WrapTextMode",
                                                        "THROUGH"))
            placed.append((shape, mm(down_mm)))


def iter_enum(text):
    e = text.createEnumeration()
    while e.hasMoreElements():
        yield e.nextElement()


def table(doc, body: Writer, widths_mm: tuple[float, float], rows: int = 1):
    """A borderless two-column table across the text width (165 mm), its columns `widths_mm`."""
    t = doc.createInstance("com.sun.star.text.TextTable")
    t.initialize(rows, 2)
    if not body.first:
        body.text.insertControlCharacter(body.cursor, PARAGRAPH_BREAK, False)
        body.cursor.setPropertyValue("NumberingStyleName", "")
    body.text.insertTextContent(body.cursor, t, False)
    body.first = True  # the empty paragraph after the table takes the next text
    total = t.getPropertyValue("TableColumnRelativeSum")
    sep = uno.createUnoStruct("com.sun.star.text.TableColumnSeparator")
    sep.Position, sep.IsVisible = round(total * widths_mm[0] / sum(widths_mm)), True
    uno.invoke(t, "setPropertyValue", ("TableColumnSeparators", uno.Any(
        "[]com.sun.star.text.TableColumnSeparator", (sep,))))
    tb = t.getPropertyValue("TableBorder2")
    for side in ("TopLine", "BottomLine", "LeftLine", "RightLine", "HorizontalLine",
                 "VerticalLine"):
        setattr(tb, side, no_border())
        setattr(tb, f"Is{side}Valid", True)
    t.setPropertyValue("TableBorder2", tb)
    for name in t.getCellNames():
        c = t.getCellByName(name)
        for side in ("LeftBorder", "RightBorder", "TopBorder", "BottomBorder"):
            c.setPropertyValue(side, no_border())
        for side in ("LeftBorderDistance", "RightBorderDistance"):
            c.setPropertyValue(side, mm(1))
    return t


def cell(doc, t, name: str) -> Writer:
    return Writer(doc, t.getCellByName(name))


# -- what a document varies on ---------------------------------------------------------------------
@dataclass
class Spec:
    parent: str | None = "UBND TỈNH NAM ĐỊNH"
    body_name: str = "SỞ NỘI VỤ"
    so: str = "Số: 318/SNV-CCVC"
    place_date: str = "Nam Định, ngày 05 tháng 3 năm 2025"
    v_v: str | None = None  # a công văn's trích yếu
    ten_loai: str | None = None  # a type name: "QUYẾT ĐỊNH", "TỜ TRÌNH", "THÔNG BÁO"
    trich_yeu: str | None = None
    trich_yeu_align: int = CENTER
    authority: str | None = None  # a quyết định's "GIÁM ĐỐC SỞ NỘI VỤ"
    can_cu: list[str] = field(default_factory=list)
    kinh_gui: str | None = None
    body: list = field(default_factory=list)  # str paragraphs, or ("dieu", n, text)
    noi_nhan: list[str] = field(default_factory=list)
    signer: list[str] = field(default_factory=lambda: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    name: str = "Trần Thị Thu Hà"
    # formatting a document may get wrong
    margins: tuple[float, float, float, float] = (20, 20, 30, 15)  # top, bottom, left, right mm
    body_size: float = 14
    tieu_ngu_bold: bool = True
    # "border" (paragraph borders), "shape" (line shapes anchored to an empty paragraph under the
    # text) or "shape_on_text" (line shapes anchored to the text's own paragraph)
    rules: str = "border"
    motto_rule_on_text: bool = False  # the Tiêu ngữ's own bottom border, not an empty line's
    # page numbers: None; "first_header" (a PAGE field centred in the page style's header, the
    # first page's own header left empty); "first_page_style" (the "First Page" page style without a
    # header, followed by the default page style with the number)
    page_numbers: str | None = None
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    motto_one_para: bool = False  # Quốc hiệu, Shift+Enter, Tiêu ngữ: one paragraph
    noi_nhan_bullets: bool = False  # the Nơi nhận entries as a list with "-" bullets
    kinh_gui_tabs: bool = False  # the recipients pushed under the colon with a Tab each
    kinh_gui_bullets: bool = False  # the Kính gửi recipients as a list with "-" bullets
    header_two_rows: bool = False  # Số/V/v and the date in a second row of the header table
    body_line: float = 1.0  # the body's line spacing: lines (proportional), points (fixed) if > 3
    body_space_before: bool = False  # the 6 pt between body paragraphs set above, not below
    qh_size: float = 13  # Quốc hiệu (12–13); the Tiêu ngữ is 1 pt larger (decree30.md §3.1)
    number_in_footer: bool = False  # the page number centred in the footer (a mistake)
    address: str | None = None  # ô 13: address, telephone, e-mail in page 1's footer
    noi_nhan_label_italic: bool = True
    bare_empty: bool = False  # the empty paragraphs left in Writer's default font
    do_khan: str | None = None  # an urgency stamp ("KHẨN") boxed under Số/V/v, ô 10b
    do_khan_bold: bool = True
    name_row: bool = False  # the signer's name in a second row of the signature table
    muc_style: str | None = None  # a paragraph style for the "I. …" headings ("Heading 1")
    name_bold: bool = True
    trich_yeu_bold: bool = True
    styled: bool = False  # Times New Roman 14 pt set in the paragraph styles, not on each run
    kinh_gui_list: list[str] = field(default_factory=list)  # recipients under "Kính gửi:"


QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
LEFT_COL, RIGHT_COL = 65.0, 100.0  # mm; the text width is 165 mm (Quốc hiệu 13 pt bold is ~95 mm)


def _page(doc, s: Spec) -> None:
    styles = doc.getStyleFamilies().getByName("PageStyles")
    page = styles.getByName("Standard")
    top, bottom, left, right = s.margins
    page.setPropertyValue("Width", 21000)
    page.setPropertyValue("Height", 29700)
    page.setPropertyValue("LeftMargin", mm(left))
    page.setPropertyValue("RightMargin", mm(right))
    page.setPropertyValue("BottomMargin", mm(bottom))
    if not s.page_numbers:
        page.setPropertyValue("TopMargin", mm(top))
        return
    # A LibreOffice header sits inside the top margin's band only when the page margin is made
    # small and the header's height is fixed: the text then starts at `top` as the decree asks
    # (Word's w:pgMar top = margin + header height), the number printed in the band above it.
    page.setPropertyValue("HeaderIsOn", True)
    page.setPropertyValue("TopMargin", mm(10))
    page.setPropertyValue("HeaderIsDynamicHeight", False)
    page.setPropertyValue("HeaderHeight", mm(top - 10))
    page.setPropertyValue("HeaderBodyDistance", mm(3))
    if s.page_numbers == "first_header":
        page.setPropertyValue("FirstIsShared", False)  # no number on page 1 (PL I §I.7)
    else:  # "first_page_style"
        first = styles.getByName("First Page")
        for name, value in (("Width", 21000), ("Height", 29700), ("LeftMargin", mm(left)),
                            ("RightMargin", mm(right)), ("BottomMargin", mm(bottom)),
                            ("TopMargin", mm(top)), ("HeaderIsOn", False),
                            ("FollowStyle", "Standard")):
            first.setPropertyValue(name, value)
    if s.number_in_footer:  # the number at the foot of the page, the top margin left as is
        page.setPropertyValue("HeaderIsOn", False)
        page.setPropertyValue("TopMargin", mm(top))
        page.setPropertyValue("FooterIsOn", True)
        page.setPropertyValue("FooterIsDynamicHeight", False)
        page.setPropertyValue("BottomMargin", mm(10))
        page.setPropertyValue("FooterHeight", mm(bottom - 10))
        page.setPropertyValue("FooterBodyDistance", mm(3))
        page.setPropertyValue("FirstIsShared", False)
    header = Writer(doc, page.getPropertyValue("FooterText" if s.number_in_footer
                                               else "HeaderText"))
    header.para("", align=CENTER)
    fld = doc.createInstance("com.sun.star.text.TextField.PageNumber")
    fld.setPropertyValue("NumberingType", 4)  # ARABIC
    fld.setPropertyValue("SubType", uno.Enum("com.sun.star.text.PageNumberType", "CURRENT"))
    header.text.insertTextContent(header.cursor, fld, False)
    header.cursor.gotoStartOfParagraph(True)
    Writer._chars(header.cursor, 14, False, False)


def dash_bullets(doc, indent_mm: float = 0):
    """Numbering rules of a bullet list whose bullet is "-" followed by a space, flush left (what
    Format ▸ Bullets and Numbering gives with the "-" bullet and no indent)."""
    rules = doc.createInstance("com.sun.star.text.NumberingRules")
    level = {p.Name: p.Value for p in rules.getByIndex(0)}
    level.update(NumberingType=6, BulletChar="-", BulletFontName=FONT, PositionAndSpaceMode=1,
                 LabelFollowedBy=1, IndentAt=mm(indent_mm), FirstLineIndent=0,
                 ListtabStopPosition=0)
    props = tuple(prop(k, v) for k, v in level.items())
    uno.invoke(rules, "replaceByIndex", (0, uno.Any("[]com.sun.star.beans.PropertyValue", props)))
    return rules


LINE_MM = 6.5  # below a 13–14 pt line's top: where a rule drawn under that line sits


def _rule(w: Writer, s: Spec, width_mm: float, col_mm: float, *, on_text: bool) -> None:
    """Draw a rule `width_mm` long, centred, under the paragraph just written: a bottom border of
    that paragraph narrowed by indents (`on_text`), or of an empty 2 pt paragraph after it, or a
    line shape anchored to that empty paragraph."""
    if s.rules == "shape":
        w.para("", align=CENTER, size=2)
        w.line_shape(width_mm, down_mm=0.5)
        return
    if s.rules == "shape_on_text":  # anchored to the text's own paragraph, drawn under its line
        w.line_shape(width_mm, down_mm=LINE_MM)
        w.cursor.setPropertyValue("ParaBottomMargin", pt(3))  # room for the line
        return
    side = max((col_mm - 2 - width_mm) / 2, 0)
    if on_text:
        w.cursor.setPropertyValue("ParaLeftMargin", mm(side))
        w.cursor.setPropertyValue("ParaRightMargin", mm(side))
        w.cursor.setPropertyValue("BottomBorder", border())
        w.cursor.setPropertyValue("BottomBorderDistance", mm(0.5))
    else:
        w.para("", align=CENTER, size=2, left_mm=side, right_mm=side, bottom_border=True)


def _styles(doc) -> None:
    """Set Times New Roman 14 pt in the default paragraph style, as a LibreOffice user does once
    (Format ▸ Styles ▸ Default Paragraph Style); every other style inherits it."""
    style = doc.getStyleFamilies().getByName("ParagraphStyles").getByName("Standard")
    for name in ("CharFontName", "CharFontNameAsian", "CharFontNameComplex"):
        style.setPropertyValue(name, FONT)
    for name in ("CharHeight", "CharHeightAsian", "CharHeightComplex"):
        style.setPropertyValue(name, STYLE_SIZE)


def _header(doc, body: Writer, s: Spec) -> None:
    t = table(doc, body, (LEFT_COL, RIGHT_COL), rows=2 if s.header_two_rows else 1)
    left, right = cell(doc, t, "A1"), cell(doc, t, "B1")
    # Số and the date in a second row, so they stay level however long the names are
    left2, right2 = (cell(doc, t, "A2"), cell(doc, t, "B2")) if s.header_two_rows else (left, right)
    if s.parent:
        left.para(s.parent, align=CENTER, size=13)
    left.para(s.body_name, align=CENTER, size=13, bold=True)
    name_w = max(text_width_mm(line, 13, bold=True) for line in s.body_name.split("\n"))
    _rule(left, s, name_w * 0.45, LEFT_COL, on_text=False)
    left2.para(s.so, align=CENTER, size=13, before=6)
    if s.v_v:
        left2.para(s.v_v, align=CENTER, size=12, before=6)
    if s.do_khan:  # a boxed paragraph 20 mm wide at the left margin, red (PL I §III.2.b)
        left2.para(s.do_khan, align=CENTER, size=13, bold=s.do_khan_bold, before=12,
                   right_mm=LEFT_COL - 2 - 20)
        for name in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
            left2.cursor.setPropertyValue(name, border())
        left2.cursor.gotoStartOfParagraph(True)
        left2.cursor.setPropertyValue("CharColor", 0xFF0000)  # the stamp's bright red
        left2.cursor.collapseToEnd()
    if s.motto_one_para:
        right.para([(QUOC_HIEU + "\n", {"size": s.qh_size, "bold": True}),
                    (s.tieu_ngu, {"size": s.qh_size + 1, "bold": s.tieu_ngu_bold})],
                   align=CENTER)
    else:
        right.para(QUOC_HIEU, align=CENTER, size=s.qh_size, bold=True)
        right.para(s.tieu_ngu, align=CENTER, size=s.qh_size + 1, bold=s.tieu_ngu_bold)
    motto_w = text_width_mm(s.tieu_ngu, s.qh_size + 1, bold=s.tieu_ngu_bold)
    # The Tiêu ngữ's rule is as long as its line (PL I §II.1.b).
    _rule(right, s, motto_w, RIGHT_COL, on_text=(s.rules == "border" and s.motto_rule_on_text))
    right2.para(s.place_date, align=CENTER, size=14, italic=True, before=6)


def _data_table(doc, body: Writer, rows: list[list[str]]) -> None:
    """A table of data in the body, with the ½ pt borders Writer gives a new table; the first
    row is its bold, centred heading; columns share the text width as Writer splits them."""
    t = doc.createInstance("com.sun.star.text.TextTable")
    t.initialize(len(rows), len(rows[0]))
    if not body.first:
        body.text.insertControlCharacter(body.cursor, PARAGRAPH_BREAK, False)
        body.cursor.setPropertyValue("NumberingStyleName", "")
    body.text.insertTextContent(body.cursor, t, False)
    body.first = True
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            w = cell(doc, t, f"{'ABCDEFGH'[c]}{r + 1}")
            w.para(value, align=CENTER if r == 0 or c == 0 else LEFT, size=13, bold=r == 0,
                   before=2, after=2)


def _footer_address(doc, s: Spec) -> None:
    """The address, telephone and e-mail (ô 13) at the foot of page 1: 11 pt, upright, under a
    full-width rule (the footer paragraph's top border), PL I §III.4."""
    page = doc.getStyleFamilies().getByName("PageStyles").getByName("Standard")
    bottom = s.margins[1]
    page.setPropertyValue("FooterIsOn", True)
    page.setPropertyValue("FooterIsDynamicHeight", False)
    page.setPropertyValue("BottomMargin", mm(8))
    page.setPropertyValue("FooterHeight", mm(bottom - 8))
    page.setPropertyValue("FooterBodyDistance", mm(2))
    w = Writer(doc, page.getPropertyValue("FooterText"))
    w.para(s.address, align=CENTER, size=11)
    w.cursor.setPropertyValue("TopBorder", border())
    w.cursor.setPropertyValue("TopBorderDistance", mm(1))


def _signature(doc, body: Writer, s: Spec) -> None:
    t = table(doc, body, (75.0, 90.0), rows=2 if s.name_row else 1)
    t.getRows().getByIndex(0).setPropertyValue("IsSplitAllowed", False)  # keep it on one page
    left, right = cell(doc, t, "A1"), cell(doc, t, "B1")
    name_cell = cell(doc, t, "B2") if s.name_row else right
    left.para([("Nơi nhận:", {"size": 12, "bold": True, "italic": s.noi_nhan_label_italic})],
              align=LEFT, size=12)
    rules = dash_bullets(doc) if s.noi_nhan_bullets else None
    for entry in s.noi_nhan:
        if rules is None:
            left.para(entry, align=LEFT, size=11)
        else:  # the dash is the list's bullet, not typed
            left.para(entry.removeprefix("- "), align=LEFT, size=11)
            left.cursor.setPropertyValue("NumberingRules", rules)
    for line in s.signer:
        right.para(line, align=CENTER, size=14, bold=True)
    for _ in range(4):  # room for the signature and the seal
        right.para("", align=CENTER, size=14)
    name_cell.para(s.name, align=CENTER, size=14, bold=s.name_bold)


def _title(body: Writer, s: Spec) -> None:
    """Tên loại, trích yếu and the rule under it (PL I §II.5.b), then a quyết định's authority
    line, căn cứ and “QUYẾT ĐỊNH:” (decree30.md §3.6)."""
    if s.ten_loai:
        body.para(s.ten_loai, align=CENTER, size=14, bold=True, before=18)
        body.para(s.trich_yeu or "", align=s.trich_yeu_align, size=14, bold=s.trich_yeu_bold)
        width = text_width_mm(s.trich_yeu or s.ten_loai, 14, bold=True) * 0.4
        if s.rules == "shape":
            body.para("", align=CENTER, size=2, after=12)
            body.line_shape(width, down_mm=0.5)
        elif s.rules == "shape_on_text":
            body.line_shape(width, down_mm=LINE_MM)
            body.cursor.setPropertyValue("ParaBottomMargin", pt(12))
        else:
            side = (165 - width) / 2
            body.para("", align=CENTER, size=2, left_mm=side, right_mm=side,
                      bottom_border=True, after=12)
    if s.authority:
        body.para(s.authority, align=CENTER, size=14, bold=True, before=12, after=6)
    for i, line in enumerate(s.can_cu):
        body.para(line, align=JUSTIFY, indent_cm=1.27, size=14, italic=True, after=6,
                  before=0 if i or s.authority else 12)
    if s.can_cu:
        body.para("QUYẾT ĐỊNH:", align=CENTER, size=14, bold=True, before=6, after=6)


def _kinh_gui(doc, body: Writer, s: Spec) -> None:
    if not s.kinh_gui_list:
        body.para(s.kinh_gui or "", align=CENTER, size=14, before=12, after=12)
        return
    # “Kính gửi:” a little left of the centre, the dashes under its colon (PL I §II.9.d)
    at = 45.0
    body.para(s.kinh_gui or "", align=LEFT, size=14, left_mm=at, before=12)
    dash = at + text_width_mm((s.kinh_gui or "").rstrip(":"), 14)
    rules = dash_bullets(doc, dash) if s.kinh_gui_bullets else None
    for i, entry in enumerate(s.kinh_gui_list):
        after = 12 if i == len(s.kinh_gui_list) - 1 else 0
        if s.kinh_gui_tabs:  # a Tab typed before the dash, a left tab stop under ":"
            body.para("\t" + entry, align=LEFT, size=14, after=after)
            stop = uno.createUnoStruct("com.sun.star.style.TabStop")
            stop.Position = mm(dash)
            stop.Alignment = uno.Enum("com.sun.star.style.TabAlign", "LEFT")
            uno.invoke(body.cursor, "setPropertyValue", ("ParaTabStops", uno.Any(
                "[]com.sun.star.style.TabStop", (stop,))))
        elif rules is None:
            body.para(entry, align=LEFT, size=14, left_mm=dash, after=after)
        else:  # the dash is the list's bullet; the indent is the list level's
            body.para(entry.removeprefix("- "), align=LEFT, size=14, after=after)
            body.cursor.setPropertyValue("NumberingRules", rules)
            for name in ("ParaLeftMargin", "ParaFirstLineIndent"):
                body.cursor.setPropertyToDefault(name)


def _body(doc, body: Writer, s: Spec) -> None:
    spacing = {"before": 6} if s.body_space_before else {"after": 6}
    for item in s.body:
        kind = item[0] if isinstance(item, tuple) else "text"
        if kind == "dieu":  # "Điều n." bold, the rest regular
            _, n, text = item
            body.para([(f"Điều {n}. ", {"bold": True}), (text, {})], align=JUSTIFY,
                      indent_cm=1.27, size=s.body_size, line=s.body_line, **spacing)
        elif kind == "muc":  # "I. TÊN MỤC", bold (structure B)
            body.para(item[1], align=JUSTIFY, indent_cm=1.27, size=s.body_size, bold=True,
                      line=s.body_line, before=6, after=6)
            if s.muc_style:
                _restyle(body, s)
        elif kind == "table":  # a data table in the body
            _data_table(doc, body, item[1])
        else:
            body.para(item, align=JUSTIFY, indent_cm=1.27, size=s.body_size, line=s.body_line,
                      **spacing)


def _restyle(body: Writer, s: Spec) -> None:
    """Put the paragraph just written in Writer's heading style `s.muc_style`, its font and
    spacing overridden as a user does after picking the style."""
    body.cursor.setPropertyValue("ParaStyleName", s.muc_style)
    body.cursor.gotoStartOfParagraph(True)
    Writer._chars(body.cursor, s.body_size, True, False)
    body.cursor.collapseToEnd()
    for name, value in (("ParaTopMargin", pt(6)), ("ParaBottomMargin", pt(6)),
                        ("ParaFirstLineIndent", mm(12.7)), ("ParaAdjust", JUSTIFY)):
        body.cursor.setPropertyValue(name, value)


def _place_shapes(doc) -> None:
    placed: list = []
    for w in WRITERS:
        w.anchor_shapes(placed)
    # The export writes a shape's offset from the layout, which a hidden document has only once
    # it is laid out: lay it out, set the offsets again, lay it out again.
    doc.refresh()
    for shape, down in placed:
        shape.setPropertyValue("VertOrientPosition", down)
    doc.refresh()


def build(office: Office, s: Spec, path: Path) -> None:
    doc = office.new_writer()
    WRITERS.clear()
    DIRECT[0] = not s.styled
    BARE_EMPTY[0] = s.bare_empty
    try:
        if s.styled:
            _styles(doc)
        _page(doc, s)
        body = Writer(doc, doc.getText())
        _header(doc, body, s)
        if s.page_numbers == "first_page_style":
            doc.getTextTables().getByIndex(0).setPropertyValue("PageDescName", "First Page")
        _title(body, s)
        if s.kinh_gui:
            _kinh_gui(doc, body, s)
        _body(doc, body, s)
        _signature(doc, body, s)
        if s.address:
            _footer_address(doc, s)
        _place_shapes(doc)
        url = uno.systemPathToFileUrl(str(path))
        doc.storeToURL(url, (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True)))
    finally:
        doc.close(True)


# -- the documents and what a person expects of each ----------------------------------------------
DOCS: dict[str, dict] = {}


def doc(name: str, about: str, *, expected=(), accepted=(), today: str | None = None):
    def register(fn):
        DOCS[name] = {"spec": fn, "about": about, "expected": list(expected),
                      "accepted": list(accepted), "today": today}
        return fn
    return register


_CONG_VAN_BODY = [
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 14 tháng 02 năm 2025 của Ủy ban nhân dân tỉnh về "
    "đánh giá, xếp loại chất lượng công chức, viên chức năm 2024, Sở Nội vụ đề nghị các sở, ban, "
    "ngành và Ủy ban nhân dân các huyện, thành phố rà soát kết quả đánh giá, xếp loại của đơn "
    "vị mình, lập danh sách theo mẫu gửi kèm Công văn này.",
    "Báo cáo gửi về Sở Nội vụ (qua Phòng Công chức, viên chức) trước ngày 20 tháng 3 năm 2025, "
    "đồng thời gửi bản điện tử qua hệ thống quản lý văn bản và điều hành để tổng hợp, báo cáo "
    "Ủy ban nhân dân tỉnh.",
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các đơn vị liên hệ Phòng Công chức, "
    "viên chức, Sở Nội vụ để được hướng dẫn./.",
]
_CONG_VAN_NOI_NHAN = ["- Như trên;", "- UBND tỉnh (để b/c);", "- Giám đốc Sở;",
                      "- Lưu: VT, CCVC."]


def _cong_van(**kw) -> Spec:
    base = dict(v_v="V/v rà soát kết quả đánh giá, xếp loại công chức, viên chức năm 2024",
                kinh_gui="Kính gửi: Các sở, ban, ngành và UBND các huyện, thành phố",
                body=list(_CONG_VAN_BODY), noi_nhan=list(_CONG_VAN_NOI_NHAN))
    base.update(kw)
    return Spec(**base)


_QD_CAN_CU = [
    "Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Luật sửa đổi, bổ sung một số điều "
    "của Luật Cán bộ, công chức và Luật Viên chức ngày 25 tháng 11 năm 2019;",
    "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ quy định về "
    "tuyển dụng, sử dụng và quản lý công chức;",
    "Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 08 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh "
    "Nam Định ban hành Quy định phân cấp quản lý công chức, viên chức;",
    "Theo đề nghị của Chánh Văn phòng Sở.",
]
_QD_DIEU = [
    ("dieu", 1, "Bổ nhiệm lại bà Lê Thị Minh Nguyệt, Trưởng phòng Tổ chức, biên chế và tổ chức "
     "phi chính phủ, giữ chức vụ Trưởng phòng Tổ chức, biên chế và tổ chức phi chính phủ, Sở Nội "
     "vụ; thời hạn giữ chức vụ là 05 năm, kể từ ngày 10 tháng 3 năm 2025."),
    ("dieu", 2, "Bà Lê Thị Minh Nguyệt được hưởng phụ cấp chức vụ theo quy định hiện hành."),
    ("dieu", 3, "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Trưởng các phòng "
     "thuộc Sở và bà Lê Thị Minh Nguyệt chịu trách nhiệm thi hành Quyết định này./."),
]


def _quyet_dinh(**kw) -> Spec:
    base = dict(so="Số: 56/QĐ-SNV", place_date="Nam Định, ngày 07 tháng 3 năm 2025",
                ten_loai="QUYẾT ĐỊNH", trich_yeu="Về việc bổ nhiệm lại công chức lãnh đạo cấp "
                "phòng", authority="GIÁM ĐỐC SỞ NỘI VỤ", can_cu=list(_QD_CAN_CU),
                body=list(_QD_DIEU), signer=["GIÁM ĐỐC"], name="Phạm Văn Hùng",
                noi_nhan=["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Lưu: VT, VP."],
                motto_rule_on_text=True)
    base.update(kw)
    return Spec(**base)


@doc("lo-cong-van-clean",
     "A one-page công văn (mẫu 1.5) made in LibreOffice Writer: A4, margins 20/20/30/15 mm, the "
     "header in a borderless two-column table, the rules under the issuing body and the Tiêu "
     "ngữ drawn as paragraph bottom borders (the Tiêu ngữ's on its own line, narrowed by indents "
     "to the motto's length), V/v 12 pt under Số, body 14 pt justified with a 1.27 cm indent, "
     "Nơi nhận and the signature in a two-column table.")
def _lo_clean() -> Spec:
    return _cong_van()


@doc("lo-quyet-dinh-clean",
     "An individual quyết định (mẫu 1.2) made in LibreOffice Writer: “QUYẾT ĐỊNH” and the trích "
     "yếu centred bold with a rule under it, the authority line, căn cứ in italics (“;” each, "
     "“.” last), “QUYẾT ĐỊNH:”, Điều 1.–3. with only “Điều n.” bold as the decree's samples print "
     "them, Nơi nhận “- Như Điều 3;”.")
def _lo_qd_clean() -> Spec:
    return _quyet_dinh()


_TB_BODY = [
    "Ngày 03 tháng 3 năm 2025, Giám đốc Sở Nội vụ chủ trì cuộc họp giao ban công tác tháng 02 "
    "năm 2025. Tham dự cuộc họp có các Phó Giám đốc Sở, Chánh Văn phòng, Chánh Thanh tra và "
    "Trưởng các phòng, đơn vị thuộc Sở. Sau khi nghe Văn phòng Sở báo cáo kết quả thực hiện "
    "nhiệm vụ tháng 02 và ý kiến của các đại biểu dự họp, Giám đốc Sở kết luận như sau:",
    "1. Trong tháng 02 năm 2025, các phòng, đơn vị thuộc Sở đã bám sát chương trình công tác, "
    "hoàn thành các nhiệm vụ được giao đúng tiến độ; công tác tham mưu sắp xếp tổ chức bộ máy "
    "được triển khai khẩn trương, bảo đảm chất lượng.",
    "2. Nhiệm vụ trọng tâm tháng 3 năm 2025:",
    "a) Phòng Tổ chức, biên chế và tổ chức phi chính phủ hoàn thiện dự thảo đề án sắp xếp các "
    "cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, trình Giám đốc Sở trước ngày 15 tháng 3 năm "
    "2025.",
    "b) Phòng Công chức, viên chức tổng hợp kết quả đánh giá, xếp loại công chức, viên chức năm "
    "2024 của các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố; đề xuất khen thưởng "
    "các tập thể, cá nhân có thành tích xuất sắc.",
    "c) Phòng Xây dựng chính quyền và công tác thanh niên hướng dẫn các huyện, thành phố chuẩn "
    "bị các điều kiện cho việc sắp xếp đơn vị hành chính cấp xã, bảo đảm đúng lộ trình.",
    "d) Thanh tra Sở triển khai kế hoạch thanh tra công vụ năm 2025; tiếp nhận, giải quyết đơn "
    "thư đúng quy định, không để tồn đọng.",
    "đ) Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị thực hiện nhiệm vụ được giao; bảo đảm "
    "điều kiện làm việc và kinh phí cho các hoạt động của Sở.",
    "3. Về kiến nghị của các phòng, đơn vị: Giám đốc Sở đồng ý bổ sung 02 máy tính cho Phòng "
    "Công chức, viên chức; giao Văn phòng Sở thực hiện theo quy định về mua sắm tài sản công.",
    "4. Giám đốc Sở yêu cầu Trưởng các phòng, đơn vị nghiêm túc triển khai thực hiện; trong quá "
    "trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo Giám đốc Sở qua Văn phòng Sở "
    "để chỉ đạo giải quyết.",
    "5. Về công tác cải cách hành chính: các phòng, đơn vị rà soát thủ tục hành chính thuộc "
    "lĩnh vực được giao, đề xuất cắt giảm thành phần hồ sơ, thời gian giải quyết; cập nhật đầy "
    "đủ, kịp thời quy trình nội bộ trên Hệ thống thông tin giải quyết thủ tục hành chính của "
    "tỉnh; tỷ lệ hồ sơ giải quyết đúng hạn phải đạt trên 98%.",
    "6. Về công tác thi đua, khen thưởng: các phòng, đơn vị phát động phong trào thi đua lập "
    "thành tích chào mừng kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước; đăng "
    "ký danh hiệu thi đua năm 2025 gửi về Văn phòng Sở trước ngày 20 tháng 3 năm 2025; lựa "
    "chọn, giới thiệu điển hình tiên tiến để biểu dương, nhân rộng.",
    "7. Về công tác chuyển đổi số: các phòng, đơn vị sử dụng chữ ký số trong xử lý văn bản, "
    "hồ sơ công việc trên môi trường điện tử; phấn đấu tỷ lệ văn bản đi được ký số đạt 100%, "
    "trừ văn bản mật theo quy định.",
    "Văn phòng Sở thông báo để các phòng, đơn vị biết, thực hiện./.",
]


@doc("lo-thong-bao-two-pages",
     "A thông báo (mẫu 1.4) made in LibreOffice Writer, two pages long: page numbers as a "
     "centred PAGE field in the page style's header, 14 pt, with a first-page header of its own "
     "left empty (no number on page 1, PL I §I.7); the header band sits inside the 20 mm top "
     "margin. Body in khoản 1.–4. and điểm a)–đ).")
def _lo_tb() -> Spec:
    return Spec(so="Số: 41/TB-SNV", place_date="Nam Định, ngày 06 tháng 3 năm 2025",
                ten_loai="THÔNG BÁO", trich_yeu="Kết luận của Giám đốc Sở Nội vụ tại cuộc họp "
                "giao ban tháng 02 năm 2025", body=list(_TB_BODY),
                noi_nhan=["- Giám đốc, các Phó Giám đốc Sở;", "- Các phòng, đơn vị thuộc Sở;",
                          "- Lưu: VT, VP."],
                signer=["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"], name="Đỗ Quang Vinh",
                page_numbers="first_header")


@doc("lo-cong-van-mistakes",
     "The clean LibreOffice công văn with three mistakes put in: left margin 25 mm, body 12 pt, "
     "the date written “ngày 5 tháng 3 năm 2025” without the day's leading zero.",
     expected=[
         {"rule": "trang.le", "reason": "left margin 25 mm; the decree asks 30–35 mm (PL I §I.3)"},
         {"rule": "noi_dung.co_chu",
          "reason": "the body is 12 pt; the decree asks 13–14 pt (PL I §II.6.e)"},
         {"rule": "dia_danh_thoi_gian.so_0_dau",
          "reason": "“ngày 5”: a day below 10 takes a leading zero, “ngày 05” (PL I §II.4.b)"},
     ])
def _lo_mistakes() -> Spec:
    return _cong_van(margins=(20, 20, 25, 15), body_size=12,
                     place_date="Nam Định, ngày 5 tháng 3 năm 2025")


@doc("lo-quyet-dinh-mistakes",
     "The clean LibreOffice quyết định with two mistakes put in: the Tiêu ngữ not bold, the "
     "trích yếu aligned left instead of centred.",
     expected=[
         {"rule": "tieu_ngu.kieu_chu",
          "reason": "the Tiêu ngữ is not bold; the decree asks upright, bold (PL I §II.1.b)"},
         {"rule": "trich_yeu.can_giua",
          "reason": "the trích yếu is aligned left; the decree centres it under the type name "
                    "(PL I §II.5.b)"},
     ])
def _lo_qd_mistakes() -> Spec:
    return _quyet_dinh(tieu_ngu_bold=False, trich_yeu_align=LEFT)


@doc("lo-cong-van-line-shapes",
     "A clean công văn of a district People's Committee made in LibreOffice Writer with every "
     "rule drawn as a line shape (com.sun.star.drawing.LineShape) anchored to an empty 2 pt "
     "paragraph under the issuing body and under the Tiêu ngữ; the issuer has no parent line.")
def _lo_shapes() -> Spec:
    return _cong_van(
        parent=None, body_name="ỦY BAN NHÂN DÂN\nHUYỆN HẢI HẬU", so="Số: 512/UBND-TNMT",
        place_date="Hải Hậu, ngày 24 tháng 02 năm 2025",
        v_v="V/v tăng cường quản lý đất đai\nven biển", rules="shape",
        kinh_gui="Kính gửi: Ủy ban nhân dân các xã, thị trấn",
        body=[
            "Thực hiện Chỉ thị số 03/CT-UBND ngày 10 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh "
            "Nam Định về tăng cường quản lý nhà nước về đất đai, Ủy ban nhân dân huyện yêu cầu "
            "Ủy ban nhân dân các xã, thị trấn ven biển kiểm tra, rà soát hiện trạng sử dụng đất "
            "bãi bồi ven biển trên địa bàn; kịp thời phát hiện, ngăn chặn các trường hợp lấn "
            "chiếm, sử dụng đất sai mục đích.",
            "Kết quả kiểm tra báo cáo Ủy ban nhân dân huyện (qua Phòng Tài nguyên và Môi "
            "trường) trước ngày 15 tháng 3 năm 2025 để tổng hợp, báo cáo Ủy ban nhân dân "
            "tỉnh./.",
        ],
        noi_nhan=["- Như trên;", "- TT Huyện ủy, TT HĐND huyện (để b/c);",
                  "- Chủ tịch, các PCT UBND huyện;", "- Lưu: VT, TNMT."],
        signer=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name="Vũ Đức Thắng")


@doc("lo-to-trinh-styled",
     "A clean tờ trình (mẫu 1.4, sent upward so it has Kính gửi and “- Như trên;”) made in "
     "LibreOffice Writer the way a user who set Times New Roman 14 pt once in the Default "
     "Paragraph Style does: the runs carry direct formatting only where they differ (bold, "
     "italic, 12–13 pt); the trích yếu's rule is a bottom border of an empty paragraph.")
def _lo_to_trinh() -> Spec:
    return Spec(
        so="Số: 27/TTr-SNV", place_date="Nam Định, ngày 10 tháng 3 năm 2025",
        ten_loai="TỜ TRÌNH", trich_yeu="Về việc phê duyệt Đề án vị trí việc làm của Sở Nội vụ",
        kinh_gui="Kính gửi: Ủy ban nhân dân tỉnh Nam Định",
        body=[
            "Căn cứ Nghị định số 62/2020/NĐ-CP ngày 01 tháng 6 năm 2020 của Chính phủ về vị trí "
            "việc làm và biên chế công chức, Sở Nội vụ đã xây dựng Đề án vị trí việc làm của Sở, "
            "lấy ý kiến các phòng, đơn vị thuộc Sở và hoàn thiện theo ý kiến thẩm định.",
            "Đề án xác định 42 vị trí việc làm, gồm 07 vị trí lãnh đạo, quản lý; 28 vị trí "
            "chuyên môn, nghiệp vụ; 05 vị trí hỗ trợ, phục vụ và 02 vị trí dùng chung. Tổng số "
            "biên chế công chức đề nghị giữ nguyên so với số được giao năm 2024.",
            "Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Đề án vị trí việc làm "
            "của Sở Nội vụ (hồ sơ gửi kèm)./.",
        ],
        noi_nhan=["- Như trên;", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, TCBC."],
        signer=["GIÁM ĐỐC"], name="Phạm Văn Hùng", styled=True)


@doc("lo-cong-van-kinh-gui-list",
     "A clean công văn of a provincial People's Committee (no parent line) to three recipients: "
     "“Kính gửi:” left of the centre and the recipients on their own lines, each “- …;”, the "
     "last “.”, their dashes under the colon (PL I §II.9.d), set by left indents.")
def _lo_kinh_gui_list() -> Spec:
    return _cong_van(
        parent=None, body_name="ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH", so="Số: 1025/UBND-VP3",
        place_date="Nam Định, ngày 12 tháng 3 năm 2025",
        v_v="V/v bố trí kinh phí sắp xếp\ntổ chức bộ máy năm 2025",
        kinh_gui="Kính gửi:",
        kinh_gui_list=["- Sở Tài chính;", "- Sở Kế hoạch và Đầu tư;",
                       "- Kho bạc Nhà nước tỉnh."],
        body=[
            "Xét đề nghị của Sở Nội vụ tại Tờ trình số 27/TTr-SNV ngày 10 tháng 3 năm 2025, "
            "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và "
            "Đầu tư, Kho bạc Nhà nước tỉnh cân đối, bố trí kinh phí thực hiện chế độ, chính sách "
            "đối với cán bộ, công chức, viên chức chịu tác động của việc sắp xếp tổ chức bộ máy "
            "năm 2025.",
            "Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 25 tháng 3 năm "
            "2025./.",
        ],
        noi_nhan=["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Nội vụ;",
                  "- Lưu: VT, VP3."],
        signer=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name="Hà Lan Anh")


@doc("lo-thong-bao-first-page-style",
     "The two-page thông báo numbered the classic LibreOffice way: the document starts in the "
     "“First Page” page style (no header, top margin 20 mm), followed by the Default Page Style "
     "whose header holds the centred PAGE field, 14 pt (no number on page 1, PL I §I.7).")
def _lo_tb_first_style() -> Spec:
    spec = _lo_tb()
    spec.page_numbers = "first_page_style"
    return spec


@doc("lo-cong-van-lo-habits",
     "A clean công văn with habits of LibreOffice users: Quốc hiệu and Tiêu ngữ typed in "
     "one paragraph split by Shift+Enter (the Tiêu ngữ's rule a bottom border of the empty "
     "paragraph after it); the Nơi nhận entries a bullet list whose bullet is “-” flush with the "
     "left margin (Format ▸ Bullets and Numbering), so the dash prints but is not typed; the "
     "signature lines in one paragraph split by Shift+Enter; the two Kính gửi recipients a "
     "bullet list of the same kind, its bullets under the colon of “Kính gửi:”.")
def _lo_habits() -> Spec:
    return _cong_van(motto_one_para=True, noi_nhan_bullets=True,
                     signer=["KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"], kinh_gui="Kính gửi:",
                     kinh_gui_list=["- Các sở, ban, ngành thuộc tỉnh;",
                                    "- UBND các huyện, thành phố."], kinh_gui_bullets=True)


@doc("lo-cong-van-autocorrect",
     "The clean công văn typed with LibreOffice's AutoCorrect on: “Replace dashes” turned the "
     "Tiêu ngữ's hyphens into en dashes, “Độc lập – Tự do – Hạnh phúc”.",
     expected=[{"rule": "tieu_ngu.van_ban",
                "reason": "the decree writes the Tiêu ngữ with hyphens, “Độc lập - Tự do - Hạnh "
                          "phúc” (PL I §II.1.b); AutoCorrect's en dashes are another text"}])
def _lo_autocorrect() -> Spec:
    return _cong_van(tieu_ngu="Độc lập – Tự do – Hạnh phúc")


@doc("lo-cong-van-header-two-rows",
     "A clean công văn whose header table has two rows, as many LibreOffice and Word templates "
     "do: the names, Quốc hiệu, Tiêu ngữ and their rules in row 1; “Số: …”, V/v and the date in "
     "row 2, so Số and the date stay level; the signature table likewise puts the signer's name "
     "in a second row. The body is spaced 1.15 lines (Format ▸ Paragraph ▸ Proportional 115 %, "
     "within single to 1.5 lines, PL I §II.6.e).")
def _lo_two_rows() -> Spec:
    return _cong_van(header_two_rows=True, body_line=1.15, name_row=True)


@doc("lo-thong-bao-number-in-footer",
     "The two-page thông báo with its page number centred in the footer (none on page 1) instead "
     "of the top margin.",
     expected=[{"rule": "so_trang.vi_tri",
                "reason": "the page number is at the foot of page 2; the decree puts it centred "
                          "in the top margin (PL I §I.7)"}])
def _lo_tb_footer() -> Spec:
    spec = _lo_tb()
    spec.number_in_footer = True
    return spec


@doc("lo-quyet-dinh-shapes-on-text",
     "The clean quyết định with its three rules drawn as line shapes anchored to the text they "
     "underline (the issuing body, the Tiêu ngữ, the trích yếu), 6.5 mm below the paragraph's "
     "top, as a Writer user drops a line under a line of text.")
def _lo_qd_shapes() -> Spec:
    return _quyet_dinh(rules="shape_on_text")


@doc("lo-to-trinh-mistakes",
     "The LibreOffice tờ trình with four mistakes put in: the month written “tháng 03”, the "
     "trích yếu not bold, “Nơi nhận:” bold but not italic, the signer's name not bold.",
     expected=[
         {"rule": "dia_danh_thoi_gian.so_0_dau",
          "reason": "“tháng 03”: only months 1 and 2 take a leading zero (PL I §II.4.b)"},
         {"rule": "trich_yeu.kieu_chu",
          "reason": "the trích yếu is not bold; the decree asks upright, bold (PL I §II.5.b)"},
         {"rule": "noi_nhan.nhan_kieu_chu",
          "reason": "“Nơi nhận:” is not italic; the decree asks italic, bold (PL I §II.9.d)"},
         {"rule": "ho_ten.kieu_chu",
          "reason": "the signer's name is not bold; the decree asks upright, bold (PL I §II.7.đ)"},
     ])
def _lo_to_trinh_mistakes() -> Spec:
    spec = _lo_to_trinh()
    spec.body = ["Thực hiện Nghị định số 62/2020/NĐ-CP ngày 01 tháng 6 năm 2020 của Chính phủ về "
                 "vị trí việc làm và biên chế công chức, Sở Nội vụ đã xây dựng Đề án vị trí việc "
                 "làm của Sở, lấy ý kiến các phòng, đơn vị thuộc Sở và hoàn thiện theo ý kiến "
                 "thẩm định.", *spec.body[1:]]
    spec.place_date = "Nam Định, ngày 10 tháng 03 năm 2025"
    spec.trich_yeu_bold = spec.noi_nhan_label_italic = spec.name_bold = False
    return spec


@doc("lo-cong-van-table-address",
     "A clean công văn with a data table in its body (Writer's default ½ pt borders, a bold "
     "centred heading row, cells 13 pt aligned left) and the address, telephone and e-mail "
     "(ô 13) in the page's footer, 11 pt, under a full-width rule (PL I §III.4).")
def _lo_table_address() -> Spec:
    return _cong_van(
        body=[_CONG_VAN_BODY[0],
              ("table", [["STT", "Đơn vị", "Thời hạn gửi báo cáo"],
                         ["1", "Các sở, ban, ngành", "Trước ngày 20/3/2025"],
                         ["2", "UBND các huyện, thành phố", "Trước ngày 25/3/2025"]]),
              *_CONG_VAN_BODY[1:]],
        address="Địa chỉ: Số 45 đường Trần Hưng Đạo, thành phố Nam Định; Điện thoại: "
                "0228.3649.123; Email: snv@namdinh.gov.vn")


@doc("lo-bao-cao-muc",
     "A clean báo cáo sent upward (mẫu 1.4 with Kính gửi) whose body follows structure B: "
     "“I. KẾT QUẢ THỰC HIỆN” and “II. …” in upper case bold at the body's indent, khoản "
     "“1.”, “2.” in regular text (decree30.md §3.6, structure B). The “I.” headings are in "
     "Writer's Heading 1 style with its font overridden (Times New Roman 14 pt bold, black); "
     "the body's lines are spaced exactly 17 pt (between single and 1.5 lines of 14 pt, "
     "PL I §II.6.e).")
def _lo_bao_cao() -> Spec:
    return Spec(
        so="Số: 65/BC-SNV", place_date="Nam Định, ngày 28 tháng 3 năm 2025",
        ten_loai="BÁO CÁO", trich_yeu="Kết quả công tác cải cách hành chính quý I năm 2025",
        kinh_gui="Kính gửi: Ủy ban nhân dân tỉnh Nam Định",
        body=[("muc", "I. KẾT QUẢ THỰC HIỆN"),
              "1. Công tác chỉ đạo, điều hành: Sở Nội vụ ban hành Kế hoạch cải cách hành chính "
              "năm 2025 và tổ chức triển khai đến các phòng, đơn vị thuộc Sở.",
              "2. Cải cách thủ tục hành chính: rà soát 12 thủ tục hành chính, đề xuất cắt giảm "
              "thời gian giải quyết đối với 05 thủ tục.",
              ("muc", "II. NHIỆM VỤ QUÝ II NĂM 2025"),
              "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; nâng cao tỷ lệ hồ sơ trực "
              "tuyến toàn trình./."],
        noi_nhan=["- Như trên;", "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, CCHC."],
        signer=["GIÁM ĐỐC"], name="Phạm Văn Hùng", muc_style="Heading 1", body_line=17)


@doc("lo-cong-van-khan",
     "A clean urgent công văn: “KHẨN” in a single-bordered box 20 mm wide at the left margin "
     "under the V/v, 13 pt bold upper case in bright red (PL I §III.2.b; red is the stamp's "
     "ink, PL I §I.4's exception); the empty paragraphs (the room for the signature) left in "
     "Writer's default font, Liberation Serif 12 pt, as a user never retypes them.")
def _lo_khan() -> Spec:
    return _cong_van(do_khan="KHẨN", bare_empty=True)


@doc("lo-cong-van-kinh-gui-tabs",
     "A clean công văn to two recipients whose lines are pushed under the colon of “Kính gửi:” "
     "with a Tab each and a left tab stop (the way many users align them), not with indents.")
def _lo_kinh_gui_tabs() -> Spec:
    return _cong_van(kinh_gui="Kính gửi:", kinh_gui_tabs=True,
                     kinh_gui_list=["- Các sở, ban, ngành thuộc tỉnh;",
                                    "- UBND các huyện, thành phố."])


def main() -> int:
    office = Office()
    try:
        for name, entry in DOCS.items():
            path = OUT / f"{name}.docx"
            build(office, entry["spec"](), path)
            sidecar = {"about": entry["about"], "built_by": BUILT_BY,
                       "expected": entry["expected"], "accepted": entry["accepted"]}
            if entry["today"]:
                sidecar["today"] = entry["today"]
            path.with_suffix(".json").write_text(
                json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(path.relative_to(OUT.parents[2]))
    finally:
        office.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
