"""``congvan batch SPEC --data ROWS -o OUTDIR``: one document per row (docs/batch.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, cast

from .batch import (
    BatchResult,
    NameTemplate,
    merge_rows,
    read_rows,
    render_numbered,
)
from .errors import CongVanError, InputReadError, RenderError
from .io import read_spec

EXIT_OK, EXIT_INVALID = 0, 1


Subparsers = argparse._SubParsersAction  # pyright: ignore[reportPrivateUsage]


def add_parser(sub: Subparsers[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "batch", help="dựng nhiều văn bản: một văn bản cho mỗi hàng dữ liệu",
        description="Dựng một văn bản cho mỗi hàng của tệp dữ liệu (CSV, XLSX, JSON lines, danh "
                    "sách YAML), trên nền tệp SPEC. Thoát 0: đã ghi hết; 1: có hàng lỗi (các hàng "
                    "khác vẫn được ghi); 2: lỗi dùng lệnh hoặc đọc/ghi tệp.")
    p.add_argument("spec", metavar="SPEC", help="tệp dữ liệu chung (.yaml, .yml, .json)")
    p.add_argument("--data", required=True, metavar="ROWS",
                   help="các hàng: .csv, .xlsx, .jsonl, .yaml/.json (danh sách); tiêu đề cột là "
                        "đường dẫn trường: kinh_gui[0], nguoi_ky.ho_ten")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="thư mục kết quả")
    p.add_argument("--name", metavar="MẪU",
                   help='mẫu tên tệp, ví dụ "{so_van_ban}-{kinh_gui[0]}.docx"; {#} là số hàng; '
                        'mặc định "{#:05d}.docx"')
    p.add_argument("--jobs", type=int, metavar="N", help="số tiến trình (mặc định: số CPU)")
    p.add_argument("--format", choices=("docx", "pdf"), default="docx",
                   help="docx (mặc định) hoặc pdf (cần LibreOffice)")
    p.add_argument("--so-tu", dest="so_tu", type=int, metavar="N",
                   help="đánh số văn bản liên tiếp: hàng 1 là số N, hàng 2 là N+1, …")
    p.add_argument("--resume", action="store_true",
                   help="bỏ qua các hàng đã có tệp kết quả (chạy tiếp lần trước bị dừng)")
    p.add_argument("--cho-phep-anh-ngoai", dest="allow_outside_images", action="store_true",
                   help="cho phép ảnh và hồ sơ cơ quan nằm ngoài thư mục của SPEC")
    add_template_flag(p)
    p.set_defaults(run=run)


def add_template_flag(p: argparse.ArgumentParser) -> None:
    """The --template option of ``congvan render`` and ``congvan batch`` (docs/templates.md)."""
    p.add_argument("--template", metavar="MẪU.docx",
                   help="mẫu Word của cơ quan thay cho mẫu có sẵn (a template edited in Word, "
                        "docs/templates.md)")


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    fmt: str = args.format
    template: str = args.name or f"{{#:05d}}.{fmt}"
    _check_args(args, template)
    spec = read_spec(args.spec)
    if not isinstance(spec, dict):
        raise InputReadError(f"{args.spec}: phải là một bảng các trường (the spec must be a "
                             f"mapping)", code="input.spec_type")
    outdir = Path(args.output)
    if outdir.exists() and not outdir.is_dir():
        raise RenderError(f"{outdir} không phải thư mục (-o must be a folder)",
                          code="output.not_dir")
    rows = merge_rows(cast("dict[str, Any]", spec), read_rows(args.data), so_tu=args.so_tu)
    results = render_numbered(
        rows, outdir, jobs=args.jobs, executor=None, name=template, format=fmt,
        resume=args.resume, base_dir=Path(args.spec).parent,
        allow_outside_images=args.allow_outside_images, window=None, template=args.template)
    written, skipped, failed = _report(results, str(args.data), err)
    summary = f"đã ghi {written} tệp vào {outdir}"
    if skipped:
        summary += f"; bỏ qua {skipped} tệp đã có"
    if failed:
        summary += f"; {failed} hàng lỗi (xem ở trên)"
    print(summary, file=out)
    return EXIT_INVALID if failed else EXIT_OK


def _check_args(args: argparse.Namespace, template: str) -> None:
    try:
        NameTemplate(template)
    except ValueError as exc:  # before the spec is read: a typo in the command comes first
        raise CongVanError(f"--name: {exc}", code="usage.name") from None
    if args.jobs is not None and args.jobs < 1:
        raise CongVanError("--jobs phải từ 1 trở lên (--jobs must be at least 1)",
                           code="usage.jobs")
    if args.so_tu is not None and args.so_tu < 1:
        raise CongVanError("--so-tu phải từ 1 trở lên (--so-tu must be at least 1)",
                           code="usage.so_tu")


def _report(results: Iterable[BatchResult], data: str, err: IO[str]) -> tuple[int, int, int]:
    """Print each bad row's problems as they come; return (written, skipped, failed)."""
    written = skipped = failed = 0
    with _progress(err) as bar:
        for result in results:
            if result.skipped:
                skipped += 1
            elif result.ok:
                written += 1
            else:
                failed += 1
                for problem in result.problems:
                    line = f"{data}: hàng {result.number}: {problem}"
                    if bar is None:
                        print(line, file=err)
                    else:
                        bar.write(line, file=err)  # above the bar
            if bar is not None:
                bar.update()
    return written, skipped, failed


class _NoBar:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress(err: IO[str] | None) -> Any:
    """A progress bar on a terminal (tqdm, on stderr); nothing when output is a file or pipe."""
    terminal = (err is not None and hasattr(err, "isatty") and err.isatty()
                and sys.stdout is not None and sys.stdout.isatty())
    if not terminal:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(file=err, unit=" văn bản", desc="congvan batch", leave=False)

