"""Where each Decree 30 component is in an arbitrary document.

Components are recognised by their text (the Quốc hiệu literal, the ``Số:`` line, the date line, ``V/v``,
``Kính gửi``, ``Nơi nhận:``, ``TM./KT./TL./TUQ./Q.`` lines) and by position (the header block is the
first table of page 1 holding the Quốc hiệu, or the first paragraphs when there is no table; a line may
hold two components separated by tabs). Nothing here judges; the rule modules do. Anything not found is
None or empty, and the rules that need it stay silent (or report it missing).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..rules import LOAI_VAN_BAN, QUOC_HIEU, TIEU_NGU
from ._model import DocView, Para, Span

__all__ = ["Anatomy", "fold", "locate"]


def fold(text: str) -> str:
    """Return `text` upper-cased, without diacritics (đ → D) or anything but letters and digits."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text.upper() if ch.isalnum() and ch.isascii())


_QH = fold(QUOC_HIEU)
_TN = fold(TIEU_NGU)
# The patterns below run on document text, so none has two adjacent quantifiers that can match the
# same characters (``\s*[ ]*\s*`` is cubic on a line of spaces, issue 7); tests/hostile checks each.
#: ``Số`` and then, up to the first ``/``, what _is_so accepts.
_SO = re.compile(r"^s[ốo]([^/]*)/", re.IGNORECASE)
_NGAY = re.compile(r"ngày[\d\s.…_]*tháng[\d\s.…_]*năm", re.IGNORECASE)
#: A place, then a numeric date: ``Hà Nội, 05/02/2021``. The place takes its comma and spaces.
_NGAY_SO = re.compile(r"^[^\d/]{2,42}\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\.?$")
_VV = re.compile(r"^(v/v|về việc)\b", re.IGNORECASE)
_BODY_START = re.compile(r"^(căn cứ|kính gửi|điều\s+\d)", re.IGNORECASE)
_DASH = ("-", "–", "—", "+", "•", "*")
_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L)[.\s/]")
_TEN_LOAI = {fold(t.ten_loai): t for t in LOAI_VAN_BAN.values() if t.ten_loai}
#: Ô 12 (PL I §III.3): the drafter's initials and the number of copies issued, e.g. ``PL.(300)``, after
#: the final period of the Lưu line or on the line after it.
_KY_HIEU = re.compile(r"(?P<mark>[A-Za-zĐđ][A-Za-zĐđ.]{0,11}\s?\(\s*\d+\s*\))\.?\s*$")
_LUU_KY_HIEU = re.compile(r"\.\s+" + _KY_HIEU.pattern)
_KHAN = {"HOATOC", "THUONGKHAN", "KHAN"}
_MAT = {"MAT", "TOIMAT", "TUYETMAT"}


@dataclass
class Anatomy:
    """The components found, as spans of paragraphs (see ``locate``)."""

    view: DocView
    header_end: int = 0  # body[:header_end] is the header block
    table_header: bool = False
    quoc_hieu: Span | None = None
    tieu_ngu: Span | None = None
    co_quan: list[Span] = field(default_factory=list[Span])
    so: Span | None = None
    ngay: Span | None = None
    vv: list[Span] = field(default_factory=list[Span])
    ten_loai: Span | None = None
    trich_yeu: list[Span] = field(default_factory=list[Span])
    kinh_gui: Span | None = None
    kinh_gui_list: list[Span] = field(default_factory=list[Span])
    body: list[Para] = field(default_factory=list[Para])
    noi_nhan_label: Span | None = None
    noi_nhan: list[Span] = field(default_factory=list[Span])
    ky_hieu_nguoi_soan_thao: Span | None = None  # ô 12; cut off the Lưu entry it follows
    tham_quyen: list[Span] = field(default_factory=list[Span])
    ho_ten: Span | None = None
    do_khan: list[Span] = field(default_factory=list[Span])
    do_mat: list[Span] = field(default_factory=list[Span])

    @property
    def is_cong_van(self) -> bool:
        """Return True when the document reads as a công văn (V/v, or Kính gửi and no type name)."""
        return bool(self.vv) or (self.ten_loai is None and self.kinh_gui is not None)

    def same_cell(self, a: Para, b: Para) -> bool:
        return (a.table, a.row, a.col) == (b.table, b.row, b.col)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def _starts_dash(text: str) -> bool:
    return text.startswith(_DASH)


def locate(view: DocView) -> Anatomy:
    """Return where the components of `view` are."""
    an = Anatomy(view)
    paras = view.body
    if not paras:
        return an
    spans = [(i, s) for i, p in enumerate(paras) for s in p.spans()]
    head = [(i, s) for i, s in spans if i < 60]
    used: set[int] = set()

    def take(pred, start: int = 0, limit: int = 60) -> tuple[int, Span] | None:
        for i, s in spans:
            if start <= i < limit and id(s) not in used and pred(s):
                used.add(id(s))
                return i, s
        return None

    qh = take(lambda s: fold(s.text) == _QH or fold(s.text).startswith(_QH))
    if qh:
        an.quoc_hieu = qh[1]
    tn = take(lambda s: fold(s.text) == _TN and (qh is None or _near(qh[1], s)), qh[0] if qh else 0)
    an.tieu_ngu = tn[1] if tn else None
    so = take(lambda s: _is_so(s.text))
    an.so = so[1] if so else None
    ngay = take(lambda s: bool(_NGAY.search(s.text) or _NGAY_SO.match(s.text)), 0,
                60 if (qh or so) else 0)
    an.ngay = ngay[1] if ngay else None

    # -- the header block -----------------------------------------------------------------------
    anchor = qh or tn or so or ngay
    if anchor is None:
        an.header_end = 0
    elif anchor[1].para.table is not None:
        an.table_header = True
        t = anchor[1].para.table
        an.header_end = max(i for i, p in enumerate(paras) if p.table == t) + 1
    else:
        an.header_end = max(x[0] for x in (qh, tn, so, ngay) if x) + 1
    # The issuing body: header lines before the number that are not ô 1 (and, in a table, not in
    # its column).
    if anchor is not None:
        limit = so[0] if so else an.header_end
        for i, s in head:
            if i >= limit or id(s) in used:
                continue
            if an.table_header and an.quoc_hieu is not None and s.para.table == an.quoc_hieu.para.table:
                if s.para.col == an.quoc_hieu.para.col or s.para.row != an.quoc_hieu.para.row:
                    continue
            if an.table_header and s.para.table != anchor[1].para.table:
                continue
            if fold(s.text) in _KHAN | _MAT:
                continue
            an.co_quan.append(s)
            used.add(id(s))
    # V/v (ô 5b): under the number, in its cell.
    if so:
        for i, s in spans:
            if i <= so[0] or id(s) in used or i > so[0] + 8:
                continue
            if an.so is not None and an.table_header and not an.same_cell(s.para, an.so.para):
                continue
            if not an.vv:
                if _VV.match(s.text):
                    an.vv.append(s)
                    used.add(id(s))
                    continue
                if an.table_header:
                    continue
                break
            prev = an.vv[-1].para
            if (an.table_header and s.para.style_id == prev.style_id
                    and fold(s.text) not in _KHAN | _MAT and s.para is not prev):
                an.vv.append(s)
                used.add(id(s))
            else:
                break
    # Stamps (ô 10a/10b): standalone words near the header.
    for i, s in spans:
        if i < an.header_end + 6 and id(s) not in used:
            if fold(s.text) in _KHAN:
                an.do_khan.append(s)
                used.add(id(s))
            elif fold(s.text) in _MAT:
                an.do_mat.append(s)
                used.add(id(s))

    # -- after the header -------------------------------------------------------------------------
    after = [(i, s) for i, s in spans if i >= an.header_end and id(s) not in used]
    cursor = an.header_end
    for i, s in after[:8]:
        if fold(s.text) in _TEN_LOAI and _is_upper(s.text):
            an.ten_loai = s
            used.add(id(s))
            cursor = i + 1
            nxt = [(j, t) for j, t in after if j > i and id(t) not in used][:4]
            for j, t in nxt:
                if (_BODY_START.match(t.text)
                        or _is_upper(t.text)):
                    break
                if an.trich_yeu and t.para.jc != "center":
                    break
                an.trich_yeu.append(t)
                used.add(id(t))
                cursor = j + 1
            break
    for idx, (i, s) in enumerate(after):
        if i > an.header_end + 40:
            break
        if fold(s.text).startswith("KINHGUI") or fold(s.text).startswith("KINHGOI"):
            an.kinh_gui = s
            used.add(id(s))
            cursor = max(cursor, i + 1)
            for j, t in after[idx + 1:]:
                if not _starts_dash(t.text):
                    break
                an.kinh_gui_list.append(t)
                used.add(id(t))
                cursor = j + 1
            break
    nn = take(lambda s: fold(s.text).startswith("NOINHAN"), cursor, len(paras))
    signature_from = len(paras)
    if nn:
        an.noi_nhan_label = nn[1]
        signature_from = nn[0]
        rest = [(j, t) for j, t in spans if j > nn[0] or (j == nn[0] and t.start > nn[1].start)]
        for j, t in rest:
            if t.para.table is not None and nn[1].para.table is not None and not an.same_cell(
                    t.para, nn[1].para):
                continue
            if id(t) in used:
                continue
            if t.para is nn[1].para or (t.start > 0 and t.para.text[:t.start].strip()):
                continue  # a tab-separated signature line beside the list
            if _starts_dash(t.text) or fold(t.text).startswith("LUU"):
                an.noi_nhan.append(t)
                used.add(id(t))
            elif an.noi_nhan:
                if fold(an.noi_nhan[-1].text).startswith("LUU") and _KY_HIEU.fullmatch(t.text):
                    an.ky_hieu_nguoi_soan_thao = t
                    used.add(id(t))
                break
        _split_ky_hieu(an)
    # Signature: prefix lines after the body; else the upper lines of the cell beside "Nơi nhận".
    sig: list[Span] = []
    first_prefix = next(((i, s) for i, s in spans if i >= cursor and id(s) not in used
                         and _PREFIX.match(s.text)), None)
    if first_prefix:
        signature_from = min(signature_from, first_prefix[0])
        for i, s in spans:
            if i < first_prefix[0] or id(s) in used or (i == first_prefix[0]
                                                         and s.start < first_prefix[1].start):
                continue
            if s.para.table is not None and first_prefix[1].para.table is not None and not (
                    an.same_cell(s.para, first_prefix[1].para)):
                continue
            sig.append(s)
    elif nn and nn[1].para.table is not None:
        p0 = nn[1].para
        sig = [s for i, s in spans if s.para.table == p0.table and s.para.row == p0.row
               and s.para.col != p0.col and id(s) not in used]
    for s in sig:
        if _is_upper(s.text) and an.ho_ten is None:
            an.tham_quyen.append(s)
            used.add(id(s))
        elif an.tham_quyen and an.ho_ten is None and len(s.text) < 60:
            an.ho_ten = s
            used.add(id(s))
    # Body: top-level paragraphs between the header parts and the signature.
    for i, p in enumerate(paras):
        if i < cursor or i >= signature_from or p.area != "body" or not p.clean:
            continue
        if any(id(s) in used for s in p.spans()):
            continue
        an.body.append(p)
    return an


def _is_so(text: str) -> bool:
    """Return True for a ``Số`` line: ``Số``, a colon or not, words, dots or blanks, then ``/``."""
    m = _SO.match(text)
    if m is None:
        return False
    head = m.group(1).lstrip()
    if head[:1] in (":", "."):
        head = head[1:]
    return all(ch.isalnum() or ch.isspace() or ch in "_.…" for ch in head)


def _split_ky_hieu(an: Anatomy) -> None:
    """Cut ô 12 (``PL.(300)``) off the end of the Lưu entry, so each is judged by its own rule."""
    if not an.noi_nhan or an.ky_hieu_nguoi_soan_thao is not None:
        return
    luu = an.noi_nhan[-1]
    if not fold(luu.text.lstrip("-–—+•* ")).startswith("LUU"):
        return
    m = _LUU_KY_HIEU.search(luu.raw)
    if m is None:
        return
    an.ky_hieu_nguoi_soan_thao = Span(luu.para, luu.start + m.start("mark"), luu.end)
    an.noi_nhan[-1] = Span(luu.para, luu.start, luu.start + m.start() + 1)


def _near(a: Span, b: Span) -> bool:
    if a.para.table is not None:
        return (a.para.table, a.para.row, a.para.col) == (b.para.table, b.para.row, b.para.col)
    return True
