"""Issue 9: the checker's false alarms in the header block and the signer's name.

Each document is built by hand with python-docx (not congvan's renderer), in the layouts the
decree's own samples (Phuluc3) and Word users use: rules typed as underscores, rules drawn as shapes
anchored in another paragraph, a header table split over rows, the ô 7c note between the signer's
title and name, a long front matter and a second document in the same file.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt

from congvan.checker import check

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN = "Độc lập - Tự do - Hạnh phúc"
BODY = ("Thực hiện Kế hoạch số 18/KH-UBND ngày 20 tháng 01 năm 2025 của Ủy ban nhân dân tỉnh, "
        "Sở Y tế đề nghị các đơn vị triển khai tiêm chủng mở rộng năm 2025./.")
_EMU_INCH = 914400


def _line(para, text: str, *, size: float = 13, bold: bool = False, italic: bool = False,
          align=CENTER, superscript: str = "") -> None:
    para.alignment = align
    run = para.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    if superscript:
        mark = para.add_run(superscript)
        mark.font.name = "Times New Roman"
        mark.font.size = Pt(size)
        mark.font.superscript = True


def _shape(para, x_inch: float | None = None) -> None:
    """Anchor a drawn line in `para`, `x_inch` right of the column's left edge (None: aligned
    nowhere, no position)."""
    pos = (f'<wp:positionH relativeFrom="column"><wp:posOffset>{int(x_inch * _EMU_INCH)}'
           f"</wp:posOffset></wp:positionH>" if x_inch is not None else
           '<wp:positionH relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionH>')
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>{pos}'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-120000</wp:posOffset>'
        '</wp:positionV><wp:extent cx="900000" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="1" name="Line"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="900000" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    para._p.append(parse_xml(xml))


def _cell(cell, lines) -> None:
    """Fill `cell` with `lines`: (text, options) pairs; text "" with shape=... draws a shape."""
    first = True
    for text, opts in lines:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        opts = dict(opts)
        shape = opts.pop("shape", "none")
        if text:
            _line(para, text, **opts)
        else:
            para.alignment = CENTER
        if shape != "none":
            _shape(para, shape)


def _body(doc, after_header: list[tuple[str, dict]] | None = None) -> None:
    for text, opts in after_header or [("Kính gửi: Trung tâm Y tế các huyện", {"size": 14})]:
        _line(doc.add_paragraph(), text, **opts)
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(28.35)
    p.paragraph_format.space_after = Pt(6)
    _line(p, BODY, size=14, align=JUSTIFY)


def _signature(doc, sign: list[tuple[str, dict]] | None = None) -> None:
    table = doc.add_table(rows=1, cols=2)
    _cell(table.cell(0, 0), [("Nơi nhận:", {"size": 12, "bold": True, "italic": True,
                                            "align": None}),
                             ("- Như trên;", {"size": 11, "align": None}),
                             ("- Lưu: VT, NVY.", {"size": 11, "align": None})])
    _cell(table.cell(0, 1), sign or [("KT. GIÁM ĐỐC", {"size": 14, "bold": True}),
                                     ("PHÓ GIÁM ĐỐC", {"size": 14, "bold": True}),
                                     ("Nguyễn Văn An", {"size": 14, "bold": True})])


def _doc(left, right, *, after_header=None, sign=None, rows=None):
    """A công văn whose header table holds `left` and `right` (row 1), then `rows` (more rows)."""
    doc = docx.Document()
    all_rows = [(left, right), *(rows or [])]
    table = doc.add_table(rows=len(all_rows), cols=2)
    for r, (lc, rc) in enumerate(all_rows):
        _cell(table.cell(r, 0), lc)
        _cell(table.cell(r, 1), rc)
    _body(doc, after_header)
    _signature(doc, sign)
    return doc


def _findings(doc) -> list:
    buf = io.BytesIO()
    doc.save(buf)
    return check(buf.getvalue())


def _rules(doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in _findings(doc):
        out.setdefault(f.rule, []).append(f.location.excerpt)
    return out


B13 = {"size": 13, "bold": True}
LEFT = [("UBND TỈNH BẮC NINH", {"size": 13}), ("SỞ Y TẾ", B13)]
SO = ("Số: 215/SYT-NVY", {"size": 13})
VV = ("V/v triển khai tiêm chủng mở rộng năm 2025", {"size": 12})
NGAY = ("Bắc Ninh, ngày 05 tháng 3 năm 2025", {"size": 14, "italic": True})
RIGHT_TOP = [(QH, B13), (TN, {"size": 14, "bold": True})]
HEADER_RULES = ("co_quan.duong_ke", "co_quan.kieu_chu", "co_quan.in_hoa", "tieu_ngu.duong_ke",
                "tieu_ngu.thieu", "trich_yeu_cong_van.thieu")


def _header_alarms(doc) -> dict[str, list[str]]:
    return {k: v for k, v in _rules(doc).items() if k in HEADER_RULES}


# -- 1. rules typed as underscores or dashes -------------------------------------------------------

def test_underscore_rules_under_the_issuer_and_the_motto_are_rules():
    doc = _doc([*LEFT, ("________", {"size": 13}), SO, VV],
               [*RIGHT_TOP, ("________________________", {"size": 13}), NGAY])
    assert _header_alarms(doc) == {}


def test_dash_and_box_drawing_rules_are_rules():
    doc = _doc([*LEFT, ("- - - - - - - -", {"size": 13}), SO, VV],
               [*RIGHT_TOP, ("────────────────", {"size": 13}), NGAY])
    assert _header_alarms(doc) == {}


def test_an_underscore_rule_on_the_next_line_of_the_same_paragraph():
    doc = _doc([*LEFT[:1], ("SỞ Y TẾ\n________", B13), SO, VV],
               [(QH, B13), (TN + "\n________________", {"size": 14, "bold": True}), NGAY])
    assert _header_alarms(doc) == {}


def test_without_any_rule_both_are_still_reported():
    rules = _header_alarms(_doc([*LEFT, SO, VV], [*RIGHT_TOP, NGAY]))
    assert set(rules) == {"co_quan.duong_ke", "tieu_ngu.duong_ke"}
    assert rules["co_quan.duong_ke"] == ["SỞ Y TẾ"]


def test_a_text_line_under_the_issuer_is_still_judged():
    """Only a line made of rule characters is a rule: a real name line stays a line."""
    rules = _rules(_doc([*LEFT, ("PHÒNG NGHIỆP VỤ", {"size": 13}), ("________", {}), SO, VV],
                        [*RIGHT_TOP, ("____________", {}), NGAY]))
    assert rules.get("co_quan.kieu_chu") == ["PHÒNG NGHIỆP VỤ"]


# -- 2. rules drawn as shapes anchored in another paragraph ----------------------------------------

def test_shapes_anchored_in_the_so_and_date_lines_are_the_rules():
    so, ngay = (SO[0], {**SO[1], "shape": 0.5}), (NGAY[0], {**NGAY[1], "shape": 0.5})
    assert _header_alarms(_doc([*LEFT, so, VV], [*RIGHT_TOP, ngay])) == {}


def test_a_shape_in_the_left_column_is_not_the_mottos_rule():
    so = (SO[0], {**SO[1], "shape": 0.5})
    rules = _header_alarms(_doc([*LEFT, so, VV], [*RIGHT_TOP, NGAY]))
    assert set(rules) == {"tieu_ngu.duong_ke"}


def _paragraph_header(left_x: float | None, right_x: float | None):
    """A header typed as paragraphs with tabs; the shapes are anchored in the Số/date line."""
    doc = docx.Document()
    for left, right, opts in (("UBND TỈNH BẮC NINH", QH, B13), ("SỞ Y TẾ", TN, B13)):
        p = doc.add_paragraph()
        _line(p, left, **opts, align=None)
        _line(p, "\t" + right, **opts, align=None)
    p = doc.add_paragraph()
    _line(p, SO[0] + "\t" + NGAY[0], size=13, align=None)
    for x in (left_x, right_x):
        if x is not None:
            _shape(p, x)
    _line(doc.add_paragraph(), VV[0], size=12, align=None)
    _body(doc)
    _signature(doc)
    return doc


def test_paragraph_layout_shapes_go_by_their_horizontal_position():
    assert _header_alarms(_paragraph_header(0.3, 4.0)) == {}
    assert set(_header_alarms(_paragraph_header(0.3, None))) == {"tieu_ngu.duong_ke"}
    assert set(_header_alarms(_paragraph_header(None, 4.0))) == {"co_quan.duong_ke"}


# -- 3. header parts in the next table rows --------------------------------------------------------

def test_header_parts_in_the_next_rows():
    doc = _doc([LEFT[0]], [RIGHT_TOP[0]],
               rows=[([LEFT[1], ("", {"shape": None}), SO],
                      [RIGHT_TOP[1], ("", {"shape": None}), NGAY]),
                     ([VV], [("", {})])])
    assert _header_alarms(doc) == {}


# -- 4. the trích yếu ends at its rule -------------------------------------------------------------

def _decision(after_title: list[tuple[str, dict]]):
    doc = _doc([*LEFT, ("________", {}), ("Số: 12/QĐ-SYT", {"size": 13})],
               [*RIGHT_TOP, ("________________", {}), NGAY],
               after_header=[("QUYẾT ĐỊNH", {"size": 14, "bold": True}), *after_title])
    return {k: v for k, v in _rules(doc).items() if k.startswith("trich_yeu")}


def test_the_trich_yeu_is_the_lines_between_the_type_name_and_its_rule():
    assert _decision([("Về việc cử công chức đi công tác", {"size": 14, "bold": True}),
                      ("__________", {"size": 14}),
                      ("Sở Y tế trân trọng giới thiệu:", {"size": 14})]) == {}


def test_a_rule_right_under_the_type_name_means_no_trich_yeu():
    """Mẫu 1.8 (giấy giới thiệu): the line after the rule opens the body."""
    assert _decision([("__________", {"size": 11}),
                      ("Sở Y tế trân trọng giới thiệu:", {"size": 14})]) == {}


def test_a_trich_yeu_without_its_rule_is_still_reported():
    rules = _decision([("Về việc cử công chức đi công tác", {"size": 14, "bold": True})])
    assert set(rules) == {"trich_yeu.duong_ke"}


# -- 5. the ô 7c note between the signer's title and name ------------------------------------------

def _signed(name_bold: bool):
    return _doc([*LEFT, ("________", {}), SO, VV], [*RIGHT_TOP, ("____________", {}), NGAY],
                sign=[("KT. GIÁM ĐỐC", {"size": 14, "bold": True}),
                      ("PHÓ GIÁM ĐỐC", {"size": 14, "bold": True}),
                      ("(Chữ ký của người có thẩm quyền,", {"size": 14, "italic": True}),
                      ("dấu/chữ ký số của cơ quan, tổ chức)", {"size": 14, "italic": True}),
                      ("Nguyễn Văn An", {"size": 14, "bold": name_bold})])


def test_the_signature_note_is_not_the_signers_name():
    assert "ho_ten.kieu_chu" not in _rules(_signed(True))
    assert _rules(_signed(False)).get("ho_ten.kieu_chu") == ["Nguyễn Văn An"]


def test_a_superscript_note_mark_is_not_judged_for_weight():
    """The decree's samples mark placeholders with superscript numbers: “TÊN CƠ QUAN, TỔ CHỨC²”."""
    left = [LEFT[0], ("TÊN CƠ QUAN, TỔ CHỨC", {**B13, "superscript": "2"}), ("________", {}),
            SO, VV]
    assert _header_alarms(_doc(left, [*RIGHT_TOP, ("____________", {}), NGAY])) == {}


# -- 6. a long front matter, a second document -----------------------------------------------------

def _two_documents(front: int):
    doc = docx.Document()
    for n in range(front):
        _line(doc.add_paragraph(), f"Trang bìa, dòng {n + 1}", size=14, align=None)
    one = _doc([*LEFT, ("________", {}), SO, VV], [*RIGHT_TOP, ("____________", {}), NGAY])
    two = _doc([LEFT[0], ("SỞ TÀI CHÍNH", {"size": 10}), SO, VV], [*RIGHT_TOP, NGAY])
    _line(two.add_paragraph(), "Địa chỉ: 1 Lý Thái Tổ; ĐT: 0222 3822 111; E-mail: stc@x.vn",
          size=14)
    for part in (one, two):
        for el in list(part.element.body):
            if not el.tag.endswith("sectPr"):
                doc.element.body.insert(len(doc.element.body) - 1, el)
    return doc


def test_a_long_front_matter_does_not_hide_the_quoc_hieu():
    rules = _rules(_two_documents(80))
    assert "quoc_hieu.thieu" not in rules and "tieu_ngu.thieu" not in rules
    assert not {k for k in rules if k.startswith("co_quan")}


def test_a_second_document_is_not_the_first_ones_address_block():
    rules = _rules(_two_documents(0))
    assert not {k for k in rules if k.startswith(("dia_chi", "co_quan"))}


def _name_below(title: str, rows: int):
    """The signature table as the decree's mẫu 1.6–1.8 draw it: the name `rows` rows below."""
    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    _cell(table.cell(0, 0), [*LEFT, ("________", {}), SO, VV])
    _cell(table.cell(0, 1), [*RIGHT_TOP, ("____________", {}), NGAY])
    _body(doc)
    sig = doc.add_table(rows=1 + rows, cols=2)
    _cell(sig.cell(0, 0), [("Nơi nhận:", {"size": 12, "bold": True, "italic": True})])
    _cell(sig.cell(0, 1), [(title, {"size": 14, "bold": True})])
    _cell(sig.cell(1, 0), [("- Như trên;", {"size": 11}), ("- Lưu: VT, NVY.", {"size": 11})])
    _cell(sig.cell(rows, 1), [("Nguyễn Văn An", {"size": 14})])  # not bold: ho_ten.kieu_chu
    return doc


def test_the_signers_name_in_a_row_below_is_judged():
    for title in ("KT. GIÁM ĐỐC", "GIÁM ĐỐC"):
        for rows in (1, 3):
            assert _rules(_name_below(title, rows)).get("ho_ten.kieu_chu") == ["Nguyễn Văn An"]
