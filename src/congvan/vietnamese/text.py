"""Text normalisation at the model boundary.

Decree 30 (App. I, Part I, §I.4) requires Vietnamese Unicode per TCVN 6909:2001. congvan stores
every string in NFC, so that "ủy" typed on macOS (often NFD) compares equal to "ủy" typed on Windows
and looks right in Word. The normalisation congvan applies to what a user typed is exactly this, and
nothing else:

1. Unicode NFC.
2. Characters that XML 1.0 cannot carry (C0 controls except tab and newline, lone surrogates,
   U+FFFE, U+FFFF) are removed: a .docx cannot hold them, and they are never visible text.
3. Carriage returns become newlines; tabs and runs of spaces become one space.
4. Spaces at the start and end of each line, and blank lines at the start and end, are removed.

Newlines survive step 3–4 only in fields documented as multi-line (names in the header, trích yếu);
single-line fields reject them (see ``congvan.models``).

>>> import unicodedata
>>> typed_on_a_mac = unicodedata.normalize("NFD", "  Hòa  bình \\x07")
>>> normalize_text(typed_on_a_mac) == "Hòa bình"
True
>>> normalize_text("Ủy ban nhân dân\\r\\nthành phố  Nha Trang\\n")
'Ủy ban nhân dân\\nthành phố Nha Trang'
>>> upper("Ủy ban nhân dân thành phố Nha Trang")
'ỦY BAN NHÂN DÂN THÀNH PHỐ NHA TRANG'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "strip_xml_illegal", "upper"]

# XML 1.0 Char production, negated: what a .docx part cannot contain.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def strip_xml_illegal(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot carry (see module docstring, step 2)."""
    return _XML_ILLEGAL.sub("", text)


def normalize_text(text: str) -> str:
    """Return `text` normalised as the module docstring describes (NFC, XML-legal, tidy spaces)."""
    text = unicodedata.normalize("NFC", text)
    text = strip_xml_illegal(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def upper(text: str) -> str:
    """Return `text` in upper case, Vietnamese letters included (đ → Đ, ư → Ư), kept in NFC.

    Decree 30 components printed "in hoa" (quốc hiệu, tên cơ quan, tên loại, chức vụ) are
    upper-cased with this function; Python's Unicode case mapping is exact for every Vietnamese
    letter.
    """
    return unicodedata.normalize("NFC", text.upper())
