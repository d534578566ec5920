"""The rule families run over one document view (shared by ``check`` and ``fix``)."""

from __future__ import annotations

from ..rules import LOAI_VAN_BAN
from . import (
    body,
    date,
    fonts,
    footer,
    header,
    marks,
    number,
    page,
    page_numbers,
    recipients,
    scope,
    signature,
    title,
)
from ._anatomy import locate
from ._base import Ctx
from ._model import DocView
from .finding import Finding

__all__ = ["FAMILIES", "check_view"]

#: The rule families, in the order their findings are reported (top of the page down).
FAMILIES = (page, fonts, header, number, date, title, marks, recipients, body, signature,
            footer, page_numbers)


def check_view(doc_view: DocView) -> list[Finding]:
    """Return the findings of every rule family on `doc_view`, in report order."""
    ctx = Ctx(doc_view, locate(doc_view))
    what = scope.decide(ctx.an, LOAI_VAN_BAN)  # say what the document is before judging it
    if what.finding is not None:
        ctx.add(what.finding, None, what.found, "văn bản hành chính theo Nghị định 30")
    for family in FAMILIES:
        if what.families is None or family.__name__.rsplit(".", 1)[-1] in what.families:
            family.check(ctx)
    return ctx.findings
