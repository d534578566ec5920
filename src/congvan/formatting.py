"""Pure functions that write Decree 30 components as text.

Each ``format_*`` has a ``parse_*`` where the checker needs to read the component back; the pair
round-trips (``parse(format(x)) == x``). Nothing here touches a .docx.

>>> from datetime import date, time
>>> format_dia_danh_thoi_gian("Hà Nội", date(2021, 3, 5))
'Hà Nội, ngày 05 tháng 3 năm 2021'
>>> format_dia_danh_thoi_gian("Hà Nội", date(2021, 2, 15))
'Hà Nội, ngày 15 tháng 02 năm 2021'
>>> format_so_ky_hieu(SoKyHieu(4172, "UBND-VHTT"))
'Số: 4172/UBND-VHTT'
>>> format_so_ky_hieu(SoKyHieu(5, "QĐ-UBND"))
'Số: 05/QĐ-UBND'
>>> parse_so_ky_hieu("Số: 05/QĐ-UBND")
SoKyHieu(so_van_ban=5, ky_hieu='QĐ-UBND')
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import cast

from .errors import InvalidNumberError, shorten
from .rules import (
    DANH_TU_DIA_DANH,
    DANH_TU_DON_VI,
    LAYOUT,
    LUU_VAN_THU,
    NHAN_KEM_THEO,
    NHAN_LUU,
    NHAN_PHU_LUC,
    NHAN_SO,
    NHAN_VE_VIEC,
    SO_CHU_SO,
    ThamQuyen,
)
from .vietnamese.text import upper

__all__ = [
    "SoKyHieu",
    "break_costs",
    "break_lines",
    "end_with",
    "format_dia_danh_thoi_gian",
    "format_gio_phut",
    "format_ket_thuc",
    "format_kinh_gui",
    "format_ngay",
    "format_noi_nhan",
    "format_so",
    "format_so_ky_hieu",
    "format_tham_quyen",
    "format_trich_yeu_cong_van",
    "header_columns",
    "parse_dia_danh_thoi_gian",
    "parse_so_ky_hieu",
]

#: Space left for a number the Văn thư writes in by hand when the document is issued (mẫu 1.5).
SO_TRONG = "\u00a0" * 6


@dataclass(frozen=True)
class SoKyHieu:
    """Số, ký hiệu (document number and symbol): ``so_van_ban`` None leaves it to the Văn thư."""

    so_van_ban: int | None
    ky_hieu: str


def format_so(so: int | None) -> str:
    """Return the number as Decree 30 writes it: a leading 0 below 10 (PL I §II.3.c).

    Raise InvalidNumberError (a ValueError; code ``number.so_van_ban`` or ``number.type``) for a
    number below 1 or not an int.

    >>> [format_so(n) for n in (1, 9, 10, 125)]
    ['01', '09', '10', '125']
    """
    if so is None:
        return SO_TRONG
    # Checked although typed: a caller without a type checker may pass a bool, a float or text.
    if isinstance(so, bool) or not isinstance(cast(object, so), int):
        raise InvalidNumberError("number.type", f"số văn bản phải là số nguyên, không phải "
                                 f"{shorten(so, 20)} (so_van_ban must be an int)")
    if so < 1:
        raise InvalidNumberError("number.so_van_ban", f"số văn bản phải từ 1 trở lên, không phải "
                                 f"{shorten(so, 20)} (PL I §II.3.c)")
    return str(so).zfill(SO_CHU_SO)


def format_so_ky_hieu(value: SoKyHieu) -> str:
    """Return the ô 3 line ``Số: <số>/<ký hiệu>``, with no space inside (PL I §II.3.c)."""
    return f"{NHAN_SO}: {format_so(value.so_van_ban)}/{value.ky_hieu}"


_SO_KY_HIEU = re.compile(r"^Số:\s*(?P<so>\d+)?\s*/(?P<ky_hieu>\S+)$")


def parse_so_ky_hieu(text: str) -> SoKyHieu:
    """Return the number and symbol of an ô 3 line; raise ValueError when it is not one.

    Spaces around the number are tolerated (a number written into the gap by hand), so
    ``Số: 4172 /UBND-VHTT`` reads as 4172.
    """
    m = _SO_KY_HIEU.match(text.strip())
    if not m:
        raise ValueError(f"không phải dòng số, ký hiệu: {text!r}")
    so = m.group("so")
    return SoKyHieu(int(so) if so else None, m.group("ky_hieu"))


def format_ngay(value: date) -> str:
    """Return ``ngày DD tháng M năm YYYY``: day < 10 and months 1, 2 padded (PL I §II.4.b).

    >>> format_ngay(date(2021, 7, 1))
    'ngày 01 tháng 7 năm 2021'
    >>> format_ngay(date(2020, 1, 5))
    'ngày 05 tháng 01 năm 2020'
    """
    thang = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {thang} năm {value.year:04d}"


def format_dia_danh_thoi_gian(dia_danh: str, ngay: date) -> str:
    """Return the ô 4 line: place, a comma, then the date (PL I §II.4)."""
    return f"{dia_danh}, {format_ngay(ngay)}"


_DIA_DANH_THOI_GIAN = re.compile(
    r"^(?P<dia_danh>.+?),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})$"
)


def parse_dia_danh_thoi_gian(text: str) -> tuple[str, date]:
    """Return (place, date) of an ô 4 line; raise ValueError when it is not one.

    >>> parse_dia_danh_thoi_gian("Nha Trang, ngày 01 tháng 7 năm 2021")
    ('Nha Trang', datetime.date(2021, 7, 1))
    """
    m = _DIA_DANH_THOI_GIAN.match(text.strip())
    if not m:
        raise ValueError(f"không phải dòng địa danh và thời gian: {text!r}")
    return m.group("dia_danh"), date(int(m.group("y")), int(m.group("m")), int(m.group("d")))


def format_trich_yeu_cong_van(trich_yeu: str) -> list[str]:
    """Return the lines of ô 5b: ``V/v`` before the subject, the user's own line breaks kept.

    >>> format_trich_yeu_cong_van("nâng bậc lương năm 2019")
    ['V/v nâng bậc lương năm 2019']
    """
    lines = trich_yeu.split("\n")
    lines[0] = f"{NHAN_VE_VIEC} {lines[0]}"
    return lines


def end_with(text: str, mark: str) -> str:
    """Return `text` ending in `mark`, replacing a trailing ``;``, ``.`` or ``,`` the user typed
    (congvan writes the closing mark of each line).

    >>> end_with("Sở Tài chính;", ".")
    'Sở Tài chính.'
    >>> end_with("Phòng họp số 2.", "")
    'Phòng họp số 2'
    """
    return text.rstrip(" ;.,") + mark


def format_ket_thuc(paragraph: str) -> str:
    """Return the last body paragraph ending in ``./.``, as every sample of PL III ends its content.

    >>> format_ket_thuc("Yêu cầu các đơn vị triển khai thực hiện.")
    'Yêu cầu các đơn vị triển khai thực hiện./.'
    >>> format_ket_thuc("Đề nghị các đơn vị thực hiện./.")
    'Đề nghị các đơn vị thực hiện./.'
    """
    if paragraph.endswith("./."):
        return paragraph
    return paragraph + ("/." if paragraph.endswith(".") else "./.")


def format_can_cu(can_cu: list[str]) -> list[str]:
    """Return the căn cứ lines as typed, each ending ``;`` and the last ``.`` (PL I §II.6.a).

    The clerk types each basis whole (``Căn cứ …``, ``Theo đề nghị của …``); a ``;``, ``.`` or
    ``,`` typed at its end is replaced, since congvan writes the punctuation.

    >>> format_can_cu(["Căn cứ Luật Tổ chức chính quyền địa phương,", "Theo đề nghị của Giám đốc"])
    ['Căn cứ Luật Tổ chức chính quyền địa phương;', 'Theo đề nghị của Giám đốc.']
    """
    last = len(can_cu) - 1
    return [end_with(line, "." if i == last else ";") for i, line in enumerate(can_cu)]


def format_kem_theo(ten: str, so_ky_hieu: SoKyHieu, ngay: date, cua: str) -> str:
    """Return the line under an attached text's or a phụ lục's title (mẫu 1.3, 2.1; PL I §III.1.c).

    `ten` is the issuing document's type as a sentence names it (``Quyết định``, ``Công văn``);
    `cua` the body or title that issued it.

    >>> format_kem_theo("Quyết định", SoKyHieu(5, "QĐ-UBND"), date(2024, 3, 15),
    ...                 "Ủy ban nhân dân thành phố Nha Trang")
    '(Kèm theo Quyết định số 05/QĐ-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân thành phố Nha
    Trang)'
    """
    so = f"{format_so(so_ky_hieu.so_van_ban)}/{so_ky_hieu.ky_hieu}"
    return f"({NHAN_KEM_THEO} {ten} số {so} {format_ngay(ngay)} của {cua})"


def format_phu_luc(index: int, count: int) -> str:
    """Return an appendix's heading: ``Phụ lục`` alone, or numbered I, II … when there are two or
    more (PL I §III.1.b).

    >>> format_phu_luc(0, 1), format_phu_luc(1, 3)
    ('Phụ lục', 'Phụ lục II')
    """
    from .noi_dung.numbering import roman  # noi_dung imports this module

    return NHAN_PHU_LUC if count == 1 else f"{NHAN_PHU_LUC} {roman(index + 1)}"


def format_kinh_gui(kinh_gui: list[str]) -> list[str]:
    """Return the ô 9a recipient lines (PL I §II.9.d).

    One recipient goes on the ``Kính gửi:`` line as typed; several become a dash list, ``;`` after
    each but the last and ``.`` after the last.

    >>> format_kinh_gui(["Bộ Nội vụ"])
    ['Bộ Nội vụ']
    >>> format_kinh_gui(["Bộ Nội vụ", "Bộ Tài chính"])
    ['- Bộ Nội vụ;', '- Bộ Tài chính.']
    """
    if len(kinh_gui) == 1:
        return list(kinh_gui)
    last = len(kinh_gui) - 1
    return [f"- {end_with(r, '.' if i == last else ';')}" for i, r in enumerate(kinh_gui)]


def format_noi_nhan(entries: list[tuple[str, str | None]], noi_luu: list[str],
                    ky_hieu_nguoi_soan_thao: str | None = None) -> list[str]:
    """Return the ô 9b entry lines: ``- <nơi nhận>;`` each, then ``- Lưu: VT, ….`` (PL I §II.9.d).

    Each entry is (name, note); a note such as ``(để báo cáo)`` stands before the semicolon, as real
    công văn write it (``- Bộ trưởng (để báo cáo);``), upright like the entry (§II.9.d). The Lưu
    items are printed as typed, joined by ", ". The drafter's mark (ô 12, PL I §III.3) follows the
    Lưu line.

    >>> format_noi_nhan([("Như trên", None), ("Sở Nội vụ", "(để b/c)")], ["VT", "TCCB"], "PL.(300)")
    ['- Như trên;', '- Sở Nội vụ (để b/c);', '- Lưu: VT, TCCB. PL.(300)']
    >>> format_noi_nhan([("Như trên", None)], ["VT", "KHTC (VX/KN)"])
    ['- Như trên;', '- Lưu: VT, KHTC (VX/KN).']
    """
    lines = [f"- {end_with(f'{name} {note}' if note else name, ';')}" for name, note in entries]
    luu_line = f"- {NHAN_LUU}: {', '.join(noi_luu or [LUU_VAN_THU])}."
    if ky_hieu_nguoi_soan_thao:
        luu_line += f" {ky_hieu_nguoi_soan_thao}"
    return [*lines, luu_line]


def format_tham_quyen(prefix: ThamQuyen | None, chuc_danh: str) -> str:
    """Return one authority line, upper case with the prefix's dot (PL I §II.7.đ).

    >>> format_tham_quyen(ThamQuyen.TM, "Ủy ban nhân dân")
    'TM. ỦY BAN NHÂN DÂN'
    """
    line = upper(chuc_danh)
    return f"{prefix.value} {line}" if prefix else line


# --------------------------------------------------------------------------------------------------
# Line breaks: where congvan breaks a line that does not fit its column
# --------------------------------------------------------------------------------------------------

# The cost of each kind of break, and of each line (so that fewer lines win unless they need a bad
# break). A break is scored by the words on either side; the line's own cost is its squared slack,
# so lines come out balanced, as a centred name or V/v is set by hand.
_COST_LINE = 10.0
_COST_FORBIDDEN = 100.0  # inside a proper name (Hồ / Chí Minh), after TM./KT./V/v
_COST_AFTER_HEAD = 6.0  # after a unit or place noun (VỤ / GIÁO DỤC, THÀNH PHỐ / HỒ CHÍ MINH)
_COST_IN_WORD = 3.0  # names: before a lower-case syllable, which is inside a word (TRUNG / HỌC)
_COST_BEFORE_CAPITAL = 0.5
_COST_PROSE = 0.5
_COST_BEFORE_HEAD = 0.0
_COST_BEFORE_AND = 0.2  # names: BỘ GIÁO DỤC / VÀ ĐÀO TẠO, as clerks break them
_COST_BEFORE_PHRASE = 0.1  # prose: before a word that opens a phrase (… / cho học sinh)
_NEVER_ALONE = ("V/v", *(t.value for t in ThamQuyen))
_PREFIX_LIKE = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L)([./]|$)",
                          flags=re.IGNORECASE)
# Words that open a phrase in a trích yếu: a break before one of them does not split a word.
_PHRASE_STARTS = frozenset(["cho", "của", "và", "với", "về", "tại", "trên", "trong", "theo", "đối",
                            "để", "từ", "đến", "năm", "giai", "đoạn", "khi", "nhằm", "thuộc"])


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _head_spans(folded: list[str]) -> list[tuple[int, int]]:
    """Return the (start, end) word spans of the unit and place nouns in `folded`."""
    spans: list[tuple[int, int]] = []
    i = 0
    heads = sorted((h.split() for h in DANH_TU_DON_VI), key=len, reverse=True)
    while i < len(folded):
        for head in heads:
            if folded[i:i + len(head)] == head:
                spans.append((i, i + len(head)))
                i += len(head)
                break
        else:
            i += 1
    return spans


def break_costs(words: list[str], *, name: bool) -> list[float]:
    """Return the cost of a line break before each word of `words` (index 0 unused).

    `words` are as typed (their case tells names from common words); `name` is True for names of
    bodies and authority lines, whose lower-case syllables continue a word, and False for prose (the
    V/v), which may break between any two words but never inside a proper name.
    """
    folded = [w.casefold() for w in words]
    all_caps = not any(c.islower() for w in words for c in w)
    costs = _word_costs(words, folded, name=name, all_caps=all_caps)
    heads = _heads(words, folded, name=name, all_caps=all_caps)
    for start, end in heads:
        costs[start] = min(costs[start], _COST_BEFORE_HEAD)
        for i in range(start + 1, min(end + 1, len(words))):
            costs[i] = max(costs[i], _COST_AFTER_HEAD)
    head_words = {i for start, end in heads for i in range(start, end)}
    for i in range(1, len(words)):
        if not name:
            costs[i] = _prose_cost(costs[i], words[i - 1], words[i], folded[i])
        if _forbidden(words, folded, i, head_words, name=name, all_caps=all_caps):
            costs[i] = _COST_FORBIDDEN
        # "số 30/2020/NĐ-CP", "ngày 05/3/2020": the number stays with its word.
        elif folded[i - 1] in ("số", "ngày", "tháng", "năm") and any(c.isdigit() for c in words[i]):
            costs[i] = max(costs[i], _COST_AFTER_HEAD)
    return costs


def _word_costs(words: list[str], folded: list[str], *, name: bool, all_caps: bool) -> list[float]:
    """Return the cost of a break before each word judged alone (in a name: before "và", inside a
    word, before a capital)."""
    costs = [_COST_PROSE if not name else _COST_BEFORE_CAPITAL] * len(words)
    if name:
        for i, w in enumerate(words):
            if folded[i] == "và":
                costs[i] = _COST_BEFORE_AND
            elif i and (all_caps or not _capitalised(w)):
                costs[i] = _COST_IN_WORD if not all_caps else _COST_BEFORE_CAPITAL
    return costs


def _heads(words: list[str], folded: list[str], *, name: bool,
           all_caps: bool) -> list[tuple[int, int]]:
    """Return the spans of the unit and place nouns that head a word group."""
    # In a name, a unit noun is capitalised (Vụ Giáo dục; not the "trường" of "Môi trường"); a place
    # noun may not be (Ủy ban nhân dân xã Nguyễn Việt Khái).
    return [(start, end) for start, end in _head_spans(folded)
            if not name or all_caps or _capitalised(words[start])
            or " ".join(folded[start:end]) in DANH_TU_DIA_DANH]


def _prose_cost(cost: float, prev: str, word: str, folded_word: str) -> float:
    """Return the cost of a break between `prev` and `word` in prose (the V/v)."""
    if folded_word in _PHRASE_STARTS:
        cost = min(cost, _COST_BEFORE_PHRASE)
    if prev.endswith((",", ";")):
        cost = min(cost, 0.0)
    if _capitalised(prev) and not _acronym(prev) and word[:1].islower():
        cost = max(cost, _COST_IN_WORD)  # Nghị / định, Nội / vụ
    return cost


def _forbidden(words: list[str], folded: list[str], i: int, head_words: set[int], *, name: bool,
               all_caps: bool) -> bool:
    """Return True if a line must not break before ``words[i]``."""
    prev, word = words[i - 1], words[i]
    # A line must not start with what reads as an authority prefix (KT, TL …): it would be
    # taken for one (PL I §II.7.b).
    if (name and _PREFIX_LIKE.match(word)) or prev in _NEVER_ALONE:
        return True
    # Two capitalised words in a row that are not a unit noun or an acronym: a proper name.
    return (not all_caps and _capitalised(prev) and _capitalised(word)
            and i - 1 not in head_words and i not in head_words
            and not _acronym(prev) and not _acronym(word))


def break_lines(text: str, width_pt: float, measure: Callable[[str], float], *,
                name: bool) -> list[str]:
    """Return `text` cut into as few balanced lines of at most `width_pt` as good breaks allow.

    `measure` gives a line's printed width in points (upper-casing it first where the component is
    printed upper case). A line that fits is returned whole; a word wider than the column stands
    alone on its line (the word processor then wraps it as it must).

    >>> from congvan.measure import text_width_pt
    >>> wide = lambda s: text_width_pt(s.upper(), 14, bold=True)
    >>> break_lines("KT. Vụ trưởng Vụ Giáo dục Trung học", 260, wide, name=True)
    ['KT. Vụ trưởng', 'Vụ Giáo dục Trung học']
    >>> prose = lambda s: text_width_pt(s, 12)
    >>> break_lines("V/v hỗ trợ người dân tại Thành phố Hồ Chí Minh", 150, prose, name=False)
    ['V/v hỗ trợ người dân tại', 'Thành phố Hồ Chí Minh']
    """
    words = text.split(" ")
    if len(words) < 2 or measure(text) <= width_pt:
        return [text]
    costs = break_costs(words, name=name)
    n = len(words)
    # best[i]: the cheapest way to set words[:i], as (cost, start of its last line).
    best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * n
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            line = " ".join(words[j:i])
            width = measure(line)
            if width > width_pt and i - j > 1:
                break  # longer lines from further back only get wider
            slack = max(0.0, (width_pt - width) / width_pt)
            cost = best[j][0] + _COST_LINE + slack * slack + (costs[j] if j else 0.0)
            if cost < best[i][0]:
                best[i] = (cost, j)
    lines: list[str] = []
    i = n
    while i > 0:
        j = best[i][1]
        lines.append(" ".join(words[j:i]))
        i = j
    return lines[::-1]


def header_columns(dia_danh_thoi_gian_mm: float) -> tuple[float, float]:
    """Return the widths (left, right) in mm of the header's two columns for a date line this wide.

    The date line stays on one line (PL I §II.4.c: on the line of the số, centred under the Quốc
    hiệu): the right column grows past its usual width when the place is long (Thành phố Hồ Chí
    Minh), as the decree's own samples give it 100 mm (PL III, mẫu 1.1–1.4), and the left column
    keeps the rest, never less than ``LAYOUT.header_left_min``.

    >>> header_columns(80.0)
    (70.0, 95.0)
    >>> header_columns(98.7)
    (64.3, 100.7)
    """
    total = LAYOUT.header_left + LAYOUT.header_right
    right = max(LAYOUT.header_right, dia_danh_thoi_gian_mm + LAYOUT.line_slack)
    right = min(right, total - LAYOUT.header_left_min)
    return round(total - right, 1), round(right, 1)


def format_gio_phut(value: time) -> str:
    """Return a time of day the Vietnamese way, hours and minutes two digits (PL III mẫu 1.7, 1.9:
    "…. giờ …."; the leading 0 as in dates, PL I §II.4.b).

    >>> format_gio_phut(time(8, 0)), format_gio_phut(time(10, 30))
    ('08 giờ 00 phút', '10 giờ 30 phút')
    """
    return f"{value.hour:02d} giờ {value.minute:02d} phút"
