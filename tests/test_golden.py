"""Golden summaries of rendered examples: text and effective formatting per paragraph.

Reviewed by eye once (the seed against shared/seed/cong-van-4172-UBND-VHTT.md), then compared. To
accept an intended change: ``pytest tests/test_golden.py --update-golden`` and review the diff.

Known, deliberate differences from the seed's text (Decree 30 wins over the copy we were given):
- "Số: 4172/UBND-VHTT" has no space before "/" (PL I §II.3.c: "không cách chữ"); the seed's
  "4172 /" is a number typed into the gap left for the Văn thư.
- "CỘNG HÒA" is spelt as App. I §II.1.a writes it; the seed has the older "HOÀ".
- A Nơi nhận note stands before the semicolon ("- Như trên (VBĐT);"), as most real công văn write
  it; this seed puts it after ("- Như trên; (VBĐT)"). Same words, the punctuation congvan writes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import congvan

from .docx_summary import summarize

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
EXAMPLES_SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_summary_matches_golden(example, update_golden):
    summary = summarize(congvan.render_bytes(congvan.load(example)))
    golden = GOLDEN / f"{example.stem}.txt"
    if update_golden or not golden.exists():
        golden.write_text(summary, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote new golden file {golden.name}: review it, then run again")
    assert summary == golden.read_text(encoding="utf-8")


def test_seed_wording_line_for_line():
    """Every line of the seed appears in the rendering, in the same order."""
    # A copy of shared/seed/cong-van-4172-UBND-VHTT.md, the real công văn we reproduce.
    seed = Path(__file__).parent / "fixtures" / "cong-van-4172-UBND-VHTT.md"
    summary = summarize(congvan.render_bytes(congvan.load(EXAMPLES_SEED)))
    rendered = [line.split("| ", 1)[1] for line in summary.splitlines() if "| " in line]
    rendered = [line for line in rendered if line]  # rule and signature-room paragraphs
    expected = []
    for line in seed.read_text(encoding="utf-8").splitlines():
        line = line.strip().strip("*").strip()
        if not line:
            continue
        line = line.replace("Số: 4172 /", "Số: 4172/").replace("CỘNG HOÀ", "CỘNG HÒA")
        line = re.sub(r"^(- .*); (\(.*\))$", r"\1 \2;", line)
        expected.append(line)
    # Every line of the seed is rendered, as written; the header is two columns, so order is
    # compared from "Kính gửi:" on, where both read top to bottom.
    assert [line for line in expected if line not in rendered] == []
    start = rendered.index("Kính gửi:")
    assert [r for r in rendered[start:] if r != "{PAGE}"] == expected[expected.index("Kính gửi:"):]
