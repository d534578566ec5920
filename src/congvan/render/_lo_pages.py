"""Keep-with-next that LibreOffice honours: no heading left alone at the foot of a page.

LibreOffice lays a document out first on estimated pages: without a layout cache (a .docx has
none) a new page is started when more than 25 paragraphs have been placed on the current one (20
when the document has more than 100 nodes), a table counting its rows (laycache.cxx in
sw/source/core/layout, ``SwLayHelper::CalcPageCount`` and ``CheckInsertPage``). The real layout
then moves paragraphs forward or back. A paragraph with keep-with-next that is the last on an
estimated page is checked against the next one only on its own page (``GetIndNext``): when the
next starts the estimated next page, the keep is never enforced, and LibreOffice 7.4 leaves e.g.
"Điều 3. Hiệu lực" alone at the foot of page 1 (tests/test_keep_heading_lo.py,
tests/fixtures/lo-keep-next/). A chain that starts an estimated page is handled well: it moves
back only when its next paragraph can follow it.

`dodge_estimated_breaks` therefore puts a hidden empty paragraph (no height in LibreOffice or
Word, not printed) before such a chain, as many as it takes for the estimated break to fall
before the chain instead of inside it or right after it. Nothing visible changes: the examples'
PDFs have every word at the same place with and without them.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from docx.oxml.ns import nsmap
from lxml import etree

from .._files import FileRefused, read_zip
from . import _oxml  # pyright: ignore[reportPrivateUsage] (the package's own module)

_W = f"{{{nsmap['w']}}}"
_Element = _oxml.Element

#: LibreOffice's estimate of paragraphs per page: 25 for a small document (up to 100 nodes),
#: else 20 more 3 per 1000 nodes, at most 53 (SwLayHelper::CalcPageCount).
SMALL_DOCUMENT_PARA_PER_PAGE = 25
_SMALL_DOCUMENT_NODES = 100
#: What LibreOffice takes off its node count per table, and per picture (a fly of 3 nodes).
_TABLE_NODES, _PICTURE_NODES = 25, 5
#: A table that takes the count past this is split by rows in the estimate: the simulation
#: stops there (the breaks after it are not predicted, so nothing is changed after it).
_LONG_TABLE_SLACK = 10
#: Bound on the chains moved, so that a pathological document cannot loop.
_MAX_ROUNDS = 256


def keep_next_styles(styles_xml: bytes) -> frozenset[str]:
    """Return the ids of the paragraph styles of `styles_xml` with keep-with-next, inherited
    through ``w:basedOn`` (a malformed part gives none: the pass then sees direct keeps only)."""
    root = _oxml.styles_root(styles_xml)
    if root is None:
        return frozenset()
    based: dict[str, str] = {}
    own: dict[str, bool] = {}
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph":
            continue
        sid = style.get(f"{_W}styleId") or ""
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[sid] = parent.get(f"{_W}val") or ""
        keep = style.find(f"{_W}pPr/{_W}keepNext")
        if keep is not None:
            own[sid] = _on(keep)
    result: set[str] = set()
    for sid in set(based) | set(own):
        seen: set[str] = set()
        current: str | None = sid
        while current is not None and current not in seen:
            seen.add(current)
            if current in own:
                if own[current]:
                    result.add(sid)
                break
            current = based.get(current)
    return frozenset(result)


def _on(element: _Element) -> bool:
    return element.get(f"{_W}val", "true") not in ("false", "0", "off")


def _keeps_next(p: _Element, keep_styles: frozenset[str]) -> bool:
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return False
    direct = ppr.find(f"{_W}keepNext")
    if direct is not None:
        return _on(direct)
    style = ppr.find(f"{_W}pStyle")
    return style is not None and (style.get(f"{_W}val") or "") in keep_styles


@dataclass
class _Unit:
    """A paragraph or table of the body as LibreOffice's page estimate sees it."""

    element: _Element
    weight: int  # a paragraph counts 1, a table its rows
    keeps: bool = False  # a paragraph with keep-with-next
    breaks: bool = False  # starts a page by itself (page break before, or in it)
    ends_section: bool = False  # carries a section break: the next unit starts a page


def _units(body: _Element, keep_styles: frozenset[str]) -> list[_Unit]:
    page_break = {id(run.getparent()) for br in body.iter(f"{_W}br")
                  if br.get(f"{_W}type") == "page" and (run := br.getparent()) is not None}
    units: list[_Unit] = []
    for child in body:
        if child.tag == f"{_W}tbl":
            units.append(_Unit(child, max(1, len(child.findall(f"{_W}tr")))))
        elif child.tag == f"{_W}p":
            ppr = child.find(f"{_W}pPr")
            before = None if ppr is None else ppr.find(f"{_W}pageBreakBefore")
            units.append(_Unit(
                child, 1, keeps=_keeps_next(child, keep_styles),
                breaks=id(child) in page_break or (before is not None and _on(before)),
                ends_section=ppr is not None and ppr.find(f"{_W}sectPr") is not None))
    return units


def paragraphs_per_page(body: _Element) -> int:
    """Return LibreOffice's estimate of paragraphs per page for the document of `body`, from its
    node count (a paragraph is one; a table, and each of its cells, add a start and an end) less
    25 per table and 5 per picture (laycache.cxx, ``CalcPageCount``)."""
    tables = sum(1 for _ in body.iter(f"{_W}tbl"))
    count = (2 + sum(1 for _ in body.iter(f"{_W}p")) + 2 * tables
             + 2 * sum(1 for _ in body.iter(f"{_W}tc")))
    count -= _TABLE_NODES * tables + _PICTURE_NODES * sum(1 for _ in body.iter(f"{_W}drawing"))
    if count <= _SMALL_DOCUMENT_NODES:
        return SMALL_DOCUMENT_PARA_PER_PAGE
    return min(53, max(20, 20 + count // 1000 * 3))


def _first_estimated_split(units: list[_Unit], per_page: int) -> int | None:
    """Return the index of the first unit that starts an estimated page by count while the unit
    before it keeps with next; None if there is none (or the estimate cannot be followed)."""
    count = 0
    for index, unit in enumerate(units):
        count += unit.weight
        if index == 0:  # LibreOffice places the first frame without a check
            continue
        previous = units[index - 1]
        if unit.weight > 1 and count > per_page + _LONG_TABLE_SLACK:
            return None  # a table split by rows in the estimate: not followed further
        if unit.breaks or previous.ends_section:
            count = 0
        elif count > per_page:
            count = 0
            if previous.keeps:
                return index
    return None


def _hidden_paragraph() -> _Element:
    p = etree.Element(f"{_W}p")
    ppr = etree.SubElement(p, f"{_W}pPr")
    etree.SubElement(ppr, f"{_W}spacing", {f"{_W}before": "0", f"{_W}after": "0",
                                           f"{_W}line": "20", f"{_W}lineRule": "exact"})
    rpr = etree.SubElement(ppr, f"{_W}rPr")
    etree.SubElement(rpr, f"{_W}vanish")
    etree.SubElement(rpr, f"{_W}sz", {f"{_W}val": "2"})
    return p


def dodge_estimated_breaks(body: _Element, keep_styles: frozenset[str]) -> int:
    """Put hidden paragraphs into `body` so that no estimated page break of LibreOffice falls
    right after a keep-with-next paragraph; return how many were put.

    One at a time, before the chain of keep-with-next paragraphs the first such break ends, and
    the estimate is made again: each one moves the later breaks one paragraph earlier, so a chain
    of n paragraphs takes n of them (more when a table's rows make the count jump)."""
    units = _units(body, keep_styles)
    added = 0
    for _ in range(_MAX_ROUNDS):
        # Again each time: a hidden paragraph is a node more, and 100 nodes change the estimate.
        split = _first_estimated_split(units, paragraphs_per_page(body))
        if split is None:
            break
        start = split - 1
        while start > 0 and units[start - 1].keeps:
            start -= 1
        if start == 0:
            break  # the chain starts the document: nothing to move
        hidden = _hidden_paragraph()
        units[start].element.addprevious(hidden)
        units.insert(start, _Unit(hidden, 1))
        added += 1
    return added


def dodge_in_document(blob: bytes, keep_styles: frozenset[str]) -> bytes:
    """Return the main document part `blob` after `dodge_estimated_breaks` (the same bytes when
    nothing is put)."""
    return _oxml.edit_body(blob, lambda body: dodge_estimated_breaks(body, keep_styles) > 0)


def for_libreoffice(docx: bytes) -> bytes:
    """Return the .docx `docx` as LibreOffice should lay it out (`dodge_in_document` applied),
    for a conversion only: the .docx congvan renders and a user keeps stays without the hidden
    paragraphs. Anything this cannot read is handed over unchanged (LibreOffice then says)."""
    try:
        members = read_zip(docx, "docx", max_members=_MAX_MEMBERS, max_part_bytes=_MAX_PART,
                           max_total_bytes=_MAX_TOTAL, max_ratio=_MAX_RATIO)
        parts = {info.filename: blob for info, blob in members}
        document = dodge_in_document(parts[_DOCUMENT],
                                     keep_next_styles(parts.get(_STYLES, b"")))
    except (FileRefused, _oxml.PartError, KeyError):
        return docx
    if document == parts[_DOCUMENT]:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, blob in members:
            package.writestr(info, document if info.filename == _DOCUMENT else blob)
    return out.getvalue()


_DOCUMENT, _STYLES = "word/document.xml", "word/styles.xml"
#: Bounds on a .docx read for conversion: the template reader's (render/template.py).
_MAX_MEMBERS, _MAX_PART, _MAX_TOTAL, _MAX_RATIO = 10_000, 32 * 2**20, 64 * 2**20, 200


__all__ = ["dodge_estimated_breaks", "dodge_in_document", "for_libreoffice", "keep_next_styles"]
