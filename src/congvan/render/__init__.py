"""Rendering: a document model → its context → a compiled docxtpl template → .docx bytes.

>>> from congvan.io import load
>>> data = render_bytes(load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> data[:2]
b'PK'
"""

from __future__ import annotations

import io
import select
from collections.abc import Callable, Mapping
from functools import cache
from os import PathLike
from pathlib import Path
from typing import IO, Any, cast

from docx.oxml.text.paragraph import CT_P
from docx.shared import Pt
from markupsafe import Markup

from .._files import write_atomic
from .._memo import Memo
from ..context import CONTEXT_KEYS, build_context, template_of
from ..errors import RenderError, TemplateError, shorten
from ..images import ImageError, Png, read_png
from ..models import SEAL_MM, VanBan
from ..noi_dung.blocks import Block, SectionBreak
from ..rules import LAYOUT
from . import _oxml  # pyright: ignore[reportPrivateUsage] (the package's own module)
from ._oxml import paragraph as paragraph_element
from ._units import emu_to_mm
from .body import FootnoteSink, Sections, body_markup, body_xml, style_id
from .core import core_properties
from .layout import Picture, dynamic_parts, picture
from .template import Template, builtin_template

__all__ = ["CONTENT_KEYS", "OUTPUT_EXTENSIONS", "Template", "output_files", "render",
           "render_bytes", "write_all"]

#: Keys a template may use: the formatted context plus the per-document geometry of layout.py.
TEMPLATE_KEYS = CONTEXT_KEYS | {"duong_ke_co_quan", "duong_ke_trich_yeu", "dau_do_mat",
                                "dau_do_khan", "dau_pham_vi_luu_hanh", "cho_ky", "ngat_kem_theo",
                                "dau_du_thao"}


@cache
def _builtin(name: str) -> Template:
    """Return the shipped template `name`, compiled and checked once per process."""
    tpl = builtin_template(name)
    tpl.check(TEMPLATE_KEYS)
    return tpl


def _template_for(doc: VanBan, template: Template | None) -> Template:
    if template is None:
        return _builtin(template_of(doc))
    template.check(TEMPLATE_KEYS)  # a user's template: name what it uses that congvan lacks
    return template


def render_bytes(doc: VanBan, *, template: Template | None = None) -> bytes:
    """Return the .docx of `doc` as bytes, made with `template` or the shipped one for its type."""
    if not isinstance(cast(object, doc), VanBan):  # a caller without a type checker
        raise TypeError(f"render() takes a congvan document model, not {type(doc).__name__}; "
                        "use congvan.load() or congvan.validate() first")
    tpl = _template_for(doc, template)
    context: dict[str, Any] = build_context(doc)
    core = core_properties(doc, context)
    signature, seal = _pictures(doc)
    context.update(dynamic_parts(context, signature, seal))
    footnotes, sections = FootnoteSink(), Sections(tpl.section_refs)
    _body_parts(context, footnotes, sections)
    parts = [p for p in (footnotes.part(),) if p is not None] + sections.parts()
    data = tpl.render(context, [p for p in (signature, seal) if p is not None], parts=parts,
                      last_section=sections.final(), core=core)
    if template is not None:  # after the render: its own errors (template.limit …) come first
        _check_places(doc, tpl, context, pictures=signature is not None or seal is not None)
    return data


#: The context's keys that carry what the document says (a template may print the quốc hiệu and
#: tiêu ngữ as text; the widths and the title of the core properties are not content).
CONTENT_KEYS = CONTEXT_KEYS - {"quoc_hieu", "tieu_ngu", "cot_trai", "cot_phai", "tieu_de"}


def _check_places(doc: VanBan, tpl: Template, context: Mapping[str, Any], *,
                  pictures: bool) -> None:
    """Refuse a user's template that has no placeholder for a part this document has: the part
    would be dropped without a word (a công văn's template used for a Quyết định has no
    ``{{ ten_loai }}``). A part's stamp (``dau_do_khan``) carries it as well as its text."""
    missing = sorted(key for key in CONTENT_KEYS if context[key] and key not in tpl.variables
                     and f"dau_{key}" not in tpl.variables)
    if pictures and "cho_ky" not in tpl.variables:
        missing.append("cho_ky")  # the signature and seal images
    if missing:
        names = ", ".join(f"{{{{ {key} }}}}" for key in missing)
        raise TemplateError(
            f"mẫu {tpl.name} không có chỗ cho {names} mà văn bản này có: phần đó sẽ bị mất; lấy "
            f"mẫu của loại văn bản này ({template_of(doc)}.docx) làm gốc hoặc thêm các chỗ đó "
            f"vào mẫu (the template has no placeholder for parts this document has)",
            code="template.missing_key")


def _body_parts(context: dict[str, Any], footnotes: FootnoteSink, sections: Sections) -> None:
    """Replace the blocks of the context (body, attached text, phụ lục) by their Word XML, in the
    order they stand in the document: each section break ends the section before it."""

    def xml(blocks: tuple[Block, ...], *, last: bool = False) -> Markup:
        elements = body_xml(blocks, footnotes=footnotes, text_width_mm=sections.text_width_mm,
                            sections=sections)
        if last:
            # The body's last paragraph keeps with the signature row, and the gap above that row
            # is the body's, so that both its cells start level: "Nơi nhận:" stands level with the
            # authority line (PL I §II.9.d). A table last gets a paragraph after it: Word would
            # join it to the signature table.
            last_p = elements[-1] if elements else None
            if not isinstance(last_p, CT_P):
                last_p = paragraph_element(style_id("doan"))
                elements.append(last_p)
            _oxml.keep_next_with_space_after(last_p, Pt(LAYOUT.space_before_signature_pt).twips)
        return body_markup(elements)

    context["noi_dung"] = _main_body(context["noi_dung"], footnotes, sections, xml)
    attached = context["van_ban_kem_theo"]
    context["ngat_kem_theo"] = xml((SectionBreak(),)) if attached else Markup("")
    context["van_ban_kem_theo"] = xml(attached)
    context["phu_luc"] = xml(context["phu_luc"])


#: The main body's XML by its blocks: a batch whose rows share a body builds it once.
_BODY_XML: Memo[Markup] = Memo(32)
#: Larger XML is built every time, not kept.
_BODY_XML_MAX_CHARS = 2_000_000


def _main_body(blocks: tuple[Block, ...], footnotes: FootnoteSink, sections: Sections,
               xml: Callable[..., Markup]) -> Markup:
    """Return the XML of the main body (the document's first blocks, the sinks still empty).

    Kept by its blocks (frozen dataclasses, compared by value) when building it left both sinks
    as they were (no footnote, no section break): it then depends on nothing but the blocks.
    """
    try:
        kept = _BODY_XML.get(blocks)
    except TypeError:  # an unhashable value in a block: never kept
        return xml(blocks, last=True)
    if kept is not None:
        return kept
    markup = xml(blocks, last=True)
    if not len(footnotes) and sections.count == 1 and len(markup) <= _BODY_XML_MAX_CHARS:
        _BODY_XML.put(blocks, markup)
    return markup


def _read_image(path: Path, field: str) -> Png:
    """Return the checked PNG at `path`, read again now: validation checked it, but the file may
    have changed since (grown past the limit, truncated, replaced by a FIFO)."""
    try:
        return read_png(path)
    except ImageError as exc:
        raise RenderError(f"{field}: ảnh {path.name} không dùng được: {exc} (image changed after "
                          f"validation?)", code=f"image.{exc.reason}") from None


def _pictures(doc: VanBan) -> tuple[Picture | None, Picture | None]:
    """Return the signature and seal images of `doc` (ô 7c, ô 8), sized for the page."""
    signature = seal = None
    if doc.nguoi_ky.anh_chu_ky:
        png = _read_image(doc.nguoi_ky.anh_chu_ky, "nguoi_ky.anh_chu_ky")
        signature = picture("rIdCongvanChuKy", "media/congvan_chu_ky.png", png,
                            max_mm=(LAYOUT.signature_width, LAYOUT.signature_height))
    if doc.dau_co_quan:
        # Actual size (PL I §II.8.a): the seal's width on paper, as the user gives it.
        png = _read_image(doc.dau_co_quan.hinh_anh, "dau_co_quan.hinh_anh")
        seal = picture("rIdCongvanDau", "media/congvan_dau.png", png,
                       width_mm=doc.dau_co_quan.rong_mm)
        if not SEAL_MM[0] <= emu_to_mm(seal.cy) <= SEAL_MM[1]:  # reshaped since validation
            raise RenderError(f"dau_co_quan.hinh_anh: ảnh dấu cao {emu_to_mm(seal.cy):.0f} mm, "
                              f"ngoài khoảng {SEAL_MM[0]}–{SEAL_MM[1]} mm "
                              f"(seal height out of range)",
                              code="image.aspect")
    return signature, seal


def render(doc: VanBan, target: str | PathLike[str] | IO[bytes], *,
           template: Template | None = None, pdf_a: bool = False) -> list[Path]:
    """Render `doc` to `target`, a path or a binary file object; return the files written (the
    PNG pages, the one .docx or .pdf; none for a file object).

    A path's extension chooses the format: ``.docx``; ``.pdf`` (through LibreOffice, PDF/A-2b
    when `pdf_a`); ``.png``, one picture per page written next to it as ``OUT-1.png``,
    ``OUT-2.png`` …; any other extension is a RenderError (``output.extension``). A file object
    gets the .docx.

    The document is rendered in full before anything is written. A path is written atomically (a
    temporary file in its folder, then a rename): on any failure, a full disk or a file-size limit
    included, the previous file is intact and no fragment remains. A file object gets every byte
    (short writes and a non-blocking descriptor are waited on) or RenderError is raised.
    """
    if hasattr(target, "write"):
        write_all(target, render_bytes(doc, template=template))  # type: ignore[arg-type]
        return []
    path = Path(target)  # type: ignore[arg-type]
    if path.is_dir():
        raise RenderError(f"{path} là thư mục, không phải tệp .docx (output is a directory)",
                          code="output.is_dir")
    files = output_files(path, render_bytes(doc, template=template), pdf_a=pdf_a)
    try:
        for name, data in files:
            write_atomic(name, data)
    except OSError as exc:
        raise RenderError(f"không ghi được tệp {path}: {exc.strerror or exc}; tệp cũ (nếu có) "
                          f"vẫn nguyên (cannot write output; previous file intact)",
                          code="output.write") from None
    return [name for name, _ in files]


#: The formats a path's extension may ask for.
OUTPUT_EXTENSIONS = (".docx", ".pdf", ".png")


def output_files(path: Path, docx: bytes, *, pdf_a: bool = False) -> list[tuple[Path, bytes]]:
    """Return the files to write for the output `path` and the rendered `docx`: the .docx
    itself, its PDF, or one PNG per page (``OUT-1.png`` …); RenderError ``output.extension`` for
    an extension congvan cannot write (never a .docx under another name)."""
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_EXTENSIONS:
        raise RenderError(f"{path.name}: congvan không ghi được định dạng "
                          f"{shorten(suffix or '(không có phần mở rộng)')}; dùng .docx, .pdf "
                          f"hoặc .png (unsupported output extension)", code="output.extension")
    if pdf_a and suffix != ".pdf":  # never a flag silently ignored
        raise RenderError(f"{path.name}: PDF/A chỉ dùng với tệp .pdf (pdf_a needs a .pdf output)",
                          code="output.pdf_a")
    if suffix == ".docx":
        return [(path, docx)]
    from ..export import to_pdf, to_png  # LibreOffice only when a PDF or PNG is asked for

    if suffix == ".pdf":
        return [(path, to_pdf(docx, pdf_a=pdf_a))]
    pages = to_png(docx)
    return [(path.with_name(f"{path.stem}-{i}{path.suffix}"), png)
            for i, png in enumerate(pages, start=1)]


def write_all(target: IO[bytes], data: bytes) -> None:
    """Write all of `data` to the binary file object `target`, then flush it.

    ``write()`` may take fewer bytes than given (a raw or non-blocking file), return None or raise
    BlockingIOError (would block): the rest is written once the descriptor is writable again.
    Without a descriptor to wait on, a write that takes nothing is an error, not a loop.
    """
    if isinstance(target, io.TextIOBase):
        raise RenderError("cần tệp nhị phân (mở với 'wb'), không phải tệp văn bản "
                          "(a binary file object is needed)", code="output.text_mode")
    try:
        _write_through(target, data)
        _flush(target)
    except RenderError:
        raise
    except BrokenPipeError:
        raise RenderError("đầu ra đã đóng (the reader went away)",
                          code="output.broken_pipe") from None
    except (OSError, ValueError) as exc:  # ValueError: a closed file
        raise RenderError(f"không ghi được đầu ra: {getattr(exc, 'strerror', None) or exc} "
                          f"(cannot write output)", code="output.write") from None


def _write_through(target: IO[bytes], data: bytes) -> None:
    """Write every byte of `data`, waiting when a write takes none."""
    view = memoryview(data)
    while view:
        try:
            written = target.write(view)
        except BlockingIOError as exc:
            written = exc.characters_written
        if written:
            view = view[written:]
        else:
            _wait_writable(target)


def _flush(target: IO[bytes]) -> None:
    """Flush `target` (if it can be), waiting while it would block."""
    while True:
        try:
            if hasattr(target, "flush"):
                target.flush()
            break
        except BlockingIOError:
            _wait_writable(target)


def _wait_writable(target: IO[bytes]) -> None:
    try:
        fd = target.fileno()
    except (AttributeError, OSError, ValueError):
        raise RenderError("đầu ra không nhận thêm dữ liệu (output accepted no bytes)",
                          code="output.write") from None
    select.select([], [fd], [])
