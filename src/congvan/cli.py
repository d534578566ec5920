"""The ``congvan`` command: a thin layer over the library; exit 0 ok, 1 invalid input, 2 usage or I/O.

    congvan render SPEC [-o OUT.docx]   render a YAML/JSON document ("-" reads stdin)
    congvan validate SPEC…              print every problem with its field path
                                        (--cho-phep-anh-ngoai: images outside the spec's folder)
    congvan schema                      JSON Schema of the input (for editors)
    congvan check FILE.docx…            Decree 30 compliance of any .docx (--fix, --format json)
    congvan --version
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from . import __version__
from ._files import same_file
from .checker import cli as checker_cli
from .errors import CongVanError, InvalidDocumentError, RenderError
from .io import load
from .models import VanBan
from .render import render, render_bytes, write_all
from .schema import input_schema

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _read(spec: str, stdin: IO[str] | None, allow_outside_images: bool = False) -> VanBan:
    if spec == "-":  # bytes, bounded, decoded as a file is (io.MAX_SPEC_BYTES)
        if stdin is None:
            raise CongVanError("không đọc được stdin: đã bị đóng (stdin is closed)", code="input.stdin")
        return load(getattr(stdin, "buffer", stdin), allow_outside_images=allow_outside_images)
    return load(spec, allow_outside_images=allow_outside_images)


def _report(spec: str, exc: InvalidDocumentError, err: IO[str]) -> None:
    name = "<stdin>" if spec == "-" else spec
    for problem in exc.problems:
        print(f"{name}: {problem}", file=err)


def _cmd_render(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if args.output is None:
        if args.spec == "-":
            print("congvan render: cần -o OUT.docx khi đọc từ stdin", file=err)
            return EXIT_USAGE
        args.output = str(Path(args.spec).with_suffix(".docx"))
    if args.output != "-":
        # Refused before any work: the output must never replace the spec (through a symlink,
        # "sub/../x.yaml" or a hard link too), and a folder is not a file.
        if args.spec != "-" and same_file(args.spec, args.output):
            raise RenderError(f"tệp kết quả {args.output} chính là tệp dữ liệu {args.spec}; chọn tệp "
                              f"khác bằng -o (output is the input)", code="output.is_input")
        if Path(args.output).is_dir():
            raise RenderError(f"{args.output} là thư mục; -o cần tên tệp .docx (output is a folder)",
                              code="output.is_dir")
    doc = _read(args.spec, sys.stdin, args.allow_outside_images)
    if args.output == "-":
        stdout = getattr(sys.stdout, "buffer", None)
        if stdout is None:
            raise RenderError("không ghi được ra stdout: đã bị đóng (stdout is closed)",
                              code="output.write")
        write_all(stdout, render_bytes(doc))  # in full before anything is written
        return EXIT_OK
    render(doc, args.output)  # atomic: the previous file survives any failure
    print(f"đã ghi {args.output}", file=out)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    status = EXIT_OK
    for spec in args.specs:
        try:
            _read(spec, sys.stdin, args.allow_outside_images)
        except InvalidDocumentError as exc:
            _report(spec, exc, err)
            status = EXIT_INVALID
        else:
            print(f"{'<stdin>' if spec == '-' else spec}: hợp lệ", file=out)
    return status


def _cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    print(json.dumps(input_schema(), ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="congvan",
        description="Văn bản hành chính theo Nghị định 30/2020/NĐ-CP: dựng, kiểm tra, xuất .docx.")
    parser.add_argument("--version", action="version", version=f"congvan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("render", help="render a YAML/JSON document to .docx")
    p.add_argument("spec", help='input file (.yaml, .yml, .json), or "-" for stdin')
    p.add_argument("-o", "--output", help='output .docx ("-" for stdout); default: SPEC.docx')
    _add_image_flag(p)
    p.set_defaults(run=_cmd_render)
    p = sub.add_parser("validate", help="check input files; print every problem with its path")
    p.add_argument("specs", nargs="+", metavar="spec")
    _add_image_flag(p)
    p.set_defaults(run=_cmd_validate)
    p = sub.add_parser("schema", help="print the JSON Schema of the input")
    p.set_defaults(run=_cmd_schema)
    checker_cli.add_parser(sub)
    return parser


def _add_image_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cho-phep-anh-ngoai", dest="allow_outside_images", action="store_true",
                   help="cho phép ảnh chữ ký, dấu nằm ngoài thư mục của tệp dữ liệu "
                        "(allow images outside the spec's folder; docs/security.md)")


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None,
         err: IO[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = argparse.Namespace()
    try:
        args = _parser().parse_args(argv)
        return args.run(args, out, err)
    except InvalidDocumentError as exc:
        _report(getattr(args, "spec", "-"), exc, err)
        return EXIT_INVALID
    except RenderError as exc:
        if exc.code == "output.broken_pipe":
            return _broken_pipe()
        print(f"congvan: {exc}", file=err)
        return EXIT_USAGE
    except CongVanError as exc:
        print(f"congvan: {exc}", file=err)
        return EXIT_USAGE
    except BrokenPipeError:
        return _broken_pipe()
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"congvan: {where}{exc.strerror or exc}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("congvan: đã dừng (interrupted)", file=err)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug in congvan: one line for the clerk, the traceback on request
        if os.environ.get("CONGVAN_DEBUG"):
            raise
        print(f"congvan: lỗi không mong đợi ({type(exc).__name__}: {exc}); "
              "đặt CONGVAN_DEBUG=1 để xem chi tiết", file=err)
        return EXIT_USAGE


def _broken_pipe() -> int:
    """The reader (head, less) went away: stop quietly, as Unix tools do."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass
    return EXIT_USAGE


def _entry() -> None:
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C outside main()'s own handler (start-up, exit): one line
        code = interrupted()
    sys.exit(code)


def interrupted() -> int:
    """Report Ctrl-C in one line (no traceback) and return the exit code for it, 130 (128 + SIGINT)."""
    if sys.stderr is not None:
        print("congvan: đã dừng (interrupted)", file=sys.stderr)
    return EXIT_INTERRUPTED
