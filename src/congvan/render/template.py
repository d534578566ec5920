"""docxtpl templates, compiled once and rendered many times.

A ``Template`` reads a .docx once: docxtpl's tag syntax (``{{ }}``, ``{%p %}``, ``{{p }}`` …) is
resolved in every part that uses it, each part is compiled by a sandboxed Jinja environment with
autoescape on, and the parts without tags are kept as bytes. Rendering a document is then one Jinja
render per templated part and one zip write: no template parsing per document, which batch rendering
(thousands of documents) depends on.

User text is data: autoescape turns ``& < > " '`` into entities, a value is never parsed as
Jinja (``{{ x }}`` typed by a user comes out literally), and characters XML cannot carry are
removed before escaping. Only ``Markup`` values that congvan builds itself (rules, stamps) pass
unescaped.

A template from a user (``congvan.Template``) is bounded as hostile input (docs/security.md): the
file is read with the zip limits below (``MAX_TEMPLATE_BYTES``, ``MAX_TEMPLATE_MEMBERS``,
``MAX_TEMPLATE_PART_BYTES``, ``MAX_TEMPLATE_TOTAL_BYTES``, ``MAX_TEMPLATE_RATIO``); the sandbox is
immutable (no ``list.append``/``extend``, no ``namespace``), its loops, ``range`` and the values its
operators, filters and string methods build all draw on one budget per render
(``MAX_LOOP_STEPS``, ``MAX_RANGE``, ``MAX_BUILT_CHARS``, ``MAX_INT_BITS``), and each rendered
part is cut off past ``MAX_PART_OUTPUT_CHARS``. Every failure is a ``TemplateError`` naming the
template.
"""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import IO, Any, ClassVar, Protocol, cast

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .._files import FileRefused, read_regular, read_zip
from .._memo import Memo
from ..errors import TemplateError, shorten
from ..vietnamese.text import strip_xml_illegal
from . import _oxml, _zip  # pyright: ignore[reportPrivateUsage] (the package's own modules)

__all__ = [
    "MAX_BUILT_CHARS", "MAX_INT_BITS", "MAX_LOOP_STEPS", "MAX_PART_OUTPUT_CHARS", "MAX_RANGE",
    "MAX_TEMPLATED_PART_BYTES", "MAX_TEMPLATE_BYTES", "MAX_TEMPLATE_MEMBERS",
    "MAX_TEMPLATE_PART_BYTES", "MAX_TEMPLATE_RATIO", "MAX_TEMPLATE_TOTAL_BYTES", "Part",
    "Template", "builtin_template", "template_dir",
]

#: Largest template file (on disk or as bytes).
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
#: The zip limits of the checker's reader (checker/_package.py), applied to every member.
MAX_TEMPLATE_MEMBERS = 10_000
MAX_TEMPLATE_PART_BYTES = 32 * 1024 * 1024
MAX_TEMPLATE_TOTAL_BYTES = 64 * 1024 * 1024
MAX_TEMPLATE_RATIO = 200
#: Largest part with template tags (compiled to Python: Word's own document.xml for a letter is
#: tens of KB).
MAX_TEMPLATED_PART_BYTES = 4 * 1024 * 1024
#: Loop iterations, all loops of one render together.
MAX_LOOP_STEPS = 1_000_000
#: Longest ``range()``.
MAX_RANGE = 100_000
#: Characters (or items) that operators, filters and string methods may build in one render.
MAX_BUILT_CHARS = 32 * 1024 * 1024
#: Largest integer an operator may make, in bits (``9 ** 99999999`` is refused before it is
#: computed).
MAX_INT_BITS = 4096
#: Largest rendered part, in characters.
MAX_PART_OUTPUT_CHARS = 64 * 1024 * 1024

_TAG = re.compile(r"\{[{%#]")
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT = "word/document.xml"
#: The core properties (title, author, dates): written per document (render/core.py).
_CORE = "docProps/core.xml"
_STYLES = "word/styles.xml"
#: Parts of a template that a render may replace by its own (a Word template often has an empty
#: footnotes part; a document with footnotes brings its own).
_REPLACEABLE = frozenset({"word/footnotes.xml"})
# A printf or str.format width/precision of five digits or more builds a string that large.
_WIDE_FORMAT = re.compile(r"%[-#0 +]*(\*|\d{5,})|%[-#0 +]*\d*\.(\*|\d{5,})|[:.]\D{0,3}\d{5,}")
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate"})


class Media(Protocol):
    """An image part: relationship id, part name under word/ (``media/x.png``) and bytes."""

    @property
    def rid(self) -> str: ...
    @property
    def part(self) -> str: ...
    @property
    def data(self) -> bytes: ...


@dataclass(frozen=True)
class Part:
    """A part a render adds to the package, related from the main document: its name
    (``word/footnotes.xml``), relationship id and type, content type, and bytes."""

    name: str
    rid: str
    reltype: str
    content_type: str
    data: bytes

    def __post_init__(self) -> None:
        if not self.name.startswith("word/") or self.name in (_DOCUMENT, _DOCUMENT_RELS):
            raise ValueError(f"a render adds parts under word/, not {self.name!r}")

    @property
    def target(self) -> str:
        """Return the part's name relative to the main document (the relationship's target)."""
        return self.name.removeprefix("word/")


def _finalize(value: Any) -> Any:
    if type(value) is str or (isinstance(value, str) and not isinstance(value, Markup)):
        return strip_xml_illegal(value)
    return value


# --------------------------------------------------------------------------------------------------
# The budget of one render
# --------------------------------------------------------------------------------------------------


class _Budget:
    """What one render may still spend: loop steps and built characters."""

    __slots__ = ("chars", "steps")

    def __init__(self) -> None:
        self.steps = MAX_LOOP_STEPS
        self.chars = MAX_BUILT_CHARS


_BUDGET: ContextVar[_Budget | None] = ContextVar("congvan_template_budget", default=None)


def _budget() -> _Budget:
    budget = _BUDGET.get()
    if budget is None:  # compile time: constant folding must not run user code, so never fold
        raise SecurityError("evaluated outside a render")
    return budget


def _charge(size: int, what: str) -> None:
    budget = _budget()
    budget.chars -= size
    if budget.chars < 0:
        raise SecurityError(f"{what} builds more than {MAX_BUILT_CHARS:,} characters in one render")


def _size(value: object) -> int:
    """Return about how many characters `value` holds (a sequence: its items, shallowly)."""
    if isinstance(value, (list, tuple)):
        items = cast("Sequence[object]", value)
        return len(items) + sum(_length(item) for item in items)
    return _length(value)


def _length(value: object) -> int:
    """Return len(`value`) for a string, bytes, list or tuple; 0 for anything else."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple)):
        return len(cast("Sequence[object]", value))
    return 0


def _charged(value: Any, what: str) -> Any:
    _charge(_size(value), what)
    return value


def _loop(iterable: Any) -> Iterator[Any]:
    """Wrap every ``{% for %}``'s iterable: each step draws on the render's budget."""
    budget = _budget()
    for item in iterable:
        budget.steps -= 1
        if budget.steps < 0:
            raise SecurityError(f"more than {MAX_LOOP_STEPS:,} loop steps in one render")
        yield item


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise SecurityError(f"range of {len(r):,} items; at most {MAX_RANGE:,}")
    return r


def _check_int(value: Any) -> Any:
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError(f"integer larger than {MAX_INT_BITS} bits")
    return value


def _check_width(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_BUILT_CHARS:
        raise SecurityError(f"width {value} too large")


def _bounded_filter(name: str, func: Any) -> Any:
    """Return `func` (a Jinja filter) drawing its result on the render's budget; widths checked
    first."""

    @functools.wraps(func)  # keeps jinja_pass_arg (pass_context & co.)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _budget()
        if name in _WIDTH_FILTERS:
            for arg in (*args, *kwargs.values()):
                _check_width(arg)
        if name == "format" and any(isinstance(a, str) and _WIDE_FORMAT.search(a) for a in args):
            raise SecurityError("format width too large")
        return _charged(func(*args, **kwargs), f"filter {name}")

    return bounded


_JINJA_KWARGS = frozenset({"_loop_vars", "_block_vars"})


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox with every way to build a large value or loop for long drawing on one budget."""

    intercepted_binops = frozenset({"**", "*", "+", "%", "//", "<<"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize,
                         keep_trailing_newline=True)
        self.globals.pop("namespace", None)  # the one mutable state a loop could carry forward
        # jinja2 types globals by its defaults' types; any callable is a valid global.
        globals_ = cast("dict[str, Any]", self.globals)
        globals_["range"] = _range
        globals_["_congvan_loop"] = _loop
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _budget()
        _check_binop(operator, left, right)
        try:
            return _check_int(super().call_binop(context, operator, left, right))
        except OverflowError as exc:
            raise SecurityError(f"arithmetic overflow: {exc}") from None

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        # Every {% for %}'s own wrapper (_guard_loops), called straight: it is congvan's and
        # returns a generator (nothing to charge). Jinja passes a nested loop's variables along.
        if obj is _loop and len(args) == 1 and kwargs.keys() <= _JINJA_KWARGS:
            return _loop(args[0])
        # str.format reaches here wrapped by the sandbox's formatter: look through the wrapper.
        owner = getattr(getattr(obj, "__wrapped__", obj), "__self__", None)
        if isinstance(owner, str):
            name = getattr(getattr(obj, "__wrapped__", obj), "__name__", "")
            if name in _WIDTH_METHODS:
                for arg in (*args, *kwargs.values()):
                    _check_width(arg)
            elif name == "replace" and len(args) >= 2:
                old, new = args[0], args[1]
                if isinstance(old, str) and isinstance(new, str):
                    count = owner.count(old) if old else len(owner) + 1
                    _charge(count * len(new), "str.replace")
            elif name in ("format", "format_map") and _WIDE_FORMAT.search(owner):
                raise SecurityError("format width too large")
        result = super().call(context, obj, *args, **kwargs)
        _charge_call(result)
        return result


def _charge_call(result: object) -> None:
    """A call's result, when a string, list or tuple, draws on the budget."""
    size = _size(result)
    if isinstance(result, (str, list, tuple)):
        _charge(size, "call")


def _check_binop(op: str, left: object, right: object) -> None:
    """Refuse, before it is computed, a binary operation whose result would be too large."""
    if op == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and (
                right > MAX_INT_BITS or left.bit_length() * right > MAX_INT_BITS):
            raise SecurityError(f"power larger than {MAX_INT_BITS} bits")
    elif op == "<<":
        if isinstance(right, int) and right > MAX_INT_BITS:
            raise SecurityError(f"shift larger than {MAX_INT_BITS} bits")
    elif op == "*":
        _check_product(left, right)
    elif op == "+":
        if _size(left) or _size(right):
            _charge(_size(left) + _size(right), "concatenation")
    elif op == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
        raise SecurityError("format width too large")


def _check_product(left: object, right: object) -> None:
    """A repeated sequence draws on the budget; a product of integers stays under the bit limit."""
    for seq, n in ((left, right), (right, left)):
        if isinstance(n, int) and _size(seq) and n > 0:
            _charge(_size(seq) * n, "repetition")
    if isinstance(left, int) and isinstance(right, int) and (
            left.bit_length() + right.bit_length() > MAX_INT_BITS):
        raise SecurityError(f"product larger than {MAX_INT_BITS} bits")


_ENV = _Sandbox()


def _guard_loops(tree: nodes.Template) -> nodes.Template:
    """Route every ``{% for %}``'s iterable through the budget (``_congvan_loop(...)``)."""
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name("_congvan_loop", "load"), [loop.iter], [], None, None)
    return tree


def _patch(xml: str) -> str:
    """Return part XML with docxtpl's tags turned into plain Jinja (docxtpl's own
    pre-processing)."""
    # patch_xml uses no instance state; a DocxTemplate would need a document to be made.
    return DocxTemplate.patch_xml(None, xml)  # pyright: ignore[reportArgumentType]


class Template:
    """A .docx template, read and compiled once; ``render(context)`` returns a new .docx's bytes."""

    #: A user's template: sandboxed, every part rendered each time (_Builtin is congvan's own).
    _deterministic: ClassVar[bool] = False

    def __init__(self, source: str | PathLike[str] | bytes | IO[bytes], *, name: str = "") -> None:
        if isinstance(source, (str, PathLike)):
            name = name or str(source)
        name = name or "<template>"
        # Cut from the left: the file name, at the end of a long path, is what names the template.
        self.name = name if len(name) <= 200 else "…" + name[-199:]
        data = self._read(source)
        #: The template file's bytes, as read (render_many sends them to its workers).
        self.source = data
        # Parts without tags are compressed once, into the local entries and central directory
        # every package starts with (_zip.Block); the templated parts are compiled once and
        # appended per document. The content types and relationships change only when a render
        # adds media or parts: their plain entries are compressed once too.
        self._templated: list[tuple[zipfile.ZipInfo, jinja2.Template, frozenset[str]]] = []
        # A part other than document.xml of a shipped template (a header, a footer) is kept as
        # its entry by the values of the variables it uses (_Builtin._deterministic).
        self._parts: Memo[_zip.Entry] = Memo(64)
        self._rels: bytes = _oxml.empty_rels()
        self._types: bytes = b""
        # Written per render unless a render brings its own part of the same name.
        self._held: dict[str, _zip.Entry] = {}
        #: The header and footer references of the template's last section (its body's own
        #: ``w:sectPr``): ("header" | "footer", type, relationship id). render/body.py copies
        #: them to the section break that ends the document's first section.
        self.section_refs: tuple[tuple[str, str, str], ...] = ()
        try:
            members = read_zip(data, self.name, max_members=MAX_TEMPLATE_MEMBERS,
                               max_part_bytes=MAX_TEMPLATE_PART_BYTES,
                               max_total_bytes=MAX_TEMPLATE_TOTAL_BYTES,
                               max_ratio=MAX_TEMPLATE_RATIO)
        except FileRefused as exc:
            raise self._refused(exc) from None
        names = {info.filename for info, _ in members}
        if "word/document.xml" not in names or _CONTENT_TYPES not in names:
            raise self._error("template.package", "không phải văn bản Word: thiếu "
                              "word/document.xml hoặc [Content_Types].xml", "not a Word document")
        self.section_refs = next(_section_refs(blob) for info, blob in members
                                 if info.filename == _DOCUMENT)
        variables: set[str] = set()
        static: list[_zip.Entry] = []
        for info, blob in members:
            variables |= self._take(info, blob, static)
        self._static = _zip.Block.of(static)
        self._plain_types = _zip.entry(_CONTENT_TYPES, self._types)
        self._plain_rels = _zip.entry(_DOCUMENT_RELS, self._rels)
        self.variables = frozenset(variables)

    def _take(self, info: zipfile.ZipInfo, blob: bytes, static: list[_zip.Entry]) -> set[str]:
        """Keep the member `info` (`blob`) where a render needs it: compiled when it has tags,
        appended to `static` when it never changes; return the variables it uses."""
        if info.filename == _CONTENT_TYPES:
            self._types = self._package_part(_oxml.declare_png, blob, _CONTENT_TYPES,
                                             "malformed content types")
        elif info.filename == _DOCUMENT_RELS:
            # Parsed now, so that a malformed part is refused here, not in a render.
            self._package_part(_oxml.add_image_rels, blob, _DOCUMENT_RELS,
                               "malformed document relationships")
            self._rels = blob  # images add relationships per document
        elif info.filename == _CORE:
            self._held[_CORE] = _zip.entry(_CORE, blob)  # replaced by the render's own
        elif info.filename.endswith(".xml") and _TAG.search(blob.decode("utf-8", "replace")):
            return self._compile(info, blob, _ENV)
        elif info.filename in _REPLACEABLE:
            self._held[info.filename] = _zip.entry(info.filename, blob)
        elif info.filename == _STYLES and not self._deterministic:
            # A copy of a shipped template made before congvan added a body style lacks it: the
            # style is copied from the shipped ones (the template's own are kept).
            static.append(_zip.entry(_STYLES, self._package_part(
                _with_body_styles, blob, _STYLES, "malformed styles")))
        else:
            static.append(_zip.entry(info.filename, blob))
        return set()

    def _read(self, source: str | PathLike[str] | bytes | IO[bytes]) -> bytes:
        try:
            if isinstance(source, (str, PathLike)):
                return read_regular(source, MAX_TEMPLATE_BYTES)
            data = source if isinstance(source, (bytes, bytearray)) else source.read(
                MAX_TEMPLATE_BYTES + 1)
        except FileRefused as exc:
            raise self._refused(exc) from None
        except OSError as exc:
            raise self._error("template.unreadable", f"không đọc được mẫu: {exc.strerror or exc}",
                              "cannot read template") from None
        if not isinstance(cast(object, data), (bytes, bytearray)):  # a file opened as text
            raise self._error("template.unreadable", "cần nội dung nhị phân của tệp .docx",
                              "a template is bytes, a path or a binary file")
        if len(data) > MAX_TEMPLATE_BYTES:
            raise self._refused(FileRefused(self.name, "too_large", len(data)))
        return bytes(data)

    def _compile(self, info: zipfile.ZipInfo, blob: bytes, env: _Sandbox) -> set[str]:
        part = info.filename
        if len(blob) > MAX_TEMPLATED_PART_BYTES:
            raise self._error("template.too_large",
                              f"phần {part} có thẻ mẫu và lớn hơn "
                              f"{MAX_TEMPLATED_PART_BYTES // 2**20} MiB",
                              "templated part too large")
        try:
            xml = _patch(blob.decode("utf-8"))
            tree = env.parse(xml)
            variables = meta.find_undeclared_variables(tree)
            self._templated.append((info, env.from_string(_guard_loops(tree)),
                                    frozenset(variables)))
        except UnicodeDecodeError:
            raise self._error("template.encoding", f"phần {part} không phải UTF-8",
                              "part is not UTF-8") from None
        except jinja2.TemplateSyntaxError as exc:
            raise self._error("template.syntax", f"{part}: lỗi cú pháp mẫu, dòng {exc.lineno}: "
                              f"{shorten(exc.message or '')}", "template syntax error") from None
        except (RecursionError, MemoryError):
            raise self._error("template.too_complex", f"phần {part} lồng nhau quá sâu",
                              "template nested too deeply") from None
        return variables

    def _package_part(self, edit: Callable[[bytes], bytes], blob: bytes, part: str,
                      en: str) -> bytes:
        """Return `edit`(`blob`), a package part edited through _oxml; TemplateError if the part
        is not the XML it should be."""
        try:
            return edit(blob)
        except _oxml.PartError:
            raise self._error("template.package", f"{part} không đúng dạng", en) from None

    def _error(self, code: str, vi: str, en: str) -> TemplateError:
        return TemplateError(f"mẫu {self.name}: {vi} ({en})", code=code)

    def _refused(self, exc: FileRefused) -> TemplateError:
        vi, en = {
            "not_regular": ("không phải tệp thường", "not a regular file"),
            "too_large": (f"lớn hơn {MAX_TEMPLATE_BYTES // 2**20} MiB", "template too large"),
            "not_zip": ("không phải tệp .docx (không phải tệp zip)", "is not a .docx zip file"),
            "too_many_members": (f"có quá nhiều phần (tối đa {MAX_TEMPLATE_MEMBERS})",
                                 "too many members"),
            "bomb": ((f"phần {exc.size} giải nén quá lớn (có thể là zip bomb; tối đa "
                      f"{MAX_TEMPLATE_PART_BYTES // 2**20} MiB mỗi phần, "
                      f"{MAX_TEMPLATE_TOTAL_BYTES // 2**20} MiB tổng)"),
                     "inflates beyond the limit"),
            "corrupt": (f"phần {exc.size} bị hỏng hoặc mã hóa", "corrupt or encrypted part"),
        }.get(exc.reason, (exc.reason, exc.reason))
        code = "template.not_docx" if exc.reason == "not_zip" else f"template.{exc.reason}"
        return self._error(code, vi, en)

    def check(self, keys: Iterable[str]) -> None:
        """Raise TemplateError if the template uses a placeholder that is not among `keys`."""
        unknown = sorted(self.variables - set(keys))
        if unknown:
            raise TemplateError(
                f"{self.name} dùng biến không có trong dữ liệu congvan: "
                f"{shorten(', '.join(unknown), 400)} (uses placeholders congvan does not provide)",
                code="template.unknown_key")

    def render(self, context: Mapping[str, Any], media: Iterable[Media] = (),
               parts: Iterable[Part] = (), last_section: _oxml.Element | None = None,
               core: bytes | None = None) -> bytes:
        """Return the bytes of the .docx made by filling the template with `context`.

        `media` are images the context's XML refers to by relationship id (``r:embed``): each is
        written as a part of its own and related from the main document. `parts` (the footnotes,
        the empty first-page header of a phụ lục: render/body.py) are written, declared in the
        content types and related from the main document too; one of them replaces the
        template's part of the same name. `last_section`, a ``w:sectPr``, replaces the properties
        of the document's last section (a landscape phụ lục, page numbers from 1). `core`
        replaces docProps/core.xml (render/core.py).
        """
        media, parts = list(media), list(parts)
        replaced = {p.name for p in parts}
        entries = self._added(media, parts)
        # The core properties (under 1 KB, new in every row of a batch) are stored: deflating
        # them saved 350 bytes for 0.01 ms a document.
        entries.extend(_zip.entry(_CORE, core, deflate=False)
                       if name == _CORE and core is not None else e
                       for name, e in self._held.items() if name not in replaced)
        token = _BUDGET.set(_Budget())
        try:
            for info, part, uses in self._templated:
                if info.filename in replaced:
                    continue
                key = (None if not self._deterministic or info.filename == _DOCUMENT
                       else _frozen(info.filename, uses, context))
                kept = None if key is None else self._parts.get(key)
                if kept is not None:
                    entries.append(kept)
                    continue
                data = self._render_part(info.filename, part, context).encode("utf-8")
                if info.filename == _DOCUMENT and last_section is not None:
                    data = self._package_part(
                        functools.partial(_oxml.replace_final_section, sect=last_section),
                        data, _DOCUMENT, "malformed document")
                made = _zip.entry(info.filename, data, fast=True)
                if key is not None:
                    self._parts.put(key, made)
                entries.append(made)
        finally:
            _BUDGET.reset(token)
        return _zip.package(self._static, entries)

    def _added(self, media: list[Media], parts: list[Part]) -> list[_zip.Entry]:
        """Return the entries of the content types and the document's relationships, with the
        media and parts a render adds, and of those media and parts."""
        types, rels = self._plain_types, self._plain_rels
        if parts:
            overrides = [(f"/{p.name}", p.content_type) for p in parts]
            types = _kept_entry(_CONTENT_TYPES, self._package_part(
                functools.partial(_oxml.add_overrides, overrides=overrides),
                self._types, _CONTENT_TYPES, "malformed content types"))
        if media or parts:
            blob = self._rels
            if media:
                blob = _oxml.add_image_rels(blob, [(m.rid, m.part) for m in media])
            if parts:
                blob = _oxml.add_rels(blob, [(p.rid, p.reltype, p.target) for p in parts])
            rels = _kept_entry(_DOCUMENT_RELS, blob)
        return [types, rels,
                *(_zip.entry(f"word/{m.part}", m.data, deflate=False) for m in media),
                *(_kept_entry(p.name, p.data) for p in parts)]

    def _render_part(self, name: str, part: jinja2.Template, context: Mapping[str, Any]) -> str:
        chunks: list[str] = []
        size = 0
        try:
            if self._deterministic:
                # congvan's own templates: their output is bounded by the validated document, so
                # the chunks are joined straight from Jinja's render function (no generator
                # resumed per chunk) and the size checked once.
                text = "".join(part.root_render_func(part.new_context(dict(context))))
                if len(text) > MAX_PART_OUTPUT_CHARS:
                    raise SecurityError(f"output larger than {MAX_PART_OUTPUT_CHARS:,} characters")
                return text
            for chunk in part.generate(context):
                size += len(chunk)
                if size > MAX_PART_OUTPUT_CHARS:
                    raise SecurityError(f"output larger than {MAX_PART_OUTPUT_CHARS:,} characters")
                chunks.append(chunk)
        except SecurityError as exc:
            raise self._error("template.limit",
                              f"{name}: vượt giới hạn của mẫu: {shorten(str(exc))}",
                              "template limit exceeded") from None
        except RecursionError:
            raise self._error("template.too_complex", f"{name}: đệ quy quá sâu",
                              "recursion too deep") from None
        except MemoryError:
            raise self._error("template.limit", f"{name}: hết bộ nhớ", "out of memory") from None
        except jinja2.TemplateError as exc:
            raise self._error("template.render", f"{name}: {shorten(str(exc), 300)}",
                              "template error") from None
        except Exception as exc:
            raise self._error("template.render", f"{name}: {type(exc).__name__}: "
                              f"{shorten(str(exc), 300)}", "template error") from None
        return "".join(chunks)


#: Small parts by (name, bytes): a batch's core properties and relationships recur, each deflated
#: once.
_ENTRIES: Memo[_zip.Entry] = Memo(64)


def _kept_entry(name: str, data: bytes) -> _zip.Entry:
    """Return _zip.entry(`name`, `data`) (a part made per document: the fast level), deflated once
    per (name, bytes) when small."""
    if len(data) > 16_384:
        return _zip.entry(name, data, fast=True)
    key = (name, data)
    kept = _ENTRIES.get(key)
    if kept is None:
        kept = _zip.entry(name, data, fast=True)
        _ENTRIES.put(key, kept)
    return kept


_PLAIN = (str, int, bool, type(None))  # str covers Markup: the key keeps the type apart


def _frozen(name: str, uses: frozenset[str],
            context: Mapping[str, Any]) -> tuple[object, ...] | None:
    """Return a key of the values in `context` of the variables `uses` of the part `name`: each
    value with its type (a Markup and an equal str render differently), lists as tuples; None
    when a value is anything else (never kept)."""
    key: list[object] = [name]
    for var in sorted(uses):
        if var not in context:  # an error when rendered: never kept
            return None
        value: object = context[var]
        kind: type = type(value)
        if isinstance(value, (list, tuple)):
            items = cast("Sequence[object]", value)
            if not all(type(v) in _PLAIN or isinstance(v, str) for v in items):
                return None
            key.append((var, kind, tuple((type(v), v) for v in items)))
        elif kind in _PLAIN or isinstance(value, str):
            key.append((var, kind, value))
        else:
            return None
    return tuple(key)


@cache
def _shipped_styles() -> bytes:
    """The styles part of a shipped template (the body styles are the same in every one)."""
    with zipfile.ZipFile(template_dir() / "cong_van.docx") as package:
        return package.read(_STYLES)


def _with_body_styles(blob: bytes) -> bytes:
    """Return the styles part `blob` of a user's template with every body style congvan may name
    (body.body_style_ids) that it lacks."""
    from .body import body_style_ids  # body.py imports this module (Part)

    return _oxml.add_missing_styles(blob, _shipped_styles(), sorted(body_style_ids()))


def _section_refs(blob: bytes) -> tuple[tuple[str, str, str], ...]:
    """Return the header and footer references of the last section of the template's
    document.xml; none when it is not plain XML before it is rendered."""
    try:
        return _oxml.final_section_refs(blob)
    except _oxml.PartError:
        return ()


def template_dir() -> Path:
    """Return the folder of the shipped templates: inside the package, or ``templates/`` of a
    checkout."""
    packaged = resources.files("congvan").joinpath("templates")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates"


@cache
def builtin_template(name: str) -> Template:
    """Return the shipped template `name` (e.g. ``cong_van``), compiled once per process."""
    path = template_dir() / f"{name}.docx"
    if not path.is_file():
        raise TemplateError(f"không có mẫu có sẵn {name!r} tại {path} (no built-in template)")
    return _Builtin(path, name=f"{name}.docx")


class _Builtin(Template):
    """A shipped template (sandboxed like any other: a clerk may have edited templates/ in Word,
    docs/security.md). It is deterministic (no random filter), so its headers and footers are
    rendered again only when the values they use change (a batch: once)."""

    _deterministic = True
