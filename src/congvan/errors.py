"""The exceptions congvan raises.

::

    CongVanError(Exception)                        base: ``except congvan.CongVanError``
    ├── InvalidDocumentError(CongVanError, ValueError)   input breaks the model or a Decree 30 rule;
    │                                                    ``.problems`` lists every one, with its path
    ├── TemplateError(CongVanError)                a template is unreadable or its placeholders do not
    │                                              match the context congvan builds
    ├── RenderError(CongVanError)                  the .docx could not be produced or written
    └── DocxReadError(CongVanError)                a .docx given to the checker cannot be read

Non-compliance found by ``congvan.check`` is not an exception: it returns findings.

Messages are Vietnamese, for the clerk who typed the input; the stable ``code`` of each problem is the
thing to match on in code and tests.

>>> try:
...     raise InvalidDocumentError([Problem(("ngay",), "ngay.invalid", "31/02/2021 không phải ngày hợp lệ")])
... except CongVanError as exc:
...     print(exc)
1 lỗi trong dữ liệu văn bản:
  - ngay: 31/02/2021 không phải ngày hợp lệ
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CongVanError",
    "DocxReadError",
    "InvalidDocumentError",
    "Problem",
    "RenderError",
    "TemplateError",
]


class CongVanError(Exception):
    """Base class of every exception congvan raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem in the input: where (`path`), a stable `code`, and a message for a clerk."""

    path: tuple[str | int, ...]
    code: str
    message: str

    @property
    def location(self) -> str:
        """Return the field path as text, e.g. ``nguoi_ky.tham_quyen[1]``; ``(gốc)`` for the root."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out or "(gốc)"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InvalidDocumentError(CongVanError, ValueError):
    """The input does not describe a valid document; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"{len(self.problems)} lỗi trong dữ liệu văn bản:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class TemplateError(CongVanError):
    """A template cannot be used: unreadable, bad Jinja, or placeholders congvan does not provide."""


class RenderError(CongVanError):
    """The document could not be rendered or written."""


class DocxReadError(CongVanError):
    """A .docx file cannot be read (not a zip, no word/document.xml, hostile or broken XML)."""
