"""Giấy mời, giấy giới thiệu, giấy nghỉ phép (PL III mẫu 1.7, 1.8, 1.10): the model's rules, the
labelled lines as rendered (python-docx), the mail merge (500 invitees, the CLI's files), and the
positions LibreOffice gives the labelled lines and the confirmation block (one soffice run)."""

from __future__ import annotations

import copy
import io
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

import congvan
from congvan.cli import main
from congvan.context import build_context
from congvan.io import parse_spec
from congvan.rules import LAYOUT, PAGE

from .docx_summary import iter_blocks, paragraph_format
from .example_pdfs import page_words

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GM = EXAMPLES / "giay-moi-215-GM-SGDDT.yaml"
GGT = EXAMPLES / "giay-gioi-thieu-36-GGT-SGDDT.yaml"
GNP = EXAMPLES / "giay-nghi-phep-52-GNP-SGDDT.yaml"
PT_PER_MM = 72 / 25.4
LEFT = PAGE.margin_left * PT_PER_MM


def _data(path: Path) -> dict:
    """The example's fields with its profile merged (as load() sees them)."""
    return congvan.load(path).model_dump(exclude_unset=True, exclude_none=True)


def _with(path: Path, **changes) -> dict:
    data = copy.deepcopy(_data(path))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def _problems(data: dict) -> set[tuple[tuple, str]]:
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.validate(data)
    return {(p.path, p.code) for p in info.value.problems}


def _texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for _area, p in iter_blocks(document)]


# -- the models ------------------------------------------------------------------------------------


def test_the_types_have_their_models():
    assert type(congvan.load(GM)) is congvan.GiayMoi
    assert type(congvan.load(GGT)) is congvan.GiayGioiThieu
    assert type(congvan.load(GNP)) is congvan.GiayNghiPhep
    assert congvan.load(GM).so_ky_hieu.ky_hieu == "GM-SGDĐT"


@pytest.mark.parametrize(("typed", "printed"), [
    ("8:00", "08 giờ 00 phút"), ("08:00", "08 giờ 00 phút"), ("8 giờ", "08 giờ 00 phút"),
    ("14 giờ 30 phút", "14 giờ 30 phút"), ("7h30", "07 giờ 30 phút"), ("13:05", "13 giờ 05 phút"),
])
def test_time_typed_as_clerks_type_it_weekday_computed(typed, printed):
    doc = congvan.validate(_with(GM, gio_hop=typed, ngay_hop="04/07/2021"))
    lines = [b.text for b in build_context(doc)["noi_dung"]]
    assert f"Thời gian: {printed}, chủ nhật, ngày 04 tháng 7 năm 2021" in lines
    doc = congvan.validate(_with(GM, gio_hop=typed, ngay_hop="01/07/2021"))
    assert (f"Thời gian: {printed}, thứ Năm, ngày 01 tháng 7 năm 2021"
            in [b.text for b in build_context(doc)["noi_dung"]])


@pytest.mark.parametrize("typed", ["25:00", "8:60", "tám giờ", "8.30", ""])
def test_a_time_that_is_not_one_is_refused(typed):
    assert (("gio_hop",), "gio.invalid") in _problems(_with(GM, gio_hop=typed))


def test_a_weekday_cannot_be_typed():
    assert (("thu",), "extra_forbidden") in _problems(_with(GM, thu="Thứ Năm"))


def test_meeting_before_the_invitation_is_refused():
    assert _problems(_with(GM, ngay_hop="23/06/2021")) == {(("ngay_hop",), "ngay_hop.truoc_ngay")}


def test_invitation_needs_an_invitee_and_a_subject():
    assert (("khach_moi",), "too_short") in _problems(_with(GM, khach_moi=[]))
    assert (("trich_yeu",), "missing") in _problems(_with(GM, trich_yeu=None))


def test_giay_gioi_thieu_has_no_trich_yeu_and_a_validity_not_before_issue():
    assert (("trich_yeu",), "extra_forbidden") in _problems(_with(GGT, trich_yeu="Về việc x"))
    assert _problems(_with(GGT, co_gia_tri_den="11/03/2025")) == {
        (("co_gia_tri_den",), "co_gia_tri_den.truoc_ngay")}
    # The last day may be the day of issue.
    congvan.validate(_with(GGT, co_gia_tri_den="12/03/2025"))


def test_leave_days_are_counted_never_typed():
    doc = congvan.validate(_with(GNP, tu_ngay="28/02/2024", den_ngay="04/03/2024"))
    assert doc.so_ngay_nghi == 6  # 2024 is a leap year: 28, 29 Feb, 1–4 Mar, weekend included
    line = [b.text for b in build_context(doc)["noi_dung"]][3]
    assert line.startswith("Được nghỉ phép trong thời gian 06 ngày, kể từ ngày 28 tháng 02 năm "
                           "2024 đến hết ngày 04 tháng 3 năm 2024 tại ")
    one_day = congvan.validate(_with(GNP, tu_ngay="14/07/2025", den_ngay="14/07/2025"))
    assert one_day.so_ngay_nghi == 1
    assert (("so_ngay_nghi",), "extra_forbidden") in _problems(_with(GNP, so_ngay_nghi=5))


def test_leave_dates_in_order():
    assert _problems(_with(GNP, tu_ngay="25/07/2025", den_ngay="14/07/2025")) == {
        (("den_ngay",), "den_ngay.truoc_tu_ngay")}
    assert _problems(_with(GNP, ngay_don="09/07/2025")) == {(("ngay",), "ngay_don.sau_ngay")}


def test_nhu_tren_where_the_text_names_the_recipients():
    congvan.validate(_with(GM, noi_nhan=["Như trên"]))
    congvan.validate(_with(GGT, noi_nhan=["Như trên"]))
    # A giấy nghỉ phép names no recipient above: "Như trên" would stand for nobody.
    assert _problems(_with(GNP, noi_nhan=["Như trên"])) == {
        (("noi_nhan", 0), "noi_nhan.nhu_tren_thua")}


# -- rendered --------------------------------------------------------------------------------------


def _body(data: bytes) -> list[tuple[str, dict]]:
    document = docx.Document(io.BytesIO(data))
    return [(p.text, paragraph_format(p, 14)) for area, p in iter_blocks(document)
            if area == "body" and p.text]


def test_giay_moi_rendered_lines_in_the_order_of_the_mau():
    doc = congvan.load(GM)
    body = _body(congvan.render_bytes(doc))
    texts = [t for t, _f in body]
    start = texts.index("GIẤY MỜI")
    assert texts[start + 1] == "Dự Hội nghị tổng kết năm học 2020 - 2021"
    assert texts[start + 2] == "Sở Giáo dục và Đào tạo trân trọng kính mời:"
    assert texts[start + 3:start + 6] == [
        "- Hiệu trưởng Trường THPT Lý Tự Trọng;", "- Hiệu trưởng Trường THPT Nguyễn Văn Trỗi;",
        "- Hiệu trưởng Trường THPT Hoàng Hoa Thám."]
    labels = [t.split()[0] for t in texts[start + 6:start + 10]]
    assert labels == ["Tới", "Chủ", "Thời", "Địa"]
    assert texts[start + 8] == "Thời gian: 08 giờ 00 phút, thứ Năm, ngày 01 tháng 7 năm 2021"
    assert texts[start + 10].startswith("Đề nghị") and texts[start + 10].endswith("./.")
    for text, f in body[start + 2:start + 11]:
        formatting = (f["align"], f["size"], f["bold"], f["italic"])
        assert formatting == ("justify", 14, False, False), text


def test_one_invitee_stands_on_the_opening_line():
    one = congvan.tach_giay_moi(congvan.load(GM))[1]
    texts = _texts(congvan.render_bytes(one))
    assert ("Sở Giáo dục và Đào tạo trân trọng kính mời: Hiệu trưởng Trường THPT Nguyễn Văn Trỗi"
            in texts)
    assert not any("Lý Tự Trọng" in t for t in texts)


def test_giay_gioi_thieu_rendered():
    texts = [t for t, _f in _body(congvan.render_bytes(congvan.load(GGT)))]
    start = texts.index("GIẤY GIỚI THIỆU")
    assert texts[start + 1:] == [
        "Sở Giáo dục và Đào tạo trân trọng giới thiệu:",
        "Ông (bà) Trần Văn Hiếu",
        "Chức vụ: Trưởng phòng Tổ chức cán bộ, Sở Giáo dục và Đào tạo tỉnh Khánh Hòa",
        "Được cử đến: Sở Nội vụ tỉnh Khánh Hòa",
        "Về việc: Liên hệ, trao đổi hồ sơ đề nghị xét thăng hạng chức danh nghề nghiệp giáo viên "
        "trung học phổ thông năm 2025.",
        "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
        "Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2025./.",
    ]


def test_giay_nghi_phep_rendered_with_and_without_the_confirmation_block():
    data = congvan.render_bytes(congvan.load(GNP))
    texts = _texts(data)
    assert ("Xét Đơn đề nghị nghỉ phép ngày 03 tháng 7 năm 2025 của ông (bà) Lê Thị Thu Hà, Sở "
            "Giáo dục và Đào tạo cấp cho:") in texts
    assert any(t.startswith("Được nghỉ phép trong thời gian 12 ngày, kể từ ngày 14 tháng 7 năm "
                            "2025 đến hết ngày 25 tháng 7 năm 2025 tại xã Diên Lạc") for t in texts)
    heading = "Xác nhận của cơ quan (tổ chức) hoặc"
    # After the signer's name, in a table of its own, italic (mẫu 1.10).
    assert texts.index(heading) > texts.index("Nguyễn Đình Phong")
    document = docx.Document(io.BytesIO(data))
    cell = [p for area, p in iter_blocks(document) if p.text == heading]
    assert paragraph_format(cell[0], 14)["italic"]
    without = congvan.validate(_with(GNP, xac_nhan_noi_nghi=False))
    assert heading not in _texts(congvan.render_bytes(without))


def test_examples_checked_clean():
    for path in (GM, GGT, GNP):
        assert congvan.check(congvan.render_bytes(congvan.load(path)), name=path.name) == []


# -- mail merge ------------------------------------------------------------------------------------


def test_mail_merge_to_500_invitees_gives_500_valid_documents():
    invitees = [f"Chủ tịch Ủy ban nhân dân phường số {i}" for i in range(1, 501)]
    doc = congvan.validate(_with(GM, khach_moi=invitees, moi_rieng=True))
    docs = congvan.tach_giay_moi(doc)
    assert [d.khach_moi for d in docs] == [[k] for k in invitees]
    for one, invitee in zip(docs, invitees, strict=True):
        data = congvan.render_bytes(one)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            xml = z.read("word/document.xml").decode()
        assert f"trân trọng kính mời: {invitee}<" in xml
        assert xml.count("Chủ tịch Ủy ban nhân dân phường số") == 1


def test_cli_writes_one_file_per_invitee_with_safe_unique_names(tmp_path):
    spec = tmp_path / "giay-moi.yaml"
    data = parse_spec(GM.read_text(encoding="utf-8"), "yaml")
    data["co_quan"] = str(EXAMPLES / "ho-so" / "so-gd-dt-khanh-hoa.yaml")
    data["khach_moi"] = ["Ông Nguyễn Văn Đức / Trưởng phòng", "Ông Nguyễn Văn Đức / Trưởng phòng",
                         "Bà Lê Thị Ánh: Phó Giám đốc"]
    data["moi_rieng"] = True
    import yaml

    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(spec), "-o", str(out), "--cho-phep-anh-ngoai"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["giay-moi-01-ong-nguyen-van-duc-truong-phong.docx",
                     "giay-moi-02-ong-nguyen-van-duc-truong-phong.docx",
                     "giay-moi-03-ba-le-thi-anh-pho-giam-doc.docx"]
    third = _texts((out / names[2]).read_bytes())
    assert "Sở Giáo dục và Đào tạo trân trọng kính mời: Bà Lê Thị Ánh: Phó Giám đốc" in third
    # A merge writes files: a .docx name or stdout is refused, nothing written.
    target = tmp_path / "one.docx"
    assert main(["render", str(spec), "-o", str(target), "--cho-phep-anh-ngoai"]) == 2
    assert not target.exists()


# -- LibreOffice positions -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pages(example_pdfs) -> dict[str, list]:
    """The words of every page of the three examples (the session's one conversion)."""
    return {path.stem: page_words(example_pdfs[path.stem]) for path in (GM, GGT, GNP)}


def _line(words, text: str):
    parts = text.split()
    for i in range(len(words) - len(parts) + 1):
        if [w["text"] for w in words[i:i + len(parts)]] == parts:
            return words[i:i + len(parts)]
    raise AssertionError(f"not on the page: {text}")


def _indent() -> float:
    return LEFT + LAYOUT.first_line_indent * PT_PER_MM


@pytest.mark.parametrize(("path", "labels"), [
    (GM, ["Tới dự", "Chủ trì:", "Thời gian:", "Địa điểm:"]),
    (GGT, ["Ông (bà)", "Chức vụ:", "Được cử đến:", "Về việc:", "Giấy này có giá trị"]),
    (GNP, ["Ông (bà):", "Chức vụ:", "Được nghỉ phép", "Số ngày nghỉ phép"]),
])
def test_labelled_lines_start_at_the_indent_in_order_on_page_one(pages, path, labels):
    words = pages[path.stem][0]
    tops = []
    for label in labels:
        line = _line(words, label)
        assert abs(line[0]["x0"] - _indent()) < 2, label
        tops.append(line[0]["top"])
    assert tops == sorted(tops) and len(set(tops)) == len(tops)


def test_giay_moi_time_line_on_one_line_under_chu_tri(pages):
    words = pages[GM.stem][0]
    line = _line(words, "Thời gian: 08 giờ 00 phút, thứ Năm, ngày 01 tháng 7 năm 2021")
    assert len({round(w["top"]) for w in line}) == 1  # one line, not wrapped
    assert _line(words, "Chủ trì:")[0]["top"] < line[0]["top"] < _line(words, "Địa điểm:")[0]["top"]


def test_confirmation_block_under_the_noi_nhan_in_the_left_column(pages):
    words = pages[GNP.stem][0]
    name = _line(words, "Nguyễn Đình Phong")
    noi_nhan = _line(words, "Nơi nhận:")
    first = _line(words, "Xác nhận của cơ quan (tổ chức) hoặc")
    second = _line(words, "chính quyền địa phương nơi nghỉ phép")
    column = LEFT + LAYOUT.footer_left * PT_PER_MM
    for line in (first, second):
        assert line[0]["x0"] > LEFT and line[-1]["x1"] < column
        # Centred in the left column, as mẫu 1.10 draws it.
        assert abs((line[0]["x0"] + line[-1]["x1"]) / 2 - (LEFT + column) / 2) < 6
    assert noi_nhan[0]["top"] < name[0]["top"] < first[0]["top"] < second[0]["top"]


def test_the_three_fit_on_one_page(pages):
    assert {stem: len(p) for stem, p in pages.items()} == {GM.stem: 1, GGT.stem: 1, GNP.stem: 1}


def test_issue_date_untouched_by_the_weekday():
    # The date line (ô 4) stays the decree's; the weekday belongs to the Thời gian line only.
    ctx = build_context(congvan.load(GM))
    assert ctx["dia_danh_thoi_gian"] == "Khánh Hòa, ngày 24 tháng 6 năm 2021"
    assert date(2021, 7, 1).weekday() == 3  # thứ Năm


# -- the checker: no trích yếu under GIẤY GIỚI THIỆU / GIẤY NGHỈ PHÉP (mẫu 1.8, 1.10) ------------


def _hand_made(ten_loai: str, ky_hieu: str, *, under_line: bool = False) -> bytes:
    """The clean công văn of the checker's fixtures, edited by hand (python-docx) into a giấy: its
    type name, the rule under it, then a justified body paragraph straight after."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from . import checker_fixtures as cf

    doc = cf.clean()
    cf.set_text(cf.para(doc, "Số:"), f"Số: 05/{ky_hieu}-UBND")
    for p in cf.paras(doc):
        if p.style.name == "CV Trích yếu công văn" or p.style.name.startswith("CV Kính gửi"):
            cf.remove(p)
    body = [p for p in cf.paras(doc) if p.style.name == "CV Nội dung"]
    name = body[0].insert_paragraph_before(ten_loai, style="CV Nội dung")
    name.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    name.paragraph_format.first_line_indent = Pt(0)
    for r in name.runs:
        r.font.bold = True
    # The rule closes the title block: under the type name, or under a line that stands where a
    # trích yếu does (`under_line`).
    cf.rule_under(body[1] if under_line else body[0], ten_loai)
    cf.set_text(body[0], "Ủy ban nhân dân thành phố trân trọng giới thiệu:")
    return cf.to_bytes(doc)


def _trich_yeu_findings(data: bytes) -> list[str]:
    return [f.rule for f in congvan.check(data) if f.rule.startswith("trich_yeu.")]


@pytest.mark.parametrize(("ten_loai", "ky_hieu"), [("GIẤY GIỚI THIỆU", "GGT"),
                                                   ("GIẤY NGHỈ PHÉP", "GNP")])
def test_checker_reads_no_trich_yeu_under_a_type_that_has_none(ten_loai, ky_hieu):
    assert _trich_yeu_findings(_hand_made(ten_loai, ky_hieu)) == []


def test_checker_still_judges_the_trich_yeu_of_a_type_that_has_one():
    # A giấy mời has a trích yếu (mẫu 1.7): a justified, regular paragraph in its place is one.
    # (A line after the rule opens the body: the trích yếu ends at its rule.)
    assert "trich_yeu.can_giua" in _trich_yeu_findings(
        _hand_made("GIẤY MỜI", "GM", under_line=True))


def test_giay_gioi_thieu_opening_line_centred_as_mau_1_8(pages):
    words = pages[GGT.stem][0]
    line = _line(words, "Sở Giáo dục và Đào tạo trân trọng giới thiệu:")
    right = LEFT + PAGE.text_width * PT_PER_MM
    assert abs((line[0]["x0"] - LEFT) - (right - line[-1]["x1"])) < 3
    assert line[0]["x0"] > _indent() + 20  # not at the labelled lines' indent
