"""Kính gửi and Nơi nhận typed as bullet lists (issue 9): Writer's and Word's "Bullets and
Numbering" print the dash of each line without it being in the text. Documents built by hand with
python-docx; the numbering part written as Word writes it."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from congvan.checker import check, fix

from .corpus import letters

_NUM_ID = "7"


def _bullet_numbering(doc, lvl_text: str, font: str | None) -> None:
    """Add a one-level bullet list (numId 7) whose bullet is `lvl_text` in `font`."""
    numbering = doc.part.numbering_part.element
    rfonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70"><w:lvl w:ilvl="0">'
        f'<w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{lvl_text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>{rfonts}'
        '</w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{_NUM_ID}">'
                               '<w:abstractNumId w:val="70"/></w:num>'))


def _line(doc, text: str, *, size: float = 13, bullet: bool = False, bold=False, italic=False):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    if bullet:
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{_NUM_ID}"/></w:numPr>'))
    return p


def _document(*, lvl_text: str = "-", font: str | None = "Times New Roman",
              entries=("Như trên;", "UBND tỉnh (để b/c);", "Lưu: VT, VP.")) -> bytes:
    doc = docx.Document()
    _bullet_numbering(doc, lvl_text, font)
    _line(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _line(doc, "Số: 12/SNV-VP")
    _line(doc, "Kính gửi:")
    _line(doc, "Các sở, ban, ngành thuộc tỉnh;", bullet=True)
    _line(doc, "UBND các huyện, thành phố.", bullet=True)
    _line(doc, "Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo số liệu biên chế./.")
    _line(doc, "Nơi nhận:", size=12, bold=True, italic=True)
    for entry in entries:
        _line(doc, entry, size=11, bullet=True)
    _line(doc, "GIÁM ĐỐC", bold=True)
    _line(doc, "Nguyễn Văn An", bold=True)
    for sec in doc.sections:
        sec.left_margin = docx.shared.Mm(30)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rules(data: bytes, prefix: str) -> list[str]:
    return [f.rule for f in check(data) if f.rule.startswith(prefix)]


def test_a_dash_bullet_is_the_dash_of_each_noi_nhan_entry():
    assert _rules(_document(), "noi_nhan.") == []


@pytest.mark.parametrize(("lvl_text", "font"), [("-", None), ("\uf02d", "Symbol")])
def test_the_bullet_is_read_as_word_writes_it(lvl_text, font):
    # -- Word's Symbol-font bullets sit in the private-use area: U+F02D prints "-"
    assert _rules(_document(lvl_text=lvl_text, font=font), "noi_nhan.") == []


def test_bulleted_kinh_gui_lines_are_addressees_not_body_text():
    findings = check(_document())
    body = [f for f in findings if f.rule.startswith("noi_dung.")
            and "Các sở" in f.location.excerpt]
    assert body == []


def test_a_round_bullet_is_not_the_decree_s_dash():
    found = [f for f in check(_document(lvl_text="\uf0b7", font="Symbol"))
             if f.rule == "noi_nhan.dau_cau"]
    assert [f.found for f in found][:1] == ["• Như trên;"]


def test_an_entry_without_its_mark_is_still_reported():
    data = _document(entries=("Như trên;", "UBND tỉnh (để b/c)", "Lưu: VT, VP."))
    found = [f for f in check(data) if f.rule == "noi_nhan.dau_cau"]
    assert [(f.found, f.expected) for f in found] == [
        ("- UBND tỉnh (để b/c)", "- UBND tỉnh (để b/c);")]


def test_fix_adds_the_mark_but_never_a_second_dash():
    data = _document(entries=("Như trên;", "UBND tỉnh (để b/c)", "Lưu: VT, VP."))
    out = io.BytesIO()
    report = fix(data, out)
    assert "noi_nhan.dau_cau" in {f.rule for f in report.fixed}
    texts = [p.text for p in docx.Document(io.BytesIO(out.getvalue())).paragraphs]
    assert "UBND tỉnh (để b/c);" in texts  # the bullet still prints the dash
    assert not any(t.startswith("-") for t in texts)
    assert letters(out.getvalue()) == letters(data)
