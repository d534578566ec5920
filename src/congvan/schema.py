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

from .fields import FIELDS, INPUT_ONLY, MODEL_DOCS
from .io import HO_SO_FIELDS
from .models import KHOI_NOI_DUNG_SCHEMA, MODELS
from .rules import THANH_PHAN

__all__ = ["DATE_PATTERN", "PROFILE_SCHEMA_ID", "SCHEMA_ID", "input_schema", "packaged_schema",
           "profile_schema"]

SCHEMA_ID = "https://congvan.invalid/schema/congvan.schema.json"
PROFILE_SCHEMA_ID = "https://congvan.invalid/schema/ho-so.schema.json"


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


def _titled(key: str, schema: dict[str, Any]) -> dict[str, Any]:
    doc = INPUT_ONLY[key]
    return {"title": doc.title, "description": doc.mo_ta, **schema}


def _khoi_noi_dung() -> dict[str, Any]:
    """Return the schema of one body block (DESIGN: a string in the body markup, or a table)."""
    can = {"enum": ["trai", "giua", "phai"]}
    cell = {"anyOf": [
        {"type": "string"}, {"type": "integer"},
        {"type": "object", "additionalProperties": False, "properties": {
            "o": _titled("o", {"anyOf": [{"type": "string"}, {"type": "integer"}]}),
            "gop_cot": _titled("o.gop_cot", {"type": "integer", "minimum": 1}),
            "gop_dong": _titled("o.gop_dong", {"type": "integer", "minimum": 1}),
            "gop_dong_tren": _titled("o.gop_dong_tren", {"type": "boolean"}),
            "can": _titled("o.can", can),
            "dam": _titled("o.dam", {"type": "boolean"})}}]}
    rows = {"type": "array", "items": {"type": "array", "items": cell, "minItems": 1}}
    bang = {"type": "object", "additionalProperties": False, "required": ["dong"], "properties": {
        "tieu_de": _titled("bang.tieu_de", {"type": "string", "minLength": 1}),
        "don_vi": _titled("bang.don_vi", {"type": "string", "minLength": 1}),
        "cot": _titled("bang.cot", {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "properties": {
                "rong": _titled("bang.cot.rong", {"type": "number", "exclusiveMinimum": 0}),
                "can": _titled("bang.cot.can", can)}}}),
        "dau": _titled("bang.dau", rows),
        "dong": _titled("bang.dong", {**rows, "minItems": 1})}}
    return {"title": "Khối nội dung",
            "description": "Một đoạn chữ (đánh dấu kiểu Markdown, docs/noi-dung.md) hoặc một bảng.",
            "anyOf": [{"type": "string", "minLength": 1},
                      {"type": "object", "additionalProperties": False, "required": ["bang"],
                       "properties": {"bang": _titled("bang", bang)}}]}


def _refer_blocks(node: Any) -> None:
    """Replace, under `node`, each body block's schema (marked by models.KhoiNoiDung) with a
    reference to ``$defs/KhoiNoiDung``."""
    if isinstance(node, dict):
        items = cast("dict[str, Any]", node)
        for key, value in items.items():
            if isinstance(value, dict) and cast("dict[str, Any]", value).get(
                    "$comment") == KHOI_NOI_DUNG_SCHEMA:
                items[key] = {"$ref": "#/$defs/KhoiNoiDung"}
            else:
                _refer_blocks(value)
    elif isinstance(node, list):
        for value in cast("list[Any]", node):
            _refer_blocks(value)


def _component_rule(props: dict[str, Any], loai: str) -> dict[str, Any]:
    """Return the schema that rules.THANH_PHAN[loai] adds to a model with `props`: the components
    it requires (and at least one item of a list), those it forbids (an empty list or nothing)."""
    tp = THANH_PHAN[loai]
    out: dict[str, Any] = {}
    for name in ("can_cu", "tham_quyen_ban_hanh", "kinh_gui"):
        if name not in props:
            continue
        need = getattr(tp, name)
        is_list = props[name].get("type") == "array"
        # Every property schema carries its field's title, as the editor shows it.
        title = {"title": props[name]["title"], "description": props[name]["description"]}
        if need == "bat_buoc":
            out.setdefault("required", []).append(name)
            if is_list:
                out.setdefault("properties", {})[name] = {**title, "minItems": 1}
        elif need == "khong":
            out.setdefault("properties", {})[name] = {
                **title, **({"maxItems": 0} if is_list else {"not": {}})}
    return out


def _components(root: dict[str, Any], types: tuple[str, ...]) -> None:
    """Add the components rules.THANH_PHAN requires or forbids to the schema of a model reading
    `types`: as required fields for one type, as if/then per type for several."""
    props: dict[str, Any] = root["properties"]
    if len(types) == 1:
        extra = _component_rule(props, types[0])
        root["required"] += [r for r in extra.get("required", []) if r not in root["required"]]
        for name, more in extra.get("properties", {}).items():
            props[name].update(more)
        return
    loai_van_ban = {"title": props["loai_van_ban"]["title"],
                    "description": props["loai_van_ban"]["description"]}
    branches = [{"if": {"properties": {"loai_van_ban": {**loai_van_ban, "const": loai}}},
                 "then": extra} for loai in types if (extra := _component_rule(props, loai))]
    if branches:
        root["allOf"] = branches


def input_schema() -> dict[str, Any]:
    """Return the JSON Schema of one input document: one of the models, by ``loai_van_ban``.

    Each model's schema lists its own fields and ``loai_van_ban`` as a const (or enum), so an
    editor offers the fields of the type chosen; ``discriminator`` names the model per type (as
    OpenAPI does; validators ignore it). A document naming an issuer profile (``co_quan``) need not
    give the fields a profile may hold.
    """
    defs: dict[str, Any] = {}
    variants: list[dict[str, str]] = []
    roots: dict[str, tuple[str, ...]] = {}
    mapping: dict[str, str] = {}
    for loai, model in MODELS.items():
        mapping[loai] = f"#/$defs/{model.__name__}"
        if model.__name__ in roots:
            roots[model.__name__] += (loai,)
            continue
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        roots[model.__name__] = (loai,)
        variants.append({"$ref": f"#/$defs/{model.__name__}"})
    _refer_blocks(defs)
    defs["KhoiNoiDung"] = _khoi_noi_dung()
    seen: set[str] = {"KhoiNoiDung"}
    for name, types in roots.items():
        root = defs[name]
        # `loai_van_ban` has a default in Python (CongVan(...) needs no type); a file must say it.
        root["required"] = ["loai_van_ban", *[r for r in root.get("required", [])
                                              if r != "loai_van_ban"]]
        _annotate(root, defs, "", seen)
        _components(root, types)
        props: dict[str, Any] = root["properties"]
        props["co_quan"] = _titled("co_quan", {"type": "string", "minLength": 1})
        signer = props["nguoi_ky"]
        props["nguoi_ky"] = {"title": signer.get("title"), "description": signer.get(
            "description"), "anyOf": [{"$ref": signer["$ref"]}, {
                "type": "string", "minLength": 1,
                "description": "Khóa của một người ký trong hồ sơ cơ quan (co_quan), ví dụ "
                               "chu-tich"}]}
        from_profile = [r for r in root["required"] if r in HO_SO_FIELDS]
        root["required"] = [r for r in root["required"] if r not in from_profile]
        if from_profile:
            root["anyOf"] = [{"required": ["co_quan"]}, {"required": from_profile}]
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
        "discriminator": {"propertyName": "loai_van_ban", "mapping": mapping},
        "$defs": defs,
    }


def profile_schema() -> dict[str, Any]:
    """Return the JSON Schema of an issuer profile (``co_quan: ho-so/….yaml``): the fields of
    congvan.io.HO_SO_FIELDS as a document has them, and ``nguoi_ky`` as signers by key."""
    document = input_schema()
    defs: dict[str, Any] = document["$defs"]
    fields: dict[str, Any] = defs["CongVan"]["properties"]
    properties = {name: fields[name] for name in HO_SO_FIELDS if name != "nguoi_ky"}
    signer = fields["nguoi_ky"]
    properties["nguoi_ky"] = {
        "title": signer["title"], "description": "Người ký theo khóa (chu-tich, pho-chu-tich…); "
        "văn bản ghi nguoi_ky: <khóa>.", "type": "object",
        "additionalProperties": {"$ref": "#/$defs/NguoiKy"}}
    used = {"CoQuanBanHanh", "NguoiKy", "DongThamQuyen"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": PROFILE_SCHEMA_ID,
        "title": "congvan: hồ sơ cơ quan",
        "description": "Các phần cố định của một cơ quan, dùng chung cho các văn bản ghi co_quan "
                       "(docs/input.md, Issuer profiles).",
        "type": "object", "additionalProperties": False, "properties": properties,
        "$defs": {name: value for name, value in defs.items() if name in used},
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
