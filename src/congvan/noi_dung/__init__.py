"""The body of a document (ô 6): its markup (docs/noi-dung.md), parsed into numbered blocks.

``parse_noi_dung`` reads what a clerk types (Markdown-subset strings and table mappings) into
`blocks.Block`s; ``resolve_refs`` writes the numbers of cross-references (``{dieu:to-chuc}``).

STAND-IN (branch i10-models): each string is one ``doan`` paragraph, a table mapping an empty table,
no anchors, and a line starting ``# Điều`` counts as an article. The real parser replaces this
module at merge; models.py uses only the API below (DESIGN-10.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .blocks import Block, Paragraph, Run, Table

__all__ = ["ParsedBody", "end_with_period", "parse_noi_dung", "resolve_refs"]


@dataclass(frozen=True)
class ParsedBody:
    """A parsed body: blocks (references unresolved), the anchors it defines, the references it
    uses, and whether it is made of articles."""

    blocks: tuple[Block, ...]
    anchors: Mapping[tuple[str, str], str] = field(default_factory=dict[tuple[str, str], str])
    refs: tuple[tuple[tuple[str | int, ...], int, str, str], ...] = ()
    has_dieu: bool = False
    dieu_count: int = 0


def parse_noi_dung(raw: Sequence[str | Mapping[str, Any]], *,
                   path: tuple[str | int, ...] = ("noi_dung",),
                   landscape: bool = False) -> ParsedBody:
    """Return the blocks of a body as typed (stand-in: one paragraph per string)."""
    del path, landscape
    blocks: list[Block] = []
    dieu = 0
    for item in raw:
        if isinstance(item, str):
            dieu += sum(line.lstrip("#").strip().startswith("Điều")
                        for line in item.splitlines() if line.startswith("#"))
            blocks.append(Paragraph("doan", (Run(item),)))
        else:
            blocks.append(Table(widths_mm=()))
    return ParsedBody(tuple(blocks), {}, (), dieu > 0, dieu)


def resolve_refs(body: ParsedBody, anchors: Mapping[tuple[str, str], str]) -> tuple[Block, ...]:
    """Return the blocks with every reference replaced by its number (stand-in: none are made)."""
    del anchors
    return body.blocks


def end_with_period(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Return `blocks` with the last paragraph ending ``./.`` (stand-in: unchanged)."""
    return blocks
