"""Write tests/fixtures/corpus/*.docx: documents built by hand with python-docx in the styles Word
users have (issue 9), never through congvan's renderer.

Each document comes with a JSON sidecar (same name) that lists the findings a person expects from
`congvan check`, with a one-line reason each, read from shared/decree30.md and the decree's
appendices; ``today`` says where today's checker disagrees (the tests mark that case xfail). The
sidecars are written here next to the documents, so a document and its expectation change together.
The output is deterministic (fixed zip dates and core properties): run
`python scripts/build_corpus.py` and commit the diff. tests/test_check_corpus.py fails when a
committed file no longer matches what this builds.

Every document starts as the same clean công văn (``Spec()``: A4, margins 20/20/30/15 mm, Times New
Roman, the header in a borderless two-column table, rules drawn as line shapes in an empty paragraph
under the text, a signature table with Nơi nhận) and changes one thing, so each false alarm of
issue 9 has its own file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Mm, Pt

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
FONT = "Times New Roman"
_FIXED = dt.datetime(2025, 3, 5, 8, 0, 0)
_SHAPE_ID = iter(range(100, 10_000))

CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT


# -- small python-docx helpers, the way a Word user's file carries formatting ----------------------
def _fonts(run_or_style, size: float) -> None:
    run_or_style.font.name = FONT
    run_or_style.font.size = Pt(size)
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def para(container, text: str = "", *, size: float = 14, bold: bool = False, italic: bool = False,
         align=JUSTIFY, indent: float | None = None, after: float = 0, before: float = 0,
         runs: list[tuple[str, dict]] | None = None):
    """Add a paragraph; `runs` gives (text, {"bold":…, "italic":…, "size":…}) pieces instead."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.line_spacing = 1.0
    if indent is not None:
        fmt.first_line_indent = Cm(indent)
    for piece, props in runs or [(text, {})]:
        add_run(p, piece, size=props.get("size", size), bold=props.get("bold", bold),
                italic=props.get("italic", italic))
    return p


def add_run(p, text: str, *, size: float = 14, bold: bool = False, italic: bool = False):
    """Add a run; a "\n" in `text` is a soft line break (Shift+Enter in Word)."""
    run = p.add_run()
    for i, line in enumerate(text.split("\n")):
        if i:
            run.add_break(WD_BREAK.LINE)
        run.add_text(line)
    run.bold, run.italic = bold, italic
    _fonts(run, size)
    return run


def line_shape(p, width_mm: float, *, down_mm: float = 1.0, left_mm: float = 0.0) -> None:
    """Anchor a drawn straight line (Insert ▸ Shapes ▸ Line in Word) in paragraph `p`.

    Its position is relative to the column/paragraph, as Word writes it: a horizontal offset from
    the column (centred on it when `left_mm` is 0) and a vertical offset below the paragraph's top.
    """
    n = next(_SHAPE_ID)
    cx = int(Emu(Mm(width_mm)))
    h = ('<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
         if not left_mm else
         f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(Emu(Mm(left_mm)))}'
         f'</wp:posOffset></wp:positionH>')
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:rPr/><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'{h}<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(Emu(Mm(down_mm)))}'
        '</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{n}" name="Straight Connector {n}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    p._p.append(parse_xml(xml))


def no_borders(table) -> None:
    tblPr = table._tbl.tblPr
    tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH",
                                                    "insideV")) + "</w:tblBorders>"))


def table(doc, rows: int, widths_mm: tuple[float, float], *, indent_mm: float | None = None,
          centred: bool = False, cell_margin_mm: float = 0.0):
    """A borderless two-column table, columns `widths_mm`, starting `indent_mm` from the margin."""
    t = doc.add_table(rows=rows, cols=2)
    t.autofit = False
    no_borders(t)
    if centred:
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblPr = t._tbl.tblPr
    tblPr.append(parse_xml(f'<w:tblW {nsdecls("w")} w:w="{round(sum(widths_mm) * 1440 / 25.4)}" '
                           'w:type="dxa"/>'))
    if indent_mm is not None:
        tblPr.append(parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{round(indent_mm * 1440 / 25.4)}" '
                               'w:type="dxa"/>'))
    # Cell margins (0 by default, so the text starts where the table does).
    mar = round(cell_margin_mm * 1440 / 25.4)
    tblPr.append(parse_xml(f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{mar}" w:type="dxa"/>'
                           f'<w:right w:w="{mar}" w:type="dxa"/></w:tblCellMar>'))
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(w * 1440 / 25.4)))
    for row in t.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return t


def cell(t, row: int, col: int):
    return t.rows[row].cells[col]


# -- the documents ---------------------------------------------------------------------------------
_BODY = [
    "Thực hiện Kế hoạch số 18/KH-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh về tiêm "
    "chủng "
    "mở rộng, Sở Y tế đề nghị Trung tâm Y tế các huyện tổ chức tiêm chủng đủ liều cho trẻ em "
    "trong độ "
    "tuổi, báo cáo kết quả trước ngày 25 hằng tháng.",
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các đơn vị liên hệ Phòng Nghiệp vụ Y "
    "để được "
    "hướng dẫn./.",
]


@dataclass
class Spec:
    """What a document varies on the clean công văn; every field has the clean value by default."""

    parent: str = "UBND TỈNH BẮC NINH"
    body_name: str = "SỞ Y TẾ"
    so: str = "Số: 215/SYT-NVY"
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    qh_bold: bool = True
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    place_date: str = "Bắc Ninh, ngày 05 tháng 3 năm 2025"
    v_v: str | None = "V/v triển khai tiêm chủng mở rộng năm 2025"
    kinh_gui: str = "Kính gửi: Trung tâm Y tế các huyện"
    body: list[str] = field(default_factory=lambda: list(_BODY))
    first_para: dict | None = None  # {"font", "size"} of the first body paragraph (pasted)
    last_para_font: str | None = None  # a font name on the last body paragraph's runs
    after_body: list[tuple[str, dict]] = field(default_factory=list)  # paragraphs after the body
    ten_loai: tuple[str, str] | None = None  # (tên loại, trích yếu): a quyết định, not a công văn
    can_cu: list[str] = field(default_factory=list)
    dieu: list[list[tuple[str, dict]]] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=lambda: [
        "- Như trên;", "- UBND tỉnh (để b/c);", "- Giám đốc Sở;", "- Lưu: VT, NVY."])
    signer: list[str] = field(default_factory=lambda: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
    name: str = "Nguyễn Văn An"
    header_rows: str = "one"  # "one" or "several"
    rule: str = "shape"  # "shape", "underscores" or "anchored_elsewhere"
    noi_nhan_layout: str = "one_cell"  # "one_cell", "row_below" or "soft_breaks"
    noi_nhan_indent: float = 0.0  # mm, the signature table's tblInd
    noi_nhan_nudge: float = 0.0  # mm, the Nơi nhận paragraphs' left indent
    sig_centred: bool = False
    sig_widths: tuple[float, float] = (75.0, 90.0)
    sig_cell_margin: float = 0.0  # mm
    margin_left: float = 30.0  # mm
    pages: int = 1
    even_footer: bool = False
    numbered: str | bool = False  # False, True (top centre from page 2) or "footer_right"


def _rule_after(container, text_para, width_mm: float, how: str) -> None:
    """Draw the rule under `text_para` the way the spec says."""
    if how == "shape":  # an empty paragraph right under the text, holding a drawn line
        holder = para(container, "", size=6, align=CENTER)
        line_shape(holder, width_mm)
    elif how == "underscores":  # "________" typed on the next line, as the decree's own samples
        para(container, "_" * max(8, round(width_mm / 2.8)), size=13, bold=False, align=CENTER)
    elif how == "anchored_elsewhere":
        pass  # drawn from another paragraph: see _header
    else:
        raise ValueError(how)


def _header(doc, s: Spec) -> None:
    """The header table. "one" row: each column holds its lines. "several" rows, as Word users split
    it: row 1 the parent body / Quốc hiệu; row 2 the issuing body with its rule and Số / Tiêu ngữ
    with its rule and the date; row 3 V/v."""
    several = s.header_rows == "several"
    t = table(doc, 3 if several else 1, (62.0, 103.0))
    para(cell(t, 0, 0), s.parent, size=13, align=CENTER)
    para(cell(t, 0, 1), s.quoc_hieu, size=13, bold=s.qh_bold, align=CENTER)
    left, right = (cell(t, 1, 0), cell(t, 1, 1)) if several else (cell(t, 0, 0), cell(t, 0, 1))
    name = para(left, s.body_name, size=13, bold=True, align=CENTER)
    _rule_after(left, name, 22, s.rule)
    tn = para(right, s.tieu_ngu, size=14, bold=True, align=CENTER)
    _rule_after(right, tn, 68, s.rule)
    so = para(left, s.so, size=13, align=CENTER, before=6)
    if s.v_v:
        para(cell(t, 2, 0) if several else left, s.v_v, size=12, align=CENTER, before=6)
    date = para(right, s.place_date, size=14, italic=True, align=CENTER, before=6)
    if several:
        para(cell(t, 2, 1), "", size=13)
    if s.rule == "anchored_elsewhere":
        # Word's habit: the lines are anchored in the Số and date paragraphs and placed under the
        # issuing body and the Tiêu ngữ by their offsets.
        line_shape(so, 22, down_mm=0.8)
        line_shape(date, 68, down_mm=0.8)


def _signature(doc, s: Spec) -> None:
    if s.noi_nhan_layout == "row_below":  # "Nơi nhận:" in row 1, the list in row 2 (mẫu 1.6–1.8)
        t = table(doc, 2, s.sig_widths, indent_mm=s.noi_nhan_indent, centred=s.sig_centred,
                  cell_margin_mm=s.sig_cell_margin)
        label_cell, list_cell = cell(t, 0, 0), cell(t, 1, 0)
        sign_top, sign_bottom = cell(t, 0, 1), cell(t, 1, 1)
    else:
        t = table(doc, 1, s.sig_widths, indent_mm=s.noi_nhan_indent, centred=s.sig_centred,
                  cell_margin_mm=s.sig_cell_margin)
        label_cell = list_cell = cell(t, 0, 0)
        sign_top = sign_bottom = cell(t, 0, 1)
    para(label_cell, "", size=12, align=LEFT, runs=[("Nơi nhận:", {"bold": True, "italic": True,
                                                                    "size": 12})])
    if s.noi_nhan_layout == "soft_breaks":  # one paragraph, the lines split by Shift+Enter
        para(list_cell, "\n".join(s.noi_nhan), size=11, align=LEFT)
    else:
        for line in s.noi_nhan:
            para(list_cell, line, size=11, align=LEFT)
    if s.noi_nhan_nudge:  # the clerk nudged the list with the ruler's left-indent marker
        for p in list_cell.paragraphs:
            p.paragraph_format.left_indent = Mm(s.noi_nhan_nudge)
    for line in s.signer:
        para(sign_top, line, size=14, bold=True, align=CENTER)
    for _ in range(3 if sign_bottom is sign_top else 2):
        para(sign_bottom, "", size=14, align=CENTER)
    para(sign_bottom, s.name, size=14, bold=True, align=CENTER)


def _page(doc, s: Spec) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(s.margin_left), Mm(15)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    _fonts(normal, 14)
    normal.paragraph_format.space_after = Pt(0)
    sec.start_type = WD_SECTION.NEW_PAGE


def _page_field(p, size: float = 14) -> None:
    """Append a PAGE field to paragraph `p` (Insert ▸ Page Number)."""
    for piece in ('<w:fldChar w:fldCharType="begin"/>',
                  '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                  '<w:fldChar w:fldCharType="separate"/>', "<w:t>2</w:t>",
                  '<w:fldChar w:fldCharType="end"/>'):
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="{FONT}" '
                              f'w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="{round(size * 2)}"/>'
                              f"</w:rPr>{piece}</w:r>"))


def _page_numbers(doc, s: Spec) -> None:
    """Page number centred at the top from page 2 (PL I §II.11), none on page 1 (titlePg)."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    if s.numbered == "footer_right":  # a template's habit: bottom right, not the top centre
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        p = sec.header.paragraphs[0]
        p.alignment = CENTER
    _page_field(p)
    if s.even_footer:
        # A footer for even pages, as a template brings along, but settings.xml has no
        # w:evenAndOddHeaders: Word and LibreOffice never print it.
        sec.even_page_footer.is_linked_to_previous = False
        fp = sec.even_page_footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _page_field(fp, size=11)
        settings = doc.settings.element
        for el in settings.findall(qn("w:evenAndOddHeaders")):
            settings.remove(el)


def _set_font(p, font: str) -> None:
    """Name `font` on every run of paragraph `p` (text pasted from another file keeps its font)."""
    for run in p.runs:
        fonts = run._r.get_or_add_rPr().find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)


def _quyet_dinh(doc, s: Spec) -> None:
    """Tên loại, trích yếu and its rule, the authority, căn cứ, QUYẾT ĐỊNH: and the articles."""
    assert s.ten_loai is not None
    para(doc, s.ten_loai[0], size=14, bold=True, align=CENTER, before=12)
    para(doc, s.ten_loai[1], size=14, bold=True, align=CENTER)
    line_shape(para(doc, "", size=6, align=CENTER), 40)
    para(doc, "GIÁM ĐỐC SỞ Y TẾ", size=14, bold=True, align=CENTER, before=6, after=6)
    for line in s.can_cu:
        para(doc, line, size=14, italic=True, indent=1.27, after=6)
    para(doc, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER, before=6, after=6)
    for pieces in s.dieu:
        para(doc, "", size=14, indent=1.27, after=6, runs=pieces)


def _cong_van_body(doc, s: Spec) -> None:
    """Kính gửi and the body paragraphs."""
    para(doc, s.kinh_gui, size=14, align=CENTER, before=12, after=12)
    for i, text in enumerate(s.body):
        if s.pages == 2 and i == 1:
            for _ in range(40):  # filler a clerk pastes in: a long list that runs onto page 2
                para(doc, "- Kiểm tra việc bảo quản vắc xin theo đúng quy định của Bộ Y tế;",
                     indent=1.27, after=6)
        p = para(doc, text, indent=1.27, after=6)
        if i == 0 and s.first_para:  # pasted from elsewhere: its own font and size
            for run in p.runs:
                run.font.size = Pt(s.first_para["size"])
            _set_font(p, s.first_para["font"])
        if i == len(s.body) - 1 and s.last_para_font:  # pasted from an old file
            _set_font(p, s.last_para_font)


def build(s: Spec) -> bytes:
    global _SHAPE_ID
    _SHAPE_ID = iter(range(100, 10_000))  # shape ids restart per document: the build is repeatable
    doc = docx.Document()
    _page(doc, s)
    body = doc.element.body
    # python-docx's template starts with an empty paragraph: start empty
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    _header(doc, s)
    if s.ten_loai:
        _quyet_dinh(doc, s)
    else:
        _cong_van_body(doc, s)
    for text, props in s.after_body:
        para(doc, "", align=JUSTIFY, indent=1.27, after=6, runs=[(text, props)])
    _signature(doc, s)
    if s.pages == 2 or s.numbered:
        _page_numbers(doc, s)
    for attr in ("created", "modified", "last_printed"):
        setattr(doc.core_properties, attr, _FIXED)
    doc.core_properties.author = "Văn thư"
    doc.core_properties.last_modified_by = "Văn thư"
    doc.core_properties.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the zip with a fixed date on every member: the build is byte-for-byte repeatable."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                    zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info))
    return out.getvalue()


DOCS: dict[str, dict] = {}
FROM_ISSUE = "issue 9: "


def doc(name: str, about: str, *, expected: list[dict] | None = None,
        accepted: list[dict] | None = None, today: str | None = None):
    """Register a corpus document built from the Spec the decorated function returns.

    `about` says what it shows; `expected`: findings a person expects ({"rule", "reason"}; the
    checker must report each); `accepted`: findings a person would not object to ({"rule",
    "reason", optional "severity"}; neither required nor counted false); `today`: how today's
    checker disagrees (the xfail reason, "issue 9: …"), or None when it agrees.
    """
    def register(fn: Callable[[], Spec]) -> Callable[[], Spec]:
        DOCS[name] = {"spec": fn, "about": about, "expected": expected or [],
                      "accepted": accepted or [], "today": today}
        return fn
    return register


@doc("cong-van-clean", "A one-page công văn as the decree draws it (mẫu 1.5), header in one "
                       "table row, "
     "rules as line shapes under the text, no page number (one page: PL I §II.11 numbers from "
     "page 2).")
def _clean() -> Spec:
    return Spec()


@doc("cong-van-header-rows", "The header table split over several rows, as Word users build it: "
     "Quốc hiệu and the parent body in row 1; the issuing body and the Tiêu ngữ, each with its "
     "rule, "
     "then Số and the date in row 2; V/v in row 3. The signature table puts the Nơi nhận list in "
     "the row below “Nơi nhận:” (as the decree's mẫu 1.6–1.8 do).")
def _header_rows() -> Spec:
    return Spec(header_rows="several", noi_nhan_layout="row_below")


@doc("cong-van-rules-underscores", "The rules under the issuing body and the Tiêu ngữ typed as "
     "underscores “________” on the next line, as the decree's own samples draw them.")
def _underscores() -> Spec:
    return Spec(rule="underscores")


@doc("cong-van-rules-anchored", "The two rules drawn as line shapes anchored in the Số and the "
                                "date "
     "paragraphs (Word anchors a shape to the paragraph nearest where it was drawn) and moved up "
     "under the issuing body and the Tiêu ngữ.")
def _anchored() -> Spec:
    return Spec(rule="anchored_elsewhere")


@doc("cong-van-noi-nhan-soft-breaks", "The Nơi nhận list typed as one paragraph with Shift+Enter "
     "between the entries; each entry ends with “;”, the last with “.” (PL I §II.9.d).")
def _soft_breaks() -> Spec:
    return Spec(noi_nhan_layout="soft_breaks")


@doc("cong-van-cuc-thue", "A Cục Thuế công văn: ký hiệu “CT-TTHT” is the issuer (Cục Thuế) and its "
     "unit; a công văn's ký hiệu carries no type abbreviation (PL III §I; mẫu 1.5 “Số: …/…-…”).")
def _cuc_thue() -> Spec:
    return Spec(parent="BỘ TÀI CHÍNH", body_name="CỤC THUẾ", so="Số: 1250/CT-TTHT",
                place_date="Hà Nội, ngày 05 tháng 3 năm 2025",
                v_v="V/v chính sách thuế giá trị gia tăng", kinh_gui="Kính gửi: Công ty TNHH "
                                                                     "Minh Phát",
                body=["Cục Thuế nhận được Văn bản số 12/2025/MP ngày 10 tháng 02 năm 2025 của "
                      "Công ty "
                      "TNHH Minh Phát hỏi về chính sách thuế giá trị gia tăng. Về vấn đề này, Cục "
                      "Thuế có ý kiến như sau: hàng hóa xuất khẩu áp dụng thuế suất 0 % khi có "
                      "đủ hồ "
                      "sơ theo quy định.",
                      "Cục Thuế trả lời để Công ty TNHH Minh Phát biết và thực hiện./."],
                noi_nhan=["- Như trên;", "- Vụ Chính sách thuế;", "- Lưu: VT, TTHT."],
                signer=["KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"], name="Trần Thị Bình")


@doc("cong-van-prose-can-cu", "Body sentences of a công văn that start “Căn cứ …”, “Theo đề nghị "
                              "…” "
     "and “Xét …”: prose, not the căn cứ lines of a quyết định (PL I §II.6; decree30.md §3.6).")
def _prose() -> Spec:
    return Spec(body=[
        "Căn cứ Kế hoạch số 18/KH-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh, Sở Y tế "
        "đề nghị Trung tâm Y tế các huyện tổ chức tiêm chủng đủ liều cho trẻ em trong độ tuổi.",
        "Theo đề nghị của Trung tâm Kiểm soát bệnh tật tỉnh tại Tờ trình số 35/TTr-KSBT, Sở Y tế "
        "bổ sung vắc xin sởi cho các huyện có ca bệnh trong tháng 02 năm 2025.",
        "Xét tình hình dịch bệnh trên địa bàn, các đơn vị báo cáo kết quả trước ngày 25 hằng "
        "tháng./.",
    ])


_CAN_CU = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Quyết định số 12/2021/QĐ-UBND ngày 15 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh Bắc "
    "Ninh "
    "quy định chức năng, nhiệm vụ, quyền hạn của Sở Y tế;",
    "Theo đề nghị của Trưởng phòng Tổ chức cán bộ.",
]


def _dieu(number: int, text: str) -> list[tuple[str, dict]]:
    return [(f"Điều {number}. ", {"bold": True}), (text, {})]


@doc("quyet-dinh-dieu-1-bold", "An individual quyết định (mẫu 1.2) that prints only “Điều 1.” "
                               "bold, "
     "as the decree's samples mẫu 1.2–1.4 do; PL I §II.6.đ asks the whole line bold when an "
     "article "
     "has a title — these articles have none, so both readings accept it.")
def _dieu_1() -> Spec:
    return Spec(so="Số: 45/QĐ-SYT", v_v=None, ten_loai=("QUYẾT ĐỊNH", "Về việc cử cán bộ đi công "
                                                                      "tác"),
                can_cu=_CAN_CU, dieu=[
                    _dieu(1, "Cử bà Lê Thị Hoa, chuyên viên Phòng Nghiệp vụ Y, đi công tác tại Hà "
                             "Nội từ ngày 10 tháng 3 năm 2025 đến ngày 14 tháng 3 năm 2025."),
                    _dieu(2, "Kinh phí công tác do Sở Y tế chi trả theo quy định hiện hành."),
                    _dieu(3, "Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ và bà Lê Thị Hoa "
                             "chịu "
                             "trách nhiệm thi hành Quyết định này./."),
                ],
                noi_nhan=["- Như Điều 3;", "- Lưu: VT, TCCB."], signer=["GIÁM ĐỐC"])


def _dieu_titled(nhu_dieu: str) -> Spec:
    """A quyết định whose articles have titles (the line bold, PL I §II.6.đ) and their text below;
    Điều 3 names who executes it; the Nơi nhận starts with `nhu_dieu`."""
    def title(text: str) -> list[tuple[str, dict]]:
        return [(text, {"bold": True})]
    return Spec(so="Số: 46/QĐ-SYT", v_v=None,
                ten_loai=("QUYẾT ĐỊNH", "Về việc cử cán bộ đi công tác"), can_cu=_CAN_CU, dieu=[
                    title("Điều 1. Cử cán bộ đi công tác"),
                    [("Cử bà Lê Thị Hoa, chuyên viên Phòng Nghiệp vụ Y, đi công tác tại Hà Nội "
                      "từ ngày 10 tháng 3 năm 2025 đến ngày 14 tháng 3 năm 2025.", {})],
                    title("Điều 2. Kinh phí"),
                    [("Kinh phí công tác do Sở Y tế chi trả theo quy định hiện hành.", {})],
                    title("Điều 3. Tổ chức thực hiện"),
                    [("Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ và bà Lê Thị Hoa chịu "
                      "trách nhiệm thi hành Quyết định này./.", {})],
                ], noi_nhan=[nhu_dieu, "- Lưu: VT, TCCB."], signer=["GIÁM ĐỐC"])


@doc("quyet-dinh-nhu-dieu", "A quyết định (mẫu 1.2) whose Nơi nhận reads “- Như Điều 3;”: Điều 3 "
     "names who executes it (“… chịu trách nhiệm thi hành Quyết định này”), as the decree's "
     "samples do (PL I §II.9.b).")
def _nhu_dieu() -> Spec:
    return _dieu_titled("- Như Điều 3;")


@doc("quyet-dinh-nhu-dieu-sai", "The same quyết định with “- Như Điều 2;” in the Nơi nhận: Điều 2 "
     "is about the cost and names no one who executes the decision (the executors are in Điều 3).",
     expected=[{"rule": "noi_nhan.nhu_dieu",
                "reason": "“Như Điều 2” stands for the executors Điều 2 names, and it names none "
                          "(PL I §II.9.b; mẫu 1.2: “Như Điều 3” points at the article that does)"}])
def _nhu_dieu_sai() -> Spec:
    return _dieu_titled("- Như Điều 2;")


@doc("cong-van-noi-nhan-minus-0-7mm", "The Nơi nhận list nudged −0.7 mm with the ruler (paragraph "
     "left indent): invisible on paper; a person reads it as flush with the margin (PL I §II.9.d).")
def _minus() -> Spec:
    return Spec(noi_nhan_nudge=-0.7)


@doc("cong-van-noi-nhan-table-minus-0-7mm", "The Nơi nhận table itself indented −0.7 mm (tblInd): "
     "flush to the eye, like the −0.7 mm nudge of the list.")
def _table_minus() -> Spec:
    return Spec(noi_nhan_indent=-0.7)


@doc("cong-van-noi-nhan-plus-0-5mm", "The Nơi nhận table indented +0.5 mm (tblInd): flush to the "
     "eye.")
def _plus() -> Spec:
    return Spec(noi_nhan_indent=0.5)


@doc("cong-van-noi-nhan-indented-15mm", "The signature table indented 15 mm (tblInd), so the Nơi "
                                        "nhận "
     "block starts 15 mm right of the margin: not flush left (PL I §II.9.d).",
     expected=[{"rule": "noi_nhan.sat_le_trai",
                "reason": "the Nơi nhận lines start 15 mm right of the left margin; the decree "
                          "wants "
                          "them flush with it"}])
def _indented() -> Spec:
    return Spec(noi_nhan_indent=15.0, sig_widths=(65.0, 85.0))


@doc("cong-van-wide-centred-table", "The signature table centred and 170 mm wide, 5 mm wider "
                                    "than the "
     "text area, with Word's default 1.9 mm cell margins: the Nơi nhận text starts 0.6 mm left of "
     "the margin.",
)
def _wide() -> Spec:
    return Spec(sig_centred=True, sig_widths=(75.0, 95.0), sig_cell_margin=1.9)


@doc("cong-van-hoa", "“CỘNG HOÀ” spelt with the old tone placement, as the decree's own Appendix I "
     "table and mẫu 1.6 write it: a warning at most (decree30.md §3.1).",
     accepted=[{"rule": "quoc_hieu.van_ban", "severity": "canh_bao",
                "reason": "“HOÀ” is the older spelling; the decree prints both, so a warning is "
                          "fair"}])
def _hoa() -> Spec:
    return Spec(quoc_hieu="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


@doc("cong-van-attachment-note", "The body ends with “./.” and only an attachment note follows "
     "(“Gửi kèm: …”) before the signature.")
def _attachment() -> Spec:
    return Spec(after_body=[("(Gửi kèm Danh sách các điểm tiêm chủng của tỉnh)", {"italic": True})])


@doc("cong-van-two-pages-even-footer", "A two-page công văn numbered at the top centre from page 2 "
     "(PL I §II.11), whose template brought an even-page footer with a page number at the bottom "
     "right that never prints (settings.xml has no w:evenAndOddHeaders).")
def _two_pages() -> Spec:
    return Spec(pages=2, even_footer=True)


@doc("cong-van-one-page-numbered", "A one-page công văn whose template numbers pages at the bottom "
     "right from page 2 (“different first page”, the first-page footer empty): on one page no "
     "number "
     "prints, so nothing a reader sees breaks PL I §I.7.")
def _one_page() -> Spec:
    return Spec(pages=1, numbered="footer_right")


@doc("cong-van-vntime-unicode", "The last paragraph carries the legacy font name “.VnTime” but its "
     "text is Unicode (pasted from an old template): the font is wrong (PL I §I.4), the words are "
     "right, and --fix must not re-decode them (issue 9: “Thông cáo” → “Thơng cáo”).",
     accepted=[{"rule": "phong_chu.ma_cu", "reason": "a legacy font is named; converting the "
                                                     "font is "
                "right, as long as the Unicode text is left as it is"},
               {"rule": "phong_chu.times_new_roman", "reason": "the paragraph's font is not "
                                                               "Times New "
                "Roman"}])
def _vntime() -> Spec:
    return Spec(body=[Spec().body[0], "Thông cáo báo chí về kết quả tiêm chủng gửi kèm công văn "
                                      "này; "
                      "đề nghị các đơn vị liên hệ Phòng Nghiệp vụ Y khi có vướng mắc./."],
                last_para_font=".VnTime")


@doc("cong-van-defects-page-text", "A công văn with plain mistakes a person sees: left margin 25 "
                                   "mm, "
     "the first body paragraph pasted in Arial 12 pt, the date without the leading zero of day 5.",
     expected=[{"rule": "trang.le", "reason": "left margin 25 mm; PL I §I.3 wants 30–35 mm"},
               {"rule": "phong_chu.times_new_roman",
                "reason": "a body paragraph in Arial; PL I §I.4 wants Times New Roman"},
               {"rule": "noi_dung.co_chu", "reason": "a body paragraph at 12 pt; PL I §II.6.e "
                                                     "wants 13–14"},
               {"rule": "dia_danh_thoi_gian.so_0_dau",
                "reason": "“ngày 5”: a day below 10 takes a leading zero (PL I §II.4.b)"}],
     accepted=[{"rule": "noi_dung.mot_co_chu", "reason": "the body mixes 12 and 14 pt"}])
def _defects_text() -> Spec:
    return Spec(margin_left=25.0, first_para={"font": "Arial", "size": 12},
                place_date="Bắc Ninh, ngày 5 tháng 3 năm 2025")


@doc("cong-van-defects-header", "A công văn with header and Nơi nhận mistakes: Quốc hiệu not bold, "
     "Tiêu ngữ without the spaces round its hyphens, “Số 215/SYT-NVY” without the colon, no "
     "“- Lưu: VT, …” line.",
     expected=[{"rule": "quoc_hieu.kieu_chu", "reason": "Quốc hiệu not bold (PL I §II.1.a)"},
               {"rule": "tieu_ngu.van_ban",
                "reason": "“Độc lập-Tự do-Hạnh phúc”: the hyphens take a space each side (PL I "
                          "§II.1.b)"},
               {"rule": "so_ky_hieu.dinh_dang", "reason": "“Số” must be followed by a colon (PL "
                                                          "I §II.3.c)"},
               {"rule": "noi_nhan.luu_vt",
                "reason": "the Nơi nhận list ends without “- Lưu: VT, <unit>.” (PL I §II.9.d)"}])
def _defects_header() -> Spec:
    return Spec(qh_bold=False, tieu_ngu="Độc lập-Tự do-Hạnh phúc", so="Số 215/SYT-NVY",
                noi_nhan=["- Như trên;", "- UBND tỉnh (để b/c);", "- Giám đốc Sở."])


# -- scope and attached texts (issue 9, "Scope and misses"): documents built their own way ---------
def _saved(doc) -> bytes:
    for attr in ("created", "modified", "last_printed"):
        setattr(doc.core_properties, attr, _FIXED)
    doc.core_properties.author = doc.core_properties.last_modified_by = "Văn thư"
    doc.core_properties.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _new_doc(s: Spec):
    global _SHAPE_ID
    _SHAPE_ID = iter(range(100, 10_000))
    doc = docx.Document()
    _page(doc, s)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


@doc("thong-tu-quy-pham", "A Thông tư of a ministry (“Số: 12/2024/TT-BYT”: number, year, ký hiệu): "
     "a legal-normative document, whose format the law on legal documents sets, not Decree 30 "
     "(Đ.1). One finding says so; its căn cứ ending “;”… and its articles are not judged by PL I.",
     expected=[{"rule": "pham_vi.quy_pham",
                "reason": "số/năm/ký hiệu and the type Thông tư: outside Decree 30 (Đ.1, Đ.7)"}])
def _thong_tu() -> bytes:
    s = Spec(parent="", body_name="BỘ Y TẾ", so="Số: 12/2024/TT-BYT", v_v=None,
             place_date="Hà Nội, ngày 15 tháng 8 năm 2024", noi_nhan=[
                 "- Văn phòng Chính phủ;", "- Cục Kiểm tra văn bản QPPL (Bộ Tư pháp);",
                 "- Lưu: VT, PC."], signer=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"], name="Trần Văn Thuấn")
    d = _new_doc(s)
    _header(d, s)
    para(d, "THÔNG TƯ", size=14, bold=True, align=CENTER, before=12)
    para(d, "Quy định danh mục bệnh truyền nhiễm phải khai báo", size=14, bold=True, align=CENTER)
    line_shape(para(d, "", size=6, align=CENTER), 40)
    # The form of the law on legal documents: the last căn cứ ends with ";" and an enacting line
    # follows ("Bộ trưởng … ban hành Thông tư …"), not Decree 30's "." and "QUYẾT ĐỊNH:".
    for line in ("Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;",
                 "Căn cứ Nghị định số 95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ;",
                 "Theo đề nghị của Cục trưởng Cục Y tế dự phòng;"):
        para(d, line, size=14, italic=True, indent=1.27, after=6)
    para(d, "Bộ trưởng Bộ Y tế ban hành Thông tư quy định danh mục bệnh truyền nhiễm phải khai "
            "báo.", size=14, italic=True, indent=1.27, after=6)
    para(d, "", size=14, indent=1.27, after=6, runs=[
        ("Điều 1. Phạm vi điều chỉnh", {"bold": True})])
    para(d, "Thông tư này quy định danh mục bệnh truyền nhiễm phải khai báo.", indent=1.27,
         after=6)
    para(d, "", size=14, indent=1.27, after=6, runs=[("Điều 2. Hiệu lực thi hành",
                                                       {"bold": True})])
    para(d, "Thông tư này có hiệu lực từ ngày 01 tháng 10 năm 2024./.", indent=1.27, after=6)
    _signature(d, s)
    return _saved(d)


@doc("don-de-nghi-khong-nd30", "A citizen's petition (“ĐƠN ĐỀ NGHỊ”) typed in Word: no Quốc hiệu, "
     "no number, no tên loại of Art. 7, left-aligned Arial. Not a Decree 30 document: one finding "
     "says so instead of twenty about its header and body.",
     expected=[{"rule": "pham_vi.khong_phai_nd30",
                "reason": "no Quốc hiệu, no Số, no tên loại: Decree 30 does not govern it"}])
def _don() -> bytes:
    d = _new_doc(Spec())
    for text, bold, align in (("ĐƠN ĐỀ NGHỊ", True, CENTER),
                              ("Về việc cấp lại giấy chứng nhận", False, CENTER),
                              ("Kính gửi: Ủy ban nhân dân phường Suối Hoa", False, LEFT),
                              ("Tôi tên là Phạm Thị Lan, sinh năm 1985, thường trú tại phường Suối "
                               "Hoa, thành phố Bắc Ninh.", False, LEFT),
                              ("Tôi làm đơn này đề nghị Ủy ban nhân dân phường cấp lại giấy chứng "
                               "nhận đã bị mất.", False, LEFT),
                              ("Xin trân trọng cảm ơn.", False, LEFT),
                              ("Người làm đơn", True, WD_ALIGN_PARAGRAPH.RIGHT),
                              ("Phạm Thị Lan", False, WD_ALIGN_PARAGRAPH.RIGHT)):
        p = para(d, text, size=11, bold=bold, align=align, after=4)
        _set_font(p, "Arial")
    return _saved(d)


_QUY_DINH = [
    ("Chương I", "center"), ("QUY ĐỊNH CHUNG", "center"),
    ("Điều 1. Phạm vi điều chỉnh", "dieu"),
    ("Quy định này quy định việc cử cán bộ đi công tác trong nước của Sở Y tế.", "text"),
    ("Điều 2. Đối tượng áp dụng", "dieu"),
    ("Quy định này áp dụng đối với công chức, viên chức của Sở Y tế.", "text"),
    ("Chương II", "center"), ("QUY ĐỊNH CỤ THỂ", "center"),
    ("Điều 3. Thủ tục cử cán bộ", "dieu"),
    ("Trưởng phòng đề xuất, Giám đốc Sở quyết định cử cán bộ đi công tác./.", "text"),
]


def _with_quy_dinh(chuong_ii: str) -> bytes:
    """A quyết định (mẫu 1.3) and, after its signature on a new page, the Quy định it issues: its
    own header (ô 1, ô 2, no number or date), “QUY ĐỊNH”, the title, “(Kèm theo Quyết định …)”, the
    rule, then chapters and articles; pages numbered at the top centre from page 2. `chuong_ii`
    aligns the “Chương II” line."""
    s = _dieu_1()
    s = Spec(so=s.so, v_v=None, ten_loai=("QUYẾT ĐỊNH", "Ban hành Quy định cử cán bộ đi công tác"),
             can_cu=s.can_cu, dieu=[
                 _dieu(1, "Ban hành kèm theo Quyết định này Quy định cử cán bộ đi công tác."),
                 _dieu(2, "Quyết định này có hiệu lực kể từ ngày ký."),
                 _dieu(3, "Chánh Văn phòng Sở và các đơn vị chịu trách nhiệm thi hành Quyết định "
                          "này./.")], noi_nhan=s.noi_nhan, signer=s.signer)
    d = _new_doc(s)
    _header(d, s)
    _quyet_dinh(d, s)
    _signature(d, s)
    brk = para(d, "", size=14)
    brk.add_run().add_break(WD_BREAK.PAGE)
    t = table(d, 1, (62.0, 103.0))
    para(cell(t, 0, 0), s.parent, size=13, align=CENTER)
    name = para(cell(t, 0, 0), s.body_name, size=13, bold=True, align=CENTER)
    _rule_after(cell(t, 0, 0), name, 22, "shape")
    para(cell(t, 0, 1), s.quoc_hieu, size=13, bold=True, align=CENTER)
    tn = para(cell(t, 0, 1), s.tieu_ngu, size=14, bold=True, align=CENTER)
    _rule_after(cell(t, 0, 1), tn, 68, "shape")
    para(d, "QUY ĐỊNH", size=14, bold=True, align=CENTER, before=12)
    para(d, "Cử cán bộ đi công tác", size=14, bold=True, align=CENTER)
    para(d, "(Kèm theo Quyết định số 45/QĐ-SYT ngày 05 tháng 3 năm 2025 của Giám đốc Sở Y tế)",
         size=14, italic=True, align=CENTER)
    line_shape(para(d, "", size=6, align=CENTER), 40)
    for text, how in _QUY_DINH:
        if how == "center":
            align = LEFT if text == "Chương II" and chuong_ii == "left" else CENTER
            para(d, text, size=14, bold=True, align=align, before=6, after=6)
        elif how == "dieu":
            para(d, "", size=14, indent=1.27, after=6, runs=[(text, {"bold": True})])
        else:
            para(d, text, indent=1.27, after=6)
    _page_numbers(d, Spec(numbered=True))  # two pages: numbered at the top centre from page 2
    return _saved(d)


@doc("quyet-dinh-quy-dinh-kem-theo", "A quyết định (mẫu 1.3) with the Quy định it issues attached "
     "after the signature, as PL III prints it: own header without number or date, “(Kèm theo "
     "Quyết định …)”, chapters centred with their titles on the next line, articles numbered from "
     "1 (decree30.md §3.6, Structure A). Clean.")
def _kem_theo() -> bytes:
    return _with_quy_dinh("center")


@doc("quyet-dinh-quy-dinh-chuong-lech", "The same quyết định and attached Quy định, but the "
     "attached text's “Chương II” line is left-aligned: PL I §II.6.đ wants it centred.",
     expected=[{"rule": "chuong_muc.can_giua", "at": "^Chương II$",
                "reason": "the attached Quy định's “Chương II” is left-aligned; the decree wants "
                          "the Chương line centred (PL I §II.6.đ)"}])
def _chuong_lech() -> bytes:
    return _with_quy_dinh("left")


def sidecar(name: str) -> dict:
    entry = DOCS[name]
    out = {"about": entry["about"], "built_by": "scripts/build_corpus.py (python-docx, not "
                                                "congvan)",
           "expected": entry["expected"], "accepted": entry["accepted"]}
    if entry["today"]:
        out["today"] = entry["today"]
    return out


def outputs() -> dict[str, bytes]:
    """Return every corpus file this script writes: name → bytes."""
    out: dict[str, bytes] = {}
    for name, entry in DOCS.items():
        made = entry["spec"]()  # a Spec, or the bytes of a document built its own way
        out[f"{name}.docx"] = made if isinstance(made, bytes) else build(made)
        text = json.dumps(sidecar(name), ensure_ascii=False, indent=2) + "\n"
        out[f"{name}.json"] = text.encode()
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in outputs().items():
        (OUT / name).write_bytes(data)
        print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
