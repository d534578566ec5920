"""Safe reading of a .docx package (an OPC zip) for the checker.

A file given to ``congvan check`` may come from anywhere, so it is read as hostile input:

- A path must name a regular file: a FIFO, a device (``/dev/zero``) or a socket is refused at once,
  without blocking, and the size is checked (through the opened descriptor) before anything is read.
- Its first bytes are looked at before it is opened as a zip: a Word 97–2003 .doc (an OLE
  compound file) or an RTF file is refused with "save as .docx" (``docx.doc``, ``docx.rtf``).
  Python's zipfile finds a zip's end record anywhere near the end of a file, so without this the
  theme zip a modern Word embeds in a .doc was opened as the document.
- It must be a zip holding a Word document: a zip whose main part ``[Content_Types].xml`` does not
  declare as a WordprocessingML document, or whose main part is not a ``w:document``, is refused
  (``docx.not_word``; e.g. the theme-only zip of a .doc, an .xlsx).
- Only the parts the checker needs are inflated (the main document, styles, theme, settings,
  numbering, headers and footers, and ``docProps/app.xml`` for the page count); images and other
  media are never read.
- Each part is inflated through a counting stream and refused past ``MAX_PART_BYTES`` whatever size
  the zip claims; the parts read together are refused past ``MAX_TOTAL_BYTES``; a part whose
  declared compression ratio exceeds ``MAX_RATIO`` (and that inflates past 1 MiB) is refused before
  it is inflated. Memory and time are bounded by these numbers, not by the file.
- Files larger than ``MAX_FILE_BYTES`` and zips with more than ``MAX_MEMBERS`` members are refused.
- XML is parsed by lxml with entity resolution, DTD loading and network access off and ``huge_tree``
  off; a part with a DOCTYPE or an entity declaration is refused outright (an Office part never has
  one), so no entity is ever resolved.

Every refusal raises ``DocxReadError`` with a stable ``code`` (``docx.not_zip``, ``docx.too_large``,
``docx.bomb``…) and a Vietnamese message with the English gloss.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO, Protocol, Union, cast

from lxml import etree

from ..errors import DocxReadError, shorten
from ._xml import Element

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "Package",
    "read_package",
]

#: Largest .docx accepted (on disk). Media count towards it but are never inflated.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: Largest XML part, once inflated. Word's document.xml for a 300-page text is about 5 MiB.
MAX_PART_BYTES = 32 * 1024 * 1024
#: All the XML parts read, inflated together.
MAX_TOTAL_BYTES = 64 * 1024 * 1024
#: Declared inflated/compressed ratio refused for parts over 1 MiB (plain XML deflates 5–30 times).
MAX_RATIO = 200
MAX_MEMBERS = 10_000

SourceType = Union[str, "os.PathLike[str]", bytes, IO[bytes]]

NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT = RT + "officeDocument"
_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

#: What reading a member of a broken zip raises: a bad CRC, unknown compression or encryption,
#: a truncated or garbled deflate stream (zlib.error).
CORRUPT = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError,
           ValueError, OSError, zlib.error)

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _fail(vi: str, en: str, code: str = "docx.unreadable") -> DocxReadError:
    return DocxReadError(f"{vi} ({en})", code=code)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, remove_pis=True)


class _DocInfo(Protocol):
    """The part of lxml's DocInfo read here (lxml-stubs lacks ``doctype``)."""

    @property
    def doctype(self) -> str: ...

    @property
    def internalDTD(self) -> object: ...


def parse_xml(data: bytes, name: str) -> Element:
    """Return the root element of the XML `data`; raise DocxReadError if it is hostile or broken."""
    if _DTD.search(data) or _DTD.search(data.replace(b"\x00", b"")):
        raise _fail(f"phần {name} có khai báo DOCTYPE/ENTITY, không được chấp nhận",
                    f"part {name} declares a DOCTYPE or entity; refused", "docx.dtd")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _fail(f"phần {name} không phải XML hợp lệ: {shorten(str(exc), 200)}",
                    f"part {name} is not well-formed XML", "docx.bad_xml") from None
    info = cast(_DocInfo, root.getroottree().docinfo)
    if info.doctype or info.internalDTD is not None:
        raise _fail(f"phần {name} có khai báo DOCTYPE, không được chấp nhận",
                    f"part {name} declares a DOCTYPE; refused", "docx.dtd")
    return root


@dataclass
class Package:
    """The parts of a .docx the checker reads: XML roots by part name, plus the main part's rels."""

    name: str
    main: str  # part name of the main document, e.g. "word/document.xml"
    parts: dict[str, Element] = field(default_factory=dict[str, Element])
    # rId -> (type, part name)
    rels: dict[str, tuple[str, str]] = field(default_factory=dict[str, tuple[str, str]])
    app: str | None = None  # part name of the extended properties (docProps/app.xml), if read

    def part_of_type(self, suffix: str) -> str | None:
        """Return the part name of the first main-part relationship whose type ends in `suffix`."""
        for rtype, target in self.rels.values():
            if rtype.endswith("/" + suffix) and target in self.parts:
                return target
        return None


def _open_file(path: str | os.PathLike[str], name: str, max_bytes: int) -> IO[bytes]:
    """Open the regular file `path` for reading; refuse anything else, or a file over `max_bytes`.

    Opened non-blocking and inspected through the descriptor (no race between a check and the
    open): a FIFO never blocks, ``/dev/zero`` is never read. The same checks as
    ``congvan._files.read_regular``, without reading the whole file into memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(f"{name} là thư mục, không phải tệp .docx", f"{name} is a directory",
                        "docx.is_directory")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(f"{name} không phải tệp thường (FIFO, thiết bị…): không đọc",
                        f"{name} is not a regular file; refused", "docx.not_regular")
        if info.st_size > max_bytes:
            raise _too_big(name, info.st_size, max_bytes)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


#: The first bytes of the files people take for a .docx and are not one (the OLE compound file of a
#: Word 97–2003 .doc, RTF), with the refusal's code.
_NOT_DOCX = ((bytes.fromhex("D0CF11E0A1B11AE1"), "docx.doc", "Word 97–2003 (.doc)"),
             (b"{\\rtf", "docx.rtf", "RTF"))
_SAVE_AS = "mở bằng Word hoặc LibreOffice và Lưu thành .docx (Save As .docx)"


def _sniff(fileobj: IO[bytes], name: str) -> None:
    """Refuse `fileobj` when its first bytes say it is a .doc or an RTF file (position kept)."""
    start = fileobj.tell()
    head = fileobj.read(8)
    fileobj.seek(start)
    for magic, code, kind in _NOT_DOCX:
        if head.startswith(magic):
            raise _fail(f"{name} là tệp {kind}, không phải .docx: {_SAVE_AS}",
                        f"{name} is a {kind} file, not a .docx; save it as .docx", code)


def open_source(source: SourceType, name: str,
                max_bytes: int) -> tuple[zipfile.ZipFile, IO[bytes] | None]:
    """Return the zip of `source` and the file congvan opened for it (to close after the zip)."""
    owned: IO[bytes] | None = None
    try:
        if isinstance(source, (bytes, bytearray)):
            if len(source) > max_bytes:
                raise _too_big(name, len(source), max_bytes)
            fileobj: IO[bytes] = io.BytesIO(source)
        elif hasattr(source, "read"):
            fileobj = cast("IO[bytes]", source)
        else:
            fileobj = owned = _open_file(cast("str | os.PathLike[str]", source), name, max_bytes)
        _sniff(fileobj, name)
        return zipfile.ZipFile(fileobj), owned
    except BaseException as exc:
        if owned is not None:
            owned.close()
        if isinstance(exc, DocxReadError) or not isinstance(exc, Exception):
            raise
        raise _open_error(exc, name) from None


def _open_error(exc: Exception, name: str) -> DocxReadError:
    if isinstance(exc, FileNotFoundError):
        return _fail(f"không tìm thấy tệp {name}", f"file {name} not found", "docx.not_found")
    if isinstance(exc, IsADirectoryError):
        return _fail(f"{name} là thư mục, không phải tệp .docx", f"{name} is a directory",
                     "docx.is_directory")
    if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError,
                        NotImplementedError)):
        return _fail(f"{name} không phải tệp .docx (không phải tệp zip)",
                     f"{name} is not a .docx (not a zip file)", "docx.not_zip")
    if isinstance(exc, OSError):
        return _fail(f"không đọc được {name}: {exc.strerror or exc}", f"cannot read {name}",
                     "docx.unreadable")
    raise exc


def _too_big(name: str, size: int, limit: int) -> DocxReadError:
    return _fail(f"{name} quá lớn ({size / 2**20:.0f} MiB; tối đa {limit // 2**20} MiB)",
                 f"{name} is too large", "docx.too_large")


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, name: str, part_limit: int,
                 total_limit: int) -> None:
        self.zf = zf
        self.name = name
        self.part_limit, self.total_limit = part_limit, total_limit
        self.total = 0
        self.infos = {i.filename: i for i in zf.infolist()}

    def read(self, part: str) -> bytes | None:
        info = self.infos.get(part)
        if info is None:
            return None
        if (info.file_size > self.part_limit
                or (info.file_size > 2**20
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1))):
            raise self._bomb(part)
        limit = min(self.part_limit, self.total_limit - self.total)
        try:
            with self.zf.open(info) as stream:
                data = stream.read(limit + 1)
        except CORRUPT as exc:
            raise _fail(f"phần {part} trong {self.name} bị hỏng ({shorten(str(exc), 200)})",
                        f"part {part} is corrupt or encrypted", "docx.corrupt_part") from None
        if len(data) > limit:
            raise self._bomb(part)
        self.total += len(data)
        return data

    def _bomb(self, part: str) -> DocxReadError:
        return _fail(f"phần {part} của {self.name} giải nén quá lớn (có thể là zip bomb; tối đa "
                     f"{self.part_limit // 2**20} MiB mỗi phần, {self.total_limit // 2**20} MiB "
                     f"tổng)", f"part {part} inflates beyond the limit (zip bomb?)", "docx.bomb")


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _read_rels(reader: _Reader, part: str) -> dict[str, tuple[str, str]]:
    name = _rels_name(part)
    data = reader.read(name)
    if data is None:
        return {}
    root = parse_xml(data, name)
    base = posixpath.dirname(part)
    out: dict[str, tuple[str, str]] = {}
    for rel in root.iter(f"{{{NS_REL}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(base, target))
        out[rel.get("Id") or ""] = (rel.get("Type") or "", target)
    return out


_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
#: Content types of a Word main part (document, template, macro-enabled; ECMA-376 Part 1 §11.3).
_WORD_MAIN = re.compile(r"^application/vnd\.(openxmlformats-officedocument\.wordprocessingml|"
                        r"ms-word)\.[\w.]*main\+xml$", re.IGNORECASE)


def _not_word(name: str, why: str) -> DocxReadError:
    return _fail(f"{name} không phải văn bản Word ({why}): {_SAVE_AS}",
                 f"{name} is not a Word document; save it as .docx", "docx.not_word")


def _check_content_type(reader: _Reader, main: str) -> None:
    """Refuse a package whose ``[Content_Types].xml`` declares `main` as something else than a Word
    document (a theme, a workbook). A package without one is judged by its main part alone."""
    data = reader.read("[Content_Types].xml")
    if data is None:
        return
    root = parse_xml(data, "[Content_Types].xml")
    for override in root.iter(f"{{{_CONTENT_TYPES}}}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == main.lower():  # OPC: any case
            if not _WORD_MAIN.match((override.get("ContentType") or "").strip()):
                raise _not_word(reader.name, f"phần chính {shorten(main, 80)} là "
                                      f"{shorten(override.get('ContentType') or '?', 80)}")
            return
    raise _not_word(reader.name,
                    f"[Content_Types].xml không khai báo phần chính {shorten(main, 80)}")


_WANTED = ("/styles", "/theme", "/settings", "/numbering", "/header", "/footer")


def _source_name(source: SourceType) -> str:
    """The name messages give `source`: its path, its stream's name, or a placeholder."""
    if isinstance(source, (bytes, bytearray)):
        return "<bytes>"
    given = getattr(source, "name", None)
    if given:
        return given
    return str(source) if not hasattr(source, "read") else "<stream>"


def _main_and_app(reader: _Reader) -> tuple[str, str | None]:
    """Return the main document part and the extended-properties part the package rels name."""
    main = "word/document.xml"
    app = None
    for rtype, target in _read_rels(reader, "").values():
        if rtype in (_OFFICE_DOCUMENT, _STRICT_OFFICE_DOCUMENT) and target in reader.infos:
            main = target
        elif rtype.endswith("/extended-properties") and target in reader.infos:
            app = target
    return main, app


def _read_wanted(reader: _Reader, pkg: Package) -> None:
    """Read the parts the main document relates to that the checker needs (``_WANTED``)."""
    for rtype, target in pkg.rels.values():
        if rtype.endswith(_WANTED) and target not in pkg.parts:
            part = reader.read(target)
            if part is not None:
                pkg.parts[target] = parse_xml(part, target)


def read_package(source: SourceType, name: str | None = None, *,
                 limits: tuple[int, int, int] | None = None) -> Package:
    """Return the checker's parts of the .docx `source` (a path, bytes or a binary file).

    `limits` are the file, part and total sizes refused beyond (default ``MAX_FILE_BYTES``,
    ``MAX_PART_BYTES``, ``MAX_TOTAL_BYTES``; ``fix`` passes lower ones).
    Raise DocxReadError, with a message for a clerk, when the file is not a readable .docx.
    """
    if name is None:
        name = _source_name(source)
    max_file, max_part, max_total = limits or (MAX_FILE_BYTES, MAX_PART_BYTES, MAX_TOTAL_BYTES)
    zf, owned = open_source(source, name, max_file)
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(f"{name} có quá nhiều phần ({len(infos)})", f"{name} has too many members",
                        "docx.too_many_members")
        reader = _Reader(zf, name, max_part, max_total)
        main, app = _main_and_app(reader)
        data = reader.read(main)
        if data is None:
            raise _fail(f"{name} không có phần word/document.xml: không phải văn bản Word",
                        f"{name} has no word/document.xml; not a Word document", "docx.no_document")
        _check_content_type(reader, main)
        pkg = Package(name=name, main=main)
        pkg.parts[main] = parse_xml(data, main)
        if etree.QName(pkg.parts[main]).localname != "document":
            raise _not_word(name, f"phần chính {shorten(main, 80)} không phải w:document")
        pkg.rels = _read_rels(reader, main)
        _read_wanted(reader, pkg)
        if app is not None and app not in pkg.parts:
            part = reader.read(app)
            if part is not None:
                pkg.parts[app] = parse_xml(part, app)
                pkg.app = app
        return pkg
    finally:
        zf.close()
        if owned is not None:
            owned.close()
