"""The .docx core properties (docProps/core.xml) of a rendered document: what Word shows under
File › Info and what LibreOffice carries into the PDF's metadata (Title, Author, the date).

- title (``dc:title``): the trích yếu (ô 5b) as printed, or the tên loại when there is none; a
  thư công's name before its occasion (``Thư chúc mừng – Nhân dịp …``);
- author (``dc:creator``): the issuing body (tên cơ quan ban hành, ô 2);
- ``dcterms:created`` and ``dcterms:modified``: the issue date (ô 4), so that the same input gives
  the same bytes;
- ``dc:subject``: số và ký hiệu and the date line (ô 3, ô 4), for a PDF reader's properties.

>>> from congvan.io import load
>>> from congvan.context import build_context
>>> doc = load("examples/cong-van-4172-UBND-VHTT.yaml")
>>> from lxml import etree
>>> root = etree.fromstring(core_properties(doc, build_context(doc)))
>>> root.findtext("{http://purl.org/dc/elements/1.1/}creator")
'Ủy ban nhân dân thành phố Nha Trang'
>>> root.findtext("{http://purl.org/dc/terms/}created")
'2021-07-01T00:00:00Z'
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from lxml import etree

from .._memo import Memo
from ..models import ThuCong, VanBan
from ..vietnamese.text import strip_xml_illegal

__all__ = ["core_properties"]

_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_SUBJECT = 1  # dc:subject's place in the tree (_tree)


def _one_line(parts: Any) -> str:
    """Return the lines (a string or a list of them) joined by single spaces."""
    text = parts if isinstance(parts, str) else " ".join(str(p) for p in parts)
    return " ".join(strip_xml_illegal(text).split())


#: The properties without the subject, by (title, author, issue date): a batch's rows share them
#: and differ in the số (the subject), so each row copies the kept tree (lxml's C copy) instead of
#: building seven elements. The kept tree is never handed out.
_TREES: Memo[Any] = Memo(64)


def _tree(title: str, creator: str, issued: str) -> Any:
    root = etree.Element(f"{{{_NS['cp']}}}coreProperties", nsmap=_NS)

    def add(tag: str, text: str, dated: bool = False) -> None:
        prefix, name = tag.split(":")
        element = etree.SubElement(root, f"{{{_NS[prefix]}}}{name}")
        element.text = text
        if dated:
            element.set(f"{{{_NS['xsi']}}}type", "dcterms:W3CDTF")

    add("dc:title", title)
    add("dc:subject", "")
    add("dc:creator", creator)
    add("cp:lastModifiedBy", "congvan")
    add("cp:revision", "1")
    add("dcterms:created", issued, dated=True)
    add("dcterms:modified", issued, dated=True)
    return root


def core_properties(doc: VanBan, context: Mapping[str, Any]) -> bytes:
    """Return docProps/core.xml for `doc`, whose template context is `context`."""
    title = _one_line(context["trich_yeu"]) or _one_line(context["ten_loai"])
    if isinstance(doc, ThuCong):  # its trích yếu is the occasion: the letter's name first
        title = " – ".join(part for part in (_one_line(doc.ten_thu), title) if part)
    issued = f"{doc.ngay.isoformat()}T00:00:00Z"
    creator = _one_line(doc.co_quan_ban_hanh.ten)
    key = (title, creator, issued)
    root = copy.deepcopy(_TREES.get_or_make(key, lambda: _tree(*key)))
    root[_SUBJECT].text = "; ".join(_one_line(context[name])
                                    for name in ("so_ky_hieu", "dia_danh_thoi_gian"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
