"""Write tests/fixtures/corpus/heldout-*.docx: a HELD-OUT set of checker fixtures (issue 9).

The checker was tuned on the documents of scripts/build_corpus.py; these were written afterwards, by
someone who did not read the checker's code, to measure it honestly. Each is typed the way an office
types it in Word (python-docx, never congvan's renderer): a Giấy mời, a Thông báo kết luận, a Kế
hoạch with a bordered table and I./1./a) headings, a Báo cáo sent upward in Word's own styles
(Heading 1, List Paragraph, Normal (Web)) over two pages numbered from page 2, a Tờ trình, a công
văn of a Bộ with a three-column header table and merged cells signed "TL.", công văn signed "TUQ."
and "Q.", one marked KHẨN, one formatted only through a template's named styles, Quyết định signed
"TM. / KT. / PHÓ CHỦ TỊCH" with line spacing 1.15, exactly 18 pt or 1.5. About a third are clean as
the decree prescribes; the others carry one to three mistakes a văn thư would object to.

Each sidecar's ``expected`` is read from the decree (shared/decree30.md, the official appendices),
never from the checker's output; ``today`` records where today's checker disagrees. The sidecar
format and the small Word-habit helpers are scripts/build_corpus.py's. Deterministic: run
``python scripts/build_corpus_heldout.py`` and commit the diff.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_corpus as bc

OUT = bc.OUT
CENTER, JUSTIFY, LEFT = bc.CENTER, bc.JUSTIFY, bc.LEFT
para, line_shape = bc.para, bc.line_shape

DOCS: dict[str, dict] = {}


def doc(name: str, about: str, *, expected: list[dict] | None = None,
        accepted: list[dict] | None = None, today: str | None = None):
    """Register a held-out document (see build_corpus.doc); `name` gets the "heldout-" prefix."""
    def register(fn: Callable[[], bytes]) -> Callable[[], bytes]:
        DOCS[f"heldout-{name}"] = {"make": fn, "about": about, "expected": expected or [],
                                   "accepted": accepted or [], "today": today}
        return fn
    return register


# -- Word habits not in build_corpus
def new_doc(*, top: float = 20, bottom: float = 20, left: float = 30, right: float = 15):
    bc._SHAPE_ID = iter(range(100, 10_000))  # shape ids restart per document: repeatable build
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(top), Mm(bottom)
    sec.left_margin, sec.right_margin = Mm(left), Mm(right)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    bc._fonts(d.styles["Normal"], 14)
    d.styles["Normal"].paragraph_format.space_after = Pt(0)
    body = d.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return d


def spacing(p, how) -> None:
    """Line spacing as the clerk set it: a multiple (1.15) or "exact18" (Exactly 18 pt)."""
    fmt = p.paragraph_format
    if how == "exact18":
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(18)
    else:
        fmt.line_spacing = how


def body_para(d, text="", *, runs=None, size=14, ls=1.0, bold=False, italic=False, after=6,
              indent=1.27, style=None):
    p = para(d, text, size=size, bold=bold, italic=italic, indent=indent, after=after, runs=runs)
    if style:
        p.style = d.styles[style]
    spacing(p, ls)
    return p


def table_n(d, widths_mm: tuple[float, ...], rows: int = 1):
    """A borderless table of len(widths_mm) columns (Insert ▸ Table, borders removed)."""
    t = d.add_table(rows=rows, cols=len(widths_mm))
    t.autofit = False
    bc.no_borders(t)
    for old in t._tbl.tblPr.findall(qn("w:tblW")):  # python-docx's "auto" width: ours replaces it
        t._tbl.tblPr.remove(old)
    t._tbl.tblPr.append(parse_xml(
        f'<w:tblW {nsdecls("w")} w:w="{round(sum(widths_mm) * 1440 / 25.4)}" w:type="dxa"/>'))
    t._tbl.tblPr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>'))
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(w * 1440 / 25.4)))
    for row in t.rows:
        for c, w in zip(row.cells, widths_mm, strict=True):
            c.width = Mm(w)
            c.paragraphs[0]._p.getparent().remove(c.paragraphs[0]._p)
    return t


def header(d, *, parent: str | None, body_name: list[str], so: str, place_date: str,
           v_v: str | None = None, qh: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           qh_size: float = 13, qh_bold: bool = True, tn: str = "Độc lập - Tự do - Hạnh phúc",
           v_v_size: float = 12, v_v_bold: bool = False, widths=(65.0, 100.0),
           rule_width: float = 25, date_italic: bool = True) -> None:
    """The header in a borderless two-column table, one row (the common Word form)."""
    t = table_n(d, widths)
    left, right = t.rows[0].cells
    if parent:
        para(left, parent, size=13, align=CENTER)
    for line in body_name:
        para(left, line, size=13, bold=True, align=CENTER)
    line_shape(para(left, "", size=6, align=CENTER), rule_width)
    para(left, so, size=13, align=CENTER, before=4)
    if v_v:
        para(left, v_v, size=v_v_size, bold=v_v_bold, align=CENTER, before=6)
    para(right, qh, size=qh_size, bold=qh_bold, align=CENTER)
    para(right, tn, size=qh_size + 1, bold=True, align=CENTER)
    line_shape(para(right, "", size=6, align=CENTER), 62 if qh_size == 13 else 57)
    para(right, place_date, size=14, italic=date_italic, align=CENTER, before=4)


def title(d, ten_loai: str, trich_yeu: list[str], *, bold_trich_yeu: bool = True,
          rule: bool = True) -> None:
    para(d, ten_loai, size=14, bold=True, align=CENTER, before=18)
    for line in trich_yeu:
        para(d, line, size=14, bold=bold_trich_yeu, align=CENTER)
    if rule:
        line_shape(para(d, "", size=6, align=CENTER), 35)
    para(d, "", size=8)


def signature(d, noi_nhan: list[str], signer: list[str], name: str, *,
              name_bold: bool = True, nn_size: float = 11, widths=(80.0, 85.0)) -> None:
    """Nơi nhận and the signature side by side in a borderless table (mẫu 1.4/1.5)."""
    para(d, "", size=8)
    t = table_n(d, widths)
    left, right = t.rows[0].cells
    para(left, "", align=LEFT, runs=[("Nơi nhận:", {"bold": True, "italic": True, "size": 12})])
    for line in noi_nhan:
        para(left, line, size=nn_size, align=LEFT)
    for line in signer:
        para(right, line, size=14, bold=True, align=CENTER)
    for _ in range(4):
        para(right, "", size=14, align=CENTER)
    para(right, name, size=14, bold=name_bold, align=CENTER)


def page_numbers(d, *, first_page: bool = False) -> None:
    """Insert ▸ Page Number ▸ Top of page, centred, "Different First Page" ticked (titlePg), or
    not ticked when `first_page` (the number then prints on page 1 too)."""
    sec = d.sections[0]
    sec.different_first_page_header_footer = not first_page
    p = sec.header.paragraphs[0]
    p.alignment = CENTER
    bc._page_field(p, size=14)


def word_styles(d, *, retune_heading: bool = True) -> None:
    """Word's styles as a clerk uses them. Heading 1 retuned (Modify Style: Times New Roman 14 bold,
    black, first line 1.27 cm, 6 pt before and after) unless `retune_heading` is False (Word's own:
    the theme's heading font, blue, 24 pt before). List Paragraph set to Times New Roman 14 (its
    left indent of 1.27 cm and "don't add space between paragraphs of the same style" kept, as
    Word ships it). "Normal (Web)": the style a paragraph pasted from a web page brings (Word's:
    12 pt, auto spacing before and after)."""
    if retune_heading:
        h1 = d.styles["Heading 1"]
        rpr = h1.element.get_or_add_rPr()
        for old in rpr.findall(qn("w:rFonts")):
            rpr.remove(old)
        bc._fonts(h1, 14)
        h1.font.bold, h1.font.italic = True, False
        h1.font.color.rgb = RGBColor(0, 0, 0)
        fmt = h1.paragraph_format
        fmt.space_before, fmt.space_after = Pt(6), Pt(6)
        fmt.first_line_indent = Cm(1.27)
        fmt.alignment = JUSTIFY
    bc._fonts(d.styles["List Paragraph"], 14)
    web = d.styles.add_style("Normal (Web)", WD_STYLE_TYPE.PARAGRAPH)
    web.base_style = d.styles["Normal"]
    web.font.size = Pt(12)
    web.element.get_or_add_pPr().append(parse_xml(
        f'<w:spacing {nsdecls("w")} w:before="100" w:beforeAutospacing="1" w:after="100" '
        'w:afterAutospacing="1"/>'))


def saved(d) -> bytes:
    return bc._saved(d)


# -- 1. Giấy mời (mẫu 1.7), clean
@doc("giay-moi", "A Giấy mời of a Sở (mẫu 1.7): GIẤY MỜI, its subject and rule; “Sở … trân trọng "
     "kính mời:”, Chủ trì / Thời gian / Địa điểm lines, ends “./.”; KT. GIÁM ĐỐC. Clean.")
def _giay_moi() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH QUẢNG TRỊ", body_name=["SỞ TÀI CHÍNH"], so="Số: 14/GM-STC",
           place_date="Quảng Trị, ngày 08 tháng 4 năm 2025")
    title(d, "GIẤY MỜI", ["Họp triển khai công tác quyết toán ngân sách năm 2024"])
    for runs in (
        [("Sở Tài chính trân trọng kính mời: Đại diện lãnh đạo Phòng Kinh tế các xã, phường trên "
          "địa bàn tỉnh.", {})],
        [("Tới dự cuộc họp triển khai công tác quyết toán ngân sách địa phương năm 2024 và một số "
          "nhiệm vụ trọng tâm quý II năm 2025.", {})],
        [("Chủ trì: ", {}), ("Ông Lê Đức Thịnh, Phó Giám đốc Sở Tài chính.", {})],
        [("Thời gian: ", {}), ("08 giờ 00 phút, thứ Ba, ngày 15 tháng 4 năm 2025.", {})],
        [("Địa điểm: ", {}), ("Hội trường tầng 3, Sở Tài chính, số 18 đường Hùng Vương, phường "
                              "Đông Hà.", {})],
        [("Đề nghị các đại biểu mang theo số liệu quyết toán năm 2024 của đơn vị; đơn vị nào "
          "không cử được đại biểu báo về Phòng Quản lý ngân sách (điện thoại 0233.3852.417) trước "
          "ngày 14 tháng 4 năm 2025./.", {})],
    ):
        body_para(d, runs=runs)
    signature(d, ["- Như thành phần mời;", "- Giám đốc Sở (để b/c);",
                  "- Lưu: VT, QLNS."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Lê Đức Thịnh")
    return saved(d)


# -- 2. Quyết định of a provincial People's Committee, clean
_QD_CAN_CU = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn "
    "thư;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 112/TTr-SNV ngày 02 tháng 6 năm 2025.",
]


def _quyet_dinh(*, ls, qh: str, last_can_cu_end: str) -> bytes:
    d = new_doc(top=20, bottom=20, left=30, right=20)
    header(d, parent=None, body_name=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
           so="Số: 1287/QĐ-UBND", place_date="Quảng Trị, ngày 10 tháng 6 năm 2025", qh=qh)
    title(d, "QUYẾT ĐỊNH", ["Về việc công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa”",
                            "năm 2025"])
    para(d, "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", size=14, bold=True, align=CENTER, after=6)
    can_cu = list(_QD_CAN_CU)
    can_cu[-1] = can_cu[-1][:-1] + last_can_cu_end
    for line in can_cu:
        body_para(d, line, italic=True, ls=ls)
    para(d, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER, before=6, after=6)
    articles = [
        ("Điều 1. Công nhận danh hiệu", "Công nhận danh hiệu “Cơ quan đạt chuẩn văn hóa” năm 2025 "
         "cho 12 cơ quan, đơn vị có tên trong danh sách kèm theo Quyết định này."),
        ("Điều 2. Hiệu lực thi hành", "Quyết định này có hiệu lực kể từ ngày ký."),
        ("Điều 3. Tổ chức thực hiện", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, "
         "Giám đốc Sở Văn hóa, Thể thao và Du lịch và thủ trưởng các cơ quan, đơn vị có tên tại "
         "Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    ]
    for head, text in articles:
        body_para(d, head, bold=True, ls=ls)
        body_para(d, text, ls=ls)
    signature(d, ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Hoàng Nam Khánh")
    return saved(d)


@doc("quyet-dinh-ubnd", "A Quyết định of a provincial People's Committee (mẫu 1.2): the issuer's "
     "name on two bold lines, no parent; authority line, căn cứ in italic (the last one, a "
     "“Theo đề "
     "nghị …” line, ends with “.”), “QUYẾT ĐỊNH:”, titled articles with the whole title line bold, "
     "indented 1.27 cm, line spacing 1.15, 6 pt after; TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ "
     "CHỦ "
     "TỊCH; Nơi nhận “- Như Điều 3;”. Clean.")
def _qd_clean() -> bytes:
    return _quyet_dinh(ls=1.15, qh="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", last_can_cu_end=".")


@doc("quyet-dinh-loi", "The same Quyết định typed with line spacing Exactly 18 pt, but the Quốc "
     "hiệu typed in sentence case (“Cộng hòa xã hội chủ nghĩa Việt Nam”) and the last căn cứ "
     "ending "
     "with “,” (the habit of the old Circular 01).",
     expected=[{"rule": "quoc_hieu.kieu_chu",
                "reason": "PL I §II.1.a: the Quốc hiệu is written in upper case; its words are "
                          "right, only the case is wrong"},
               {"rule": "can_cu.dau_cau",
                "reason": "PL I §II.6.a (decree30.md §3.6): each căn cứ ends with “;”, the last "
                          "with “.” — here “,” (Circular 01's form, replaced by Decree 30)"}],
     accepted=[{"rule": "quoc_hieu.van_ban",
                "reason": "the letters are the Quốc hiệu's but not its prescribed upper-case "
                          "text: a checker may call that misspelt rather than mis-styled; both "
                          "name "
                          "the same fault"}])
def _qd_loi() -> bytes:
    return _quyet_dinh(ls="exact18", qh="Cộng hòa xã hội chủ nghĩa Việt Nam", last_can_cu_end=",")


# -- 3. Báo cáo sent upward, in Word styles, two pages numbered from page 2
_BC_TEXT = (
    "Năm 2024, Sở Nông nghiệp và Phát triển nông thôn đã tham mưu Ủy ban nhân dân tỉnh ban hành "
    "18 văn bản "
    "chỉ đạo, điều hành; tổ chức 42 lớp tập huấn chuyển giao kỹ thuật cho 2.650 lượt nông dân; "
    "phối hợp với các xã, phường kiểm tra 315 cơ sở sản xuất, kinh doanh vật tư nông nghiệp.")


def _bao_cao(*, default_headings: bool = False) -> bytes:
    """`default_headings`: Word's own Heading 1, the "- " lines as ordinary paragraphs, and the
    page number shown on page 1 too (Different First Page not ticked)."""
    d = new_doc(top=25, bottom=20, left=30, right=15)
    word_styles(d, retune_heading=not default_headings)
    header(d, parent="UBND TỈNH THANH HÓA", body_name=["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"],
           so="Số: 236/BC-SNNPTNT", place_date="Thanh Hóa, ngày 20 tháng 12 năm 2024",
           rule_width=22)
    title(d, "BÁO CÁO", ["Kết quả thực hiện nhiệm vụ năm 2024 và",
                         "phương hướng, nhiệm vụ năm 2025"])
    para(d, "Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa", size=14, align=CENTER, after=12)
    body_para(d, "Thực hiện Công văn số 8815/UBND-THKH ngày 02 tháng 12 năm 2024 của Ủy ban nhân "
                 "dân tỉnh về việc báo cáo kết quả năm 2024, Sở Nông nghiệp và Phát triển nông "
                 "thôn báo cáo "
                 "như sau:", ls=1.15)
    sections = [
        ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", [
            ("1. Công tác chỉ đạo, điều hành", [_BC_TEXT]),
            ("2. Kết quả sản xuất nông nghiệp", [
                "Tổng diện tích gieo trồng cả năm đạt 412.800 ha, bằng 100,4% kế hoạch; sản lượng "
                "lương thực đạt 1,52 triệu tấn; giá trị sản xuất trên một héc-ta đất canh tác đạt "
                "112 triệu đồng, tăng 4,6% so với năm 2023."]),
        ]),
        ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", [
            ("1. Tồn tại, hạn chế", [
                "- Tiến độ cấp mã số vùng trồng cho cây ăn quả xuất khẩu còn chậm;",
                "- Công tác thu gom bao gói thuốc bảo vệ thực vật sau sử dụng ở một số xã chưa "
                "thường xuyên."]),
            ("2. Nguyên nhân", [
                "Thời tiết diễn biến bất thường, bão số 3 gây thiệt hại lớn cho sản xuất; nguồn "
                "lực đầu tư cho nông nghiệp còn hạn chế."]),
        ]),
        ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", [
            ("1. Mục tiêu", [
                "Phấn đấu tốc độ tăng trưởng giá trị sản xuất nông nghiệp đạt 3,5%; tỷ lệ xã đạt "
                "chuẩn nông thôn mới nâng cao đạt 45%."]),
            ("2. Nhiệm vụ, giải pháp chủ yếu", [
                "- Tập trung chỉ đạo sản xuất vụ Đông Xuân 2024 - 2025 đúng khung thời vụ;",
                "- Đẩy mạnh chuyển đổi số trong quản lý giống cây trồng, vật nuôi;",
                "- Tăng cường kiểm tra, xử lý vi phạm trong lĩnh vực vật tư nông nghiệp."]),
        ]),
        ("IV. ĐỀ XUẤT, KIẾN NGHỊ", [
            ("", ["Đề nghị Ủy ban nhân dân tỉnh bố trí 25 tỷ đồng từ nguồn dự phòng ngân sách "
                  "tỉnh để khôi phục sản xuất sau bão số 3.",
                  "Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2024 và phương hướng, nhiệm "
                  "vụ năm 2025 của Sở Nông nghiệp và Phát triển nông thôn, kính báo cáo Ủy ban "
                  "nhân dân "
                  "tỉnh xem xét, chỉ đạo./."]),
        ]),
    ]
    for n, (head, parts) in enumerate(sections):
        d.add_paragraph(head, style="Heading 1")
        for khoan, texts in parts:
            if khoan:
                body_para(d, khoan, bold=True, ls=1.15)
            for i, text in enumerate(texts):
                if text.startswith("- ") and not default_headings:
                    body_para(d, text, ls=1.15, style="List Paragraph")
                elif n == 0 and khoan.startswith("2."):
                    # pasted from the Sở's web page: "Normal (Web)", its 12 pt overridden to 14
                    p = d.add_paragraph(style="Normal (Web)")
                    p.alignment = JUSTIFY
                    p.paragraph_format.first_line_indent = Cm(1.27)
                    bc.add_run(p, text, size=14)
                else:
                    body_para(d, text, ls=1.15)
                    if n == 0 and i == 0:
                        for extra in range(3):  # the report's long first section
                            body_para(d, _BC_TEXT.replace("Năm 2024", "Trong quý "
                                                          f"{['I', 'II', 'III'][extra]}"),
                                      ls=1.15)
    signature(d, ["- Như trên;", "- Bộ Nông nghiệp và PTNT (để b/c);", "- Giám đốc, các "
                  "PGĐ Sở;", "- Lưu: VT, KHTC."], ["GIÁM ĐỐC"], "Trịnh Văn Hoàn")
    page_numbers(d, first_page=default_headings)
    return saved(d)


@doc("bao-cao-styles", "A Báo cáo of a Sở sent upward with “Kính gửi:” (mẫu 1.4), typed in Word's "
     "styles: Mục headings “I. …” in Heading 1 (modified to Times New Roman 14 bold black), one "
     "paragraph pasted from the web in “Normal (Web)” (Word's auto spacing, 12 pt overridden to 14 "
     "on the runs); line spacing 1.15; two pages, the page number centred in the header from page "
     "2 (Different First Page). The “- …” lines are in Word's List Paragraph as it ships: its own "
     "left indent of 1.27 cm adds to the paragraphs' first-line 1.27 cm (the dash prints 2.54 "
     "cm in) "
     "and “don't add space between paragraphs of the same style” takes away the 6 pt between them: "
     "two true slips (first written as clean; the checker saw them, the person had not).",
     expected=[{"rule": "noi_dung.thut_dau_dong", "at": "^- ",
                "reason": "PL I §II.6.e: the first line is indented 1 cm or 1.27 cm; the "
                          "List Paragraph lines start 2.54 cm in (style indent + first line)"},
               {"rule": "noi_dung.khoang_cach_doan", "at": "^- ",
                "reason": "PL I §II.6.e: at least 6 pt between paragraphs; List Paragraph's "
                          "contextual spacing prints 0 pt between the “- …” lines"}])
def _bc() -> bytes:
    return _bao_cao()


@doc("bao-cao-heading-loi", "The same Báo cáo, but the clerk applied Word's own Heading 1 to "
     "the “I. …” headings without modifying it (the theme's heading font, blue), and did not tick "
     "Different First Page, so the page number prints on page 1 too. The “- …” lines are ordinary "
     "paragraphs here.",
     expected=[{"rule": "phong_chu.times_new_roman",
                "reason": "PL I §I.4: Times New Roman throughout; the Heading 1 lines are in the "
                          "theme's heading font"},
               {"rule": "phong_chu.mau_den",
                "reason": "PL I §I.4: black text; Word's Heading 1 is blue (365F91)"},
               {"rule": "so_trang.trang_dau",
                "reason": "PL I §I.7: the first page shows no number; without Different First "
                          "Page the header's PAGE field prints “1” on page 1"}],
     accepted=[{"rule": "noi_dung.thut_dau_dong", "at": "^(I|II|III|IV)\\. ",
                "reason": "debatable: Word's Heading 1 has no first-line indent; the decree sets "
                          "no alignment for a Mục heading of structure B (decree30.md §3.6), "
                          "practice indents it like the body"},
               {"rule": "noi_dung.can_deu", "at": "^(I|II|III|IV)\\. ",
                "reason": "debatable: Word's Heading 1 is left-aligned; a one-line heading looks "
                          "the same justified or not"},
               {"rule": "noi_dung.khoang_cach_doan",
                "reason": "true but not this case's point: Word's Heading 1 has 0 pt after and "
                          "the paragraph under it 0 pt before, so 0 pt between them (PL I "
                          "§II.6.e); the checker may name either paragraph"}])
def _bc_heading() -> bytes:
    return _bao_cao(default_headings=True)


def plan_sections(d, sections) -> None:
    """Structure B (decree30.md §3.6): "I. TITLE" bold, "1. Title" bold, then the text lines."""
    for head, parts in sections:
        body_para(d, head, bold=True)
        for khoan, texts in parts:
            body_para(d, khoan, bold=True)
            for text in texts:
                body_para(d, text)


def grid_table(d, rows, widths_mm) -> None:
    """A bordered table (Word's "Table Grid"), centred, 13 pt, the header row bold."""
    t = d.add_table(rows=len(rows), cols=len(widths_mm))
    t.style = d.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(w * 1440 / 25.4)))
    for r, values in enumerate(rows):
        for c, (value, w) in enumerate(zip(values, widths_mm, strict=True)):
            cl = t.rows[r].cells[c]
            cl.width = Mm(w)
            cl.paragraphs[0]._p.getparent().remove(cl.paragraphs[0]._p)
            para(cl, value, size=13, bold=r == 0, align=CENTER if c != 1 or r == 0 else LEFT,
                 before=3, after=3)


# -- 4. Kế hoạch with a bordered table
@doc("ke-hoach-bang", "A Kế hoạch of a commune People's Committee (no parent line): I./1./a) "
     "headings (structure B), a bordered table of tasks in 13 pt, two pages numbered from page 2, "
     "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH. Clean.",
     accepted=[{"rule": "noi_dung.mot_co_chu",
                "reason": "debatable: the table's cells are 13 pt in a 14 pt text; PL I §II.6.e "
                          "asks one size for the text, and offices commonly set tables a point "
                          "smaller — a văn thư would not insist"}])
def _ke_hoach() -> bytes:
    d = new_doc(top=20, bottom=20, left=30, right=15)
    header(d, parent=None, body_name=["ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"], so="Số: 27/KH-UBND",
           place_date="Tân Hưng, ngày 03 tháng 02 năm 2025", rule_width=22)
    title(d, "KẾ HOẠCH", ["Tổ chức Tết trồng cây “Đời đời nhớ ơn Bác Hồ”", "Xuân Ất Tỵ năm 2025"])
    sections = [
        ("I. MỤC ĐÍCH, YÊU CẦU", [
            ("1. Mục đích", ["Phát động phong trào trồng cây xanh trong toàn xã, góp phần bảo "
                             "vệ môi "
                             "trường, phòng, chống thiên tai và tạo cảnh quan xanh, sạch, đẹp."]),
            ("2. Yêu cầu", ["a) Tổ chức trang trọng, thiết thực, tiết kiệm, tránh hình thức;",
                            "b) Cây trồng phải phù hợp với quy hoạch và được chăm sóc sau khi "
                            "trồng."]),
        ]),
        ("II. NỘI DUNG, THỜI GIAN", [
            ("1. Lễ phát động", ["Thời gian: 07 giờ 30 phút, ngày 10 tháng 02 năm 2025 (ngày 13 "
                                 "tháng Giêng năm Ất Tỵ). Địa điểm: khuôn viên Trường Trung học "
                                 "cơ sở Tân Hưng."]),
            ("2. Phân công nhiệm vụ", ["Các nhiệm vụ cụ thể như sau:"]),
        ]),
    ]
    plan_sections(d, sections)
    rows = [("TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian"),
            ("1", "Chuẩn bị địa điểm, cây giống", "Phòng Kinh tế", "Trước 08/02/2025"),
            ("2", "Tuyên truyền trên hệ thống loa truyền thanh", "Văn phòng HĐND và UBND",
             "Từ 03/02/2025"),
            ("3", "Huy động đoàn viên, hội viên tham gia", "Đoàn Thanh niên, Hội Cựu chiến binh",
             "10/02/2025"),
            ("4", "Chăm sóc, bảo vệ cây sau khi trồng", "Các thôn", "Cả năm 2025")]
    grid_table(d, rows, (12, 68, 50, 35))
    para(d, "", size=6)
    more = [
        ("III. TỔ CHỨC THỰC HIỆN", [
            ("1. Phòng Kinh tế", ["Chủ trì, phối hợp với các thôn chuẩn bị cây giống, vật tư; "
                                  "tổng hợp kết quả báo cáo Ủy ban nhân dân xã trước ngày 28 tháng "
                                  "02 năm 2025."] + [  # the plan's long middle: onto page 2
                "Trong quá trình thực hiện, các thôn phân công người theo dõi, tưới nước và thay "
                "thế cây chết; kịp thời báo cáo khó khăn, vướng mắc về Ủy ban nhân dân xã để chỉ "
                "đạo."] * 4),
            ("2. Các thôn", ["Vận động Nhân dân tham gia trồng và chăm sóc cây; nhận bàn giao và "
                             "bảo vệ cây trồng trên địa bàn./."]),
        ]),
    ]
    plan_sections(d, more)
    signature(d, ["- Thường trực Đảng ủy xã;", "- Thường trực HĐND xã;", "- Các thôn;",
                  "- Lưu: VT, KT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Bùi Thị Ngọc Lan")
    page_numbers(d)
    return saved(d)


# -- 5. Công văn of a Bộ: three-column header with merged cells, TL. signature
@doc("cong-van-bo-tl", "A công văn of a Bộ (BỘ NỘI VỤ, no parent line; Quốc hiệu 12 pt with the "
     "Tiêu ngữ 13 pt), the header in a three-column table (a narrow empty middle column; the V/v "
     "row's right cells merged); “Kính gửi:” with three recipients under it as mẫu 1.5 draws them; "
     "signed by a department head by order of the minister: TL. BỘ TRƯỞNG / CỤC TRƯỞNG CỤC VĂN THƯ "
     "VÀ LƯU TRỮ NHÀ NƯỚC. Clean.")
def _cong_van_bo() -> bytes:
    d = new_doc(top=20, bottom=20, left=30, right=20)
    t = table_n(d, (62.0, 2.0, 96.0), rows=2)
    left, middle, right = t.rows[0].cells
    para(middle, "", size=12)
    para(left, "BỘ NỘI VỤ", size=12, bold=True, align=CENTER)
    line_shape(para(left, "", size=6, align=CENTER), 12)
    para(left, "Số: 3187/BNV-VTLTNN", size=13, align=CENTER, before=4)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=CENTER)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=CENTER)
    line_shape(para(right, "", size=6, align=CENTER), 57)
    para(right, "", size=12)
    para(right, "Hà Nội, ngày 17 tháng 3 năm 2025", size=13, italic=True, align=CENTER, before=4)
    for c in t.rows[1].cells[1:]:
        para(c, "", size=12)
    merged = t.rows[1].cells[1].merge(t.rows[1].cells[2])
    for p in merged.paragraphs[1:]:  # merging keeps each cell's (empty) paragraph: keep one
        p._p.getparent().remove(p._p)
    para(t.rows[1].cells[0], "V/v hướng dẫn chỉnh lý tài liệu", size=12, align=CENTER, before=6)
    para(t.rows[1].cells[0], "tồn đọng năm 2025", size=12, align=CENTER)
    para(d, "", size=12)
    k = para(d, "Kính gửi:", size=14, align=LEFT, before=6)
    k.paragraph_format.left_indent = Cm(4.0)
    for line in ("- Sở Nội vụ các tỉnh, thành phố trực thuộc Trung ương;",
                 "- Văn phòng các bộ, cơ quan ngang bộ;", "- Trung tâm Lưu trữ quốc gia I."):
        p = para(d, line, size=14, align=LEFT)
        p.paragraph_format.left_indent = Cm(5.9)
    para(d, "", size=8)
    for text in (
        "Thực hiện Kế hoạch công tác năm 2025, Bộ Nội vụ đề nghị các cơ quan, đơn vị rà soát "
        "khối lượng tài liệu tồn đọng, tích đống; xây dựng kế hoạch chỉnh lý "
        "và bố trí kinh phí thực hiện theo quy định.",
        "Việc chỉnh lý thực hiện theo Thông tư số 16/2023/TT-BNV ngày 15 tháng 11 năm 2023 của Bộ "
        "trưởng Bộ Nội vụ; kết quả gửi về Bộ Nội vụ (qua Cục Văn thư và Lưu trữ nhà nước) trước "
        "ngày 30 tháng 9 năm 2025 để tổng hợp, báo cáo Bộ trưởng./.",
    ):
        body_para(d, text, ls=1.15)
    signature(d, ["- Như trên;", "- Bộ trưởng (để b/c);", "- Lưu: VT, VTLTNN."],
              ["TL. BỘ TRƯỞNG", "CỤC TRƯỞNG", "CỤC VĂN THƯ VÀ LƯU TRỮ", "NHÀ NƯỚC"],
              "Đặng Thanh Tùng")
    return saved(d)


# -- 6. Tờ trình with three mistakes
@doc("to-trinh-loi", "A Tờ trình of a Sở to the provincial People's Committee with “Kính gửi:”; "
     "three mistakes: the Tiêu ngữ typed without its hyphens, the number “5” without its leading "
     "zero, the date typed “ngày 5/3/2025”.",
     expected=[{"rule": "tieu_ngu.van_ban",
                "reason": "PL I §II.1.b: the Tiêu ngữ is “Độc lập - Tự do - Hạnh phúc”, the words "
                          "joined by hyphens; here they are missing"},
               {"rule": "so_ky_hieu.so_0_dau",
                "reason": "PL I §II.3.c (decree30.md §3.3): numbers below 10 get a leading zero "
                          "(“05”); here “Số: 5/TTr-SNV”"},
               {"rule": "dia_danh_thoi_gian.dinh_dang",
                "reason": "PL I §II.4.b: the date is written “ngày 05 tháng 3 năm 2025”, not "
                          "“ngày 5/3/2025”"}],
     accepted=[{"rule": "dia_danh_thoi_gian.so_0_dau",
                "reason": "the day 5 also lacks its leading zero: the same slip seen twice"}])
def _to_trinh() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH NINH BÌNH", body_name=["SỞ NỘI VỤ"], so="Số: 5/TTr-SNV",
           place_date="Ninh Bình, ngày 5/3/2025", tn="Độc lập Tự do Hạnh phúc")
    title(d, "TỜ TRÌNH", ["Về việc đề nghị phê duyệt Kế hoạch tuyển dụng", "công chức năm 2025"])
    para(d, "Kính gửi: Ủy ban nhân dân tỉnh Ninh Bình", size=14, align=CENTER, after=12)
    for text in (
        "Căn cứ Nghị định số 138/2020/NĐ-CP ngày 27 tháng 11 năm 2020 của Chính phủ quy định về "
        "tuyển dụng, sử dụng và quản lý công chức, Sở Nội vụ kính trình Ủy ban nhân dân tỉnh phê "
        "duyệt Kế hoạch tuyển dụng công chức năm 2025 như sau:",
        "1. Số lượng chỉ tiêu tuyển dụng: 86 chỉ tiêu, trong đó cấp tỉnh 34 chỉ tiêu, cấp xã 52 "
        "chỉ "
        "tiêu.",
        "2. Hình thức tuyển dụng: thi tuyển, gồm hai vòng theo quy định.",
        "3. Thời gian tổ chức: dự kiến trong tháng 5 năm 2025.",
        "Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt./.",
    ):
        body_para(d, text)
    signature(d, ["- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, CCVC."],
              ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Vũ Thị Thu Hà")
    return saved(d)


# -- 7. Thông báo kết luận with two mistakes
@doc("thong-bao-ket-luan-loi", "A Thông báo kết luận of a provincial People's Committee's office "
     "(VĂN PHÒNG under UBND TỈNH), signed KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG; two mistakes: "
     "the trích yếu under THÔNG BÁO is not bold, and the Nơi nhận has no “- Lưu: VT, …” line.",
     expected=[{"rule": "trich_yeu.kieu_chu",
                "reason": "PL I §II.5.b: the trích yếu under the tên loại is upright and bold; "
                          "here it is regular"},
               {"rule": "noi_nhan.luu_vt",
                "reason": "PL I §II.9.d: the last line of Nơi nhận is “- Lưu: VT, …”; here the "
                          "list ends with a recipient"}],
     accepted=[{"rule": "noi_nhan.dau_cau",
                "reason": "with no Lưu line the last recipient ends with “.”: a checker may also "
                          "say the last line's punctuation is wrong for a Lưu line"}])
def _thong_bao() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH LÂM ĐỒNG", body_name=["VĂN PHÒNG"], so="Số: 96/TB-VP",
           place_date="Lâm Đồng, ngày 22 tháng 7 năm 2025", rule_width=18)
    title(d, "THÔNG BÁO", ["Kết luận của Phó Chủ tịch Ủy ban nhân dân tỉnh Trần Hồng Thái",
                           "tại cuộc họp về tiến độ giải ngân vốn đầu tư công"],
          bold_trich_yeu=False)
    for runs in (
        [("Ngày 18 tháng 7 năm 2025, Phó Chủ tịch Ủy ban nhân dân tỉnh Trần Hồng Thái chủ trì "
          "cuộc họp về tiến độ giải ngân vốn đầu tư công 6 tháng đầu năm 2025. Sau khi nghe Sở Tài "
          "chính báo cáo và ý kiến các đại biểu, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như "
          "sau:", {})],
        [("1. ", {}), ("Tỷ lệ giải ngân đến ngày 30 tháng 6 năm 2025 đạt 31,2% kế hoạch, thấp hơn "
                       "mức bình quân cả nước; các chủ đầu tư phải khẩn trương hoàn thiện hồ sơ "
                       "thanh toán khối lượng đã thực hiện.", {})],
        [("2. ", {}), ("Giao Sở Tài chính tổng hợp, đề xuất điều chuyển vốn của các dự án chậm "
                       "giải ngân, trình Ủy ban nhân dân tỉnh trước ngày 05 tháng 8 năm 2025.",
                       {})],
        [("Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực "
          "hiện./.", {})],
    ):
        body_para(d, runs=runs)
    signature(d, ["- Chủ tịch, các PCT UBND tỉnh;", "- Sở Tài chính;",
                  "- Các chủ đầu tư có tên trong danh sách."],
              ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], "Phạm Quốc Bảo")
    return saved(d)


# -- 8. Công văn signed TUQ., body 12 pt, name not bold
@doc("cong-van-tuq-loi", "A công văn of a Sở signed “TUQ. GIÁM ĐỐC / TRƯỞNG PHÒNG …”; two "
     "mistakes: the body typed in 12 pt, the signer's name not bold.",
     expected=[{"rule": "noi_dung.co_chu",
                "reason": "PL I §II.6.e: the body text is 13–14 pt; here 12 pt"},
               {"rule": "ho_ten.kieu_chu",
                "reason": "PL I §II.7.đ: the signer's full name is upright and bold; here "
                          "regular"}])
def _cong_van_tuq() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH ĐỒNG THÁP", body_name=["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
           so="Số: 1042/SGDĐT-TCCB", place_date="Đồng Tháp, ngày 14 tháng 8 năm 2025",
           v_v="V/v rà soát hồ sơ nâng lương năm 2025", rule_width=30)
    para(d, "Kính gửi: Hiệu trưởng các trường trung học phổ thông", size=14, align=CENTER,
         before=12, after=12)
    for text in (
        "Để chuẩn bị xét nâng bậc lương thường xuyên, nâng bậc lương trước thời hạn năm 2025, Sở "
        "Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường rà soát hồ sơ của viên chức, người lao "
        "động đủ điều kiện, lập danh sách theo mẫu gửi kèm.",
        "Hồ sơ gửi về Sở (qua Phòng Tổ chức cán bộ) trước ngày 05 tháng 9 năm 2025; bản điện tử "
        "gửi qua hệ thống quản lý văn bản và điều hành. Sau thời hạn trên, đơn vị nào không gửi "
        "hồ sơ thì Sở không xem xét trong đợt này./.",
    ):
        body_para(d, text, size=12)
    signature(d, ["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, TCCB."],
              ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG", "TỔ CHỨC CÁN BỘ"], "Nguyễn Hữu Phước",
              name_bold=False)
    return saved(d)


# -- 9. Công văn of a People's Committee: three mistakes
@doc("cong-van-ubnd-loi", "A công văn of a provincial People's Committee signed TM. ỦY BAN NHÂN "
     "DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; three mistakes: the day typed “ngày 7” without its "
     "leading zero, “Kính gửi” without its colon, the Nơi nhận list typed in 12 pt.",
     expected=[{"rule": "dia_danh_thoi_gian.so_0_dau",
                "reason": "PL I §II.4.b: a day below 10 gets a leading zero (“ngày 07”)"},
               {"rule": "kinh_gui.dau_hai_cham",
                "reason": "PL I §II.9.d: “Kính gửi” is followed by a colon"},
               {"rule": "noi_nhan.co_chu",
                "reason": "PL I §II.9.d: the Nơi nhận entries are 11 pt; here 12 pt"}])
def _cong_van_ubnd() -> bytes:
    d = new_doc()
    header(d, parent=None, body_name=["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"],
           so="Số: 2561/UBND-KT", place_date="An Giang, ngày 7 tháng 10 năm 2025",
           v_v="V/v tăng cường phòng, chống sạt lở bờ sông", rule_width=22)
    para(d, "Kính gửi Ủy ban nhân dân các xã, phường ven sông", size=14, align=CENTER,
         before=12, after=12)
    for text in (
        "Thời gian gần đây, tình trạng sạt lở bờ sông Hậu, sông Tiền diễn biến phức tạp, đe dọa an "
        "toàn tính mạng và tài sản của Nhân dân. Ủy ban nhân dân tỉnh yêu cầu Chủ tịch Ủy ban nhân "
        "dân các xã, phường ven sông thực hiện ngay các việc sau:",
        "1. Rà soát, cắm biển cảnh báo tại các khu vực có nguy cơ sạt lở cao; bố trí lực lượng "
        "thường trực 24/24 giờ trong mùa mưa lũ.",
        "2. Di dời khẩn cấp các hộ dân trong vùng nguy hiểm đến nơi an toàn; báo cáo kết quả về Sở "
        "Nông nghiệp và Môi trường trước ngày 20 tháng 10 năm 2025 để tổng hợp./.",
    ):
        body_para(d, text, ls=1.15)
    signature(d, ["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;",
                  "- Sở Nông nghiệp và Môi trường;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn Phước",
              nn_size=12)
    return saved(d)


# -- 10. Công văn marked KHẨN, rules as paragraph borders, Q. signature
def bottom_rule(cell_, width_mm: float, column_mm: float) -> None:
    """Draw a rule as the bottom border (Borders ▸ Bottom Border) of a small empty paragraph under
    the text, narrowed to `width_mm` by equal left and right indents: a common Word way to get a
    short centred rule."""
    p = para(cell_, "", size=2, align=CENTER)
    side = (column_mm - width_mm) / 2
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(side)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr>'))


@doc("cong-van-khan", "A công văn of a provincial board (parent UBND TỈNH BẮC NINH) marked KHẨN: "
     "the mark bold 13 pt, bright red, in a single-bordered box about 20 mm wide under the V/v "
     "(ô 10b, PL I §III.2.b); the header rules drawn as bottom borders of the issuing body's and "
     "the Tiêu ngữ's paragraphs narrowed by indents; body paragraphs indented by pressing Tab (the "
     "default tab stop is 1.27 cm) with 6 pt before instead of after; signed “Q. TRƯỞNG BAN”. "
     "Clean.",
     accepted=[{"rule": "noi_dung.thut_dau_dong",
                "reason": "debatable: the first line prints 1.27 cm in (a Tab at Word's default "
                          "1.27 cm stop), but the paragraph's own indent is 0; a văn thư looking "
                          "at the page would not object, one looking at Paragraph ▸ Indentation "
                          "might"}])
def _cong_van_khan() -> bytes:
    d = new_doc()
    t = table_n(d, (65.0, 100.0))
    left, right = t.rows[0].cells
    para(left, "UBND TỈNH BẮC NINH", size=13, align=CENTER)
    para(left, "BAN QUẢN LÝ", size=13, bold=True, align=CENTER)
    para(left, "CÁC KHU CÔNG NGHIỆP", size=13, bold=True, align=CENTER)
    bottom_rule(left, 22, 65)
    para(left, "Số: 09/BQL-QLDN", size=13, align=CENTER, before=8)
    para(left, "V/v báo cáo tình hình lao động", size=12, align=CENTER, before=6)
    para(left, "dịp trước và sau Tết Nguyên đán", size=12, align=CENTER)
    khan = para(left, "", align=CENTER, before=6, runs=[("KHẨN", {"bold": True, "size": 13})])
    khan.runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    khan.paragraph_format.left_indent = khan.paragraph_format.right_indent = Mm(22)
    khan._p.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}>' + "".join(
            f'<w:{side} w:val="single" w:sz="8" w:space="1" w:color="FF0000"/>'
            for side in ("top", "left", "bottom", "right")) + "</w:pBdr>"))
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True, align=CENTER)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, align=CENTER)
    bottom_rule(right, 64, 100)
    para(right, "Bắc Ninh, ngày 06 tháng 01 năm 2026", size=14, italic=True, align=CENTER,
         before=8)
    para(d, "Kính gửi: Các doanh nghiệp trong các khu công nghiệp", size=14, align=CENTER,
         before=12, after=6)
    for text in (
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh về bảo đảm việc làm, đời sống của người lao "
        "động dịp Tết Nguyên đán Bính Ngọ năm 2026, Ban Quản lý các khu công nghiệp đề nghị các "
        "doanh nghiệp báo cáo số lao động đang làm việc, số lao động dự kiến nghỉ Tết, tiền "
        "lương và tiền thưởng Tết bình quân năm 2025.",
        "Báo cáo gửi về Ban (qua Phòng Quản lý doanh nghiệp, thư điện tử "
        "qldn.bqlkcn@bacninh.gov.vn) trước 16 giờ 00 phút ngày 09 tháng 01 năm 2026. Đây là nội "
        "dung khẩn, đề nghị các doanh nghiệp khẩn trương thực hiện./.",
    ):
        p = para(d, "\t" + text, size=14, before=6)
        spacing(p, 1.0)
    signature(d, ["- Như trên;", "- UBND tỉnh (để b/c);", "- Sở Nội vụ;", "- Lưu: VT, QLDN."],
              ["Q. TRƯỞNG BAN"], "Ngô Minh Quân")
    return saved(d)


# -- 11. An individual Quyết định of a Sở: an article deleted and not renumbered
@doc("quyet-dinh-ca-nhan-loi", "An individual Quyết định of a Sở (mẫu 1.2) signed by the Giám "
     "đốc himself, only “Điều N.” bold as the samples print it, line spacing 1.5; two mistakes: an "
     "article was deleted and the rest not renumbered (Điều 1, 2, 4), and the paragraphs have no "
     "space between them (Normal's 0 pt before and after).",
     expected=[{"rule": "dieu.danh_so",
                "reason": "PL I §II.6.đ: articles are numbered in sequence from 1; here Điều 4 "
                          "follows Điều 2"},
               {"rule": "noi_dung.khoang_cach_doan",
                "reason": "PL I §II.6.e: at least 6 pt between paragraphs; here 0 pt"}],
     accepted=[{"rule": "dieu.dinh_dang",
                "reason": "the decree's samples mẫu 1.2–1.4 print only “Điều 1.” bold in an "
                          "individual decision while PL I §II.6.đ asks the whole line bold: both "
                          "readings are defensible (issue 9)"}])
def _qd_ca_nhan() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH HÀ TĨNH", body_name=["SỞ Y TẾ"], so="Số: 318/QĐ-SYT",
           place_date="Hà Tĩnh, ngày 25 tháng 9 năm 2025")
    title(d, "QUYẾT ĐỊNH", ["Về việc nâng bậc lương trước thời hạn"])
    para(d, "GIÁM ĐỐC SỞ Y TẾ", size=14, bold=True, align=CENTER, after=6)
    for line in ("Căn cứ Nghị định số 204/2004/NĐ-CP ngày 14 tháng 12 năm 2004 của Chính phủ về "
                 "chế độ tiền lương đối với cán bộ, công chức, viên chức và lực lượng vũ trang;",
                 "Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 12 tháng 3 năm 2025 của Ủy ban nhân "
                 "dân "
                 "tỉnh quy định phân cấp quản lý cán bộ, công chức, viên chức;",
                 "Theo đề nghị của Trưởng phòng Tổ chức cán bộ."):
        body_para(d, line, italic=True, ls=1.5, after=0)
    para(d, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER)
    for n, text in ((1, "Nâng bậc lương trước thời hạn 12 tháng cho bà Đinh Thị Mai Hương, chuyên "
                        "viên Phòng Nghiệp vụ Dược, từ bậc 4, hệ số 3,33 lên bậc 5, hệ số 3,66, "
                        "thời gian hưởng kể từ ngày 01 tháng 10 năm 2025."),
                    (2, "Quyết định này có hiệu lực kể từ ngày ký."),
                    (4, "Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ, Trưởng phòng Nghiệp vụ "
                        "Dược và bà Đinh Thị Mai Hương chịu trách nhiệm thi hành Quyết định "
                        "này./.")):
        body_para(d, runs=[(f"Điều {n}. ", {"bold": True}), (text, {})], ls=1.5, after=0)
    signature(d, ["- Như Điều 4;", "- Lưu: VT, TCCB."], ["GIÁM ĐỐC"], "Trần Thị Thanh Bình")
    return saved(d)


# -- 12. A công văn formatted only through the office template's styles
def pstyle(d, name: str, *, size: float, bold=False, italic=False, caps=False, align=CENTER,
           indent=None, after=0.0, before=0.0, line=1.0):
    """A paragraph style of an office's template (Times New Roman, the decree's sizes)."""
    st = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = d.styles["Normal"]
    bc._fonts(st, size)
    st.font.bold, st.font.italic, st.font.all_caps = bold, italic, caps
    fmt = st.paragraph_format
    fmt.alignment, fmt.space_after, fmt.space_before, fmt.line_spacing = align, Pt(after), \
        Pt(before), line
    if indent is not None:
        fmt.first_line_indent = Cm(indent)
    return st


def styled(container, style: str, text: str = ""):
    p = container.add_paragraph(style=style)
    if text:
        p.add_run(text)
    return p


@doc("cong-van-template-styles", "A công văn of a district-level unit typed on its office's "
     "template: no direct formatting, every paragraph takes its look from a named style (“Co "
     "quan”, "
     "“Quoc hieu”, “So ky hieu”, “Noi dung” …). The Quốc hiệu is typed in lower case and shown "
     "upper "
     "case by the style's All caps; the Quốc hiệu and the Tiêu ngữ share one paragraph, split by a "
     "Shift+Enter, the Tiêu ngữ's run 14 pt with All caps off. Clean as printed.")
def _template_styles() -> bytes:
    d = new_doc()
    normal = d.styles["Normal"]
    normal.paragraph_format.alignment = JUSTIFY
    pstyle(d, "Chu quan", size=13)
    pstyle(d, "Co quan", size=13, bold=True)
    pstyle(d, "Quoc hieu", size=13, bold=True, caps=True)
    pstyle(d, "So ky hieu", size=13, before=6)
    pstyle(d, "Trich yeu CV", size=12, before=6)
    pstyle(d, "Dia danh", size=14, italic=True, before=6)
    pstyle(d, "Kinh gui", size=14, before=12, after=12)
    pstyle(d, "Noi dung", size=14, align=JUSTIFY, indent=1.0, after=6, line=1.15)
    pstyle(d, "Noi nhan nhan", size=12, bold=True, italic=True, align=LEFT)
    pstyle(d, "Noi nhan", size=11, align=LEFT)
    pstyle(d, "Chuc vu", size=14, bold=True)
    pstyle(d, "Ho ten", size=14, bold=True)
    t = table_n(d, (65.0, 100.0))
    left, right = t.rows[0].cells
    styled(left, "Chu quan", "UBND TP. HẢI PHÒNG")
    styled(left, "Co quan", "BAN QUẢN LÝ DỰ ÁN")
    styled(left, "Co quan", "ĐẦU TƯ XÂY DỰNG")
    styled(left, "Co quan", "CÔNG TRÌNH GIAO THÔNG")
    line_shape(styled(left, "Chu quan"), 25)
    styled(left, "So ky hieu", "Số: 87/BQLDA-KH")
    styled(left, "Trich yeu CV", "V/v đề nghị bàn giao mặt bằng thi công")
    qh = styled(right, "Quoc hieu")
    qh.add_run("Cộng hòa xã hội chủ nghĩa Việt Nam")
    qh.runs[0].add_break(WD_BREAK.LINE)
    tn = qh.add_run("Độc lập - Tự do - Hạnh phúc")
    tn.font.size, tn.font.all_caps = Pt(14), False
    line_shape(styled(right, "Chu quan"), 62)
    styled(right, "Dia danh", "Hải Phòng, ngày 12 tháng 5 năm 2025")
    styled(d, "Kinh gui", "Kính gửi: Ủy ban nhân dân phường Hồng Bàng")
    for text in (
        "Thực hiện dự án cải tạo, nâng cấp tuyến đường Hoàng Văn Thụ, Ban Quản lý dự án đầu tư "
        "xây dựng công trình giao thông đề nghị Ủy ban nhân dân phường Hồng Bàng bàn giao mặt "
        "bằng đoạn từ nút giao Điện Biên Phủ đến nút giao Tam Bạc (dài 620 m) trước ngày 30 tháng "
        "5 năm 2025 để nhà thầu triển khai thi công.",
        "Ban Quản lý dự án rất mong nhận được sự phối hợp của Ủy ban nhân dân phường./.",
    ):
        styled(d, "Noi dung", text)
    para(d, "", size=8)
    sig = table_n(d, (80.0, 85.0))
    nl, nr = sig.rows[0].cells
    styled(nl, "Noi nhan nhan", "Nơi nhận:")
    for line in ("- Như trên;", "- Sở Xây dựng (để b/c);", "- Lưu: VT, KH."):
        styled(nl, "Noi nhan", line)
    styled(nr, "Chuc vu", "GIÁM ĐỐC")
    for _ in range(4):
        styled(nr, "Ho ten")
    styled(nr, "Ho ten", "Phạm Văn Cường")
    return saved(d)


# -- 13. A Thông báo with the signature typed by indents, not a table
@doc("thong-bao-lech-loi", "A Thông báo of a school typed without a signature table: the signer's "
     "lines centred by a 9 cm left indent, Nơi nhận below them at the margin. Three mistakes: the "
     "tên loại “THÔNG BÁO” typed in 16 pt, the date not italic, “Nơi nhận:” neither bold nor "
     "italic. Quốc hiệu spelt “HOÀ” (the older accent placement).",
     expected=[{"rule": "ten_loai.co_chu",
                "reason": "PL I §II.5.b: the tên loại is 13–14 pt; here 16 pt"},
               {"rule": "dia_danh_thoi_gian.kieu_chu",
                "reason": "PL I §II.4.c: place and date are italic; here upright"},
               {"rule": "noi_nhan.nhan_kieu_chu",
                "reason": "PL I §II.9.d: “Nơi nhận:” is bold italic 12 pt; here regular"}],
     accepted=[{"rule": "quoc_hieu.van_ban", "severity": "canh_bao",
                "reason": "“HOÀ” for “HÒA”: Decree 30 prints “HÒA”, but its own Appendix I table "
                          "and mẫu 1.6 write “HOÀ” (issue 9): a warning at most"}])
def _thong_bao_lech() -> bytes:
    d = new_doc()
    header(d, parent="SỞ GD&ĐT TỈNH NGHỆ AN", body_name=["TRƯỜNG THPT", "NGHI LỘC 2"],
           so="Số: 42/TB-THPTNL2", place_date="Nghi Lộc, ngày 16 tháng 9 năm 2025",
           qh="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", rule_width=18, date_italic=False)
    para(d, "THÔNG BÁO", size=16, bold=True, align=CENTER, before=18)
    para(d, "Lịch họp phụ huynh học sinh đầu năm học 2025 - 2026", size=14, bold=True,
         align=CENTER)
    line_shape(para(d, "", size=6, align=CENTER), 35)
    para(d, "", size=8)
    for text in (
        "Nhà trường thông báo lịch họp phụ huynh học sinh đầu năm học 2025 - 2026 như sau:",
        "1. Thời gian: 14 giờ 00 phút, Chủ nhật, ngày 21 tháng 9 năm 2025.",
        "2. Địa điểm: tại các phòng học của lớp.",
        "3. Nội dung: thông báo kết quả học tập năm học trước, kế hoạch năm học 2025 - 2026 và "
        "bầu Ban đại diện cha mẹ học sinh lớp.",
        "Đề nghị giáo viên chủ nhiệm gửi giấy mời đến phụ huynh học sinh trước ngày 19 tháng 9 "
        "năm 2025./.",
    ):
        body_para(d, text)
    para(d, "", size=8)
    for line in ("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"):
        p = para(d, line, size=14, bold=True, align=CENTER)
        p.paragraph_format.left_indent = Cm(8.5)
    for _ in range(4):
        para(d, "", size=14)
    p = para(d, "Hồ Sỹ Nguyên", size=14, bold=True, align=CENTER)
    p.paragraph_format.left_indent = Cm(8.5)
    para(d, "Nơi nhận:", size=12, align=LEFT)
    for line in ("- Giáo viên chủ nhiệm các lớp;", "- Đăng website nhà trường;",
                 "- Lưu: VT."):
        para(d, line, size=11, align=LEFT)
    return saved(d)


# -- 14. A Kế hoạch with its Phụ lục on a new page, numbered on its own
def hyperlink(p, text: str, url: str, size: float = 14) -> None:
    """An address Word turned into a link as it was typed (AutoFormat): the Hyperlink character
    style, blue and underlined."""
    r_id = p.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                 "relationships/hyperlink", is_external=True)
    p._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
        f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
        f'<w:color w:val="0563C1"/><w:sz w:val="{round(size * 2)}"/><w:u w:val="single"/></w:rPr>'
        f"<w:t>{text}</w:t></w:r></w:hyperlink>"))


@doc("ke-hoach-phu-luc", "A one-page Kế hoạch of a Sở whose task list is moved to an appendix: "
     "after the signature a new section (new page) holds “Phụ lục” (bold, centred, 14 pt), its "
     "title in upper case, “(Kèm theo Kế hoạch số … )” in italic, a short rule and a bordered "
     "table; the appendix's pages are numbered on their own from 1, none shown on its first page "
     "(App. I §III.1, mẫu 2.1). Clean.",
     accepted=[{"rule": "noi_dung.mot_co_chu",
                "reason": "debatable: the appendix table is 13 pt beside a 14 pt text (see "
                          "heldout-ke-hoach-bang)"}])
def _ke_hoach_phu_luc() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH TUYÊN QUANG", body_name=["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"],
           so="Số: 61/KH-SVHTTDL", place_date="Tuyên Quang, ngày 04 tháng 11 năm 2025",
           rule_width=22)
    title(d, "KẾ HOẠCH", ["Tổ chức Ngày hội Văn hóa các dân tộc tỉnh Tuyên Quang", "năm 2025"])
    plan_sections(d, [
        ("I. MỤC ĐÍCH, YÊU CẦU", [
            ("", ["Tôn vinh, giữ gìn bản sắc văn hóa các dân tộc; tạo sân chơi cho đồng bào các "
                  "dân tộc giao lưu, học hỏi kinh nghiệm."])]),
        ("II. THỜI GIAN, ĐỊA ĐIỂM", [
            ("", ["Thời gian: từ ngày 21 đến ngày 23 tháng 11 năm 2025. Địa điểm: Quảng trường "
                  "Nguyễn Tất Thành, phường Minh Xuân."])]),
        ("III. TỔ CHỨC THỰC HIỆN", [
            ("", ["Các phòng, đơn vị thuộc Sở thực hiện nhiệm vụ được phân công tại Phụ lục kèm "
                  "theo Kế hoạch này; báo cáo kết quả về Sở (qua Phòng Quản lý văn hóa) trước ngày "
                  "30 tháng 11 năm 2025./."])]),
    ])
    signature(d, ["- UBND tỉnh (để b/c);", "- Giám đốc, các PGĐ Sở;", "- Các phòng, đơn vị "
                  "thuộc Sở;", "- Lưu: VT, QLVH."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
              "Ma Thị Thanh Huyền")
    appendix = d.add_section(WD_SECTION.NEW_PAGE)
    appendix.header.is_linked_to_previous = False
    appendix.different_first_page_header_footer = True
    appendix.first_page_header.is_linked_to_previous = False
    appendix._sectPr.append(parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'))
    hp = appendix.header.paragraphs[0]
    hp.alignment = CENTER
    bc._page_field(hp, size=14)
    para(d, "Phụ lục", size=14, bold=True, align=CENTER)
    para(d, "PHÂN CÔNG NHIỆM VỤ TỔ CHỨC NGÀY HỘI", size=14, bold=True, align=CENTER)
    para(d, "(Kèm theo Kế hoạch số 61/KH-SVHTTDL ngày 04 tháng 11 năm 2025 của Sở Văn hóa, Thể "
            "thao và Du lịch)", size=14, italic=True, align=CENTER)
    line_shape(para(d, "", size=6, align=CENTER), 35, down_mm=2.0)
    para(d, "", size=8)
    grid_table(d, [("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"),
                   ("1", "Xây dựng chương trình, kịch bản khai mạc", "Phòng Quản lý văn hóa",
                    "10/11/2025"),
                   ("2", "Mời các đoàn nghệ nhân, vận động viên", "Trung tâm Văn hóa tỉnh",
                    "12/11/2025"),
                   ("3", "Tuyên truyền trên báo, đài, cổng thông tin điện tử", "Văn phòng Sở",
                    "15/11/2025"),
                   ("4", "Bảo đảm an ninh, trật tự, y tế", "Văn phòng Sở", "21/11/2025")],
               (12, 68, 50, 35))
    return saved(d)


# -- 15. A công văn with what Word does while one types
@doc("cong-van-autoformat", "A công văn of a Sở as Word leaves it while one types: the e-mail "
     "address in the body turned into a blue underlined link (AutoFormat), a line break "
     "(Shift+Enter) inside a body paragraph before a phone number, the date typed with no-break "
     "spaces (Ctrl+Shift+Space) so it does not wrap. Clean apart from the link's colour.",
     accepted=[{"rule": "phong_chu.mau_den",
                "reason": "debatable: PL I §I.4 wants black text and the link prints blue; many "
                          "offices leave Word's links as they are"}])
def _cong_van_autoformat() -> bytes:
    d = new_doc()
    nb = "\u00a0"
    header(d, parent="UBND TỈNH KHÁNH HÒA", body_name=["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"],
           so="Số: 2214/SKHCN-CĐS",
           place_date=f"Khánh Hòa,{nb}ngày{nb}19{nb}tháng{nb}11{nb}năm{nb}2025",
           v_v="V/v cập nhật dữ liệu thủ tục hành chính", rule_width=22)
    para(d, "Kính gửi: Các sở, ban, ngành thuộc tỉnh", size=14, align=CENTER, before=12,
         after=12)
    body_para(d, "Để chuẩn bị kết nối Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh "
                 "với Cổng Dịch vụ công quốc gia, Sở Khoa học và Công nghệ đề nghị các cơ quan, "
                 "đơn vị rà soát, cập nhật đầy đủ dữ liệu thủ tục hành chính thuộc phạm vi quản "
                 "lý trước ngày 28 tháng 11 năm 2025.")
    p = body_para(d, "Dữ liệu gửi về Sở qua thư điện tử ")
    hyperlink(p, "cds.skhcn@khanhhoa.gov.vn", "mailto:cds.skhcn@khanhhoa.gov.vn")
    bc.add_run(p, "; đầu mối liên hệ: bà Nguyễn Thị Thu Trang, Phòng Chuyển đổi số,\n"
                  "điện thoại 0258.3822.615./.")
    signature(d, ["- Như trên;", "- UBND tỉnh (để b/c);", "- Lưu: VT, CĐS."],
              ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Trương Quốc Huy")
    return saved(d)


# -- 16. A Quyết định ban hành with lettered points
@doc("quyet-dinh-diem-loi", "A Quyết định of a Sở issuing a rule of procedure: Điều 1 with "
     "clauses 1., 2. and points lettered a) to f) the way a clerk used to Latin letters types "
     "them (no đ, an f); and the short rule under the trích yếu forgotten.",
     expected=[{"rule": "diem.chu_cai", "at": "^f\\)",
                "reason": "PL I §II.6.đ: points use the Vietnamese alphabet, which has no f"},
               {"rule": "trich_yeu.duong_ke",
                "reason": "PL I §II.5.b: a solid rule 1/3–1/2 of the line under the trích yếu; "
                          "none here"}],
     accepted=[{"rule": "diem.thu_tu",
                "reason": "the same slip read as order: after d) comes đ), then e), g)"}])
def _qd_diem() -> bytes:
    d = new_doc()
    header(d, parent="UBND TỈNH GIA LAI", body_name=["SỞ XÂY DỰNG"], so="Số: 702/QĐ-SXD",
           place_date="Gia Lai, ngày 02 tháng 12 năm 2025")
    title(d, "QUYẾT ĐỊNH", ["Về việc phân công nhiệm vụ tiếp nhận hồ sơ cấp giấy phép xây dựng"],
          rule=False)
    para(d, "", size=6)
    para(d, "GIÁM ĐỐC SỞ XÂY DỰNG", size=14, bold=True, align=CENTER, after=6)
    for line in ("Căn cứ Luật Xây dựng ngày 18 tháng 6 năm 2014;",
                 "Căn cứ Quyết định số 14/2025/QĐ-UBND ngày 20 tháng 3 năm 2025 của Ủy ban nhân "
                 "dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Xây "
                 "dựng;",
                 "Theo đề nghị của Chánh Văn phòng Sở."):
        body_para(d, line, italic=True)
    para(d, "QUYẾT ĐỊNH:", size=14, bold=True, align=CENTER, before=6, after=6)
    body_para(d, "Điều 1. Phân công nhiệm vụ", bold=True)
    body_para(d, "1. Phòng Quản lý xây dựng tiếp nhận, thẩm định hồ sơ cấp giấy phép xây dựng "
                 "công trình cấp II, cấp III.")
    body_para(d, "2. Bộ phận một cửa của Sở có trách nhiệm:")
    for letter, text in zip("abcdef", (
            "Hướng dẫn tổ chức, cá nhân chuẩn bị hồ sơ;", "Tiếp nhận, kiểm tra thành phần hồ sơ;",
            "Chuyển hồ sơ đến Phòng Quản lý xây dựng trong ngày;",
            "Trả kết quả đúng hẹn;", "Cập nhật tình trạng hồ sơ trên hệ thống;",
            "Lưu trữ hồ sơ theo quy định."), strict=True):
        body_para(d, f"{letter}) {text}")
    body_para(d, "Điều 2. Hiệu lực thi hành", bold=True)
    body_para(d, "Quyết định này có hiệu lực kể từ ngày ký.")
    body_para(d, "Điều 3. Trách nhiệm thi hành", bold=True)
    body_para(d, "Chánh Văn phòng Sở, Trưởng phòng Quản lý xây dựng và các tổ chức, cá nhân có "
                 "liên quan chịu trách nhiệm thi hành Quyết định này./.")
    signature(d, ["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Lưu: VT, VP."], ["GIÁM ĐỐC"],
              "Rơ Châm Ksor")
    return saved(d)


# -- sidecars and output
def sidecar(name: str) -> dict:
    entry = DOCS[name]
    out = {"about": entry["about"],
           "built_by": "scripts/build_corpus_heldout.py (python-docx, not congvan; held out: "
                       "written without reading the checker's code)",
           "expected": entry["expected"], "accepted": entry["accepted"]}
    if entry["today"]:
        out["today"] = entry["today"]
    return out


def outputs() -> dict[str, bytes]:
    """Return every file this script writes: name → bytes."""
    out: dict[str, bytes] = {}
    for name, entry in DOCS.items():
        out[f"{name}.docx"] = entry["make"]()
        out[f"{name}.json"] = (json.dumps(sidecar(name), ensure_ascii=False, indent=2)
                               + "\n").encode()
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in outputs().items():
        (OUT / name).write_bytes(data)
        print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
