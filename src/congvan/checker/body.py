"""Nội dung (ô 6), PL I §II.6: size, alignment, indent, spacing; căn cứ; Phần/Chương/Mục headings;
Điều/Khoản/Điểm numbering.

A Phần/Chương/Mục heading is a line that reads exactly ``Chương I``, ``Phần II``, ``Mục 1`` or
``Tiểu mục 2`` (nothing else on it), so ordinary sentences that mention a chapter are never taken
for one; its title is the next line, unless that is an article, clause, point, legal basis or
another heading (a missing title is not reported). The title is judged as a heading, not as body
text.

Căn cứ lines are those of a decision's preamble: the lines starting ``Căn cứ``, ``Theo đề
nghị`` or ``Xét`` above the decision line (``QUYẾT ĐỊNH:``, ``QUYẾT NGHỊ:``; decree30.md §3.6,
mẫu 1.1–1.3). The same words opening a sentence of a công văn, a tờ trình or a giấy nghỉ phép
(mẫu 1.10 ``Xét Đơn đề nghị …``) are prose, judged as body text.

A line without a letter (a dotted blank ``……… 7 ……``, a rule of underscores, ``./.`` alone) is a
placeholder of a sample or a mark, not a paragraph of text: no layout rule judges it; a line that
opens with a dotted blank continues one, so its indent is not judged.

Texts attached after the signature (``Anatomy.attached``: a Quy định issued with a Quyết định) are
judged like the body, each on its own: layout, Phần/Chương/Mục, Điều/khoản/điểm numbering.

Findings of the layout rules are grouped: one per distinct value found, at its first paragraph, with
the number of paragraphs (a document typed in Calibri 11 gets one ``noi_dung.co_chu``, not fifty).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import shorten
from ..rules import CHU_CAI_DIEM, GHI_CHU_GUI_KEM, LAYOUT, STYLES
from ..vietnamese.text import upper
from ._base import Ctx, align_vi, fmt_pt, fmt_range
from ._metrics import text_width_pt
from ._model import Para, Span
from .header import available_width

_DIEU = re.compile(r"^Điều\s+(?P<n>\d+)\s*(?P<mark>[.:)]?)")
_KHOAN = re.compile(r"^(?P<n>\d+)\.\s")
_DIEM = re.compile(r"^(?P<c>[a-zđ])\)\s")
_HEADING = re.compile(r"^(Phần|Chương|Mục|Tiểu mục)\s+[IVXLC\d]+\b|^[IVXLC]+\.\s")
_CHUONG_MUC = re.compile(r"^(?P<word>Phần|Chương|Mục|Tiểu mục)\s+(?P<n>[IVXLC]+|\d+)\.?$",
                         re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+$")
_CAN_CU = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Xét)\b")
#: A Phần/Chương/Mục/Tiểu mục heading with its title on the same line (``Mục 1. PHẠM VI``).
_CHUONG_MUC_INLINE = re.compile(r"^(?P<word>Phần|Chương|Mục|Tiểu mục)\s+(?P<n>[IVXLC]+|\d+)"
                                r"\s?[.:\-–—]\s?(?P<title>\S.*)$")
#: A note of the documents sent with a công văn, after its closing ``./.``: ``(Gửi kèm …)``.
_KEM = re.compile(GHI_CHU_GUI_KEM, re.IGNORECASE)
#: A dotted blank of the decree's samples opening a line.
_BLANK_START = re.compile(r"^[.…_]{3}")
#: Twips either side of 1 cm / 1.27 cm accepted as the first-line indent (about 0.5 mm).
INDENT_TOLERANCE = 28
SPACING_TOLERANCE = 10  # twips (0.5 pt)


def kind(para: Para, can_cu: bool = False) -> str:
    """Return the kind of a body paragraph: can_cu (when `can_cu`: it is in the căn cứ block),
    dieu, khoan, diem, heading, blank (no letter) or text."""
    text = para.clean
    if not any(c.isalpha() for c in text):
        return "blank"
    if can_cu and _CAN_CU.match(text):
        return "can_cu"
    if _DIEU.match(text):
        return "dieu"
    if _HEADING.match(text) or (text == upper(text) and any(c.isalpha() for c in text)):
        return "heading"
    if _DIEM.match(text):
        return "diem"
    if _KHOAN.match(text):
        return "khoan"
    return "text"


def _first_indent(ctx: Ctx, para: Para) -> int:
    indent = para.left + para.first_line
    if para.first_line <= 0 and para.text.startswith("\t"):
        indent += ctx.view.default_tab
    return indent


def _gap(prev: Para, cur: Para) -> int:
    if (prev.props.get("contextual") and cur.props.get("contextual")
            and prev.style_id == cur.style_id):
        return 0
    if cur.props.get("spacing.beforeAutospacing") or prev.props.get("spacing.afterAutospacing"):
        return 280
    return max(prev.after, 0) + max(cur.before, 0)


def _line_ok(para: Para) -> tuple[bool, str]:
    rule = para.props.get("spacing.lineRule") or "auto"
    line = para.props.get("spacing.line")
    if line is None:
        return True, ""
    lo, hi = LAYOUT.line_spacing_range
    if rule == "auto":
        ratio = line / 240
        return lo - 0.01 <= ratio <= hi + 0.01, f"{ratio:g} dòng"
    runs = para.text_runs()
    size = max((r.size for r in runs), default=STYLES["noi_dung"].size)
    pt = line / 20
    # An exact/at-least spacing: single spacing of Times New Roman is about 1.15 × the size.
    return size * lo <= pt <= size * hi * 1.15 + 0.5, f"{pt:g} pt ({rule})"


def _group(ctx: Ctx, rule_id: str, items: list[tuple[Para, str]], expected: str) -> None:
    by_found: dict[str, list[Para]] = {}
    for para, found in items:
        by_found.setdefault(found, []).append(para)
    for found, paras in by_found.items():
        ctx.add(rule_id, paras[0], f"{found} ({len(paras)} đoạn)", expected,
                paras=paras)


@dataclass
class _Found:
    """The body's deviations, paragraph by paragraph, reported grouped by what was found."""

    sizes: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])
    align: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])
    indent: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])
    spacing: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])
    line: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])
    dominant: Counter[float] = field(default_factory=Counter[float])


def _indent_off(ctx: Ctx, para: Para) -> str | None:
    """The first-line indent found, when it is neither of those PL I allows."""
    ind = _first_indent(ctx, para)
    if all(abs(ind - round(mm * 1440 / 25.4)) > INDENT_TOLERANCE
           for mm in LAYOUT.first_line_indents):
        return f"{ind / 1440 * 25.4:.2f} mm"
    return None


def _spacing_off(body: list[Para], i: int) -> str | None:
    """The gap above paragraph `i` when it follows its neighbour and is too small."""
    para = body[i]
    if i and body[i - 1].index == para.index - 1 and body[i - 1].area == para.area:
        gap = _gap(body[i - 1], para)
        if gap < LAYOUT.paragraph_space_pt * 20 - SPACING_TOLERANCE:
            return f"{gap / 20:g} pt"
    return None


def _judge(ctx: Ctx, body: list[Para], i: int, k: str, found: _Found) -> None:
    para = body[i]
    if k == "blank":
        return  # a placeholder, a typed rule or "./." alone: not a paragraph of text
    lo, hi = STYLES["noi_dung"].sizes
    runs = para.text_runs()
    bad = {r.size for r in runs if not lo - 0.01 <= r.size <= hi + 0.01}
    if bad:
        found.sizes.append((para, fmt_pt(bad)))
    if runs:
        found.dominant[Counter(r.size for r in runs for _ in r.text).most_common(1)[0][0]] += 1
    if (k in ("text", "khoan", "diem", "can_cu") and para.jc not in ("both", "distribute")
            and not _one_line(ctx, para)):
        found.align.append((para, f"canh {align_vi(para.jc)}"))
    # A centred or right-aligned line (a table's caption, its "Đơn vị tính") is not running text:
    # the first-line indent of PL I §II.6.e is the paragraphs'.
    judged = (k in ("text", "khoan", "diem", "dieu") and not _BLANK_START.match(para.clean)
              and para.jc not in ("center", "right", "end"))
    indent = _indent_off(ctx, para) if judged else None
    if indent is not None:
        found.indent.append((para, indent))
    spacing = _spacing_off(body, i)
    if spacing is not None:
        found.spacing.append((para, spacing))
    ok, line = _line_ok(para)
    if not ok:
        found.line.append((para, line))


#: Below this share of the line's width a left-aligned line surely does not wrap (the checker's
#: metrics ignore kerning; Word may shrink spaces).
_ONE_LINE_SHARE = 0.9


def _one_line(ctx: Ctx, para: Para) -> bool:
    """True when `para` fits on one line: Word justifies every line of a paragraph but its last,
    so a one-line paragraph prints the same left-aligned or justified (the "…điện:" line of mẫu
    1.6, a short closing line)."""
    width = available_width(ctx.view, para)
    runs = para.text_runs()
    if width is None or not runs or "\n" in para.text.strip():
        return False
    line = (width - para.left - para.right - max(para.first_line, 0)) / 20
    size = max(r.size for r in runs)
    used = text_width_pt(para.clean, size, bold=any(r.bold for r in runs),
                         italic=any(r.italic for r in runs))
    return used < line * _ONE_LINE_SHARE


def can_cu_block(body: list[Para]) -> list[Para]:
    """Return the căn cứ lines: the lines starting ``Căn cứ``/``Theo đề nghị``/``Xét`` right above
    the decision line (``QUYẾT ĐỊNH:``), where decree30.md §3.6 and mẫu 1.1–1.3 put them. Without a
    decision line there are none: the same words in a công văn or tờ trình open prose."""
    for i, para in enumerate(body):
        if _is_decision_line(para.clean):
            block: list[Para] = []
            for above in reversed(body[:i]):  # the lines right above it; a lone "." is skipped
                if _CAN_CU.match(above.clean):
                    block.insert(0, above)
                elif any(c.isalpha() for c in above.clean):
                    break
            return block
    return []


def _is_decision_line(text: str) -> bool:
    """True for ``QUYẾT ĐỊNH:``, ``QUYẾT NGHỊ:``: a short upper-case line ending with a colon."""
    return (len(text) <= 30 and text.endswith(":") and text == upper(text)
            and any(c.isalpha() for c in text))


def check(ctx: Ctx) -> None:
    body = ctx.an.body
    if body:
        _check_text(ctx, body, main=True)
    for part in ctx.an.attached:
        _check_text(ctx, part, main=False)


def _check_text(ctx: Ctx, body: list[Para], *, main: bool) -> None:
    """Judge one text: the body (`main`), or a text attached after the signature (no căn cứ, no
    closing mark of its own judged)."""
    style = STYLES["noi_dung"]
    lo, hi = style.sizes
    can_cu = {id(p) for p in can_cu_block(body)} if main else set[int]()
    kinds = {id(p): kind(p, id(p) in can_cu) for p in body}
    headings = _chuong_muc(ctx, body)
    for title in headings.values():
        if title is not None:
            kinds[id(title.para)] = "heading"  # judged by chuong_muc.tieu_de_*, not as body text
    for para in body:
        m = _CHUONG_MUC_INLINE.match(para.clean)
        if m is not None and _heading_like(para, m.group("title")):
            kinds[id(para)] = "heading"
            ctx.add("chuong_muc.dong_rieng", para, shorten(para.clean, 60),
                    f"{m.group('word')} {m.group('n')} trên một dòng riêng, tên ở dòng dưới")
    found = _Found()
    for i, para in enumerate(body):
        _judge(ctx, body, i, kinds[id(para)], found)
    _group(ctx, "noi_dung.co_chu", found.sizes, fmt_range(style.sizes))
    in_range = [s for s in found.dominant if lo - 0.01 <= s <= hi + 0.01]
    if len(in_range) > 1:
        ctx.add("noi_dung.mot_co_chu", body[0], fmt_pt(in_range), "một cỡ chữ cho toàn bộ nội dung")
    _group(ctx, "noi_dung.can_deu", found.align, "canh đều hai lề")
    _group(ctx, "noi_dung.thut_dau_dong", found.indent,
           " hoặc ".join(f"{mm / 10:g} cm" for mm in LAYOUT.first_line_indents))
    _group(ctx, "noi_dung.khoang_cach_doan", found.spacing,
           f"≥ {LAYOUT.paragraph_space_pt:g} pt")
    lo_l, hi_l = LAYOUT.line_spacing_range
    _group(ctx, "noi_dung.gian_dong", found.line, f"{lo_l:g}–{hi_l:g} dòng")
    if main and (ctx.an.noi_nhan_label or ctx.an.tham_quyen) and not _ends(body):
        ctx.add("noi_dung.ket_thuc", body[-1], body[-1].clean[-12:], "… ./.")
    _can_cu(ctx, body, kinds)
    _numbering(ctx, body, kinds)


def _ends(body: list[Para]) -> bool:
    """True when the body ends with "./.", or when only notes of the documents sent with it
    (``(Gửi kèm …)``) follow the paragraph that does."""
    for para in reversed(body):
        if para.clean.endswith("./."):
            return True
        if not _KEM.match(para.clean):
            return False
    return False


def _heading_like(para: Para, title: str) -> bool:
    """True when a line opening ``Mục 1.`` reads as a heading, not a sentence: its title is in
    upper case, or the whole line is bold."""
    runs = para.text_runs()
    return title == upper(title) or bool(runs and all(r.bold for r in runs))


def _chuong_muc(ctx: Ctx, body: list[Para]) -> dict[int, Span | None]:
    """Check the Phần/Chương/Mục lines and their titles; return heading span id → title span."""
    spans = [s for p in body for s in p.spans()]
    out: dict[int, Span | None] = {}
    for i, span in enumerate(spans):
        m = _CHUONG_MUC.match(span.text)
        if m is None:
            continue
        word, n = m.group("word").lower(), m.group("n")
        roman = word in ("phần", "chương")
        if bool(_ROMAN.match(n.upper())) != roman:
            ctx.add("chuong_muc.so_thu_tu", span, f"{m.group('word')} {n}",
                    f"{m.group('word')} " + ("I, II, III … (số La Mã)" if roman
                                             else "1, 2, 3 … (số Ả Rập)"))
        if span.para.jc != "center":
            ctx.add("chuong_muc.can_giua", span, f"canh {align_vi(span.para.jc)}", "canh giữa")
        ctx.style("chuong_muc", span, STYLES["chuong_muc"], case=False)
        title = spans[i + 1] if i + 1 < len(spans) else None
        if title is not None and (title.para is not span.para and title.para.index
                                  != span.para.index + 1):
            title = None
        if title is not None and (_CHUONG_MUC.match(title.text) or _DIEU.match(title.text)
                                  or _KHOAN.match(title.text) or _DIEM.match(title.text)
                                  or _CAN_CU.match(title.text)):
            title = None
        out[id(span)] = title
        if title is None:
            continue
        if title.para.jc != "center":
            ctx.add("chuong_muc.tieu_de_can_giua", title, f"canh {align_vi(title.para.jc)}",
                    "canh giữa")
        ctx.style("chuong_muc", title, STYLES["tieu_de_chuong_muc"],
                  kind_id="chuong_muc.tieu_de_kieu_chu")
    return out


def _can_cu(ctx: Ctx, body: list[Para], kinds: dict[int, str]) -> None:
    groups: list[list[Para]] = []
    for i, para in enumerate(body):
        if kinds[id(para)] != "can_cu":
            continue
        if groups and body.index(groups[-1][-1]) == i - 1:
            groups[-1].append(para)
        else:
            groups.append([para])
    for group in groups:
        for j, para in enumerate(group):
            runs = para.text_runs()
            if runs and not all(r.italic for r in runs):
                ctx.add("can_cu.kieu_chu", para, "không nghiêng", "nghiêng")
            last = j == len(group) - 1
            mark = "." if last else ";"
            if not para.clean.endswith(mark) or para.clean.endswith("./."):
                ctx.add("can_cu.dau_cau", para, f"…{para.clean[-12:]}", f"… {mark}")


def _number(digits: str) -> int:
    """Return the number `digits` write; past 9 digits, -1 (no Điều/khoản is numbered so)."""
    return int(digits) if len(digits) <= 9 else -1


@dataclass
class _Next:
    """The numbers the next Điều, khoản and điểm should carry."""

    dieu: int = 1
    khoan: int = 1
    diem: int = 0  # an index into CHU_CAI_DIEM


def _number_dieu(ctx: Ctx, para: Para, nxt: _Next) -> None:
    m = _DIEU.match(para.clean)
    if m is None:  # kind() matched it
        return
    n = _number(m.group("n"))
    if n != nxt.dieu:
        ctx.add("dieu.danh_so", para, f"Điều {shorten(m.group('n'), 12)}", f"Điều {nxt.dieu}")
    nxt.dieu = n + 1
    if m.group("mark") != "." or not _label_bold(para, m.group(0)):
        found = "không có dấu chấm sau số" if m.group("mark") != "." else "không đậm"
        ctx.add("dieu.dinh_dang", para, found,
                f"Điều {shorten(m.group('n'), 12)}. <Tiêu đề>, in đậm")
    nxt.khoan, nxt.diem = 1, 0


def _label_bold(para: Para, label: str) -> bool:
    """True when the article's label ``Điều 1.`` is bold.

    PL I §II.6.đ (decree30.md §3.6) asks the whole line bold (its example ``Điều 1. Bản sao văn
    bản``); the decree's own samples mẫu 1.2–1.4 (PL III) print only ``Điều 1.`` bold and the rest
    of the line regular, as individual decisions do. The two disagree, so both are accepted: the
    label must be bold, the rest may be either.
    """
    want = sum(not c.isspace() for c in label)
    seen = 0
    for run in para.runs:
        visible = sum(not c.isspace() for c in run.text)
        if not visible or run.props.get("vanish"):
            continue
        if not run.bold:
            return False
        seen += visible
        if seen >= want:
            return True
    return seen > 0


def _number_khoan(ctx: Ctx, para: Para, nxt: _Next) -> None:
    m = _KHOAN.match(para.clean)
    if m is None:  # kind() matched it
        return
    digits = m.group("n")
    n = _number(digits)
    if n != nxt.khoan:
        ctx.add("khoan.danh_so", para, f"{shorten(digits, 12)}.", f"{nxt.khoan}.")
    nxt.khoan = n + 1
    nxt.diem = 0


def _number_diem(ctx: Ctx, para: Para, nxt: _Next) -> None:
    m = _DIEM.match(para.clean)
    if m is None:  # kind() matched it
        return
    c = m.group("c")
    if c not in CHU_CAI_DIEM:
        ctx.add("diem.chu_cai", para, f"{c})", "chữ cái tiếng Việt: a) b) c) d) đ) e) g) …")
        nxt.diem += 1
        return
    want = CHU_CAI_DIEM[min(nxt.diem, len(CHU_CAI_DIEM) - 1)]
    if c != want:
        ctx.add("diem.thu_tu", para, f"{c})", f"{want})")
    nxt.diem = CHU_CAI_DIEM.index(c) + 1


def _numbering(ctx: Ctx, body: list[Para], kinds: dict[int, str]) -> None:
    nxt = _Next()
    for para in body:
        k = kinds[id(para)]
        if k == "dieu":
            _number_dieu(ctx, para, nxt)
        elif k == "heading":
            nxt.khoan, nxt.diem = 1, 0
        elif k == "khoan":
            _number_khoan(ctx, para, nxt)
        elif k == "diem":
            _number_diem(ctx, para, nxt)
