"""Quyền hạn, chức vụ, họ tên của người ký (ô 7a–7b), PL I §II.7."""

from __future__ import annotations

import re

from ..rules import STYLES, ThamQuyen
from ._base import Ctx

_THAM_QUYEN = "|".join(re.escape(t.value) for t in ThamQuyen)
_VALID = re.compile(rf"^({_THAM_QUYEN}) \S")
_PREFIXISH = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L)(?=[.\s/]|$)\S*")
_TITLES = re.compile(r"^(GS|PGS|TS|TSKH|ThS|Th\.S|KS|BS|CN|NCS)\.?\s", re.IGNORECASE)


def check(ctx: Ctx) -> None:
    an = ctx.an
    for span in an.tham_quyen:
        m = _PREFIXISH.match(span.text)
        if m and not _VALID.match(span.text):
            ctx.add("tham_quyen.viet_tat", span, m.group(0),
                    " ".join(t.value for t in ThamQuyen))
        ctx.style("tham_quyen", span, STYLES["tham_quyen"])
    if an.ho_ten is not None:
        ctx.style("ho_ten", an.ho_ten, STYLES["ho_ten"])
        m = _TITLES.match(an.ho_ten.text)
        if m:
            ctx.add("ho_ten.hoc_ham", an.ho_ten, m.group(0).strip(), "chỉ họ và tên")
