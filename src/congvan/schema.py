"""JSON Schema of congvan's input, for editors that check and complete YAML as it is typed."""

from __future__ import annotations

from typing import Any

from .models import MODELS

__all__ = ["input_schema"]

SCHEMA_ID = "https://congvan.invalid/schema/congvan.schema.json"


def input_schema() -> dict[str, Any]:
    """Return the JSON Schema of one input document: one of the models, by ``loai_van_ban``."""
    defs: dict[str, Any] = {}
    variants = []
    for model in MODELS.values():
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        variants.append({"$ref": f"#/$defs/{model.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "congvan: văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "oneOf": variants,
        "$defs": defs,
    }
