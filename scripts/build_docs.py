"""Write the generated parts of the documentation from the code: the JSON Schema, the field tables.

- docs/schema/congvan.schema.json, from ``congvan.input_schema()`` (it also ships in the wheel as
  ``congvan/data/congvan.schema.json``), and docs/schema/ho-so.schema.json, the issuer profile's,
  from ``congvan.schema.profile_schema()``;
- the field table of each document family in docs/input.md, between ``<!-- fields: TYPE -->`` and
  ``<!-- /fields -->``, from ``congvan.fields`` (the source of the schema's titles too);
- the table of which type has which component, between ``<!-- thanh-phan -->`` and
  ``<!-- /thanh-phan -->``, from ``congvan.rules.THANH_PHAN``.

Run ``make generated`` after changing a model or a field's text; tests/test_schema.py fails when a
generated file is stale.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from congvan.fields import markdown_table
from congvan.models import MODELS
from congvan.rules import LOAI_VAN_BAN, THANH_PHAN
from congvan.schema import field_paths, input_schema, profile_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "schema" / "congvan.schema.json"
PROFILE_SCHEMA = ROOT / "docs" / "schema" / "ho-so.schema.json"
INPUT_MD = ROOT / "docs" / "input.md"
_BLOCK = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- /fields -->)", re.DOTALL)
_THANH_PHAN = re.compile(r"(<!-- thanh-phan -->\n)(.*?)(<!-- /thanh-phan -->)", re.DOTALL)
_CO = {"bat_buoc": "required", "tuy_chon": "optional", "khong": "—"}


def thanh_phan_table() -> str:
    """Return the Markdown table of rules.THANH_PHAN: per type, its model and components."""
    lines = ["| `loai_van_ban` | Type | Ký hiệu | Model | `can_cu` | `tham_quyen_ban_hanh` | "
             "`kinh_gui` | Điều | Rule |", "|---|---|---|---|---|---|---|---|---|"]
    for ma, tp in THANH_PHAN.items():
        loai = LOAI_VAN_BAN[ma]
        ky_hieu = f"`{loai.viet_tat}-…`" if loai.viet_tat else "`<issuer>-<unit>`"
        extra = [f"`{tp.dong_quyet_dinh}`" if tp.dong_quyet_dinh else "",
                 "signed `TM.`" if tp.tm_tap_the else "",
                 "may attach `van_ban_kem_theo`" if tp.van_ban_kem_theo else ""]
        lines.append(
            f"| `{ma}` | {loai.ten} | {ky_hieu} | `{MODELS[ma].__name__}` | {_CO[tp.can_cu]} | "
            f"{_CO[tp.tham_quyen_ban_hanh]} | {_CO[tp.kinh_gui]} | {_CO[tp.dieu]} | "
            f"{'; '.join([*(e for e in extra if e), tp.cite])} |")
    return "\n".join(lines) + "\n"


def schema_text() -> str:
    return json.dumps(input_schema(), ensure_ascii=False, indent=2) + "\n"


def profile_schema_text() -> str:
    return json.dumps(profile_schema(), ensure_ascii=False, indent=2) + "\n"


def input_md(text: str) -> str:
    """Return docs/input.md with every field table rewritten from congvan.fields."""
    def table(m: re.Match[str]) -> str:
        return m.group(1) + markdown_table(field_paths(MODELS[m.group(2)])) + m.group(4)
    text = _THANH_PHAN.sub(lambda m: m.group(1) + thanh_phan_table() + m.group(3), text)
    return _BLOCK.sub(table, text)


def main() -> None:
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
    PROFILE_SCHEMA.write_text(profile_schema_text(), encoding="utf-8")
    print(f"wrote {PROFILE_SCHEMA.relative_to(ROOT)}")
    INPUT_MD.write_text(input_md(INPUT_MD.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {INPUT_MD.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
