"""The rendered công văn, opened with python-docx: structure, styles and the Decree 30 values."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm

import congvan
from congvan.measure import text_width_pt
from congvan.rules import FONT, LAYOUT, PAGE, STYLES, TIEU_NGU

from .conftest import render_document
from .docx_summary import iter_blocks, paragraph_format


@pytest.fixture(scope="module")
def document(seed):
    return render_document(seed)


def _paragraphs(document, area_prefix=""):
    return [(a, p) for a, p in iter_blocks(document) if a.startswith(area_prefix)]


def _fmt(document, paragraph):
    return paragraph_format(paragraph, 14.0)


def test_page_is_a4_portrait_with_decree_margins(document):
    section = document.sections[0]
    assert abs(section.page_width - Mm(PAGE.width)) < Mm(0.1)
    assert abs(section.page_height - Mm(PAGE.height)) < Mm(0.1)
    assert Mm(PAGE.margin_top_range[0]) <= section.top_margin <= Mm(PAGE.margin_top_range[1])
    low, high = PAGE.margin_bottom_range
    assert Mm(low) <= section.bottom_margin <= Mm(high)
    assert Mm(PAGE.margin_left_range[0]) <= section.left_margin <= Mm(PAGE.margin_left_range[1])
    assert Mm(PAGE.margin_right_range[0]) <= section.right_margin <= Mm(PAGE.margin_right_range[1])


def test_times_new_roman_in_all_four_slots_through_styles(document):
    styles = document.styles.element
    fonts = styles.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{slot}")) == FONT
    # No theme font may override the slots, in the defaults or in any style.
    for el in styles.iter(qn("w:rFonts")):
        assert not any("Theme" in k for k in el.attrib), el.attrib
    # Not run by run: no run in the body names a font.
    body = document.element.body
    assert body.findall(".//" + qn("w:r") + "/" + qn("w:rPr") + "/" + qn("w:rFonts")) == []


def test_header_table_is_borderless_fixed_with_grid(document):
    header = document.tables[0]._tbl
    assert header.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in header.tblGrid.findall(qn("w:gridCol"))]
    assert grid == [round(LAYOUT.header_left * 1440 / 25.4),
                    round(LAYOUT.header_right * 1440 / 25.4)]
    borders = header.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_header_cells_hold_the_components(document):
    cells = {}
    for area, p in _paragraphs(document, "header"):
        cells.setdefault(area, []).append(p)
    left_top = [p.text for p in cells["header[0,0]"] if p.text]
    assert left_top == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ NHA TRANG"]
    assert all(_fmt(document, p)["bold"] for p in cells["header[0,0]"] if p.text)
    qh, tn = [p for p in cells["header[0,1]"] if p.text]
    assert qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert _fmt(document, qh) == {"align": "center", "size": 12, "bold": True, "italic": False}
    assert tn.text == TIEU_NGU and _fmt(document, tn)["size"] == 13 and _fmt(document, tn)["bold"]
    so, *vv = cells["header[1,0]"]
    assert so.text == "Số: 4172/UBND-VHTT" and _fmt(document, so)["size"] == 13
    assert [p.text for p in vv] == ["V/v tiếp tục tăng cường các biện pháp",
                                     "tuyên truyền, hướng dẫn người dân",
                                     "trên địa bàn cài đặt ứng dụng Bluezone"]
    assert all(_fmt(document, p) == {"align": "center", "size": 12, "bold": False,
                                     "italic": False} for p in vv)
    (date_line,) = cells["header[1,1]"]
    assert date_line.text == "Nha Trang, ngày 01 tháng 7 năm 2021"
    assert _fmt(document, date_line) == {"align": "center", "size": 13, "bold": False,
                                         "italic": True}


def _rule(paragraphs):
    """Return (left, right) indents in twips of the empty paragraph with a top border."""
    for p in paragraphs:
        top = p._p.find(".//" + qn("w:pBdr") + "/" + qn("w:top"))
        if top is not None and not p.text:
            ind = p._p.find(".//" + qn("w:ind"))
            return int(ind.get(qn("w:left"))), int(ind.get(qn("w:right")))
    raise AssertionError("no rule paragraph")


def test_rules_are_borders_sized_from_the_text(document):
    cells = {}
    for area, p in _paragraphs(document, "header"):
        cells.setdefault(area, []).append(p)
    # Under the motto: exactly the motto's width (PL I §II.1.b), centred in the right column.
    left, right = _rule(cells["header[0,1]"])
    column = round(LAYOUT.header_right * 1440 / 25.4)
    motto = text_width_pt(TIEU_NGU, STYLES["tieu_ngu"].size, bold=True) * 20
    assert left == right
    assert abs((column - left - right) - motto) <= 2
    # Under the issuing body: 1/3 to 1/2 of its longest line (PL I §II.2.b).
    left, right = _rule(cells["header[0,0]"])
    column = round(LAYOUT.header_left * 1440 / 25.4)
    name = text_width_pt("THÀNH PHỐ NHA TRANG", STYLES["co_quan_ban_hanh"].size, bold=True) * 20
    assert left == right
    assert name / 3 <= column - left - right <= name / 2
    # No character underline anywhere.
    assert document.element.body.findall(".//" + qn("w:u")) == []


def test_kinh_gui_is_a_dash_list_under_the_colon(document):
    body = [p for a, p in _paragraphs(document, "body")]
    assert body[0].text == "Kính gửi:"
    assert [p.text for p in body[1:5]] == [
        "- Ủy ban Mặt trận Tổ quốc Việt Nam thành phố;",
        "- Các tổ chức chính trị - xã hội thành phố;",
        "- Các phòng, ban, đơn vị thuộc thành phố;",
        "- UBND các xã, phường.",
    ]
    label = body[0].style.paragraph_format.left_indent
    item = body[1].style.paragraph_format
    colon = label + Mm(text_width_pt("Kính gửi", STYLES["kinh_gui"].size) * 25.4 / 72)
    # The dash starts under the colon: first-line start = left indent + (negative) first-line
    # indent.
    assert abs((item.left_indent + item.first_line_indent) - colon) < Mm(0.1)


def test_one_recipient_goes_inline(seed):
    document = render_document(seed.model_copy(update={"kinh_gui": ["Bộ Nội vụ"]}))
    body = [p.text for a, p in _paragraphs(document, "body")]
    assert body[0] == "Kính gửi: Bộ Nội vụ"
    assert body[1].startswith("UBND thành phố Nha Trang nhận được")


def test_kinh_gui_adds_the_final_period_once(seed_data):
    data = {**seed_data, "kinh_gui": ["Sở Nội vụ;", "Sở Tài chính."]}
    document = render_document(congvan.validate(data))
    body = [p.text for a, p in _paragraphs(document, "body")]
    assert body[1:3] == ["- Sở Nội vụ;", "- Sở Tài chính."]


def test_body_paragraphs_follow_section_ii_6_e(document, seed):
    body = [p for a, p in _paragraphs(document, "body")][5:]
    assert [p.text for p in body] == list(seed.noi_dung)
    for p in body:
        style = p.style.paragraph_format
        assert _fmt(document, p)["align"] == "justify"
        assert 13 <= _fmt(document, p)["size"] <= 14
        assert Mm(10) <= style.first_line_indent <= Mm(12.7)
        assert style.space_before.pt + (style.space_after.pt if style.space_after else 0) >= 6
        assert 1.0 <= (style.line_spacing or 1.0) <= 1.5
    # The last paragraph keeps with the signature row, which never splits.
    assert body[-1].paragraph_format.keep_with_next is True
    row = document.tables[1].rows[0]._tr
    assert row.trPr.find(qn("w:cantSplit")) is not None


def test_signature_row(document):
    left = [p for a, p in _paragraphs(document, "signature[0,0]")]
    right = [p for a, p in _paragraphs(document, "signature[0,1]")]
    assert left[0].text == "Nơi nhận:"
    assert _fmt(document, left[0]) == {"align": "left", "size": 12, "bold": True, "italic": True}
    assert [p.text for p in left[1:]] == [
        "- Như trên (VBĐT);",  # the note before the semicolon, as real công văn write it
        "- Sở Thông tin và Truyền thông (VBĐT);",
        "- Chủ tịch và các Phó Chủ tịch UBND TP;",
        "- Lưu: VT, VHTT.",
    ]
    assert all(_fmt(document, p)["size"] == 11 and not _fmt(document, p)["bold"] for p in left[1:])
    assert [p.text for p in right] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "",
                                       "Lưu Thành Nhân"]
    assert all(_fmt(document, p)["bold"] and _fmt(document, p)["align"] == "center" for p in right)
    # Room for signature and seal above the name: one line of exactly that height (ô 7c).
    room = right[-2].style.paragraph_format
    assert room.line_spacing_rule == WD_LINE_SPACING.EXACTLY and room.line_spacing >= Mm(20)


def test_page_number_from_page_two_top_centre(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    (number,) = section.header.paragraphs
    field = number._p.find(qn("w:fldSimple"))
    assert field is not None and field.get(qn("w:instr")).strip() == "PAGE"
    assert paragraph_format(number, 14)["align"] == "center"
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)


def test_render_to_path_and_file_object(seed, tmp_path):
    target = tmp_path / "out.docx"
    assert congvan.render(seed, target) == [target]  # the files written
    buf = io.BytesIO()
    assert congvan.render(seed, buf) == []
    assert docx.Document(target).paragraphs[0].text == docx.Document(buf).paragraphs[0].text


def test_render_rejects_non_models(tmp_path):
    with pytest.raises(TypeError, match=r"congvan\.load"):
        congvan.render({"loai_van_ban": "cong_van"}, tmp_path / "x.docx")  # type: ignore[arg-type]
    assert not (tmp_path / "x.docx").exists()


def test_marks_and_footer(seed):
    doc = seed.model_copy(update={
        "do_khan": congvan.DoKhan.HOA_TOC, "do_mat": congvan.DoMat.MAT,
        "pham_vi_luu_hanh": "Lưu hành nội bộ",
        "dia_chi": ["Số 8 Trần Phú, Nha Trang", "ĐT: 0258.3822000"],
        "ky_hieu_nguoi_soan_thao": "pl.(30)",  # printed upper case (PL I §III.3)
    })
    document = render_document(doc)
    left = [p for a, p in _paragraphs(document, "header[1,0]")]
    assert [p.text for p in left[-2:]] == ["MẬT", "HỎA TỐC"]
    for p in left[-2:]:
        assert p._p.find(".//" + qn("w:pBdr") + "/" + qn("w:left")) is not None
    ind = left[-1]._p.find(".//" + qn("w:ind"))
    # The frame (1 pt padding + 1 pt line) stands outside the indents on each side.
    width = (round(LAYOUT.header_left * 1440 / 25.4) - int(ind.get(qn("w:right")))
             - int(ind.get(qn("w:left"))) + 4 * 20)
    assert abs(width - round(30 * 1440 / 25.4)) <= 1  # HỎA TỐC is 30 × 8 mm (PL I §III.2.b)
    for p in left[-2:]:  # the frame is of the stamp's red ink, 8 mm high (PL I §III.2.b)
        assert {b.get(qn("w:color")) for b in p._p.find(".//" + qn("w:pBdr"))} == {"FF0000"}
        spacing = p._p.find(".//" + qn("w:spacing"))
        assert spacing.get(qn("w:lineRule")) == "exact"
        assert abs(int(spacing.get(qn("w:line"))) + 4 * 20 - 8 * 1440 / 25.4) <= 1
    section = document.sections[0]
    assert [p.text for p in section.first_page_header.paragraphs if p.text] == ["LƯU HÀNH NỘI BỘ"]
    assert [p.text for p in section.first_page_footer.paragraphs if p.text] == [
        "Số 8 Trần Phú, Nha Trang", "ĐT: 0258.3822000"]
    left = [p.text for a, p in _paragraphs(document, "signature[0,0]")]
    assert left[-1] == "- Lưu: VT, VHTT. PL.(30)"


def test_alignment_enum_is_resolved_through_styles(document):
    (_, qh) = next((a, p) for a, p in iter_blocks(document) if p.text.startswith("CỘNG HÒA"))
    assert qh.paragraph_format.alignment is None  # nothing on the paragraph itself…
    assert qh.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER  # …all in the style


def png(width: int, height: int, rgba: tuple[int, int, int, int] = (0, 0, 255, 255)) -> bytes:
    """Return a one-colour PNG of the given size (written here: no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(rgba) * width
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def test_signature_and_seal_images(seed_data, tmp_path):
    (tmp_path / "ky.png").write_bytes(png(400, 200))
    (tmp_path / "dau.png").write_bytes(png(300, 300, (255, 0, 0, 160)))
    data = {**seed_data, "nguoi_ky": {**seed_data["nguoi_ky"], "anh_chu_ky": "ky.png"},
            "dau_co_quan": {"hinh_anh": "dau.png", "rong_mm": 36}}
    doc = congvan.validate(data, base_dir=tmp_path)  # relative to the input file's folder
    out = congvan.render_bytes(doc)
    document = docx.Document(io.BytesIO(out))
    images = {rel.target_part.partname: rel.target_part.blob
              for rel in document.part.rels.values() if rel.reltype.endswith("/image")}
    assert images == {"/word/media/congvan_chu_ky.png": png(400, 200),
                      "/word/media/congvan_dau.png": png(300, 300, (255, 0, 0, 160))}
    right = [p for a, p in _paragraphs(document, "signature[0,1]")]
    room = right[-2]._p
    inline = room.find(".//{*}inline/{*}extent")
    # 2:1 signature, as large as fits 45 × 20 mm: 40 × 20 mm.
    assert (int(inline.get("cx")), int(inline.get("cy"))) == (40 * 36000, 20 * 36000)
    anchor = room.find(".//{*}anchor")
    assert int(anchor.find("{*}extent").get("cx")) == 36 * 36000  # the seal at its actual size
    x = int(anchor.find("{*}positionH/{*}posOffset").text)
    column = round(LAYOUT.footer_right * 36000)
    sig_left = (column - 40 * 36000) // 2
    assert x + 36 * 36000 == sig_left + 40 * 36000 // 3  # over the left third of the signature


@pytest.mark.parametrize("content, code", [(b"GIF89a", "hinh_anh.png"), (None, "hinh_anh.missing")])
def test_bad_images_are_refused(seed_data, tmp_path, content, code):
    if content is not None:
        (tmp_path / "ky.png").write_bytes(content)
    data = {**seed_data, "nguoi_ky": {**seed_data["nguoi_ky"], "anh_chu_ky": "ky.png"}}
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.validate(data, base_dir=tmp_path)
    assert [(p.location, p.code) for p in info.value.problems] == [("nguoi_ky.anh_chu_ky", code)]


def test_every_optional_component_still_passes_the_checker(seed_data, tmp_path):
    """The renderer is held to the checker (which does not share its code) with every option on."""
    (tmp_path / "ky.png").write_bytes(png(400, 200))
    (tmp_path / "dau.png").write_bytes(png(300, 300, (255, 0, 0, 160)))
    data = {**seed_data, "co_quan_chu_quan": "UBND tỉnh Khánh Hòa", "do_khan": "THƯỢNG KHẨN",
            "do_mat": "TỐI MẬT", "pham_vi_luu_hanh": "Xem xong trả lại",
            "ky_hieu_nguoi_soan_thao": "PL.(300)", "dia_chi": ["Số 1 Trần Phú, Nha Trang"],
            "nguoi_ky": {**seed_data["nguoi_ky"], "anh_chu_ky": "ky.png"},
            "dau_co_quan": {"hinh_anh": "dau.png"}}
    del data["so_van_ban"]  # a draft: the number is left to the Văn thư
    out = congvan.render_bytes(congvan.validate(data, base_dir=tmp_path))
    assert congvan.check(io.BytesIO(out)) == []
