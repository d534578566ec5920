"""docxtpl templates, compiled once and rendered many times.

A ``Template`` reads a .docx once: docxtpl's tag syntax (``{{ }}``, ``{%p %}``, ``{{p }}`` …) is
resolved in every part that uses it, each part is compiled by a sandboxed Jinja environment with
autoescape on, and the parts without tags are kept as bytes. Rendering a document is then one Jinja
render per templated part and one zip write: no template parsing per document, which batch rendering
(thousands of documents) depends on.

User text is data: autoescape turns ``& < > " '`` into entities, a value is never parsed as Jinja
(``{{ x }}`` typed by a user comes out literally), and characters XML cannot carry are removed before
escaping. Only ``Markup`` values that congvan builds itself (rules, stamps) pass unescaped.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import IO, Any, Protocol

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ..errors import TemplateError
from ..text import strip_xml_illegal

__all__ = ["Template", "builtin_template", "template_dir"]

_TAG = re.compile(r"\{[{%#]")
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_PNG_DEFAULT = b'<Default Extension="png" ContentType="image/png"/>'


class Media(Protocol):
    """An image part: relationship id, part name under word/ (``media/x.png``) and bytes."""

    rid: str
    part: str
    data: bytes


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return strip_xml_illegal(value)
    return value


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize,
        keep_trailing_newline=True,
    )


def _patch(xml: str) -> str:
    """Return part XML with docxtpl's tags turned into plain Jinja (docxtpl's own pre-processing)."""
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]  # uses no instance state


class Template:
    """A .docx template, read and compiled once; ``render(context)`` returns a new .docx's bytes."""

    def __init__(self, source: str | PathLike[str] | bytes | IO[bytes], *, name: str = "") -> None:
        if isinstance(source, (str, PathLike)):
            name = name or str(source)
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                raise TemplateError(f"không đọc được mẫu {name}: {exc.strerror} "
                                    f"(cannot read template)") from exc
        else:
            data = source if isinstance(source, bytes) else source.read()
        self.name = name or "<template>"
        # Parts without tags are compressed once, into a zip every render starts from; the
        # templated parts are compiled once and appended per document.
        self._templated: list[tuple[zipfile.ZipInfo, jinja2.Template]] = []
        self._rels: tuple[zipfile.ZipInfo, bytes] | None = None
        variables: set[str] = set()
        env = _environment()
        static = io.BytesIO()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package, \
                    zipfile.ZipFile(static, "w", zipfile.ZIP_DEFLATED) as out:
                for info in package.infolist():
                    blob = package.read(info)
                    if info.filename == "[Content_Types].xml" and b'Extension="png"' not in blob:
                        # Signature and seal images are PNG parts: declare the type once, here.
                        blob = blob.replace(b"<Default ", _PNG_DEFAULT + b"<Default ", 1)
                    if info.filename == _DOCUMENT_RELS:
                        self._rels = (info, blob)  # images add relationships per document
                    elif info.filename.endswith(".xml") and _TAG.search(blob.decode("utf-8", "replace")):
                        xml = _patch(blob.decode("utf-8"))
                        variables |= meta.find_undeclared_variables(env.parse(xml))
                        self._templated.append((info, env.from_string(xml)))
                    else:
                        out.writestr(info, blob, zipfile.ZIP_DEFLATED)
        except zipfile.BadZipFile as exc:
            raise TemplateError(f"{self.name} không phải tệp .docx (is not a .docx zip file)") from exc
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{self.name}: lỗi cú pháp mẫu, dòng {exc.lineno}: {exc.message} "
                                f"(template syntax error)") from exc
        self._static = static.getvalue()
        self.variables = frozenset(variables)

    def check(self, keys: Iterable[str]) -> None:
        """Raise TemplateError if the template uses a placeholder that is not among `keys`."""
        unknown = sorted(self.variables - set(keys))
        if unknown:
            raise TemplateError(
                f"{self.name} dùng biến không có trong dữ liệu congvan: {', '.join(unknown)} "
                f"(uses placeholders congvan does not provide)")

    def render(self, context: Mapping[str, Any], media: Iterable[Media] = ()) -> bytes:
        """Return the bytes of the .docx made by filling the template with `context`.

        `media` are images the context's XML refers to by relationship id (``r:embed``): each is
        written as a part of its own and related from the main document.
        """
        media = list(media)
        out = io.BytesIO(self._static)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as package:
            if self._rels is not None:
                info, rels = self._rels
                if media:
                    extra = "".join(
                        f'<Relationship Id="{m.rid}" Type="{_IMAGE_REL}" Target="{m.part}"/>'
                        for m in media).encode()
                    rels = rels.replace(b"</Relationships>", extra + b"</Relationships>")
                package.writestr(_fresh(info), rels, zipfile.ZIP_DEFLATED)
            for m in media:
                # A fixed date, as the template's own parts have: the same input gives the same bytes.
                info = zipfile.ZipInfo(f"word/{m.part}", date_time=(1980, 1, 1, 0, 0, 0))
                package.writestr(info, m.data, zipfile.ZIP_STORED)
            for info, part in self._templated:
                try:
                    xml = part.render(context)
                except jinja2.TemplateError as exc:
                    raise TemplateError(f"{self.name}, {info.filename}: {exc} (template error)") from exc
                package.writestr(_fresh(info), xml.encode("utf-8"), zipfile.ZIP_DEFLATED)
        return out.getvalue()


def _fresh(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """Return a copy of `info` to write with: ZipFile.writestr fills in sizes, CRC and offset on
    the ZipInfo it is given, so the template's own must not be shared between renders (threads)."""
    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    copy.external_attr, copy.create_system = info.external_attr, info.create_system
    return copy


def template_dir() -> Path:
    """Return the folder of the shipped templates: inside the package, or ``templates/`` of a checkout."""
    packaged = resources.files("congvan").joinpath("templates")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates"


@cache
def builtin_template(name: str) -> Template:
    """Return the shipped template `name` (e.g. ``cong_van``), compiled once per process."""
    path = template_dir() / f"{name}.docx"
    if not path.is_file():
        raise TemplateError(f"không có mẫu có sẵn {name!r} tại {path} (no built-in template)")
    return Template(path, name=f"{name}.docx")
