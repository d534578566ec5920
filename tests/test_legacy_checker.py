"""The checker's legacy rule (phong_chu.ma_cu) and ``--fix`` on Unicode and on real legacy text.

Issue 8: a công văn rendered by congvan with trích yếu "báo cáo tình hình" failed ``congvan check``
with phong_chu.ma_cu (read as VNI), and --fix then repaired nothing; issue 9: --fix turned
"Thông cáo" into "Thơng cáo". A fix never changes a letter of Unicode text; legacy text typed by
hand with other software (python-docx, a ".VnTime" font) is still found and converted.
"""

from __future__ import annotations

import io

import docx
import pytest
import yaml

import congvan
from congvan.checker import check, fix

from .checker_fixtures import SEED, paras, to_bytes
from .test_legacy_samples import tcvn3, vni


def _render(**changes) -> bytes:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data.update(changes)
    return congvan.render_bytes(congvan.loads(yaml.safe_dump(data, allow_unicode=True)))


def _texts(raw: bytes) -> list[str]:
    doc = docx.Document(io.BytesIO(raw))
    parts = [s.header for s in doc.sections] + [s.footer for s in doc.sections]
    return [p.text for p in paras(doc)] + [p.text for part in parts for p in paras(doc, part)]


def _letters(raw: bytes) -> str:
    return "".join(ch for text in _texts(raw) for ch in text if ch.isalpha())


def _fixed(raw: bytes) -> bytes:
    out = io.BytesIO()
    fix(raw, out)
    return out.getvalue()


SUBJECTS = [
    "báo cáo tình hình",
    "thông báo kết quả tuyển dụng",
    "Thông cáo báo chí",
    "Thông cáo",
    "đề nghị hỗ trợ tỉnh Tuyên Quang",
]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_congvan_rendering_is_not_legacy_and_fix_keeps_every_letter(subject):
    raw = _render(trich_yeu=subject, kinh_gui=["Ủy ban nhân dân tỉnh Tuyên Quang"],
                  noi_dung=["Thông cáo báo chí", "báo cáo tình hình", "thông báo"])
    assert subject in " ".join(_texts(raw))
    assert "phong_chu.ma_cu" not in {f.rule for f in check(raw)}
    assert _letters(_fixed(raw)) == _letters(raw)


def _handmade(text: str, font: str) -> bytes:
    """Return a document made with python-docx alone: one paragraph of `text` in `font`."""
    doc = docx.Document()
    doc.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run = doc.add_paragraph().add_run(text)
    run.font.name = font
    return to_bytes(doc)


PARAGRAPH = ("Thực hiện Công văn số 1501/STTTT-TTBCXB ngày 25/6/2021 của Sở Thông tin và Truyền "
             "thông, Ủy ban nhân dân thành phố báo cáo tình hình cài đặt ứng dụng Bluezone trên "
             "địa bàn như sau.")
PARAGRAPH_TCVN3 = PARAGRAPH.replace("Ủy", "Uỷ")  # TCVN3 typists wrote U + ỷ: no capital Ủ


@pytest.mark.parametrize(
    ("font", "legacy", "expected"),
    [(".VnTime", tcvn3(PARAGRAPH_TCVN3), PARAGRAPH_TCVN3),
     ("VNI-Times", vni(PARAGRAPH), PARAGRAPH),
     ("Times New Roman", tcvn3(PARAGRAPH_TCVN3), PARAGRAPH_TCVN3),  # bytes never converted
     ("Times New Roman", vni(PARAGRAPH), PARAGRAPH)],
)
def test_real_legacy_paragraph_is_found_and_fixed(font, legacy, expected):
    raw = _handmade(legacy, font)
    found = [f for f in check(raw) if f.rule == "phong_chu.ma_cu"]
    assert found
    fixed = _fixed(raw)
    assert expected in _texts(fixed)
    assert "phong_chu.ma_cu" not in {f.rule for f in check(fixed)}


@pytest.mark.parametrize("text", ["báo cáo tình hình", "Thông cáo", PARAGRAPH])
def test_a_legacy_font_over_unicode_text_changes_font_not_letters(text):
    # -- a ".VnTime" style left over from an old template, over text typed in Unicode --
    raw = _handmade(text, ".VnTime")
    assert "phong_chu.ma_cu" in {f.rule for f in check(raw)}  # the font itself is legacy
    fixed = _fixed(raw)
    assert text in _texts(fixed) and _letters(fixed) == _letters(raw)
    assert "phong_chu.ma_cu" not in {f.rule for f in check(fixed)}


def test_a_legacy_run_inside_a_unicode_paragraph_is_fixed_alone():
    # -- a phrase pasted from an old file into a paragraph typed in Unicode, same font --
    unicode_part = "Căn cứ Thông báo số 12 của Sở Nội vụ, Ủy ban nhân dân thành phố "
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run(unicode_part)
    p.add_run(tcvn3("báo cáo tình hình thực hiện như sau."))
    raw = to_bytes(doc)
    assert "phong_chu.ma_cu" in {f.rule for f in check(raw)}
    fixed = _fixed(raw)
    assert unicode_part + "báo cáo tình hình thực hiện như sau." in _texts(fixed)
    assert "phong_chu.ma_cu" not in {f.rule for f in check(fixed)}
