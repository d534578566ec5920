"""Write tests/fixtures/corpus/doc-modern-word.doc: a .doc as a modern Word saves it.

A Word 97–2003 .doc is an OLE compound file (CFB, [MS-CFB]); Word 2007 and later store the document
theme inside it as a small zip (a themeManager package holding theme/theme/theme1.xml). Python's
zipfile finds that zip's end record near the end of the file and opens it, so a checker that does
not look at the container first took the theme for the document (issue 9: exit 1 "Thiếu Quốc
hiệu", and --fix wrote a 3 KB file nothing could open).

The container is written here byte by byte (olefile reads CFB but cannot create one): a version-3
CFB of 512-byte sectors: one FAT sector, one directory sector, a "WordDocument" stream (a FIB
signature and zeros: never read by the checker) and a "Data" stream holding the theme zip, both at
least 4 096 bytes so they live in regular sectors, not the mini stream. Usage:
``.venv/bin/python scripts/build_doc_container.py``.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests/fixtures/corpus/doc-modern-word.doc"

MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
SECTOR = 512
FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_CUTOFF = 4096

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_THEME = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme xmlns:a="{_A}" '
          'name="Office Theme"><a:themeElements><a:clrScheme name="Office"/><a:fontScheme '
          'name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont>'
          '<a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme>'
          '<a:fmtScheme name="Office"/>'
          '</a:themeElements></a:theme>')
_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
          'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
          '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
          'ContentType="application/xml"/><Override PartName="/theme/theme/themeManager.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.themeManager+xml"/><Override '
          'PartName="/theme/theme/theme1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.theme+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
         'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
         'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="theme/theme/themeManager.xml"/></Relationships>')
_MANAGER_RELS = _RELS.replace("officeDocument\" Target=\"theme/theme/themeManager.xml",
                              "theme\" Target=\"theme1.xml")


def theme_zip() -> bytes:
    """Return the themeManager package Word embeds in a .doc."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _TYPES), ("_rels/.rels", _RELS),
                           ("theme/theme/themeManager.xml",
                            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                            f'<a:themeManager xmlns:a="{_A}"/>'),
                           ("theme/theme/theme1.xml", _THEME),
                           ("theme/theme/_rels/themeManager.xml.rels", _MANAGER_RELS)):
            # -- a fixed date: the build is repeatable (the committed file is compared with it)
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text,
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % SECTOR)


def _entry(name: str, kind: int, start: int, size: int, left: int = NOSTREAM,
           right: int = NOSTREAM, child: int = NOSTREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", left, right, child) + b"\0" * 36
            + struct.pack("<IQ", start, size))


def cfb(streams: list[tuple[str, bytes]]) -> bytes:
    """Return a CFB file holding `streams` (each ≥ 4 096 bytes) under the root storage."""
    assert all(len(data) >= MINI_CUTOFF for _, data in streams)
    fat = [FATSECT, ENDOFCHAIN]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for _, data in streams:
        first, count = len(fat), len(_pad(data)) // SECTOR
        starts.append(first)
        fat.extend(range(first + 1, first + count))
        fat.append(ENDOFCHAIN)
    assert len(fat) <= SECTOR // 4, "one FAT sector only"
    fat.extend([FREESECT] * (SECTOR // 4 - len(fat)))
    # -- the siblings of the root's children form a tree ordered by name length, then name:
    #    a chain to the left, each shorter or equal, is a valid (all black) tree for a few streams
    order = sorted(range(len(streams)), key=lambda i: (len(streams[i][0]), streams[i][0].upper()))
    left = {order[k]: order[k - 1] + 1 for k in range(1, len(order))}
    entries = [_entry("Root Entry", 5, ENDOFCHAIN, 0, child=order[-1] + 1)]
    for i, (name, data) in enumerate(streams):
        entries.append(_entry(name, 2, starts[i], len(data), left=left.get(i, NOSTREAM)))
    while len(entries) % 4:
        entries.append(_entry("", 0, 0, 0))
    assert len(entries) == 4, "one directory sector only"
    header = (MAGIC + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, MINI_CUTOFF, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108)
    assert len(header) == SECTOR
    body = struct.pack(f"<{SECTOR // 4}I", *fat) + b"".join(entries)
    return header + body + b"".join(_pad(data) for _, data in streams)


def modern_word_doc() -> bytes:
    """Return the .doc: a FIB-signed WordDocument stream, then the theme zip in the Data stream."""
    fib = struct.pack("<HH", 0xA5EC, 0x00C1).ljust(MINI_CUTOFF, b"\0")
    return cfb([("WordDocument", fib), ("Data", theme_zip().ljust(MINI_CUTOFF, b"\0"))])


def main() -> int:
    OUT.write_bytes(modern_word_doc())
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
