"""Where each Decree 30 component is in an arbitrary document.

Components are recognised by their text (the Quốc hiệu literal, the ``Số:`` line, the date line,
``V/v``, ``Kính gửi``, ``Nơi nhận:``, ``TM./KT./TL./TUQ./Q.`` lines) and by position (the header
block is the table holding the first Quốc hiệu, or the first paragraphs when there is no table; a
line may hold two components separated by tabs; a header or signature table may be split in rows,
a part going on in its column in the next rows). A front matter before the first Quốc hiệu is not
read as the header, and a second Quốc hiệu starts another document, which is not judged. A line made
only of underscores or dashes (``________``, as the decree's own samples draw the rules) is a rule,
never a line of the issuing body or the trích yếu; the note “(Chữ ký …, dấu …)” between the signer's
title and name is not the name. Nothing here judges; the rule modules do. Anything not found is None
or empty, and the rules that need it stay silent (or report it missing).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ..rules import LOAI_VAN_BAN, NHAN_THU_KY, QUOC_HIEU, THU_CONG_TIEN_TO, TIEU_NGU
from ._model import DocView, Para, Span

__all__ = ["Anatomy", "fold", "is_rule_text", "locate"]


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
#: A labelled line of the body, "Thời gian bắt đầu: …, ngày … tháng … năm …" (PL III mẫu 1.7 "Thời
#: gian:", mẫu 1.9 "Thời gian bắt đầu:"): a field of the body, never ô 4, which reads "<Địa danh>,
#: ngày …" with no colon (PL I §II.4.c). A Biên bản has no ô 4 at all (mẫu 1.9).
_NHAN_NGAY = re.compile(r"^[^,:]{1,40}:\s")
_VV = re.compile(r"^(v/v|về việc)\b", re.IGNORECASE)
_BODY_START = re.compile(r"^(căn cứ|kính gửi|điều\s+\d)", re.IGNORECASE)
_DASH = ("-", "–", "—", "+", "•", "*")
_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L)[.\s/]")
_TEN_LOAI = {fold(t.ten_loai): t for t in LOAI_VAN_BAN.values() if t.ten_loai}
#: The type names printed with no trích yếu under them (rules.THANH_PHAN: giấy giới thiệu, giấy
#: nghỉ phép, mẫu 1.8, 1.10): the paragraph after them is the body's.
_KHONG_TRICH_YEU = {k for k, t in _TEN_LOAI.items()
                    if t.thanh_phan is not None and t.thanh_phan.trich_yeu == "khong"}
#: Ô 12 (PL I §III.3): the drafter's initials and the number of copies issued, e.g. ``PL.(300)``,
#: after the final period of the Lưu line or on the line after it.
_KY_HIEU = re.compile(r"(?P<mark>[A-Za-zĐđ][A-Za-zĐđ.]{0,11}\s?\(\s*\d+\s*\))\.?\s*$")
_LUU_KY_HIEU = re.compile(r"\.\s+" + _KY_HIEU.pattern)
#: How many rows of a signature table below its first line the signer's name may be (the decree's
#: mẫu 1.7 puts it three rows down).
_SIGNATURE_ROWS = 3
#: How many paragraphs from its start the header block's parts are looked for in.
HEADER_WINDOW = 60
_KHAN = {"HOATOC", "THUONGKHAN", "KHAN"}
_MAT = {"MAT", "TOIMAT", "TUYETMAT"}


@dataclass
class Anatomy:
    """The components found, as spans of paragraphs (see ``locate``)."""

    view: DocView
    header_start: int = 0  # body[header_start:header_end] is the header block; before it, a
    header_end: int = 0    # front matter (a cover, the decree's appendix title) is not judged
    doc_end: int = 0  # body[doc_end:] is another document (a second Quốc hiệu), not judged
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
    # Mẫu 1.6: a công điện's "<body or head's title> điện:" and its addressees, where a Kính gửi
    # stands: not body text.
    dien: list[Span] = field(default_factory=list[Span])
    body: list[Para] = field(default_factory=list[Para])
    noi_nhan_label: Span | None = None
    noi_nhan: list[Span] = field(default_factory=list[Span])
    ky_hieu_nguoi_soan_thao: Span | None = None  # ô 12; cut off the Lưu entry it follows
    tham_quyen: list[Span] = field(default_factory=list[Span])
    ho_ten: Span | None = None
    do_khan: list[Span] = field(default_factory=list[Span])
    do_mat: list[Span] = field(default_factory=list[Span])
    #: A Phụ lục's own title block (``Phụ lục I``, its title, ``(Kèm theo …)``, the rule) when the
    #: document opens with one (mẫu 2.1/2.2); these lines are not body text.
    phu_luc: list[Para] = field(default_factory=list[Para])
    #: The body of each text attached after the signature (a Quy định or Quy chế issued with a
    #: Quyết định, mẫu 1.3; a Phụ lục, mẫu 2.1), without its own header and title block.
    attached: list[list[Para]] = field(default_factory=list[list[Para]])

    @property
    def is_cong_van(self) -> bool:
        """Return True when the document reads as a công văn (V/v, or Kính gửi and no type name)."""
        return bool(self.vv) or (self.ten_loai is None and self.kinh_gui is not None)

    def same_cell(self, a: Para, b: Para) -> bool:
        return (a.table, a.row, a.col) == (b.table, b.row, b.col)


#: What a rule typed as text is made of: underscores, hyphens and dashes, box-drawing lines (the
#: decree's own samples draw the rules under ô 2, the Tiêu ngữ and the trích yếu as "_______").
_RULE_CHARS = frozenset("_-‐‑‒–—―−¯‗─━═╌╍┄┅┈┉ ")


def is_rule_text(text: str) -> bool:
    """Return True for a line that is only a rule typed as text (``________``, ``-----``)."""
    text = text.strip()
    return len(text) >= 3 and all(ch in _RULE_CHARS for ch in text)


#: The note the decree's samples put between the signer's title and name (ô 7c: the signature
#: and the seal), e.g. "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)".
_SIGNATURE_NOTE = re.compile(r"^\(\s*(chữ ký|ký|dấu)", re.IGNORECASE)


#: A thư công's own name, "THƯ CHÚC MỪNG" (rules.THU_CONG_TIEN_TO): its first word and a few more.
_THU_CONG = re.compile(rf"^{THU_CONG_TIEN_TO.upper()}(?: [^\W\d_]+){{1,5}}$")


def _is_thu_cong(span: Span) -> bool:
    """True when `span` is a thư công's name, centred where a type name stands (practice: Art. 7
    lists the type, PL III gives it no printed name). "THƯ KÝ" heads a signature block."""
    text = unicodedata.normalize("NFC", " ".join(span.text.split()))
    return (span.para.jc == "center" and text != NHAN_THU_KY
            and _THU_CONG.match(text) is not None)


def _upper_span(span: Span) -> bool:
    """True for a line whose letters print upper case (typed so, or All caps)."""
    return any(c.isalpha() for c in span.text) and span.prints_upper()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def _starts_dash(span: Span) -> bool:
    """True for a line that opens with a dash, typed or a list bullet."""
    return span.shown.startswith(_DASH)


def locate(view: DocView) -> Anatomy:
    """Return where the components of `view` are."""
    an = Anatomy(view, doc_end=len(view.body))
    paras = view.body
    if not paras:
        return an
    loc = _Locator(an, paras, [(i, s) for i, p in enumerate(paras) for s in p.spans()])
    loc.header()
    loc.after_header()
    nn = loc.noi_nhan()
    loc.signature(nn)
    loc.body()
    return an


#: A span and the index of its paragraph in the body.
_Found = tuple[int, Span]


@dataclass
class _Locator:
    """The state of one ``locate``: the spans in reading order and those already taken."""

    an: Anatomy
    paras: list[Para]
    spans: list[_Found]
    used: set[int] = field(default_factory=set[int])
    cursor: int = 0  # the first paragraph after the header parts
    signature_from: int = 0  # the first paragraph of the signature (or of Nơi nhận)

    def take(self, pred: Callable[[Span], bool], start: int = 0,
             limit: int = HEADER_WINDOW) -> _Found | None:
        for i, s in self.spans:
            if start <= i < limit and id(s) not in self.used and pred(s):
                self.used.add(id(s))
                return i, s
        return None

    def use(self, s: Span) -> None:
        self.used.add(id(s))

    # -- the header block --------
    def header(self) -> None:
        an = self.an
        # The Quốc hiệu anywhere: a long front matter must not hide it; the other parts are looked
        # for from where its header block starts.
        qh = self.take(_is_quoc_hieu, 0, len(self.paras))
        if qh:
            an.quoc_hieu = qh[1]
        base = an.header_start = self._block_start(qh[0]) if qh and qh[0] >= HEADER_WINDOW else 0
        end = base + HEADER_WINDOW
        tn = self.take(lambda s: fold(s.text) == _TN and (qh is None or _near(qh[1], s)),
                       qh[0] if qh else base, end)
        an.tieu_ngu = tn[1] if tn else None
        so = self.take(lambda s: _is_so(s.text), base, end)
        an.so = so[1] if so else None
        ngay = self.take(lambda s: bool(_NGAY.search(s.text) or _NGAY_SO.match(s.text))
                         and not _NHAN_NGAY.match(s.text), base, end if (qh or so) else 0)
        an.ngay = ngay[1] if ngay else None
        anchor = qh or tn or so or ngay
        if anchor is None:
            an.header_end = 0
        elif anchor[1].para.table is not None:
            an.table_header = True
            t = anchor[1].para.table
            an.header_end = max(i for i, p in enumerate(self.paras) if p.table == t) + 1
        else:
            an.header_end = max(x[0] for x in (qh, tn, so, ngay) if x) + 1
        if anchor is not None:
            self._co_quan(anchor[1].para, so[0] if so else an.header_end, so is not None)
        if so:
            self._vv(so[0])
        self._stamps()
        nxt = next((i for i, s in self.spans if i >= an.header_end and _is_quoc_hieu(s)), None)
        if nxt is not None:  # a second document (the decree's appendix holds one per mẫu)
            an.doc_end = self._block_start(nxt)

    def _block_start(self, i: int) -> int:
        """Return where the header block holding paragraph `i` starts: its table's first
        paragraph, or the paragraph itself."""
        table = self.paras[i].table
        if table is None:
            return i
        return next(k for k, p in enumerate(self.paras) if p.table == table)

    def _co_quan(self, anchor: Para, limit: int, before_so: bool) -> None:
        """The issuing body: header lines before the number that are not ô 1 (and, in a table,
        not in its column); a rule typed as text under it is its rule, not a line of it."""
        base = self.an.header_start
        head = [(i, s) for i, s in self.spans if base <= i < base + HEADER_WINDOW]
        for i, s in head:
            if i >= limit or id(s) in self.used:
                continue
            if self._beside_issuer(s, anchor, before_so):
                continue
            if fold(s.text) in _KHAN | _MAT or is_rule_text(s.text):
                continue
            self.an.co_quan.append(s)
            self.use(s)

    def _beside_issuer(self, s: Span, anchor: Para, before_so: bool) -> bool:
        """True for a span of a table header outside the issuing body's column. Above the number
        the issuing body may go on in the next rows (Word users split the header table in rows)."""
        an = self.an
        if not an.table_header:
            return False
        qh = an.quoc_hieu
        if qh is not None and s.para.table == qh.para.table and (
                s.para.col == qh.para.col or (s.para.row != qh.para.row and not before_so)):
            return True
        return s.para.table != anchor.table

    def _vv(self, so_i: int) -> None:
        """V/v (ô 5b): under the number, in its cell."""
        an = self.an
        for i, s in self.spans:
            if i <= so_i or id(s) in self.used or i > so_i + 8:
                continue
            if an.so is not None and an.table_header and not _below(an.so.para, s.para):
                continue
            if not an.vv:
                if _VV.match(s.text):
                    an.vv.append(s)
                    self.use(s)
                    continue
                if an.table_header:
                    continue
                break
            prev = an.vv[-1].para
            if (an.table_header and s.para.style_id == prev.style_id
                    and fold(s.text) not in _KHAN | _MAT and s.para is not prev):
                an.vv.append(s)
                self.use(s)
            else:
                break

    def _stamps(self) -> None:
        """Stamps (ô 10a/10b): standalone words near the header."""
        an = self.an
        for i, s in self.spans:
            if i < an.header_end + 6 and id(s) not in self.used:
                if fold(s.text) in _KHAN:
                    an.do_khan.append(s)
                    self.use(s)
                elif fold(s.text) in _MAT:
                    an.do_mat.append(s)
                    self.use(s)

    # -- after the header --------
    def after_header(self) -> None:
        an = self.an
        after = [(i, s) for i, s in self.spans if i >= an.header_end and id(s) not in self.used]
        self.cursor = an.header_end
        for i, s in after[:8]:
            if (fold(s.text) in _TEN_LOAI or _is_thu_cong(s)) and _upper_span(s):
                an.ten_loai = s
                self.use(s)
                self.cursor = i + 1
                self._trich_yeu(after, i)
                break
        self._kinh_gui(after)

    def _trich_yeu(self, after: list[_Found], ten_loai_i: int) -> None:
        an = self.an
        if an.ten_loai is not None and fold(an.ten_loai.text) in _KHONG_TRICH_YEU:
            return
        nxt = [(j, t) for j, t in after if j > ten_loai_i and id(t) not in self.used][:4]
        for j, t in nxt:
            if is_rule_text(t.text):
                self.use(t)  # its rule (PL I §II.5.a): the trích yếu ends there
                self.cursor = j + 1
                break
            if (_BODY_START.match(t.text)
                    or _is_upper(t.text)):
                break
            if an.trich_yeu and t.para.jc != "center":
                break
            # An empty paragraph (the rule drawn as its border, or a blank line) ends the trích
            # yếu: a centred heading after it ("Phần I", a table's caption) opens the body.
            last = an.trich_yeu[-1].para if an.trich_yeu else an.ten_loai.para if an.ten_loai \
                else None
            if last is not None and t.para is not last and t.para.index > last.index + 1:
                break
            an.trich_yeu.append(t)
            self.use(t)
            self.cursor = j + 1

    def _kinh_gui(self, after: list[_Found]) -> None:
        an = self.an
        dien = an.ten_loai is not None and fold(an.ten_loai.text) == "CONGDIEN"
        for idx, (i, s) in enumerate(after):
            if i > an.header_end + 40:
                break
            if dien and id(s) not in self.used and s.text.rstrip().endswith(":") and fold(
                    s.text).endswith("DIEN"):
                # Mẫu 1.6: "<…> điện:", then the addressees as a dash list.
                an.dien.append(s)
                self.use(s)
                self.cursor = max(self.cursor, i + 1)
                for j, t in after[idx + 1:]:
                    if not _starts_dash(t):
                        break
                    an.dien.append(t)
                    self.use(t)
                    self.cursor = j + 1
                break
            if fold(s.text).startswith("KINHGUI") or fold(s.text).startswith("KINHGOI"):
                an.kinh_gui = s
                self.use(s)
                self.cursor = max(self.cursor, i + 1)
                for j, t in after[idx + 1:]:
                    if not _starts_dash(t):
                        break
                    an.kinh_gui_list.append(t)
                    self.use(t)
                    self.cursor = j + 1
                break

    # -- Nơi nhận, the signature and the body --------
    def noi_nhan(self) -> _Found | None:
        an = self.an
        nn = self.take(lambda s: fold(s.text).startswith("NOINHAN"), self.cursor, len(self.paras))
        self.signature_from = len(self.paras)
        if nn:
            an.noi_nhan_label = nn[1]
            self.signature_from = nn[0]
            self._noi_nhan_list(nn)
            _split_ky_hieu(an)
        return nn

    def _noi_nhan_list(self, nn: _Found) -> None:
        """The entries: dash lines after the label, in its table cell; when that cell holds none,
        in the cell below it (the decree's mẫu 1.6–1.8 put the list in the next table row). A line
        after a soft break (Shift+Enter) is an entry of its own, like a paragraph."""
        an = self.an
        nn_i, label = nn
        rest = [(j, t) for j, t in self.spans
                if j > nn_i or (j == nn_i and t.start > label.start)]
        lp = label.para
        cells = [(lp.table, lp.row, lp.col)]
        if lp.table is not None and lp.row is not None:
            cells.append((lp.table, lp.row + 1, lp.col))
        for cell in cells:
            self._noi_nhan_entries(label, [(j, t) for j, t in rest if lp.table is None or (
                t.para.table, t.para.row, t.para.col) == cell])
            if an.noi_nhan:
                break

    def _noi_nhan_entries(self, label: Span, rest: list[_Found]) -> None:
        an = self.an
        for _, t in rest:
            if id(t) in self.used:
                continue
            if _beside(t) or (t.para is label.para
                              and "\n" not in t.para.text[label.end:t.start]):
                continue  # a tab-separated signature line beside the list
            if _starts_dash(t) or fold(t.text).startswith("LUU"):
                an.noi_nhan.append(t)
                self.use(t)
            elif an.noi_nhan:
                last = an.noi_nhan[-1]
                head = last.para.text[last.start:min(last.end, last.start + 12)]
                if fold(head).startswith("LUU") and _KY_HIEU.fullmatch(t.text):
                    an.ky_hieu_nguoi_soan_thao = t
                    self.use(t)
                elif _continues(last, t):
                    an.noi_nhan[-1] = Span(last.para, last.start, t.end)
                    self.use(t)
                    continue
                break

    def signature(self, nn: _Found | None) -> None:
        an = self.an
        note = False  # inside the ô 7c note "(Chữ ký …, dấu …)", which may take two lines
        for s in self._signature_lines(nn):
            if an.ho_ten is None and (note or _SIGNATURE_NOTE.match(s.text)):
                note = ")" not in s.text
                continue
            if _upper_span(s) and an.ho_ten is None:
                an.tham_quyen.append(s)
                self.use(s)
            elif an.tham_quyen and an.ho_ten is None and len(s.text) < 60:
                an.ho_ten = s
                self.use(s)

    def _signature_lines(self, nn: _Found | None) -> list[Span]:
        """Signature: prefix lines after the body; else the upper lines of the cell beside
        "Nơi nhận"."""
        an = self.an
        first_prefix = next(((i, s) for i, s in self.spans if self.cursor <= i < an.doc_end
                             and id(s) not in self.used and _PREFIX.match(s.text)), None)
        if first_prefix:
            first_i, first = first_prefix
            self.signature_from = min(self.signature_from, first_i)
            sig: list[Span] = []
            for i, s in self.spans:
                if i < first_i or i >= an.doc_end or id(s) in self.used or (i == first_i
                                                         and s.start < first.start):
                    continue
                if s.para.table is not None and first.para.table is not None and not (
                        _below(first.para, s.para, rows=_SIGNATURE_ROWS)):
                    continue  # its cell, or its column in the next rows (the name under the list)
                sig.append(s)
            return sig
        if nn and nn[1].para.table is not None:
            p0 = nn[1].para
            beside = [s for _, s in self.spans if s.para.table == p0.table and s.para.row == p0.row
                      and s.para.col != p0.col and id(s) not in self.used]
            if not beside:
                return []
            # The decree's mẫu 1.6–1.8 put the note and the name in the rows below the title.
            return [s for _, s in self.spans if id(s) not in self.used
                    and _below(beside[0].para, s.para, rows=_SIGNATURE_ROWS)]
        return []

    def body(self) -> None:
        """Body: top-level paragraphs between the header parts and the signature; then the texts
        attached after the signature (``attached``)."""
        an = self.an
        dropped = an.ngay if _date_outside_header(an, self.paras) else None
        if dropped is not None:
            an.ngay = None  # a body sentence with "ngày … tháng … năm" (Biên bản's closing line)
        # -- a paragraph holding a component already found is not body text
        taken = {id(s.para) for _, s in self.spans if id(s) in self.used and s is not dropped}
        end = self.signature_from
        starts = _attachment_starts(self.paras, self._signature_end())
        if starts:
            end = min(end, starts[0])
        for i, p in enumerate(self.paras):
            if (i < self.cursor or i >= min(end, an.doc_end) or p.area != "body"
                    or not p.clean):
                continue
            if id(p) in taken:
                continue
            an.body.append(p)
        if an.quoc_hieu is None and an.so is None:
            an.phu_luc = _title_block(an.body, phu_luc=True)
            an.body = an.body[len(an.phu_luc):]
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else len(self.paras)
            # -- up to the next Quốc hiệu: another document's header (a file of many samples)
            stop = next((j for j in range(start + 1, stop)
                         if fold(self.paras[j].text).startswith(_QH)), stop)
            top = [p for p in self.paras[start:stop] if p.area == "body" and p.clean]
            part = top[len(_title_block(top, phu_luc=False)):]
            if part:
                an.attached.append(part)

    def _signature_end(self) -> int:
        """The first paragraph after the signature block (its table, or its last line)."""
        an = self.an
        last = [s.para for s in (an.noi_nhan_label, *an.noi_nhan, *an.tham_quyen, an.ho_ten,
                                 an.ky_hieu_nguoi_soan_thao) if s is not None]
        if not last:
            return len(self.paras)
        end = max(self.paras.index(p) for p in last) + 1
        tables = {p.table for p in last if p.table is not None}
        while end < len(self.paras) and self.paras[end].table in tables:
            end += 1
        return end


#: The "(Kèm theo Quyết định số … ngày … của …)" line under the title of an attached text or a Phụ
#: lục (PL III mẫu 1.3's attachment, mẫu 2.1/2.2).
_KEM_THEO = re.compile(r"^\(\s*kèm theo\b", re.IGNORECASE)
_PHU_LUC = re.compile(r"^phụ lục\b", re.IGNORECASE)


def _title_block(paras: list[Para], *, phu_luc: bool) -> list[Para]:
    """Return the title block that opens `paras`: a ``Phụ lục …`` line (when `phu_luc`) or a tên
    loại, the lines under it up to the ``(Kèm theo …)`` line, and the rule under that. Without a
    ``(Kèm theo …)`` line in the first six, just the ``Phụ lục`` line (or nothing)."""
    if not paras or (phu_luc and not _PHU_LUC.match(paras[0].clean)):
        return []
    kem = next((k for k, p in enumerate(paras[:6]) if _KEM_THEO.match(p.clean)), None)
    if kem is None:
        return paras[:1] if phu_luc else []
    n = kem + 1
    if n < len(paras) and is_rule_text(paras[n].clean):
        n += 1
    return paras[:n]


def _attachment_starts(paras: list[Para], after: int) -> list[int]:
    """Return where each text attached after the signature starts: a tên loại (or a Phụ lục
    heading) followed within four lines by ``(Kèm theo …)``; the attachment's own header table
    (ô 1, ô 2, with no number or date, mẫu 1.3) is left out."""
    out: list[int] = []
    for i in range(after, len(paras)):
        p = paras[i]
        if p.area != "body" or not p.clean:
            continue
        head = fold(p.clean) in _TEN_LOAI and _is_upper(p.clean)
        if not (head or _PHU_LUC.match(p.clean)):
            continue
        nxt = [q for q in paras[i + 1:i + 8] if q.clean][:4]
        if any(_KEM_THEO.match(q.clean) for q in nxt):
            out.append(i)
    return out


def _date_outside_header(an: Anatomy, paras: list[Para]) -> bool:
    """True when the date line found is a body sentence, not ô 4: outside the header table, more
    than three lines of text below it or longer than a date line (a short line typed right under
    the table is the date; a Biên bản has no date line, and its closing sentence reads "… kết thúc
    vào … ngày … tháng …", mẫu 1.9); without a table, the same, six lines below the Quốc hiệu,
    Tiêu ngữ and Số."""
    ngay = an.ngay
    if ngay is None:
        return False
    at = paras.index(ngay.para)
    if an.table_header:
        anchor = an.quoc_hieu or an.tieu_ngu or an.so
        if anchor is None or ngay.para.table == anchor.para.table:
            return False
        start, limit = an.header_end, 3
    else:
        marks = [paras.index(s.para) for s in (an.quoc_hieu, an.tieu_ngu, an.so) if s is not None]
        if not marks:
            return False
        start, limit = max(marks) + 1, 6
    return sum(1 for p in paras[start:at] if p.clean) > limit or len(ngay.text) > _DATE_MAX


#: The longest place-and-date line (the longest place name, "ngày 05 tháng 12 năm 2025"): a longer
#: line outside the header table is a sentence that mentions a date.
_DATE_MAX = 75


def _is_quoc_hieu(s: Span) -> bool:
    return fold(s.text).startswith(_QH)


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


def _beside(t: Span) -> bool:
    """Return True when text stands before `t` on its line (tab-separated), not counting what
    stands before a line break (Shift+Enter ends a line as a paragraph does)."""
    line_start = t.para.text.rfind("\n", 0, t.start) + 1
    return bool(t.para.text[line_start:t.start].strip())


def _continues(entry: Span, t: Span) -> bool:
    """Return True when `t` is the soft-broken second line of the Nơi nhận `entry`: same paragraph,
    no dash of its own, and the entry not yet closed by ``;`` or ``.``."""
    text = entry.para.text
    if t.para is not entry.para or "\t" in text[entry.end:t.start] or _beside(t):
        return False
    end = entry.end  # the entry's last visible character, read without copying the entry: an
    while end > entry.start and text[end - 1].isspace():  # entry may grow a line at a time
        end -= 1
    return text[end - 1:end] not in (";", ".")


def _near(a: Span, b: Span) -> bool:
    """True when `b` may be the Tiêu ngữ under the Quốc hiệu `a`: in a table, its column, in its
    row or the next one."""
    return a.para.table is None or _below(a.para, b.para, rows=1)


def _below(a: Para, b: Para, rows: int = 2) -> bool:
    """True when `b` is in `a`'s table column, in `a`'s row or up to `rows` rows below it."""
    if a.table != b.table or a.col != b.col:
        return False
    if a.row is None or b.row is None:
        return a.row == b.row
    return 0 <= b.row - a.row <= rows
