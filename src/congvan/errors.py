"""The exceptions congvan raises: one tree, every error with a stable ``code``.

::

    CongVanError(Exception)                        base: ``except congvan.CongVanError``; ``.code``
    ├── InvalidDocumentError(…, ValueError)        input breaks the model or a Decree 30 rule;
    │                                              ``.problems`` lists every one, with its path
    ├── InputReadError                             an input file cannot be read (missing, not a
    │                                              regular file, too large)
    ├── TemplateError                              a template is unreadable, too large, or its
    │                                              placeholders do not match congvan's context
    ├── RenderError                                the .docx could not be produced or written
    ├── ExportError                                PDF/PNG export failed: LibreOffice missing
    │                                              (``export.soffice_missing``), crashed, …
    ├── DocxReadError                              a .docx given to the checker cannot be read
    ├── ImageError(…, ValueError)                 an image congvan will not embed (``image.*``)
    ├── InvalidNumberError(…, ValueError)          not a number congvan can read or write in words
    └── LegacyEncodingError(…, ValueError)         unknown legacy encoding, or a letter it cannot
                                                   write

Non-compliance found by ``congvan.check`` is not an exception: it returns findings.

Messages are Vietnamese, for the clerk who typed the input, with an English gloss where a developer
reads them too; the stable ``code`` (of the error, and of each problem) is the thing to match on in
code and tests, never the message.

>>> try:
...     raise InvalidDocumentError([Problem(("ngay",), "ngay.invalid",
...                                         "31/02/2021 không phải ngày hợp lệ")])
... except CongVanError as exc:
...     print(exc.code)
...     print(exc)
document.invalid
1 lỗi trong dữ liệu văn bản:
  - ngay: 31/02/2021 không phải ngày hợp lệ
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "MAX_VALUE_IN_MESSAGE",
    "CongVanError",
    "DocxReadError",
    "ExportError",
    "ImageError",
    "InputReadError",
    "InvalidDocumentError",
    "InvalidNumberError",
    "LegacyEncodingError",
    "Problem",
    "RenderError",
    "TemplateError",
    "shorten",
]

#: A user's value quoted in a message is cut to this many characters: a 100 KB value must not
#: make a 100 KB error line (issue 7: never put a whole user value into a message unbounded).
MAX_VALUE_IN_MESSAGE = 80


def shorten(value: object, limit: int = MAX_VALUE_IN_MESSAGE) -> str:
    """Return `value` as text for a message, cut to `limit` characters with an ellipsis.

    >>> shorten("x" * 200, 10)
    'xxxxxxxxx…'
    >>> shorten(5)
    '5'
    """
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CongVanError(Exception):
    """Base class of every exception congvan raises on purpose; `code` is stable."""

    code: str = "congvan"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Problem:
    """One problem in the input: where (`path`), a stable `code`, and a message for a clerk."""

    path: tuple[str | int, ...]
    code: str
    message: str

    @property
    def location(self) -> str:
        """Return the field path as text (``nguoi_ky.tham_quyen[1]``); ``(gốc)`` for the root."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out or "(gốc)"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InvalidDocumentError(CongVanError, ValueError):
    """The input does not describe a valid document; `problems` lists every problem found."""

    code = "document.invalid"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        lines = [f"{len(self.problems)} lỗi trong dữ liệu văn bản:"]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class InputReadError(CongVanError):
    """An input file (a spec, an image) cannot be read: missing, not a regular file, too large.

    Codes: ``input.missing``, ``input.unreadable``, ``input.not_regular``, ``input.too_large``,
    ``input.format`` (not .yaml/.yml/.json), ``input.type`` (not a path, a file or text),
    ``input.expect`` (not a document model), ``input.stdin`` (standard input closed).
    """

    code = "input.unreadable"


class TemplateError(CongVanError):
    """A template cannot be used: unreadable, bad Jinja, or placeholders congvan does not fill."""

    code = "template.invalid"


class RenderError(CongVanError):
    """The document could not be rendered or written.

    Codes: ``output.is_input``, ``output.is_dir``, ``output.write``, ``output.text_mode``,
    ``output.broken_pipe``, ``image.*`` (an image changed since validation), and for ``--fix``
    ``fix.output_is_input``, ``fix.output_is_directory``, ``fix.output_not_regular``,
    ``fix.write_failed``.
    """

    code = "render.failed"


class ExportError(CongVanError):
    """PDF or PNG export failed (congvan.export).

    Codes: ``export.soffice_missing`` (no LibreOffice: the message names the package to install
    and ``CONGVAN_SOFFICE``), ``export.rasteriser_missing`` (PNG without pypdfium2/Pillow),
    ``export.failed`` (LibreOffice made no PDF), ``export.crashed`` (LibreOffice died twice on one
    document), ``export.timeout``, ``export.dpi``, ``export.input``, ``export.write``.
    """

    code = "export.failed"


class DocxReadError(CongVanError):
    """A .docx file cannot be read (not a zip, no word/document.xml, hostile or broken XML)."""

    code = "docx.unreadable"


class ImageError(CongVanError, ValueError):
    """An image congvan will not embed; `reason` is stable (``not_png``, ``truncated``, ``corrupt``,
    ``dimensions``, ``aspect``, ``too_large``, ``not_regular``, ``unreadable``) and `code` is
    ``image.<reason>``. Validation reports it as a problem of the field, rendering as a
    RenderError."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message, code=f"image.{reason}")


class InvalidNumberError(CongVanError, ValueError):
    """A value that is not a number congvan can read, or words that do not read as one.

    `code` is stable (``number.float``, ``number.type``, ``number.format``,
    ``number.not_finite``, ``number.negative``, ``number.words``, ``number.option``,
    ``number.ordinal``, ``number.register``); the message is Vietnamese with an English gloss.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)


class LegacyEncodingError(CongVanError, ValueError):
    """An unknown encoding name (``legacy.encoding``) or a letter the encoding cannot write
    (``legacy.unencodable``); `code` is stable."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, code=code)
