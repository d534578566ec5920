"""Issue 9, the checker's package, page numbers, ký hiệu and --fix safety: rule-level tests.

Every document here is built by hand with python-docx (or scripts/build_corpus.py, which uses
python-docx too), never through congvan's renderer.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

import congvan
from congvan.errors import DocxReadError

from . import corpus
from .checker_fixtures import edit_part
from .hostile.harness import run_cli, run_python

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus
import build_doc_container


def _bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _rules(data: bytes, prefix: str) -> list[str]:
    return sorted(f.rule for f in congvan.check(data) if f.rule.startswith(prefix))


# -- page numbers: judged only where Word prints them ----------------------------------------------

def _page_field(paragraph, size: float) -> None:
    """Append a PAGE field (Insert ▸ Page Number) to `paragraph`, at `size` pt."""
    rpr = f'<w:rPr><w:sz w:val="{round(size * 2)}"/></w:rPr>'
    for xml in (f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText>'
                '</w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:t>2</w:t></w:r>',
                f'<w:r {nsdecls("w")}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def _numbered(pages: int, *, even: str | None = None, first: str | None = None,
              title_page: bool = True, even_and_odd: bool = False,
              default: str | None = "header") -> bytes:
    """A document of `pages` pages (page breaks) numbered from page 2 at the top centre, 13 pt, in
    the default header; `even` / `first` add an even-page / first-page "header" or "footer" holding
    a page number at the bottom right, 10 pt."""
    doc = docx.Document()
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # a Decree 30 document (scope)
    for i in range(pages):
        p = doc.add_paragraph("Nội dung trang " + str(i + 1) + ".")
        if i < pages - 1:
            p.add_run().add_break(WD_BREAK.PAGE)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = title_page
    if default:
        part = sec.header if default == "header" else sec.footer
        p = part.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(p, 13)
    for kind, where in (("even", even), ("first", first)):
        if where is None:
            continue
        part = getattr(sec, f"{kind}_page_{where}")
        part.is_linked_to_previous = False
        p = part.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _page_field(p, 10)
    settings = doc.settings.element
    for el in settings.findall(qn("w:evenAndOddHeaders")):
        settings.remove(el)
    if even_and_odd:
        settings.append(parse_xml(f'<w:evenAndOddHeaders {nsdecls("w")}/>'))
    return _bytes(doc)


def test_an_even_page_footer_without_even_and_odd_headers_is_never_printed_so_never_judged():
    assert _rules(_numbered(2, even="footer"), "so_trang") == []


def test_an_even_page_footer_that_prints_is_judged():
    found = _rules(_numbered(2, even="footer", even_and_odd=True), "so_trang")
    assert "so_trang.vi_tri" in found and "so_trang.co_chu" in found


def test_a_first_page_footer_without_title_page_is_never_printed_so_never_judged():
    data = _numbered(2, first="footer", title_page=False, default=None)
    assert "so_trang.vi_tri" not in _rules(data, "so_trang")


def test_a_page_number_from_page_2_of_a_one_page_document_is_not_judged():
    assert _rules(_numbered(1, default="footer"), "so_trang") == []


def test_the_same_footer_on_a_three_page_document_is_judged():
    assert "so_trang.vi_tri" in _rules(_numbered(3, default="footer"), "so_trang")


def test_an_even_page_number_alone_that_never_prints_leaves_the_document_unnumbered():
    assert "so_trang.thieu" in _rules(_numbered(3, even="footer", default=None), "so_trang")


def _set_app_pages(data: bytes, pages: int) -> bytes:
    return edit_part(data, "docProps/app.xml", lambda member: re.sub(
        rb"<Pages>\d+</Pages>", b"<Pages>%d</Pages>" % pages, member))


def test_the_recheck_after_fix_counts_the_pages_of_the_fixed_document():
    # -- 8 pt text with 60 mm side margins: Word counted 2 pages (docProps/app.xml). --fix sets
    #    the margins into the decree's range: the same text now fills about one page, and the
    #    re-check must not take the input's count for the output's.
    doc = docx.Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = docx.shared.Mm(60)
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # a Decree 30 document (scope)
    for _ in range(14):
        run = doc.add_paragraph().add_run("Nội dung văn bản hành chính trình bày theo quy định "
                                          "của Nghị định 30 về công tác văn thư. " * 3)
        run.font.size = Pt(13)
    data = _set_app_pages(_bytes(doc), 2)
    assert "so_trang.thieu" in _rules(data, "so_trang")
    report = congvan.fix(data, io.BytesIO())
    assert any(f.rule == "trang.le" for f in report.before)
    assert "so_trang.thieu" not in {f.rule for f in report.remaining}


# -- the container: a .doc, an RTF, a zip that is not a Word document ------------------------------

def test_the_committed_modern_word_doc_is_what_the_script_builds():
    path = corpus.CORPUS / "doc-modern-word.doc"
    assert path.read_bytes() == build_doc_container.modern_word_doc()
    sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert sidecar["exit_code"] == 2 and sidecar["file"] == path.name


def test_a_doc_with_an_embedded_theme_zip_is_refused_with_save_as_docx(tmp_path):
    path = corpus.CORPUS / "doc-modern-word.doc"
    assert zipfile.is_zipfile(path)  # the trap: zipfile finds the theme zip inside
    outcome = run_cli("check", str(path))
    outcome.assert_clean_failure(2)
    assert "Lưu thành .docx" in outcome.stderr
    out = tmp_path / "fixed.docx"
    run_cli("check", "--fix", "-o", str(out), str(path)).assert_clean_failure(2)
    assert not out.exists()
    with pytest.raises(DocxReadError) as exc:
        congvan.check(path.read_bytes())
    assert exc.value.code == "docx.doc"


def test_an_rtf_file_is_refused_with_save_as_docx():
    with pytest.raises(DocxReadError) as exc:
        congvan.check(b"{\\rtf1\\ansi Ki\\'nh g\\'fdi}")
    assert exc.value.code == "docx.rtf"


def test_a_theme_only_zip_is_not_a_word_document(tmp_path):
    with pytest.raises(DocxReadError) as exc:
        congvan.check(build_doc_container.theme_zip())
    assert exc.value.code == "docx.not_word"
    with pytest.raises(DocxReadError):
        congvan.fix(build_doc_container.theme_zip(), tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


# -- ký hiệu: a công văn opens with its issuer's abbreviation --------------------------------------

def _cuc_thue(so: str) -> bytes:
    return build_corpus.build(build_corpus.Spec(parent="BỘ TÀI CHÍNH", body_name="CỤC THUẾ", so=so))


def test_cuc_thue_ct_in_a_cong_van_is_the_issuer_not_a_chi_thi():
    assert _rules(_cuc_thue("Số: 1250/CT-TTHT"), "so_ky_hieu") == []


def test_a_type_abbreviation_that_is_not_the_issuer_is_still_reported_in_a_cong_van():
    assert _rules(_cuc_thue("Số: 1250/QĐ-CT"), "so_ky_hieu") == ["so_ky_hieu.viet_tat_loai"]


# -- --fix changes no word, moves nothing, shrinks nothing it is not sure of -----------------------

def _lines(data: bytes) -> list[tuple[str, list[float | None]]]:
    """Every paragraph's text (tables included, in order) and its runs' sizes."""
    out = []
    for p in docx.Document(io.BytesIO(data)).element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        sizes = [int(s.get(qn("w:val"))) / 2 for s in p.iter(qn("w:sz"))]
        out.append((text, sizes))
    return out


def _fixed(data: bytes) -> bytes:
    out = io.BytesIO()
    congvan.fix(data, out)
    return out.getvalue()


def _noi_nhan(*entries: str, layout: str = "one_cell") -> bytes:
    return build_corpus.build(build_corpus.Spec(noi_nhan=list(entries), noi_nhan_layout=layout))


def test_fix_puts_the_closing_mark_at_the_end_and_never_moves_a_bracketed_note():
    data = _noi_nhan("- Như trên;", "- Phó Giám đốc Sở (Đ/c Duệ)", "- Lưu: VT, NVY.")
    texts = [t for t, _ in _lines(_fixed(data))]
    assert "- Phó Giám đốc Sở (Đ/c Duệ);" in texts


def test_fix_keeps_the_spaces_inside_an_entry():
    data = _noi_nhan("- Như trên;", "- UBND tỉnh     (để b/c)", "-  Giám đốc Sở", "- Lưu: VT, NVY.")
    texts = [t for t, _ in _lines(_fixed(data))]
    assert "- UBND tỉnh     (để b/c);" in texts and "-  Giám đốc Sở;" in texts


def test_fix_never_closes_a_soft_broken_list_after_its_first_line():
    data = _noi_nhan("- Như trên;", "- Trung tâm Y tế khu vực 10;", "- Giám đốc Sở;",
                     "- Lưu: VT, NVY.", layout="soft_breaks")
    assert [t for t, _ in _lines(_fixed(data))] == [t for t, _ in _lines(data)]


def test_fix_never_decodes_a_unicode_word_typed_among_legacy_text():
    doc = docx.Document()
    p = doc.add_paragraph()
    for text in ("C«ng v¨n b¸o c¸o ", "Thông"):  # TCVN3 bytes, then a word typed in Unicode
        run = p.add_run(text)
        run.font.name = ".VnTime"
    texts = [t for t, _ in _lines(_fixed(_bytes(doc)))]
    assert texts[0] == "Công văn báo cáo Thông"


def test_fix_leaves_the_sizes_after_the_signature_alone():
    # -- a công văn whose Nơi nhận is 13 pt (a true finding, fixed to 11–12 pt), then a second
    #    document after the signature, whose last line gives an e-mail address: it is not ô 13
    data = build_corpus.build(build_corpus.Spec())
    doc = docx.Document(io.BytesIO(data))
    for cell_p in doc.tables[-1].rows[0].cells[0].paragraphs:
        for run in cell_p.runs:
            run.font.size = Pt(13)
    after = ["QUY ĐỊNH", "Về công tác tiêm chủng", "Chương I", "Điều 1. Phạm vi điều chỉnh",
             "Quy định này áp dụng cho các cơ sở y tế trên địa bàn tỉnh.",
             "Mọi thắc mắc gửi về thư điện tử vanthu@soyte.gov.vn."]
    for text in after:
        doc.add_paragraph().add_run(text).font.size = Pt(14)
    data = _bytes(doc)
    before, fixed = _lines(data), _lines(_fixed(data))
    assert [t for t, _ in fixed] == [t for t, _ in before]
    assert fixed[-len(after):] == before[-len(after):] == [(t, [14.0]) for t in after]
    noi_nhan = [sizes for text, sizes in fixed if text.startswith("- Như trên")]
    assert noi_nhan and all(11 <= s <= 12 for s in noi_nhan[0])


# -- the checker computes nothing with the renderer's code -----------------------------------------

def test_the_checker_never_loads_the_renderer():
    path = corpus.CORPUS / "cong-van-clean.docx"
    code = ("import io, json, sys, congvan.checker as c\n"
            f"c.check({str(path)!r}); c.fix({str(path)!r}, io.BytesIO())\n"
            "print(json.dumps(sorted(sys.modules)))")
    outcome = run_python(code)
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    loaded = set(json.loads(outcome.out))
    assert "congvan.checker" in loaded
    renderer = {"congvan.render", "congvan.formatting", "congvan.measure", "congvan.context",
                "congvan.models", "congvan.io", "docx", "docxtpl"}
    assert not {m for m in loaded if m in renderer or m.startswith("congvan.render.")}


def _after_signature(*lines: str, size: float = 14) -> bytes:
    doc = docx.Document(io.BytesIO(build_corpus.build(build_corpus.Spec())))
    for text in lines:
        doc.add_paragraph().add_run(text).font.size = Pt(size)
    return _bytes(doc)


def test_a_document_that_goes_on_after_its_signature_is_not_an_address_block():
    data = _after_signature("QUY ĐỊNH", "Chương I", "Điều 1. Phạm vi điều chỉnh",
                            "Mọi thắc mắc gửi về thư điện tử vanthu@soyte.gov.vn.")
    assert _rules(data, "dia_chi") == []


def test_the_address_lines_right_under_the_signature_are_still_judged():
    data = _after_signature("SỞ Y TẾ TỈNH BẮC NINH", "Địa chỉ: số 5 đường Lý Thái Tổ",
                            "ĐT: 0222.3822000, E-mail: soyte@bacninh.gov.vn", size=13)
    assert "dia_chi.co_chu" in _rules(data, "dia_chi")


@pytest.mark.parametrize(("case", "pages"), [("cong-van-one-page-numbered", 1),
                                             ("cong-van-two-pages-even-footer", 2),
                                             ("cong-van-clean", 1)])
def test_the_one_page_judgement_agrees_with_libreoffice(case, pages, to_pdf):
    # -- the checker never renders: its "surely one page" (no break, text under 0.9 page) is
    #    checked here against the pages LibreOffice lays out
    import pdfplumber

    from congvan.checker._model import view
    from congvan.checker._package import read_package
    from congvan.checker.page_numbers import surely_one_page

    data = (corpus.CORPUS / f"{case}.docx").read_bytes()
    with pdfplumber.open(to_pdf(data)) as pdf:
        assert len(pdf.pages) == pages
    assert surely_one_page(view(read_package(data))) == (pages == 1)
