"""Signature and seal images (PL I §II.7.d, §II.8.a): PNG files read as hostile input.

An image path in a spec comes from whoever wrote the spec, so the file is read with
``_files.read_regular`` (regular files only, at most ``MAX_IMAGE_BYTES``, checked before and while
reading) and the PNG is checked in full before it goes into a .docx: signature, chunk lengths and
CRCs, a sane IHDR (``MAX_IMAGE_SIDE``, ``MAX_IMAGE_PIXELS``, ``MAX_ASPECT_RATIO``), IDAT present,
IEND reached, and the image data inflated (streamed, never more than the IHDR promises) to the
exact size the IHDR implies, so a truncated file is refused rather than embedded as an undecodable
picture.
No imaging library is needed for that: ``zlib`` and ``struct`` are the whole format.

Functions raise ``ImageError`` with a stable ``reason``; the model turns it into a problem on the
field (``hinh_anh.*``), the renderer into ``RenderError`` (the file changed after validation).

>>> import struct, zlib
>>> def chunk(kind, data):
...     crc = struct.pack(">I", zlib.crc32(kind + data))
...     return struct.pack(">I", len(data)) + kind + data + crc
>>> ihdr = struct.pack(">IIBBBBB", 2, 1, 8, 6, 0, 0, 0)
>>> good = (PNG_SIGNATURE + chunk(b"IHDR", ihdr)
...         + chunk(b"IDAT", zlib.compress(b"\\0" + bytes(8))) + chunk(b"IEND", b""))
>>> check_png(good)
(2, 1)
>>> check_png(good[:-12])
Traceback (most recent call last):
...
congvan.errors.ImageError: ảnh PNG bị cắt cụt: không có phần kết thúc IEND (truncated PNG: no IEND)
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ._files import FileRefused, read_regular
from .errors import ImageError

__all__ = [
    "MAX_ASPECT_RATIO", "MAX_IMAGE_BYTES", "MAX_IMAGE_PIXELS", "MAX_IMAGE_SIDE", "PNG_SIGNATURE",
    "ImageError", "Png", "check_png", "read_png",
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Largest image file read (a scanned signature or seal is a few hundred KB).
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: Largest width or height in pixels (a 60 mm seal at 1200 dpi is 2,835 px).
MAX_IMAGE_SIDE = 10_000
#: Largest width × height: bounds the inflated image data checked (at most 8 bytes a pixel).
MAX_IMAGE_PIXELS = 25_000_000
#: Longest side / shortest side: a signature or seal is not a line.
MAX_ASPECT_RATIO = 10

# Colour type → (channels, allowed bit depths), PNG spec §11.2.2.
_COLOUR = {0: (1, (1, 2, 4, 8, 16)), 2: (3, (8, 16)), 3: (1, (1, 2, 4, 8)),
           4: (2, (8, 16)), 6: (4, (8, 16))}
# Adam7 passes: x0, y0, dx, dy.
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
          (0, 1, 1, 2))
_INFLATE_CHUNK = 1 << 20


@dataclass(frozen=True)
class Png:
    """A checked PNG: its bytes and its size in pixels."""

    data: bytes
    width: int
    height: int


def _fail(reason: str, vi: str, en: str) -> ImageError:
    return ImageError(reason, f"{vi} ({en})")


def _raw_size(width: int, height: int, bits_per_pixel: int, interlace: int) -> int:
    """Return the size of the filtered image data the IHDR implies (one filter byte a row)."""
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        w = (width - x0 + dx - 1) // dx if width > x0 else 0
        h = (height - y0 + dy - 1) // dy if height > y0 else 0
        if w and h:
            total += h * (1 + (w * bits_per_pixel + 7) // 8)
    return total


@dataclass
class _Chunks:
    """What check_png gathers from a PNG's chunks, in file order."""

    header: tuple[int, ...] | None = None
    idat: list[bytes] = field(default_factory=list[bytes])
    idat_done: bool = False
    has_palette: bool = False
    seen_iend: bool = False

    def add(self, kind: bytes, body: bytes) -> None:
        if kind == b"IHDR":
            if self.header is not None or len(body) != 13:
                raise _fail("corrupt", "ảnh PNG hỏng: phần IHDR sai", "bad PNG IHDR chunk")
            self.header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            self.has_palette = True
        elif kind == b"IDAT":
            if self.idat_done:
                raise _fail("corrupt", "ảnh PNG hỏng: dữ liệu ảnh IDAT không liền nhau",
                            "PNG IDAT chunks not consecutive")
            self.idat.append(body)
        elif kind == b"IEND":
            self.seen_iend = True
        if self.idat and kind != b"IDAT":
            self.idat_done = True


def _read_chunks(data: bytes) -> tuple[tuple[int, ...], _Chunks]:
    """Read the chunks after the signature up to IEND; refuse a PNG cut short or without IHDR.
    Return the IHDR fields and what the chunks hold."""
    chunks = _Chunks()
    pos = 8
    while pos < len(data) and not chunks.seen_iend:
        kind, body, pos = _next_chunk(data, pos, first=chunks.header is None)
        chunks.add(kind, body)
    if chunks.header is None:
        raise _fail("truncated", "ảnh PNG bị cắt cụt: không có phần IHDR",
                    "truncated PNG: no IHDR")
    if not chunks.seen_iend:
        raise _fail("truncated", "ảnh PNG bị cắt cụt: không có phần kết thúc IEND",
                    "truncated PNG: no IEND")
    return chunks.header, chunks


def _next_chunk(data: bytes, pos: int, *, first: bool) -> tuple[bytes, bytes, int]:
    """Return the type and body of the chunk at `pos` and where the next one starts; its length
    and CRC checked, and (the `first` chunk) that it is IHDR."""
    end = len(data)
    if pos + 8 > end:
        raise _fail("truncated", "ảnh PNG bị cắt cụt giữa một phần", "truncated PNG chunk")
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body_end = pos + 8 + length
    if length > 0x7FFFFFFF or body_end + 4 > end:
        raise _fail("truncated", "ảnh PNG bị cắt cụt giữa một phần", "truncated PNG chunk")
    body = data[pos + 8:body_end]
    (crc,) = struct.unpack(">I", data[body_end:body_end + 4])
    if zlib.crc32(kind + body) != crc:
        raise _fail("corrupt", f"ảnh PNG hỏng: sai mã kiểm tra phần {kind!r}",
                    "PNG chunk CRC mismatch")
    if first and kind != b"IHDR":
        raise _fail("corrupt", "ảnh PNG hỏng: phần đầu không phải IHDR",
                    "PNG without IHDR first")
    return kind, body, body_end + 4


def check_png(data: bytes) -> tuple[int, int]:
    """Return (width, height) of the PNG `data`; raise ImageError unless it is a whole, sane PNG."""
    if data[:8] != PNG_SIGNATURE:
        raise _fail("not_png", "tệp không phải ảnh PNG", "not a PNG file")
    header, chunks = _read_chunks(data)
    idat = chunks.idat
    width, height, depth, colour, compression, filtering, interlace = header
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE
            and width * height <= MAX_IMAGE_PIXELS):
        raise _fail("dimensions", f"kích thước ảnh {width} × {height} điểm ảnh không hợp lý (mỗi "
                    f"chiều 1–{MAX_IMAGE_SIDE}, tổng tối đa {MAX_IMAGE_PIXELS:,} điểm ảnh)",
                    "PNG dimensions out of range")
    if max(width, height) > MAX_ASPECT_RATIO * min(width, height):
        raise _fail("aspect", f"ảnh {width} × {height} điểm ảnh quá dẹt (tỉ lệ tối đa "
                    f"{MAX_ASPECT_RATIO}:1)", "PNG aspect ratio out of range")
    spec = _COLOUR.get(colour)
    if (spec is None or depth not in spec[1] or compression != 0 or filtering != 0
            or interlace not in (0, 1) or (colour == 3 and not chunks.has_palette)):
        raise _fail("corrupt", "ảnh PNG hỏng: phần IHDR khai báo kiểu ảnh không hợp lệ",
                    "invalid PNG colour type, depth or method")
    if not idat:
        raise _fail("truncated", "ảnh PNG không có dữ liệu ảnh (IDAT)", "PNG without IDAT")
    _check_image_data(b"".join(idat), _raw_size(width, height, spec[0] * depth, interlace))
    return width, height


def _check_image_data(stream: bytes, expected: int) -> None:
    """Inflate `stream` in bounded steps, keeping nothing: it must give exactly `expected` bytes."""
    inflater = zlib.decompressobj()
    produced = 0
    try:
        while stream:
            produced += len(inflater.decompress(stream, _INFLATE_CHUNK))
            if produced > expected:
                raise _fail("corrupt", "ảnh PNG hỏng: dữ liệu ảnh dài hơn kích thước khai báo",
                            "PNG image data longer than its IHDR says")
            stream = inflater.unconsumed_tail
    except zlib.error:
        raise _fail("corrupt", "ảnh PNG hỏng: dữ liệu ảnh không giải nén được",
                    "PNG image data does not inflate") from None
    if not inflater.eof or produced != expected:
        raise _fail("truncated", "ảnh PNG bị cắt cụt: thiếu dữ liệu ảnh",
                    "truncated PNG image data")


def read_png(path: str | os.PathLike[str]) -> Png:
    """Return the checked PNG at `path`, read once per version of the file (a batch of thousands
    of letters usually carries one signature and one seal); raise ImageError otherwise."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _fail("unreadable", f"không đọc được tệp ảnh ({exc.strerror})",
                    "cannot read image") from None
    return _read_version(Path(path), info.st_ino, info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=16)
def _read_version(path: Path, inode: int, mtime_ns: int, size: int) -> Png:
    try:
        data = read_regular(path, MAX_IMAGE_BYTES)
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise _fail("too_large", f"ảnh lớn hơn {MAX_IMAGE_BYTES // 2**20} MB",
                        "image too large") from None
        raise _fail("not_regular", "không phải tệp thường (là thư mục, FIFO hoặc thiết bị)",
                    "not a regular file") from None
    except OSError as exc:
        raise _fail("unreadable", f"không đọc được tệp ảnh ({exc.strerror})",
                    "cannot read image") from None
    width, height = check_png(data)
    return Png(data, width, height)
