"""The checker reads a copy block (bản sao, PL I Phần II; mẫu 3.1) after the copied document's
signature as the decree's sample shows it: the copied document is judged as it was (its signer,
Nơi nhận and body are its own), and the block adds no finding. Documents built by hand with
python-docx (a table block, and one typed as tab-separated lines), and congvan's own copies."""

from __future__ import annotations

import io
import sys

import docx
import pytest

import congvan
from congvan.checker._anatomy import locate
from congvan.checker._model import view
from congvan.checker._package import read_package

from . import corpus

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus


def _with_block(base: bytes, *, tables: bool) -> bytes:
    """`base` with a mẫu 3.1 copy block typed after it by hand."""
    doc = docx.Document(io.BytesIO(base))
    doc.add_paragraph()
    if tables:
        head = doc.add_table(rows=2, cols=2)
        head.cell(0, 0).text = "VĂN PHÒNG SỞ NỘI VỤ"
        head.cell(0, 1).text = "SAO Y"
        head.cell(0, 1).paragraphs[0].runs[0].bold = True
        head.cell(1, 0).text = "Số: 05/SY-VP"
        head.cell(1, 1).text = "Hà Nội, ngày 02 tháng 7 năm 2021"
        doc.add_paragraph()
        sig = doc.add_table(rows=1, cols=2)
        sig.cell(0, 0).text = "Nơi nhận:\n- Phòng Tổ chức;\n- Lưu: VT."
        sig.cell(0, 1).text = "KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nTrần Thị Bình"
    else:
        for line in ("VĂN PHÒNG SỞ NỘI VỤ\t\tSAO Y",
                     "Số: 05/SY-VP\tHà Nội, ngày 02 tháng 7 năm 2021",
                     "Nơi nhận:\tKT. CHÁNH VĂN PHÒNG", "- Lưu: VT.\tPHÓ CHÁNH VĂN PHÒNG",
                     "Trần Thị Bình"):
            doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("tables", [True, False])
def test_a_copy_block_adds_no_finding(tables: bool) -> None:
    base = build_corpus.build(build_corpus.Spec())
    copied = _with_block(base, tables=tables)
    assert [f.rule for f in congvan.check(copied)] == [f.rule for f in congvan.check(base)] == []


@pytest.mark.parametrize("tables", [True, False])
def test_the_copied_documents_own_parts_are_read(tables: bool) -> None:
    base = build_corpus.build(build_corpus.Spec())
    before = locate(view(read_package(base)))
    after = locate(view(read_package(_with_block(base, tables=tables))))
    assert before.ho_ten is not None and after.ho_ten is not None
    assert after.ho_ten.text == before.ho_ten.text  # not the copy's signer
    assert [s.text for s in after.tham_quyen] == [s.text for s in before.tham_quyen]
    assert [s.text for s in after.noi_nhan] == [s.text for s in before.noi_nhan]
    assert [p.text for p in after.body] == [p.text for p in before.body]
    assert after.attached == []


def test_congvans_copy_of_the_seed_has_no_finding() -> None:
    original = congvan.render_bytes(congvan.load(corpus.ROOT / "examples" /
                                                 "cong-van-4172-UBND-VHTT.yaml"))
    ban_sao = congvan.load_ban_sao(corpus.ROOT / "examples" / "ban-sao" /
                                   "sao-y-4172-UBND-VHTT.yaml")
    assert congvan.check(original) == []
    assert congvan.check(congvan.sao(original, ban_sao)) == []
