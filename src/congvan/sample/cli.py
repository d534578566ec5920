"""``congvan sample``: write sample documents (YAML specs and their .docx) for CI and tests.

    congvan sample --type quyet_dinh -n 100 -o OUTDIR [--seed S] [--format yaml|docx|both]

Document ``i`` of a type is composed from its own Random (`congvan.sample.rng_for`), so one seed
gives the same files, byte for byte, on every run and whatever ``-n`` is.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .._files import write_atomic
from ..errors import RenderError
from . import LOAI_MAU, rng_for, to_yaml, van_ban

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_SO_LUONG", "add_parser", "file_stem"]

#: Documents per type one command writes at most: CI wants hundreds, not an unbounded folder.
MAX_SO_LUONG = 100_000


def _so_luong(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if not 1 <= n <= MAX_SO_LUONG:
        raise argparse.ArgumentTypeError(f"phải từ 1 đến {MAX_SO_LUONG}, không phải {n}")
    return n


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:  # pyright: ignore[reportPrivateUsage]
    """Add the ``sample`` subcommand to the ``congvan`` parser."""
    p = sub.add_parser(
        "sample", help="tạo văn bản mẫu hợp lệ (YAML và .docx) cho CI, kiểm thử",
        description="Tạo văn bản mẫu hợp lệ, như thật (tên người, cơ quan, địa danh sau sắp xếp "
                    "tỉnh năm 2025) cho CI và kiểm thử: mỗi văn bản một tệp YAML và tệp .docx "
                    "dựng từ nó. Cùng --seed thì cùng các tệp, từng byte. Thoát 0: đã ghi; 2: lỗi "
                    "dùng lệnh hoặc ghi tệp.")
    p.add_argument("-t", "--type", dest="types", action="append", choices=LOAI_MAU,
                   metavar="LOAI", help="loại văn bản (quyet_dinh, cong_van, …; lặp lại được); "
                   "mặc định: mọi loại congvan hỗ trợ")
    p.add_argument("-n", dest="so_luong", type=_so_luong, default=10, metavar="N",
                   help="số văn bản mỗi loại (mặc định 10)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="thư mục kết quả")
    p.add_argument("--seed", type=int, default=0, help="hạt giống ngẫu nhiên (mặc định 0)")
    p.add_argument("--format", dest="dinh_dang", choices=("yaml", "docx", "both"),
                   default="both", help="ghi tệp YAML, .docx hay cả hai (mặc định both)")
    p.set_defaults(run=_cmd_sample)


def file_stem(loai: str, index: int) -> str:
    """Return the name of sample `index` of `loai`, without suffix: ``quyet-dinh-0007``."""
    return f"{loai.replace('_', '-')}-{index:04d}"


def _cmd_sample(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from ..io import loads  # the reader and renderer only when a sample is written
    from ..render import render_bytes

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise RenderError(f"{folder} không phải thư mục (-o must be a folder)",
                          code="output.not_dir")
    types: list[str] = list(dict.fromkeys(args.types or LOAI_MAU))
    writers: list[tuple[str, Callable[[str], bytes]]] = []
    if args.dinh_dang in ("yaml", "both"):
        writers.append((".yaml", lambda text: text.encode("utf-8")))
    if args.dinh_dang in ("docx", "both"):
        writers.append((".docx", lambda text: render_bytes(loads(text))))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for loai in types:
            for i in range(1, args.so_luong + 1):
                text = (f"# Văn bản mẫu, hư cấu: congvan sample --type {loai} --seed {args.seed}"
                        f" (số {i})\n" + to_yaml(van_ban(rng_for(args.seed, loai, i), loai)))
                for suffix, make in writers:
                    write_atomic(folder / (file_stem(loai, i) + suffix), make(text))
                count += 1
    except OSError as exc:
        raise RenderError(f"không ghi được vào thư mục {folder}: {exc.strerror or exc} (cannot "
                          "write output)", code="output.write") from None
    print(f"đã ghi {count} văn bản mẫu ({len(types)} loại) vào {folder}", file=out)
    return 0
