"""Reading document input: YAML or JSON, into the document model its ``loai_van_ban`` names.

A spec is untrusted input (docs/security.md). It is read as YAML 1.2 (core schema) through libyaml,
so ``010``, ``0x1F``, ``1:30``, ``yes`` stay what the clerk typed instead of becoming 8, 31, 90 or
True as YAML 1.1 would have them; and within fixed limits:

- at most `MAX_SPEC_BYTES` (2 MiB) of UTF-8 (a BOM allowed; UTF-16/32 with a BOM decoded), read from
  regular files only (a FIFO or ``/dev/zero`` is refused at once);
- no YAML aliases (``*a``: they multiply a value without bound), no merge keys (``<<``), no tags
  but ``!!str``, ``!!seq``, ``!!map``; keys are text and each appears once (JSON too);
- at most `MAX_DEPTH` levels of nesting and `MAX_NODES` values; integers of at most
  `MAX_INT_DIGITS` digits.

Every refusal is an ``InvalidDocumentError`` (with a line and column for YAML) or, for a file that
cannot be read at all, an ``InputReadError``; never an exception from the parser.

>>> doc = load("examples/cong-van-4172-UBND-VHTT.yaml")
>>> type(doc).__name__, doc.so_ky_hieu.ky_hieu
('CongVan', 'UBND-VHTT')
>>> try:
...     loads("loai_van_ban: cong_van\\nso_van_ban: 010")
... except InvalidDocumentError as exc:
...     print([p.code for p in exc.problems if p.path == ("so_van_ban",)])
['so_van_ban.leading_zero']
"""

from __future__ import annotations

import codecs
import copy
import json
import re
from os import PathLike
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias, TypeVar, cast, overload

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from ._files import FileRefused, read_regular
from ._memo import Memo
from .errors import InputReadError, InvalidDocumentError, Problem, shorten
from .models import ALLOW_OUTSIDE_IMAGES, BASE_DIR, MODELS, Document, VanBan, is_inside
from .rules import LOAI_VAN_BAN

__all__ = ["HO_SO_FIELDS", "MAX_DEPTH", "MAX_INT_DIGITS", "MAX_NODES", "MAX_SPEC_BYTES", "load",
           "loads", "validate"]

#: A spec larger than this is refused before it is parsed. The longest real công văn is ~30 KB.
MAX_SPEC_BYTES = 2 * 1024 * 1024
#: Nesting deeper than this is refused (a document is four levels deep): no RecursionError.
MAX_DEPTH = 32
#: Values (scalars, lists, mappings) in one spec: bounds the parser's memory (~400 bytes each).
MAX_NODES = 50_000
#: Digits in an integer: Python refuses to convert > 4300, and no field needs more than a few.
MAX_INT_DIGITS = 18

_TOO_DEEP = f"lồng nhau quá {MAX_DEPTH} mức (nesting deeper than MAX_DEPTH)"
_SAVE_AS_UTF8 = ("hãy mở tệp và lưu lại với bảng mã UTF-8 (Unicode), ví dụ Notepad: Save As → "
                 "Encoding: UTF-8 (the file must be saved as UTF-8)")


class _Refused(yaml.YAMLError):
    """A spec construct congvan refuses (not a syntax error): a problem code, a message, a mark."""

    def __init__(self, code: str, message: str, mark: Any = None) -> None:
        self.code, self.message, self.mark = code, message, mark
        super().__init__(message)


# --------------------------------------------------------------------------------------------------
# YAML 1.2, core schema
# --------------------------------------------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
#: Explicit tags a spec may carry: text, list, mapping ("!" is YAML's non-specific tag).
_ALLOWED_TAGS = {None, "!", _TAG + "str", _TAG + "seq", _TAG + "map"}

class _PurePythonParser(Reader, Scanner, Parser):
    """PyYAML's own parser, as one class taking the text as libyaml's CParser does."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


# libyaml: ~10× faster; the pure-Python parser behaves the same (same composer, resolvers). The
# type checker sees libyaml's: both give the composer the same events.
if TYPE_CHECKING:
    from yaml._yaml import CParser as _Parser
else:
    try:
        from yaml._yaml import CParser as _Parser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        _Parser = _PurePythonParser


class _SpecLoader(Composer, _Parser, yaml.constructor.SafeConstructor,
                  yaml.resolver.BaseResolver):
    """libyaml's parser under PyYAML's composer, so each node is vetted as it is built: aliases,
    unknown tags, depth and size are refused before they cost anything."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)  # libyaml's parser, or the pure-Python one
        Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        mark = event.start_mark if event is not None else None
        if isinstance(event, AliasEvent):
            raise _Refused("input.yaml_alias", "không dùng bí danh YAML (*tên): chép lại giá trị "
                           "(YAML aliases are refused: they can multiply a value without bound)",
                           mark)
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            shown = shorten(str(tag).replace(_TAG, "!!"), 40)
            raise _Refused("input.yaml_tag", f"không dùng thẻ YAML {shown}: chỉ ghi chữ, "
                           "số, danh sách và bảng (YAML tags other than !!str are refused)",
                           mark)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused("input.too_many_values",
                           f"tệp có quá nhiều giá trị (tối đa {MAX_NODES}; limit MAX_NODES)",
                           mark)
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused("input.too_deep", _TOO_DEEP, mark)
        try:
            return super().compose_node(parent, index)
        finally:
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                self._depth -= 1

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        seen: set[str] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key == "<<" and key_node.tag == _TAG + "merge":
                raise _Refused("input.yaml_merge", "không dùng khóa gộp YAML '<<': ghi đủ từng "
                               "trường (YAML merge keys are refused)", key_node.start_mark)
            if key is None or key_node.tag != _TAG + "str":
                what = "danh sách hay bảng" if key is None else shorten(key, 40)
                raise _Refused("input.key_type", f"tên trường phải là chữ, không phải {what} "
                               "(mapping keys must be text)", key_node.start_mark)
            if key in seen:
                raise _Refused("input.duplicate_key",
                               f"trường {shorten(key, 40)!r} xuất hiện hai lần",
                               key_node.start_mark)
            seen.add(key)
        return node

    def construct_yaml_int(self, node: Any) -> int:
        value = node.value  # decimal, no leading zero: the resolver's pattern
        if len(value.lstrip("+-")) > MAX_INT_DIGITS:
            raise _Refused("input.number_too_long",
                           f"số dài quá {MAX_INT_DIGITS} chữ số (integer too long)",
                           node.start_mark)
        return int(value)

    def construct_yaml_float(self, node: Any) -> float:
        value = node.value.lower()
        if value.lstrip("+-") in (".inf", ".nan"):
            return float(value.replace(".", ""))
        return float(value)


# The YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#103-core-schema), with one deliberate
# difference: an integer is written in decimal without a leading zero. ``010``, ``0o17``, ``0x1F``
# stay text, as typed, and the field decides (so_van_ban refuses ``010`` and says why): a number a
# clerk wrote is never silently re-read. Dates stay text too: the model reads dd/mm/yyyy and ISO.
_SpecLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", list("-+0123456789")),
    ("float", r"^[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$|"
              r"^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$", list("-+.0123456789")),
    ("merge", r"^<<$", ["<"]),  # recognised only to be refused with a clear message
]:
    # types-PyYAML leaves this classmethod's parameters untyped.
    _SpecLoader.add_implicit_resolver(  # pyright: ignore[reportUnknownMemberType]
        _TAG + _tag, re.compile(_pattern), _first)
# types-PyYAML types a constructor's loader as one of PyYAML's own classes; PyYAML takes any.
_SpecLoader.add_constructor(
    _TAG + "int", _SpecLoader.construct_yaml_int)  # pyright: ignore[reportArgumentType]
_SpecLoader.add_constructor(
    _TAG + "float", _SpecLoader.construct_yaml_float)  # pyright: ignore[reportArgumentType]


# The fast path: libyaml composes the whole node tree in C (CParser.get_single_node), then one walk
# builds the data and checks what _SpecLoader checks as it composes. A text it cannot vouch for
# goes to _SpecLoader, which reports the first problem with its line and column: one that could
# hold a tag (a "!" opening a token: a C-composed node no longer says whether its tag was written),
# one longer than MAX_NODES characters (so the tree built before the walk stays as small as the
# limits keep _SpecLoader's), and any the walk finds a problem in (an alias is a node met twice).
_FAST_MAX_CHARS = MAX_NODES
_MAYBE_TAG = re.compile(r"(?:^|[\s,\[\]{}])!")


class _Slow(Exception):
    """The fast path declines: _SpecLoader reads the text (and reports what is wrong)."""


#: Whether PyYAML has libyaml: the fast path needs its composer (the pure-Python parser has none).
_LIBYAML: bool = _Parser.__name__ == "CParser"


class _FastComposer(_Parser, yaml.resolver.BaseResolver):
    """libyaml's parser and composer, resolving plain scalars as _SpecLoader does."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        yaml.resolver.BaseResolver.__init__(self)


_FastComposer.yaml_implicit_resolvers = _SpecLoader.yaml_implicit_resolvers


_SLOW: Any = object()  # _fast_yaml's "read it the careful way"
_BOOLS = {"true": True, "false": False}


def _fast_yaml(text: str) -> Any:
    """Return the data of `text`, or _SLOW when _SpecLoader must read it."""
    if not _LIBYAML or len(text) > _FAST_MAX_CHARS or _MAYBE_TAG.search(text):
        return _SLOW
    try:
        loader = _FastComposer(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        return None if node is None else _Built().data(node, 0)
    except (yaml.YAMLError, UnicodeError, RecursionError, _Slow):
        return _SLOW


class _Built:
    """One walk over a composed tree: the data SafeConstructor would build, with _SpecLoader's
    checks (depth, node count, text keys given once, integer length) raising _Slow."""

    def __init__(self) -> None:
        self.nodes = 0
        self.seen: set[int] = set()

    def data(self, node: Any, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or id(node) in self.seen:  # an alias: the anchor's node again
            raise _Slow
        self.seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(tag, node.value)
        if depth + 1 > MAX_DEPTH:
            raise _Slow
        if tag == _TAG + "seq":
            return [self.data(item, depth + 1) for item in node.value]
        if tag != _TAG + "map":
            raise _Slow
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            self.nodes += 1
            if (key_node.tag != _TAG + "str" or not isinstance(key_node, yaml.ScalarNode)
                    or id(key_node) in self.seen):
                raise _Slow
            self.seen.add(id(key_node))
            key = key_node.value
            if key in out:
                raise _Slow
            out[key] = self.data(value_node, depth + 1)
        return out

    @staticmethod
    def scalar(tag: str, value: str) -> Any:
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return _BOOLS[value.lower()]
        if tag == _TAG + "int":
            if len(value.lstrip("+-")) > MAX_INT_DIGITS:
                raise _Slow
            return int(value)
        if tag == _TAG + "float":
            value = value.lower()
            return float(value.replace(".", "") if value.lstrip("+-") in (".inf", ".nan")
                         else value)
        raise _Slow  # the merge key, or a tag congvan refuses


def _yaml_problem(code: str, message: str, mark: Any) -> Problem:
    where = f"dòng {mark.line + 1}, cột {mark.column + 1}: " if mark is not None else ""
    return Problem((), code, where + message)


def _parse_yaml(text: str) -> Any:
    data = _fast_yaml(text)
    if data is not _SLOW:
        return data
    try:
        loader = _SpecLoader(text)
    except UnicodeEncodeError as exc:  # a lone surrogate in a str: libyaml takes UTF-8 only
        raise InvalidDocumentError([Problem((), "input.encoding", (
            f"dòng {text.count(chr(10), 0, exc.start) + 1}: ký tự không hợp lệ (a lone "
            f"surrogate U+{ord(text[exc.start]):04X} is not Unicode text)"))]) from None
    try:
        return loader.get_single_data()
    except _Refused as exc:
        raise InvalidDocumentError([_yaml_problem(exc.code, exc.message, exc.mark)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        if "maximum nesting depth" in detail:  # libyaml's own limit (1000), past MAX_DEPTH
            raise InvalidDocumentError([_yaml_problem("input.too_deep", _TOO_DEEP, mark)]) from None
        raise InvalidDocumentError([_yaml_problem(
            "syntax", f"không đọc được YAML ({shorten(detail, 200)})", mark)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: YAML cannot carry it
        line = text.count("\n", 0, exc.position) + 1
        raise InvalidDocumentError([Problem((), "syntax", (
            f"dòng {line}: ký tự điều khiển U+{exc.character:04X} không được có trong tệp "
            f"(control characters are not allowed in YAML)"))]) from None
    except yaml.YAMLError as exc:
        raise InvalidDocumentError([Problem((), "syntax", f"không đọc được YAML "
                                            f"({shorten(str(exc), 200)})")]) from None
    finally:
        loader.dispose()


# --------------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------------


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused("input.duplicate_key", f"trường {shorten(key, 40)!r} xuất hiện hai lần")
        out[key] = value
    return out


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused("input.number_too_long",
                       f"số dài quá {MAX_INT_DIGITS} chữ số (integer too long)")
    return int(text)


def _json_constant(name: str) -> Any:
    raise _Refused("syntax", f"{name} không phải giá trị JSON (not a JSON value)")


def _shape_problem(data: Any) -> Problem | None:
    """Return the problem if `data` nests deeper than MAX_DEPTH or holds more than MAX_NODES
    values, as YAML is judged while it is parsed (walked without recursion)."""
    stack: list[tuple[object, int]] = [(data, 1)]
    nodes = 0
    while stack:
        value, depth = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return Problem((), "input.too_many_values",
                           f"tệp có quá nhiều giá trị (tối đa {MAX_NODES}; limit MAX_NODES)")
        if isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                return Problem((), "input.too_deep", _TOO_DEEP)
            items = (cast("dict[object, object]", value).values() if isinstance(value, dict)
                     else cast("list[object]", value))
            stack += [(v, depth + 1) for v in items]
    return None


def _parse_json(text: str) -> Any:
    try:
        data = json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int,
                          parse_constant=_json_constant)
    except _Refused as exc:
        raise InvalidDocumentError([Problem((), exc.code, exc.message)]) from None
    except json.JSONDecodeError as exc:
        raise InvalidDocumentError([Problem((), "syntax", (
            f"dòng {exc.lineno}, cột {exc.colno}: không đọc được JSON ({exc.msg})"))]) from None
    except RecursionError:  # json's C scanner recurses; nesting this deep is refused anyway
        raise InvalidDocumentError([Problem((), "input.too_deep", _TOO_DEEP)]) from None
    problem = _shape_problem(data)
    if problem is not None:
        raise InvalidDocumentError([problem])
    return data


def _parse(text: str, fmt: str) -> Any:
    if len(text) > MAX_SPEC_BYTES:
        raise _too_large("<text>")
    if fmt == "json":
        return _parse_json(text)
    if fmt != "yaml":
        raise InputReadError(f"định dạng phải là 'yaml' hoặc 'json', không phải "
                             f"{shorten(fmt, 20)!r} (format must be yaml or json)",
                             code="input.format")
    return _parse_yaml(text)


# --------------------------------------------------------------------------------------------------
# Bytes to text
# --------------------------------------------------------------------------------------------------

_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]


def _decode(raw: bytes) -> str:
    """Return the text of a spec: UTF-8 (BOM or not), or UTF-16/32 with a BOM; else refuse it."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                break
    else:
        if b"\x00" not in raw:  # a NUL in text means UTF-16/32 without a BOM
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = raw.count(b"\n", 0, exc.start) + 1
                raise InvalidDocumentError([Problem((), "input.encoding", (
                    f"tệp không ở bảng mã UTF-8 (byte 0x{raw[exc.start]:02X} ở dòng {line}; có lẽ "
                    f"là Windows-1258, TCVN3 hay VNI): {_SAVE_AS_UTF8}"))]) from None
    raise InvalidDocumentError([Problem((), "input.encoding", (
        f"tệp không ở bảng mã UTF-8 (có lẽ UTF-16 không có BOM): {_SAVE_AS_UTF8}"))])


def _too_large(name: object) -> InputReadError:
    return InputReadError(f"{name}: tệp lớn quá {MAX_SPEC_BYTES // 1024 // 1024} MiB "
                          "(larger than MAX_SPEC_BYTES)", code="input.too_large")


def _read_stream(stream: IO[str] | IO[bytes]) -> str:
    try:
        raw = stream.read(MAX_SPEC_BYTES + 1)  # at most one byte past the limit: stdin is bounded
    except UnicodeDecodeError:
        raise InvalidDocumentError([Problem((), "input.encoding", (
            f"{_name(stream)} không ở bảng mã UTF-8: {_SAVE_AS_UTF8}"))]) from None
    if len(raw) > MAX_SPEC_BYTES:
        raise _too_large(_name(stream))
    return _decode(raw) if isinstance(raw, bytes) else raw


def _name(stream: Any) -> str:
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else "<stdin>"


def _read_file(path: Path) -> str:
    try:
        raw = read_regular(path, MAX_SPEC_BYTES)
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise _too_large(path) from None
        raise InputReadError(f"{path}: không phải tệp thường (a FIFO, device or folder is not "
                             "read)", code="input.not_regular") from None
    except FileNotFoundError as exc:
        raise InputReadError(f"{path}: không có tệp này ({exc.strerror})",
                             code="input.missing") from None
    except OSError as exc:
        raise InputReadError(f"{path}: không đọc được tệp ({exc.strerror or exc})",
                             code="input.unreadable") from None
    return _decode(raw)


# --------------------------------------------------------------------------------------------------
# Issuer profiles (hồ sơ cơ quan): ``co_quan: ho-so/ubnd-nha-trang.yaml``
# --------------------------------------------------------------------------------------------------

#: The fields an issuer profile may hold: an organisation's constant parts. ``nguoi_ky`` there is a
#: mapping of keys to signers; a document names one by its key (``nguoi_ky: chu-tich``).
HO_SO_FIELDS = ("co_quan_chu_quan", "co_quan_ban_hanh", "dia_danh", "dia_chi", "noi_luu",
                "ky_hieu_nguoi_soan_thao", "nguoi_ky")


def _co_quan(code: str, message: str, path: tuple[str | int, ...] = ("co_quan",)) -> Problem:
    return Problem(path, code, message)


def _read_profile(value: object, base: Path) -> dict[str, object]:
    """Return the profile `value` (the ``co_quan`` path) names, read as a spec is (same reader,
    same limits), relative to `base` and inside it unless outside files are allowed."""
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        raise InvalidDocumentError([_co_quan("co_quan.type", (
            "co_quan là đường dẫn tới tệp hồ sơ cơ quan .yaml hoặc .json, ví dụ "
            "ho-so/ubnd-nha-trang.yaml (co_quan is the path of an issuer profile)"))])
    path = base / value
    shown = shorten(value)
    if not ALLOW_OUTSIDE_IMAGES.get() and not is_inside(path, base):
        # The same words whether or not the file exists: the message must not probe the host.
        raise InvalidDocumentError([_co_quan("co_quan.outside", (
            f"hồ sơ cơ quan {shown} nằm ngoài thư mục của tệp dữ liệu; chỉ dùng được tệp trong thư "
            "mục đó, trừ khi cho phép bằng --cho-phep-anh-ngoai (profile outside the spec's "
            "folder; allow with --cho-phep-anh-ngoai or allow_outside_images=True)"))])
    try:
        text = _read_file(path)
    except InputReadError as exc:
        code = {"input.missing": "co_quan.missing", "input.too_large": "co_quan.too_large"}.get(
            exc.code, "co_quan.unreadable")
        raise InvalidDocumentError([_co_quan(code, (
            f"hồ sơ cơ quan {shown}: {shorten(str(exc), 200)}"))]) from None
    try:
        data = _parse_profile(text, "json" if path.suffix.lower() == ".json" else "yaml")
    except InvalidDocumentError as exc:
        raise InvalidDocumentError([_co_quan(p.code, f"hồ sơ cơ quan {shown}: {p.message}")
                                    for p in exc.problems]) from None
    if not isinstance(data, dict):
        raise InvalidDocumentError([_co_quan("co_quan.type", (
            f"hồ sơ cơ quan {shown} phải là một bảng các trường (the profile must be a mapping)"))])
    profile = cast("dict[str, object]", data)
    problems = _profile_problems(profile, shown)
    if problems:
        raise InvalidDocumentError(problems)
    return profile


#: Parsed profiles by (format, text): a batch's rows name one profile, read every time (a changed
#: file is seen) but parsed once. Handed out as deep copies: the data is mutable.
_PROFILES: Memo[object] = Memo(16)


def _parse_profile(text: str, fmt: str) -> object:
    if len(text) > 100_000:  # not kept: bounded memory
        return _parse(text, fmt)
    return copy.deepcopy(_PROFILES.get_or_make((fmt, text), lambda: _parse(text, fmt)))


def _profile_problems(profile: dict[str, object], shown: str) -> list[Problem]:
    """Return the problems of a profile's fields: unknown ones, a nested profile, signers that are
    not a mapping of keys to signers."""
    problems: list[Problem] = []
    for key in profile:
        if key == "co_quan":
            problems.append(_co_quan("co_quan.long_nhau", (
                f"hồ sơ cơ quan {shown} không được trỏ tới hồ sơ khác (co_quan): ghi đủ các trường "
                "trong một tệp (a profile cannot name another profile)"), ("co_quan", key)))
        elif key not in HO_SO_FIELDS:
            problems.append(_co_quan("co_quan.truong_la", (
                f"hồ sơ cơ quan {shown}: trường {shorten(key, 40)!r} không dùng được trong hồ sơ; "
                f"chỉ có: {', '.join(HO_SO_FIELDS)} (unknown profile field)"),
                ("co_quan", shorten(key, 40))))
    signers = profile.get("nguoi_ky")
    if signers is not None and not (isinstance(signers, dict) and all(
            isinstance(v, dict) for v in cast("dict[str, object]", signers).values())):
        problems.append(_co_quan("co_quan.nguoi_ky", (
            f"hồ sơ cơ quan {shown}: nguoi_ky là bảng khóa → người ký, ví dụ chu-tich: {{ho_ten: "
            "…, chuc_vu: …}} (signers by key)"), ("co_quan", "nguoi_ky")))
    return problems


def _with_profile(fields: dict[object, object], base: Path) -> dict[object, object]:
    """Return the document `fields` over its issuer profile's (the document's win), its signer
    key replaced by the profile's signer; `fields` as they are when it names no profile."""
    signer = fields.get("nguoi_ky")
    if "co_quan" not in fields:
        if isinstance(signer, str):
            raise InvalidDocumentError([Problem(("nguoi_ky",), "co_quan.nguoi_ky", (
                f"nguoi_ky '{shorten(signer, 40)}' là khóa của một người ký trong hồ sơ cơ quan, "
                "mà văn bản không ghi co_quan (a signer key needs an issuer profile)"))])
        return fields
    value = fields["co_quan"]
    profile = _read_profile(value, base)
    merged: dict[object, object] = {k: v for k, v in profile.items() if k != "nguoi_ky"}
    merged.update((k, v) for k, v in fields.items() if k != "co_quan")
    signers = cast("dict[str, object]", profile.get("nguoi_ky") or {})
    if isinstance(signer, str):
        if signer not in signers:
            known = ", ".join(map(str, signers)) or "(không có)"
            raise InvalidDocumentError([Problem(("nguoi_ky",), "co_quan.nguoi_ky", (
                f"hồ sơ cơ quan {shorten(str(value))} không có người ký '{shorten(signer, 40)}'; "
                f"có: {shorten(known, 200)} (unknown signer key)"))])
        merged["nguoi_ky"] = signers[signer]
    return merged


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


#: A document model a caller expects: ``congvan.load(path, CongVan)`` returns a CongVan.
D = TypeVar("D", bound=VanBan)


@overload
def validate(data: object, expect: None = None, *, base_dir: str | PathLike[str] | None = None,
             allow_outside_images: bool = False) -> Document: ...
@overload
def validate(data: object, expect: type[D], *, base_dir: str | PathLike[str] | None = None,
             allow_outside_images: bool = False) -> D: ...
def validate(data: object, expect: type[VanBan] | None = None, *,
             base_dir: str | PathLike[str] | None = None,
             allow_outside_images: bool = False) -> VanBan:
    """Return the document model for `data` (a mapping); raise InvalidDocumentError otherwise.

    With `expect` (a model class: ``CongVan``), the result has that type, for a type checker
    too, and a document of another type is refused (``loai_van_ban.unexpected``). Without it, the
    result is a `congvan.Document`: today a CongVan, and a Union of the models as types are added.

    Relative image paths in `data` are read from `base_dir` (the input file's folder for load(),
    else the current folder) and must stay inside it unless `allow_outside_images`
    (docs/security.md); so is the issuer profile a ``co_quan`` field names, whose fields the
    document's own override.
    """
    _check_expect(expect)
    if not isinstance(data, dict):
        raise InvalidDocumentError([Problem((), "document.type",
                                            "dữ liệu văn bản phải là một bảng các trường")])
    fields = cast("dict[object, object]", data)
    loai = fields.get("loai_van_ban")
    model = _model_for(loai)
    if expect is not None and not issubclass(model, expect):
        got = LOAI_VAN_BAN[loai].ten.lower() if isinstance(loai, str) else model.__name__
        raise InvalidDocumentError([Problem(("loai_van_ban",), "loai_van_ban.unexpected", (
            f"cần {_ten(expect)} mà đây là {got} (expected {expect.__name__}, "
            f"got {model.__name__})"))])
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    token = BASE_DIR.set(base)
    allow = ALLOW_OUTSIDE_IMAGES.set(allow_outside_images)
    try:
        return model.model_validate(_with_profile(fields, base))
    finally:
        ALLOW_OUTSIDE_IMAGES.reset(allow)
        BASE_DIR.reset(token)


def _check_expect(expect: object) -> None:
    what = shorten(expect, 40)
    if expect is not None and not (isinstance(expect, type) and issubclass(expect, VanBan)):
        raise InputReadError(f"expect phải là một lớp văn bản như congvan.CongVan, không phải "
                             f"{what} (expect must be a document model class)",
                             code="input.expect")


def _model_for(loai: object) -> type[VanBan]:
    """Return the model `loai` (the ``loai_van_ban`` value) names; refuse an unknown one."""
    if loai is None:
        raise InvalidDocumentError([Problem(("loai_van_ban",), "missing",
                                            "thiếu trường bắt buộc (ví dụ: cong_van)")])
    model = MODELS.get(loai) if isinstance(loai, str) else None
    if model is None:
        known = LOAI_VAN_BAN.get(loai) if isinstance(loai, str) else None
        message = (f"loại văn bản '{known.ten}' chưa được hỗ trợ; hiện có: {', '.join(MODELS)}"
                   if known else
                   f"'{shorten(loai, 40)}' không phải loại văn bản của Nghị định 30 (Đ.7); "
                   f"hiện có: {', '.join(MODELS)}")
        raise InvalidDocumentError([Problem(("loai_van_ban",), "loai_van_ban.unknown", message)])
    return model


def _ten(model: type[VanBan]) -> str:
    """Return the Vietnamese name of the document type `model` is (``công văn``), else its name."""
    default = model.model_fields["loai_van_ban"].default
    known = LOAI_VAN_BAN.get(default) if isinstance(default, str) else None
    if known is None and model in MODELS.values():  # VanBanCoTenLoai: many types
        return "văn bản có tên loại (mẫu 1.4)"
    return known.ten.lower() if known is not None else model.__name__


@overload
def loads(text: str | bytes, format: str = "yaml", *, expect: None = None,
          base_dir: str | PathLike[str] | None = None,
          allow_outside_images: bool = False) -> Document: ...
@overload
def loads(text: str | bytes, format: str = "yaml", *, expect: type[D],
          base_dir: str | PathLike[str] | None = None, allow_outside_images: bool = False) -> D: ...
def loads(text: str | bytes, format: str = "yaml", *, expect: type[VanBan] | None = None,
          base_dir: str | PathLike[str] | None = None,
          allow_outside_images: bool = False) -> VanBan:
    """Return the document described by `text`, YAML (a superset of JSON) unless `format` is json.

    Bytes are decoded as a file would be (UTF-8, or UTF-16/32 with a BOM). `expect` is as for
    validate(): ``loads(text, expect=CongVan)`` returns a CongVan or raises InvalidDocumentError.
    """
    _check_expect(expect)
    # Checked although typed: a caller without a type checker may pass a mapping.
    if not isinstance(cast(object, text), (str, bytes, bytearray)):
        raise InputReadError(f"loads() đọc chữ hoặc bytes, không phải {type(text).__name__}; "
                             "một bảng các trường thì dùng validate() (loads() takes text: use "
                             "validate() for a mapping)", code="input.type")
    return validate(parse_spec(text, format), expect, base_dir=base_dir,
                    allow_outside_images=allow_outside_images)


def parse_spec(text: str | bytes | bytearray, format: str) -> Any:
    """Return the data in a spec's text (YAML or JSON), before validation: the limits and
    refusals of loads(). Bytes are decoded as a file would be. The models' ``model_validate_json``
    reads JSON through it."""
    if not isinstance(text, str):
        if len(text) > MAX_SPEC_BYTES:
            raise _too_large("<bytes>")
        text = _decode(bytes(text))
    return _parse(text, format)


#: What load() reads: a path, or a file opened in text or binary mode.
Source: TypeAlias = str | PathLike[str] | IO[str] | IO[bytes]


@overload
def load(source: Source, expect: None = None, *,
         allow_outside_images: bool = False) -> Document: ...
@overload
def load(source: Source, expect: type[D], *, allow_outside_images: bool = False) -> D: ...
def load(source: Source, expect: type[VanBan] | None = None, *,
         allow_outside_images: bool = False) -> VanBan:
    """Return the document in a .yaml/.yml/.json file (format by extension) or an open file.

    ``load(path, CongVan)`` returns a CongVan, typed so for a type checker (``doc.kinh_gui``), and
    refuses a document of another type (InvalidDocumentError ``loai_van_ban.unexpected``); without
    `expect`, the result is a `congvan.Document` (the Union of the models: narrow it with
    ``isinstance``). Prefer `expect`: code written for today's only model, CongVan, keeps
    type-checking as document types are added.

    Raise InputReadError when the file cannot be read (``input.missing``, ``input.not_regular``,
    ``input.too_large``, ``input.unreadable``); InvalidDocumentError when it is not a valid
    document.
    """
    _check_expect(expect)
    if not isinstance(source, (str, PathLike)):
        if not hasattr(source, "read"):
            raise InputReadError(f"load() đọc một đường dẫn hay một tệp đã mở, không phải "
                                 f"{type(source).__name__} (load() takes a path or a file)",
                                 code="input.type")
        return loads(_read_stream(source), expect=expect,
                     allow_outside_images=allow_outside_images)
    path = Path(source)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    return loads(_read_file(path), fmt, expect=expect, base_dir=path.parent,
                 allow_outside_images=allow_outside_images)


def read_spec(path: str | PathLike[str]) -> Any:
    """Return the data in the spec file `path` (.json by extension, else YAML) before validation,
    read with load()'s limits and refusals: what ``congvan batch`` merges each row into."""
    path = Path(path)
    return parse_spec(_read_file(path), "json" if path.suffix.lower() == ".json" else "yaml")
