"""Finding (one deviation from Decree 30 found in a .docx) and where it is.

>>> f = Finding("trang.le", "loi", "PL I §I.3", Location("page", section=1),
...             found="lề trái 25,4 mm", expected="30–35 mm",
...             message_vi="Lề trang không đúng quy định", message_en="Page margin out of range")
>>> f.where
'section 1'
>>> f.to_dict()["rule"]
'trang.le'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Finding", "Location"]


@dataclass(frozen=True)
class Location:
    """Where a finding is: area (``page``, ``body``, ``table``, ``header``, ``footer``), paragraph
    number in reading order (1-based, table cells included), table/row/column (1-based), the header
    or footer part, the section, and an excerpt of the text. None means "not applicable"."""

    area: str
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    part: str | None = None
    section: int | None = None
    excerpt: str = ""

    def __str__(self) -> str:
        bits: list[str] = []
        if self.area == "page":
            bits.append(f"section {self.section or 1}")
        elif self.area in ("header", "footer"):
            bits.append(f"{self.area} {self.part or ''}".strip())
        elif self.area == "table":
            bits.append(f"table {self.table} (row {self.row}, col {self.col})")
        else:
            bits.append(self.area)
        if self.paragraph is not None:
            bits.append(f"¶{self.paragraph}")
        if self.excerpt:
            bits.append(f"“{self.excerpt}”")
        return " ".join(bits)


@dataclass(frozen=True)
class Finding:
    """One deviation: the rule (stable ``rule`` id and decree citation), where, what, and
    messages."""

    rule: str
    #: ``loi``: breaks a rule written in the decree. ``canh_bao``: practice, a sample-only
    #: convention or an UNCONFIRMED value (see docs/check.md). Either makes ``check`` exit 1.
    severity: str
    cite: str
    location: Location
    found: str
    expected: str
    message_vi: str
    message_en: str
    fixable: bool = False
    data: dict[str, Any] = field(default_factory=dict[str, Any], compare=False, hash=False,
                                 repr=False)

    @property
    def where(self) -> str:
        return str(self.location)

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as plain JSON-ready data (the ``--format json`` record)."""
        out = asdict(self)
        out.pop("data")
        out["location"] = {k: v for k, v in asdict(self.location).items() if v not in (None, "")}
        out["where"] = self.where
        return out
