"""JSON Schema of congvan's input, for editors that check and complete YAML as it is typed.

Titles and descriptions are Vietnamese and come from ``congvan.fields``, the source docs/input.md is
written from, so the editor and the documentation say the same thing. The schema is as strict as the
model where JSON Schema can say it (required fields, the date's calendar, patterns); rules it cannot
express (the order of authority lines, a Nơi nhận's “Như trên”) are the model's alone, and
tests/test_schema.py lists them. A copy ships in the wheel as ``congvan/data/congvan.schema.json``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any, cast, get_args

from .fields import FIELDS, MODEL_DOCS
from .models import MODELS

__all__ = ["DATE_PATTERN", "SCHEMA_ID", "input_schema", "packaged_schema"]

SCHEMA_ID = "https://congvan.invalid/schema/congvan.schema.json"


def _date_pattern() -> str:
    """Return a regex of the dates the model reads: real days only (no 31/02, no 29/02/2023)."""
    leap = r"(\d\d(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
    d28, d29, d30, d31 = r"(0?[1-9]|1\d|2[0-8])", "29", "30", "31"
    m31, m30, feb = r"(0?[13578]|1[02])", r"(0?[469]|11)", "0?2"
    dmy_sep = "[/.-]"
    dmy = (rf"({d28}{dmy_sep}(0?[1-9]|1[0-2])|({d29}|{d30}){dmy_sep}({m31}|{m30})"
           rf"|{d31}{dmy_sep}{m31}){dmy_sep}\d{{4}}|{d29}{dmy_sep}{feb}{dmy_sep}{leap}")
    iso_d28, iso_m = r"(0[1-9]|1\d|2[0-8])", r"(0[1-9]|1[0-2])"
    iso = (rf"\d{{4}}-({iso_m}-{iso_d28}|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
           rf"|{leap}-02-29")
    return rf"^({dmy}|{iso})$"


#: Dates as the model reads them (dd/mm/yyyy, d/m/yyyy, with / . or -, or ISO), real days only.
DATE_PATTERN = _date_pattern()

#: Per-field additions beyond what pydantic derives from the model.
_EXTRA: dict[str, dict[str, Any]] = {"ngay": {"pattern": DATE_PATTERN}}


def _annotate(schema: dict[str, Any], defs: dict[str, Any], prefix: str, seen: set[str]) -> None:
    """Set the Vietnamese title and description of every property under `schema`, by field path."""
    properties: dict[str, dict[str, Any]] = schema.get("properties") or {}
    for name, prop in properties.items():
        path = prefix + name
        doc = FIELDS.get(path)
        if doc is not None:
            prop["title"] = doc.title
            prop["description"] = doc.mo_ta
        if prop.get("type") == "string" and "enum" not in prop and "const" not in prop:
            prop.setdefault("minLength", 1)  # every text field refuses an empty value
        prop.update(_EXTRA.get(path, {}))
        for sub in _subschemas(prop):
            ref = sub.get("$ref", "")
            if ref.startswith("#/$defs/"):
                key = ref.rsplit("/", 1)[1]
                if key not in seen:
                    seen.add(key)
                    _annotate(defs[key], defs, path + ".", seen)
            elif "properties" in sub:
                _annotate(sub, defs, path + ".", seen)


def _subschemas(prop: dict[str, Any]) -> list[dict[str, Any]]:
    out = [prop]
    items = prop.get("items")
    if isinstance(items, dict):
        out += _subschemas(cast("dict[str, Any]", items))
    for key in ("anyOf", "oneOf", "allOf"):
        subs: list[dict[str, Any]] = prop.get(key, [])
        for sub in subs:
            out += _subschemas(sub)
    return out


def input_schema() -> dict[str, Any]:
    """Return the JSON Schema of one input document: one of the models, by ``loai_van_ban``."""
    defs: dict[str, Any] = {}
    variants: list[dict[str, str]] = []
    roots: list[str] = []
    for model in MODELS.values():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        roots.append(model.__name__)
        variants.append({"$ref": f"#/$defs/{model.__name__}"})
    seen: set[str] = set()
    for name in roots:
        root = defs[name]
        # `loai_van_ban` has a default in Python (CongVan(...) needs no type); a file must say it.
        root["required"] = ["loai_van_ban", *[r for r in root.get("required", [])
                                              if r != "loai_van_ban"]]
        _annotate(root, defs, "", seen)
    for name, (title, description) in MODEL_DOCS.items():
        if name in defs:
            defs[name]["title"], defs[name]["description"] = title, description
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "congvan: văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "description": "Dữ liệu một văn bản hành chính cho congvan; loai_van_ban chọn loại văn "
                       "bản.",
        "oneOf": variants,
        "$defs": defs,
    }


def packaged_schema() -> dict[str, Any]:
    """Return the schema file shipped in the wheel (``congvan/data/congvan.schema.json``), or
    docs/schema/congvan.schema.json of a checkout (an editable install), which is the same file."""
    packaged = resources.files("congvan").joinpath("data/congvan.schema.json")
    if packaged.is_file():
        text = packaged.read_text("utf-8")
    else:
        text = (Path(__file__).resolve().parents[2] / "docs/schema/congvan.schema.json").read_text(
            "utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def field_paths(model: type[Any], prefix: str = "") -> list[str]:
    """Return the dotted paths of `model`'s fields, nested models' fields after their parent's.

    >>> field_paths(MODELS["cong_van"])[:3]
    ['loai_van_ban', 'co_quan_chu_quan', 'co_quan_ban_hanh']
    """
    from pydantic import BaseModel

    out: list[str] = []
    for name, info in model.model_fields.items():
        out.append(prefix + name)
        for sub in _model_types(info.annotation):
            if isinstance(sub, type) and issubclass(sub, BaseModel):
                out += field_paths(sub, prefix + name + ".")
    return out


def _model_types(annotation: Any) -> list[Any]:
    """Return the types inside `annotation` (through Optional, list[…] and Annotated[…])."""
    args = get_args(annotation)
    if not args:
        return [annotation]
    out: list[Any] = []
    for arg in args:
        for t in _model_types(arg):
            if t not in out:
                out.append(t)
    return out
