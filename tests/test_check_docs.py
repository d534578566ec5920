"""docs/check.md documents every checker rule with its id and citation, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from congvan.checker import CATALOG

DOC = Path(__file__).resolve().parents[1] / "docs" / "check.md"


def test_every_rule_is_documented_with_its_citation():
    text = DOC.read_text(encoding="utf-8")
    documented = dict(re.findall(r"^- \*\*`([a-z_.0-9]+)`\*\* \(([^;]+);", text, re.MULTILINE))
    assert sorted(documented) == sorted(CATALOG)
    for rule_id, cite in documented.items():
        assert cite == CATALOG[rule_id].cite, rule_id
        assert f"Example: `[{rule_id}] ({cite})" in text, rule_id


def test_rule_ids_are_stable_shaped():
    for rule_id, rule in CATALOG.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", rule_id)
        assert rule.severity in ("loi", "canh_bao")
        assert rule.cite.startswith("PL ")
