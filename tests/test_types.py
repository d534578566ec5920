"""Every document type with a tên loại, end to end: each example of examples/ rendered, checked by
congvan's own checker (zero findings) and laid out by LibreOffice (positions from its PDF).

The examples are converted in one LibreOffice run per session. Coordinates are PDF points from the
top-left of the page (pdfplumber's ``top``/``x0``).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

import congvan
from congvan.context import build_context
from congvan.noi_dung.blocks import Paragraph, Table
from congvan.rules import PAGE

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml"))
PT_PER_MM = 72 / 25.4
LEFT = PAGE.margin_left * PT_PER_MM
TEXT_WIDTH = PAGE.text_width * PT_PER_MM
TEXT_CENTRE = LEFT + TEXT_WIDTH / 2


def _load(path: Path):
    return congvan.load(path)


TYPED = [p for p in EXAMPLES if _load(p).loai_van_ban != "cong_van"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_checker_finds_nothing(example):
    """congvan's own checker accepts what congvan renders, for every example."""
    findings = congvan.check(congvan.render_bytes(_load(example)), name=example.name)
    assert [(f.rule, f.message) for f in findings] == []


def test_every_family_has_examples():
    kinds = {_load(p).loai_van_ban for p in EXAMPLES}
    assert {"cong_van", "quyet_dinh", "nghi_quyet", "ke_hoach", "thong_bao", "bao_cao",
            "to_trinh", "chi_thi", "huong_dan"} <= kinds
    assert len(TYPED) >= 12


def test_every_type_has_an_example():
    """Issue 11: one realistic example per type of LOAI_VAN_BAN in examples/ (rendered, checked and
    laid out by the tests of this file, summarised by test_golden.py)."""
    kinds = {_load(p).loai_van_ban for p in EXAMPLES}
    assert sorted(set(congvan.LOAI_VAN_BAN) - kinds) == []


@pytest.fixture(scope="session")
def pdfs(example_pdfs) -> dict[str, Path]:
    """Every example as LibreOffice lays it out (conftest.py: one conversion per session)."""
    return example_pdfs


def _pages(pdf: Path):
    with pdfplumber.open(pdf) as doc:
        return [(page.extract_words(extra_attrs=["fontname", "size"]), page.lines + page.rects,
                 page.width, page.height) for page in doc.pages]


def _find(words, text: str, start: int = 0):
    parts = text.split()
    for i in range(start, len(words) - len(parts) + 1):
        if [w["text"] for w in words[i:i + len(parts)]] == parts:
            return words[i:i + len(parts)]
    return None


def _centre(line) -> float:
    return (line[0]["x0"] + line[-1]["x1"]) / 2


def _bold(line) -> bool:
    return all("Bold" in w["fontname"] for w in line)


@pytest.mark.parametrize("example", TYPED, ids=lambda p: p.stem)
def test_type_name_and_trich_yeu_centred_with_rule(example, pdfs):
    doc = _load(example)
    ctx = build_context(doc)
    words, lines, _w, _h = _pages(pdfs[example.stem])[0]
    name = _find(words, ctx["ten_loai"])
    assert name is not None, ctx["ten_loai"]
    assert abs(_centre(name) - TEXT_CENTRE) < 3 and _bold(name)
    bottom = name[0]["bottom"]
    for text in ctx["trich_yeu"]:
        line = _find(words, text)
        assert line is not None, text
        assert abs(_centre(line) - TEXT_CENTRE) < 3 and _bold(line), text
        bottom = max(bottom, line[0]["bottom"])
    # The rule under them: a short horizontal line, centred, within 12 pt below (PL I §II.5.b).
    rules = [ln for ln in lines if abs(ln["top"] - ln["bottom"]) < 2
             and bottom < ln["top"] < bottom + 12]
    assert rules, "no rule under the trích yếu"
    rule = rules[0]
    assert abs((rule["x0"] + rule["x1"]) / 2 - TEXT_CENTRE) < 3
    widest = max(_centre_width(_find(words, t)) for t in ctx["trich_yeu"] or [ctx["ten_loai"]])
    assert widest / 3 - 2 <= rule["x1"] - rule["x0"] <= widest / 2 + 2


def _centre_width(line) -> float:
    return line[-1]["x1"] - line[0]["x0"]


@pytest.mark.parametrize("example", TYPED, ids=lambda p: p.stem)
def test_headings_centred_and_bold(example, pdfs):
    """Authority line, decision line, Phần/Chương/Mục and their titles: centred, bold (§3.6)."""
    doc = _load(example)
    ctx = build_context(doc)
    pages = _pages(pdfs[example.stem])
    checked = 0
    blocks = [*ctx["noi_dung"], *ctx["van_ban_kem_theo"]]
    for block in blocks:
        if not isinstance(block, Paragraph) or block.kind not in (
                "tham_quyen_ban_hanh", "quyet_dinh", "phan", "chuong", "muc", "tieu_muc",
                "tieu_de_chuong_muc"):
            continue
        text = block.text.upper() if block.kind == "tieu_de_chuong_muc" else block.text
        found = [line for words, *_ in pages if (line := _find(words, text.split("\n")[0]))]
        assert found, text
        assert abs(_centre(found[0]) - TEXT_CENTRE) < 4 and _bold(found[0]), text
        checked += 1
    if doc.loai_van_ban in ("quyet_dinh", "nghi_quyet"):
        assert checked >= 2  # the authority line and QUYẾT ĐỊNH: / QUYẾT NGHỊ:


@pytest.mark.parametrize("example", TYPED, ids=lambda p: p.stem)
def test_signature_block_not_split(example, pdfs):
    """The Nơi nhận label, every authority and title line and the signer's name share a page."""
    ctx = build_context(_load(example))
    pages = _pages(pdfs[example.stem])
    names = [i for i, (words, *_) in enumerate(pages) if _find(words, ctx["ho_ten"])]
    assert names, ctx["ho_ten"]
    words = pages[names[-1]][0]
    if ctx["noi_nhan"]:  # a contract has none unless given (practice, decree30.md §5)
        assert _find(words, "Nơi nhận:") is not None
    for line in ctx["tham_quyen"]:
        assert _find(words, line) is not None, line


def test_table_header_repeats_on_the_next_page(pdfs):
    """A table that crosses a page repeats its header row (w:tblHeader)."""
    crossing = 0
    for example in TYPED:
        ctx = build_context(_load(example))
        tables = [b for b in ctx["noi_dung"] if isinstance(b, Table) and b.header]
        if not tables:
            continue
        pages = _pages(pdfs[example.stem])
        header = next(p.text for p in tables[0].header[0][0].paragraphs if p.text)
        on = [i for i, (words, *_) in enumerate(pages) if _find(words, header)]
        if len(pages) > 1 and len(on) > 1:
            crossing += 1
    assert crossing >= 1, "no example has a table crossing a page with its header repeated"


def test_one_example_runs_to_four_pages(pdfs):
    assert max(len(_pages(pdf)) for pdf in pdfs.values()) >= 4


def test_landscape_phu_luc_and_page_numbers_restart(pdfs):
    """A landscape phụ lục turns its pages; each phụ lục is numbered from 1 (PL I §III.1.đ)."""
    found = False
    for example in TYPED:
        doc = _load(example)
        if not any(getattr(pl, "ngang", False) for pl in getattr(doc, "phu_luc", [])):
            continue
        pages = _pages(pdfs[example.stem])
        assert any(w > h for _words, _lines, w, h in pages)
        found = True
    assert found


def test_the_types_page_names_every_supported_type():
    from congvan.rules import THANH_PHAN

    page = (ROOT / "docs" / "types.md").read_text(encoding="utf-8")
    assert [t for t in THANH_PHAN if f"`{t}`" not in page] == []
    pictures = {p.split("](img/types/")[1].split(")")[0] for p in page.split("![")[1:]
                if "](img/types/" in p}
    assert all((ROOT / "docs" / "img" / "types" / name).is_file() for name in pictures)
    assert {p.stem for p in TYPED} <= {Path(name).stem for name in pictures}
