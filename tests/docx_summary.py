"""A normalised, human-readable summary of a .docx: one line per paragraph, in reading order.

Each line gives where the paragraph stands (body, header cell r,c, signature cell, page header or
footer), its effective alignment, size, bold and italic (resolved run → paragraph style chain →
document defaults, the way Word does), and its text. Golden files hold this summary, never bytes.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_ALIGN = {WD_ALIGN_PARAGRAPH.LEFT: "left", WD_ALIGN_PARAGRAPH.CENTER: "center",
          WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.JUSTIFY: "justify", None: "left"}


def _default_size(document) -> float:
    sz = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:sz"))
    return int(sz.get(qn("w:val"))) / 2 if sz is not None else 10.0


def _style_attr(style, getter):
    while style is not None:
        value = getter(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def paragraph_format(paragraph: Paragraph, default_size: float) -> dict:
    """Return the effective alignment, size, bold and italic of `paragraph` (its first run)."""
    style = paragraph.style
    run = paragraph.runs[0] if paragraph.runs else None

    def resolve(attr):
        value = getattr(run.font, attr) if run is not None else None
        if value is None:
            value = _style_attr(style, lambda s: getattr(s.font, attr))
        return value

    size = resolve("size")
    align = paragraph.paragraph_format.alignment
    if align is None:
        align = _style_attr(style, lambda s: s.paragraph_format.alignment)
    return {
        "align": _ALIGN.get(align, str(align)),
        "size": size.pt if size is not None else default_size,
        "bold": bool(resolve("bold")),
        "italic": bool(resolve("italic")),
    }


def _text(paragraph: Paragraph) -> str:
    """Return the paragraph's text; where its runs differ in weight or slant from the first run,
    each such run is marked ``[b:…]``, ``[i:…]`` or ``[bi:…]``; a footnote reference is ``[^]``."""
    style = paragraph.style

    def marks(run) -> str:
        bold = run.font.bold if run.font.bold is not None else _style_attr(
            style, lambda s: s.font.bold)
        italic = run.font.italic if run.font.italic is not None else _style_attr(
            style, lambda s: s.font.italic)
        return ("b" if bold else "") + ("i" if italic else "")

    runs = [r for r in paragraph.runs if r.text or r._r.find(qn("w:footnoteReference")) is not None]
    first = marks(runs[0]) if runs else ""
    out = []
    for run in runs:
        if run._r.find(qn("w:footnoteReference")) is not None:
            out.append("[^]")
            continue
        m = marks(run)
        out.append(run.text if m == first else f"[{m or '-'}:{run.text}]")
    return "".join(out) if any(o.startswith("[") for o in out) else paragraph.text


def _line(area: str, paragraph: Paragraph, default_size: float) -> str:
    f = paragraph_format(paragraph, default_size)
    marks = "".join(m for m, on in (("b", f["bold"]), ("i", f["italic"])) if on) or "-"
    return f"{area:<14} {f['align']:<7} {f['size']:>4g} {marks:<2} | {_text(paragraph)}"


def _table_name(table: Table, index: int) -> str:
    """Name a table by what it holds: the header block, the signature row, or a body table."""
    cells = [p.text for p in table._tbl.iter(qn("w:p"))]
    if any(t.startswith("CỘNG HÒA XÃ HỘI") for t in cells):
        return "header"
    if any(t == "Nơi nhận:" for t in cells):
        return "signature"
    return f"table{index}"


def iter_blocks(document):
    """Yield (area, paragraph) for every paragraph of the body, tables included, in order."""
    body = document.element.body
    tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                yield "section-end", Paragraph(child, document._body)
            elif child.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:vanish')}") is not None \
                    and child.find(qn("w:r")) is None:
                # Hidden and empty: render/_lo_pages.py's marker for LibreOffice's page estimate.
                yield "hidden", Paragraph(child, document._body)
            else:
                yield "body", Paragraph(child, document._body)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document._body)
            tables += 1
            name = _table_name(table, tables)
            # The cells as stored (w:tc): a merged cell is listed once, where it starts.
            for r, tr in enumerate(child.iterchildren(qn("w:tr"))):
                for c, tc in enumerate(tr.iterchildren(qn("w:tc"))):
                    for p in tc.iterchildren(qn("w:p")):
                        yield f"{name}[{r},{c}]", Paragraph(p, table)


def summarize(data: bytes) -> str:
    """Return the summary of the .docx in `data`."""
    document = docx.Document(io.BytesIO(data))
    size = _default_size(document)
    lines = [_line(area, p, size) for area, p in iter_blocks(document)]
    section = document.sections[0]
    for area, part in (("page-header", section.header), ("first-header", section.first_page_header),
                       ("first-footer", section.first_page_footer)):
        for p in part.paragraphs:
            text = p.text or ("{PAGE}" if p._p.find(qn("w:fldSimple")) is not None else "")
            if text:
                lines.append(f"{area:<14} | {text}")
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            root = docx.oxml.parse_xml(rel.target_part.blob)
            for note in root.iterchildren(qn("w:footnote")):
                if int(note.get(qn("w:id"))) > 0:
                    text = "".join(t.text or "" for t in note.iter(qn("w:t")))
                    lines.append(f"{'footnote':<14} | {note.get(qn('w:id'))}. {text.strip()}")
    return "\n".join(lines) + "\n"
