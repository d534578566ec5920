"""Effective formatting, resolved the way Word resolves it.

For a run: document defaults (``w:docDefaults/w:rPrDefault``) → the paragraph style chain
(``basedOn``, root first) → the run's character style chain → the run's own ``w:rPr``; each property
is taken from the last level that sets it. For a paragraph: defaults (``w:pPrDefault``) → paragraph
style chain → the numbering level (``w:numPr``) → the paragraph's own ``w:pPr``. A paragraph without
``w:pStyle`` uses the default paragraph style. Theme fonts (``w:asciiTheme="minorHAnsi"``) are
looked up in the theme part.

Simplifications, documented: table styles are ignored, and toggle properties (bold, italic) take the
last value set rather than Word's XOR of style levels (both only matter for unusual documents).

Lengths are kept in the file's units: twips for indents and spacing, half-points for sizes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from lxml import etree

from ._xml import Element, is_element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

__all__ = ["MAX_ATTRIBUTE", "A", "Styles", "W", "to_int"]

#: Word's own defaults when nothing at all is set (ECMA-376 §17.7.5: 10 pt; the font is the
#: application's default, which is Times New Roman).
DEFAULT_SIZE_HALF_POINTS = 20
DEFAULT_FONT = "Times New Roman"

_TRUE = {None, "1", "true", "on"}


def _w(el: Element | None, attr: str) -> str | None:
    return None if el is None else el.get(f"{{{W}}}{attr}")


#: Largest magnitude read from a numeric attribute: 10 000 times any real page (31 680 twips, the
#: schema's ST_TwipsMeasure bound) or size; past it a value is nonsense (or a "1e308" attack).
MAX_ATTRIBUTE = 10**9
#: Longest numeric attribute read: longer is not a number Word writes (and int() of 5 000 digits
#: raises, float() of them overflows).
_MAX_DIGITS = 32


def to_int(value: str | None) -> int | None:
    """Return the integer an attribute or element text of the document writes, None if unreadable.

    The file is untrusted: "inf", "nan", "1e400", 5 000 digits, "²" or "١٢" are unreadable, like an
    absent value, never an error (issue 7). Word writes ASCII integers; a decimal part is dropped.

    >>> to_int("240"), to_int(" 12.5 "), to_int("-720")
    (240, 12, -720)
    >>> to_int("inf"), to_int("nan"), to_int("1e400"), to_int("9" * 5000), to_int("²"), to_int(None)
    (None, None, None, None, None, None)
    """
    if value is None:
        return None
    text = value.strip()
    if not text or len(text) > _MAX_DIGITS or not text.isascii():
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    if not abs(number) <= MAX_ATTRIBUTE:  # also False for nan
        return None
    return int(number)


_int = to_int


def _toggle(el: Element) -> bool:
    val = _w(el, "val")
    return val is None or val.lower() in {"1", "true", "on"}


#: A reader of one property element: it records what `child` sets in `out`.
_Reader = Callable[[Element, dict[str, Any]], None]


def _r_fonts(child: Element, out: dict[str, Any]) -> None:
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        theme = _w(child, f"{slot}Theme" if slot != "cs" else "cstheme")
        value = _w(child, slot)
        if theme:
            out[f"font.{slot}"] = ("theme", theme)
        elif value:
            out[f"font.{slot}"] = value


def _r_size(child: Element, out: dict[str, Any]) -> None:
    size = _int(_w(child, "val"))
    if size:
        out["size"] = size


def _r_toggle(child: Element, out: dict[str, Any]) -> None:
    out[etree.QName(child).localname] = _toggle(child)


def _r_underline(child: Element, out: dict[str, Any]) -> None:
    out["u"] = (_w(child, "val") or "single") != "none"


def _r_color(child: Element, out: dict[str, Any]) -> None:
    out["color"] = (_w(child, "val") or "auto").upper()


def _r_style(child: Element, out: dict[str, Any]) -> None:
    out["_rStyle"] = _w(child, "val")


_RUN_READERS: dict[str, _Reader] = {
    "rFonts": _r_fonts, "sz": _r_size, "b": _r_toggle, "i": _r_toggle, "caps": _r_toggle,
    "strike": _r_toggle, "vanish": _r_toggle, "u": _r_underline, "color": _r_color,
    "rStyle": _r_style,
}


def run_props_of(rPr: Element | None) -> dict[str, Any]:
    """Return the properties `rPr` sets itself (no inheritance)."""
    out: dict[str, Any] = {}
    if rPr is None:
        return out
    for child in rPr:
        reader = _RUN_READERS.get(etree.QName(child).localname if is_element(child) else "")
        if reader is not None:
            reader(child, out)
    return out


def _p_jc(child: Element, out: dict[str, Any]) -> None:
    out["jc"] = _w(child, "val")


def _p_ind(child: Element, out: dict[str, Any]) -> None:
    for key, attrs in (("left", ("start", "left")), ("right", ("end", "right"))):
        for attr in attrs:
            if _w(child, attr) is not None:
                out[f"ind.{key}"] = _int(_w(child, attr)) or 0
                break
    if _w(child, "hanging") is not None:
        out["ind.first"] = -(_int(_w(child, "hanging")) or 0)
    elif _w(child, "firstLine") is not None:
        out["ind.first"] = _int(_w(child, "firstLine")) or 0


def _p_spacing(child: Element, out: dict[str, Any]) -> None:
    for attr in ("before", "after", "line"):
        if _w(child, attr) is not None:
            out[f"spacing.{attr}"] = _int(_w(child, attr))
    if _w(child, "lineRule") is not None:
        out["spacing.lineRule"] = _w(child, "lineRule")
    for attr in ("beforeAutospacing", "afterAutospacing"):
        if _w(child, attr) is not None:
            out[f"spacing.{attr}"] = _w(child, attr) in _TRUE


def _p_contextual(child: Element, out: dict[str, Any]) -> None:
    out["contextual"] = _toggle(child)


def _p_borders(child: Element, out: dict[str, Any]) -> None:
    for side in child:
        if is_element(side):
            val = _w(side, "val")
            out[f"border.{etree.QName(side).localname}"] = (
                None if val in (None, "nil", "none") else (val, _int(_w(side, "sz")) or 0))


def _p_numbering(child: Element, out: dict[str, Any]) -> None:
    ilvl = child.find(f"{{{W}}}ilvl")
    num = child.find(f"{{{W}}}numId")
    out["num"] = (_w(num, "val"), _w(ilvl, "val") or "0")


def _p_style(child: Element, out: dict[str, Any]) -> None:
    out["_pStyle"] = _w(child, "val")


def _p_toggle(child: Element, out: dict[str, Any]) -> None:
    out[etree.QName(child).localname] = _toggle(child)


def _p_tabs(child: Element, out: dict[str, Any]) -> None:
    # -- only whether custom tab stops are set: enough to know when a tab's width is unknown
    out["tabs"] = any(_w(t, "val") != "clear" for t in child.iterfind(f"{{{W}}}tab"))


_PARA_READERS: dict[str, _Reader] = {
    "jc": _p_jc, "ind": _p_ind, "spacing": _p_spacing, "contextualSpacing": _p_contextual,
    "pBdr": _p_borders, "numPr": _p_numbering, "pStyle": _p_style, "keepNext": _p_toggle,
    "pageBreakBefore": _p_toggle, "tabs": _p_tabs,
}


def para_props_of(pPr: Element | None) -> dict[str, Any]:
    """Return the paragraph properties `pPr` sets itself (no inheritance)."""
    out: dict[str, Any] = {}
    if pPr is None:
        return out
    for child in pPr:
        if not is_element(child):
            continue
        reader = _PARA_READERS.get(etree.QName(child).localname)
        if reader is not None:
            reader(child, out)
    return out


@dataclass
class _Style:
    style_id: str
    type: str
    name: str
    based_on: str | None
    rPr: dict[str, Any]
    pPr: dict[str, Any]


class Styles:
    """The styles part, the theme fonts and the numbering indents of one document."""

    def __init__(self, styles: Element | None, theme: Element | None = None,
                 numbering: Element | None = None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.doc_rPr: dict[str, Any] = {}
        self.doc_pPr: dict[str, Any] = {}
        self.theme: dict[str, str] = {}
        self.numbering: dict[tuple[str, str], dict[str, Any]] = {}
        #: Table styles: id → (based-on id, w:tblPr), and the default table style's id; the
        #: Nơi nhận check reads a table's indent and cell margins through them.
        self.table_styles: dict[str, tuple[str | None, Element | None]] = {}
        self.default_table: str | None = None
        if styles is not None:
            self._styles(styles)
        if theme is not None:
            self._theme(theme)
        if numbering is not None:
            self._numbering(numbering)

    def _styles(self, styles: Element) -> None:
        defaults = styles.find(f"{{{W}}}docDefaults")
        if defaults is not None:
            self.doc_rPr = run_props_of(defaults.find(f"{{{W}}}rPrDefault/{{{W}}}rPr"))
            self.doc_pPr = para_props_of(defaults.find(f"{{{W}}}pPrDefault/{{{W}}}pPr"))
        for st in styles.iter(f"{{{W}}}style"):
            sid = _w(st, "styleId") or ""
            stype = _w(st, "type") or "paragraph"
            based = st.find(f"{{{W}}}basedOn")
            name = st.find(f"{{{W}}}name")
            self.by_id[sid] = _Style(sid, stype, _w(name, "val") or sid, _w(based, "val"),
                                     run_props_of(st.find(f"{{{W}}}rPr")),
                                     para_props_of(st.find(f"{{{W}}}pPr")))
            if stype == "table":
                self.table_styles[sid] = (_w(based, "val"), st.find(f"{{{W}}}tblPr"))
            if (_w(st, "default") or "") in ("1", "true", "on"):
                if stype == "table":
                    self.default_table = sid
                elif stype == "paragraph":
                    self.default_para = sid
                elif stype == "character":
                    self.default_char = sid

    def _theme(self, theme: Element) -> None:
        for kind in ("major", "minor"):
            font = theme.find(f".//{{{A}}}{kind}Font")
            if font is None:
                continue
            for tag, slots in (("latin", ("HAnsi", "Ascii")), ("ea", ("EastAsia",)),
                               ("cs", ("Bidi",))):
                el = font.find(f"{{{A}}}{tag}")
                if el is not None and el.get("typeface"):
                    for slot in slots:
                        self.theme[f"{kind}{slot}"] = el.get("typeface") or ""

    def _numbering(self, numbering: Element) -> None:
        abstract: dict[str, dict[str, dict[str, Any]]] = {}
        for ab in numbering.iter(f"{{{W}}}abstractNum"):
            levels = {}
            for lvl in ab.iter(f"{{{W}}}lvl"):
                props = para_props_of(lvl.find(f"{{{W}}}pPr"))
                # -- a bullet prints its lvlText before the text: Writer's and Word's "- " lists
                #    are the typed dash of Kính gửi and Nơi nhận lines (PL I §II.5, §II.9)
                if _w(lvl.find(f"{{{W}}}numFmt"), "val") == "bullet":
                    props["bullet"] = _w(lvl.find(f"{{{W}}}lvlText"), "val") or ""
                levels[_w(lvl, "ilvl") or "0"] = props
            abstract[_w(ab, "abstractNumId") or ""] = levels
        for num in numbering.iter(f"{{{W}}}num"):
            ab_id = _w(num.find(f"{{{W}}}abstractNumId"), "val") or ""
            for ilvl, props in abstract.get(ab_id, {}).items():
                self.numbering[(_w(num, "numId") or "", ilvl)] = props

    # ------------------------------------------------------------------------------------------

    def name_of(self, style_id: str | None) -> str | None:
        """Return the display name of the style `style_id` (None when there is no such style)."""
        st = self.by_id.get(style_id or "")
        return st.name if st else None

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen and len(chain) < 50:
            seen.add(style_id)
            st = self.by_id[style_id]
            chain.append(st)
            style_id = st.based_on
        return list(reversed(chain))

    def paragraph_style(self, pPr_direct: dict[str, Any]) -> str | None:
        """Return the paragraph style id in force for a paragraph with direct props `pPr_direct`."""
        sid = pPr_direct.get("_pStyle")
        if sid in self.by_id:
            return sid
        return self.default_para

    def para_props(self, pPr_direct: dict[str, Any]) -> dict[str, Any]:
        """Return the effective paragraph properties of a paragraph."""
        out = dict(self.doc_pPr)
        for st in self._chain(self.paragraph_style(pPr_direct)):
            out.update(st.pPr)
        num = pPr_direct.get("num") or out.get("num")
        if num and num[0] not in (None, "0"):
            out.update(self.numbering.get((num[0] or "", num[1]), {}))
        out.update(pPr_direct)
        return out

    def run_props(self, para_style: str | None, rPr_direct: dict[str, Any]) -> dict[str, Any]:
        """Return the effective run properties of a run in a paragraph of style `para_style`."""
        out = dict(self.doc_rPr)
        for st in self._chain(para_style):
            out.update(st.rPr)
        char_style = rPr_direct.get("_rStyle") or self.default_char
        for st in self._chain(char_style):
            if st.type == "character":
                out.update(st.rPr)
        out.update(rPr_direct)
        return out

    def font(self, props: dict[str, Any], slot: str) -> str:
        """Return the font name for `slot` (``ascii``, ``hAnsi``…), theme fonts looked up."""
        value = props.get(f"font.{slot}")
        if value is None and slot == "hAnsi":
            value = props.get("font.ascii")
        if value is None:
            return DEFAULT_FONT
        if isinstance(value, tuple):  # (theme slot, theme font name) from run_props_of
            theme_font = cast("tuple[str, str]", value)[1]
            return self.theme.get(theme_font, f"(theme {theme_font})")
        return value
