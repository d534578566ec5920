"""``congvan check FILE.docx [FILE …] [--format text|json] [--fix -o OUT.docx]``.

Exit status: 0 no findings, 1 findings, 2 a file could not be read (or a usage error). With
``--fix`` the status describes what is left after fixing. ``cli.py`` wires this in with
``add_parser(sub)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO, Any, Protocol

from ..errors import CongVanError
from . import check, fix
from .finding import Finding
from .fix import FixReport

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_UNREADABLE", "add_parser", "format_text", "run"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class _Subparsers(Protocol):
    """What ``add_parser`` needs of ``ArgumentParser.add_subparsers()`` (whose class is private)."""

    def add_parser(self, name: str, *, help: str | None = ...,
                   description: str | None = ...) -> argparse.ArgumentParser: ...


def add_parser(subparsers: _Subparsers) -> argparse.ArgumentParser:
    """Add the ``check`` subcommand to `subparsers`; its handler is ``run``."""
    p = subparsers.add_parser(
        "check", help="kiểm tra thể thức .docx theo Nghị định 30/2020/NĐ-CP",
        description="Kiểm tra tệp .docx theo Phụ lục I Nghị định 30/2020/NĐ-CP. Thoát 0: đạt; "
                    "1: có sai sót; 2: không đọc được tệp.")
    p.add_argument("files", nargs="+", metavar="FILE.docx")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--fix", action="store_true",
                   help="sửa các lỗi an toàn (lề, phông, cỡ chữ, số 0 đầu, dấu câu nơi nhận, "
                        "bảng mã cũ) và ghi ra -o")
    p.add_argument("-o", "--output", metavar="FIXED.docx", help="tệp kết quả của --fix")
    p.set_defaults(run=run)
    return p


def format_text(name: str, findings: list[Finding]) -> list[str]:
    """Return the text report of one file: one line per finding, then a summary."""
    lines: list[str] = []
    for f in findings:
        lines.append(f"{name}: [{f.rule}] ({f.cite}) {f.where}: {f.message_vi} — "
                     f"thấy: {f.found}; cần: {f.expected}")
    errors = sum(f.severity == "loi" for f in findings)
    lines.append(f"{name}: {len(findings)} sai sót ({errors} lỗi, {len(findings) - errors} "
                 f"cảnh báo)" if findings else f"{name}: đạt thể thức, không có sai sót")
    return lines


def run(args: argparse.Namespace, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run ``congvan check``; return the exit status (0, 1 or 2)."""
    stdout: IO[str] = out if out is not None else sys.stdout
    stderr: IO[str] = err if err is not None else sys.stderr
    if args.fix and (not args.output or len(args.files) != 1):
        print("congvan check --fix: cần đúng một tệp và -o FIXED.docx "
              "(--fix needs one file and -o)", file=stderr)
        return EXIT_UNREADABLE
    status = EXIT_CLEAN
    records: list[dict[str, Any]] = []
    for name in args.files:
        result = _check_one(name, args, stderr)
        if isinstance(result, dict):
            records.append(result)
            status = EXIT_UNREADABLE
            continue
        findings, report = result
        if findings and status == EXIT_CLEAN:
            status = EXIT_FINDINGS
        record: dict[str, Any] = {"file": name, "findings": [f.to_dict() for f in findings]}
        if report is not None:
            record["output"] = args.output
            record["fixed"] = [f.to_dict() for f in report.fixed]
        records.append(record)
        if args.format == "text":
            _print_text(name, findings, report, args.output, stdout)
    if args.format == "json":
        json.dump(records if len(records) != 1 else records[0], stdout, ensure_ascii=False,
                  indent=2)
        print(file=stdout)
    return status


def _check_one(name: str, args: argparse.Namespace, err: IO[str]) -> (
        tuple[list[Finding], FixReport | None] | dict[str, str]):
    """Check (or fix) one file: its findings and fix report, or the error record of a file that
    could not be read (the message printed to `err`)."""
    try:
        if args.fix:
            report = fix(name, args.output)
            return report.remaining, report
        return check(name), None
    except CongVanError as exc:
        message = str(exc)  # a read error names the file already
        print(message if name in message else f"{name}: {message}", file=err)
        return {"file": name, "error": str(exc), "code": exc.code}
    except MemoryError:
        # -- the limits of _package keep an ordinary machine out of this; a small one may not be
        print(f"{name}: không đủ bộ nhớ để kiểm tra tệp này (out of memory: the document is "
              "too large for this machine)", file=err)
        return {"file": name, "error": "out of memory", "code": "docx.out_of_memory"}
    except Exception as exc:
        print(f"{name}: lỗi nội bộ khi kiểm tra ({type(exc).__name__}: {exc}); "
              "xin báo lỗi cho congvan (internal error)", file=err)
        return {"file": name, "error": f"internal: {type(exc).__name__}"}


def _print_text(name: str, findings: list[Finding], report: FixReport | None, output: str,
                out: IO[str]) -> None:
    """Print one file's text report: what --fix fixed (if it ran), then the findings."""
    if report is not None:
        for f in report.fixed:
            print(f"{name}: đã sửa [{f.rule}] {f.where}: {f.found} → {f.expected}", file=out)
        print(f"{name}: đã sửa {len(report.fixed)}, ghi {output}; còn lại:", file=out)
    for line in format_text(name, findings):
        print(line, file=out)


def main(argv: list[str] | None = None) -> int:
    """Run ``congvan check`` standalone (``python -m congvan.checker.cli``)."""
    parser = argparse.ArgumentParser(prog="congvan")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
