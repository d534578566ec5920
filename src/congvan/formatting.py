"""Pure functions that write Decree 30 components as text.

Each ``format_*`` has a ``parse_*`` where the checker needs to read the component back; the pair
round-trips (``parse(format(x)) == x``). Nothing here touches a .docx.

>>> from datetime import date
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

import re
from dataclasses import dataclass
from datetime import date

from .errors import InvalidNumberError, shorten
from .rules import LUU_VAN_THU, NHAN_LUU, NHAN_SO, NHAN_VE_VIEC, ThamQuyen
from .text import upper

__all__ = [
    "SoKyHieu",
    "format_dia_danh_thoi_gian",
    "format_ket_thuc",
    "format_kinh_gui",
    "format_ngay",
    "format_noi_nhan",
    "format_so",
    "format_so_ky_hieu",
    "format_tham_quyen",
    "format_trich_yeu_cong_van",
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
    if isinstance(so, bool) or not isinstance(so, int):
        raise InvalidNumberError("number.type", f"số văn bản phải là số nguyên, không phải "
                                 f"{shorten(so, 20)} (so_van_ban must be an int)")
    if so < 1:
        raise InvalidNumberError("number.so_van_ban", f"số văn bản phải từ 1 trở lên, không phải "
                                 f"{shorten(so, 20)} (PL I §II.3.c)")
    return f"{so:02d}"


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


def _end(text: str, mark: str) -> str:
    """Return `text` ending in `mark`, replacing a trailing ``;``, ``.`` or ``,`` the user typed."""
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


def format_kinh_gui(kinh_gui: list[str]) -> list[str]:
    """Return the ô 9a recipient lines (PL I §II.9.d).

    One recipient goes on the ``Kính gửi:`` line as typed; several become a dash list, ``;`` after each
    but the last and ``.`` after the last.

    >>> format_kinh_gui(["Bộ Nội vụ"])
    ['Bộ Nội vụ']
    >>> format_kinh_gui(["Bộ Nội vụ", "Bộ Tài chính"])
    ['- Bộ Nội vụ;', '- Bộ Tài chính.']
    """
    if len(kinh_gui) == 1:
        return list(kinh_gui)
    last = len(kinh_gui) - 1
    return [f"- {_end(r, '.' if i == last else ';')}" for i, r in enumerate(kinh_gui)]


def format_noi_nhan(entries: list[tuple[str, str | None]], noi_luu: list[str],
                    ky_hieu_nguoi_soan_thao: str | None = None) -> list[str]:
    """Return the ô 9b entry lines: ``- <nơi nhận>;`` each, then ``- Lưu: VT, ….`` (PL I §II.9.d).

    Each entry is (name, note); a note such as ``(VBĐT)`` follows the semicolon, as offices write it.
    The drafter's mark (ô 12, PL I §III.3) follows the Lưu line.

    >>> format_noi_nhan([("Như trên", None), ("Sở Nội vụ", "(để b/c)")], ["VT", "TCCB"], "PL.(300)")
    ['- Như trên;', '- Sở Nội vụ; (để b/c)', '- Lưu: VT, TCCB. PL.(300)']
    """
    lines = [f"- {_end(name, ';')}" + (f" {note}" if note else "") for name, note in entries]
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
