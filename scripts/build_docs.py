"""Write the generated parts of the documentation from the code: the JSON Schema and the field
tables.

- docs/schema/congvan.schema.json, from ``congvan.input_schema()`` (it also ships in the wheel as
  ``congvan/data/congvan.schema.json``);
- the field table of each document type in docs/input.md, between ``<!-- fields: TYPE -->`` and
  ``<!-- /fields -->``, from ``congvan.fields`` (the source of the schema's titles too).

Run ``make generated`` after changing a model or a field's text; tests/test_schema.py fails when a
generated file is stale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from congvan.fields import markdown_table
from congvan.models import MODELS
from congvan.schema import field_paths, input_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "schema" / "congvan.schema.json"
INPUT_MD = ROOT / "docs" / "input.md"
_BLOCK = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- /fields -->)", re.DOTALL)


def schema_text() -> str:
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"


def input_md(text: str) -> str:
    """Return docs/input.md with every field table rewritten from congvan.fields."""
    def table(m: re.Match[str]) -> str:
        return m.group(1) + markdown_table(field_paths(MODELS[m.group(2)])) + m.group(4)
    return _BLOCK.sub(table, text)


def main() -> None:
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
    INPUT_MD.write_text(input_md(INPUT_MD.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {INPUT_MD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
