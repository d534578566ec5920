"""A neutral view of a .docx for the rule modules: paragraphs in reading order, resolved formatting.

``view(package)`` returns a ``DocView``. Body paragraphs are listed in reading order, table cells
included (nested tables flattened into their top-level cell); each ``Para`` knows its area, its
place (paragraph number, table, row, column), its text, its runs with effective formatting, and its
effective paragraph properties. Headers and footers are read the same way. Text boxes, drawings and
content the checker does not understand are skipped, never fatal.

Units: lengths in twips (1/1440 inch) as in the file, sizes in points.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ..vietnamese.text import upper
from ._package import RT, Package
from ._resolve import DEFAULT_SIZE_HALF_POINTS, Styles, W, para_props_of, run_props_of, to_int
from ._xml import Element, is_element

__all__ = ["DocView", "Para", "Run", "Section", "Span", "view"]

_W = f"{{{W}}}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_RUN_CONTAINERS = {"hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml",
                   "bdo", "dir", "moveTo"}


@dataclass
class Run:
    """A run of text with its effective formatting."""

    el: Element
    text: str
    props: dict[str, Any]
    size: float  # points
    bold: bool
    italic: bool
    underline: bool
    color: str  # "AUTO" or RRGGBB
    font_ascii: str
    font_hansi: str

    def fonts_used(self) -> set[str]:
        """Return the fonts Word uses for this run's characters (ascii slot for ASCII, hAnsi
        else)."""
        used: set[str] = set()
        for ch in self.text:
            if ch.isspace():
                continue
            used.add(self.font_ascii if ord(ch) < 128 else self.font_hansi)
        return used


@dataclass
class Para:
    """One paragraph, where it is and how it is formatted."""

    el: Element
    area: str  # "body", "table", "header", "footer"
    index: int  # 1-based, in reading order within its part
    text: str
    runs: list[Run]
    style_id: str | None
    style_name: str | None
    props: dict[str, Any]
    table: int | None = None  # 1-based top-level table number (body only)
    row: int | None = None
    col: int | None = None
    part: str = ""
    # (offset, w:t)
    segments: list[tuple[int, Element]] = field(default_factory=list[tuple[int, Element]])
    has_drawing: bool = False
    fields: list[str] = field(default_factory=list[str])
    _run_starts: list[int] | None = field(default=None, repr=False, compare=False)

    @property
    def clean(self) -> str:
        """Return the text in NFC with runs of spaces and tabs as one space, stripped."""
        return " ".join(unicodedata.normalize("NFC", self.text).split())

    @property
    def jc(self) -> str:
        return self.props.get("jc") or "left"

    @property
    def left(self) -> int:
        return self.props.get("ind.left") or 0

    @property
    def right(self) -> int:
        return self.props.get("ind.right") or 0

    @property
    def first_line(self) -> int:
        """Return the first-line indent in twips (negative for a hanging indent)."""
        return self.props.get("ind.first") or 0

    @property
    def before(self) -> int:
        return self.props.get("spacing.before") or 0

    @property
    def after(self) -> int:
        return self.props.get("spacing.after") or 0

    def border(self, side: str) -> tuple[str, int] | None:
        return self.props.get(f"border.{side}")

    def text_runs(self) -> list[Run]:
        """Return the runs that carry visible (non-space) text."""
        return [r for r in self.runs if r.text.strip() and not r.props.get("vanish")]

    def spans(self) -> list[Span]:
        """Return the parts of the paragraph separated by tabs or line breaks, non-empty ones
        only."""
        out: list[Span] = []
        start = 0
        text = self.text
        for i in range(len(text) + 1):
            if i == len(text) or text[i] in "\t\n":
                if text[start:i].strip():
                    out.append(Span(self, start, i))
                start = i + 1
        return out

    def run_starts(self) -> list[int]:
        """Return where each run starts in the paragraph's text (computed once)."""
        if self._run_starts is None:
            pos, starts = 0, list[int]()
            for run in self.runs:
                starts.append(pos)
                pos += len(run.text)
            self._run_starts = starts
        return self._run_starts

    def whole(self) -> Span:
        return Span(self, 0, len(self.text))


#: Bullets Word writes in the Symbol font's private-use slots, as the characters they print.
_SYMBOL_BULLETS = {"\uf02d": "-", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖"}


@dataclass
class Span:
    """A stretch ``[start, end)`` of a paragraph's text: one component on a line."""

    para: Para
    start: int
    end: int

    @property
    def raw(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def text(self) -> str:
        return " ".join(unicodedata.normalize("NFC", self.raw).split())

    @property
    def bullet(self) -> str:
        """Return the list bullet printed before this span ("-" of a Writer or Word bullet list),
        "" when none: only a paragraph's first line carries it."""
        if self.para.text[:self.start].strip():
            return ""
        mark = self.para.props.get("bullet") or ""
        return _SYMBOL_BULLETS.get(mark, mark).strip()

    @property
    def shown(self) -> str:
        """Return the text as printed: the bullet, a space, the text (``- Như trên;``)."""
        return f"{self.bullet} {self.text}" if self.bullet else self.text

    def prints_upper(self) -> bool:
        """Return True when every letter of the span prints upper case: typed so, or in a run
        with All caps (``w:caps``, direct or from its style), as Word shows it."""
        starts = self.para.run_starts()
        for k in range(max(bisect.bisect_right(starts, self.start) - 1, 0), len(starts)):
            run, start = self.para.runs[k], starts[k]
            if start >= self.end:
                break
            piece = run.text[max(self.start - start, 0):self.end - start]
            if not run.props.get("caps") and piece != upper(piece):
                return False
        return True

    def runs(self) -> list[Run]:
        """Return the runs with visible text inside this span."""
        out: list[Run] = []
        starts = self.para.run_starts()
        first = max(bisect.bisect_right(starts, self.start) - 1, 0)  # not all runs: a paragraph
        for k in range(first, len(starts)):                         # may hold 100 000 spans
            run = self.para.runs[k]
            s, e = starts[k], starts[k] + len(run.text)
            if s >= self.end:
                break
            if e <= self.start or run.props.get("vanish"):
                continue
            if run.text[max(self.start - s, 0):self.end - s].strip():
                out.append(run)
        return out


@dataclass
class Section:
    """One section's page setup, and the header/footer parts it uses."""

    el: Element
    index: int  # 1-based
    width: int | None
    height: int | None
    margins: dict[str, int | None]
    title_page: bool
    headers: dict[str, str]  # type ("default", "first", "even") -> part name
    footers: dict[str, str]
    has_table: bool = False  # a table stands in the body of this section


@dataclass
class DocView:
    """The document as the rules see it."""

    name: str
    styles: Styles
    body: list[Para]
    blocks: list[tuple[str, Any]]  # ("p", Para) or ("tbl", list of rows of cells of Para)
    sections: list[Section]
    parts: dict[str, list[Para]]  # header/footer part name -> paragraphs
    part_kinds: dict[str, str]  # part name -> "header" | "footer"
    default_tab: int = 720
    even_odd: bool = False
    app_pages: int | None = None  # <Pages> of docProps/app.xml: the last saving application's count
    compat_mode: int = 0  # w:compatibilityMode of settings.xml (15: Word 2013+; 0: not given)


def _bool(props: dict[str, Any], key: str) -> bool:
    return bool(props.get(key, False))


class _Builder:
    def __init__(self, styles: Styles) -> None:
        self.styles = styles

    def para(self, p: Element, area: str, index: int, part: str, **where: Any) -> Para:
        pPr = para_props_of(p.find(_W + "pPr"))
        props = self.styles.para_props(pPr)
        style_id = self.styles.paragraph_style(pPr)
        runs: list[Run] = []
        segments: list[tuple[int, Element]] = []
        fields: list[str] = []
        pos = 0
        has_drawing = False
        for r in self._runs(p, fields):
            text_parts: list[str] = []
            run_len = 0  # a running sum: a run may hold millions of w:t
            for child in r:
                if not is_element(child):
                    continue
                tag = etree.QName(child).localname
                if tag == "t":
                    segments.append((pos + run_len, child))
                    text_parts.append(child.text or "")
                    run_len += len(text_parts[-1])
                elif tag in ("tab", "ptab"):
                    text_parts.append("\t")
                    run_len += 1
                elif tag in ("br", "cr"):
                    text_parts.append("\n")
                    run_len += 1
                elif tag == "noBreakHyphen":
                    text_parts.append("-")
                    run_len += 1
                elif tag == "instrText":
                    fields.append(child.text or "")
                elif tag in ("drawing", "pict", "object", "AlternateContent"):
                    has_drawing = True
            text = "".join(text_parts)
            rp = self.styles.run_props(style_id, run_props_of(r.find(_W + "rPr")))
            runs.append(Run(
                el=r, text=text, props=rp, size=(rp.get("size") or DEFAULT_SIZE_HALF_POINTS) / 2,
                bold=_bool(rp, "b"), italic=_bool(rp, "i"), underline=_bool(rp, "u"),
                color=rp.get("color", "AUTO"), font_ascii=self.styles.font(rp, "ascii"),
                font_hansi=self.styles.font(rp, "hAnsi")))
            pos += len(text)
        return Para(el=p, area=area, index=index, text="".join(r.text for r in runs), runs=runs,
                    style_id=style_id, style_name=self.styles.name_of(style_id), props=props,
                    part=part, segments=segments, has_drawing=has_drawing, fields=fields, **where)

    def _runs(self, el: Element, fields: list[str]) -> Iterator[Element]:
        # -- iterative, in document order: run containers nest as deep as the XML does (issue 7)
        stack = [iter(el)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if not is_element(child):
                continue
            tag = etree.QName(child).localname
            if tag == "r":
                yield child
            elif tag in _RUN_CONTAINERS:
                if tag == "fldSimple":
                    fields.append(child.get(_W + "instr") or "")
                stack.append(iter(child))


#: Block-level wrappers whose content counts as if it stood in their place (content controls,
#: custom XML), also around table rows and cells.
_BLOCK_CONTAINERS = {"sdt", "sdtContent", "customXml"}


def _children(el: Element, tag: str) -> list[Element]:
    """Return the `tag` children of `el` in order, looking through block wrappers at any depth."""
    out: list[Element] = []
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif is_element(child):
            name = etree.QName(child).localname
            if name == tag:
                out.append(child)
            elif name in _BLOCK_CONTAINERS:
                stack.append(iter(child))
    return out


#: A frame of _walk: the children still to read, the area and place, and the cell being filled
#: (None outside tables).
_Frame = tuple[Iterator[Element], str, dict[str, Any], "list[Para] | None"]


def _table_frames(tbl: Element, frame: _Frame, table_no: int | None) -> (
        tuple[list[_Frame], list[list[list[Para]]]]):
    """Return the frames of the cells of `tbl` (read inside `frame`) in reading order, and its
    rows of cells, each cell the list its paragraphs will fill."""
    _, f_area, f_where, cell = frame
    rows: list[list[list[Para]]] = []
    pushed: list[_Frame] = []
    for r_i, tr in enumerate(_children(tbl, "tr"), 1):
        cells: list[list[Para]] = []
        for c_i, tc in enumerate(_children(tr, "tc"), 1):
            inner = dict(f_where)
            if "table" not in f_where and f_area == "body":
                inner = {"table": table_no, "row": r_i, "col": c_i}
            own: list[Para] = []
            cells.append(own)
            # -- a nested table's paragraphs belong to the enclosing top-level cell
            pushed.append((iter(tc), "table" if f_area == "body" else f_area, inner,
                           own if cell is None else cell))
        rows.append(cells)
    return pushed, rows


def _file(para: Para, cell: list[Para] | None, blocks: list[tuple[str, Any]] | None) -> None:
    """Add `para` to the table cell it is in, or else to the top-level blocks (when kept)."""
    if cell is not None:
        cell.append(para)
    elif blocks is not None:
        blocks.append(("p", para))


def _walk(builder: _Builder, container: Element, area: str, part: str, out: list[Para],
          blocks: list[tuple[str, Any]] | None, where: dict[str, Any]) -> None:
    """Append the paragraphs of `container` to `out` in reading order (and top-level blocks to
    `blocks`). Iterative, without a depth limit: content nested in 22 content controls is content
    all the same, and must be checked (issue 7). Memory is bounded by the part size limits."""
    # -- a frame: the children still to read, the area and place, and the cell being filled (None
    #    outside tables). A table's cells are pushed in reverse so they pop in reading order.
    frames: list[_Frame] = [(iter(container), area, where, None)]
    tables = sum(1 for kind, _ in (blocks or []) if kind == "tbl")  # counted once, not per table
    while frames:
        children, f_area, f_where, cell = frames[-1]
        child = next(children, None)
        if child is None:
            frames.pop()
            continue
        if not is_element(child):
            continue
        tag = etree.QName(child).localname
        if tag == "p":
            para = builder.para(child, f_area, len(out) + 1, part, **f_where)
            out.append(para)
            _file(para, cell, blocks)
        elif tag == "tbl":
            table_no = f_where.get("table")
            if table_no is None and f_area == "body":
                table_no = tables + 1
            pushed, rows = _table_frames(child, (children, f_area, f_where, cell), table_no)
            frames.extend(reversed(pushed))
            if cell is None and blocks is not None:
                blocks.append(("tbl", rows))
                tables += 1
        elif tag in _BLOCK_CONTAINERS:
            frames.append((iter(child), f_area, f_where, cell))


def _section(el: Element, index: int, pkg: Package, prev: Section | None) -> Section:
    def attr(child: str, name: str) -> int | None:
        node = el.find(_W + child)
        return None if node is None else to_int(node.get(_W + name))

    refs: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
    for kind in ("header", "footer"):
        if prev is not None:
            refs[kind] = dict(prev.headers if kind == "header" else prev.footers)
        for ref in el.iterfind(_W + f"{kind}Reference"):
            rel = pkg.rels.get(ref.get(_R_ID) or "")
            if rel and rel[1] in pkg.parts:
                refs[kind][ref.get(_W + "type") or "default"] = rel[1]
    tp = el.find(_W + "titlePg")
    return Section(
        el=el, index=index, width=attr("pgSz", "w"), height=attr("pgSz", "h"),
        margins={k: attr("pgMar", k) for k in ("top", "bottom", "left", "right")},
        title_page=tp is not None and (tp.get(_W + "val") or "1") not in ("0", "false", "off"),
        headers=refs["header"], footers=refs["footer"])


def _sections_with_tables(body_el: Element | None) -> set[int]:
    """Return the 1-based indexes of the sections whose body holds a table of data (a paragraph's
    w:sectPr ends its section). The header and signature blocks are laid out in tables of two
    columns; a table of three columns or more is a bảng, biểu."""
    index, out = 1, set[int]()
    children: list[Element] = [] if body_el is None else list(body_el)
    for child in children:
        if child.tag == _W + "tbl" and len(child.findall(f"{_W}tblGrid/{_W}gridCol")) >= 3:
            out.add(index)
        elif child.tag == _W + "p" and child.find(f"{_W}pPr/{_W}sectPr") is not None:
            index += 1
    return out


def view(pkg: Package) -> DocView:
    """Return the view of the package `pkg`."""
    def part(suffix: str) -> Element | None:
        name = pkg.part_of_type(suffix)
        return pkg.parts.get(name) if name else None

    styles = Styles(part("styles"), part("theme"), part("numbering"))
    builder = _Builder(styles)
    root = pkg.parts[pkg.main]
    body_el = root.find(_W + "body")
    body: list[Para] = []
    blocks: list[tuple[str, Any]] = []
    if body_el is not None:
        _walk(builder, body_el, "body", pkg.main, body, blocks, {})
    sections: list[Section] = []
    sect_els = [] if body_el is None else [
        *body_el.iterfind(f"{_W}p/{_W}pPr/{_W}sectPr"),
        *(body_el.iterfind(f"{_W}sdt//{_W}p/{_W}pPr/{_W}sectPr")),
        *body_el.iterfind(_W + "sectPr")]
    for i, el in enumerate(sect_els, 1):
        sections.append(_section(el, i, pkg, sections[-1] if sections else None))
    for i in _sections_with_tables(body_el):
        if i <= len(sections):
            sections[i - 1].has_table = True
    parts: dict[str, list[Para]] = {}
    kinds: dict[str, str] = {}
    for rtype, target in pkg.rels.values():
        for kind in ("header", "footer"):
            if rtype == RT + kind and target in pkg.parts and target not in parts:
                paras: list[Para] = []
                _walk(builder, pkg.parts[target], kind, target, paras, None, {})
                parts[target] = paras
                kinds[target] = kind
    default_tab, even_odd = _settings(part("settings"))
    return DocView(name=pkg.name, styles=styles, body=body, blocks=blocks, sections=sections,
                   parts=parts, part_kinds=kinds, default_tab=default_tab, even_odd=even_odd,
                   app_pages=_app_pages(pkg), compat_mode=_compat_mode(part("settings")))


def _settings(settings: Element | None) -> tuple[int, bool]:
    """Return the default tab stop (twips) and whether even and odd pages have their own headers."""
    default_tab, even_odd = 720, False
    if settings is not None:
        tab = settings.find(_W + "defaultTabStop")
        if tab is not None:
            value = to_int(tab.get(_W + "val"))
            default_tab = 720 if value is None else value
        eo = settings.find(_W + "evenAndOddHeaders")
        even_odd = eo is not None and (eo.get(_W + "val") or "1") not in ("0", "false", "off")
    return default_tab, even_odd


def _compat_mode(settings: Element | None) -> int:
    """Return the w:compatibilityMode of settings.xml (0 when not given): from 15 (Word 2013) a
    table's indent is measured to its border, before that to the text of its first cell."""
    if settings is not None:
        for cs in settings.iter(_W + "compatSetting"):
            if cs.get(_W + "name") == "compatibilityMode":
                return to_int(cs.get(_W + "val")) or 0
    return 0


def _app_pages(pkg: Package) -> int | None:
    """Return the page count Word saved in docProps/app.xml, if any."""
    if pkg.app is not None:
        pages = pkg.parts[pkg.app].find(f"{{{_EXTENDED}}}Pages")
        if pages is not None:
            count = to_int(pages.text)
            return count if count is not None and count >= 0 else None
    return None
