"""Whole bodies through congvan.noi_dung: every existing example unchanged, a structure-A Quy chế
and a structure-B Kế hoạch block by block, and hostile markup refused cleanly in a bounded child."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from congvan.noi_dung import end_with_period, parse_noi_dung, resolve_refs
from congvan.noi_dung.blocks import Cell, Paragraph, Run, Table
from congvan.vietnamese.text import normalize_text

from .hostile.harness import run_python

ROOT = Path(__file__).resolve().parents[1]
# The công văn examples written before the body markup existed: their bodies must not change.
EXAMPLES = [ROOT / "examples" / name for name in (
    "cong-van-4172-UBND-VHTT.yaml", "cong-van-bo-giao-duc-vu-gdtrh.yaml",
    "cong-van-so-khcn-tphcm.yaml", "cong-van-so-noi-vu-khanh-hoa.yaml")]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_examples_body_parses_to_its_typed_paragraphs(path: Path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8")).get("noi_dung") or []
    body = parse_noi_dung(raw)
    blocks = resolve_refs(body, body.anchors)
    assert len(blocks) == len(raw)
    for typed, block in zip(raw, blocks, strict=True):
        assert isinstance(block, Paragraph)
        assert block.kind in ("doan", "khoan")
        assert block.text == normalize_text(typed)
        assert all(not r.bold and not r.italic and r.footnote is None for r in block.runs)


def test_the_seed_keeps_its_numbered_blocks():
    raw = yaml.safe_load((ROOT / "examples/cong-van-4172-UBND-VHTT.yaml").read_text("utf-8"))
    body = parse_noi_dung(raw["noi_dung"])
    kinds = [(b.kind, b.text[:3]) for b in body.blocks if isinstance(b, Paragraph)]
    assert [k for k in kinds if k[0] == "khoan"] == [("khoan", "1. "), ("khoan", "2. ")]
    assert not body.has_dieu and body.refs == ()


QUY_CHE = [
    "# Chương: Quy định chung {#chung}",
    "# Điều: Phạm vi điều chỉnh và đối tượng áp dụng {#pham-vi}",
    """\
1. {#k-pham-vi} **Phạm vi điều chỉnh**

   Quy chế này quy định về tổ chức và hoạt động của Tổ công tác.
2. Đối tượng áp dụng:
   1. Thành viên Tổ công tác;
   2. {#d-co-quan} Cơ quan, đơn vị có liên quan.""",
    "# Điều: Nguyên tắc làm việc",
    "Tổ công tác làm việc theo chế độ tập thể.",
    "# Chương: Tổ chức thực hiện",
    "## Mục: Trách nhiệm",
    "# Điều: Trách nhiệm thi hành {#thi-hanh}",
    "Các đối tượng tại điểm {diem:d-co-quan} khoản 2 Điều {dieu:pham-vi} (Chương "
    "{chuong:chung}) thực hiện Quy chế này; khoản {khoan:k-pham-vi} áp dụng từ ngày ký.",
]


def test_structure_a_quy_che_block_by_block():
    body = parse_noi_dung(QUY_CHE)
    assert body.has_dieu and body.dieu_count == 3
    assert dict(body.anchors) == {
        ("chuong", "chung"): "I", ("dieu", "pham-vi"): "1", ("khoan", "k-pham-vi"): "1",
        ("diem", "d-co-quan"): "b", ("dieu", "thi-hanh"): "3"}
    blocks = end_with_period(resolve_refs(body, body.anchors))
    b = True
    assert blocks == (
        Paragraph("chuong", (Run("Chương I"),), keep_next=True),
        Paragraph("tieu_de_chuong_muc", (Run("Quy định chung"),), keep_next=True),
        Paragraph("dieu", (Run("Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", bold=b),),
                  keep_next=True),
        Paragraph("khoan_tieu_de", (Run("1. Phạm vi điều chỉnh", bold=b),), keep_next=True),
        Paragraph("doan", (Run("Quy chế này quy định về tổ chức và hoạt động của Tổ công tác."),)),
        Paragraph("khoan", (Run("2. Đối tượng áp dụng:"),)),
        Paragraph("diem", (Run("a) Thành viên Tổ công tác;"),)),
        Paragraph("diem", (Run("b) Cơ quan, đơn vị có liên quan."),)),
        Paragraph("dieu", (Run("Điều 2. Nguyên tắc làm việc", bold=b),), keep_next=True),
        Paragraph("doan", (Run("Tổ công tác làm việc theo chế độ tập thể."),)),
        Paragraph("chuong", (Run("Chương II"),), keep_next=True),
        Paragraph("tieu_de_chuong_muc", (Run("Tổ chức thực hiện"),), keep_next=True),
        Paragraph("muc", (Run("Mục 1"),), keep_next=True),
        Paragraph("tieu_de_chuong_muc", (Run("Trách nhiệm"),), keep_next=True),
        Paragraph("dieu", (Run("Điều 3. Trách nhiệm thi hành", bold=b),), keep_next=True),
        Paragraph("doan", (Run(
            "Các đối tượng tại điểm b khoản 2 Điều 1 (Chương I) thực hiện Quy chế này; khoản 1 "
            "áp dụng từ ngày ký./."),)),
    )


KE_HOACH = [
    "# Mục: Mục đích, yêu cầu",
    "1. Mục đích\n   - Nâng cao tỉ lệ cài đặt Bluezone;\n     + tại các phường;\n"
    "     + tại các xã.",
    "2. Yêu cầu: triển khai **nghiêm túc**[^1].\n\n[^1]: Theo Công văn số 1501/STTTT-TTBCXB.",
    "# Mục: Nội dung",
    "1. Tuyên truyền\n   1. Trên đài truyền thanh;\n   2. Trên mạng xã hội.",
    {"bang": {"tieu_de": "Bảng 1. Chỉ tiêu", "cot": [{"rong": 15, "can": "giua"}, {"rong": 100},
                                                     {"rong": 50}],
              "dau": [["STT", "Đơn vị", "Chỉ tiêu"]],
              "dong": [[1, "Phường Vĩnh Hải", "1.234"], [2, "Xã Vĩnh Lương", "98,5%"]]}},
    "2. Kiểm tra, đôn đốc theo mục {muc:to-chuc}.",
    "# Mục: Tổ chức thực hiện {#to-chuc}",
    "Các đơn vị triển khai thực hiện",
]


def test_structure_b_ke_hoach_block_by_block():
    body = parse_noi_dung(KE_HOACH)
    assert not body.has_dieu and body.dieu_count == 0
    blocks = end_with_period(resolve_refs(body, body.anchors))
    note = (Paragraph("chu_thich", (Run("Theo Công văn số 1501/STTTT-TTBCXB."),)),)
    table = Table(
        (15.0, 100.0, 50.0),
        header=((Cell((Paragraph("tieu_de_bang", (Run("STT"),)),)),
                 Cell((Paragraph("tieu_de_bang", (Run("Đơn vị"),)),)),
                 Cell((Paragraph("tieu_de_bang", (Run("Chỉ tiêu"),)),))),),
        rows=((Cell((Paragraph("o_bang", (Run("1"),)),), align="center"),
               Cell((Paragraph("o_bang", (Run("Phường Vĩnh Hải"),)),)),
               Cell((Paragraph("o_bang", (Run("1.234"),)),), align="right")),
              (Cell((Paragraph("o_bang", (Run("2"),)),), align="center"),
               Cell((Paragraph("o_bang", (Run("Xã Vĩnh Lương"),)),)),
               Cell((Paragraph("o_bang", (Run("98,5%"),)),), align="right"))),
        caption=Paragraph("chu_thich_bang", (Run("Bảng 1. Chỉ tiêu"),), keep_next=True))
    assert blocks == (
        Paragraph("muc_la_ma", (Run("I. Mục đích, yêu cầu"),), keep_next=True),
        Paragraph("khoan", (Run("1. Mục đích"),)),
        Paragraph("gach", (Run("- Nâng cao tỉ lệ cài đặt Bluezone;"),)),
        Paragraph("cong", (Run("+ tại các phường;"),)),
        Paragraph("cong", (Run("+ tại các xã."),)),
        Paragraph("khoan", (Run("2. Yêu cầu: triển khai "), Run("nghiêm túc", bold=True),
                            Run("", footnote=note), Run("."))),
        Paragraph("muc_la_ma", (Run("II. Nội dung"),), keep_next=True),
        Paragraph("khoan", (Run("1. Tuyên truyền"),)),
        Paragraph("diem", (Run("a) Trên đài truyền thanh;"),)),
        Paragraph("diem", (Run("b) Trên mạng xã hội."),)),
        table,
        Paragraph("khoan", (Run("2. Kiểm tra, đôn đốc theo mục III."),)),
        Paragraph("muc_la_ma", (Run("III. Tổ chức thực hiện"),), keep_next=True),
        Paragraph("doan", (Run("Các đơn vị triển khai thực hiện./."),)),
    )


# -- hostile input: refused cleanly, in a child bounded in time and memory --

HOSTILE = {
    "nested lists": "'- ' * 10_000 + 'x'",
    "nested numbered lists": "''.join('  ' * i + '1. x\\n' for i in range(150))",
    "nested quotes": "'>' * 10_000 + ' x'",
    "brackets": "'[' * 10_000 + ']' * 10_000",
    "emphasis": "'**' * 10_000 + 'x'",
    "40 KB line": "'x' * 40_001",
    "table rows": "'|a|b|\\n|-|-|\\n' + '|1|2|\\n' * 6_000",
}


@pytest.mark.parametrize("expr", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_markup_is_a_clean_error(expr: str):
    outcome = run_python(f"""
import sys
import congvan.noi_dung as nd
try:
    nd.parse_noi_dung([{expr}])
except nd.NoiDungError as exc:
    print(*sorted({{p.code for p in exc.problems}}))
    print(str(exc), file=sys.stderr)
    sys.exit(1)
""", timeout=60)
    outcome.assert_clean_failure(1)
    assert outcome.out.split() and all(
        code.startswith(("noi_dung.", "text.", "bang.")) for code in outcome.out.split())


def _doc_yaml_blocks() -> list[str]:
    import re

    text = (ROOT / "docs/noi-dung.md").read_text(encoding="utf-8")
    return re.findall(r"^```yaml\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("block", _doc_yaml_blocks())
def test_the_guides_yaml_examples_parse(block: str):
    body = parse_noi_dung(yaml.safe_load(block)["noi_dung"])
    assert resolve_refs(body, body.anchors)


def test_the_guides_quy_che_prints_what_it_says():
    block = next(b for b in _doc_yaml_blocks() if "pham-vi" in b)
    body = parse_noi_dung(yaml.safe_load(block)["noi_dung"])
    assert [b.text for b in resolve_refs(body, body.anchors) if isinstance(b, Paragraph)] == [
        "Chương I", "Quy định chung", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "1. Phạm vi điều chỉnh", "Quy chế này quy định về tổ chức và hoạt động của Tổ công tác.",
        "2. Đối tượng áp dụng:", "a) Thành viên Tổ công tác;", "b) Cơ quan, đơn vị có liên quan.",
        "Điều 2. Trách nhiệm thi hành",
        "Các cơ quan tại điểm b khoản 2 Điều 1 thực hiện Quy chế này."]
