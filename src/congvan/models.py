"""Pydantic models of the Decree 30 components, and of the documents made from them.

Every rule that can be checked on the data alone is enforced here, where the model is built: the
number (số ≥ 1), the abbreviations that make the ký hiệu, the date, the authority stack
(TM./KT./TL./TUQ./Q.), the Nơi nhận storage line, and the components each type has
(rules.THANH_PHAN: căn cứ, the authority line, Kính gửi, articles). All text is normalised as
``congvan.vietnamese.text`` documents (NFC, XML-illegal characters removed, spaces tidied) and
nothing else is changed, except the punctuation and words congvan prints itself (``;`` after a Nơi
nhận or a căn cứ, ``V/v``), as docs/input.md says.

Invalid input raises ``congvan.InvalidDocumentError``, which lists every problem with its field path
and a message in Vietnamese. Unknown fields are rejected, so a misspelt key cannot vanish silently
(the message suggests the field meant). Types are strict: text is ``str`` only (not bytes, not a
number), a number is a number (not ``True``, not ``1.5`` for an integer). Every text is at most
`MAX_TEXT_CHARS` characters and every list at most `MAX_ITEMS` items, so no input of bounded size
makes an unbounded document. A copy made with ``model_copy(update=…)`` is validated like new input.

>>> from datetime import date
>>> nk = NguoiKy(tham_quyen=["TM. Ủy ban nhân dân", "KT. Chủ tịch"], chuc_vu="Phó Chủ tịch",
...              ho_ten="Lưu Thành Nhân")
>>> [str(t) for t in nk.tham_quyen]
['TM. Ủy ban nhân dân', 'KT. Chủ tịch']
>>> NguoiKy(tham_quyen=["KT. Giám đốc"], ho_ten="Trần Văn B")
Traceback (most recent call last):
...
congvan.errors.InvalidDocumentError: 1 lỗi trong dữ liệu văn bản:
  - chuc_vu: sau "KT." phải ghi chức vụ của chính người ký ở dòng dưới (PL I §II.7.b)
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import textwrap
import unicodedata
from collections.abc import Callable, Mapping, Sequence, Sized
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, TypeAlias, cast, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    Strict,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from ._memo import Memo
from .errors import CongVanError, InvalidDocumentError, Problem, shorten
from .formatting import SoKyHieu
from .images import ImageError, read_png
from .noi_dung.blocks import Block
from .rules import (
    CHUC_VU_CA_NHAN,
    KY_HIEU_BAN_SAO,
    LOAI_VAN_BAN,
    LUU_VAN_THU,
    NHU_TREN,
    THAM_QUYEN,
    THANH_PHAN,
    THU_CONG_TIEN_TO,
    DoKhan,
    DoMat,
    ThamQuyen,
)
from .vietnamese.legacy import detect_legacy_encoding, legacy_to_unicode
from .vietnamese.text import normalize_text, strip_xml_illegal

if TYPE_CHECKING:
    from typing_extensions import LiteralString, Self  # typing has them from 3.11

    from .noi_dung import ParsedBody

__all__ = [
    "MAX_ITEMS",
    "MAX_PROBLEMS",
    "MAX_SO_VAN_BAN",
    "MAX_TEXT_CHARS",
    "MODELS",
    "BanSao",
    "BenHopDong",
    "BienBan",
    "BodyParts",
    "CoQuanBanHanh",
    "CoQuanLienTich",
    "CongDien",
    "CongVan",
    "DauCoQuan",
    "Document",
    "DongThamQuyen",
    "GiayGioiThieu",
    "GiayMoi",
    "GiayNghiPhep",
    "HopDong",
    "NghiQuyet",
    "NguoiKy",
    "NoiNhan",
    "PhuLuc",
    "QuyetDinh",
    "ThuCong",
    "ThuKy",
    "VanBan",
    "VanBanCoTenLoai",
    "VanBanKemTheo",
    "problems_from_validation_error",
    "tach_giay_moi",
]

# --------------------------------------------------------------------------------------------------
# Field types
# --------------------------------------------------------------------------------------------------


#: Characters in one text field, after normalisation (four times as many as typed, before): a
#: paragraph of ~3 pages. Generous for any real field, and with `MAX_ITEMS` it bounds the document
#: a spec of any size can make.
MAX_TEXT_CHARS = 10_000
#: Items in one list (paragraphs, recipients, authority lines, address lines).
MAX_ITEMS = 1_000
#: Problems listed in one InvalidDocumentError; the rest are counted in a last ``problems.more``.
MAX_PROBLEMS = 50


def _kind(value: object) -> str:
    """Return what `value` is, in Vietnamese, for a message that must not quote it whole."""
    kinds: list[tuple[type | tuple[type, ...], str]] = [
        (bool, "true/false"), ((bytes, bytearray), "dữ liệu nhị phân (bytes, !!binary)"),
        (int, "số"), (float, "số thập phân"), ((list, tuple), "danh sách"),
        (dict, "bảng các trường"), (type(None), "giá trị rỗng (null)")]
    return next((name for t, name in kinds if isinstance(value, t)), type(value).__name__)


def _legacy(text: str) -> tuple[str, str] | None:
    """Return (encoding, converted text) when `text` was typed in TCVN3 or VNI, else None.

    congvan.vietnamese.legacy judges whole syllables (congvan.vietnamese.syllables): Unicode
    Vietnamese, citations ("PL III §I") and units ("µm") are never taken for legacy text (issue
    8.1). A field whose words would all decode to single letters ("Æ" → "Ặ", "0ë") is too short
    to tell, and is left as typed.
    """
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return None
    converted = legacy_to_unicode(text, encoding)
    typed = set(text.split())
    if not any(sum(ch.isalpha() for ch in word) >= 2 for word in converted.split()
               if word not in typed):
        return None
    return encoding, converted


def _text(value: Any) -> Any:
    return _checked_text(value, normalize_text)


#: Spaces and tabs that indent a line of the body markup (a nested list item: a điểm, a "+").
_INDENT = re.compile(r"[ \t]*")
_INNER_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _normalize_body(text: str) -> str:
    """Return a body block normalised as `normalize_text` does, except that a line's indentation
    beyond the block's own is kept (a tab as four spaces): in the body markup it nests a list in a
    list."""
    text = strip_xml_illegal(unicodedata.normalize("NFC", text))
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        indent = _INDENT.match(line)
        rest = _INNER_SPACES.sub(" ", line[indent.end() if indent else 0:]).strip()
        lines.append((indent.group(0).replace("\t", "    ") if indent else "") + rest
                     if rest else "")
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return textwrap.dedent("\n".join(lines))  # the indentation all its lines share is not nesting


_CHECKED_MAX_CHARS = 2_000


def _checked_text(value: Any, normalize: Callable[[str], str]) -> Any:
    if type(value) is not str or len(value) > _CHECKED_MAX_CHARS:
        return _check_text(value, normalize)
    return _checked_kept(value, normalize)


@lru_cache(maxsize=2048)
def _checked_kept(value: str, normalize: Callable[[str], str]) -> Any:
    """_check_text, kept by (text as typed, normaliser): the fields a batch's rows share (issuer,
    body blocks, recipients) are normalised and scanned for legacy encodings once. Successes only
    (an lru_cache keeps no exception); functools' C cache, as a document asks about 25 times."""
    return _check_text(value, normalize)


def _check_text(value: Any, normalize: Callable[[str], str]) -> Any:
    if not isinstance(value, str):  # bytes would skip normalisation: a control char in the .docx
        number = isinstance(value, (int, float))
        hint = " (chữ toàn chữ số thì đặt trong ngoặc kép)" if number else ""
        raise PydanticCustomError("text.type", "phải là chữ (văn bản), không phải {kind}{hint}",
                                  {"kind": _kind(value), "hint": hint})
    too_long = PydanticCustomError(
        "text.too_long", "dài quá {max} ký tự (giới hạn MAX_TEXT_CHARS): chia thành nhiều mục",
        {"max": MAX_TEXT_CHARS})
    if len(value) > 4 * MAX_TEXT_CHARS:  # refused before normalising: bounded cost, nothing cut
        raise too_long
    value = normalize(value)
    if not value:
        raise PydanticCustomError("text.empty", "không được để trống")
    if len(value) > MAX_TEXT_CHARS:
        raise too_long
    legacy = _legacy(value)
    if legacy:
        raise PydanticCustomError(
            "text.legacy_encoding",
            "chữ gõ bằng bảng mã cũ {encoding} (phông .Vn…, VNI-…), không phải Unicode (TCVN "
            "6909:2001, PL I §I.4); có phải: “{suggestion}”? Hãy gõ lại hoặc chuyển mã sang "
            "Unicode",
            {"encoding": legacy[0].upper(), "suggestion": shorten(legacy[1])})
    return value


def _single_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError(
            "text.newline",
            "không được xuống dòng trong trường này (mỗi đoạn, mỗi nơi nhận là một mục riêng)",
        )
    return value


#: One line of text: NFC, tidy spaces, not empty, no line break.
Text = Annotated[str, BeforeValidator(_text), AfterValidator(_single_line)]
#: Text whose line breaks are kept, for lines a clerk breaks by hand (names in the header, trích
#: yếu).
MultilineText = Annotated[str, BeforeValidator(_text)]

# The letters Vietnamese is written with: a–z, đ, and the vowels with their marks and five tones.
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VI_LOWER = "".join(sorted({unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
                           | set("bcdđghklmnpqrstvx") | set("fjwz")))
VI_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())

# A ký hiệu group (PL I §II.3.b–c): Latin letters, Đ and digits, in upper case or the decree's own
# mixed case (TTr, QyĐ, TTg); a dot may join parts (V.I in 11554/VPCP-V.I). Nothing else: a space,
# '/' or '-' would break the ký hiệu into other groups, and ×, ÷, Greek, Hebrew or invisible format
# characters are not letters of any abbreviation a clerk types.
_ALNUM = "0-9A-Za-zĐđ"
_VIET_TAT = re.compile(rf"[{_ALNUM}]+(?:\.[{_ALNUM}]+)*")


def _viet_tat(value: str) -> str:
    if not _VIET_TAT.fullmatch(value):
        raise PydanticCustomError(
            "viet_tat.invalid",
            "chữ viết tắt '{value}' chỉ được gồm chữ cái (A–Z, Đ), chữ số và dấu chấm giữa các chữ "
            "(V.I); không có dấu cách, '/', '-' hay ký tự khác (PL I §II.3.b–c)",
            {"value": shorten(value)},
        )
    return value


#: An abbreviation inside a ký hiệu (UBND, VHTT, SGDĐT, V.I): letters, digits, inner dots.
VietTat = Annotated[str, BeforeValidator(_text), AfterValidator(_viet_tat)]

# One item of the Lưu line, kept as typed (PL I §II.9.d: "VT", then the abbreviation of the drafting
# unit and the number of copies kept). Real lines also name a unit in words (Vụ KHTC), write the
# copies as 02b or (3b), and add the drafter's initials in brackets ((VX/KN)): a unit, its copies,
# initials, each optional, in that order. Refused: '/', ';', ':' outside brackets and anything not a
# letter.
_LETTER = "".join(sorted(VI_LETTERS))
_LUU_WORD = rf"[{_LETTER}0-9]+(?:[.&-][{_LETTER}0-9]+)*"
_LUU_COPIES = r"(?:\(\d{1,4} ?(?:b|bản)\)|\d{1,4} ?(?:b|bản))"
_LUU_INITIALS = rf"\([{_ALNUM}.]+(?:/[{_ALNUM}.]+)*\)"
_LUU_ITEM = re.compile(
    rf"(?:{_LUU_WORD}(?: {_LUU_WORD})*)?(?: ?{_LUU_COPIES})?(?: ?{_LUU_INITIALS})?")
MAX_LUU_ITEM = 80


def _luu_item(value: str) -> str:
    value = value.rstrip(" ,;.")  # congvan writes the commas and the final period
    if not value or len(value) > MAX_LUU_ITEM or not _LUU_ITEM.fullmatch(value):
        raise PydanticCustomError(
            "noi_luu.invalid",
            "'{value}' không phải một mục của dòng Lưu: ghi chữ viết tắt hoặc tên đơn vị soạn thảo "
            "(KHTC, Vụ KHTC, V.I), số bản lưu (02b, (3b)), ký hiệu người soạn thảo trong ngoặc "
            "((VX/KN)); các mục cách nhau bằng dấu phẩy (PL I §II.9.d)",
            {"value": shorten(value)},
        )
    return value


def _luu_list(value: Any) -> Any:
    """Accept the Lưu line as typed in one string, ``VT, KHTC (VX/KN)``: split at commas outside
    brackets (the renderer joins the items with ", " again)."""
    if isinstance(value, str):
        return [item for item in re.split(r",(?![^()]*\))", value) if item.strip()]
    return value


#: One item of the Lưu line (PL I §II.9.d), printed as typed: ``KHTC``, ``Vụ KHTC``, ``VP (38b)``.
LuuItem = Annotated[str, BeforeValidator(_text), AfterValidator(_single_line),
                    AfterValidator(_luu_item)]


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


@lru_cache(maxsize=256)
def _parse_date(text: str) -> date | None:
    """Return the date `text` spells in one of _DATE_FORMATS, or None (strptime costs about as much
    as the rest of a field's validation; a batch's rows share a few dates)."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _ngay(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        parsed = _parse_date(text) if len(text) <= 16 else None  # longer is no date: not kept
        if parsed is not None:
            return parsed
        raise PydanticCustomError(
            "ngay.invalid", "{value} không phải ngày hợp lệ (viết dd/mm/yyyy, ví dụ 01/07/2021)",
            {"value": shorten(text)},
        )
    raise PydanticCustomError("ngay.type", "phải là ngày, viết dd/mm/yyyy (ví dụ 01/07/2021)")


#: A date: ``date``, ``01/07/2021``, ``1/7/2021`` or ISO ``2021-07-01``.
Ngay = Annotated[date, BeforeValidator(_ngay), WithJsonSchema({
    "type": "string", "description": "Ngày: dd/mm/yyyy (01/07/2021) hoặc yyyy-mm-dd",
    "pattern": r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})$"})]

#: A time of day as clerks type it: ``08:00``, ``8:30``, ``8h30``, ``8 giờ``, ``8 giờ 30 phút``.
_GIO = re.compile(r"^(?P<h>\d{1,2})\s*(?::|h|giờ)\s*(?:(?P<m>\d{1,2})\s*(?:phút|p)?)?$",
                  flags=re.IGNORECASE)


def _gio(value: Any) -> Any:
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    # YAML 1.1 reads an unquoted 08:30 as a sexagesimal number (510): minutes since midnight.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    if isinstance(value, str):
        m = _GIO.match(" ".join(value.split()))
        if m:
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            if h < 24 and mi < 60:
                return time(h, mi)
        raise PydanticCustomError(
            "gio.invalid", "{value} không phải giờ hợp lệ (viết 08:00, 14:30 hoặc 8 giờ 30 phút)",
            {"value": shorten(value)})
    raise PydanticCustomError("gio.type", "phải là giờ, viết 08:00 hoặc 8 giờ 30 phút")


#: A time of day: ``08:00``, ``14:30``, ``8 giờ 30 phút``; printed ``08 giờ 00 phút``.
Gio = Annotated[time, BeforeValidator(_gio), WithJsonSchema({
    "type": "string", "description": "Giờ: 08:00, 14:30 hoặc 8 giờ 30 phút"})]

#: The largest số: a running number for the year (Đ.15); no body issues ten million a year.
MAX_SO_VAN_BAN = 9_999_999


def _so_van_ban(value: Any) -> Any:
    """Return the number a clerk typed: an int, or its digits as the decree prints them."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PydanticCustomError(
            "so_van_ban.type", "phải là số nguyên từ 1 trở lên (ví dụ 4172 hoặc 05), không phải "
            "{kind}", {"kind": _kind(value)})
    if isinstance(value, int):
        return value
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 7):  # 1e3, 0x1F, 1:30, 5.0
        raise PydanticCustomError(
            "so_van_ban.format", "'{value}' không phải số văn bản: chỉ gồm chữ số, ví dụ 4172 "
            "hoặc 05 (PL I §II.3.c)", {"value": shorten(text, 20)})
    number = int(text)
    if number >= 1 and text not in (str(number), f"{number:02d}"):
        # 010 would be printed 10 (YAML 1.1 read it as octal 8): say so rather than guess.
        raise PydanticCustomError(
            "so_van_ban.leading_zero", "'{value}' có số 0 ở đầu: Nghị định 30 chỉ thêm một số 0 "
            "trước số nhỏ hơn 10 (PL I §II.3.c); nếu là số {number}, hãy viết {number}",
            {"value": text, "number": number})
    return number


#: Số: an integer ≥ 1, or text of digits as printed (``05``); ``010`` is refused, not re-read.
SoVanBan = Annotated[int, BeforeValidator(_so_van_ban), Strict(),
                     Field(ge=1, le=MAX_SO_VAN_BAN), WithJsonSchema({"anyOf": [
                         {"type": "integer", "minimum": 1, "maximum": MAX_SO_VAN_BAN},
                         {"type": "string", "pattern": "^(0?[1-9]|[1-9][0-9]{1,6})$"}]})]

#: The folder relative image paths are read from, and must stay inside, while congvan.io validates
#: untrusted input (the spec's folder for load(), else `base_dir` or the current folder). None for
#: a model built directly in Python: its paths are code, taken as the developer gives them.
#: A context variable, not pydantic's validation context: nested models drop the latter.
BASE_DIR: ContextVar[Path | None] = ContextVar("congvan_base_dir", default=None)
#: True when the caller allows image paths outside BASE_DIR (``allow_outside_images=True``,
#: ``--cho-phep-anh-ngoai``).
ALLOW_OUTSIDE_IMAGES: ContextVar[bool] = ContextVar("congvan_allow_outside_images", default=False)


def _png(value: Any) -> Any:
    if not isinstance(value, (str, Path)) or not str(value).strip() or "\x00" in str(value):
        raise PydanticCustomError("hinh_anh.type", "phải là đường dẫn tới tệp ảnh .png")
    path = Path(value)
    base = BASE_DIR.get()
    if base is not None:
        path = base / path  # relative to the input file, as a clerk writes it; absolute stays
        if not ALLOW_OUTSIDE_IMAGES.get() and not is_inside(path, base):
            # The same words whether or not the file exists: the message must not probe the host.
            raise PydanticCustomError(
                "hinh_anh.outside",
                "ảnh {value} nằm ngoài thư mục của tệp dữ liệu; chỉ dùng được ảnh trong thư mục đó "
                "(image outside the spec's folder; allow with --cho-phep-anh-ngoai or "
                "allow_outside_images=True)", {"value": shorten(str(value))})
    try:
        png = read_png(path)
    except ImageError as exc:
        code = "hinh_anh.missing" if exc.reason in ("unreadable", "not_regular") else (
            "hinh_anh.size" if exc.reason == "too_large" else "hinh_anh.png")
        raise PydanticCustomError(
            code, "ảnh {value}: {reason} (chữ ký số và dấu là ảnh .png nền trong suốt, "
            "PL I §II.7.d, §II.8.a)", {"value": shorten(str(value)), "reason": str(exc)}) from None
    del png  # checked and cached; the renderer reads it again, through the same cache
    return path.resolve()


def is_inside(path: Path, base: Path) -> bool:
    """Return True if `path`, symlinks resolved, lies within `base` (symlinks resolved): the rule
    for every file a spec names (images here, the issuer profile in congvan.io)."""
    try:
        return path.resolve().is_relative_to(base.resolve())
    except (OSError, RuntimeError):  # a symlink loop: not provably inside
        return False


#: A PNG image on disk (signature or seal); relative paths are read from the input file's folder.
AnhPNG = Annotated[Path, BeforeValidator(_png), WithJsonSchema(
    {"type": "string", "description": "Đường dẫn tới ảnh .png nền trong suốt"})]


# --------------------------------------------------------------------------------------------------
# Components
# --------------------------------------------------------------------------------------------------


def _fields(data: object) -> dict[object, object] | None:
    """Return `data` if it is a mapping of fields (input before validation), else None."""
    return cast("dict[object, object]", data) if isinstance(data, dict) else None


class _Model(BaseModel):
    """Base of every congvan model: frozen, no unknown fields, errors as InvalidDocumentError."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)

    def __init__(self, /, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as exc:
            raise InvalidDocumentError(problems_from_validation_error(exc, type(self))) from None

    # Only the error type changes here: pydantic may validate as its own __init__ does. Without
    # this mark it routes every validation (model_validate too) through this __init__, which
    # validates again: the document-level checks, the body's parse among them, ran twice.
    __init__.__pydantic_base_init__ = True  # pyright: ignore[reportFunctionMemberAccess]

    def __setattr__(self, name: str, value: Any) -> None:
        # Frozen: pydantic would raise its own ValidationError; congvan's errors are one tree.
        raise InvalidDocumentError([Problem(
            (name,), "model.frozen",
            "văn bản đã tạo thì không sửa trực tiếp được; dùng model_copy(update={...}) để có bản "
            "mới đã kiểm tra (models are frozen: use model_copy(update=...))")])

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:  # type: ignore[override]
        """Return a validated instance; raise InvalidDocumentError listing every problem."""
        try:
            return super().model_validate(obj, **kwargs)
        except ValidationError as exc:
            raise InvalidDocumentError(problems_from_validation_error(exc, cls)) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray,  # type: ignore[override]
                            **kwargs: Any) -> Self:
        """Return a validated instance of JSON text, read as congvan.loads reads JSON (duplicate
        keys refused, sizes bounded); raise InvalidDocumentError."""
        from .io import parse_spec  # io imports this module

        return cls.model_validate(parse_spec(json_data, "json"), **kwargs)

    @classmethod
    def model_validate_strings(cls, obj: Any, **kwargs: Any) -> Self:  # type: ignore[override]
        """As pydantic's, raising InvalidDocumentError."""
        try:
            return super().model_validate_strings(obj, **kwargs)
        except ValidationError as exc:
            raise InvalidDocumentError(problems_from_validation_error(exc, cls)) from None

    def model_copy(self, *, update: Mapping[str, Any] | None = None,  # type: ignore[override]
                   deep: bool = False) -> Self:
        """Return a copy; with `update`, validated like new input (pydantic's is not)."""
        if not update:
            return super().model_copy(deep=deep)
        data = {name: getattr(self, name) for name in self.model_fields_set}
        return type(self).model_validate({**data, **update})

    @model_validator(mode="before")
    @classmethod
    def _bounded_lists(cls, data: Any) -> Any:
        for key, value in (_fields(data) or {}).items():
            size = len(cast("Sized", value)) if isinstance(value, (list, tuple)) else 0
            if size > MAX_ITEMS:
                raise _error(str(key), None, "list.too_long", (
                    f"tối đa {MAX_ITEMS} mục, nhận được {size} (giới hạn MAX_ITEMS)"))
        return data


class CoQuanBanHanh(_Model):
    """Tên cơ quan, tổ chức ban hành văn bản (issuing body, ô 2; PL I §II.2).

    ``ten`` is printed upper case and bold; a line break in it is kept (a long name on two lines).
    ``ten_viet_tat`` is the abbreviation that opens or closes the ký hiệu (UBND, SNV).
    """

    ten: MultilineText
    ten_viet_tat: VietTat


# "TM. Ủy ban nhân dân": a prefix of rules.ThamQuyen, its dot, then the title it stands before.
_PREFIXES = sorted((t.value[:-1] for t in ThamQuyen), key=len, reverse=True)
_THAM_QUYEN_LINE = re.compile(rf"^\s*({'|'.join(_PREFIXES)})\.\s*(.+)$", flags=re.DOTALL)


class DongThamQuyen(_Model):
    """Một dòng quyền hạn của người ký (authority line, ô 7a): prefix and the title after it.

    Accepts ``"KT. Chủ tịch"`` as well as ``{"loai": "KT", "chuc_danh": "Chủ tịch"}``.
    """

    loai: ThamQuyen
    chuc_danh: MultilineText  # a line break typed by the clerk is kept (a long unit name)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = _THAM_QUYEN_LINE.match(value)
            if not m:
                raise PydanticCustomError(
                    "tham_quyen.prefix",
                    "'{value}' phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q. (PL I §II.7.b)",
                    {"value": value.strip()},
                )
            return {"loai": m.group(1) + ".", "chuc_danh": m.group(2)}
        fields = _fields(value)
        if fields is not None:
            loai = fields.get("loai")
            if isinstance(loai, str):
                loai = loai.strip()
                return {**fields, "loai": loai if loai.endswith(".") else loai + "."}
        return value

    def __str__(self) -> str:
        return f"{self.loai.value} {self.chuc_danh}"


# A title typed with an authority prefix but not as one: "KT Giám đốc", "T/M Ủy ban nhân dân".
_PREFIX_WITHOUT_DOT = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T/UQ|T\.M|K\.T|T\.L)(?=[\s/.]|$)",
                                flags=re.IGNORECASE)


class NguoiKy(_Model):
    """Thẩm quyền ký, chức vụ, họ tên (signature block, ô 7a–7c; Đ.13, PL I §II.7).

    ``tham_quyen`` is the stack of authority lines, top first (``TM. Ủy ban nhân dân``,
    ``KT. Chủ tịch``); ``chuc_vu`` is the signer's own title on the line below them; empty when the
    head signs with ``Q.``. ``anh_chu_ky`` is the image of the signature for an electronic document:
    PNG, blue, transparent background, centred between the title and the name (PL I §II.7.d).
    """

    tham_quyen: list[Annotated[DongThamQuyen, WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": rf"^({'|'.join(_PREFIXES)})\.\s*\S",
         "description": "Ví dụ: TM. Ủy ban nhân dân, KT. Chủ tịch"},
        {"type": "object", "additionalProperties": False, "required": ["loai", "chuc_danh"],
         "properties": {"loai": {"enum": [*_PREFIXES, *(t.value for t in ThamQuyen)]},
                        "chuc_danh": {"type": "string"}}},
    ]})]] = Field(default_factory=list[DongThamQuyen])
    chuc_vu: MultilineText | None = None  # line breaks kept, as in chuc_danh
    ho_ten: Text
    anh_chu_ky: AnhPNG | None = None

    @model_validator(mode="after")
    def _check_stack(self) -> NguoiKy:
        stack = self.tham_quyen
        for i, line in enumerate(stack):
            if line.loai is ThamQuyen.TM:
                if i:
                    raise _error("tham_quyen", i, "tham_quyen.tm_position",
                                 '"TM." chỉ đứng ở dòng đầu tiên (PL I §II.7.b)')
                title = " ".join(line.chuc_danh.split()).casefold()
                if any(title == t or title.startswith(t + " ") for t in CHUC_VU_CA_NHAN):
                    raise _error("tham_quyen", i, "tham_quyen.tm_collective",
                                 f'"TM." phải đứng trước tên tập thể hoặc tên cơ quan, tổ chức, '
                                 f'không phải chức vụ "{line.chuc_danh}" (PL I §II.7.b)')
            if i and line.loai not in THAM_QUYEN[stack[i - 1].loai].may_follow:
                raise _error("tham_quyen", i, "tham_quyen.order",
                             f'không ghi "{line.loai.value}" sau "{stack[i - 1].loai.value}" '
                             "(PL I §II.7.b, Đ.13)")
        if self.chuc_vu and _PREFIX_WITHOUT_DOT.match(self.chuc_vu):
            raise _error("chuc_vu", None, "chuc_vu.prefix",
                         f'"{shorten(self.chuc_vu)}": quyền hạn (TM., KT., TL., TUQ., Q.) ghi ở '
                         "tham_quyen, có dấu chấm; chuc_vu là chức vụ của người ký (PL I §II.7.b)")
        last = stack[-1].loai if stack else None
        if last is ThamQuyen.Q and self.chuc_vu:
            raise _error("chuc_vu", None, "chuc_vu.after_q",
                         '"Q." đã đứng trước chức vụ người đứng đầu; không ghi thêm chức vụ')
        if not self.chuc_vu and (last is None or THAM_QUYEN[last].needs_own_title):
            msg = (f'sau "{last.value}" phải ghi chức vụ của chính người ký ở dòng dưới '
                   "(PL I §II.7.b)" if last else "phải ghi chức vụ của người ký (PL I §II.7.c)")
            raise _error("chuc_vu", None, "chuc_vu.missing", msg)
        return self


class NoiNhan(_Model):
    """Một nơi nhận (one recipient in ô 9b), with an optional note (``(VBĐT)``, ``(để báo cáo)``).

    Printed ``- <ten> <ghi_chu>;``: the note before the semicolon, as real công văn write it. A
    plain string is accepted; a leading ``-`` and a trailing ``;`` or ``.`` are dropped, since the
    renderer writes the punctuation Decree 30 prescribes, and a bracketed note at its end becomes
    ``ghi_chu``
    (``- Bộ trưởng; (để báo cáo)`` is printed ``- Bộ trưởng (để báo cáo);``).
    """

    ten: Text
    ghi_chu: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            m = _TRAILING_NOTE.fullmatch(value.strip())
            if m and m.group("ten").strip(" -–;.,"):
                return {"ten": m.group("ten"), "ghi_chu": m.group("ghi_chu")}
            return {"ten": value}
        return value

    @field_validator("ten")
    @classmethod
    def _strip_punctuation(cls, value: str) -> str:
        value = re.sub(r"^[-–]\s*", "", value).rstrip(" ;.,")
        if not value:
            raise PydanticCustomError("text.empty", "không được để trống")
        return value

    @field_validator("ghi_chu")
    @classmethod
    def _strip_note_end(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.rstrip(" ;,")
        if not value:
            raise PydanticCustomError("text.empty", "không được để trống")
        return value


# "Sở Nội vụ (để b/c)" or "Sở Nội vụ; (để b/c)": the bracketed note at the end of an entry.
_TRAILING_NOTE = re.compile(r"(?P<ten>[^()]*?)[\s;.,]*(?P<ghi_chu>\([^()]*\))[\s;.]*")


#: Bounds of the seal on paper, width and height, in mm.
SEAL_MM = (15, 60)


class DauCoQuan(_Model):
    """Dấu, chữ ký số của cơ quan (the body's seal image, ô 8; PL I §II.8.a, Đ.33).

    Red, at the seal's actual size (``rong_mm``, its width on paper), PNG with a transparent
    background, over about the left third of the signature.
    """

    hinh_anh: AnhPNG
    rong_mm: Annotated[float, Strict(), Field(ge=SEAL_MM[0], le=SEAL_MM[1],
                                                allow_inf_nan=False)] = 36.0

    @model_validator(mode="after")
    def _height_on_paper(self) -> DauCoQuan:
        # The height follows from the width and the image's shape: it gets the width's bounds,
        # so an extreme aspect ratio cannot push the seal off the page.
        try:
            png = read_png(self.hinh_anh)
        except ImageError:
            return self  # changed since the field was checked; the renderer reports it
        height = self.rong_mm * png.height / png.width
        if not SEAL_MM[0] <= height <= SEAL_MM[1]:
            raise _error("hinh_anh", None, "hinh_anh.aspect",
                         f"ảnh dấu {png.width} × {png.height} điểm ảnh, rộng {self.rong_mm:g} mm "
                         f"thì cao {height:.0f} mm; chiều cao dấu phải trong khoảng {SEAL_MM[0]}–"
                         f"{SEAL_MM[1]} mm như chiều rộng (seal height out of range)")
        return self


#: A Nơi nhận entry as the input schema shows it: a string, or ``{ten, ghi_chu}``.
NoiNhanItem = Annotated[NoiNhan, WithJsonSchema({"anyOf": [
    {"type": "string"},
    {"type": "object", "additionalProperties": False, "required": ["ten"],
     "properties": {"ten": {"type": "string"}, "ghi_chu": {"type": "string"}}},
]})]


def _error(field: str, index: int | None, code: str, message: str) -> ValidationError:
    loc: tuple[str | int, ...] = (field,) if index is None else (field, index)
    return ValidationError.from_exception_data(
        # pydantic asks for literal templates (no user text formatted as one): congvan's codes and
        # messages are its own, and no context is given, so nothing in them is formatted.
        "NguoiKy", [{"type": PydanticCustomError(cast("LiteralString", code),
                                                 cast("LiteralString", message)),
                     "loc": loc, "input": None}]
    )


# --------------------------------------------------------------------------------------------------
# The body (ô 6): blocks as typed, parsed at document level (congvan.noi_dung, docs/input.md)
# --------------------------------------------------------------------------------------------------


def _khoi(value: Any) -> Any:
    """Accept one block of a body: a string in the body markup, or a mapping (a table, ``bang``)
    that the body parser checks and reports by its path."""
    if isinstance(value, str):
        return _checked_text(value, _normalize_body)
    if isinstance(value, dict):
        return cast("dict[str, Any]", value)
    raise PydanticCustomError(
        "noi_dung.khoi", "mỗi mục của nội dung là một đoạn chữ hoặc một bảng (bang: …), không "
        "phải {kind} (a body block is a string or a table mapping)", {"kind": _kind(value)})


#: Marks a body block's schema: congvan.schema.input_schema() puts its full schema (the table's
#: parts, titled) in ``$defs/KhoiNoiDung`` and refers to it there.
KHOI_NOI_DUNG_SCHEMA = "congvan:khoi_noi_dung"

#: One block of a body as typed: Markdown-subset text (NFC, tidy spaces; line breaks kept for the
#: markup) or a table ``{bang: {...}}``.
KhoiNoiDung = Annotated[str | dict[str, Any], BeforeValidator(_khoi), WithJsonSchema({
    "$comment": KHOI_NOI_DUNG_SCHEMA,
    "anyOf": [{"type": "string"}, {"type": "object", "required": ["bang"]}]})]
#: A body: at least one block, at most MAX_ITEMS (every list is bounded).
NoiDung = Annotated[list[KhoiNoiDung], Field(min_length=1)]

#: An id a clerk gives a heading, a list item or a phụ lục, to refer to it (``{phu_luc:bang-gia}``).
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
MAX_ID_CHARS = 64


def _id(value: Any) -> Any:
    if not isinstance(value, str) or not _ID.fullmatch(value) or len(value) > MAX_ID_CHARS:
        raise PydanticCustomError(
            "id.invalid", "mã tham chiếu '{value}' chỉ gồm chữ thường không dấu a–z, chữ số, '-' "
            "và '_', bắt đầu bằng chữ hoặc số (an id is [a-z0-9][a-z0-9_-]*)",
            {"value": shorten(value, 40)})
    return value


Id = Annotated[str, BeforeValidator(_id), WithJsonSchema(
    {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$", "maxLength": MAX_ID_CHARS})]


def _can_cu(value: str) -> str:
    # congvan writes ";" after each căn cứ and "." after the last (PL I §II.6.a; mẫu 1.1–1.3): a
    # typed trailing ; . or , is the same punctuation, dropped (docs/input.md).
    value = value.rstrip(" ;.,")
    if not value:
        raise PydanticCustomError("text.empty", "không được để trống")
    return value


#: One căn cứ line (or the closing "Theo đề nghị của …"), without its final punctuation.
CanCu = Annotated[str, BeforeValidator(_text), AfterValidator(_single_line),
                  AfterValidator(_can_cu)]


class PhuLuc(_Model):
    """Phụ lục (appendix; PL I §III.1, mẫu 2.1): on a new page, ``Phụ lục I`` (numbered I, II, …
    only when there are two or more), its title, ``(Kèm theo …)`` and a rule, then its body.

    ``id`` lets the text refer to it (``{phu_luc:id}`` prints its number); ``ngang`` turns its pages
    to landscape (a wide table).
    """

    id: Id | None = None
    tieu_de: MultilineText | None = None
    noi_dung: NoiDung
    ngang: Annotated[bool, Strict()] = False


class VanBanKemTheo(_Model):
    """The text a quyết định gián tiếp promulgates or approves (mẫu 1.3): a Quy chế, Quy định, Kế
    hoạch… on a new page, with its tên loại, trích yếu and ``(Kèm theo Quyết định số … ngày … của
    …)``; its number and date are the decision's, never typed twice.
    """

    # The types of rules.THANH_PHAN["quyet_dinh"].van_ban_kem_theo (tested equal).
    loai_van_ban: Literal["quy_che", "quy_dinh", "huong_dan", "chuong_trinh", "ke_hoach",
                          "phuong_an", "de_an", "du_an"]
    trich_yeu: MultilineText
    noi_dung: NoiDung


@dataclass(frozen=True)
class BodyParts:
    """The parsed body of a document, cross-references resolved: what the renderer lays out.

    ``so_phu_luc[i]`` is the number printed after "Phụ lục" for ``phu_luc[i]`` (I, II, …), or ""
    for a sole appendix (PL I §III.1). ``anchors`` maps (kind, id) to the printed number across the
    whole document; ``dieu_count`` counts the articles of ``noi_dung`` (the decision's own).
    """

    noi_dung: tuple[Block, ...]
    van_ban_kem_theo: tuple[Block, ...] | None
    phu_luc: tuple[tuple[Block, ...], ...]
    so_phu_luc: tuple[str, ...]
    anchors: Mapping[tuple[str, str], str]
    dieu_count: int
    has_dieu: bool


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _la_ma(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def _so_phu_luc(count: int) -> tuple[str, ...]:
    """Return the numbers of `count` appendices: I, II, … when two or more, "" for one (PL I
    §III.1)."""
    return ("",) if count == 1 else tuple(_la_ma(i + 1) for i in range(count))


# --------------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------------


class VanBan(_Model):
    """Components every administrative document has (Đ.8): header, number, date, signature."""

    loai_van_ban: Annotated[str, Strict()]
    co_quan_chu_quan: MultilineText | None = None
    co_quan_ban_hanh: CoQuanBanHanh
    so_van_ban: SoVanBan | None = None
    dia_danh: Text
    ngay: Ngay
    nguoi_ky: NguoiKy
    noi_nhan: list[NoiNhanItem] = Field(default_factory=list[NoiNhan])
    noi_luu: Annotated[list[LuuItem], BeforeValidator(_luu_list), WithJsonSchema({"anyOf": [
        {"type": "array", "items": {"type": "string"}},
        {"type": "string", "description": "Cả dòng Lưu, ví dụ: VT, KHTC (VX/KN)"},
    ]})] = Field(default_factory=lambda: [LUU_VAN_THU])
    ky_hieu_nguoi_soan_thao: Text | None = None
    do_mat: DoMat | None = None
    do_khan: DoKhan | None = None
    pham_vi_luu_hanh: Text | None = None
    dia_chi: list[Text] = Field(default_factory=list[str])
    dau_co_quan: DauCoQuan | None = None
    noi_dung: NoiDung
    phu_luc: list[PhuLuc] = Field(default_factory=list[PhuLuc])
    # The draft mark (shared/decree30.md §3.12: Circular 01/2011's practice, not Decree 30's):
    # true → DỰ THẢO, 2 → DỰ THẢO LẦN 2. Off by default; a draft has no số.
    du_thao: Annotated[bool, Strict()] | Annotated[int, Strict(), Field(ge=1, le=99)] | None = None

    # The parsed body, set once by _check_document (the model is frozen): read it with body().
    _body: BodyParts | None = PrivateAttr(default=None)

    @field_validator("dia_danh")
    @classmethod
    def _dia_danh(cls, value: str) -> str:
        # PL I §II.4.c: the place's initials are capitals, and a comma follows it (congvan's): a
        # comma inside it would make the line read as another place.
        if not value[:1].isupper():
            raise PydanticCustomError(
                "dia_danh.viet_hoa", "địa danh '{value}' phải viết hoa chữ cái đầu (PL I §II.4.c)",
                {"value": shorten(value)})
        if "," in value:
            raise PydanticCustomError(
                "dia_danh.dau_phay", "địa danh '{value}' là tên một đơn vị hành chính, không có "
                "dấu phẩy; congvan viết dấu phẩy sau địa danh (PL I §II.4.a, §II.4.c)",
                {"value": shorten(value)})
        return value

    @field_validator("noi_luu")
    @classmethod
    def _luu_starts_with_vt(cls, value: list[str]) -> list[str]:
        if not value or re.split(r"[ (]", value[0], maxsplit=1)[0] != LUU_VAN_THU:
            raise PydanticCustomError(
                "noi_luu.van_thu", "dòng Lưu phải bắt đầu bằng VT (Văn thư), ví dụ [VT, TCCB] "
                "(PL I §II.9.d)")
        return value

    @model_validator(mode="wrap")
    @classmethod
    def _all_problems_at_once(cls, data: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        # When a field is invalid the document-level checks below do not run: the components a
        # type must have, or must not have, are still listed with the field's problems, so a
        # clerk fixes the file in one pass.
        try:
            return handler(data)
        except ValidationError as exc:
            errors = exc.errors()
            fields = _fields(data)
            if fields is None or any(not e["loc"] for e in errors):  # a document-level problem
                raise
            failed = {e["loc"][0] for e in errors}
            extra = [p for p in _presence_problems(cls, fields) if p.path[0] not in failed]
            if not extra:
                raise
            raise InvalidDocumentError(
                _bounded(problems_from_validation_error(exc, cls) + extra)) from None

    @model_validator(mode="after")
    def _check_document(self) -> Self:
        # The body is parsed here, at document level: a cross-reference may point into another
        # body (an appendix, the attached text), and the per-type rules need its articles.
        body, problems = _parse_body(self)
        problems += _component_problems(self, body)
        if self.du_thao and self.so_van_ban is not None:
            problems.append(Problem(("du_thao",), "du_thao.co_so", (
                f"văn bản có số ({self.so_van_ban}) đã ban hành, không còn là dự thảo: bỏ du_thao "
                "hoặc bỏ so_van_ban (shared/decree30.md §3.12; a draft has no number)")))
        if problems:
            raise InvalidDocumentError(_bounded(problems))
        private = self.__pydantic_private__
        if private is not None:
            private["_body"] = body
        return self

    def body(self) -> BodyParts:
        """Return the parsed body, references resolved (the renderer's input)."""
        if self._body is None:  # a model made with model_construct() skipped validation
            body, problems = _parse_body(self)
            if body is None:
                raise InvalidDocumentError(_bounded(problems))
            return body
        return self._body

    def body_blocks(self) -> tuple[Block, ...]:
        """Return the blocks of ``noi_dung``, references resolved: ``body().noi_dung``."""
        return self.body().noi_dung

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        """Return the number and symbol: type abbreviation + issuer abbreviation (PL I §II.3.b),
        ``125/QĐ-UBND``."""
        loai = LOAI_VAN_BAN.get(self.loai_van_ban)
        issuer = self.co_quan_ban_hanh.ten_viet_tat
        if loai is None or loai.viet_tat is None:  # never "None-UBND"
            return SoKyHieu(self.so_van_ban, issuer)
        return SoKyHieu(self.so_van_ban, f"{loai.viet_tat}-{issuer}")

    # Jupyter shows the first page (LibreOffice) or an HTML approximation: congvan.preview.
    def _repr_png_(self) -> bytes | None:
        from .preview import png_preview

        return png_preview(self)

    def _repr_html_(self) -> str:
        from .preview import repr_html

        return repr_html(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None,
                          **kwargs: Any) -> dict[str, Any]:
        from .preview import mimebundle

        return mimebundle(self, include, exclude)


_VV = re.compile(r"^(?:V/v|về việc)(?:\s*[:.]\s*|\s+|$)", flags=re.IGNORECASE)
_VE = re.compile(r"^về\s+", flags=re.IGNORECASE)


class CongVan(VanBan):
    """Công văn (official letter; mẫu 1.5, PL III).

    Its ký hiệu is the issuer's abbreviation and the drafting unit's (``UBND-VHTT``, PL I §II.3.b);
    it has no type name, its trích yếu follows ``V/v`` under the number, and it is addressed with
    ``Kính gửi``.
    """

    # The models are frozen (model_config), so narrowing the base's read-only field is sound, but
    # pyright does not see pydantic's config; the Literal is the discriminator of the models' Union.
    loai_van_ban: Literal["cong_van"] = "cong_van"  # pyright: ignore[reportIncompatibleVariableOverride]
    don_vi_soan_thao: VietTat
    trich_yeu: MultilineText
    kinh_gui: Annotated[list[Text], Field(min_length=1)]

    # PL I §II.9.b: a công văn's Nơi nhận starts with "Như trên" (everyone in Kính gửi).
    noi_nhan: list[NoiNhanItem] = Field(default_factory=lambda: [NoiNhan(ten=NHU_TREN)])

    @field_validator("trich_yeu")
    @classmethod
    def _no_vv(cls, value: str) -> str:
        # The renderer writes "V/v" (về việc): a "V/v" or "Về việc" typed too is the same words,
        # dropped so they are not printed twice (documented in docs/input.md). A subject opening
        # with another "Về …" would print "V/v Về …": refused, with the text to type instead.
        value = _VV.sub("", value, count=1)
        if not value:
            raise PydanticCustomError("text.empty", "không được để trống")
        m = _VE.match(value)
        if m:
            rest = value[m.end():]
            raise PydanticCustomError(
                "trich_yeu.ve",
                'trích yếu không được bắt đầu bằng "{first}": congvan in sẵn "V/v" (về việc) '
                'trước trích yếu, sẽ thành "V/v {first} …"; hãy viết "{suggestion}" '
                "(PL I §II.5.b)",
                {"first": m.group(0).strip(), "suggestion": shorten(rest)})
        return value

    @field_validator("noi_nhan")
    @classmethod
    def _nhu_tren_first(cls, value: list[NoiNhan]) -> list[NoiNhan]:
        if not value or value[0].ten.casefold() != NHU_TREN.casefold():
            raise PydanticCustomError(
                "noi_nhan.nhu_tren",
                'công văn: dòng đầu của Nơi nhận phải là "{nhu_tren}" (các nơi ở Kính gửi), '
                "rồi mới đến các nơi nhận khác (PL I §II.9.b)", {"nhu_tren": NHU_TREN})
        return value

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        """Return the number and symbol: issuer + drafting unit for a công văn (PL I §II.3.b)."""
        return SoKyHieu(self.so_van_ban,
                        f"{self.co_quan_ban_hanh.ten_viet_tat}-{self.don_vi_soan_thao}")


class _CoTenLoai(VanBan):
    """Components of every document with a tên loại (mẫu 1.1–1.4): the type name and trích yếu
    under the header (PL I §II.5.b), the căn cứ (PL I §II.6.a). Which of them a type needs is
    rules.THANH_PHAN's."""

    trich_yeu: MultilineText
    can_cu: list[CanCu] = Field(default_factory=list[str])


class NghiQuyet(_CoTenLoai):
    """Nghị quyết (cá biệt), mẫu 1.1: the authority line, căn cứ, ``QUYẾT NGHỊ:``, articles; signed
    ``TM.`` of the collective that resolves."""

    loai_van_ban: Literal["nghi_quyet"] = "nghi_quyet"  # pyright: ignore[reportIncompatibleVariableOverride]
    tham_quyen_ban_hanh: MultilineText | None = None  # a Hội đồng's term on its own line


class QuyetDinh(_CoTenLoai):
    """Quyết định (cá biệt), mẫu 1.2 (trực tiếp: the articles decide) or mẫu 1.3 (gián tiếp: Điều 1
    promulgates `van_ban_kem_theo`, which follows on a new page)."""

    loai_van_ban: Literal["quyet_dinh"] = "quyet_dinh"  # pyright: ignore[reportIncompatibleVariableOverride]
    tham_quyen_ban_hanh: MultilineText | None = None
    van_ban_kem_theo: VanBanKemTheo | None = None


#: A joint document's co-issuers at most (four bodies with the lead): practice, shared/
#: decree30.md §3.3.
MAX_LIEN_TICH = 3


class CoQuanLienTich(_Model):
    """A co-issuer of a joint document (văn bản liên tịch): its name, abbreviation and signer.
    Practice outside the decree's text (shared/decree30.md §3.3: no provision and no sample)."""

    ten: MultilineText
    ten_viet_tat: VietTat
    nguoi_ky: NguoiKy


class VanBanCoTenLoai(_CoTenLoai):
    """Every other type with a tên loại (mẫu 1.4): Chỉ thị, Quy chế, Quy định, Thông cáo, Thông báo,
    Hướng dẫn, Chương trình, Kế hoạch, Phương án, Đề án, Dự án, Báo cáo, Tờ trình, Giấy ủy quyền,
    Phiếu gửi, Phiếu chuyển, Phiếu báo. A tờ trình names the body it is sent to (``kinh_gui``);
    with a Kính gửi, the Nơi nhận opens with "Như trên"."""

    loai_van_ban: Literal[  # pyright: ignore[reportIncompatibleVariableOverride]
        "chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan", "chuong_trinh",
        "ke_hoach", "phuong_an", "de_an", "du_an", "bao_cao", "to_trinh", "giay_uy_quyen",
        "phieu_gui", "phieu_chuyen", "phieu_bao"]
    kinh_gui: list[Text] = Field(default_factory=list[str])
    # A joint document (văn bản liên tịch; practice, shared/decree30.md §3.3): the co-issuers,
    # after the lead (co_quan_ban_hanh) in the header and in the ký hiệu (KH-UBND-MTTQ-ĐTN), each
    # signing in a block of its own. Four bodies at most: their names stack in ô 2.
    co_quan_lien_tich: Annotated[list[CoQuanLienTich], Field(max_length=MAX_LIEN_TICH)] = Field(
        default_factory=list[CoQuanLienTich])

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        """Return the number and symbol; a joint document's ký hiệu names every body, the lead
        first (``03/KH-UBND-MTTQ``; practice, shared/decree30.md §3.3)."""
        base = super().so_ky_hieu
        extra = "".join(f"-{c.ten_viet_tat}" for c in self.co_quan_lien_tich)
        return SoKyHieu(base.so_van_ban, base.ky_hieu + extra)

    @model_validator(mode="before")
    @classmethod
    def _nhu_tren_default(cls, data: Any) -> Any:
        return _nhu_tren_mac_dinh(data)

    @model_validator(mode="after")
    def _co_issuers(self) -> Self:
        problems: list[Problem] = []
        abbreviations = [self.co_quan_ban_hanh.ten_viet_tat]
        for i, co in enumerate(self.co_quan_lien_tich):
            if co.nguoi_ky.anh_chu_ky is not None:
                # Only the lead's signature image has a place (beside its seal); a co-issuer's
                # would be dropped, so it is refused.
                problems.append(Problem(
                    ("co_quan_lien_tich", i, "nguoi_ky", "anh_chu_ky"), "lien_tich.anh_chu_ky",
                    "văn bản liên tịch: chỉ đặt ảnh chữ ký của cơ quan chủ trì (nguoi_ky); cơ "
                    "quan liên tịch ký trên bản giấy hoặc bằng chữ ký số, bỏ anh_chu_ky (only "
                    "the lead's signature image is placed)"))
            if co.ten_viet_tat in abbreviations:
                problems.append(Problem(
                    ("co_quan_lien_tich", i, "ten_viet_tat"), "lien_tich.trung_viet_tat",
                    f"chữ viết tắt “{co.ten_viet_tat}” đã có trong ký hiệu; mỗi cơ quan một chữ "
                    "viết tắt riêng (each body's abbreviation appears once in the ký hiệu)"))
            abbreviations.append(co.ten_viet_tat)
        if problems:
            raise InvalidDocumentError(problems)
        return self


def _nhu_tren_mac_dinh(data: Any) -> Any:
    """As a công văn's: with a Kính gửi and no Nơi nhận typed, the list is "Như trên" (PL I
    §II.9.b)."""
    fields = _fields(data)
    if fields is not None and fields.get("kinh_gui") and "noi_nhan" not in fields:
        return {**fields, "noi_nhan": [NHU_TREN]}
    return data


class ThuCong(_CoTenLoai):
    """Thư công (a letter of congratulation, thanks, sympathy …). Art. 7 lists it; PL III gives it
    no abbreviation and no mẫu (shared/decree30.md §4: layout UNCONFIRMED), so congvan follows
    common practice: mẫu 1.4's header; the letter's own name (``ten_thu``, "Thư chúc mừng")
    centred in upper case where a type name stands, the occasion (``trich_yeu``) under it; an
    optional Kính gửi; the body; the signature. Its ký hiệu is a công văn's, with no type
    abbreviation: ``15/UBND-VP`` (PL I §II.3.b)."""

    loai_van_ban: Literal["thu_cong"] = "thu_cong"  # pyright: ignore[reportIncompatibleVariableOverride]
    ten_thu: Text
    trich_yeu: MultilineText | None = None  # pyright: ignore[reportIncompatibleVariableOverride]
    don_vi_soan_thao: VietTat | None = None
    kinh_gui: list[Text] = Field(default_factory=list[str])

    @field_validator("ten_thu")
    @classmethod
    def _thu(cls, value: str) -> str:
        first = value.split(" ", 1)[0]
        if first.casefold() != THU_CONG_TIEN_TO.casefold() or " " not in value:
            raise PydanticCustomError(
                "thu_cong.ten_thu",
                'tên thư công bắt đầu bằng "{tien_to}" rồi đến loại thư, ví dụ "Thư chúc mừng", '
                '"Thư cảm ơn", "Thư ngỏ" (Đ.7; the letter is printed under its own name)',
                {"tien_to": THU_CONG_TIEN_TO})
        return value

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        """Return the number and symbol: a công văn's, issuer and drafting unit (PL I §II.3.b);
        the issuer's alone when no unit is given."""
        issuer = self.co_quan_ban_hanh.ten_viet_tat
        unit = f"-{self.don_vi_soan_thao}" if self.don_vi_soan_thao else ""
        return SoKyHieu(self.so_van_ban, issuer + unit)

    @model_validator(mode="before")
    @classmethod
    def _nhu_tren_default(cls, data: Any) -> Any:
        return _nhu_tren_mac_dinh(data)


# --------------------------------------------------------------------------------------------------
# The giấy (mẫu 1.7, 1.8, 1.10): labelled lines filled from fields, an optional free body
# --------------------------------------------------------------------------------------------------

#: A date that must not come before another (the later field, the earlier one), the code and
#: the message of the problem when it does.
ThuTuNgay: TypeAlias = tuple[str, str, str, str]


class _Giay(VanBan):
    """A giấy of mẫu 1.7, 1.8 or 1.10: its type name and rule, then lines the mẫu labels, which
    congvan prints from the fields; ``noi_dung`` is optional here (a note after them)."""

    noi_dung: list[KhoiNoiDung] = Field(default_factory=list[str | dict[str, Any]])  # pyright: ignore[reportIncompatibleVariableOverride]
    #: The dates each giấy keeps in order.
    _thu_tu_ngay: ClassVar[tuple[ThuTuNgay, ...]] = ()

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        problems: list[Problem] = []
        for later, earlier, code, message in self._thu_tu_ngay:
            a, b = getattr(self, later), getattr(self, earlier)
            if a < b:
                problems.append(Problem((later,), code, (
                    f"{message}: {a:%d/%m/%Y} trước {b:%d/%m/%Y} ({earlier})")))
        if problems:
            raise InvalidDocumentError(problems)
        return self


class ThuKy(_Model):
    """Thư ký (người ghi biên bản): who keeps the minutes and signs them on the left (mẫu 1.9)."""

    ho_ten: Text
    chuc_vu: Text | None = None  # printed on the "Thư ký" line after the name, not in the block


class BienBan(_CoTenLoai):
    """Biên bản (minutes of a meeting), mẫu 1.9: no place/date line in the header; the meeting's
    name under BIÊN BẢN; the start time, place, participants, chair and secretary; the body; the
    closing line with the end time; THƯ KÝ (left) and CHỦ TỌA (right) sign side by side.

    ``ngay`` is the day of the meeting (printed on the start-time line); ``dia_danh``, which an
    issuer profile gives, is not printed: mẫu 1.9 has no ô 4. ``nguoi_ky`` is the chair.
    """

    loai_van_ban: Literal["bien_ban"] = "bien_ban"  # pyright: ignore[reportIncompatibleVariableOverride]
    thoi_gian_bat_dau: Gio
    dia_diem: Text
    thanh_phan_tham_du: Annotated[list[Text], Field(min_length=1)]
    chu_tri: Text
    thu_ky: ThuKy
    thoi_gian_ket_thuc: Gio
    ngay_ket_thuc: Ngay | None = None  # when the meeting ends on a later day

    @model_validator(mode="after")
    def _check_bien_ban(self) -> Self:
        problems: list[Problem] = []
        end_day = self.ngay_ket_thuc or self.ngay
        if end_day < self.ngay:
            problems.append(Problem(("ngay_ket_thuc",), "ngay_ket_thuc.truoc_bat_dau", (
                "ngày kết thúc cuộc họp trước ngày họp (ngay) (the meeting ends before it "
                "starts; PL III mẫu 1.9)")))
        elif end_day == self.ngay and self.thoi_gian_ket_thuc <= self.thoi_gian_bat_dau:
            problems.append(Problem(("thoi_gian_ket_thuc",), "thoi_gian_ket_thuc.truoc_bat_dau", (
                f"cuộc họp kết thúc lúc {self.thoi_gian_ket_thuc:%H:%M}, không sau giờ bắt đầu "
                f"{self.thoi_gian_bat_dau:%H:%M}; nếu họp sang ngày khác, ghi ngay_ket_thuc "
                "(the end time must follow the start; PL III mẫu 1.9)")))
        if self.nguoi_ky.tham_quyen:
            problems.append(Problem(("nguoi_ky", "tham_quyen"), "tham_quyen.bien_ban", (
                "biên bản do chủ tọa ký dưới chữ “CHỦ TỌA”, không có dòng TM., KT., TL., TUQ., Q.; "
                "ghi chức vụ (nếu cần) ở nguoi_ky.chuc_vu (PL III mẫu 1.9, ghi chú 5)")))
        if _fold_name(self.nguoi_ky.ho_ten) not in _fold_name(self.chu_tri):
            problems.append(Problem(("chu_tri",), "chu_tri.nguoi_ky", (
                f"người chủ trì ký biên bản (CHỦ TỌA): dòng chủ trì phải có tên người ký "
                f"“{shorten(self.nguoi_ky.ho_ten)}” (nguoi_ky.ho_ten) (the chair signs the "
                "minutes; PL III mẫu 1.9)")))
        if problems:
            raise InvalidDocumentError(problems)
        return self


class GiayMoi(_Giay):
    """Giấy mời (mẫu 1.7): the subject of the meeting under ``GIẤY MỜI``; ``<body> trân trọng kính
    mời:`` the invitees; ``Tới dự``, ``Chủ trì:``, ``Thời gian:`` (the weekday computed from
    ``ngay_hop``), ``Địa điểm:``; then any note (``noi_dung``).

    Several invitees make one invitation listing them, or, with ``moi_rieng: true``, one
    invitation each (`tach_giay_moi`; ``congvan render`` writes one file per invitee).
    """

    loai_van_ban: Literal["giay_moi"] = "giay_moi"  # pyright: ignore[reportIncompatibleVariableOverride]
    trich_yeu: MultilineText
    khach_moi: Annotated[list[Text], Field(min_length=1)]
    moi_rieng: Annotated[bool, Strict()] = False
    toi_du: MultilineText
    chu_tri: Text
    gio_hop: Gio
    ngay_hop: Ngay
    dia_diem: MultilineText

    _thu_tu_ngay = (("ngay_hop", "ngay", "ngay_hop.truoc_ngay",
                     "cuộc họp phải diễn ra sau ngày ký giấy mời (the meeting is before the date "
                     "of the invitation)"),)

    def tach(self) -> list[GiayMoi]:
        """Return one invitation per invitee (mail merge): the same number, date and text, each
        with ``khach_moi`` its one invitee."""
        return [self.model_copy(update={"khach_moi": [khach], "moi_rieng": False})
                for khach in self.khach_moi]


class GiayGioiThieu(_Giay):
    """Giấy giới thiệu (mẫu 1.8): no trích yếu; ``<body> trân trọng giới thiệu:``, ``Ông (bà)``,
    ``Chức vụ:``, ``Được cử đến:``, ``Về việc:``, the request and the validity line."""

    loai_van_ban: Literal["giay_gioi_thieu"] = "giay_gioi_thieu"  # pyright: ignore[reportIncompatibleVariableOverride]
    ho_ten: Text
    chuc_vu: Text
    duoc_cu_den: MultilineText
    ve_viec: MultilineText
    co_gia_tri_den: Ngay

    _thu_tu_ngay = (("co_gia_tri_den", "ngay", "co_gia_tri_den.truoc_ngay",
                     "giấy hết giá trị trước ngày cấp (valid until a day before the date of "
                     "issue)"),)


class GiayNghiPhep(_Giay):
    """Giấy nghỉ phép (mẫu 1.10): ``Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …``, the person,
    the leave from ``tu_ngay`` to ``den_ngay`` (its days counted by congvan: `so_ngay_nghi`), where
    it is spent, what it counts against; with ``xac_nhan_noi_nghi``, the confirmation block of the
    place where the leave is spent under the signature."""

    loai_van_ban: Literal["giay_nghi_phep"] = "giay_nghi_phep"  # pyright: ignore[reportIncompatibleVariableOverride]
    ngay_don: Ngay
    ho_ten: Text
    chuc_vu: Text
    tu_ngay: Ngay
    den_ngay: Ngay
    noi_nghi: MultilineText
    tinh_vao: Text
    xac_nhan_noi_nghi: Annotated[bool, Strict()] = False

    @property
    def so_ngay_nghi(self) -> int:
        """Return the days of leave, both ends counted: calendar days, weekends and holidays
        included, as "kể từ ngày … đến hết ngày …" reads (mẫu 1.10 gives no rule; practice,
        UNCONFIRMED: shared/decree30.md is silent, and the Labour Code's working days are the
        employer's reckoning, not the giấy's). The clerk types the dates, never the count."""
        return (self.den_ngay - self.tu_ngay).days + 1

    _thu_tu_ngay = (
        ("den_ngay", "tu_ngay", "den_ngay.truoc_tu_ngay",
         "ngày kết thúc nghỉ phép trước ngày bắt đầu (the leave ends before it starts)"),
        ("ngay", "ngay_don", "ngay_don.sau_ngay",
         "giấy cấp trước ngày của đơn đề nghị (the leave is granted before it was asked for)"))


def tach_giay_moi(doc: GiayMoi) -> list[GiayMoi]:
    """Return one invitation per invitee of `doc` (mail merge): ``doc.tach()``.

    >>> from congvan.io import load
    >>> [g.khach_moi for g in tach_giay_moi(load("examples/giay-moi-215-GM-SGDDT.yaml"))][:2]
    [['Hiệu trưởng Trường THPT Lý Tự Trọng'], ['Hiệu trưởng Trường THPT Nguyễn Văn Trỗi']]
    """
    return doc.tach()


def _fold_name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class CongDien(_CoTenLoai):
    """Công điện (cable), mẫu 1.6: CÔNG ĐIỆN and its subject; ``<co_quan_dien> điện:`` and the
    addressees (``noi_nhan_dien``) as a ``- …;`` list; the body. Its urgency, usually HỎA TỐC or
    THƯỢNG KHẨN, is the ``do_khan`` stamp (PL I §III.2.b)."""

    loai_van_ban: Literal["cong_dien"] = "cong_dien"  # pyright: ignore[reportIncompatibleVariableOverride]
    # Note 6: the body's name or its head's title ("Thủ tướng Chính phủ"); the issuing body's
    # name when not given.
    co_quan_dien: Text | None = None
    noi_nhan_dien: Annotated[list[Text], Field(min_length=1)]  # note 7: who receives the cable


class BenHopDong(_Model):
    """Một bên ký kết (a party to a hợp đồng, bản ghi nhớ, bản thỏa thuận): its particulars as
    contracts print them (practice; the decree gives no mẫu: shared/decree30.md §5)."""

    ten: Text | None = None  # Bên A: the issuing body's name when not given
    dia_chi: Text | None = None
    dien_thoai: Text | None = None
    ma_so_thue: Text | None = None
    tai_khoan: Text | None = None
    nguoi_ky: NguoiKy | None = None  # Bên B's signer; Bên A's is the document's nguoi_ky


class HopDong(_CoTenLoai):
    """Hợp đồng, Bản ghi nhớ, Bản thỏa thuận: no mẫu in the decree (shared/decree30.md §5), laid
    out as common practice has it: mẫu 1.4's header and type name, the parties' particulars, the
    body in articles, "ĐẠI DIỆN BÊN A" (the issuing body, signed by ``nguoi_ky``) left and "ĐẠI
    DIỆN BÊN B" (``ben_b.nguoi_ky``) right. The signature and seal images are not placed (the
    parties sign on paper): they are refused rather than put on the wrong side."""

    loai_van_ban: Literal[  # pyright: ignore[reportIncompatibleVariableOverride]
        "hop_dong", "ban_ghi_nho", "ban_thoa_thuan"]
    ben_a: BenHopDong = Field(default_factory=BenHopDong)
    ben_b: BenHopDong

    @model_validator(mode="after")
    def _check_parties(self) -> Self:
        problems: list[Problem] = []
        if not self.ben_b.ten:
            problems.append(Problem(("ben_b", "ten"), "ben_b.ten", (
                "ghi tên bên B (name the other party; practice, shared/decree30.md §5)")))
        if self.ben_b.nguoi_ky is None:
            problems.append(Problem(("ben_b", "nguoi_ky"), "ben_b.nguoi_ky", (
                "ghi người đại diện bên B ký (chức vụ, họ tên) (the other party's signer)")))
        if self.ben_a.nguoi_ky is not None:
            problems.append(Problem(("ben_a", "nguoi_ky"), "ben_a.nguoi_ky", (
                "người ký của bên A là nguoi_ky của văn bản; bỏ ben_a.nguoi_ky (Bên A is the "
                "issuing body, signed by nguoi_ky)")))
        if self.nguoi_ky.anh_chu_ky is not None or self.dau_co_quan is not None:
            problems.append(Problem(("dau_co_quan",), "hop_dong.anh", (
                "hợp đồng do hai bên ký trên giấy: congvan chưa đặt ảnh chữ ký, ảnh dấu cho "
                "từng bên; bỏ anh_chu_ky, dau_co_quan (not yet supported for two parties)")))
        if problems:
            raise InvalidDocumentError(problems)
        return self


#: Any document congvan reads: what ``congvan.load()`` returns when no type is expected, a Union
#: of the family models that pydantic dispatches on ``loai_van_ban`` (a field of this type in a
#: user's model, or ``pydantic.TypeAdapter(Document)``, chooses the model the same way). Code that
#: needs one type asks for it, ``congvan.load(path, QuyetDinh)``, or narrows with ``isinstance``.
Document: TypeAlias = Annotated[
    CongVan
    | NghiQuyet
    | QuyetDinh
    | VanBanCoTenLoai
    | GiayMoi
    | GiayGioiThieu
    | GiayNghiPhep
    | BienBan
    | CongDien
    | HopDong
    | ThuCong,
    Field(discriminator="loai_van_ban")]
#: The document models by ``loai_van_ban``: every type of rules.THANH_PHAN, each to its family's
#: model (tested: exactly the members of `Document`). The other types of LOAI_VAN_BAN are refused
#: as not yet supported.
MODELS: dict[str, type[VanBan]] = {
    loai: model for model in (
        CongVan,
        NghiQuyet,
        QuyetDinh,
        VanBanCoTenLoai,
        GiayMoi,
        GiayGioiThieu,
        GiayNghiPhep,
        BienBan,
        CongDien,
        HopDong,
        ThuCong,
    )
    for loai in get_args(model.model_fields["loai_van_ban"].annotation)}


# --------------------------------------------------------------------------------------------------
# Document-level checks: the body, and the components each type has (rules.THANH_PHAN)
# --------------------------------------------------------------------------------------------------


def _bounded(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem((), "problems.more", (
        f"… và {more} lỗi nữa (more problems: fix these first)"))]


#: A body to parse: its field path, the blocks as typed, and whether its pages are landscape.
_Source: TypeAlias = tuple[tuple[str | int, ...], Sequence[str | dict[str, Any]], bool]


def _sources(doc: VanBan) -> list[_Source]:
    """Return the bodies of `doc`: noi_dung, then the attached text's, then each phụ lục's."""
    sources: list[_Source] = [(("noi_dung",), doc.noi_dung, False)]
    if isinstance(doc, QuyetDinh) and doc.van_ban_kem_theo is not None:
        sources.append((("van_ban_kem_theo", "noi_dung"), doc.van_ban_kem_theo.noi_dung, False))
    sources += [(("phu_luc", i, "noi_dung"), pl.noi_dung, pl.ngang)
                for i, pl in enumerate(doc.phu_luc)]
    return sources


def _anchors(doc: VanBan, sources: list[_Source], parsed: list[ParsedBody],
             so_phu_luc: tuple[str, ...],
             problems: list[Problem]) -> dict[tuple[str, str], str]:
    """Return the anchors of the whole document: the appendices' ids and every body's; an id
    names one thing per document (a duplicate is added to `problems`)."""
    anchors: dict[tuple[str, str], str] = {}
    for i, pl in enumerate(doc.phu_luc):
        if pl.id is not None:
            if ("phu_luc", pl.id) in anchors:
                problems.append(Problem(("phu_luc", i, "id"), "noi_dung.trung_id", (
                    f"mã '{pl.id}' đã dùng cho một phụ lục khác (duplicate id)")))
            anchors["phu_luc", pl.id] = so_phu_luc[i]
    for (path, _, _), body in zip(sources, parsed, strict=True):
        for key, number in body.anchors.items():
            if key in anchors:
                problems.append(Problem(path, "noi_dung.trung_id", (
                    f"mã '{shorten(key[1], 40)}' ({key[0]}) đã dùng ở phần khác của văn bản; mỗi "
                    "mã chỉ đặt cho một chỗ (duplicate id across the document)")))
            anchors[key] = number
    return anchors


def _legacy_blocks(path: tuple[str | int, ...], raw: Sequence[object]) -> list[Problem]:
    """Return a problem per body block typed in TCVN3 or VNI (as every other field gets)."""
    problems: list[Problem] = []
    for i, block in enumerate(raw):
        texts: list[str] = []
        stack: list[object] = [block]
        while stack:  # a table mapping: every string in it
            item = stack.pop()
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, Mapping):
                stack.extend(cast("Mapping[object, object]", item).values())
            elif isinstance(item, list):
                stack.extend(cast("list[object]", item))
        legacy = _legacy(" ".join(texts)) if texts else None
        if legacy:
            problems.append(Problem((*path, i), "text.legacy_encoding", (
                f"chữ gõ bằng bảng mã cũ {legacy[0].upper()} (phông .Vn…, VNI-…), không phải "
                f"Unicode (TCVN 6909:2001, PL I §I.4); có phải: “{shorten(legacy[1])}”? Hãy gõ "
                "lại hoặc chuyển mã sang Unicode")))
    return problems


#: Parsed bodies by (path, landscape, blocks): a batch whose rows share a body parses it once.
_PARSED: Memo[tuple[ParsedBody | None, tuple[Problem, ...]]] = Memo(64)
#: Bodies longer than this (characters, all blocks) are parsed every time, not kept.
_MEMO_MAX_CHARS = 200_000


def _parse_source(path: tuple[str | int, ...], raw: Sequence[object], landscape: bool,
                  parse: Callable[..., ParsedBody]) -> tuple[ParsedBody | None, list[Problem]]:
    """Return one body parsed (None if it has problems) and its problems (legacy encoding, markup).

    A body of text blocks only is a pure function of (path, landscape, its texts): the result is
    kept (_PARSED, keyed by the parser too) and a copy of its one mutable member (anchors) handed
    out. A body with a table (a mapping, mutable) is parsed every time.
    """
    key: tuple[object, ...] | None = None
    if all(type(b) is str for b in raw) and sum(map(len, cast("Sequence[str]", raw))) <= (
            _MEMO_MAX_CHARS):
        key = (parse, path, landscape, tuple(raw))
        kept = _PARSED.get(key)
        if kept is not None:
            body, problems = kept
            if body is not None:
                body = dataclasses.replace(body, anchors=dict(body.anchors))
            return body, list(problems)
    found = _legacy_blocks(path, raw)
    body = None
    try:
        body = parse(raw, path=path, landscape=landscape)
    except InvalidDocumentError as exc:
        found += exc.problems
    if key is not None:
        _PARSED.put(key, (None if body is None else dataclasses.replace(
            body, anchors=dict(body.anchors)), tuple(found)))
    return body, found


def _parse_body(doc: VanBan) -> tuple[BodyParts | None, list[Problem]]:
    """Return the parsed bodies of `doc` (noi_dung, the attached text, each phụ lục) with their
    references resolved across the whole document, or None and the problems."""
    # Imported here: the body machinery may use this module's limits (MAX_PROBLEMS).
    from .noi_dung import parse_noi_dung, resolve_refs

    sources = _sources(doc)
    problems: list[Problem] = []
    parsed: list[ParsedBody] = []
    for path, raw, landscape in sources:
        body, found = _parse_source(path, raw, landscape, parse_noi_dung)
        problems += found
        if body is not None:
            parsed.append(body)
    if problems:
        return None, problems
    so_phu_luc = _so_phu_luc(len(doc.phu_luc)) if doc.phu_luc else ()
    anchors = _anchors(doc, sources, parsed, so_phu_luc, problems)
    resolved: list[tuple[Block, ...]] = []
    for body in parsed:
        try:
            resolved.append(resolve_refs(body, anchors))
        except InvalidDocumentError as exc:
            problems += exc.problems
    if problems:
        return None, problems
    kem = len(sources) - len(doc.phu_luc) - 1  # 1 when there is an attached text
    return BodyParts(
        noi_dung=resolved[0], van_ban_kem_theo=resolved[1] if kem else None,
        phu_luc=tuple(resolved[1 + kem:]), so_phu_luc=so_phu_luc, anchors=anchors,
        dieu_count=parsed[0].dieu_count, has_dieu=parsed[0].has_dieu), []


#: "Như Điều 3", "Như Điều 2, Điều 3", "Như Điều 2, 3": the articles a Nơi nhận entry names.
_NHU_DIEU = re.compile(r"^như\s+điều\s+(\d+(?:\s*(?:,|và|-|–)\s*(?:điều\s+)?\d+)*)",
                       flags=re.IGNORECASE)

_TEN_THANH_PHAN = {"can_cu": "căn cứ ban hành (PL I §II.6.a)",
                   "tham_quyen_ban_hanh": "thẩm quyền ban hành (dòng trên căn cứ, mẫu 1.1–1.3)",
                   "kinh_gui": "Kính gửi (PL I §II.9.d)"}


def _presence(loai_van_ban: str, given: Mapping[str, object]) -> list[Problem]:
    """Return the problems of the components of rules.THANH_PHAN[loai_van_ban] that are missing
    though required, or given though the type has none (`given`: component → its value)."""
    tp = THANH_PHAN.get(loai_van_ban)
    if tp is None:
        return []
    loai = LOAI_VAN_BAN[loai_van_ban].ten
    problems: list[Problem] = []
    for name, what in _TEN_THANH_PHAN.items():
        need = getattr(tp, name)
        if name not in given:
            continue
        if need == "bat_buoc" and not given[name]:
            problems.append(Problem((name,), f"{name}.thieu", (
                f"{loai} phải có {what} ({tp.cite}; {name} is required for this type)")))
        elif need == "khong" and given[name]:
            problems.append(Problem((name,), f"{name}.khong_co", (
                f"{loai} không có {what}; bỏ trường này ({tp.cite}; this type has no {name})")))
    return problems


def _presence_problems(model: type[VanBan], fields: Mapping[object, object]) -> list[Problem]:
    """Return the presence problems of input `fields` for `model` (before it validated)."""
    loai = fields.get("loai_van_ban", model.model_fields["loai_van_ban"].default)
    if not isinstance(loai, str):
        return []
    return _presence(loai, {name: fields.get(name) for name in _TEN_THANH_PHAN
                            if name in model.model_fields})


def _component_problems(doc: VanBan, body: BodyParts | None) -> list[Problem]:
    """Return the problems of `doc` against the components its type has (rules.THANH_PHAN); those
    that need the articles only when the body parsed (`body` not None)."""
    tp = THANH_PHAN.get(doc.loai_van_ban)
    if tp is None:
        return []
    loai = LOAI_VAN_BAN[doc.loai_van_ban].ten
    problems = _presence(doc.loai_van_ban, {name: getattr(doc, name) for name in _TEN_THANH_PHAN
                                            if name in type(doc).model_fields})
    if body is not None and tp.dieu == "bat_buoc" and not body.has_dieu:
        problems.append(Problem(("noi_dung",), "noi_dung.dieu", (
            f"{loai}: nội dung phải chia thành Điều, ít nhất một “# Điều: …” ({tp.cite}; the body "
            "needs at least one article)")))
    stack = doc.nguoi_ky.tham_quyen
    if tp.tm_tap_the and (not stack or stack[0].loai is not ThamQuyen.TM):
        problems.append(Problem(("nguoi_ky", "tham_quyen"), "tham_quyen.tm_tap_the", (
            f"{loai} do tập thể ban hành: dòng thẩm quyền đầu tiên là “TM.” và tên tập thể, ví dụ "
            f"“TM. Ủy ban nhân dân” ({tp.cite}; signed on behalf of the collective)")))
    # The công văn checks its own Nơi nhận (a field validator); a Kính gửi the type cannot have
    # is one problem, not two.
    if tp.ho != "cong_van" and not (tp.kinh_gui == "khong" and getattr(doc, "kinh_gui", None)):
        problems += _nhu_tren_problems(doc)
    return problems + (_nhu_dieu_problems(doc, body) if body is not None else [])


def _nhu_tren_problems(doc: VanBan) -> list[Problem]:
    """Return the problem if the Nơi nhận does not open with "Như trên" when the document has a
    Kính gửi, or does without one (PL I §II.9.b)."""
    kinh_gui = bool(getattr(doc, "kinh_gui", None))
    first = doc.noi_nhan[0].ten.casefold() if doc.noi_nhan else None
    if kinh_gui and first != NHU_TREN.casefold():
        return [Problem(("noi_nhan",), "noi_nhan.nhu_tren", (
            f"văn bản có Kính gửi: dòng đầu của Nơi nhận phải là “{NHU_TREN}” (các nơi ở Kính "
            "gửi), rồi mới đến các nơi nhận khác (PL I §II.9.b)"))]
    if not kinh_gui and first == NHU_TREN.casefold() and not THANH_PHAN[doc.loai_van_ban].nhu_tren:
        return [Problem(("noi_nhan", 0), "noi_nhan.nhu_tren_thua", (
            f"“{NHU_TREN}” là các nơi ở Kính gửi, mà văn bản không có Kính gửi: ghi tên nơi "
            "nhận (PL I §II.9.b)"))]
    return []


def _nhu_dieu_problems(doc: VanBan, body: BodyParts) -> list[Problem]:
    """Return a problem per "Như Điều N" of the Nơi nhận that names no article of the body."""
    problems: list[Problem] = []
    for i, entry in enumerate(doc.noi_nhan):
        m = _NHU_DIEU.match(entry.ten)
        for number in map(int, re.findall(r"\d+", m.group(1) if m else "")):
            if not 1 <= number <= body.dieu_count:
                have = (f"chỉ có {body.dieu_count} Điều" if body.dieu_count
                        else "không chia thành Điều")
                problems.append(Problem(("noi_nhan", i), "noi_nhan.nhu_dieu", (
                    f"“{shorten(entry.ten, 40)}”: nội dung {have}, không có Điều {number} "
                    "(PL I §II.9.b; the article named does not exist)")))
    return problems

# --------------------------------------------------------------------------------------------------
# Errors in Vietnamese
# --------------------------------------------------------------------------------------------------

# pydantic's error types a clerk can meet, in Vietnamese. Codes with a dot (``text.empty``) are
# congvan's own and already Vietnamese; any other pydantic type keeps its English text behind a
# Vietnamese prefix (the code stays stable either way).
_MESSAGES: dict[str, str] = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường này không có trong mẫu (viết sai tên trường?)",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "finite_number": "phải là một số hữu hạn",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "string_type": "phải là chuỗi văn bản",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_too_short": "cần ít nhất {min_length} ký tự",
    "list_type": "phải là danh sách",
    "tuple_type": "phải là danh sách",
    "too_short": "cần ít nhất {min_length} mục",
    "too_long": "tối đa {max_length} mục",
    "model_type": "phải là một bảng các trường (mapping)",
    "model_attributes_type": "phải là một bảng các trường (mapping)",
    "dict_type": "phải là một bảng các trường (mapping)",
    "enum": "phải là một trong: {expected}",
    "literal_error": "phải là: {expected}",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "none_required": "phải để trống (null)",
    "date_type": "phải là ngày, viết dd/mm/yyyy",
    "path_type": "phải là đường dẫn tới tệp",
    "is_instance_of": "sai kiểu dữ liệu",
    "frozen_instance": "văn bản đã dựng không sửa được: dùng model_copy(update=…)",
    "frozen_field": "trường này không sửa được",
}
#: Error types whose message quotes the value received (cut with errors.shorten).
_QUOTE_INPUT = {"int_parsing", "int_type", "int_from_float", "float_type", "float_parsing",
                "finite_number", "string_type", "enum", "literal_error"}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """Return the model class inside a field annotation (through Optional, list, Annotated)."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(get_args(current))
    return None


def _did_you_mean(model: type[BaseModel] | None, loc: tuple[str | int, ...]) -> str | None:
    """Return the field of `model` at `loc[:-1]` closest to the unknown key `loc[-1]`, if any."""
    for part in loc[:-1]:
        if isinstance(part, str):
            field = model.model_fields.get(part) if model is not None else None
            model = _model_in(field.annotation) if field is not None else None
    if model is None or not loc or not isinstance(loc[-1], str):
        return None
    match = difflib.get_close_matches(loc[-1], list(model.model_fields), n=1, cutoff=0.6)
    return match[0] if match else None


def _message(err: ErrorDetails, model: type[BaseModel] | None, loc: tuple[str | int, ...]) -> str:
    code, ctx = err["type"], err.get("ctx") or {}
    if "." in code:  # congvan's own: already Vietnamese; cut any long value it quotes
        message = err["msg"]
        for value in ctx.values():
            if isinstance(value, str) and len(value) > 80:
                message = message.replace(value, shorten(value))
        return message
    template = _MESSAGES.get(code)
    if template is None:
        inner = ctx.get("error")
        if isinstance(inner, CongVanError):
            return str(inner)
        return f"giá trị không hợp lệ ({shorten(err['msg'], 200)})"
    ctx = {k: (v.replace(" or ", " hoặc ") if isinstance(v, str) else v) for k, v in ctx.items()}
    try:
        message = template.format(**ctx)
    except (KeyError, IndexError):
        message = template
    if code == "extra_forbidden":
        suggestion = _did_you_mean(model, loc)
        if suggestion:
            message = (f"trường này không có trong mẫu; có phải `{suggestion}`? "
                       f"(did you mean `{suggestion}`?)")
    if code in _QUOTE_INPUT:
        message += f" (nhận được {shorten(err.get('input'))})"
    return message


def problems_from_validation_error(exc: ValidationError,
                                   model: type[BaseModel] | None = None) -> list[Problem]:
    """Return one Problem per error of a pydantic ValidationError, with a Vietnamese message.

    `model` (the class validated) lets a misspelt field name get a suggestion.
    """
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        ctx = err.get("ctx") or {}
        raw = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        inner = ctx.get("error")
        if isinstance(inner, InvalidDocumentError):
            # A nested model's own __init__ already translated its errors: keep them, under its
            # path.
            problems += [Problem(raw + p.path, p.code, p.message) for p in inner.problems]
            continue
        loc = tuple(shorten(p, 40) if isinstance(p, str) else p for p in raw)  # a key may be long
        problems.append(Problem(loc, err["type"], _message(err, model, raw)))
    if len(problems) > MAX_PROBLEMS:  # 40,000 unknown keys make one screen of errors, not 40,000
        more = len(problems) - MAX_PROBLEMS
        problems = [*problems[:MAX_PROBLEMS], Problem((), "problems.more", (
            f"… và {more} lỗi nữa (more problems: fix these first)"))]
    return problems


# --------------------------------------------------------------------------------------------------
# Copies (bản sao, PL I Phần II; PL III mẫu 3.1, 3.2)
# --------------------------------------------------------------------------------------------------


def _hinh_thuc_sao(value: Any) -> Any:
    """Accept the form of copy as its abbreviation (SY, TrS, SL) or its words (SAO Y, sao y…)."""
    if not isinstance(value, str):
        return value
    key = " ".join(normalize_text(value).split()).upper()
    for form, abbr in KY_HIEU_BAN_SAO.items():
        if key in (form, abbr.upper()):
            return abbr
    raise PydanticCustomError(
        "hinh_thuc.khong_ro", "hình thức sao '{value}' không có: SY (SAO Y), TrS (TRÍCH SAO) hoặc "
        "SL (SAO LỤC) (PL I Phần II; PL III §I)", {"value": shorten(value)})


# "02/07/2021 08:30:05": the date as clerks type it, then the time (Vietnam time).
_THOI_GIAN = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})[\s,;]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*$")


def _thoi_gian(value: Any) -> Any:
    """Accept the signing time as ``dd/mm/yyyy hh:mm[:ss]`` too (else ISO 8601, as pydantic)."""
    m = _THOI_GIAN.match(value) if isinstance(value, str) else None
    if m is None:
        return value
    day, month, year, hour, minute, second = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise PydanticCustomError("thoi_gian_ky_so.khong_hop_le",
                                  "'{value}' không phải ngày giờ có thật (dd/mm/yyyy hh:mm:ss)",
                                  {"value": shorten(value)}) from None


class BanSao(_Model):
    """Bản sao (a copy of an existing document, PL I Phần II): its own components, set after the
    copied document's last part (paper, mẫu 3.1) or as the copying body's digital-signature line at
    the top right of page 1 (electronic, mẫu 3.2).

    ``hinh_thuc`` is SY (sao y), TrS (trích sao) or SL (sao lục); ``so_ban_sao`` the copy's number
    in the body's own yearly series of copies, printed ``Số: 05/SY-VP``. The Nơi nhận ends with
    ``- Lưu: VT.`` as the decree's sample does.
    """

    hinh_thuc: Annotated[Literal["SY", "TrS", "SL"], BeforeValidator(_hinh_thuc_sao)]
    co_quan_chu_quan: MultilineText | None = None
    co_quan_sao: CoQuanBanHanh
    so_ban_sao: SoVanBan | None = None
    dia_danh: Text
    ngay: Ngay
    nguoi_ky: NguoiKy
    noi_nhan: list[NoiNhanItem] = Field(default_factory=list[NoiNhan])
    noi_luu: Annotated[list[LuuItem], BeforeValidator(_luu_list)] = Field(
        default_factory=lambda: [LUU_VAN_THU])
    # Mẫu 3.2: an electronic copy carries the copying body's digital signature, no block; the line
    # names the form, the body and the signing time (hh:mm:ss, Vietnam time, ISO 8601 offset).
    dien_tu: Annotated[bool, Strict()] = False
    thoi_gian_ky_so: Annotated[datetime, BeforeValidator(_thoi_gian)] | None = None

    @field_validator("dia_danh")
    @classmethod
    def _dia_danh(cls, value: str) -> str:
        return VanBan._dia_danh(value)  # pyright: ignore[reportPrivateUsage] (the same rule)

    @model_validator(mode="after")
    def _electronic(self) -> Self:
        if self.nguoi_ky.anh_chu_ky is not None:
            raise _error("nguoi_ky", None, "ban_sao.anh_chu_ky",
                         "bản sao giấy được ký tay và đóng dấu trên giấy; bản sao điện tử ký số "
                         "không có hình ảnh: bỏ anh_chu_ky (PL I Phần II)")
        if self.dien_tu and self.thoi_gian_ky_so is None:
            raise _error("thoi_gian_ky_so", None, "thoi_gian_ky_so.thieu",
                         "bản sao điện tử phải có thời gian ký số (ngày, giờ:phút:giây) của cơ "
                         "quan sao (PL I Phần II; mẫu 3.2)")
        return self

    @property
    def ten_hinh_thuc(self) -> str:
        """The form of copy in words: ``SAO Y``, ``TRÍCH SAO`` or ``SAO LỤC``."""
        return next(form for form, abbr in KY_HIEU_BAN_SAO.items() if abbr == self.hinh_thuc)

    @property
    def so_ky_hieu(self) -> SoKyHieu:
        """Return the copy's number and symbol, ``05/SY-VP`` (PL I Phần II)."""
        return SoKyHieu(self.so_ban_sao, f"{self.hinh_thuc}-{self.co_quan_sao.ten_viet_tat}")
