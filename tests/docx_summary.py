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


def _line(area: str, paragraph: Paragraph, default_size: float) -> str:
    f = paragraph_format(paragraph, default_size)
    marks = "".join(m for m, on in (("b", f["bold"]), ("i", f["italic"])) if on) or "-"
    return f"{area:<14} {f['align']:<7} {f['size']:>4g} {marks:<2} | {paragraph.text}"


def iter_blocks(document):
    """Yield (area, paragraph) for every paragraph of the body, tables included, in order."""
    body = document.element.body
    tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield "body", Paragraph(child, document._body)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document._body)
            name = "header" if tables == 0 else "signature"
            tables += 1
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    for paragraph in cell.paragraphs:
                        yield f"{name}[{r},{c}]", paragraph


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
    return "\n".join(lines) + "\n"
