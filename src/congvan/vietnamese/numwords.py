"""Numbers and amounts in Vietnamese words (đọc số thành chữ), for "Bằng chữ: …".

A contract or a decision writes every amount twice, in digits and in words, and a clerk rejects the
document when the words are wrong. num2words' own Vietnamese converter (0.5.14) is wrong in ways
that would land in such documents (``2024`` → "hai nghìn lẻ hai mươi bốn", ``10**15`` → "một trăm
nghìn tỷ", ``-5`` → "mười lăm", floats rounded to two places, no currency). This module is congvan's
only importer of num2words, when asked for it: it builds a corrected converter on num2words'
framework (:class:`Num2Word_VI_CongVan`, kept in ``_num2words_vi``), and never patches
num2words. :func:`register_num2words` is the explicit opt-in for code that calls
``num2words(…, lang="vi_VN")``.

Reading rules (docs/vietnamese.md has the full text and the sources):

- Digits are read in groups of three. A group after the first non-zero one is read in full,
  with "không trăm" when its hundreds digit is 0 (1050 → "một nghìn không trăm năm mươi"); a
  group that is all zero is skipped, scale word and all (1000001 → "một triệu không trăm linh một").
- Tens: "mười" for 10–19, "<chữ số> mươi" from 20. A unit after a zero tens digit inside a group
  gets "linh" (option ``linh="lẻ"``). After "mươi", 1 is "mốt", 4 is "tư" (option ``tu="bốn"``)
  and 5 is "lăm" (option ``lam="nhăm"``); after "mười", 5 is "lăm" and 4 stays "bốn"; after
  "linh", 4 is "bốn".
- Scales: nghìn (option ``nghin="ngàn"``), triệu, tỷ (option ``ty="tỉ"``). Above a tỷ the count of
  tỷ is read as a number of its own, so the scales cycle: nghìn tỷ, triệu tỷ, tỷ tỷ, nghìn tỷ tỷ …
- Negative numbers start with "âm"; zero is "không" (and ``-0`` reads as zero).
- Decimals are read exactly as written, never through float and never rounded: the integer part,
  "phẩy", then the fractional digits as a number, each leading zero read "không" (the rule taught in
  Toán 5: 0,05 → "không phẩy không năm", 8,56 → "tám phẩy năm mươi sáu"). Trailing zeros that were
  written are read too (``Decimal("1.50")`` → "một phẩy năm mươi"), so :func:`words_to_number` gives
  back the same Decimal. ``fraction="digits"`` reads the fraction digit by digit instead.

>>> number_in_words(2024)
'hai nghìn không trăm hai mươi tư'
>>> number_in_words(105, linh="lẻ")
'một trăm lẻ năm'
>>> number_in_words(1_002_000)
'một triệu không trăm linh hai nghìn'
>>> number_in_words(2 * 10**15), number_in_words(10**18)
('hai triệu tỷ', 'một tỷ tỷ')
>>> number_in_words("-5"), number_in_words("35,67")
('âm năm', 'ba mươi lăm phẩy sáu mươi bảy')
>>> amount_in_words(1_500_000)
'Một triệu năm trăm nghìn đồng'
>>> amount_in_words("1.500.000", chan=True)
'Một triệu năm trăm nghìn đồng chẵn'
>>> words_to_number("một triệu không trăm linh hai nghìn")
1002000
>>> format_number(1_500_000), format_number("35,67")
('1.500.000', '35,67')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from ..errors import InvalidNumberError

if TYPE_CHECKING:
    from typing_extensions import LiteralString  # typing has it from 3.11

    from ._num2words_vi import Num2Word_VI_CongVan

__all__ = [
    "DEFAULT_LANG_CODE",
    "InvalidNumberError",
    "Num2Word_VI_CongVan",
    "SoTien",
    "amount_in_words",
    "format_number",
    "format_so_tien",
    "number_in_words",
    "parse_number",
    "register_num2words",
    "words_to_number",
]

#: The num2words language code :func:`register_num2words` uses unless told otherwise. num2words has
#: no "vi_VN" of its own: before registration, ``lang="vi_VN"`` falls back to its "vi" converter.
DEFAULT_LANG_CODE = "vi_VN"


# --------------------------------------------------------------------------------------------------
# Words, as data
# --------------------------------------------------------------------------------------------------

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

#: The regional variants: option name → (default, other accepted values).
OPTIONS: dict[str, tuple[str, ...]] = {
    "linh": ("linh", "lẻ"),  # 0 tens before a unit: một trăm linh năm / lẻ năm
    "tu": ("tư", "bốn"),  # 4 after "mươi": hai mươi tư / hai mươi bốn
    "lam": ("lăm", "nhăm"),  # 5 after "mươi": hai mươi lăm / hai mươi nhăm
    "nghin": ("nghìn", "ngàn"),  # 10^3: nghìn (Bắc) / ngàn (Nam)
    "ty": ("tỷ", "tỉ"),  # 10^9
    "fraction": ("number", "digits"),  # after "phẩy": as a number / digit by digit
}

#: Every word words_to_number reads as a digit, variants included.
_UNIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_SPELLINGS = {"ngàn": "nghìn", "tỉ": "tỷ", "lẻ": "linh", "bẩy": "bảy"}


@dataclass(frozen=True)
class _Options:
    linh: str = "linh"
    tu: str = "tư"
    lam: str = "lăm"
    nghin: str = "nghìn"
    ty: str = "tỷ"
    fraction: str = "number"


def _options(**options: str) -> _Options:
    """Return the reading options, checked against :data:`OPTIONS`."""
    for name, value in options.items():
        if name not in OPTIONS:
            raise TypeError(f"unknown reading option {name!r}; expected one of {sorted(OPTIONS)}")
        if value not in OPTIONS[name]:
            raise InvalidNumberError(
                "number.option",
                f"tùy chọn {name}={value!r} không hợp lệ, chỉ nhận {OPTIONS[name]} "
                f"(invalid value for option {name})",
            )
    return _Options(**options)


# --------------------------------------------------------------------------------------------------
# Parsing values: int, Decimal, numeric strings in Vietnamese notation
# --------------------------------------------------------------------------------------------------

# -- dots group thousands and a comma marks the decimals, as Vietnamese writes numbers; a string
#    such as "1.5" is refused rather than guessed, since "1.500" means 1500 --
_VI_NUMBER = re.compile(r"(?P<sign>[-+\u2212])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?")


def parse_number(value: object) -> Decimal:
    """Return `value` as an exact Decimal: an int, a Decimal, or a string in Vietnamese notation.

    Strings use dots between thousands and a comma before the decimals (``"1.500.000,50"``). A float
    is refused, because its binary value is not the amount that was typed.

    >>> parse_number("1.500.000,50")
    Decimal('1500000.50')
    >>> parse_number(-5), parse_number(Decimal("0.05"))
    (Decimal('-5'), Decimal('0.05'))
    >>> parse_number(1.5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    congvan.errors.InvalidNumberError: không nhận số kiểu float 1.5 ...
    """
    if isinstance(value, bool):
        raise InvalidNumberError(
            "number.type", f"{value!r} không phải là số (a bool is not a number)"
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise InvalidNumberError(
            "number.float",
            f"không nhận số kiểu float {value!r} vì float không giữ đúng giá trị thập phân; "
            f"hãy dùng Decimal({str(value)!r}) hoặc chuỗi {str(value).replace('.', ',')!r} "
            f"(float is refused: pass a Decimal or a string)",
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidNumberError(
                "number.not_finite", f"{value!r} không phải là số hữu hạn (not a finite number)"
            )
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).strip()
        m = _VI_NUMBER.fullmatch(text)
        if not m:
            raise InvalidNumberError(
                "number.format",
                f"{value!r} không phải là số viết theo cách Việt Nam (dấu chấm phân cách "
                f"hàng nghìn, dấu phẩy trước phần thập phân, ví dụ '1.500.000' hay '35,67') "
                f"(not a number in Vietnamese notation)",
            )
        sign = "-" if m["sign"] in ("-", "\u2212") else ""
        digits = m["int"].replace(".", "")
        return Decimal(f"{sign}{digits}.{m['frac']}" if m["frac"] else f"{sign}{digits}")
    raise InvalidNumberError(
        "number.type",
        f"không đọc được giá trị kiểu {type(value).__name__} thành số "
        f"(expected int, Decimal or str)",
    )


def _split(value: Decimal) -> tuple[bool, int, str]:
    """Return (negative, integer part, fractional digits as written) of a finite Decimal."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, frac = int(text + "0" * exponent), ""
    else:
        text = text.rjust(-exponent + 1, "0")
        whole, frac = int(text[:exponent]), text[exponent:]
    negative = bool(sign) and (whole != 0 or frac.strip("0") != "")
    return negative, whole, frac


def format_number(value: object) -> str:
    """Return `value` in digits as Vietnamese writes them: dots between thousands, a decimal comma.

    The fractional digits are kept as written. See :func:`parse_number` for what `value` may be.

    >>> format_number(Decimal("-1234567.50")), format_number(7)
    ('-1.234.567,50', '7')
    """
    negative, whole, frac = _split(parse_number(value))
    text = f"{whole:,}".replace(",", ".")
    return ("-" if negative else "") + text + (f",{frac}" if frac else "")


# --------------------------------------------------------------------------------------------------
# Numbers to words
# --------------------------------------------------------------------------------------------------


def _group(n: int, full: bool, o: _Options) -> list[str]:
    """Return the words of one group 0 < n < 1000; `full` reads a zero hundreds digit."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [DIGITS[hundreds], "trăm"] if (full or hundreds) else []
    if tens == 0:
        if units:
            words += [o.linh, DIGITS[units]] if words else [DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: o.tu, 5: o.lam}.get(units, DIGITS[units]))
    return words


def _integer(n: int, full: bool, o: _Options) -> list[str]:
    """Return the words of n > 0; `full` when a higher group has been read (inner groups)."""
    if n >= 10**9:
        # -- the count of tỷ is a number of its own: 2·10^15 is "hai triệu tỷ", 10^18 "một tỷ tỷ" --
        high, low = divmod(n, 10**9)
        return _integer(high, full, o) + [o.ty] + (_integer(low, True, o) if low else [])
    words: list[str] = []
    for value, scale in ((n // 10**6, "triệu"), (n // 1000 % 1000, o.nghin), (n % 1000, None)):
        if value:
            words += _group(value, full, o) + ([scale] if scale else [])
            full = True
    return words


def _fraction(digits: str, o: _Options) -> list[str]:
    """Return the words after "phẩy" for the fractional `digits` (leading zeros read "không")."""
    if o.fraction == "digits":
        return [DIGITS[int(d)] for d in digits]
    rest = digits.lstrip("0")
    zeros = ["không"] * (len(digits) - len(rest))
    return zeros + (_integer(int(rest), False, o) if rest else [])


def _words(value: Decimal, o: _Options) -> str:
    negative, whole, frac = _split(value)
    words = ["âm"] if negative else []
    words += _integer(whole, False, o) if whole else ["không"]
    if frac:
        words += ["phẩy", *_fraction(frac, o)]
    return " ".join(words)


def number_in_words(value: object, **options: str) -> str:
    """Return `value` read in Vietnamese words, exactly (see the module docstring for the rules).

    `value` is an int, a Decimal or a string in Vietnamese notation (:func:`parse_number`). Options,
    with their defaults first: ``linh`` ("linh"/"lẻ"), ``tu`` ("tư"/"bốn"), ``lam`` ("lăm"/"nhăm"),
    ``nghin`` ("nghìn"/"ngàn"), ``ty`` ("tỷ"/"tỉ"), ``fraction`` ("number"/"digits").

    >>> number_in_words(1050)
    'một nghìn không trăm năm mươi'
    >>> number_in_words(Decimal("0.05")), number_in_words(Decimal("3.14159"), fraction="digits")
    ('không phẩy không năm', 'ba phẩy một bốn một năm chín')
    >>> number_in_words(24_500, tu="bốn", nghin="ngàn")
    'hai mươi bốn ngàn năm trăm'
    """
    return _words(parse_number(value), _options(**options))


def _amount(value: object) -> Decimal:
    """Return the amount as a Decimal without fractional zeros: 1500000.00 đồng is 1500000 đồng."""
    amount = parse_number(value)
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


def amount_in_words(
    value: object, currency: str | None = "đồng", *, chan: bool = False, **options: str
) -> str:
    """Return the amount in words for "Bằng chữ: …": capital first letter, then the currency word.

    A fractional part is read after "phẩy"; zeros at the end of it are not read, because an amount
    is a value, not a measurement (``"12,50"`` → "Mười hai phẩy năm đồng"). ``chan=True`` adds
    "chẵn" to a whole amount and is ignored for an amount with a fractional part, which is not chẵn.
    ``currency=None`` leaves the currency word out. Options are those of :func:`number_in_words`.

    >>> amount_in_words(Decimal("12.50"))
    'Mười hai phẩy năm đồng'
    >>> amount_in_words(-5, currency="đô la Mỹ")
    'Âm năm đô la Mỹ'
    """
    amount = _amount(value)
    words = _words(amount, _options(**options))
    words = words[0].upper() + words[1:]
    if currency:
        words += f" {currency}"
    if chan and amount == amount.to_integral_value():
        words += " chẵn"
    return words


# --------------------------------------------------------------------------------------------------
# Words to numbers
# --------------------------------------------------------------------------------------------------


def _bad(text: str, why: str) -> InvalidNumberError:
    return InvalidNumberError(
        "number.words", f"không đọc được {text!r} thành số: {why} (not a number in words)"
    )


def _below_100(tokens: list[str], text: str) -> int:
    """Return the value of a reading below 100: "năm", "mười lăm", "hai mươi mốt"."""
    if not all(t in _UNIT_WORDS or t in ("mười", "mươi") for t in tokens):
        raise _bad(text, f"'{' '.join(tokens)}' không phải là số dưới một trăm")
    units = [_UNIT_WORDS[t] for t in tokens if t in _UNIT_WORDS]
    if len(tokens) == 1 and units:  # năm
        return units[0]
    if tokens[0] == "mười" and len(tokens) <= 2 and len(units) == len(tokens) - 1:  # mười [lăm]
        return 10 + sum(units)
    if (  # hai mươi [mốt]
        tokens[0] in DIGITS[2:]
        and tokens[1:2] == ["mươi"]
        and len(tokens) <= 3
        and len(units) == len(tokens) - 1
    ):
        return DIGITS.index(tokens[0]) * 10 + sum(units[1:])
    raise _bad(text, f"'{' '.join(tokens)}' không phải là số dưới một trăm")


def _below_1000(tokens: list[str], text: str) -> int:
    """Return the value of a group: "[d trăm] [linh u | tens]", zero hundreds included."""
    value = 0
    if len(tokens) >= 2 and tokens[1] == "trăm":
        if tokens[0] not in DIGITS:
            raise _bad(text, f"'{tokens[0]} trăm'")
        value, tokens = DIGITS.index(tokens[0]) * 100, tokens[2:]
        if not tokens:
            return value
    if tokens[:1] == ["linh"]:
        # -- tolerant of num2words' "nghìn lẻ hai mươi bốn": any reading below 100 after linh --
        tokens = tokens[1:]
    if not tokens:
        raise _bad(text, "thiếu chữ số")
    return value + _below_100(tokens, text)


def _integer_value(tokens: list[str], text: str) -> int:
    """Return the value of an integer reading, scales nested as :func:`_integer` writes them."""
    for word, scale in (("tỷ", 10**9), ("triệu", 10**6), ("nghìn", 1000)):
        if word in tokens:
            # -- the rightmost scale word splits: "một tỷ năm trăm triệu tỷ" is
            #    (1 tỷ 500 triệu) tỷ --
            k = len(tokens) - 1 - tokens[::-1].index(word)
            if not tokens[:k]:
                raise _bad(text, f"thiếu số trước '{word}'")
            high = _integer_value(tokens[:k], text)
            low = _integer_value(tokens[k + 1 :], text) if tokens[k + 1 :] else 0
            if low >= scale or (scale < 10**9 and high >= 1000):
                raise _bad(text, "các hàng không theo thứ tự")
            return high * scale + low
    return _below_1000(tokens, text)


def words_to_number(text: str) -> int | Decimal:
    """Return the number that `text` reads, the inverse of :func:`number_in_words`.

    Tolerant of what people type: any case, the variants (lẻ/linh, tư/bốn, lăm/nhăm, mốt, ngàn,
    tỉ, bẩy), inner groups without "không trăm", a leading "Bằng chữ:", a trailing currency word
    "đồng" and "chẵn", and commas or a final full stop. An int comes back for a whole reading, a
    Decimal (fractional digits exactly as read) when there is "phẩy".

    >>> words_to_number("Bằng chữ: Một triệu năm trăm nghìn đồng chẵn.")
    1500000
    >>> words_to_number("hai mươi tư ngàn lẻ năm"), words_to_number("âm không phẩy không năm")
    (24005, Decimal('-0.05'))
    """
    clean = unicodedata.normalize("NFC", text).lower().replace(",", " ")
    clean = re.sub(r"^\s*bằng chữ\s*:", "", clean).strip().rstrip("./ ")
    tokens = [_SPELLINGS.get(t, t) for t in clean.split()]
    while tokens and tokens[-1] in ("chẵn", "đồng"):
        tokens.pop()
    negative = bool(tokens) and tokens[0] in ("âm", "trừ")
    tokens = tokens[1:] if negative else tokens
    if not tokens:
        raise _bad(text, "không có chữ số nào")
    whole_tokens, frac_tokens = tokens, None
    if "phẩy" in tokens:
        k = tokens.index("phẩy")
        whole_tokens, frac_tokens = tokens[:k], tokens[k + 1 :]
        if not whole_tokens or not frac_tokens or "phẩy" in frac_tokens:
            raise _bad(text, "'phẩy' đặt sai chỗ")
    whole = 0 if whole_tokens == ["không"] else _integer_value(whole_tokens, text)
    if frac_tokens is None:
        return -whole if negative else whole
    if all(t in DIGITS for t in frac_tokens):
        frac = "".join(str(DIGITS.index(t)) for t in frac_tokens)
    else:
        zeros = len(frac_tokens) - len(_lstrip(frac_tokens))
        frac = "0" * zeros + str(_integer_value(frac_tokens[zeros:], text))
    return Decimal(f"{'-' if negative else ''}{whole}.{frac}")


def _lstrip(tokens: list[str]) -> list[str]:
    """Return `tokens` without the leading "không" words that stand for zeros after "phẩy"."""
    i = 0
    while i < len(tokens) and tokens[i] == "không" and tokens[i + 1 : i + 2] != ["trăm"]:
        i += 1
    return tokens[i:]


# --------------------------------------------------------------------------------------------------
# num2words framework: the corrected converter and the opt-in
# --------------------------------------------------------------------------------------------------


def register_num2words(
    lang_code: str = DEFAULT_LANG_CODE, *, replace: bool = False, **options: str
) -> Num2Word_VI_CongVan:
    """Return the converter after registering it with num2words under `lang_code` (opt-in).

    Importing congvan changes nothing in num2words; this call adds one entry to
    ``num2words.CONVERTER_CLASSES``, so that ``num2words(2024, lang="vi_VN")`` reads with congvan's
    rules while ``lang="vi"`` keeps num2words' own converter. A code num2words already has (such as
    "vi") is only taken over with ``replace=True``. Options are those of :func:`number_in_words`.
    """
    import num2words

    from ._num2words_vi import Num2Word_VI_CongVan

    registry = num2words.CONVERTER_CLASSES
    current = registry.get(lang_code)
    if current is not None and not isinstance(current, Num2Word_VI_CongVan) and not replace:
        raise InvalidNumberError(
            "number.register",
            f"num2words đã có bộ chuyển đổi cho {lang_code!r}; dùng replace=True để thay "
            f"(num2words already has a converter for this code)",
        )
    converter = Num2Word_VI_CongVan(**options)
    registry[lang_code] = converter
    return converter


# --------------------------------------------------------------------------------------------------
# Số tiền: a money amount as a pydantic field type
# --------------------------------------------------------------------------------------------------


class SoTien(Decimal):
    """Số tiền (an amount of money in đồng): a Decimal that knows its words.

    Accepts what :func:`parse_number` accepts (int, Decimal, ``"1.500.000"``, ``"35,67"``) and
    refuses floats and negative amounts. As a pydantic v2 field type it validates the same way,
    with the error's stable code as the pydantic error type, and serialises to JSON as an integer
    (or a string with a decimal comma when the amount has a fractional part).

    >>> tien = SoTien("1.500.000")
    >>> tien.bang_chu
    'Một triệu năm trăm nghìn đồng'
    >>> format_so_tien(tien)
    '1.500.000 đồng (Bằng chữ: Một triệu năm trăm nghìn đồng)'
    """

    def __new__(cls, value: object = 0) -> SoTien:
        amount = _amount(value)
        if amount < 0:
            raise InvalidNumberError(
                "number.negative",
                f"số tiền không được âm: {value!r} (an amount cannot be negative)",
            )
        return super().__new__(cls, amount)

    def __repr__(self) -> str:
        return f"SoTien({str(self)!r})"

    @property
    def chu_so(self) -> str:
        """Return the amount in digits with its unit: "1.500.000 đồng"."""
        return f"{format_number(Decimal(self))} đồng"

    @property
    def bang_chu(self) -> str:
        """Return the amount in words: "Một triệu năm trăm nghìn đồng"."""
        return amount_in_words(Decimal(self))

    @classmethod
    def _validate(cls, value: object) -> SoTien:
        from pydantic_core import PydanticCustomError

        if isinstance(value, SoTien):
            return value
        try:
            return cls(value)
        except InvalidNumberError as exc:
            # -- the template is a placeholder so braces in the user's value stay literal --
            # -- exc.code is one of congvan's fixed codes (pydantic asks for a literal) --
            raise PydanticCustomError(cast("LiteralString", exc.code), "{message}",
                                      {"message": str(exc)}) from None

    @staticmethod
    def _serialize(value: SoTien) -> int | str:
        if value == value.to_integral_value():
            return int(value)
        return format_number(Decimal(value)).replace(".", "")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                cls._serialize, when_used="json"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": _VI_NUMBER.pattern},
            ],
            "description": "Số tiền (đồng): số nguyên hoặc chuỗi như '1.500.000' hay '35,67'",
        }


def format_so_tien(value: object, *, chan: bool = False) -> str:
    """Return "<digits> đồng (Bằng chữ: <words>)", the way a document writes an amount.

    >>> format_so_tien(2_000_000, chan=True)
    '2.000.000 đồng (Bằng chữ: Hai triệu đồng chẵn)'
    """
    tien = value if isinstance(value, SoTien) else SoTien(value)
    return f"{tien.chu_so} (Bằng chữ: {amount_in_words(Decimal(tien), chan=chan)})"


def __getattr__(name: str) -> Any:
    # The converter class is built on num2words, which imports its ~60 languages (~40 ms): only
    # code that asks for the class (or registers it) pays for them; congvan's reading does not.
    if name == "Num2Word_VI_CongVan":
        from ._num2words_vi import Num2Word_VI_CongVan

        return Num2Word_VI_CongVan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
