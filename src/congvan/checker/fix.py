"""``congvan check --fix``: apply the safe fixes, write a copy, re-check.

Safe means formatting only, never wording: page size and margins (clamped into the decree's range),
fonts (every font slot set to Times New Roman, theme fonts removed), sizes of the components found
with a wrong size (set on their runs), padding of the số and of the date (digits only), the dash and
closing mark of each Nơi nhận entry (``entry_marks``: at the ends of the line, nothing moved), and
legacy TCVN3/VNI text converted to Unicode by ``congvan.vietnamese.legacy`` (``_reads_as``).
Everything else
stays as it was; the rules whose ``fixable`` is False are reported as left.

The input is read with lower limits than ``check`` (``MAX_FIX_FILE_BYTES`` for the file,
``MAX_FIX_PART_BYTES`` per XML part, ``MAX_FIX_TOTAL_BYTES`` together: fixing holds two views of the
document and the new zip at once, and must stay well inside 1 GiB), its size checked before it is
read; parts not modified are copied (inflating at most ``_edit._COPY_LIMIT`` bytes), and the
output is assembled in memory, then written atomically (``congvan._files.write_atomic``): a full
disk or a file-size limit leaves the previous output intact and no fragment. An output that is the
input (through a symlink, ``..`` or a hard link) or a folder is refused before any work. The
reading, copying and writing live in checker/_edit.py, which ``congvan copy`` shares.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from os import PathLike
from typing import IO, Any, Literal, cast

from lxml import etree

from ..rules import FONT, PAGE, STYLES
from ..vietnamese import legacy
from ._edit import (
    MAX_FIX_FILE_BYTES,
    MAX_FIX_PART_BYTES,
    MAX_FIX_TOTAL_BYTES,
    check_output,
    copy_package,
    input_bytes,
    serialise,
    write_output,
)
from ._families import check_view
from ._model import DocView, Para, Run, Span, view
from ._package import Package, SourceType, read_package
from ._resolve import W
from ._xml import Element, is_element
from .finding import Finding

__all__ = ["MAX_FIX_FILE_BYTES", "MAX_FIX_PART_BYTES", "MAX_FIX_TOTAL_BYTES", "FixReport", "fix"]

_W = f"{{{W}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: Schema order of w:rPr children (ECMA-376 CT_RPr), so inserted elements keep Word happy.
_RPR_ORDER = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
              "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
              "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
              "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
              "eastAsianLayout", "specVanish", "oMath"]
_TWIPS_PER_MM = 1440 / 25.4
_DAY_MONTH = re.compile(r"ngày\s+(\d+)\s+tháng\s+(\d+)", re.IGNORECASE)
#: The marks a Nơi nhận entry may start with instead of "- " (recipients.py reads the same).
_NN_DASHES = "-–—+•*"


@dataclass
class FixReport:
    """What ``fix`` did: the findings it fixed and those left (the re-check of the output)."""

    output: str
    fixed: list[Finding] = field(default_factory=list[Finding])
    remaining: list[Finding] = field(default_factory=list[Finding])
    before: list[Finding] = field(default_factory=list[Finding])


def _key(f: Finding) -> tuple[Any, ...]:
    loc = f.location
    return (f.rule, loc.area, loc.paragraph, loc.table, loc.row, loc.col, loc.part, loc.section)


def _set_child(parent: Element, order: list[str], tag: str,
               attrs: dict[str, str]) -> Element:
    el = parent.find(_W + tag)
    if el is None:
        el = etree.SubElement(parent, _W + tag)
        parent.remove(el)
        pos = order.index(tag)
        index = len(parent)
        for i, child in enumerate(parent):
            name = etree.QName(child).localname if is_element(child) else ""
            if name in order and order.index(name) > pos:
                index = i
                break
        parent.insert(index, el)
    for key in _attr_names(el):
        if key.startswith(_W) and etree.QName(key).localname.lower().endswith("theme"):
            del el.attrib[key]
    for key, value in attrs.items():
        el.set(_W + key, value)
    return el


def _attr_names(el: Element) -> list[str]:
    """The attribute names of `el` (str at runtime; lxml-stubs also allows bytes)."""
    return cast("list[str]", list(el.attrib))


def _rPr(run: Element) -> Element:
    rPr = run.find(_W + "rPr")
    if rPr is None:
        rPr = etree.Element(_W + "rPr")
        run.insert(0, rPr)
    return rPr


def _set_size(run: Element, size_pt: float) -> None:
    half = str(round(size_pt * 2))
    rPr = _rPr(run)
    _set_child(rPr, _RPR_ORDER, "sz", {"val": half})
    _set_child(rPr, _RPR_ORDER, "szCs", {"val": half})


def replace_text(para: Para, start: int, end: int, new: str) -> bool:
    """Replace ``para.text[start:end]`` by `new` inside the paragraph's w:t nodes.

    Return False (changing nothing) when the stretch is not all inside w:t text (a tab or break).
    """
    covered = 0
    nodes: list[tuple[int, Element, int, int]] = []
    for offset, node in para.segments:
        length = len(node.text or "")
        lo, hi = max(start, offset), min(end, offset + length)
        if lo < hi or (start == end and offset <= start <= offset + length):
            nodes.append((offset, node, lo, hi))
            covered += hi - lo
    if covered != end - start or not nodes:
        return False
    for i, (offset, node, lo, hi) in enumerate(nodes):
        text = node.text or ""
        node.text = text[:lo - offset] + (new if i == 0 else "") + text[hi - offset:]
        node.set(_XML_SPACE, "preserve")
    return True


class _Fixer:
    def __init__(self, pkg: Package, doc: DocView, findings: list[Finding]) -> None:
        self.pkg = pkg
        self.doc = doc
        self.findings = findings
        self.modified: set[str] = set()
        self.edits: list[tuple[Para, int, int, str]] = []

    def touch(self, el: Element) -> None:
        root = el.getroottree().getroot()
        for name, part in self.pkg.parts.items():
            if part is root:
                self.modified.add(name)

    def run(self) -> None:
        rules = {f.rule for f in self.findings}
        for f in self.findings:
            handler = getattr(self, "_" + f.rule.replace(".", "_"), None)
            if handler is not None:
                handler(f)
            elif f.rule.endswith("co_chu") and f.fixable:
                self._size(f)
        self._apply_edits()
        if "phong_chu.ma_cu" in rules:
            self._convert_legacy()
        if rules & {"phong_chu.times_new_roman", "phong_chu.ma_cu"}:
            self._fonts()

    # -- page -------------------------------------------------------------------------------------

    def _trang_kho_giay(self, f: Finding) -> None:
        for sec in self.doc.sections:
            if sec.index != f.location.section:
                continue
            w, h = round(PAGE.width * _TWIPS_PER_MM), round(PAGE.height * _TWIPS_PER_MM)
            if sec.width and sec.height and sec.width > sec.height:
                w, h = h, w
            pg = sec.el.find(_W + "pgSz")
            if pg is None:
                pg = etree.SubElement(sec.el, _W + "pgSz")
            pg.set(_W + "w", str(w))
            pg.set(_W + "h", str(h))
            self.touch(sec.el)

    def _trang_le(self, f: Finding) -> None:
        for sec in self.doc.sections:
            if sec.index != f.location.section:
                continue
            side, lo, hi = f.data["side"], f.data["lo"], f.data["hi"]
            mar = sec.el.find(_W + "pgMar")
            if mar is None:
                mar = etree.SubElement(sec.el, _W + "pgMar")
            value = sec.margins.get(side)
            value_mm = (1440 if value is None else abs(value)) / _TWIPS_PER_MM
            mar.set(_W + side, str(round(min(max(value_mm, lo), hi) * _TWIPS_PER_MM)))
            self.touch(sec.el)

    # -- sizes ------------------------------------------------------------------------------------

    def _runs_of(self, target: Any) -> list[Element]:
        if isinstance(target, Span):
            return [r.el for r in target.runs()]
        if isinstance(target, Para):
            return [r.el for r in target.text_runs()]
        return []

    def _size(self, f: Finding) -> None:
        size = f.data.get("size")
        if size is None:
            return
        for run in self._runs_of(f.data.get("target")):
            _set_size(run, size)
            self.touch(run)

    def _co_quan_co_chu(self, f: Finding) -> None:
        size = STYLES["co_quan_ban_hanh"].size
        for span in _issuer_spans(self, f):
            for run in span.runs():
                if not STYLES["co_quan_ban_hanh"].sizes[0] <= run.size <= (
                        STYLES["co_quan_ban_hanh"].sizes[1]):
                    _set_size(run.el, size)
                    self.touch(run.el)

    def _noi_dung_co_chu(self, f: Finding) -> None:
        lo, hi = STYLES["noi_dung"].sizes
        counts: Counter[float] = Counter()
        for para in self.doc.body:
            for r in para.text_runs():
                if lo <= r.size <= hi:
                    counts[r.size] += len(r.text)
        size = counts.most_common(1)[0][0] if counts else STYLES["noi_dung"].size
        for para in f.data.get("paras", []):
            for run in para.text_runs():
                if not lo - 0.01 <= run.size <= hi + 0.01:
                    _set_size(run.el, size)
                    self.touch(run.el)

    # -- text: padding and punctuation -------------------------------------------------------------

    def _so_ky_hieu_so_0_dau(self, f: Finding) -> None:
        span = f.data["target"]
        digits, want = f.data["digits"], f.data["want"]
        i = span.para.text.find(digits, span.start)
        if i >= 0:
            self.edits.append((span.para, i, i + len(digits), want))

    def _dia_danh_thoi_gian_so_0_dau(self, f: Finding) -> None:
        span = f.data["target"]
        m = _DAY_MONTH.search(span.para.text, span.start)
        if m is None:
            return
        (d, want_d), (mo, want_m) = f.data["day"], f.data["month"]
        if want_m != mo:
            self.edits.append((span.para, m.start(2), m.end(2), want_m))
        if want_d != d:
            self.edits.append((span.para, m.start(1), m.end(1), want_d))

    def _noi_nhan_dau_cau(self, f: Finding) -> None:
        span = f.data["target"]
        raw = span.raw
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        first, last = raw.find("\n", lead, trail), raw.rfind("\n", lead, trail)
        closing = f.data["want"].endswith(".")
        if closing and span.para.text[span.end:].lstrip().startswith(tuple(_NN_DASHES)):
            return  # -- more entries follow on soft-broken lines: "." is not certain
        if first < 0:
            for start, end, new in entry_marks(raw, closing):
                if span.bullet and new.startswith("-"):
                    continue  # -- the list bullet prints the dash: typing one would print two
                self.edits.append((span.para, span.start + start, span.start + end, new))
            return
        # -- an entry wrapped with Shift+Enter: its first line takes the dash, its last line the
        #    closing mark; the line break between stays
        head, tail = raw[lead:first], raw[last + 1:trail]
        if not head.startswith("- ") and not span.bullet:
            self.edits.append((span.para, span.start + lead, span.start + first,
                               "- " + head.lstrip(_NN_DASHES).lstrip()))
        end, mark = tail.rstrip(" ;.,:"), f.data["want"][-1]
        if tail != end + mark:
            self.edits.append((span.para, span.start + last + 1 + len(end), span.start + trail,
                               mark))

    def _apply_edits(self) -> None:
        for para, start, end, new in sorted(self.edits, key=lambda e: (id(e[0]), -e[1])):
            if replace_text(para, start, end, new):
                self.touch(para.el)

    # -- fonts and legacy encodings ---------------------------------------------------------------

    def _convert_legacy(self) -> None:
        from .fonts import all_paras, legacy_encoding_of_font

        for para in all_paras(self.doc):
            # -- the runs of each legacy font, and those of Unicode fonts, are judged together;
            #    text that reads as legacy as a whole is converted, and in text that mixes both,
            #    only the w:t pieces that read as legacy alone (a ".VnTime" font over Unicode text
            #    gets its font changed, never its letters) --
            groups: dict[str | None, list[Run]] = {}
            for run in para.text_runs():
                font_enc = next((legacy_encoding_of_font(f) for f in run.fonts_used()
                                 if legacy_encoding_of_font(f)), None)
                groups.setdefault(font_enc, []).append(run)
            for font_enc, runs in groups.items():
                text = "".join(r.text for r in runs)
                enc = legacy.detect_legacy_encoding(text, expected=font_enc, whole=True)
                mixed = enc is None and legacy.detect_legacy_encoding(text, expected=font_enc)
                if not enc and not mixed:
                    continue
                self._convert_runs(runs, enc, mixed)

    def _convert_runs(self, runs: list[Run], enc: str | None,
                      mixed: str | Literal[False] | None) -> None:
        """Convert the w:t of `runs`: all of them from `enc`, or (text that mixes both) those
        that read as `mixed` alone."""
        for run in runs:
            for t in run.el.iter(_W + "t"):
                if enc and t.text and _reads_as(t.text, enc):
                    new = legacy.legacy_to_unicode(t.text, enc)
                elif t.text and legacy.detect_legacy_encoding(t.text) == mixed:
                    new = legacy.legacy_to_unicode(t.text)
                else:
                    continue
                if new != t.text:
                    t.text = new
                    t.set(_XML_SPACE, "preserve")
                    self.touch(run.el)

    def _fonts(self) -> None:
        attrs = {slot: FONT for slot in ("ascii", "hAnsi", "eastAsia", "cs")}
        for name, root in self.pkg.parts.items():
            changed = False
            for el in root.iter(_W + "rFonts"):
                for key in list(el.attrib):
                    if etree.QName(key).localname.lower().endswith("theme"):
                        del el.attrib[key]
                for key, value in attrs.items():
                    el.set(_W + key, value)
                changed = True
            if etree.QName(root).localname == "styles":
                _set_child(_default_rPr(root), _RPR_ORDER, "rFonts", attrs)
                changed = True
            if changed:
                self.modified.add(name)


#: What a clerk types for the dash that opens a Nơi nhận entry.
_DASHES = "-‐‑–—−•·+*"
#: The closing marks a Nơi nhận entry may end with, wrongly or rightly.
_MARKS = ";.,:"


def entry_marks(raw: str, last: bool) -> list[tuple[int, int, str]]:
    r"""Return the edits (start, end, new text) of the Nơi nhận entry `raw` that give it its leading
    "- " and its closing mark (";", "." for the last, PL I §II.9.d), and change nothing else.

    Words, the spaces between them and a note in brackets stay where they are: the mark goes at the
    end. A line with a break or a tab inside is left alone: where one entry ends is not certain.

    >>> entry_marks("- Phó Giám đốc Sở (Đ/c Duệ)", False)
    [(27, 27, ';')]
    >>> entry_marks("UBND tỉnh     (để b/c).", False)
    [(22, 23, ';'), (0, 0, '- ')]
    >>> entry_marks("- Như trên;\n- Lưu: VT", True)
    []
    """
    body = raw.strip()
    if not body or any(ch in body for ch in "\n\t\v\r"):
        return []
    start = len(raw) - len(raw.lstrip())
    end = len(raw.rstrip())
    edits: list[tuple[int, int, str]] = []
    closing = end
    while closing > start and raw[closing - 1] in _MARKS:
        closing -= 1
    mark = "." if last else ";"
    if raw[closing:end] != mark:
        edits.append((closing, end, mark))
    if raw[start] == "-" and raw[start + 1:start + 2] == " ":
        pass
    elif raw[start] in _DASHES:
        edits.append((start, start + 1, "-" if raw[start + 1:start + 2].isspace() else "- "))
    else:
        edits.append((start, start, "- "))
    return edits


def _reads_as(piece: str, enc: str) -> bool:
    """Return True when the w:t text `piece` of a paragraph that reads as `enc` as a whole may be
    converted: it is ASCII (unchanged by any decoding) or reads as `enc` by itself. A Unicode word
    typed among legacy text ("Thông": TCVN3 "Thụng") is never decoded.
    """
    return piece.isascii() or legacy.detect_legacy_encoding(piece, expected=enc) == enc


def _default_rPr(styles: Element) -> Element:
    """Return the document's default run properties (``w:docDefaults/w:rPrDefault/w:rPr``),
    made when missing."""
    defaults = styles.find(_W + "docDefaults")
    if defaults is None:
        defaults = etree.Element(_W + "docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(_W + "rPrDefault")
    if rpr_default is None:
        rpr_default = etree.Element(_W + "rPrDefault")
        defaults.insert(0, rpr_default)
    rPr = rpr_default.find(_W + "rPr")
    if rPr is None:
        rPr = etree.SubElement(rpr_default, _W + "rPr")
    return rPr


def _issuer_spans(fixer: _Fixer, f: Finding) -> list[Span]:
    from ._anatomy import locate

    return locate(fixer.doc).co_quan


def fix(source: SourceType, output: str | PathLike[str] | IO[bytes], *,
        name: str | None = None) -> FixReport:
    """Write `source` with the safe fixes applied to `output`; return what was fixed and what is
    left.

    Raise ``DocxReadError`` when `source` cannot be read safely (or is larger than ``fix`` reads),
    ``RenderError`` when `output` is the input, a folder, or cannot be written (codes
    ``fix.output_is_input``, ``fix.output_is_directory``, ``fix.output_not_regular``,
    ``fix.write_failed``); a failed write leaves a previous file at `output` intact.
    """
    if not hasattr(output, "write"):
        check_output(source, cast("str | PathLike[str]", output))
    source, name = input_bytes(source, name)
    limits = (MAX_FIX_FILE_BYTES, MAX_FIX_PART_BYTES, MAX_FIX_TOTAL_BYTES)
    pkg = read_package(source, name, limits=limits)
    doc = view(pkg)
    before = check_view(doc)
    fixer = _Fixer(pkg, doc, before)
    fixer.run()
    replaced = {part: serialise(pkg.parts[part]) for part in fixer.modified}
    del fixer, doc
    data = copy_package(source, replaced)
    changed = bool(replaced)
    del replaced
    # -- the fixes add a few elements per run: room for the output to grow past the input's limits
    room = (2 * MAX_FIX_FILE_BYTES, 2 * MAX_FIX_PART_BYTES, 2 * MAX_FIX_TOTAL_BYTES)
    fixed = view(read_package(data, pkg.name, limits=room))
    if changed:
        # -- the page count docProps/app.xml records is the input's: a changed margin, size or
        #    font moves text across pages, so the re-check counts the output's own pages
        fixed.app_pages = None
    after = check_view(fixed)
    left = {_key(f) for f in after}
    report = FixReport(output=str(getattr(output, "name", output)),
                       fixed=[f for f in before if _key(f) not in left], remaining=after,
                       before=before)
    write_output(output, data)
    return report
