"""Copies (bản sao, PL I Phần II; PL III mẫu 3.1, 3.2): the copy block appended to a .docx the user
has, the original kept as it was (every other part's bytes, its body's elements), on paper and in
electronic form; the CLI; hostile originals refused with the checker's reader codes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from lxml import etree

import congvan
from congvan import BanSao, load_ban_sao, sao, write_sao
from congvan.cli import main
from congvan.errors import CongVanError, DocxReadError, InvalidDocumentError
from congvan.rules import PAGE

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "ban-sao" / "sao-y-4172-UBND-VHTT.yaml"
PT_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def original() -> bytes:
    return congvan.render_bytes(congvan.load(ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"))


@pytest.fixture(scope="module")
def ban_sao() -> BanSao:
    return load_ban_sao(SPEC)


@pytest.fixture(scope="module")
def copied(original: bytes, ban_sao: BanSao) -> bytes:
    return sao(original, ban_sao)


def _word_original() -> bytes:
    """A document another producer made (python-docx's default template, Word's styles)."""
    d = docx.Document()
    d.add_heading("Biên bản họp", 1)
    d.add_paragraph("Nội dung của văn bản gốc.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _body(data: bytes) -> list[etree._Element]:
    root = etree.fromstring(_members(data)["word/document.xml"])
    return list(root.find(qn("w:body")))


def _xml(el: etree._Element) -> bytes:
    return etree.tostring(el, method="c14n")


# -- the original is untouched --------------------------------------------------------------------


@pytest.mark.parametrize("which", ["congvan", "word"])
def test_original_parts_and_body_unchanged(which: str, original: bytes, ban_sao: BanSao) -> None:
    source = original if which == "congvan" else _word_original()
    result = sao(source, ban_sao)
    before, after = _members(source), _members(result)
    assert set(after) == set(before)  # nothing added but inside document.xml and styles.xml
    for name, data in before.items():
        if name not in ("word/document.xml", "word/styles.xml"):
            assert after[name] == data, name
    old, new = _body(source), _body(result)
    assert old[-1].tag == new[-1].tag == qn("w:sectPr")
    assert _xml(old[-1]) == _xml(new[-1])  # the page set-up is the original's
    n = len(old) - 1
    assert [_xml(e) for e in new[:n]] == [_xml(e) for e in old[:n]]
    assert len(new) > len(old)  # the block was appended after them
    # The original's styles are kept as they were; the block's are added after them.
    old_styles = etree.fromstring(before["word/styles.xml"])
    new_styles = etree.fromstring(after["word/styles.xml"])
    old_list = [_xml(s) for s in old_styles]
    assert [_xml(s) for s in new_styles][:len(old_list)] == old_list
    ids = {s.get(qn("w:styleId")) for s in new_styles.iter(qn("w:style"))}
    used = {r.get(qn("w:val")) for e in new[n:] for r in e.iter(qn("w:pStyle"))}
    assert used <= ids


def test_an_added_style_never_becomes_the_default(original: bytes, ban_sao: BanSao) -> None:
    """An original without a "Normal" style gets congvan's, as a plain style: the default
    paragraph style stays the original's (here: none)."""
    members = _members(_word_original())
    styles = etree.fromstring(members["word/styles.xml"])
    for s in styles.iter(qn("w:style")):
        if s.get(qn("w:styleId")) == "Normal":
            styles.remove(s)
    members["word/styles.xml"] = etree.tostring(styles)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    result = etree.fromstring(_members(sao(buf.getvalue(), ban_sao))["word/styles.xml"])
    ids = [s.get(qn("w:styleId")) for s in result.iter(qn("w:style"))]
    assert "Normal" in ids
    assert not [s for s in result.iter(qn("w:style"))
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"]


# -- the block (mẫu 3.1) --------------------------------------------------------------------------


def test_block_text_order_and_formatting(copied: bytes) -> None:
    d = docx.Document(io.BytesIO(copied))
    header, signature = d.tables[-2], d.tables[-1]
    body = [p for p in d.element.body if p.tag in (qn("w:p"), qn("w:tbl"))]
    # Straight after the original's signature row: the rule, then the copy's header table.
    rule = body.index(header._tbl) - 1
    pPr = body[rule].find(qn("w:pPr"))
    top = pPr.find(qn("w:pBdr")).find(qn("w:top"))
    assert top.get(qn("w:val")) == "single"
    ind = pPr.find(qn("w:ind"))
    assert int(ind.get(qn("w:left"))) == int(ind.get(qn("w:right"))) == 0  # across the width
    assert body[rule - 1] is d.tables[-3]._tbl  # the original's signature row
    (left, right), (so, date) = ([c for c in r.cells] for r in header.rows)
    assert left.text.split("\n")[:2] == ["VĂN PHÒNG HĐND VÀ UBND", "THÀNH PHỐ NHA TRANG"]
    assert right.text == "SAO Y"
    form = right.paragraphs[0]
    assert form.style.font.bold and form.style.font.size.pt == 14
    assert "CỘNG HÒA" not in header._tbl.xml and "Độc lập" not in header._tbl.xml
    assert so.text == "Số: 05/SY-VP"
    assert date.text == "Nha Trang, ngày 02 tháng 7 năm 2021"
    assert date.paragraphs[0].style.font.italic
    noi_nhan, ky = signature.rows[0].cells
    assert [p.text for p in noi_nhan.paragraphs] == [
        "Nơi nhận:", "- UBND các xã, phường (để thực hiện);", "- Các phòng, ban thuộc thành phố;",
        "- Lưu: VT."]
    lines = [p.text for p in ky.paragraphs if p.text]
    assert lines == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Trần Thị Thu Hà"]


@pytest.mark.parametrize(("form", "abbr", "words"), [
    ("sao lục", "SL", "SAO LỤC"), ("TrS", "TrS", "TRÍCH SAO"), ("SAO Y", "SY", "SAO Y")])
def test_forms_of_copy(form: str, abbr: str, words: str, original: bytes,
                       ban_sao: BanSao) -> None:
    copy = ban_sao.model_copy(update={"hinh_thuc": form, "so_ban_sao": 12})
    assert copy.hinh_thuc == abbr
    header = docx.Document(io.BytesIO(sao(original, copy))).tables[-2]
    assert header.rows[0].cells[1].text == words
    assert header.rows[1].cells[0].text == f"Số: 12/{abbr}-VP"


def test_unknown_form_refused(ban_sao: BanSao) -> None:
    with pytest.raises(InvalidDocumentError) as exc:
        ban_sao.model_copy(update={"hinh_thuc": "SAO Y BẢN CHÍNH"})
    assert [p.code for p in exc.value.problems] == ["hinh_thuc.khong_ro"]


# -- electronic copy (mẫu 3.2) --------------------------------------------------------------------


def test_electronic_copy_signature_line(original: bytes, ban_sao: BanSao) -> None:
    e = ban_sao.model_copy(update={"dien_tu": True,
                                   "thoi_gian_ky_so": "2021-07-02T01:30:05+00:00"})
    result = sao(original, e)
    old, new = _body(original), _body(result)
    # The line and the 1 pt paragraph that anchors its frame; nothing else added.
    assert [_xml(x) for x in new[2:]] == [_xml(x) for x in old]
    assert not new[1].xpath("string(.)")
    d = docx.Document(io.BytesIO(result))
    first = d.paragraphs[0]
    assert first.text == ("Sao y; Văn phòng HĐND và UBND thành phố Nha Trang; 02/07/2021; "
                          "08:30:05+07:00")  # Vietnam time, ISO 8601 offset
    assert first.style.font.size.pt == 10 and not first.style.font.bold
    frame = first._p.pPr.find(qn("w:framePr"))
    assert frame.get(qn("w:xAlign")) == "right" and frame.get(qn("w:vAnchor")) == "page"
    assert not first._p.xpath(".//w:drawing")  # no image


@pytest.mark.parametrize(("typed", "line_end"), [
    ("02/07/2021 08:30:05", "02/07/2021; 08:30:05+07:00"),
    ("2/7/2021 8:30", "02/07/2021; 08:30:00+07:00"),
    ("2021-07-02T08:30:05+07:00", "02/07/2021; 08:30:05+07:00"),
])
def test_signing_time_as_typed(typed: str, line_end: str, original: bytes,
                               ban_sao: BanSao) -> None:
    e = ban_sao.model_copy(update={"dien_tu": True, "thoi_gian_ky_so": typed})
    assert docx.Document(io.BytesIO(sao(original, e))).paragraphs[0].text.endswith(line_end)


@pytest.mark.parametrize("typed", ["31/02/2021 08:30", "hôm qua"])
def test_signing_time_refused(typed: str, ban_sao: BanSao) -> None:
    with pytest.raises(InvalidDocumentError) as exc:
        ban_sao.model_copy(update={"dien_tu": True, "thoi_gian_ky_so": typed})
    assert exc.value.problems[0].path == ("thoi_gian_ky_so",)


def test_electronic_copy_needs_its_signing_time(ban_sao: BanSao) -> None:
    with pytest.raises(InvalidDocumentError) as exc:
        ban_sao.model_copy(update={"dien_tu": True})
    assert [p.code for p in exc.value.problems] == ["thoi_gian_ky_so.thieu"]


# -- hostile originals: the checker's reader refusals ---------------------------------------------


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _members(_word_original())["[Content_Types].xml"])
        zf.writestr("word/document.xml", b"<w:document " + b" " * (64 * 2**20) + b"/>")
    return buf.getvalue()


@pytest.mark.parametrize(("data", "code"), [
    (b"not a docx at all", "docx.not_zip"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "docx.doc"),
    (b"{\\rtf1 hello}", "docx.rtf"),
    (_bomb(), "docx.bomb"),
])
def test_hostile_originals_refused(data: bytes, code: str, ban_sao: BanSao) -> None:
    with pytest.raises(DocxReadError) as exc:
        sao(data, ban_sao)
    assert exc.value.code == code


def test_output_is_the_original_refused(tmp_path: Path, original: bytes,
                                        ban_sao: BanSao) -> None:
    path = tmp_path / "goc.docx"
    path.write_bytes(original)
    with pytest.raises(CongVanError) as exc:
        write_sao(path, ban_sao, tmp_path / "." / "goc.docx")
    assert exc.value.code == "fix.output_is_input"
    assert path.read_bytes() == original


# -- the command line -----------------------------------------------------------------------------


def test_cli_copy(tmp_path: Path, original: bytes) -> None:
    src = tmp_path / "goc.docx"
    src.write_bytes(original)
    out, err = io.StringIO(), io.StringIO()
    code = main(["copy", str(src), str(SPEC), "--so", "6", "-o", str(tmp_path / "sy.docx")],
                out=out, err=err)
    assert code == 0, err.getvalue()
    header = docx.Document(tmp_path / "sy.docx").tables[-2]
    assert header.rows[1].cells[0].text == "Số: 06/SY-VP"  # the option over the spec
    assert src.read_bytes() == original


def test_cli_copy_from_options_alone(tmp_path: Path, original: bytes) -> None:
    src = tmp_path / "goc.docx"
    src.write_bytes(original)
    args = ["copy", str(src), "--hinh-thuc", "TrS", "--so", "7", "--co-quan", "Sở Nội vụ",
            "--viet-tat", "SNV", "--dia-danh", "Khánh Hòa", "--ngay", "03/07/2021",
            "--tham-quyen", "KT. Giám đốc", "--chuc-vu", "Phó Giám đốc", "--ho-ten", "Lê Văn B",
            "--noi-nhan", "Phòng Nội vụ", "-o", str(tmp_path / "trs.docx")]
    assert main(args, out=io.StringIO(), err=io.StringIO()) == 0
    d = docx.Document(tmp_path / "trs.docx")
    assert d.tables[-2].rows[1].cells[0].text == "Số: 07/TrS-SNV"
    assert d.tables[-2].rows[0].cells[1].text == "TRÍCH SAO"


def test_cli_invalid_and_unreadable(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["copy", str(tmp_path / "x.docx"), "--hinh-thuc", "XX", "-o",
                 str(tmp_path / "o.docx")], out=io.StringIO(), err=err) == 1
    assert "hinh_thuc" in err.getvalue()
    (tmp_path / "x.docx").write_bytes(b"plain text")
    err = io.StringIO()
    assert main(["copy", str(tmp_path / "x.docx"), str(SPEC), "-o", str(tmp_path / "o.docx")],
                out=io.StringIO(), err=err) == 2
    assert not (tmp_path / "o.docx").exists()


# -- LibreOffice: where the block lands ----------------------------------------------------------


def _words(pdf_path: Path) -> list[list[dict]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [page.extract_words() for page in pdf.pages]


def test_block_positions_in_libreoffice(to_pdf, original: bytes, copied: bytes) -> None:
    pages = _words(to_pdf(copied))
    assert len(pages) >= len(_words(to_pdf(original)))
    last = pages[-1]
    texts = [w["text"] for w in last]
    i = texts.index("SAO")
    sao_y = last[i:i + 2]
    assert [w["text"] for w in sao_y] == ["SAO", "Y"]
    left = PAGE.margin_left * PT_PER_MM
    width = PAGE.text_width * PT_PER_MM
    assert sao_y[0]["x0"] > left + width / 2  # the right column
    body = next(w for w in last if w["text"] == "VĂN")
    assert abs(body["top"] - sao_y[0]["top"]) < 2 and body["x1"] < left + width / 2
    # The copy block is the last thing: the original's signer stands above it, if on this page.
    if "Nhân" in texts:
        assert last[texts.index("Nhân")]["top"] < sao_y[0]["top"]
    so = next(w for w in last if w["text"] == "05/SY-VP")
    assert so["top"] > sao_y[0]["top"]


def test_rule_across_the_text_width_above_the_block(to_pdf, copied: bytes) -> None:
    with pdfplumber.open(to_pdf(copied)) as pdf:
        page = pdf.pages[-1]
        words = page.extract_words()
        form = next(w for w in words if w["text"] == "SAO")
        left = PAGE.margin_left * PT_PER_MM
        width = PAGE.text_width * PT_PER_MM
        rules = [ln for ln in page.lines if ln["x1"] - ln["x0"] > width - 2]
    assert rules, "no full-width rule on the copy's page"
    rule = max((ln for ln in rules if ln["top"] < form["top"]), key=lambda ln: ln["top"])
    assert abs(rule["x0"] - left) < 1.5 and abs(rule["x1"] - (left + width)) < 1.5
    assert 0 < form["top"] - rule["top"] < 20  # just above the block's first line


def test_electronic_line_top_right_of_page_1_in_libreoffice(to_pdf, original: bytes,
                                                             ban_sao: BanSao) -> None:
    e = ban_sao.model_copy(update={"dien_tu": True,
                                   "thoi_gian_ky_so": "2021-07-02T08:30:05+07:00"})
    with pdfplumber.open(to_pdf(sao(original, e))) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
        count = len(pdf.pages)
    with pdfplumber.open(to_pdf(original)) as pdf:
        assert count == len(pdf.pages)  # nothing moved to a new page
    line = next(i for i, w in enumerate(words) if w["text"] == "08:30:05+07:00")
    last = words[line]
    first = next(w for w in words if w["text"] == "Sao")
    quoc_hieu = next(w for w in words if w["text"] == "CỘNG")
    assert abs(first["top"] - last["top"]) < 1 and round(last["size"]) == 10
    assert last["bottom"] < quoc_hieu["top"]  # above ô 1, in the top band
    right = (PAGE.margin_left + PAGE.text_width) * PT_PER_MM
    assert abs(last["x1"] - right) < 3  # flush with the right margin


def test_libreoffice_original_kept_and_block_on_its_last_page(soffice, tmp_path: Path,
                                                              to_pdf, ban_sao: BanSao) -> None:
    """A .docx LibreOffice saved (another producer's parts and styles): its parts kept, and on a
    short original the block follows the text on the same page."""
    import subprocess

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "goc.docx").write_bytes(_word_original())
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "in" / "goc.docx")], check=True, capture_output=True,
                   timeout=300)
    source = (tmp_path / "out" / "goc.docx").read_bytes()
    result = sao(source, ban_sao)
    before, after = _members(source), _members(result)
    assert {n for n in before if before[n] != after.get(n)} <= {"word/document.xml",
                                                                "word/styles.xml"}
    old, new = _body(source), _body(result)
    assert [_xml(e) for e in new[:len(old) - 1]] == [_xml(e) for e in old[:-1]]
    with pdfplumber.open(to_pdf(result)) as pdf:
        assert len(pdf.pages) == 1
        words = pdf.pages[0].extract_words()
    text = next(w for w in words if w["text"] == "gốc.")
    form = next(w for w in words if w["text"] == "SAO")
    assert text["top"] < form["top"]  # after the original's last line, on the same page
