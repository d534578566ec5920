"""Placeholder: the body blocks as plain paragraphs (replaced by the real renderer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..noi_dung.blocks import Block, Paragraph
from ._oxml import paragraph, sub


class FootnoteSink:
    def __init__(self) -> None:
        self.notes: list[Any] = []


def body_xml(blocks: Sequence[Block], *, footnotes: FootnoteSink,
             text_width_mm: float) -> list[Any]:
    out: list[Any] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            p = paragraph("CVNidung")
            if b.text:
                r = sub(p, "w:r")
                t = sub(r, "w:t")
                t.text = b.text
            out.append(p)
    return out
