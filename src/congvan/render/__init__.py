"""Rendering: a document model → its context → a compiled docxtpl template → .docx bytes.

>>> from congvan.io import load
>>> data = render_bytes(load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> data[:2]
b'PK'
"""

from __future__ import annotations

from functools import cache, lru_cache
from os import PathLike
from pathlib import Path
from typing import IO, Any

from ..context import CONTEXT_KEYS, build_context
from ..errors import RenderError
from ..models import VanBan
from ..rules import LAYOUT
from .layout import Picture, dynamic_parts, picture
from .template import Template, builtin_template

__all__ = ["Template", "render", "render_bytes"]

#: Keys a template may use: the formatted context plus the per-document geometry of layout.py.
TEMPLATE_KEYS = CONTEXT_KEYS | {"duong_ke_co_quan", "dau_do_mat", "dau_do_khan",
                                "dau_pham_vi_luu_hanh", "cho_ky"}


@cache
def _builtin(name: str) -> Template:
    """Return the shipped template `name`, compiled and checked once per process."""
    tpl = builtin_template(name)
    tpl.check(TEMPLATE_KEYS)
    return tpl


def _template_for(doc: VanBan, template: Template | None) -> Template:
    if template is None:
        return _builtin(doc.loai_van_ban)
    template.check(TEMPLATE_KEYS)  # a user's template: name what it uses that congvan lacks
    return template


def render_bytes(doc: VanBan, *, template: Template | None = None) -> bytes:
    """Return the .docx of `doc` as bytes, made with `template` or the shipped one for its type."""
    if not isinstance(doc, VanBan):
        raise TypeError(f"render() takes a congvan document model, not {type(doc).__name__}; "
                        "use congvan.load() or congvan.validate() first")
    tpl = _template_for(doc, template)
    context: dict[str, Any] = build_context(doc)
    signature, seal = _pictures(doc)
    context.update(dynamic_parts(context, signature, seal))
    return tpl.render(context, [p for p in (signature, seal) if p is not None])


def _read_image(path: Path) -> bytes:
    """Return the bytes of an image, read once per version of the file: a batch of thousands of
    letters usually carries one signature and one seal."""
    stat = path.stat()
    return _read_image_version(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _read_image_version(path: Path, mtime_ns: int, size: int) -> bytes:
    return path.read_bytes()


def _pictures(doc: VanBan) -> tuple[Picture | None, Picture | None]:
    """Return the signature and seal images of `doc` (ô 7c, ô 8), sized for the page."""
    signature = seal = None
    try:
        if doc.nguoi_ky.anh_chu_ky:
            signature = picture("rIdCongvanChuKy", "media/congvan_chu_ky.png",
                                _read_image(doc.nguoi_ky.anh_chu_ky),
                                max_mm=(LAYOUT.signature_width, LAYOUT.signature_height))
        if doc.dau_co_quan:
            # Actual size (PL I §II.8.a): the seal's width on paper, as the user gives it.
            seal = picture("rIdCongvanDau", "media/congvan_dau.png", _read_image(doc.dau_co_quan.hinh_anh),
                           width_mm=doc.dau_co_quan.rong_mm)
    except OSError as exc:
        raise RenderError(f"không đọc được ảnh {exc.filename}: {exc.strerror}") from exc
    return signature, seal


def render(doc: VanBan, target: str | PathLike[str] | IO[bytes], *,
           template: Template | None = None) -> None:
    """Render `doc` to `target`, a path or a binary file object.

    The document is rendered in full before anything is written, so a failure leaves no partial file.
    """
    data = render_bytes(doc, template=template)
    if hasattr(target, "write"):
        target.write(data)  # type: ignore[union-attr]
        return
    path = Path(target)  # type: ignore[arg-type]
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise RenderError(f"không ghi được tệp {path}: {exc.strerror}") from exc
