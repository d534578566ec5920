"""Many documents at once: ``congvan.render_many``, and the rows of ``congvan batch``
(docs/batch.md).

A document is validated, rendered and written by a worker; this process only merges rows into the
spec, builds the file names and keeps a bounded window of work in flight, so memory does not grow
with the number of documents. Any ``concurrent.futures.Executor`` runs the workers (a process pool,
or a Dask cluster's ``Client.get_executor()``): the worker function is a module-level function of
picklable arguments, so it runs under ``spawn`` and on another machine alike.

Field paths (a CSV header, a JSON key) name one field of the spec: names joined by dots, a list item
by its index in brackets: ``nguoi_ky.ho_ten``, ``kinh_gui[0]``, ``noi_nhan[1].ten``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import hashlib
import json
import os
import re
import signal
import stat
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import IO, Any, TypeAlias, cast

import yaml

from ._files import FileRefused, read_regular, write_atomic
from .errors import (
    CongVanError,
    InputReadError,
    InvalidDocumentError,
    Problem,
    RenderError,
    shorten,
)
from .io import validate
from .models import VanBan
from .render import Template, render_bytes

__all__ = ["BatchResult", "parse_path", "read_rows", "render_many", "safe_name", "set_path"]

Path_: TypeAlias = tuple[str | int, ...]

# --------------------------------------------------------------------------------------------------
# Field paths: ``nguoi_ky.ho_ten``, ``kinh_gui[0]``
# --------------------------------------------------------------------------------------------------

_SEGMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d{1,6}\])*)")
_INDEX = re.compile(r"\[(\d+)\]")


def parse_path(text: str) -> Path_:
    """Return the parts of the field path `text`; raise ValueError if it is not one.

    >>> parse_path("noi_nhan[1].ten")
    ('noi_nhan', 1, 'ten')
    """
    parts: list[str | int] = []
    for segment in text.strip().split("."):
        found = _SEGMENT.fullmatch(segment)
        if found is None:
            raise ValueError(f"'{shorten(text, 60)}' không phải đường dẫn trường (ví dụ "
                             f"nguoi_ky.ho_ten, kinh_gui[0]) (not a field path)")
        parts.append(found[1])
        parts.extend(int(i) for i in _INDEX.findall(found[2]))
    return tuple(parts)


class _PathError(Exception):
    def __init__(self, path: Path_, code: str, message: str) -> None:
        self.problem = Problem(path, code, message)
        super().__init__(message)


def set_path(data: dict[str, Any], path: Path_, value: object) -> dict[str, Any]:
    """Return a copy of `data` with `value` at `path`; `data` is not changed (only the containers
    on the path are copied, the rest is shared). A mapping value is merged into a mapping there,
    key by key; any other value replaces what is there. An index may be at most the list's length
    (that appends); raise _PathError otherwise, or when the path runs through a text or number."""
    return cast("dict[str, Any]", _set(data, path, 0, value))


def _set(node: object, path: Path_, depth: int, value: object) -> object:
    if depth == len(path):
        if not (isinstance(value, Mapping) and isinstance(node, dict)):
            return cast(object, value)
        out = cast(object, node)
        for key, item in cast("Mapping[object, object]", value).items():
            out = _set_key(out, path, str(key), item)
        return out
    part = path[depth]
    if isinstance(part, str):
        return _set_key(node, path[:depth], part, value, path)
    if node is None:
        node = []
    if not isinstance(node, list):
        raise _PathError(path[:depth], "batch.path_type", (
            f"là {_kind(node)}, không phải danh sách (not a list)"))
    items = list(cast("list[object]", node))
    if part > len(items):
        raise _PathError(path[: depth + 1], "batch.index", (
            f"danh sách có {len(items)} mục: chỉ số phải từ 0 đến {len(items)} (điền theo thứ tự) "
            f"(index past the end of the list)"))
    if part == len(items):
        items.append(None)
    items[part] = _set(items[part], path, depth + 1, value)
    return items


def _set_key(node: object, where: Path_, key: str, value: object,
             path: Path_ | None = None) -> object:
    """Return a copy of the mapping `node` (at `where`) with `key` set: to `value`, or, with
    `path`, to `value` set at the rest of `path` below it."""
    if node is None:
        node = {}
    if not isinstance(node, dict):
        raise _PathError(where, "batch.path_type", (
            f"là {_kind(node)}, không có trường '{key}' (not a mapping)"))
    copy = dict(cast("dict[str, object]", node))
    full = path if path is not None else (*where, key)
    copy[key] = _set(copy.get(key), full, len(where) + 1, value)
    return copy


def _kind(node: object) -> str:
    return "danh sách" if isinstance(node, list) else f"giá trị '{shorten(node, 30)}'"


def _get(data: object, path: Path_) -> object:
    """Return the value at `path` in `data`; raise KeyError when there is none."""
    for part in path:
        if isinstance(part, str) and isinstance(data, dict):
            data = cast("dict[str, object]", data)[part]
        elif isinstance(part, int) and isinstance(data, list):
            items = cast("list[object]", data)
            if part >= len(items):
                raise KeyError(part)
            data = items[part]
        else:
            raise KeyError(part)
    return data


def _path_key(path: Path_) -> tuple[tuple[int, int, str], ...]:
    # Lists fill in index order whatever the columns' order: kinh_gui[1] after kinh_gui[0].
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


# --------------------------------------------------------------------------------------------------
# File names built from data
# --------------------------------------------------------------------------------------------------

#: A name's UTF-8 bytes at most: file systems allow 255, and write_atomic's temporary file adds
#: ".", "." and ".xxxxxxxx.tmp" to it.
MAX_NAME_BYTES = 200
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789¹²³")}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_FIELD = re.compile(r"\{\{|\}\}|\{([^{}:]*)(?::([^{}]*))?\}|[{}]")


def safe_name(name: str, suffix: str) -> str:
    """Return `name` as one safe file name ending in `suffix` (``.docx``): no folder part, no
    character Windows refuses, no reserved device name (CON, NUL, COM1…), no leading dot, dash or
    space, no trailing dot or space, at most MAX_NAME_BYTES bytes (a long name is cut and keeps a
    hash of the whole, so two long names stay apart). Letters, Vietnamese included, stay (NFC).

    >>> safe_name("../../etc/passwd", ".docx")
    'etc-passwd.docx'
    >>> safe_name("con.txt", ".docx")
    '_con.txt.docx'
    """
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", name))
    for known in (".docx", ".pdf"):
        if name.lower().endswith(known):
            name = name[: -len(known)]
            break
    stem = name.lstrip(" .-").rstrip(" .") or "_"  # hidden, option-like, Windows-trimmed
    if stem.split(".")[0].rstrip(" ").upper() in _RESERVED:
        stem = "_" + stem
    if len((stem + suffix).encode()) > MAX_NAME_BYTES:
        digest = hashlib.sha256(stem.encode()).hexdigest()[:8]
        room = MAX_NAME_BYTES - len(suffix.encode()) - len(digest) - 1
        stem = stem.encode()[:room].decode("utf-8", "ignore").rstrip(" .") + "-" + digest
    return stem + suffix


class NameTemplate:
    """A name template: ``{so_van_ban}-{kinh_gui[0]}.docx``; ``{#}`` is the row number, and a
    format spec may follow a colon (``{#:05d}``). ``{{`` and ``}}`` are braces."""

    def __init__(self, template: str) -> None:
        self.parts: list[str | tuple[Path_ | None, str]] = []
        pos = 0
        for found in _FIELD.finditer(template):
            self.parts.append(template[pos:found.start()])
            pos = found.end()
            token = found[0]
            if token in ("{{", "}}"):
                self.parts.append(token[0])
            elif token in ("{", "}"):
                raise ValueError(f"--name '{shorten(template, 60)}': ngoặc {token} lẻ; viết "
                                 f"{token * 2} cho chính dấu ngoặc (unbalanced brace)")
            else:
                field = found[1].strip()
                self.parts.append((None if field == "#" else parse_path(field), found[2] or ""))
        self.parts.append(template[pos:])
        self.needs_data = any(isinstance(p, tuple) and p[0] is not None for p in self.parts)

    def build(self, number: int, data: object) -> str:
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            path, spec = part
            value = number if path is None else _get(data, path)
            out.append(format(value, spec))
        return "".join(out)


# --------------------------------------------------------------------------------------------------
# Rendering many documents
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one document: its `number` (1-based, in input order), the file written
    (`path`), or the `problems` that stopped it; `skipped` when resume found the file there."""

    number: int
    path: Path | None
    problems: tuple[Problem, ...] = ()
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class _Task:
    number: int
    doc: object  # a model, or the raw mapping validated in the worker
    base_dir: str
    allow_outside_images: bool
    target: str | None  # None: return the .docx bytes (the parent converts them to PDF)
    template: bytes | None = None  # a user's template (.docx bytes), compiled once per worker
    # The template congvan's own workers were started with (_start_worker): not sent per chunk.
    installed_template: bool = False


@dataclass(frozen=True)
class _Done:
    number: int
    problems: tuple[Problem, ...]
    data: bytes | None = None


def _work(task: _Task) -> _Done:
    """Validate, render and write one document (in a worker); return its problems, never raise
    for the document's own fault."""
    try:
        doc = task.doc if isinstance(task.doc, VanBan) else validate(
            task.doc, base_dir=task.base_dir, allow_outside_images=task.allow_outside_images)
        template = (_installed[0] if task.installed_template
                    else None if task.template is None else _compiled(task.template))
        data = render_bytes(doc, template=template)
        if task.target is None:
            return _Done(task.number, (), data)
        # No fsync per file (it would cost more than the rendering); resume checks wholeness.
        write_atomic(task.target, data, durable=False)
        return _Done(task.number, ())
    except InvalidDocumentError as exc:
        return _Done(task.number, tuple(exc.problems))
    except CongVanError as exc:
        return _Done(task.number, (Problem((), exc.code, str(exc)),))
    except OSError as exc:
        return _Done(task.number, (Problem((), "output.write", (
            f"không ghi được {task.target}: {exc.strerror or exc} (cannot write output)")),))
    except Exception as exc:  # a bug in congvan must not stop the other documents
        return _Done(task.number, (Problem((), "render.internal", (
            f"lỗi không mong đợi ({type(exc).__name__}: {shorten(str(exc))}) (internal error)")),))


#: The user's template of this worker process, compiled by _start_worker.
_installed: list[Template | None] = [None]


@functools.lru_cache(maxsize=4)
def _compiled(data: bytes) -> Template:
    """Return the user's template `data`, compiled once per process (the parent has compiled it
    once already, so that a bad template stops the batch before any row)."""
    return Template(data)


def _template_bytes(template: Template | str | PathLike[str] | bytes | None) -> bytes | None:
    """Return the bytes of `template` (a Template, a path, or a .docx's bytes), checked by
    compiling it here: TemplateError now, not in every row."""
    if template is None:
        return None
    if isinstance(template, Template):
        return template.source
    return Template(template).source


_TEMP = re.compile(r"\..+\.(docx|pdf)\.[a-z0-9_]{8}\.tmp")


def render_many(docs: Iterable[VanBan | Mapping[str, Any]], outdir: str | PathLike[str], *,
                jobs: int | None = None, executor: Executor | None = None,
                name: str | Callable[[int, VanBan | Mapping[str, Any]], str] = "{#:05d}.docx",
                format: str = "docx", resume: bool = False,
                base_dir: str | PathLike[str] | None = None,
                allow_outside_images: bool = False,
                window: int | None = None, chunksize: int | None = None,
                template: Template | str | PathLike[str] | bytes | None = None,
                ) -> Iterator[BatchResult]:
    """Render every document of `docs` into the folder `outdir`; yield a BatchResult per document,
    in input order, as they finish.

    Items are models or raw mappings (validated in the worker, relative image paths read from
    `base_dir`, default the current folder). The work runs on `executor` (any
    ``concurrent.futures.Executor``; not shut down here), else on `jobs` processes (default: one
    per CPU; ``jobs=1`` renders in this process). Documents go to the workers `chunksize` at a
    time (default 32: one round trip for many), and at most `window` documents are in flight
    (default two chunks per worker), so memory stays flat however many there are. `name` is a
    template (``{#}`` the number, ``{path}`` a field of the document:
    ``"{so_van_ban}-{kinh_gui[0]}.docx"``) or a function (number, item) → name; names are made
    safe (safe_name) and two documents with one name are refused (``batch.name_duplicate``).
    Files are written atomically; `resume` skips documents whose file
    exists. ``format="pdf"`` converts each .docx here through one LibreOffice (congvan.export).
    `template` (a congvan.Template, a path or a .docx's bytes) replaces the shipped templates:
    congvan's own workers get its bytes once, when they start, another executor with every chunk;
    each worker compiles it once.

    Raise RenderError now for a bad `format` (``batch.format``), `jobs` or `window`
    (``batch.jobs``), `name` (``batch.name``) or an `outdir` that cannot be made
    (``output.write``), TemplateError for a bad `template`; a document's own failure is in its
    result, never raised.
    """
    items = ((n, doc) for n, doc in enumerate(docs, start=1))
    return render_numbered(items, Path(outdir), jobs=jobs, executor=executor, name=name,
                            format=format, resume=resume,
                            base_dir=Path(base_dir) if base_dir is not None else Path.cwd(),
                            allow_outside_images=allow_outside_images, window=window,
                            chunksize=chunksize, template=template)


def render_numbered(items: Iterable[tuple[int, Any]], outdir: Path, *, jobs: int | None,
                    executor: Executor | None, name: str | Callable[[int, Any], str],
                    format: str, resume: bool, base_dir: Path, allow_outside_images: bool,
                    window: int | None, chunksize: int | None = None,
                    template: Template | str | PathLike[str] | bytes | None = None,
                    ) -> Iterator[BatchResult]:
    """render_many() for items already numbered, some of them the problems of a row that could
    not be merged (congvan batch). The arguments are checked now, the work done as results are
    asked for."""
    if format not in ("docx", "pdf"):
        raise RenderError(f"format là 'docx' hoặc 'pdf', không phải {shorten(format, 20)!r} "
                          f"(unknown format)", code="batch.format")
    if any(n is not None and n < 1 for n in (jobs, window, chunksize)):
        raise RenderError("jobs, window và chunksize phải từ 1 trở lên (jobs, window and "
                          "chunksize must be at least 1)", code="batch.jobs")
    try:
        namer = NameTemplate(name) if isinstance(name, str) else name
    except ValueError as exc:
        raise RenderError(f"name: {exc}", code="batch.name") from None
    source = _template_bytes(template)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"không tạo được thư mục {outdir}: {exc.strerror or exc} (cannot make "
                          f"the output folder)", code="output.write") from None
    return _results(items, outdir, jobs or os.cpu_count() or 1, executor, namer, format, resume,
                    str(base_dir.resolve()), allow_outside_images, window, chunksize, source)


def _results(items: Iterable[tuple[int, Any]], outdir: Path, jobs: int,
             executor: Executor | None, namer: NameTemplate | Callable[[int, Any], str],
             format: str, resume: bool, base: str, allow_outside_images: bool,
             window: int | None, chunksize: int | None,
             template: bytes | None) -> Iterator[BatchResult]:
    _remove_stale_temps(outdir)
    suffix = "." + format
    own = executor is None and jobs > 1
    stack = contextlib.ExitStack()
    converter: Any = None
    if format == "pdf":
        from .export import Converter  # LibreOffice only when asked for

        converter = stack.enter_context(Converter())
    # Our own workers leave Ctrl-C to this process, which lets each finish its document.
    # A user's template goes to each of our own workers once, when it starts; another executor
    # (a Dask cluster) gets its bytes with every chunk.
    pool: Executor | None = (ProcessPoolExecutor(jobs, initializer=_start_worker,
                                                 initargs=(template,)) if own else executor)
    shared = own and template is not None
    # A round trip to a worker (pickling, pipe writes, a wakeup) costs more than a small document:
    # send them in chunks, and keep about two chunks per worker in flight. 32 rather than 8: the
    # command's own CPU for 10,000 rows 1.7–1.9 → 1.2–1.5 s (benchmarks/README.md).
    chunk = chunksize or (32 if pool is not None else 1)
    window = window or 2 * jobs * chunk
    chunk = min(chunk, window)
    taken: dict[str, int] = {}
    pending: deque[_Group] = deque()
    group, in_flight = _Group(), 0
    try:
        for number, doc in items:
            group.add(*_start(number, doc, outdir, namer, suffix, taken, resume, base,
                              allow_outside_images, format, None if shared else template,
                              shared))
            if len(group.entries) < chunk:
                continue
            pending.append(group.submit(pool))
            in_flight += len(group.entries)
            group = _Group()
            while in_flight >= window:
                done = pending.popleft()
                in_flight -= len(done.entries)
                yield from done.results(converter)
        pending.append(group.submit(pool))
        while pending:
            yield from pending.popleft().results(converter)
    finally:
        for unfinished in pending:
            if isinstance(unfinished.future, Future):
                unfinished.future.cancel()
        stack.close()
        if own and pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class _Group:
    """Consecutive documents: those a worker renders in one task, and those already settled (a row
    that could not be merged, a duplicate name, a file --resume skips), in input order."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, Path | None, BatchResult | int]] = []
        self.tasks: list[_Task] = []
        self.future: Future[list[_Done]] | list[_Done] = []

    def add(self, number: int, path: Path | None, entry: BatchResult | _Task) -> None:
        if isinstance(entry, BatchResult):
            self.entries.append((number, path, entry))
        else:
            self.entries.append((number, path, len(self.tasks)))
            self.tasks.append(entry)

    def submit(self, pool: Executor | None) -> _Group:
        if self.tasks:
            self.future = (_work_many(self.tasks) if pool is None
                           else pool.submit(_work_many, self.tasks))
        return self

    def results(self, converter: Any) -> Iterator[BatchResult]:
        try:
            done = self.future.result() if isinstance(self.future, Future) else self.future
        except BrokenExecutor:
            raise RenderError("một tiến trình dựng văn bản đã chết (hết bộ nhớ?); chạy lại với "
                              "--resume (a worker process died)", code="batch.worker") from None
        for number, path, entry in self.entries:
            yield (entry if isinstance(entry, BatchResult)
                   else _finish(number, path, done[entry], converter))


def _work_many(tasks: list[_Task]) -> list[_Done]:
    """Render a chunk of documents (in a worker): one round trip for all of them."""
    return [_work(task) for task in tasks]


def _start_worker(template: bytes | None) -> None:
    """Start one of congvan's own workers: Ctrl-C is the command's (each worker finishes its
    document), and the user's template is compiled once, here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if template is not None:
        _installed[0] = _compiled(template)


def _start(number: int, doc: Any, outdir: Path, namer: NameTemplate | Callable[[int, Any], str],
           suffix: str, taken: dict[str, int], resume: bool, base: str, allow: bool,
           format: str, template: bytes | None,
           installed: bool) -> tuple[int, Path | None, BatchResult | _Task]:
    if isinstance(doc, tuple):  # problems found while merging the row
        return number, None, BatchResult(number, None, cast("tuple[Problem, ...]", doc))
    try:
        raw = _build_name(namer, number, doc)
    except _PathError as exc:
        return number, None, BatchResult(number, None, (exc.problem,))
    file = safe_name(raw, suffix)
    first = taken.setdefault(file.casefold(), number)
    if first != number:
        return number, None, BatchResult(number, None, (Problem((), "batch.name_duplicate", (
            f"tên tệp {shorten(file, 60)} trùng với hàng {first}; thêm {{#}} hoặc một trường "
            f"khác vào --name (two rows give one file name)")),))
    path = outdir / file
    if resume and _whole(path, format):
        return number, path, BatchResult(number, path, skipped=True)
    return number, path, _Task(number, doc, base, allow, str(path) if format == "docx" else None,
                               template, installed)


def _build_name(namer: NameTemplate | Callable[[int, Any], str], number: int, doc: Any) -> str:
    if not isinstance(namer, NameTemplate):
        return namer(number, doc)
    data = doc.model_dump() if isinstance(doc, VanBan) and namer.needs_data else doc
    try:
        return namer.build(number, data)
    except KeyError:
        raise _PathError((), "batch.name_field", (
            "--name dùng một trường mà văn bản này không có (a field --name uses is missing)")
        ) from None
    except (ValueError, TypeError) as exc:
        raise _PathError((), "batch.name_format", (
            f"--name không dựng được tên tệp ({shorten(str(exc))}) (bad name format)")) from None


def _finish(number: int, path: Path | None, done: _Done, converter: Any) -> BatchResult:
    if done.problems:
        return BatchResult(number, None, done.problems)
    if done.data is not None and path is not None:  # PDF: convert here, one LibreOffice
        try:
            write_atomic(path, converter.to_pdf(done.data), durable=False)
        except CongVanError as exc:
            return BatchResult(number, None, (Problem((), exc.code, str(exc)),))
        except OSError as exc:
            return BatchResult(number, None, (Problem((), "output.write", (
                f"không ghi được {path}: {exc.strerror or exc} (cannot write output)")),))
    return BatchResult(number, path)


def _whole(path: Path, format: str) -> bool:
    """Return True if `path` is a whole file of `format`: a .docx ends with the zip's end record
    (congvan writes no zip comment), a PDF with %%EOF. A file cut short by a power failure is
    rendered again."""
    try:
        with open(path, "rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            if format == "docx":
                fh.seek(max(0, size - 22))
                return fh.read(4) == b"PK\x05\x06"
            fh.seek(max(0, size - 32))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


def _remove_stale_temps(outdir: Path) -> None:
    """Remove the temporary files of a run that was killed mid-write (write_atomic's
    ``.NAME.xxxxxxxx.tmp``): a resumed run leaves the folder as a finished one."""
    with os.scandir(outdir) as entries:
        for entry in entries:
            if _TEMP.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


# --------------------------------------------------------------------------------------------------
# Rows: CSV, XLSX, JSON lines, a YAML (or JSON) list
# --------------------------------------------------------------------------------------------------

#: One row: its fields by path, or the problems found reading it.
Row: TypeAlias = "dict[Path_, object] | tuple[Problem, ...]"


def read_rows(path: str | PathLike[str]) -> Iterator[Row]:
    """Yield the rows of the data file `path` by its extension (.csv, .xlsx, .jsonl/.ndjson,
    .yaml/.yml/.json holding a list), each as {field path: value}. A CSV cell is text, kept as
    typed ("010" stays "010"); an empty CSV or XLSX cell sets nothing. Blank rows are skipped.
    Raise InputReadError when the file cannot be read or its header is not field paths."""
    path = Path(path)
    kind = path.suffix.lower()
    readers: dict[str, Callable[[Path], Iterator[Row]]] = {
        ".csv": _csv_rows, ".xlsx": _xlsx_rows, ".jsonl": _jsonl_rows, ".ndjson": _jsonl_rows,
        ".yaml": _yaml_rows, ".yml": _yaml_rows, ".json": _yaml_rows}
    reader = readers.get(kind)
    if reader is None:
        raise InputReadError(f"{path}: tệp dữ liệu phải là .csv, .xlsx, .jsonl, .yaml hoặc .json "
                             f"(unknown data format)", code="input.format")
    try:
        yield from reader(path)
    except FileNotFoundError as exc:
        raise InputReadError(f"{path}: không có tệp này ({exc.strerror})",
                             code="input.missing") from None
    except FileRefused as exc:
        if exc.reason == "too_large":
            raise InputReadError(f"{path}: tệp quá lớn để đọc cả một lần (over {MAX_LIST_BYTES} "
                                 f"bytes): dùng .csv hoặc .jsonl (too large)",
                                 code="input.too_large") from None
        raise InputReadError(f"{path}: không phải tệp thường (a FIFO, device or folder is not "
                             f"read)", code="input.not_regular") from None
    except csv.Error as exc:
        raise InputReadError(f"{path}: không đọc được tệp CSV ({shorten(str(exc))}) (not valid "
                             f"CSV)", code="input.csv") from None
    except UnicodeDecodeError:
        raise InputReadError(f"{path}: không phải UTF-8; hãy lưu lại với bảng mã UTF-8 (the file "
                             f"must be saved as UTF-8)", code="input.encoding") from None
    except OSError as exc:
        raise InputReadError(f"{path}: không đọc được tệp ({exc.strerror or exc})",
                             code="input.unreadable") from None


def _header(path: Path, cells: Iterable[object]) -> list[Path_ | None]:
    out: list[Path_ | None] = []
    seen: set[Path_] = set()
    for i, cell in enumerate(cells, start=1):
        if cell is None or str(cell).strip() == "":
            out.append(None)  # an unnamed column: its cells must stay empty
            continue
        try:
            parsed = parse_path(str(cell))
        except ValueError as exc:
            raise InputReadError(f"{path}: cột {i} của dòng tiêu đề: {exc}",
                                 code="input.header") from None
        if parsed in seen:
            raise InputReadError(f"{path}: cột {i} ('{shorten(cell, 40)}') trùng tên một cột trước "
                                 f"(duplicate column)", code="input.header")
        seen.add(parsed)
        out.append(parsed)
    return out


def _cells(header: list[Path_ | None], cells: Iterable[object]) -> Row:
    fields: dict[Path_, object] = {}
    for i, cell in enumerate(cells):
        if cell is None or cell == "":
            continue
        if i >= len(header) or header[i] is None:
            return (Problem((), "batch.extra_cell", (
                f"ô thứ {i + 1} có giá trị '{shorten(cell, 40)}' mà cột không có tên (a cell "
                f"outside the named columns)")),)
        fields[cast("Path_", header[i])] = cell
    return fields


#: A line of a CSV or JSON lines file at most (a row, not a file: a file without line breaks is
#: refused, not read whole); a YAML or JSON list of rows, read whole, at most.
MAX_LINE_CHARS = 1 << 20
MAX_LIST_BYTES = 64 << 20


def _open_text(path: Path, newline: str | None = None) -> IO[str]:
    """Open a data file as UTF-8 text (Excel's BOM skipped); refuse a FIFO, a device or a folder
    (/dev/zero would never end) before opening it."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise FileRefused(path, "not_regular")
    return open(path, encoding="utf-8-sig", newline=newline)


def _bounded_lines(path: Path, fh: IO[str]) -> Iterator[str]:
    while line := fh.readline(MAX_LINE_CHARS + 1):
        if len(line) > MAX_LINE_CHARS:
            raise InputReadError(f"{path}: một dòng dài quá {MAX_LINE_CHARS} ký tự (a line longer "
                                 f"than MAX_LINE_CHARS)", code="input.too_large")
        yield line


def _csv_rows(path: Path) -> Iterator[Row]:
    with _open_text(path, newline="") as fh:
        reader = csv.reader(_bounded_lines(path, fh))
        header = _header(path, next(reader, cast("list[str]", [])))
        for cells in reader:
            if any(cells):
                yield _cells(header, cells)


def _xlsx_rows(path: Path) -> Iterator[Row]:
    try:
        import openpyxl  # optional: congvan[xlsx]
    except ImportError:
        raise InputReadError(f"{path}: đọc .xlsx cần openpyxl: pip install 'congvan[xlsx]' "
                             f"(reading .xlsx needs openpyxl)", code="input.xlsx") from None
    try:
        book: Any = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except Exception as exc:  # openpyxl's own errors, zipfile's, XML's: not a workbook it reads
        raise InputReadError(f"{path}: không đọc được tệp .xlsx ({shorten(str(exc))}) "
                             f"(not a readable workbook)", code="input.xlsx") from None
    try:
        rows: Iterator[tuple[object, ...]] = book.active.iter_rows(values_only=True)
        header = _header(path, next(rows, ()))
        for cells in rows:
            if any(c is not None and c != "" for c in cells):
                yield _cells(header, (_cell(c) for c in cells))
    finally:
        book.close()


def _cell(value: object) -> object:
    # A date cell comes as a datetime at midnight: it is a date. Everything else as the cell holds
    # it (text stays text, a number stays the number).
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def _json_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"khóa '{shorten(key, 40)}' lặp lại (duplicate key)")
        out[key] = value
    return out


def _keyed(row: object) -> Row:
    if not isinstance(row, dict):
        return (Problem((), "batch.row_type", (
            "mỗi hàng phải là một bảng {đường dẫn trường: giá trị} (a row must be a mapping)")),)
    fields: dict[Path_, object] = {}
    for key, value in cast("dict[object, object]", row).items():
        try:
            fields[parse_path(str(key))] = value
        except ValueError as exc:
            return (Problem((), "batch.path", str(exc)),)
    return fields


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with _open_text(path) as fh:
        for line in _bounded_lines(path, fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line, object_pairs_hook=_json_object)
            except ValueError as exc:
                yield (Problem((), "batch.row_json", (
                    f"dòng không phải JSON hợp lệ: {shorten(str(exc))} (not valid JSON)")),)
                continue
            yield _keyed(row)


class _RowsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml when built with it), refusing a key given twice."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        keys: set[object] = set()
        for key_node, _ in node.value:
            key = cast(object, self.construct_object(key_node, deep=True))  # pyright: ignore
            if key in keys:
                raise yaml.constructor.ConstructorError(
                    None, None, f"khóa '{shorten(key, 40)}' lặp lại (duplicate key)",
                    key_node.start_mark)
            keys.add(key)
        return super().construct_mapping(node, deep)  # pyright: ignore


def _yaml_rows(path: Path) -> Iterator[Row]:
    text = read_regular(path, MAX_LIST_BYTES).decode("utf-8-sig")
    try:
        data: object = yaml.load(text, Loader=_RowsLoader)  # a safe loader
    except yaml.YAMLError as exc:
        raise InputReadError(f"{path}: không đọc được ({shorten(str(exc), 200)}) (not valid "
                             f"YAML/JSON)", code="input.syntax") from None
    if not isinstance(data, list):
        raise InputReadError(f"{path}: tệp dữ liệu phải là một danh sách các hàng (the data must "
                             f"be a list of rows)", code="input.rows")
    for row in cast("list[object]", data):
        yield _keyed(row)


def merge_rows(spec: Mapping[str, Any], rows: Iterable[Row], *,
               so_tu: int | None = None) -> Iterator[tuple[int, Any]]:
    """Yield (row number, the spec with the row's fields set) for each row, or (row number,
    problems) when a row cannot be merged. With `so_tu`, row n gets so_van_ban = so_tu + n - 1."""
    base = dict(spec)
    for number, row in enumerate(rows, start=1):
        if isinstance(row, tuple):
            yield number, row
            continue
        data = base
        try:
            for path in sorted(row, key=_path_key):
                if so_tu is not None and path[0] == "so_van_ban":
                    raise _PathError(path, "batch.so_tu", (
                        "--so-tu đã đánh số văn bản; bỏ cột so_van_ban hoặc bỏ --so-tu (the "
                        "number is given twice)"))
                data = set_path(data, path, row[path])
        except _PathError as exc:
            yield number, (exc.problem,)
            continue
        if so_tu is not None:
            data = {**data, "so_van_ban": so_tu + number - 1}
        yield number, data
