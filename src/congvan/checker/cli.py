"""``congvan check FILE.docx [FILE …] [--format text|json] [--fix -o OUT.docx]``.

Exit status: 0 no findings, 1 findings, 2 a file could not be read (or a usage error). With ``--fix``
the status describes what is left after fixing. ``cli.py`` wires this in with ``add_parser(sub)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO

from ..errors import CongVanError
from . import check, fix
from .finding import Finding

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_UNREADABLE", "add_parser", "format_text", "run"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> (
        argparse.ArgumentParser):
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
    lines = []
    for f in findings:
        lines.append(f"{name}: [{f.rule}] ({f.cite}) {f.where}: {f.message_vi} — "
                     f"thấy: {f.found}; cần: {f.expected}")
    errors = sum(f.severity == "loi" for f in findings)
    lines.append(f"{name}: {len(findings)} sai sót ({errors} lỗi, {len(findings) - errors} "
                 f"cảnh báo)" if findings else f"{name}: đạt thể thức, không có sai sót")
    return lines


def run(args: argparse.Namespace, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    """Run ``congvan check``; return the exit status (0, 1 or 2)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if args.fix and (not args.output or len(args.files) != 1):
        print("congvan check --fix: cần đúng một tệp và -o FIXED.docx "
              "(--fix needs one file and -o)", file=err)
        return EXIT_UNREADABLE
    status = EXIT_CLEAN
    records = []
    for name in args.files:
        try:
            if args.fix:
                report = fix(name, args.output)
                findings = report.remaining
            else:
                findings = check(name)
        except CongVanError as exc:
            message = str(exc)  # a read error names the file already
            print(message if name in message else f"{name}: {message}", file=err)
            records.append({"file": name, "error": str(exc), "code": exc.code})
            status = EXIT_UNREADABLE
            continue
        except MemoryError:
            # -- the limits of _package keep an ordinary machine out of this; a small one may not be
            print(f"{name}: không đủ bộ nhớ để kiểm tra tệp này (out of memory: the document is "
                  "too large for this machine)", file=err)
            records.append({"file": name, "error": "out of memory", "code": "docx.out_of_memory"})
            status = EXIT_UNREADABLE
            continue
        except Exception as exc:
            print(f"{name}: lỗi nội bộ khi kiểm tra ({type(exc).__name__}: {exc}); "
                  "xin báo lỗi cho congvan (internal error)", file=err)
            records.append({"file": name, "error": f"internal: {type(exc).__name__}"})
            status = EXIT_UNREADABLE
            continue
        if findings and status == EXIT_CLEAN:
            status = EXIT_FINDINGS
        record = {"file": name, "findings": [f.to_dict() for f in findings]}
        if args.fix:
            record["output"] = args.output
            record["fixed"] = [f.to_dict() for f in report.fixed]
        records.append(record)
        if args.format == "text":
            if args.fix:
                for f in report.fixed:
                    print(f"{name}: đã sửa [{f.rule}] {f.where}: {f.found} → {f.expected}",
                          file=out)
                print(f"{name}: đã sửa {len(report.fixed)}, ghi {args.output}; còn lại:", file=out)
            for line in format_text(name, findings):
                print(line, file=out)
    if args.format == "json":
        json.dump(records if len(records) != 1 else records[0], out, ensure_ascii=False, indent=2)
        print(file=out)
    return status


def main(argv: list[str] | None = None) -> int:
    """Run ``congvan check`` standalone (``python -m congvan.checker.cli``)."""
    parser = argparse.ArgumentParser(prog="congvan")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
