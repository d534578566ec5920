"""What a document is, decided before it is judged (issue 9, "Scope and misses").

Decree 30 governs the administrative documents of Art. 7 (văn bản hành chính). Judging anything
else by its rules gives twenty findings where one is true, so ``decide`` sorts a document first:

* ``hanh_chinh``: a Decree 30 document: a Quốc hiệu, a ``Số:`` line, a tên loại of Art. 7, the
  ``V/v`` of a công văn or a ``Nơi nhận:`` block was found. Every rule applies.
* ``phu_luc``: a Phụ lục in a file of its own (PL III mẫu 2.1/2.2): it opens with ``Phụ lục …``
  and has no Quốc hiệu or number of its own (PL I §III.1). The header rules do not apply; the page,
  font and body rules do.
* ``quy_pham``: a legal-normative document (văn bản quy phạm pháp luật): a number with its year
  (``Số: 12/2024/TT-BYT``, the form of the Law on Legal Documents, not of PL I §II.3) or a type
  Art. 7 does not list (Luật, Nghị định, Thông tư …). Its format is set by the law on legal
  documents, not by Decree 30 (Art. 1): one finding says so, and only the page and font rules,
  which the two share, are applied.
* ``khac``: none of these (no Quốc hiệu, no number, no tên loại: a citizen's petition, a
  programme): one finding, "not a Decree 30 document", and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..rules import QUY_PHAM_TEN_LOAI, LoaiVanBan
from ..vietnamese import legacy
from ._anatomy import Anatomy, fold
from .fonts import legacy_encoding_of_font

__all__ = ["Scope", "decide"]

_QUY_PHAM = {fold(t) for t in QUY_PHAM_TEN_LOAI}
#: The number of a legal-normative document: number / year / ký hiệu (``12/2024/TT-BYT``).
_SO_NAM = re.compile(r"\d/\s?(?:19|20)\d\d\s?/\s?[A-ZĐ]")
_PHU_LUC = re.compile(r"^phụ lục\b", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    """What the document is (``kind``), its type when known, and which rule families apply."""

    kind: str  # "hanh_chinh", "phu_luc", "quy_pham", "khac"
    loai: LoaiVanBan | None = None
    families: frozenset[str] | None = None  # the rule modules that apply; None: all
    finding: str | None = None  # the one finding that says what the document is, if any
    found: str = ""


def decide(an: Anatomy, types: Mapping[str, LoaiVanBan]) -> Scope:
    """Return what the document whose components are `an` is, given the types of Art. 7."""
    by_name = {fold(t.ten_loai): t for t in types.values() if t.ten_loai}
    by_abbr = {t.viet_tat.upper(): t for t in types.values() if t.viet_tat}
    so = an.so.text if an.so is not None else ""
    first = next((p.clean for p in an.view.body if p.clean), "")
    title = _title(an)
    if (so and _SO_NAM.search(so)) or fold(title) in _QUY_PHAM:
        return Scope("quy_pham", None, frozenset({"page", "fonts"}), "pham_vi.quy_pham",
                     so or title)
    loai = None
    if an.ten_loai is not None:  # a name that is no type's is a thư công's own (_anatomy)
        loai = by_name.get(fold(an.ten_loai.text)) or types.get("thu_cong")
    if loai is None and so:
        loai = by_abbr.get(_abbr(so))
    if loai is None and an.is_cong_van and an.so is not None:
        loai = types.get("cong_van")
    if an.quoc_hieu is None and an.so is None and (an.phu_luc or _PHU_LUC.match(first)):
        return Scope("phu_luc", None, frozenset({"page", "fonts", "body"}))
    # -- "Nơi nhận:" is a Decree 30 component (PL I §II.9) that petitions and programmes lack
    if (an.quoc_hieu is not None or an.so is not None or loai is not None or an.vv
            or an.noi_nhan_label is not None or _legacy(an)):
        return Scope("hanh_chinh", loai)
    return Scope("khac", None, frozenset(), "pham_vi.khong_phai_nd30", first)


def _legacy(an: Anatomy) -> bool:
    """True when the text is in a legacy encoding (TCVN3, VNI): its Quốc hiệu and number cannot be
    read, so what it is cannot be told from them; it is judged as a Decree 30 document."""
    paras = [p for p in an.view.body[:60] if p.clean]
    if any(legacy_encoding_of_font(f) for p in paras for r in p.text_runs()
           for f in r.fonts_used()):
        return True
    return any(legacy.detect_legacy_encoding(p.text) for p in paras)


def _title(an: Anatomy) -> str:
    """The tên loại line: the one found, or else the first upper-case line after the header (a
    type Art. 7 does not list is not found as a tên loại)."""
    if an.ten_loai is not None:
        return an.ten_loai.text
    for p in an.view.body[an.header_end:an.header_end + 8]:
        letters = [c for c in p.clean if c.isalpha()]
        if letters and p.clean == p.clean.upper():
            return p.clean
    return ""


def _abbr(so: str) -> str:
    """The type abbreviation of a ``Số: 45/QĐ-SYT`` line: the part after the ``/`` and before
    ``-`` (``QĐ``), upper-cased; "" when there is none."""
    tail = so.split("/", 1)[1] if "/" in so else ""
    return tail.split("-", 1)[0].strip().upper() if "-" in tail else ""
