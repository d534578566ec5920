"""Shared machinery of the rule modules: the check context, locations, and the style check.

Each rule module has ``check(ctx: Ctx) -> None`` and reports through ``ctx.add(rule_id, where,
found, expected)``; the catalog supplies the citation, severity and messages, so they are uniform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import shorten
from ..rules import Style
from ._anatomy import Anatomy
from ._model import DocView, Para, Run, Span
from .finding import Finding, Location
from .rules_catalog import CATALOG

MM_PER_TWIP = 25.4 / 1440


#: A finding quotes at most this much of the document (found/expected): a 256 KB Nơi nhận line
#: must not make a 256 KB report line. The fixes read their values from ``data``, never from these.
MAX_QUOTED = 200


def excerpt(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def location(where: Para | Span | None, *, section: int | None = None) -> Location:
    """Return the Location of a paragraph or span (or of the page, with `where` None)."""
    if where is None:
        return Location("page", section=section or 1)
    para = where.para if isinstance(where, Span) else where
    text = where.text if isinstance(where, Span) else para.clean
    part = None
    if para.area in ("header", "footer"):
        part = para.part.rsplit("/", 1)[-1]
    return Location(para.area, paragraph=para.index, table=para.table, row=para.row,
                    col=para.col, part=part, section=section, excerpt=excerpt(text))


_ALIGN_VI = {"left": "trái", "start": "trái", "center": "giữa", "right": "phải", "end": "phải",
             "both": "đều", "distribute": "đều"}


def align_vi(jc: str) -> str:
    """Return the Vietnamese name of a w:jc value (``both`` → ``đều``)."""
    return _ALIGN_VI.get(jc, jc)


def fmt_pt(values: set[float] | list[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(set(values))) + " pt"


def fmt_range(sizes: tuple[float, float]) -> str:
    lo, hi = sizes
    return f"{lo:g} pt" if lo == hi else f"{lo:g}–{hi:g} pt"


@dataclass
class Ctx:
    """What a rule module gets: the view, the components found, and the findings so far."""

    view: DocView
    an: Anatomy
    findings: list[Finding] = field(default_factory=list[Finding])

    def add(self, rule_id: str, where: Para | Span | None, found: str, expected: str, *,
            section: int | None = None, severity: str | None = None, **data: Any) -> None:
        """Report `rule_id` at `where`; `severity` lowers the catalog's where the decree's own
        samples do what the rule forbids."""
        rule = CATALOG[rule_id]
        loc = location(where, section=section)
        self.findings.append(Finding(
            rule=rule.id, severity=severity or rule.severity, cite=rule.cite, location=loc,
            found=shorten(found, MAX_QUOTED), expected=shorten(expected, MAX_QUOTED),
            message_vi=rule.title_vi, message_en=rule.title_en,
            fixable=rule.fixable, data=dict(data, target=where)))

    def style(self, prefix: str, span: Span | None, style: Style, *, upright: bool = True,
              case: bool = True, size_id: str | None = None, kind_id: str | None = None) -> None:
        """Check `span` against `style`: ``<prefix>.co_chu`` (size range) and ``<prefix>.kieu_chu``
        (bold, italic/upright, upper case as `style` requires)."""
        if span is None:
            return
        runs = span.runs()
        if not runs:
            return
        sizes = {r.size for r in runs}
        lo, hi = style.sizes
        size_id = size_id or f"{prefix}.co_chu"
        kind_id = kind_id or f"{prefix}.kieu_chu"
        if size_id in CATALOG and any(not lo - 0.01 <= s <= hi + 0.01 for s in sizes):
            self.add(size_id, span, fmt_pt(sizes), fmt_range(style.sizes),
                     size=style.size, lo=lo, hi=hi)
        if kind_id not in CATALOG:
            return
        problems, wants = _kind_problems(span, runs, style, upright=upright, case=case)
        if problems:
            self.add(kind_id, span, ", ".join(problems), ", ".join(wants))


def _kind_problems(span: Span, runs: list[Run], style: Style, *, upright: bool,
                   case: bool) -> tuple[list[str], list[str]]:
    """Return how `span` departs from the weight, slant and case of `style`, and what it wants."""
    problems: list[str] = []
    wants: list[str] = []
    if style.bold:
        wants.append("đậm")
        if not all(r.bold for r in runs):
            problems.append("không đậm")
    if style.italic:
        wants.append("nghiêng")
        if not all(r.italic for r in runs):
            problems.append("không nghiêng")
    elif upright:
        wants.append("đứng")
        if any(r.italic for r in runs):
            problems.append("nghiêng")
    if style.upper and case:
        wants.insert(0, "in hoa")
        if not span.prints_upper():
            problems.append("không in hoa")
    return problems, wants
