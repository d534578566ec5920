"""Copies (bản sao, PL I Phần II; PL III mẫu 3.1, 3.2): the copy's components added to a .docx the
user already has (made by Word, LibreOffice or congvan), the original left untouched.

- Paper (mẫu 3.1): the copy block goes straight after the copied document's last part, on the same
  sheet, under a solid rule across the text width: the copying body left and the form of copy
  (``SAO Y``, ``TRÍCH SAO``, ``SAO LỤC``) right where a Quốc hiệu would be, ``Số: 05/SY-VP`` and the
  place and date, the signer and the Nơi nhận (``render/layout.py``: ``build_ban_sao_template``).
- Electronic (mẫu 3.2): no block; the copying body's digital-signature line (form, body, signing
  time ``hh:mm:ss+07:00``), 10 pt, at the top right of page 1, with no image.

The original is read as the checker reads any .docx (``checker._package.read_package``, with
``fix``'s limits: not a zip, a .doc, a zip bomb are refused with their ``docx.*`` codes). Every part
but ``word/document.xml`` is copied as it is; the styles the block needs are added to the styles
part under congvan's names ("CV …") when the original has no style of that id, and the original's
own styles are never changed. The original's paragraphs and tables stay, element for element.

>>> import congvan
>>> original = congvan.render_bytes(congvan.load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> ban_sao = congvan.load_ban_sao("examples/ban-sao/sao-y-4172-UBND-VHTT.yaml")
>>> congvan.sao(original, ban_sao)[:2]
b'PK'
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Mapping
from datetime import timedelta, timezone
from functools import cache
from os import PathLike
from pathlib import Path
from typing import IO, Any, cast

from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from markupsafe import Markup

from . import io as _io

# fix's reading, copying and writing of a .docx (its limits, its refusals), shared, not copied:
from .checker._edit import (
    MAX_FIX_FILE_BYTES,
    MAX_FIX_PART_BYTES,
    MAX_FIX_TOTAL_BYTES,
    check_output,
    input_bytes,
    serialise,
    write_output,
)
from .checker._edit import copy_package as copy_members
from .checker._package import SourceType, parse_xml, read_package
from .context import build_ban_sao_context
from .errors import InvalidDocumentError, Problem, RenderError
from .models import BASE_DIR, BanSao
from .render._oxml import paragraph, rule_paragraph, sub
from .render._units import mm_to_twips
from .render.layout import build_ban_sao_template, dynamic_parts, style_id
from .render.template import Template
from .rules import LAYOUT, PAGE

__all__ = ["load_ban_sao", "sao", "write_sao"]

#: Vietnam time (UTC+7): the signing time of an e-copy is given with its ISO 8601 offset.
_VIETNAM = timezone(timedelta(hours=7))
#: Air between the copied document's last line and the copy block's rule (mẫu 3.1 leaves a few
#: lines; congvan's choice).
_SPACE_BEFORE_BLOCK_PT = 12.0
#: The e-copy's signature line: from the top of the page, in the top-margin band (mẫu 3.2, ô 14).
_DIEN_TU_TOP_MM = 6.0
_DOCUMENT_XML = "word/document.xml"


def load_ban_sao(source: str | PathLike[str] | None,
                 overrides: Mapping[str, Any] | None = None) -> BanSao:
    """Return the copy spec in a .yaml/.yml/.json file, read as ``congvan.load`` reads a
    document's, with `overrides` (fields given on the command line) over its fields; without a
    file, the fields are the overrides alone. Raise InputReadError (``input.*``) or
    InvalidDocumentError listing each problem."""
    data: dict[str, Any] = {}
    base = Path.cwd()
    if source is not None:
        path = Path(source)
        text = _io._read_file(path)  # pyright: ignore[reportPrivateUsage] (the same limits)
        spec = _io.parse_spec(text, "json" if path.suffix.lower() == ".json" else "yaml")
        if not isinstance(spec, dict):
            raise InvalidDocumentError([Problem((), "document.type",
                                                "dữ liệu bản sao phải là một bảng các trường")])
        data, base = cast("dict[str, Any]", spec), path.parent
    for key, value in (overrides or {}).items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**cast("dict[str, Any]", data[key]), **cast("dict[str, Any]", value)}
        else:
            data[key] = value
    token = BASE_DIR.set(base)
    try:
        return BanSao.model_validate(data)
    finally:
        BASE_DIR.reset(token)


@cache
def _template() -> Template:
    return Template(build_ban_sao_template(), name="ban_sao")


def _text_width_twips(body: Any) -> int:
    """The text width of the original's last section (page width less its margins)."""
    sect = body.find(qn("w:sectPr"))
    try:
        size = sect.find(qn("w:pgSz"))
        margins = sect.find(qn("w:pgMar"))
        width = (int(size.get(qn("w:w"))) - int(margins.get(qn("w:left")))
                 - int(margins.get(qn("w:right"))))
    except (AttributeError, TypeError, ValueError):  # no section properties: congvan's A4 page
        return mm_to_twips(PAGE.text_width)
    return width if width > 0 else mm_to_twips(PAGE.text_width)


def _block(ban_sao: BanSao, text_width: int) -> tuple[list[Any], Any]:
    """Return the copy block's body elements and the styles part it was rendered with."""
    ctx: dict[str, Any] = build_ban_sao_context(ban_sao)
    ctx.update(dynamic_parts(ctx))
    rule = rule_paragraph(text_width, text_width, LAYOUT.rule_weight_pt, style_id("duong_ke"))
    pPr = rule.get_or_add_pPr()
    pPr.spacing_before = Pt(_SPACE_BEFORE_BLOCK_PT)
    pPr.keepNext_val = True
    ctx["duong_ke_ban_sao"] = Markup(etree.tostring(rule, encoding="unicode"))
    with zipfile.ZipFile(io.BytesIO(_template().render(ctx))) as zf:
        document = parse_xml(zf.read(_DOCUMENT_XML), _DOCUMENT_XML)
        styles = parse_xml(zf.read("word/styles.xml"), "word/styles.xml")
    body = document.find(qn("w:body"))
    assert body is not None
    return [el for el in body if el.tag != qn("w:sectPr")], styles


def _dien_tu_line(ban_sao: BanSao) -> Any:
    """Mẫu 3.2 ô 14: ``Sao y; <copying body>; dd/mm/yyyy; hh:mm:ss+07:00``, 10 pt, lower case,
    framed at the top right of page 1 (the decree's "…1…;…2..; ngày/tháng/năm; giờ: phút: giây")."""
    when = ban_sao.thoi_gian_ky_so
    assert when is not None
    when = when.replace(tzinfo=_VIETNAM) if when.tzinfo is None else when.astimezone(_VIETNAM)
    form = ban_sao.ten_hinh_thuc.capitalize()
    body = " ".join(ban_sao.co_quan_sao.ten.split())
    text = f"{form}; {body}; {when:%d/%m/%Y}; {when.isoformat(timespec='seconds')[11:]}"
    p = paragraph(style_id("chu_ky_so_ban_sao"))
    pPr = p.get_or_add_pPr()
    # A frame anchored to the page: above ô 1, reaching into the right margin; the text below it
    # does not move (it is in the top margin band).
    frame = sub(pPr, "w:framePr", {"w:wrap": "around", "w:hAnchor": "margin", "w:xAlign": "right",
                                    "w:vAnchor": "page", "w:y": mm_to_twips(_DIEN_TU_TOP_MM)})
    pPr.insert(1, frame)  # after w:pStyle (schema order)
    sub(sub(p, "w:r"), "w:t", {"xml:space": "preserve"}, text=text)
    return p


def _add_styles(styles: Any, block_styles: Any, elements: list[Any]) -> bool:
    """Add to `styles` the block's styles that the original has no style of that id for (and the
    styles they are based on); return whether any was added. The original's own are kept."""
    have = {s.get(qn("w:styleId")) for s in styles.iter(qn("w:style"))}
    theirs = {s.get(qn("w:styleId")): s for s in block_styles.iter(qn("w:style"))}
    wanted: list[str] = []
    for el in elements:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            wanted += [ref.get(qn("w:val")) for ref in el.iter(qn(tag))]
    added = False
    while wanted:
        sid = wanted.pop()
        if sid in have or sid not in theirs:
            continue
        style = copy.deepcopy(theirs[sid])
        style.attrib.pop(qn("w:default"), None)  # the original's default style stays the default
        styles.append(style)
        have.add(sid)
        added = True
        based = style.find(qn("w:basedOn"))
        if based is not None:
            wanted.append(based.get(qn("w:val")))
    return added


def sao(original: SourceType, ban_sao: BanSao, *, name: str | None = None) -> bytes:
    """Return the .docx `original` (a path, bytes or a binary file) with the copy's components
    added: the block after its last part (paper, mẫu 3.1) or the digital-signature line at the top
    right of page 1 (``ban_sao.dien_tu``, mẫu 3.2).

    Raise DocxReadError (``docx.*``) when `original` is not a readable .docx, RenderError
    (``ban_sao.no_styles``) when it has no styles part to add the block's styles to.
    """
    if not isinstance(cast(object, ban_sao), BanSao):
        raise TypeError(f"sao() takes a congvan.BanSao, not {type(ban_sao).__name__}")
    data, name = input_bytes(original, name)
    pkg = read_package(data, name,
                       limits=(MAX_FIX_FILE_BYTES, MAX_FIX_PART_BYTES, MAX_FIX_TOTAL_BYTES))
    document = pkg.parts[pkg.main]
    body = document.find(qn("w:body"))
    styles_part = pkg.part_of_type("styles")
    if body is None or styles_part is None:
        raise RenderError(f"{pkg.name}: không có phần kiểu (styles) hoặc thân văn bản để thêm bản "
                          "sao vào (the document has no styles part or body)",
                          code="ban_sao.no_styles")
    elements, block_styles = _block(ban_sao, _text_width_twips(body))
    if ban_sao.dien_tu:
        # LibreOffice draws a frame only when a paragraph follows it (not a table, as the header
        # of most documents is): an empty paragraph 1 pt tall anchors it.
        anchor = paragraph(style_id("chu_ky_so_ban_sao"))
        sub(anchor.get_or_add_pPr(), "w:spacing", {"w:line": 20, "w:lineRule": "exact"})
        elements = [_dien_tu_line(ban_sao), anchor]
        body.insert(0, anchor)
        body.insert(0, elements[0])
    else:
        sect = body.find(qn("w:sectPr"))
        for el in elements:
            if sect is not None and sect.getparent() is body:
                sect.addprevious(el)
            else:
                body.append(el)
    replaced = {pkg.main: serialise(document)}
    if _add_styles(pkg.parts[styles_part], block_styles, elements):
        replaced[styles_part] = serialise(pkg.parts[styles_part])
    return copy_members(data, replaced)


def write_sao(original: SourceType, ban_sao: BanSao, output: str | PathLike[str] | IO[bytes], *,
              name: str | None = None) -> None:
    """Write ``sao(original, ban_sao)`` to `output` (atomically for a path); an output that is the
    original is refused (``fix.output_is_input``) before any work."""
    if not hasattr(output, "write"):
        check_output(original, cast("str | PathLike[str]", output))
    data = sao(original, ban_sao, name=name)
    write_output(output, data)

