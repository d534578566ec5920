"""The ``congvan`` command: a thin layer over the library; exit 0 ok, 1 invalid input, 2 usage or I/O.

    congvan render SPEC [-o OUT.docx]   render a YAML/JSON document ("-" reads stdin)
    congvan validate SPEC…              print every problem with its field path
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
from .checker import cli as checker_cli
from .errors import CongVanError, InvalidDocumentError
from .io import load
from .models import VanBan
from .render import render_bytes
from .schema import input_schema

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _read(spec: str, stdin: IO[str]) -> VanBan:
    if spec == "-":  # bytes, bounded, decoded as a file is (io.MAX_SPEC_BYTES)
        return load(getattr(stdin, "buffer", stdin))
    return load(spec)


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
    doc = _read(args.spec, sys.stdin)
    data = render_bytes(doc)  # in full before anything is written
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    Path(args.output).write_bytes(data)
    print(f"đã ghi {args.output}", file=out)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    status = EXIT_OK
    for spec in args.specs:
        try:
            _read(spec, sys.stdin)
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
    p.set_defaults(run=_cmd_render)
    p = sub.add_parser("validate", help="check input files; print every problem with its path")
    p.add_argument("specs", nargs="+", metavar="spec")
    p.set_defaults(run=_cmd_validate)
    p = sub.add_parser("schema", help="print the JSON Schema of the input")
    p.set_defaults(run=_cmd_schema)
    checker_cli.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None,
         err: IO[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    try:
        return args.run(args, out, err)
    except InvalidDocumentError as exc:
        _report(getattr(args, "spec", "-"), exc, err)
        return EXIT_INVALID
    except CongVanError as exc:
        print(f"congvan: {exc}", file=err)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader (head, less) went away: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"congvan: {where}{exc.strerror or exc}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in congvan: one line for the clerk, the traceback on request
        if os.environ.get("CONGVAN_DEBUG"):
            raise
        print(f"congvan: lỗi không mong đợi ({type(exc).__name__}: {exc}); "
              "đặt CONGVAN_DEBUG=1 để xem chi tiết", file=err)
        return EXIT_USAGE


def _entry() -> None:
    sys.exit(main())
