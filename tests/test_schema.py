"""The JSON Schema: current, Vietnamese, shipped, and as strict as the model where it can be.

The schema's verdict is taken from an independent validator (check-jsonschema, the jsonschema
library's CLI), on the same YAML files the model reads, so a disagreement between the two is found
here and not by a clerk whose editor said "valid".
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import congvan
from congvan.fields import FIELDS, INPUT_ONLY
from congvan.models import MODELS
from congvan.schema import SCHEMA_ID, field_paths, input_schema, packaged_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs/schema/congvan.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
sys.path.insert(0, str(ROOT / "scripts"))
import build_docs  # noqa: E402


def test_published_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == build_docs.schema_text(), (
        "docs/schema/congvan.schema.json is stale: run `make generated`")


def test_docs_input_md_field_tables_are_current():
    text = (ROOT / "docs/input.md").read_text(encoding="utf-8")
    assert text == build_docs.input_md(text), (
        "docs/input.md's field tables are stale: `make generated`")
    assert text.count("<!-- fields: ") == len(set(MODELS.values()))  # one table per family


def test_every_field_is_described_once_and_nothing_else():
    paths = {p for model in set(MODELS.values()) for p in field_paths(model)}
    assert paths == set(FIELDS), (
        f"fields.py out of step with the models: {sorted(paths ^ set(FIELDS))}")


def _properties(schema, defs, seen=None):
    """Yield every property schema, following $refs once."""
    seen = set() if seen is None else seen
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/") and ref not in seen:
                seen.add(ref)
                stack.append(defs[ref.rsplit("/", 1)[1]])
            yield from (node.get("properties") or {}).items()
            stack += [v for k, v in node.items() if k != "properties"]
            stack += list((node.get("properties") or {}).values())
        elif isinstance(node, list):
            stack += node


def test_every_property_has_a_vietnamese_title_and_description():
    schema = input_schema()
    titles = {doc.title for doc in [*FIELDS.values(), *INPUT_ONLY.values()]}
    for name, prop in _properties(schema, schema["$defs"]):
        assert prop.get("title") in titles, (name, prop.get("title"))
        assert prop.get("description"), name
    assert schema["$id"] == SCHEMA_ID


def test_type_is_required_in_a_file():
    assert "loai_van_ban" in input_schema()["$defs"]["CongVan"]["required"]


def test_the_wheel_ships_the_schema():
    assert packaged_schema() == input_schema()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"docs/schema/congvan.schema.json" = "congvan/data/congvan.schema.json"' in pyproject


def _schema_verdicts(paths: list[Path], schema: Path = SCHEMA_FILE) -> dict[str, bool]:
    """Return {file name: valid?} from check-jsonschema, one run for all files."""
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--output-format", "json",
         "--schemafile", str(schema), *map(str, paths)],
        capture_output=True, text=True, timeout=300)
    report = json.loads(proc.stdout)
    failed = {Path(e["filename"]).name for e in report.get("errors", [])}
    failed |= {Path(e["filename"]).name for e in report.get("parse_errors", [])}
    return {p.name: p.name not in failed for p in paths}


def _model_valid(path: Path) -> bool:
    try:
        congvan.load(path)
    except congvan.InvalidDocumentError:
        return False
    return True


SEED = yaml.safe_load((ROOT / "examples/cong-van-4172-UBND-VHTT.yaml").read_text(encoding="utf-8"))


def _set(path: str, value):
    def apply(doc):
        *parents, last = path.split(".")
        node = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is _DELETE:
            del node[last]
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
    return apply


_DELETE = object()

#: (name, change to the seed, the schema's verdict): the model refuses every one of these. Where
#: the schema accepts one, the reason names a rule JSON Schema cannot express.
INVALID = [
    ("no-type", _set("loai_van_ban", _DELETE), "invalid"),
    ("feb-31", _set("ngay", "31/02/2021"), "invalid"),
    ("feb-29-not-leap", _set("ngay", "29/02/2023"), "invalid"),
    ("month-13", _set("ngay", "01/13/2021"), "invalid"),
    ("number-zero", _set("so_van_ban", 0), "invalid"),
    ("number-leading-zero", _set("so_van_ban", "010"), "invalid"),
    ("number-a-bool", _set("so_van_ban", True), "invalid"),
    ("misspelt-field", _set("kinh_gu", ["UBND các xã"]), "invalid"),
    ("no-recipients", _set("kinh_gui", []), "invalid"),
    ("empty-subject", _set("trich_yeu", ""), "invalid"),
    ("unknown-authority", _set("nguoi_ky.tham_quyen", ["XX. Chủ tịch"]), "invalid"),
    ("lower-case-urgency", _set("do_khan", "khẩn"), "invalid"),
    ("seal-too-wide", _set("dau_co_quan", {"hinh_anh": "dau.png", "rong_mm": 100}), "invalid"),
    ("no-signer-name", _set("nguoi_ky.ho_ten", _DELETE), "invalid"),
    # Rules on a value's meaning, beyond JSON Schema: the model's alone.
    ("blank-subject", _set("trich_yeu", "   "), "valid: spaces are empty only after normalisation"),
    ("tm-before-a-person", _set("nguoi_ky.tham_quyen", ["TM. Chủ tịch"]),
     "valid: TM. stands before a collective, not a person's title (PL I §II.7.b)"),
    ("storage-without-vt", _set("noi_luu", ["VHTT"]),
     "valid: the Lưu line starts with VT (PL I §II.9.d)"),
]


#: Changes to the seed that both accept: forms a clerk types that must not be refused by an editor.
VALID = [
    ("number-as-printed", _set("so_van_ban", "05")),
    ("number-plain", _set("so_van_ban", 5)),
    ("iso-date", _set("ngay", "2021-07-01")),
    ("leap-day", _set("ngay", "29/02/2024")),
]


def _variants(tmp_path, changes):
    paths = []
    for name, change, *_ in changes:
        doc = copy.deepcopy(SEED)
        change(doc)
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def test_examples_and_valid_variants_pass_the_schema_and_the_model(tmp_path):
    paths = EXAMPLES + _variants(tmp_path, VALID)
    verdicts = _schema_verdicts(paths)
    for path in paths:
        assert verdicts[path.name], f"{path.name}: the schema refuses it"
        assert _model_valid(path), f"{path.name}: the model refuses it"


def test_invalid_documents_get_the_expected_verdicts(tmp_path):
    paths = _variants(tmp_path, INVALID)
    verdicts = _schema_verdicts(paths)
    for (name, _, expected), path in zip(INVALID, paths, strict=True):
        assert not _model_valid(path), f"{name}: the model accepts it"
        assert verdicts[path.name] == expected.startswith("valid"), (
            f"{name}: the schema says {'valid' if verdicts[path.name] else 'invalid'}, "
            f"expected {expected}")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_point_editors_at_the_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../docs/schema/congvan.schema.json"
