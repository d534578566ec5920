"""num2words' framework under congvan's reading rules: :class:`Num2Word_VI_CongVan`.

Kept apart from numwords.py, which reads numbers without num2words, so that num2words (and its
~60 languages) is imported only by code that asks for the converter (``register_num2words``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from num2words.base import Num2Word_Base

from ..errors import InvalidNumberError
from .numwords import (
    _amount,  # pyright: ignore[reportPrivateUsage]
    _Options,  # pyright: ignore[reportPrivateUsage]
    _options,  # pyright: ignore[reportPrivateUsage]
    _words,  # pyright: ignore[reportPrivateUsage]
    parse_number,
)

__all__ = ["Num2Word_VI_CongVan"]


class Num2Word_VI_CongVan(Num2Word_Base):
    """num2words converter for Vietnamese with congvan's reading rules (the name follows num2words).

    Built on ``Num2Word_Base`` like num2words' own languages; the reading options of
    :func:`number_in_words` are given to the constructor. A float reaching this converter through
    ``num2words()`` is read as its shortest repr (``1.1`` → "một phẩy một"): num2words' callers pass
    floats, and the repr is what they typed. congvan's own functions refuse floats.
    """

    #: Currency code → (unit, subunit). Vietnamese nouns do not inflect for number.
    CURRENCY_FORMS: ClassVar[dict[str, tuple[str, str]]] = {
        "VND": ("đồng", "đồng"),
        "USD": ("đô la Mỹ", "xu"),
        "EUR": ("euro", "xu"),
    }

    def __init__(self, **options: str) -> None:
        self.options = _options(**options)
        super().__init__()

    def setup(self) -> None:
        self.negword = "âm "
        self.pointword = "phẩy"
        self.errmsg_toobig = "abs(%s) must be less than %s."

    def _decimal(self, value: object) -> Decimal:
        if isinstance(value, float):
            return parse_number(Decimal(repr(value)))
        return parse_number(value)

    def str_to_number(self, value: str) -> Decimal:
        """Return the Decimal of a numeric string in Vietnamese notation (``"1.500.000,5"``)."""
        return parse_number(value)

    def to_cardinal(self, value: object) -> str:
        """Return `value` in words: ``to_cardinal(2024)`` → "hai nghìn không trăm hai mươi tư"."""
        return _words(self._decimal(value), self.options)

    def to_ordinal(self, value: object) -> str:
        """Return the ordinal: "thứ nhất", "thứ hai", "thứ tư", "thứ mười bốn" …."""
        from .dates import ordinal  # -- dates imports this module; import at call time --

        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidNumberError("number.ordinal", f"{value!r}: số thứ tự phải là số nguyên")
        return ordinal(value, **_changed(self.options))

    def to_ordinal_num(self, value: object) -> str:
        """Return the ordinal in digits: "thứ 3"."""
        return f"thứ {value}"

    def to_year(self, value: object, **kwargs: Any) -> str:
        """Return the year as a cardinal: 2024 → "hai nghìn không trăm hai mươi tư"."""
        return self.to_cardinal(value)

    def pluralize(self, n: object, forms: tuple[str, ...]) -> str:
        """Return the one form: Vietnamese nouns do not change with the number."""
        return forms[0]

    def to_currency(
        self,
        val: object,
        currency: str = "VND",
        cents: bool = True,
        separator: str = ",",
        adjective: bool = False,
    ) -> str:
        """Return the amount and its unit in lower case: "một nghìn đồng", "mười hai phẩy năm euro".

        The whole amount is read with "phẩy" before the unit, as Vietnamese reads "12,5 EUR";
        `cents`, `separator` and `adjective` are accepted for num2words' signature and not used.
        """
        try:
            unit = self.CURRENCY_FORMS[currency][0]
        except KeyError:
            raise NotImplementedError(
                f'Currency code "{currency}" not implemented for "{type(self).__name__}"'
            ) from None
        return f"{_words(_amount(self._decimal(val)), self.options)} {unit}"


def _changed(options: _Options) -> dict[str, str]:
    """Return the options that differ from the defaults, as keyword arguments."""
    default = _Options()
    return {k: v for k, v in vars(options).items() if getattr(default, k) != v}
