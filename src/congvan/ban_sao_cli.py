"""``congvan copy ORIGINAL.docx [SPEC] --hinh-thuc SY … -o OUT.docx``: a copy (bản sao, PL I Phần
II) of a .docx the user has, its block appended (congvan.ban_sao). ``cli.py`` wires it in with
``add_parser(sub)``; errors are raised for ``cli.main`` to report (exit 1 invalid spec, 2 I/O)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, Any

from .ban_sao import load_ban_sao, write_sao
from .checker.cli import _Subparsers  # pyright: ignore[reportPrivateUsage] (the same protocol)
from .errors import InvalidDocumentError

__all__ = ["add_parser", "run"]

#: Command-line option → field of congvan.BanSao (dotted for a nested one).
_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--hinh-thuc", "hinh_thuc", "hình thức sao: SY (SAO Y), TrS (TRÍCH SAO), SL (SAO LỤC)"),
    ("--so", "so_ban_sao", "số bản sao (sổ bản sao riêng của cơ quan, từng năm)"),
    ("--co-quan", "co_quan_sao.ten", "tên cơ quan, tổ chức sao văn bản"),
    ("--viet-tat", "co_quan_sao.ten_viet_tat", "chữ viết tắt tên cơ quan sao (VP → 05/SY-VP)"),
    ("--chu-quan", "co_quan_chu_quan", "tên cơ quan chủ quản (nếu có)"),
    ("--dia-danh", "dia_danh", "địa danh"),
    ("--ngay", "ngay", "ngày sao, dd/mm/yyyy"),
    ("--chuc-vu", "nguoi_ky.chuc_vu", "chức vụ người ký bản sao"),
    ("--ho-ten", "nguoi_ky.ho_ten", "họ tên người ký bản sao"),
    ("--thoi-gian-ky-so", "thoi_gian_ky_so", "bản sao điện tử: thời gian ký số, ví dụ "
                                             "2021-07-02T08:30:00+07:00"),
)


def add_parser(subparsers: _Subparsers) -> argparse.ArgumentParser:
    """Add the ``copy`` subcommand to `subparsers`; its handler is ``run``."""
    p = subparsers.add_parser(
        "copy", help="sao văn bản (.docx): thêm phần bản sao SAO Y, TRÍCH SAO, SAO LỤC",
        description="Thêm thành phần bản sao (Phụ lục I Phần II, mẫu 3.1, 3.2 Nghị định "
                    "30/2020/NĐ-CP) vào tệp .docx đã có; văn bản gốc giữ nguyên. Thoát 0: đã "
                    "ghi; 1: dữ liệu sai; 2: lỗi đọc/ghi tệp.")
    p.add_argument("original", metavar="ORIGINAL.docx", help="văn bản được sao")
    p.add_argument("spec", metavar="SPEC", nargs="?",
                   help="tệp dữ liệu bản sao (.yaml, .json); các tùy chọn dưới đây ghi đè")
    for flag, field, text in _OPTIONS:
        p.add_argument(flag, dest=field, metavar=flag[2:].upper().replace("-", "_"), help=text)
    p.add_argument("--tham-quyen", dest="nguoi_ky.tham_quyen", action="append", metavar="DONG",
                   help='dòng quyền hạn, ví dụ "KT. Chánh Văn phòng" (lặp lại được)')
    p.add_argument("--noi-nhan", dest="noi_nhan", action="append", metavar="NOI",
                   help="nơi nhận bản sao (lặp lại được); dòng Lưu: VT. tự thêm")
    p.add_argument("--dien-tu", dest="dien_tu", action="store_true", default=None,
                   help="bản sao điện tử (mẫu 3.2): dòng chữ ký số ở góc trên, phải trang 1")
    p.add_argument("-o", "--output", metavar="OUT.docx", required=True, help="tệp kết quả")
    p.set_defaults(run=run)
    return p


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given as options, nested as the spec nests them."""
    out: dict[str, Any] = {}
    for dest, value in vars(args).items():
        if value is None or dest in ("original", "spec", "output", "run", "command"):
            continue
        *parents, last = dest.split(".")
        node = out
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = int(value) if last == "so_ban_sao" and str(value).isdigit() else value
    return out


def run(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Read the copy's fields, append the block to the original, write -o."""
    try:
        ban_sao = load_ban_sao(args.spec, _overrides(args))
    except InvalidDocumentError as exc:
        name = args.spec or "copy"
        for problem in exc.problems:
            print(f"{name}: {problem}", file=err)
        return 1
    write_sao(args.original, ban_sao, args.output, name=args.original)
    print(f"đã ghi {Path(args.output)}", file=out)
    return 0
