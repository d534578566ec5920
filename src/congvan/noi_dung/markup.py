"""The body markup (docs/noi-dung.md): a Markdown subset, parsed by markdown-it-py, into blocks.

A plain string stays one plain paragraph, exactly as typed; headings ``# Điều: …``, numbered and
dash lists, bold and italic, footnotes and pipe tables become the numbered structure of PL I
§II.6.đ. congvan writes every number; anything outside the subset is an error naming the line,
never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

from ..errors import InvalidDocumentError, Problem, shorten
from ..formatting import format_ket_thuc
from ..rules import GHI_CHU_GUI_KEM
from ..vietnamese.text import strip_xml_illegal
from . import tables
from .blocks import Block, Cell, Kind, Paragraph, Run, Table
from .numbering import Counters, chu_cai, roman

__all__ = [
    "MAX_BLOCKS",
    "MAX_BLOCK_CHARS",
    "MAX_PROBLEMS",
    "MAX_RAW_BLOCKS",
    "MAX_TEXT_CHARS",
    "REF_KINDS",
    "ParsedBody",
    "end_with_period",
    "parse_noi_dung",
    "resolve_refs",
]

Path = tuple[str | int, ...]

# The bounds of congvan.models (MAX_TEXT_CHARS, MAX_ITEMS, MAX_PROBLEMS), repeated here because the
# models import this package; tests/test_noi_dung.py checks they stay equal.
MAX_TEXT_CHARS = 10_000
#: A string block is refused above this size before it is parsed: bounded cost, nothing cut.
MAX_BLOCK_CHARS = 4 * MAX_TEXT_CHARS
#: Blocks in one `noi_dung` list (models.MAX_ITEMS).
MAX_RAW_BLOCKS = 1_000
#: Paragraphs and tables one body parses to (a string block may hold several paragraphs).
MAX_BLOCKS = 10 * MAX_RAW_BLOCKS
MAX_PROBLEMS = 50
#: markdown-it's own bound on nesting (its recursion): far above the deepest structure congvan
#: accepts (``+`` under ``-`` under a điểm under a khoản), so what it cuts is an error anyway.
MAX_NESTING = 20

#: The kinds a cross-reference ``{kind:id}`` may name.
REF_KINDS = ("dieu", "khoan", "diem", "chuong", "muc", "tieu_muc", "phan", "phu_luc")

_MD = (MarkdownIt("commonmark", {"maxNesting": MAX_NESTING, "linkify": False,
                                 "typographer": False})
       .enable("table")
       .use(footnote_plugin)
       # Kept as typed: "&amp;" stays "&amp;"; "^[…]" stays text (footnotes are "[^1]").
       .disable(["entity", "footnote_inline"]))

_ID = r"[a-z0-9][a-z0-9_-]*"
_REF = re.compile(r"\{(" + "|".join(REF_KINDS) + r"):(" + _ID + r")\}")
_ANCHOR_START = re.compile(r"^\{#(" + _ID + r")\}[ ]*")
_ANCHOR_END = re.compile(r"[ ]*\{#(" + _ID + r")\}$")
_GUI_KEM = re.compile(GHI_CHU_GUI_KEM, re.IGNORECASE)
_DOUBLE_SPACE = re.compile(r" {2,}")
#: A line typed as a numbered item ("2. …", "3) …"), which CommonMark joins to the paragraph above.
_NUMBERED_LINE = re.compile(r"^[ ]{0,3}(\d{1,9})([.)])[ \t]")
_ANCHOR_ANY = re.compile(r"\{#[\w-]+\}")  # id-like: {#Sai} is refused, {#c#} is text
# A reference whose kind is known but whose id is malformed: a typo, never printed as is.
_REF_LIKE = re.compile(r"\{(" + "|".join(REF_KINDS) + r"):([^{}]*)\}")
_FOOTNOTE_LEFT = re.compile(r"\[\^[^\]\s]+\]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Markers of unresolved cross-references inside Run.text: private-use characters around the
# index into ParsedBody.refs. Typed private-use markers are refused, so no text can fake one.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKER = re.compile(_OPEN + r"(\d+)" + _CLOSE)
_HEADING = re.compile(r"^(tiểu mục|phần|chương|mục|điều)(?!\w)[ ]*(:?)[ ]*", re.IGNORECASE)
_KEYWORDS = {"phần": "phan", "chương": "chuong", "mục": "muc", "tiểu mục": "tieu_muc",
             "điều": "dieu"}
_TEN = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "tieu_muc": "Tiểu mục", "dieu": "Điều"}

# What markdown-it recognises but the subset refuses, named for the clerk.
_UNSUPPORTED = {
    "link_open": "liên kết (link)", "image": "hình ảnh (image)", "code_inline": "mã `…` (code)",
    "code_block": "khối mã thụt lề (indented code: bỏ thụt đầu dòng)",
    "fence": "khối mã ``` (code)",
    "html_inline": "thẻ HTML (HTML)", "html_block": "khối HTML (HTML)",
    "blockquote": "trích dẫn > (blockquote)", "hr": "đường kẻ --- (thematic break)",
    "autolink": "liên kết <…> (autolink)",
    "footnote_ref": "chú thích [^…] trong lời chú thích hoặc ô bảng {bang} (nested footnote)",
}


@dataclass(frozen=True)
class ParsedBody:
    """A parsed body: its blocks (cross-references still markers), the numbers of its ids, the
    references it makes, and whether it has articles (structure A)."""

    blocks: tuple[Block, ...]
    anchors: Mapping[tuple[str, str], str]
    refs: tuple[tuple[Path, int, str, str], ...]
    has_dieu: bool
    dieu_count: int


def _message(line: int | None, vietnamese: str, english: str) -> str:
    where = f"dòng {line}: " if line is not None else ""
    return f"{where}{vietnamese} ({english})"


@dataclass
class _Problems:
    items: list[Problem] = field(default_factory=list[Problem])
    more: int = 0

    def add(self, path: Path, code: str, line: int | None, vietnamese: str, english: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Problem(path, code, _message(line, vietnamese, english)))
        else:
            self.more += 1

    def raise_any(self) -> None:
        if self.items:
            problems = list(self.items)
            if self.more:
                problems.append(Problem((), "problems.more", (
                    f"… và {self.more} lỗi nữa (more problems: fix these first)")))
            raise InvalidDocumentError(problems)


def _tidy(runs: list[Run]) -> tuple[Run, ...]:
    """Merge runs of one formatting, drop empty ones, trim the paragraph's ends."""
    merged: list[Run] = []
    for run in runs:
        if not run.text and run.footnote is None:
            continue
        last = merged[-1] if merged else None
        if (last is not None and last.footnote is None and run.footnote is None
                and (last.bold, last.italic) == (run.bold, run.italic)):
            merged[-1] = Run(last.text + run.text, last.bold, last.italic)
        else:
            merged.append(run)
    if merged and merged[0].footnote is None:
        first = merged[0]
        merged[0] = Run(first.text.lstrip(" "), first.bold, first.italic)
    if merged and merged[-1].footnote is None:
        last = merged[-1]
        merged[-1] = Run(last.text.rstrip(" "), last.bold, last.italic)
    return tuple(r for r in merged if r.text or r.footnote is not None)


def _bold(runs: Sequence[Run]) -> tuple[Run, ...]:
    return tuple(Run(r.text, True, r.italic, r.footnote) for r in runs)


@dataclass
class _Walker:
    """Walks the blocks of one body in order, numbering as it goes."""

    structure_a: bool
    landscape: bool
    problems: _Problems = field(default_factory=_Problems)
    counters: Counters = field(default_factory=Counters)
    blocks: list[Block] = field(default_factory=list[Block])
    anchors: dict[tuple[str, str], str] = field(default_factory=dict[tuple[str, str], str])
    anchor_lines: dict[tuple[str, str], tuple[Path, int | None]] = field(
        default_factory=dict[tuple[str, str], tuple[Path, int | None]])
    refs: list[tuple[Path, int, str, str]] = field(
        default_factory=list[tuple[Path, int, str, str]])
    dieu_count: int = 0
    # A run-in article (``# Điều`` with no title): its number waits for the paragraph after it.
    run_in: tuple[int, int | None] | None = None
    # per string block
    path: Path = ()
    lines: list[str] = field(default_factory=list[str])
    footnotes: dict[int, tuple[Paragraph, ...]] = field(
        default_factory=dict[int, tuple[Paragraph, ...]])

    # -- problems --

    def error(self, code: str, line: int | None, vietnamese: str, english: str) -> None:
        self.problems.add(self.path, code, line, vietnamese, english)

    def unsupported(self, what: str, line: int | None) -> None:
        self.error("noi_dung.khong_ho_tro", line, f"{what} không hỗ trợ trong nội dung",
                   "not supported in the body markup, see docs/noi-dung.md")

    def emit(self, block: Block) -> None:
        self.blocks.append(block)

    # -- inline text --

    def runs(self, inline: Token | SyntaxTreeNode | None, line: int | None = None,
             *, allow_footnotes: bool = True) -> list[Run]:
        """Return the runs of an inline token: text, bold, italic, breaks, footnotes, refs."""
        if inline is None:
            return []
        if isinstance(inline, SyntaxTreeNode):
            token = inline.token
            if token is None:
                return []
            inline = token
        if line is None:
            line = inline.map[0] + 1 if inline.map else None
        out: list[Run] = []
        style = [0, 0]  # open bold, open italic
        for child in inline.children or []:
            line = self.inline_token(child, out, style, line, allow_footnotes)
        return out

    def inline_token(self, child: Token, out: list[Run], style: list[int], line: int | None,
                     allow_footnotes: bool) -> int | None:
        """Add the runs of one inline token to `out`; return the line after it."""
        kind = child.type
        bold, italic = style[0] > 0, style[1] > 0
        if kind in ("text", "text_special"):
            out += self.text_runs(child.content, bold, italic, line)
        elif kind in ("softbreak", "hardbreak"):
            out.append(Run(" " if kind == "softbreak" else "\n", bold, italic))
            if line is None:
                return None
            source = self.lines[line] if line < len(self.lines) else ""
            m = _NUMBERED_LINE.match(source)
            if m:
                # CommonMark: a list that does not start at 1 cannot interrupt a paragraph, so the
                # line would silently join it ("như sau: 2. …"). Refuse, saying how to type it.
                self.error("noi_dung.so_thu_tu", line + 1,
                           f"'{shorten(source.strip(), 30)}' dính vào đoạn trên: để một dòng trống "
                           f"trước danh sách (congvan tự đánh số), hoặc gõ {m.group(1)}\\"
                           f"{m.group(2)} nếu đó là chữ",
                           "a numbered line joins the paragraph above: leave a blank line before "
                           "the list, or escape the number")
            return line + 1
        elif kind in _STYLE_TOKENS:
            index, step = _STYLE_TOKENS[kind]
            style[index] += step
        elif kind == "footnote_ref" and allow_footnotes:
            paragraphs = self.footnotes.get(int(child.meta["id"]))
            if int(child.meta.get("subId", 0)):
                self.error("noi_dung.chu_thich", line,
                           f"chú thích [^{shorten(child.meta.get('label', ''))}] đã dẫn một lần; "
                           "Word đánh số mỗi chú thích một lần: viết lời chú thích mới",
                           "a footnote is referenced once")
            elif paragraphs is None:
                self.error("noi_dung.chu_thich", line, "chú thích chưa có nội dung",
                           "footnote without text")
            else:
                out.append(Run("", footnote=paragraphs))
        elif kind not in ("footnote_anchor", "link_close"):
            self.unsupported(_UNSUPPORTED.get(kind, f"cú pháp '{kind}'"), line)
        return line

    def text_runs(self, text: str, bold: bool, italic: bool, line: int | None) -> list[Run]:
        if _OPEN in text or _CLOSE in text:
            self.error("noi_dung.khong_ho_tro", line, "ký tự dùng riêng U+E000/U+E001",
                       "private-use marker characters are not accepted")
            text = text.replace(_OPEN, "").replace(_CLOSE, "")
        for m in _FOOTNOTE_LEFT.finditer(text):
            self.error("noi_dung.chu_thich", line,
                       f"chú thích {shorten(m.group(0))} không có lời chú thích "
                       f"'{shorten(m.group(0))}: …' trong cùng khối",
                       "footnote reference without a definition in the same block")
        text = _SPACES.sub(" ", text)
        for m in _REF_LIKE.finditer(text):
            if not re.fullmatch(_ID, m.group(2)):
                self.error("noi_dung.tham_chieu", line,
                           f"mã '{shorten(m.group(2))}' trong {shorten(m.group(0))}: chỉ gồm chữ "
                           "thường không dấu, số, '-', '_'", "malformed cross-reference id")
        out: list[Run] = []
        start = 0
        for m in _REF.finditer(text):
            out.append(Run(text[start:m.start()], bold, italic))
            index = len(self.refs)
            self.refs.append((self.path, line or 0, m.group(1), m.group(2)))
            out.append(Run(f"{_OPEN}{index}{_CLOSE}", bold, italic))
            start = m.end()
        out.append(Run(text[start:], bold, italic))
        return out

    def paragraph(self, kind: Kind, runs: Sequence[Run], line: int | None,
                  *, keep_next: bool = False) -> Paragraph:
        tidy = _tidy(list(runs))
        size = sum(len(r.text) for r in tidy)
        if size > MAX_TEXT_CHARS:
            self.error("text.too_long", line,
                       f"đoạn dài {size} ký tự, quá {MAX_TEXT_CHARS} (MAX_TEXT_CHARS): chia đoạn",
                       "paragraph too long")
        for run in tidy:
            if _ANCHOR_ANY.search(run.text):
                self.error("noi_dung.tham_chieu", line,
                           "mã {#…} chỉ đặt ở cuối tiêu đề hoặc đầu một khoản, điểm, và chỉ gồm "
                           "chữ thường không dấu, số, '-', '_'",
                           "an id goes at the end of a heading or the start of a list item")
                break
        return Paragraph(kind, tidy, keep_next)

    def anchor(self, kind: str, ident: str | None, number: str, line: int | None) -> None:
        if ident is None:
            return
        key = (kind, ident)
        if key in self.anchors:
            where = self.anchor_lines[key]
            self.error("noi_dung.tham_chieu", line,
                       f"mã {{#{ident}}} đã dùng cho {kind} khác ({_where(where)})",
                       "duplicate id")
            return
        self.anchors[key] = number
        self.anchor_lines[key] = (self.path, line)

    # -- block string --

    def string_block(self, text: str, path: Path) -> None:
        self.path = path
        self.footnotes = {}
        text = unicodedata.normalize("NFC", strip_xml_illegal(text))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            self.error("text.empty", None, "khối nội dung trống", "empty block")
            return
        self.lines = text.split("\n")
        env: dict[str, Any] = {}
        tokens = _MD.parse(text, env)
        self.check_definitions(env)
        root = SyntaxTreeNode(tokens)
        for node in root.children:
            if node.type == "footnote_block":
                self.footnote_block(node)
        before = len(self.blocks)
        for node in root.children:
            self.top(node)
        if self.run_in is not None:
            self.error("noi_dung.tieu_de", self.run_in[1],
                       "'# Điều' không có tên phải có một đoạn văn ngay dưới, trong cùng khối",
                       "a run-in article needs a paragraph right under it, in the same block")
            self.run_in = None
        if len(self.blocks) == before and not self.problems.items:
            self.error("text.empty", None, "khối nội dung trống", "empty block")

    def check_definitions(self, env: Mapping[str, Any]) -> None:
        references: Mapping[str, object] = env.get("references") or {}
        for label in references:
            self.unsupported(f"định nghĩa liên kết [{shorten(label)}]: (link reference)",
                             self.find_line(r"^\s{0,3}\[" + re.escape(str(label)), re.I))
        footnotes: Mapping[str, Any] = env.get("footnotes") or {}
        notes: Mapping[str, object] = footnotes.get("refs") or {}
        for key, ident in notes.items():
            if ident == -1:  # defined, never referenced
                label = str(key)[1:]
                self.error("noi_dung.chu_thich",
                           self.find_line(r"^\s{0,3}\[\^" + re.escape(label) + r"\]:"),
                           f"lời chú thích [^{shorten(label)}] không được dẫn trong văn bản",
                           "unused footnote definition")

    def find_line(self, pattern: str, flags: int = 0) -> int | None:
        regex = re.compile(pattern, flags)
        for number, text in enumerate(self.lines, 1):
            if regex.search(text):
                return number
        return None

    def footnote_block(self, node: SyntaxTreeNode) -> None:
        for note in node.children:
            if note.type != "footnote":
                continue
            ident = int(note.meta["id"])
            paragraphs: list[Paragraph] = []
            for child in note.children:
                line = _line(child)
                if child.type == "paragraph":
                    inline = child.children[0] if child.children else None
                    made = self.paragraph("chu_thich",
                                          self.runs(inline, allow_footnotes=False), line)
                    paragraphs.append(made)
                else:
                    self.unsupported(f"'{child.type}' trong lời chú thích", line)
            self.footnotes[ident] = tuple(paragraphs)

    def top(self, node: SyntaxTreeNode) -> None:
        line = _line(node)
        if self.run_in is not None:
            number, heading_line = self.run_in
            self.run_in = None
            if node.type != "paragraph":
                self.error("noi_dung.tieu_de", heading_line,
                           "'# Điều' không có tên phải có một đoạn văn ngay dưới (Điều 1. …)",
                           "a run-in article needs a paragraph right under it")
            else:
                # Mẫu 1.2–1.4: "Điều 1." bold, its text regular, in one paragraph.
                self.emit(self.paragraph("dieu", [Run(f"Điều {number}. ", bold=True),
                                                  *self.runs(_inline(node))], line))
                return
        if node.type == "paragraph":
            made = self.paragraph("doan", self.runs(_inline(node)), line)
            self.emit(made)
        elif node.type == "heading":
            self.heading(node, line)
        elif node.type == "ordered_list":
            self.list(node, "khoan")
        elif node.type == "bullet_list":
            self.list(node, "gach")
        elif node.type == "table":
            self.pipe_table(node)
        elif node.type == "footnote_block":
            return
        else:
            self.unsupported(_UNSUPPORTED.get(node.type, f"cú pháp '{node.type}'"), line)

    # -- headings --

    def heading(self, node: SyntaxTreeNode, line: int | None) -> None:
        runs = _tidy(self.runs(_inline(node)))
        first = runs[0].text if runs and runs[0].footnote is None else ""
        m = _HEADING.match(first)
        if m is None:
            self.unsupported("tiêu đề # không bắt đầu bằng Phần:, Chương:, Mục:, Tiểu mục:, Điều:",
                             line)
            return
        level = _KEYWORDS[m.group(1).lower()]
        if level == "dieu" and not m.group(2):
            rest, ident = _title([Run(first[m.end():]), *runs[1:]])
            if not any(r.text.strip() for r in rest):
                # "# Điều" alone: a run-in article, as a Quyết định cá biệt writes its articles.
                number = self.counters.next("dieu")
                self.dieu_count += 1
                self.anchor("dieu", ident, str(number), line)
                self.run_in = (number, line)
                return
        if not m.group(2):
            self.error("noi_dung.tieu_de", line,
                       f"viết '# {_TEN[level]}: tên' (dấu hai chấm, không gõ số: congvan đánh số)",
                       "write the keyword, a colon and the title; congvan numbers it")
            return
        title_runs, ident = _title([Run(first[m.end():], runs[0].bold, runs[0].italic),
                                    *runs[1:]])
        if not any(r.text.strip() for r in title_runs):
            self.error("noi_dung.tieu_de", line,
                       f"{_TEN[level]} phải có tên (PL I §II.6.đ)", "a heading needs a title")
            return
        if not self.structure_a and level in ("chuong", "tieu_muc"):
            self.error("noi_dung.cau_truc", line,
                       f"{_TEN[level]} chỉ dùng trong văn bản có Điều; văn bản không có Điều chia "
                       "Phần, Mục (I, II), khoản (1, 2), điểm (a, b)",
                       "Chương and Tiểu mục only in a body with articles (structure A)")
            return
        number = self.counters.next(level)
        if level == "dieu":
            self.dieu_count += 1
            self.anchor("dieu", ident, str(number), line)
            made = self.paragraph("dieu", _bold([Run(f"Điều {number}. "), *title_runs]), line,
                                  keep_next=True)
            self.emit(made)
            return
        if level == "muc" and not self.structure_a:
            self.anchor("muc", ident, roman(number), line)
            made = self.paragraph("muc_la_ma", [Run(f"{roman(number)}. "), *title_runs], line,
                                  keep_next=True)
            self.emit(made)
            return
        printed = roman(number) if level in ("phan", "chuong") else str(number)
        self.anchor(level, ident, printed, line)
        kind: Kind = "phan" if level == "phan" else "chuong" if level == "chuong" else (
            "muc" if level == "muc" else "tieu_muc")
        self.emit(Paragraph(kind, (Run(f"{_TEN[level]} {printed}"),), True))
        self.emit(self.paragraph("tieu_de_chuong_muc", title_runs, line, keep_next=True))

    # -- lists --

    def list(self, node: SyntaxTreeNode, level: Literal["khoan", "diem", "gach", "cong"]) -> None:
        items = node.children
        if level in ("gach",) and node.markup != "-":
            self.error("noi_dung.dau_dong", _line(node),
                       f"gạch đầu dòng gõ '{node.markup}': dùng '-' (PL I: '-' rồi '+' ở cấp dưới)",
                       "a dash item is typed '-'; '+' and '*' only nested under it")
        if level in ("khoan", "diem") and items:
            typed = items[0].info
            expected = self.counters.peek(level)
            if typed.isdigit() and int(typed) != expected:
                name = "khoản" if level == "khoan" else "điểm"
                shown = str(expected) if level == "khoan" else (
                    f"{expected} (điểm {chu_cai(expected)})")
                self.error("noi_dung.so_thu_tu", _line(items[0]),
                           f"{name} gõ số {shorten(typed)}, theo thứ tự phải là {shown}: "
                           "congvan tự đánh số, hãy gõ đúng số hoặc bỏ khối giữa",
                           "the typed number does not follow the numbering")
        for item in items:
            self.item(item, level)

    def item(self, node: SyntaxTreeNode, level: Literal["khoan", "diem", "gach", "cong"]) -> None:
        line = _line(node)
        children = list(node.children)
        if level in ("khoan", "diem"):
            number = self.counters.next(level)
            printed = str(number) if level == "khoan" else chu_cai(number)
            prefix = f"{number}. " if level == "khoan" else f"{printed}) "
        else:
            printed = ""
            prefix = "- " if level == "gach" else "+ "
        if not children or children[0].type != "paragraph":
            self.error("noi_dung.cau_truc", line, "mục danh sách không có nội dung",
                       "an empty list item")
        else:
            self.item_paragraph(children.pop(0), level, prefix, printed, line)
        for child in children:
            cline = _line(child)
            if child.type == "paragraph":
                made = self.paragraph("doan", self.runs(_inline(child)), cline)
                self.emit(made)
            elif child.type in ("ordered_list", "bullet_list"):
                nested = self.nested(child, level)
                if nested is not None:
                    self.list(child, nested)
            else:
                self.unsupported(_UNSUPPORTED.get(child.type, f"'{child.type}' trong danh sách"),
                                 cline)

    def item_paragraph(self, first: SyntaxTreeNode, level: Literal["khoan", "diem", "gach", "cong"],
                       prefix: str, printed: str, line: int | None) -> None:
        """Emit the numbered paragraph of a list item (its first paragraph)."""
        runs = self.runs(_inline(first))
        ident: str | None = None
        if runs and runs[0].footnote is None:
            lead = runs[0].text.lstrip(" ")
            m = _ANCHOR_START.match(lead)
            if m is not None:
                ident = m.group(1)
                runs[0] = Run(lead[m.end():], runs[0].bold, runs[0].italic)
        if ident is not None:
            if level in ("khoan", "diem"):
                self.anchor(level, ident, printed, line)
            else:
                self.error("noi_dung.tham_chieu", line,
                           "mã {#…} chỉ đặt ở tiêu đề, khoản, điểm; không ở gạch đầu dòng",
                           "ids only on headings, khoản and điểm")
        tidy = _tidy(runs)
        texts = [r for r in tidy if r.footnote is None and r.text.strip()]
        kind: Kind = level
        if level == "khoan" and texts and all(r.bold for r in texts):
            kind = "khoan_tieu_de"
            made = self.paragraph(kind, [Run(prefix, bold=True), *tidy], line,
                                  keep_next=True)
        else:
            made = self.paragraph(kind, [Run(prefix), *tidy], line)
        self.emit(made)

    def nested(self, node: SyntaxTreeNode, level: str
               ) -> Literal["khoan", "diem", "gach", "cong"] | None:
        ordered = node.type == "ordered_list"
        if level == "khoan":
            return "diem" if ordered else "gach"
        if level == "diem" and not ordered:
            return "gach"
        if level == "gach" and not ordered:
            return "cong"
        what = "danh sách số" if ordered else "gạch đầu dòng"
        self.error("noi_dung.khong_ho_tro", _line(node),
                   f"{what} lồng quá sâu dưới {_LEVEL_NAMES[level]} (khoản → điểm → '-' → '+')",
                   "list nested too deep or in the wrong order")
        return None

    # -- tables --

    def pipe_table(self, node: SyntaxTreeNode) -> None:
        header: list[list[tuple[tuple[Run, ...], str | None]]] = []
        rows: list[list[tuple[tuple[Run, ...], str | None]]] = []
        width = 0
        for section in node.children:
            for tr in section.children:
                cells: list[tuple[tuple[Run, ...], str | None]] = []
                for td in tr.children:
                    style = str(td.attrs.get("style", ""))
                    align = style.removeprefix("text-align:") or None
                    cells.append((_tidy(self.runs(_inline(td), _line(tr))), align))
                if section.type == "thead":
                    width = len(cells)
                    header.append(cells)
                else:
                    line = _line(tr)
                    typed = _typed_cells(self.lines[line - 1]) if line else len(cells)
                    if typed != width:
                        self.error("bang.so_cot", line,
                                   f"dòng bảng có {typed} ô, bảng có {width} cột",
                                   "a table row must have one cell per column")
                    rows.append(cells)
        if width > tables.MAX_COLUMNS or len(rows) > tables.MAX_ROWS:
            self.error("bang.qua_lon", _line(node),
                       f"bảng tối đa {tables.MAX_COLUMNS} cột, {tables.MAX_ROWS} dòng",
                       "table too large")
            return
        def cell(runs: tuple[Run, ...], align: str | None, head: bool) -> Cell:
            kind: Kind = "tieu_de_bang" if head else "o_bang"
            if align is None and not head and tables.is_number("".join(r.text for r in runs)):
                align = "right"
            return Cell((Paragraph(kind, runs),), align=tables.align_of(align))

        head = tuple(tuple(cell(r, a, True) for r, a in row) for row in header)
        body = tuple(tuple(cell(r, a, False) for r, a in row) for row in rows)
        widths = tables.fit_columns([None] * width, (*head, *body),
                                    tables.text_width(self.landscape))
        self.emit(Table(widths, head, body))

    def mapping_block(self, value: Mapping[Any, Any], path: Path) -> None:
        self.path = path
        self.lines = []
        self.footnotes = {}

        def inline(text: str) -> tuple[Run, ...]:
            tokens = _MD.parseInline(text)
            return _tidy(self.runs(tokens[0] if tokens else None, None, allow_footnotes=False))

        table = tables.build(value, path=path, landscape=self.landscape, inline=inline,
                             error=self.problems.add)
        if table is not None:
            self.emit(table)


_STYLE_TOKENS = {"strong_open": (0, 1), "strong_close": (0, -1), "em_open": (1, 1),
                 "em_close": (1, -1)}
_LEVEL_NAMES = {"khoan": "khoản", "diem": "điểm", "gach": "gạch đầu dòng '-'",
                "cong": "dấu '+'"}


def _title(title: list[Run]) -> tuple[tuple[Run, ...], str | None]:
    """Return a heading's title runs and the id typed at its end (``{#id}``), if any."""
    ident: str | None = None
    if title and title[-1].footnote is None:
        end = _ANCHOR_END.search(title[-1].text)
        if end is not None:
            ident = end.group(1)
            last = title[-1]
            title[-1] = Run(last.text[:end.start()], last.bold, last.italic)
    return _tidy(title), ident


def _where(where: tuple[Path, int | None]) -> str:
    path, line = where
    text = "".join(f"[{p}]" if isinstance(p, int) else str(p) for p in path)
    return f"{text} dòng {line}" if line is not None else text


def _line(node: SyntaxTreeNode) -> int | None:
    return node.map[0] + 1 if node.map else None


def _inline(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    for child in node.children:
        if child.type == "inline":
            return child
    return None


def _typed_cells(line: str) -> int:
    """Return how many cells a typed pipe-table row has (markdown-it pads or drops silently)."""
    columns = escapedSplit(line.strip())
    if columns and columns[0].strip() == "":
        columns.pop(0)
    if columns and columns[-1].strip() == "":
        columns.pop()
    return len(columns)


def _headings(block: str) -> list[tuple[Token, str]]:
    tokens = _MD.parse(unicodedata.normalize("NFC", strip_xml_illegal(block)))
    out: list[tuple[Token, str]] = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            out.append((token, tokens[i + 1].content.lstrip("*_ ")))
    return out


def parse_noi_dung(raw: Sequence[str | Mapping[str, Any]], *,
                   path: Path = ("noi_dung",), landscape: bool = False) -> ParsedBody:
    """Return the blocks of a body typed in the markup of docs/noi-dung.md.

    `path` names the field in errors (a block's index is added: ``("noi_dung", 3)``); `landscape`
    widens the text area for tables (a landscape phụ lục). Raises InvalidDocumentError listing
    every problem, each message starting "dòng N:" for the line in a string block.
    """
    problems = _Problems()
    if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence):  # pyright: ignore[reportUnnecessaryIsInstance]
        problems.add(path, "noi_dung.kieu", None,
                     "nội dung phải là danh sách các khối (mỗi khối một chuỗi hoặc {bang: …})",
                     "the body is a list of blocks")
        problems.raise_any()
    if len(raw) > MAX_RAW_BLOCKS:
        problems.add(path, "list.too_long", None,
                     f"tối đa {MAX_RAW_BLOCKS} khối, nhận được {len(raw)} (giới hạn MAX_ITEMS)",
                     "too many blocks")
        problems.raise_any()
    items: list[object] = list(raw)
    walker = _Walker(structure_a=_any_dieu(items), landscape=landscape, problems=problems)
    for index, block in enumerate(items):
        where = (*path, index)
        if isinstance(block, str):
            if len(block) > MAX_BLOCK_CHARS:
                problems.add(where, "text.too_long", None,
                             f"khối dài {len(block)} ký tự, quá {MAX_BLOCK_CHARS} "
                             "(4 × MAX_TEXT_CHARS): chia thành nhiều khối", "block too long")
                continue
            walker.string_block(block, where)
        elif (table := tables.as_mapping(block)) is not None and set(table) == {"bang"}:
            bang = tables.as_mapping(table["bang"])
            if bang is None:
                problems.add((*where, "bang"), "bang.khong_hop_le", None,
                             "bang phải là một bảng {cot, dau, dong, …}",
                             "'bang' must be a mapping")
                continue
            walker.mapping_block(bang, (*where, "bang"))
        else:
            problems.add(where, "noi_dung.kieu", None,
                         "mỗi khối là một chuỗi (đoạn văn) hoặc {bang: …} (bảng), không phải "
                         + _kind(block), "a block is a string or a {bang: …} table")
        if len(walker.blocks) > MAX_BLOCKS:
            problems.add(path, "list.too_long", None,
                         f"nội dung quá {MAX_BLOCKS} đoạn và bảng", "too many paragraphs")
            break
    problems.raise_any()
    return ParsedBody(tuple(walker.blocks), dict(walker.anchors), tuple(walker.refs),
                      walker.dieu_count > 0, walker.dieu_count)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "số (đặt chữ số trong ngoặc kép)"
    if isinstance(value, Mapping):
        return "bảng khóa khác {bang: …}"
    if isinstance(value, (list, tuple)):
        return "danh sách"
    return type(value).__name__


#: What any heading needs: a "#" (ATX) or a line of "=" or "-" under text (setext). A block
#: without one has no heading, and _any_dieu does not parse it.
_MAYBE_HEADING = re.compile(r"#|^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE)


def _any_dieu(items: Sequence[object]) -> bool:
    """Return whether any string block has a ``# Điều:`` heading (structure A)."""
    for block in items:
        if (not isinstance(block, str) or len(block) > MAX_BLOCK_CHARS
                or not _MAYBE_HEADING.search(block)):
            continue
        for _, following in _headings(block):
            m = _HEADING.match(following)
            if m is not None and _KEYWORDS[m.group(1).lower()] == "dieu":
                return True
    return False


def resolve_refs(body: ParsedBody, anchors: Mapping[tuple[str, str], str]) -> tuple[Block, ...]:
    """Return `body`'s blocks with each cross-reference replaced by the number it names.

    `anchors` holds every id the document defines (the body's own, its phụ lục, …). An unknown id
    is an InvalidDocumentError (code ``noi_dung.tham_chieu``) naming the block and line.
    """
    if not body.refs:  # nothing to resolve: the blocks (immutable) as parsed
        return body.blocks
    return _resolve(body, anchors)


def _resolve(body: ParsedBody, anchors: Mapping[tuple[str, str], str]) -> tuple[Block, ...]:
    problems = _Problems()
    reported: set[int] = set()

    def number(m: re.Match[str]) -> str:
        index = int(m.group(1))
        path, line, kind, ident = body.refs[index]
        found = anchors.get((kind, ident))
        if found is None:
            if index not in reported:
                reported.add(index)
                problems.add(path, "noi_dung.tham_chieu", line or None,
                             f"{{{kind}:{shorten(ident)}}}: không có {_REF_NAMES[kind]} nào mang "
                             f"mã {{#{shorten(ident)}}}", "unknown cross-reference id")
            return ""
        return found

    def run(r: Run) -> Run:
        # A sole phụ lục is "Phụ lục" alone (PL I §III.1): "Phụ lục {phu_luc:x} kèm theo" must
        # not print two spaces (typed text has none left: spaces are tidied).
        text = _DOUBLE_SPACE.sub(" ", _MARKER.sub(number, r.text)) if _OPEN in r.text else r.text
        note = tuple(paragraph(p) for p in r.footnote) if r.footnote is not None else None
        return Run(text, r.bold, r.italic, note)

    def paragraph(p: Paragraph) -> Paragraph:
        return Paragraph(p.kind, tuple(run(r) for r in p.runs), p.keep_next)

    def cell(c: Cell) -> Cell:
        return Cell(tuple(paragraph(p) for p in c.paragraphs), c.colspan, c.merged_above,
                    c.align, c.bold)

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return paragraph(b)
        if isinstance(b, Table):
            return Table(b.widths_mm, tuple(tuple(cell(c) for c in row) for row in b.header),
                         tuple(tuple(cell(c) for c in row) for row in b.rows),
                         paragraph(b.caption) if b.caption else None,
                         paragraph(b.unit) if b.unit else None)
        return b

    out = tuple(block(b) for b in body.blocks)
    problems.raise_any()
    return out


_REF_NAMES = {"dieu": "Điều", "khoan": "khoản", "diem": "điểm", "chuong": "Chương", "muc": "Mục",
              "tieu_muc": "Tiểu mục", "phan": "Phần", "phu_luc": "phụ lục"}


def end_with_period(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Return `blocks` with the last paragraph ending ``./.`` (formatting.format_ket_thuc: every
    sample of PL III ends its content so). Its last text run gets the mark, before a footnote
    reference that may follow it; a closing "(Văn bản đính kèm)" note (rules.GHI_CHU_GUI_KEM)
    stays after it. A body that ends with a table gets the mark on a line of its own after it."""
    out = list(blocks)
    if out and isinstance(out[-1], Table):
        return (*out, Paragraph("doan", (Run("./."),)))
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if not isinstance(block, Paragraph) or (
                _GUI_KEM.match(block.text) and any(isinstance(b, Paragraph) for b in out[:i])):
            continue
        runs = list(block.runs)
        for j in range(len(runs) - 1, -1, -1):
            r = runs[j]
            if r.footnote is None and r.text:
                runs[j] = Run(format_ket_thuc(r.text), r.bold, r.italic)
                out[i] = Paragraph(block.kind, tuple(runs), block.keep_next)
                return tuple(out)
        runs.append(Run("./."))
        out[i] = Paragraph(block.kind, tuple(runs), block.keep_next)
        return tuple(out)
    return tuple(out)

