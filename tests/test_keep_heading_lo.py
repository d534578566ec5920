"""A heading must not end a page alone in LibreOffice: keep-with-next, seen in the PDF.

The first reproduction is the Bản thỏa thuận example with one more line of Bên A's particulars,
which brings "Điều 3. Hiệu lực" to the foot of page 1; LibreOffice 7.4 left it there alone
although its style has keepNext + keepLines. The cause is LibreOffice's first, estimated pages
(a new page after 25 paragraphs, 20 in a document of more than 100 nodes, a table counting its
rows): the heading was the last of the estimated page 1, its text the first of page 2, and a keep
is checked only against a next paragraph on the same page (render/_lo_pages.py). The second is a
long kế hoạch (20 a page) with a khoản tiêu đề. tests/fixtures/lo-keep-next/ holds a minimal pair
made before the fix. For a conversion (congvan.to_pdf, to_png, Converter) congvan puts hidden
empty paragraphs before such a chain, so that the estimated break falls before it; the .docx it
renders stays without them.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pdfplumber
import yaml
from docx.oxml.ns import qn

import congvan
from congvan.render import _lo_pages  # pyright: ignore[reportPrivateUsage]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ban-thoa-thuan-04-BTT-UBND.yaml"
KE_HOACH = ROOT / "examples" / "ke-hoach-598-KH-UBND.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lo-keep-next"


def _page_of(pdf: Path, start: str) -> int:
    """Return the 1-based page whose text has a line starting with `start`."""
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, 1):
            if any(line.startswith(start) for line in (page.extract_text() or "").splitlines()):
                return number
    raise AssertionError(f"{start!r} is not in {pdf.name}")


def _stranding_document() -> bytes:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["ben_a"]["dien_thoai"] = "0258 3822 123"
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True), base_dir=EXAMPLE.parent)
    buf = io.BytesIO()
    congvan.render(doc, buf)
    return buf.getvalue()


def _render(data: dict[str, object]) -> bytes:
    buf = io.BytesIO()
    congvan.render(congvan.loads(yaml.safe_dump(data, allow_unicode=True),
                                 base_dir=EXAMPLE.parent), buf)
    return buf.getvalue()


def _long_stranding_document() -> bytes:
    """The kế hoạch with two short paragraphs more and a longer căn cứ: "2. Cải cách thủ tục
    hành chính" (a khoản tiêu đề) at the foot of page 1, the 20th paragraph: a document of more
    than 100 nodes is estimated at 20 paragraphs a page, not 25."""
    data = yaml.safe_load(KE_HOACH.read_text(encoding="utf-8"))
    data["noi_dung"][0] += " Nội dung thêm." * 20
    data["noi_dung"][0:0] = ["Đoạn ngắn.", "Đoạn ngắn."]
    return _render(data)


def _body_units(data: bytes) -> list[tuple[str, str, bool]]:
    """Return the body's paragraphs and tables in order: (kind, style or text, hidden mark)."""
    rendered = docx.Document(io.BytesIO(data))
    units: list[tuple[str, str, bool]] = []
    for child in rendered.element.body.iterchildren():
        if child.tag == qn("w:p"):
            hidden = child.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:vanish')}") is not None
            units.append(("p", "".join(t.text or "" for t in child.iter(qn("w:t"))), hidden))
        elif child.tag == qn("w:tbl"):
            units.extend(("tr", "", False) for _ in child.iterchildren(qn("w:tr")))
    return units


def test_a_hidden_paragraph_moves_the_estimated_break_before_the_heading() -> None:
    rendered = _stranding_document()
    assert not any(hidden for _, _, hidden in _body_units(rendered))  # the user's .docx: clean
    units = _body_units(_lo_pages.for_libreoffice(rendered))
    heading = next(i for i, u in enumerate(units) if u[1] == "Điều 3. Hiệu lực")
    # One hidden, empty paragraph right before the heading: the heading is the 26th unit, the
    # first of LibreOffice's estimated page 2, together with its text.
    assert units[heading - 1] == ("p", "", True)
    assert heading == 25
    assert sum(hidden for _, _, hidden in units) == 1
    # Nothing the user wrote is moved or changed: the visible paragraphs are the example's.
    visible = [text for kind, text, hidden in units if kind == "p" and not hidden]
    assert "Điều 3. Hiệu lực" in visible and visible.count("") <= 2


def test_libreoffice_estimate_of_paragraphs_per_page() -> None:
    def per_page(data: bytes) -> int:
        return _lo_pages.paragraphs_per_page(docx.Document(io.BytesIO(data)).element.body)

    assert per_page(_stranding_document()) == 25  # up to 100 nodes
    assert per_page(_long_stranding_document()) == 20


def test_a_document_without_such_a_break_is_left_as_it_is() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))  # Điều 3 is the 24th unit
    buf = io.BytesIO()
    congvan.render(congvan.loads(yaml.safe_dump(data, allow_unicode=True),
                                 base_dir=EXAMPLE.parent), buf)
    assert _lo_pages.for_libreoffice(buf.getvalue()) == buf.getvalue()
    assert _lo_pages.for_libreoffice(b"not a zip") == b"not a zip"


def test_a_keep_chain_is_moved_whole() -> None:
    # Three keep-with-next paragraphs (units 23–25) before a plain one (26): three hidden
    # paragraphs, so that the estimated break falls before the chain, not inside it.
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    keep = '<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>K</w:t></w:r></w:p>'
    plain = '<w:p><w:r><w:t>P</w:t></w:r></w:p>'
    body = etree.fromstring(f'<w:body xmlns:w="{w}">{plain * 22}{keep * 3}{plain * 3}</w:body>')
    assert _lo_pages.dodge_estimated_breaks(body, frozenset()) == 3
    texts = ["".join(p.itertext()) for p in body]
    assert texts[22:28] == ["", "", "", "K", "K", "K"]


def _pdf(soffice: str, tmp_path: Path, data: bytes) -> Path:
    """The PDF congvan.to_pdf makes of `data` (`soffice`: skip without LibreOffice)."""
    path = tmp_path / "van-ban.pdf"
    path.write_bytes(congvan.to_pdf(data))
    return path


def test_dieu_heading_stays_with_its_text(soffice, tmp_path) -> None:
    pdf = _pdf(soffice, tmp_path, _stranding_document())
    assert _page_of(pdf, "Điều 3. Hiệu lực") == _page_of(pdf, "1. Bản thỏa thuận có hiệu lực")


def test_khoan_heading_stays_with_its_text_in_a_long_document(soffice, tmp_path) -> None:
    pdf = _pdf(soffice, tmp_path, _long_stranding_document())
    assert _page_of(pdf, "2. Cải cách thủ tục hành chính") \
        == _page_of(pdf, "a) Công khai đầy đủ, kịp thời thủ tục hành chính")
