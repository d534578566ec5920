"""Safe reading of a .docx package (an OPC zip) for the checker.

A file given to ``congvan check`` may come from anywhere, so it is read as hostile input:

- It must be a zip; anything else is refused.
- Only the parts the checker needs are inflated (the main document, styles, theme, settings, numbering,
  headers and footers, and ``docProps/app.xml`` for the page count); images and other media are
  never read.
- Each part is inflated through a counting stream and refused past ``MAX_PART_BYTES`` whatever size the
  zip claims; the parts read together are refused past ``MAX_TOTAL_BYTES``; a part whose declared
  compression ratio exceeds ``MAX_RATIO`` (and that inflates past 1 MiB) is refused before it is inflated.
  Memory and time are bounded by these numbers, not by the file.
- Files larger than ``MAX_FILE_BYTES`` and zips with more than ``MAX_MEMBERS`` members are refused.
- XML is parsed by lxml with entity resolution, DTD loading and network access off and ``huge_tree``
  off; a part with a DOCTYPE or an entity declaration is refused outright (an Office part never has
  one), so no entity is ever resolved.

Every refusal raises ``DocxReadError`` with a Vietnamese message and the English gloss.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import IO, Union

from lxml import etree

from ..errors import DocxReadError

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

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _fail(vi: str, en: str) -> DocxReadError:
    return DocxReadError(f"{vi} ({en})")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, dtd_validation=False, remove_pis=True)


def parse_xml(data: bytes, name: str) -> etree._Element:
    """Return the root element of the XML `data`; raise DocxReadError if it is hostile or broken."""
    if _DTD.search(data) or _DTD.search(data.replace(b"\x00", b"")):
        raise _fail(f"phần {name} có khai báo DOCTYPE/ENTITY, không được chấp nhận",
                    f"part {name} declares a DOCTYPE or entity; refused")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _fail(f"phần {name} không phải XML hợp lệ: {exc}",
                    f"part {name} is not well-formed XML") from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _fail(f"phần {name} có khai báo DOCTYPE, không được chấp nhận",
                    f"part {name} declares a DOCTYPE; refused")
    return root


@dataclass
class Package:
    """The parts of a .docx the checker reads: XML roots by part name, plus the main part's rels."""

    name: str
    main: str  # part name of the main document, e.g. "word/document.xml"
    parts: dict[str, etree._Element] = field(default_factory=dict)
    rels: dict[str, tuple[str, str]] = field(default_factory=dict)  # rId -> (type, part name)
    members: list[str] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)
    app: str | None = None  # part name of the extended properties (docProps/app.xml), if read

    def part_of_type(self, suffix: str) -> str | None:
        """Return the part name of the first main-part relationship whose type ends in `suffix`."""
        for rtype, target in self.rels.values():
            if rtype.endswith("/" + suffix) and target in self.parts:
                return target
        return None


def _open_zip(source: SourceType, name: str) -> zipfile.ZipFile:
    try:
        if isinstance(source, (bytes, bytearray)):
            if len(source) > MAX_FILE_BYTES:
                raise _too_big(name, len(source))
            fileobj: IO[bytes] = io.BytesIO(source)
        elif hasattr(source, "read"):
            fileobj = source  # type: ignore[assignment]
        else:
            size = os.path.getsize(source)  # type: ignore[arg-type]
            if size > MAX_FILE_BYTES:
                raise _too_big(name, size)
            return zipfile.ZipFile(source)  # type: ignore[arg-type]
        return zipfile.ZipFile(fileobj)
    except DocxReadError:
        raise
    except FileNotFoundError:
        raise _fail(f"không tìm thấy tệp {name}", f"file {name} not found") from None
    except IsADirectoryError:
        raise _fail(f"{name} là thư mục, không phải tệp .docx", f"{name} is a directory") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise _fail(f"{name} không phải tệp .docx (không phải tệp zip)",
                    f"{name} is not a .docx (not a zip file)") from None
    except OSError as exc:
        raise _fail(f"không đọc được {name}: {exc.strerror}", f"cannot read {name}") from None


def _too_big(name: str, size: int) -> DocxReadError:
    return _fail(f"{name} quá lớn ({size / 2**20:.0f} MiB; tối đa {MAX_FILE_BYTES // 2**20} MiB)",
                 f"{name} is too large")


class _Reader:
    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.zf = zf
        self.name = name
        self.total = 0
        self.infos = {i.filename: i for i in zf.infolist()}

    def read(self, part: str) -> bytes | None:
        info = self.infos.get(part)
        if info is None:
            return None
        if (info.file_size > MAX_PART_BYTES
                or (info.file_size > 2**20
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1))):
            raise self._bomb(part)
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self.total)
        try:
            with self.zf.open(info) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
                RuntimeError, ValueError, OSError) as exc:
            raise _fail(f"phần {part} trong {self.name} bị hỏng ({exc})",
                        f"part {part} is corrupt or encrypted") from None
        if len(data) > limit:
            raise self._bomb(part)
        self.total += len(data)
        return data

    def _bomb(self, part: str) -> DocxReadError:
        return _fail(f"phần {part} của {self.name} giải nén quá lớn (có thể là zip bomb; tối đa "
                     f"{MAX_PART_BYTES // 2**20} MiB mỗi phần, {MAX_TOTAL_BYTES // 2**20} MiB tổng)",
                     f"part {part} inflates beyond the limit (zip bomb?)")


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


_WANTED = ("/styles", "/theme", "/settings", "/numbering", "/header", "/footer")


def read_package(source: SourceType, name: str | None = None) -> Package:
    """Return the checker's parts of the .docx `source` (a path, bytes or a binary file).

    Raise DocxReadError, with a message for a clerk, when the file is not a readable .docx.
    """
    if name is None:
        name = "<bytes>" if isinstance(source, (bytes, bytearray)) else (
            getattr(source, "name", None) or (str(source) if not hasattr(source, "read")
                                              else "<stream>"))
    zf = _open_zip(source, name)
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _fail(f"{name} có quá nhiều phần ({len(infos)})", f"{name} has too many members")
        reader = _Reader(zf, name)
        main = "word/document.xml"
        app = None
        for rtype, target in _read_rels(reader, "").values():
            if rtype in (_OFFICE_DOCUMENT, _STRICT_OFFICE_DOCUMENT) and target in reader.infos:
                main = target
            elif rtype.endswith("/extended-properties") and target in reader.infos:
                app = target
        data = reader.read(main)
        if data is None:
            raise _fail(f"{name} không có phần word/document.xml: không phải văn bản Word",
                        f"{name} has no word/document.xml; not a Word document")
        pkg = Package(name=name, main=main, members=[i.filename for i in infos])
        pkg.parts[main] = parse_xml(data, main)
        pkg.raw[main] = data
        pkg.rels = _read_rels(reader, main)
        for rtype, target in pkg.rels.values():
            if rtype.endswith(_WANTED) and target not in pkg.parts:
                part = reader.read(target)
                if part is not None:
                    pkg.parts[target] = parse_xml(part, target)
                    pkg.raw[target] = part
        if app is not None and app not in pkg.parts:
            part = reader.read(app)
            if part is not None:
                pkg.parts[app] = parse_xml(part, app)
                pkg.app = app
        return pkg
    finally:
        zf.close()
