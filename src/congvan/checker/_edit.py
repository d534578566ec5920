"""Reading, copying and writing an existing .docx that congvan edits: ``check --fix`` and
``congvan copy`` (ban_sao.py) share it, with its limits and its refusals.

The input is read once, with limits lower than ``check``'s (fixing holds two views of the document
and the new zip at once); parts not replaced are copied member by member (inflating at most
``_COPY_LIMIT`` bytes); the output is assembled in memory, then written atomically. An output that
is the input (through a symlink, ``..`` or a hard link), a folder or not a regular file is refused
before any work.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from os import PathLike
from typing import IO, Any, cast

from lxml import etree

from .._files import FileRefused, read_regular, same_file, write_atomic
from ..errors import DocxReadError, RenderError, shorten
from ._package import CORRUPT, MAX_RATIO, SourceType
from ._xml import Element

__all__ = ["MAX_FIX_FILE_BYTES", "MAX_FIX_PART_BYTES", "MAX_FIX_TOTAL_BYTES", "check_output",
           "copy_package", "input_bytes", "serialise", "write_output"]

#: Largest .docx ``fix`` reads (``check`` takes up to ``_package.MAX_FILE_BYTES``): the input, the
#: output and the media copied between them are all in memory at once.
MAX_FIX_FILE_BYTES = 40 * 1024 * 1024
#: Largest XML part ``fix`` reads, inflated. A 300-page text's document.xml is about 5 MiB; the
#: views of a dense 8 MiB part cost about 0.5 GB, twice over while the output is re-checked.
MAX_FIX_PART_BYTES = 8 * 1024 * 1024
#: All XML parts ``fix`` reads, inflated together.
MAX_FIX_TOTAL_BYTES = 16 * 1024 * 1024

_COPY_LIMIT = 4 * MAX_FIX_FILE_BYTES


def serialise(root: Element) -> bytes:
    """Return the XML part whose root is `root`, with its declaration (as Word writes it)."""
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                          standalone=True)


def copy_package(source: SourceType, replaced: dict[str, bytes]) -> bytes:
    """Return the .docx `source` with the parts of `replaced` (name → bytes) replaced and every
    other member copied as it is, inflating at most ``_COPY_LIMIT`` bytes."""
    src: Any = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    if hasattr(src, "seek"):
        src.seek(0)
    out = io.BytesIO()
    try:
        _copy_members(src, out, replaced)
    except CORRUPT as exc:  # a member the check never read (media) may be the broken one
        raise DocxReadError(f"tệp bị hỏng, không sao chép được ({shorten(str(exc), 200)}) "
                            "(a member of the file is corrupt)", code="docx.corrupt_part") from None
    return out.getvalue()


def _copy_members(src: Any, out: IO[bytes], replaced: dict[str, bytes]) -> None:
    total = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replaced:
                zout.writestr(info, replaced[info.filename], compress_type=zipfile.ZIP_DEFLATED)
                continue
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise DocxReadError(f"phần {info.filename} giải nén quá lớn (zip bomb?) "
                                    f"(part {info.filename} inflates beyond the limit)",
                                    code="docx.bomb")
            with zin.open(info) as fin, zout.open(info, "w") as fout:
                while chunk := fin.read(1 << 20):
                    total += len(chunk)
                    if total > _COPY_LIMIT:
                        raise DocxReadError("tệp giải nén quá lớn (the file inflates beyond the "
                                            "limit)", code="docx.bomb")
                    fout.write(chunk)


def _size(exc: FileRefused) -> int:
    """The size in bytes a ``too_large`` refusal reports (0 when it names none)."""
    return exc.size if isinstance(exc.size, int) else 0


def _read_input(path: str | PathLike[str], name: str) -> bytes:
    """Return the bytes of the .docx at `path`: a regular file, at most ``MAX_FIX_FILE_BYTES``."""
    try:
        return read_regular(path, MAX_FIX_FILE_BYTES)
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise DocxReadError(
                f"{name} quá lớn để sửa ({_size(exc) / 2**20:.0f} MiB; --fix đọc tối đa "
                f"{MAX_FIX_FILE_BYTES // 2**20} MiB) ({name} is too large to fix)",
                code="docx.too_large") from None
        raise DocxReadError(f"{name} không phải tệp thường (FIFO, thiết bị…): không đọc "
                            f"({name} is not a regular file; refused)",
                            code="docx.not_regular") from None
    except FileNotFoundError:
        raise DocxReadError(f"không tìm thấy tệp {name} (file {name} not found)",
                            code="docx.not_found") from None
    except IsADirectoryError:
        raise DocxReadError(f"{name} là thư mục, không phải tệp .docx ({name} is a directory)",
                            code="docx.is_directory") from None
    except OSError as exc:
        raise DocxReadError(f"không đọc được {name}: {exc.strerror or exc} (cannot read {name})",
                            code="docx.unreadable") from None


def input_bytes(source: SourceType, name: str | None) -> tuple[bytes, str | None]:
    """Return the bytes `fix` works on (a path or stream read once, within its limit) and the name
    messages give them."""
    if isinstance(source, (bytes, bytearray)):
        return bytes(source), name
    if not hasattr(source, "read"):
        name = name or str(source)
        return _read_input(cast("str | PathLike[str]", source), name), name
    stream = cast("IO[bytes]", source)
    name = name or getattr(stream, "name", None) or "<stream>"
    data = cast(object, stream.read(MAX_FIX_FILE_BYTES + 1))  # a text stream gives str
    if not isinstance(data, (bytes, bytearray)):
        raise DocxReadError(f"{name}: cần tệp mở ở chế độ nhị phân (a binary stream is needed)",
                            code="docx.unreadable")
    return bytes(data), name


def check_output(source: SourceType, output: str | PathLike[str]) -> None:
    """Refuse an output that is the input, or a folder, before any work is done."""
    if not isinstance(source, (bytes, bytearray)) and not hasattr(source, "read") and (
            same_file(cast("str | PathLike[str]", source), output)):
        raise RenderError(f"tệp kết quả {output} chính là tệp đầu vào: không ghi đè "
                          f"(the output is the input; refused)", code="fix.output_is_input")
    if os.path.isdir(output):
        raise RenderError(f"{output} là thư mục: cần tên tệp .docx cho -o "
                          f"(the output is a directory)", code="fix.output_is_directory")
    try:
        mode = os.stat(output).st_mode
    except OSError:
        return  # absent (or a dangling link): a new file
    if not stat.S_ISREG(mode):  # the rename would replace a device or FIFO, e.g. /dev/null
        raise RenderError(f"{output} không phải tệp thường (thiết bị, FIFO…): không ghi "
                          f"(the output is not a regular file)", code="fix.output_not_regular")


def write_output(output: str | PathLike[str] | IO[bytes], data: bytes) -> None:
    """Write `data` to `output`: a path atomically, a stream in full; RenderError
    ``fix.write_failed`` when it cannot (a previous file is left intact)."""
    name = str(getattr(output, "name", output))
    try:
        if hasattr(output, "write"):
            stream = cast("IO[bytes]", output)
            view = memoryview(data)
            while view:  # a raw or non-blocking stream may take part of it
                # -- typed int, but a non-blocking raw stream returns None when it would block
                n = cast("int | None", stream.write(view))
                if n is None:  # buffered writers take everything or raise
                    break
                view = view[n:]
        else:
            write_atomic(cast("str | PathLike[str]", output), data)
    except OSError as exc:
        raise RenderError(f"không ghi được tệp {name}: {exc.strerror or exc} "
                          f"(cannot write the output; the previous file, if any, is unchanged)",
                          code="fix.write_failed") from None
