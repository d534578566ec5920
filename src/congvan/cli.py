"""The ``congvan`` command: a thin layer over the library; exit 0 ok, 1 invalid input, 2 usage/I/O.

    congvan render SPEC [-o OUT.docx|OUT.pdf|OUT.png] [--pdf-a]
                                        render a YAML/JSON document ("-" reads stdin); a giấy
                                        mời with moi_rieng: one .docx per invitee into -o FOLDER
    congvan validate SPEC…              print every problem with its field path
                                        (--cho-phep-anh-ngoai: images, profiles outside its folder)
    congvan schema                      JSON Schema of the input (for editors)
    congvan check FILE.docx…            Decree 30 compliance of any .docx (--fix, --format json)
    congvan copy ORIGINAL.docx [SPEC] --hinh-thuc SY … -o OUT.docx
                                        a copy (bản sao, mẫu 3.1/3.2) of an existing .docx
    congvan sample [--type LOAI] -n N -o OUTDIR [--seed S] [--format yaml|docx|both]
                                        valid sample documents for CI (congvan.sample)
    congvan batch SPEC --data ROWS -o OUTDIR
                                        one document per row (CSV, XLSX, JSON lines, YAML list)
    congvan --version
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, NoReturn

from . import __version__, ban_sao_cli, batch_cli
from ._files import same_file, write_atomic
from .checker import cli as checker_cli
from .errors import CongVanError, InvalidDocumentError, RenderError
from .io import load
from .models import GiayMoi, VanBan, tach_giay_moi
from .render import Template, render, render_bytes, write_all
from .sample import cli as sample_cli
from .schema import input_schema

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _read(spec: str, stdin: IO[str] | None, allow_outside_images: bool = False) -> VanBan:
    if spec == "-":  # bytes, bounded, decoded as a file is (io.MAX_SPEC_BYTES)
        if stdin is None:
            raise CongVanError("không đọc được stdin: đã bị đóng (stdin is closed)",
                               code="input.stdin")
        return load(getattr(stdin, "buffer", stdin), allow_outside_images=allow_outside_images)
    return load(spec, allow_outside_images=allow_outside_images)


def _report(spec: str, exc: InvalidDocumentError, err: IO[str] | None) -> None:
    name = "<stdin>" if spec == "-" else spec
    for problem in exc.problems:
        print(f"{name}: {problem}", file=err)


def _ten_tep(stem: str, index: int, width: int, khach: str) -> str:
    """Return the file name of one invitation of a mail merge: the spec's stem, the invitee's
    number (unique) and name folded to ASCII letters and digits (safe on every file system)."""
    folded = unicodedata.normalize("NFKD", khach.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode().lower())
    return f"{stem}-{index:0{width}d}-{slug.strip('-')[:40].strip('-') or 'khach-moi'}.docx"


def _render_moi_rieng(doc: GiayMoi, spec: str, output: str | None, out: IO[str],
                      template: Template | None = None) -> int:
    """Mail merge (``moi_rieng: true``): one invitation per invitee, into the folder `output`
    (default: the spec's name without its suffix). Every file is rendered before any is written;
    each is written atomically."""
    if output == "-" or (output is None and spec == "-"):
        raise RenderError("giấy mời mời riêng từng người ghi ra nhiều tệp: -o phải là thư mục "
                          "(moi_rieng writes one file per invitee: -o must be a folder)",
                          code="output.not_dir")
    folder = Path(output) if output is not None else Path(spec).with_suffix("")
    if folder.suffix.lower() == ".docx" or (folder.exists() and not folder.is_dir()):
        raise RenderError(f"{folder} không phải thư mục; giấy mời mời riêng từng người cần -o là "
                          f"thư mục (moi_rieng: -o must be a folder)", code="output.not_dir")
    docs = tach_giay_moi(doc)
    data = [render_bytes(one, template=template) for one in docs]
    stem = Path(spec).stem if spec != "-" else "giay-moi"
    width = max(2, len(str(len(docs))))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for i, (one, content) in enumerate(zip(docs, data, strict=True), start=1):
            write_atomic(folder / _ten_tep(stem, i, width, one.khach_moi[0]), content)
    except OSError as exc:
        raise RenderError(f"không ghi được vào thư mục {folder}: {exc.strerror or exc} (cannot "
                          f"write output)", code="output.write") from None
    print(f"đã ghi {len(docs)} giấy mời vào {folder}", file=out)
    return EXIT_OK


def _read_early(args: argparse.Namespace) -> VanBan | None:
    """Return the document when its spec must be read before the output is judged: a mail merge
    (``moi_rieng``) writes into a folder, so a folder or no ``-o`` may mean one."""
    folder = args.output not in (None, "-") and Path(args.output).is_dir()
    if folder or (args.output is None and args.spec != "-"):
        return _read(args.spec, sys.stdin, args.allow_outside_images)
    return None


def _check_output(args: argparse.Namespace) -> None:
    # Refused before any work: the output must never replace the spec (through a symlink,
    # "sub/../x.yaml" or a hard link too), and a folder is not a file.
    if args.spec != "-" and same_file(args.spec, args.output):
        raise RenderError(f"tệp kết quả {args.output} chính là tệp dữ liệu {args.spec}; "
                          f"chọn tệp khác bằng -o (output is the input)",
                          code="output.is_input")
    if Path(args.output).is_dir():
        raise RenderError(f"{args.output} là thư mục; -o cần tên tệp .docx "
                          f"(output is a folder)", code="output.is_dir")


def _cmd_render(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    # A bad template is refused before the spec is read (template.*, exit 2).
    template = Template(args.template) if args.template is not None else None
    doc = _read_early(args)
    if isinstance(doc, GiayMoi) and doc.moi_rieng:
        return _render_moi_rieng(doc, args.spec, args.output, out, template)
    if args.output is None:
        if args.spec == "-":
            print("congvan render: cần -o OUT.docx khi đọc từ stdin", file=err)
            return EXIT_USAGE
        args.output = str(Path(args.spec).with_suffix(".docx"))
    if args.output != "-":
        _check_output(args)
    doc = doc or _read(args.spec, sys.stdin, args.allow_outside_images)
    if isinstance(doc, GiayMoi) and doc.moi_rieng:
        return _render_moi_rieng(doc, args.spec, args.output, out, template)
    if args.output == "-":
        if args.pdf_a:
            raise RenderError("--pdf-a chỉ dùng với -o OUT.pdf, không với stdout (--pdf-a needs a "
                              ".pdf output)", code="output.pdf_a")
        stdout = getattr(sys.stdout, "buffer", None)
        if stdout is None:
            raise RenderError("không ghi được ra stdout: đã bị đóng (stdout is closed)",
                              code="output.write")
        write_all(stdout, render_bytes(doc, template=template))  # in full before any write
        return EXIT_OK
    # atomic: the previous file survives any failure; .pdf and .png through LibreOffice
    written = render(doc, args.output, template=template, pdf_a=args.pdf_a)
    print(f"đã ghi {', '.join(str(path) for path in written)}", file=out)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Check every spec, even after one that cannot be read: exit 2 if any file was unreadable,
    else 1 if any was invalid."""
    invalid = unreadable = False
    for spec in args.specs:
        try:
            _read(spec, sys.stdin, args.allow_outside_images)
        except InvalidDocumentError as exc:
            _report(spec, exc, err)
            invalid = True
        except CongVanError as exc:  # InputReadError: missing, a device, too large, …
            print(f"congvan: {exc}", file=err)
            unreadable = True
        except OSError as exc:
            print(f"congvan: {_os_message(exc)}", file=err)
            unreadable = True
        else:
            print(f"{'<stdin>' if spec == '-' else spec}: hợp lệ", file=out)
    return EXIT_USAGE if unreadable else EXIT_INVALID if invalid else EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    print(json.dumps(input_schema(), ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


# argparse speaks English; a clerk reads Vietnamese (issue 8). Its messages are matched here and
# said again in Vietnamese; one not listed is shown as argparse wrote it.
_ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", "thiếu đối số bắt buộc: {0}"),
    (r"invalid choice: (.*) \(choose from (.*)\)",
     "lựa chọn không hợp lệ: {0} (chọn một trong: {1})"),
    (r"unrecognized arguments: (.*)", "đối số không nhận ra: {0}"),
    (r"expected one argument", "cần một giá trị"),
    (r"expected at most one argument", "cần nhiều nhất một giá trị"),
    (r"expected at least one argument", "cần ít nhất một giá trị"),
    (r"expected (\d+) arguments?", "cần {0} giá trị"),
    (r"invalid (.*) value: (.*)", "giá trị {1} không hợp lệ (kiểu {0})"),
    (r"not allowed with argument (.*)", "không dùng cùng đối số {0}"),
    (r"ambiguous option: (.*) could match (.*)", "tùy chọn {0} không rõ: có thể là {1}"),
    (r"one of the arguments (.*) is required", "cần một trong các đối số {0}"),
    (r"ignored explicit argument (.*)", "tùy chọn này không nhận giá trị: {0}"),
)
_ARGPARSE_TEXTS = {
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
}


def _vietnamese(message: str) -> str:
    """An argparse error message in Vietnamese ("argument -o: expected one argument" too)."""
    prefix = ""
    if found := re.fullmatch(r"argument (\S+): (.*)", message, re.DOTALL):
        prefix, message = f"đối số {found[1]}: ", found[2]
    for pattern, vietnamese in _ARGPARSE_MESSAGES:
        if found := re.fullmatch(pattern, message, re.DOTALL):
            return prefix + vietnamese.format(*found.groups())
    return prefix + message


# typeshed names the type of add_usage's `groups` only privately; argparse itself passes it.
_Groups = Iterable[argparse._MutuallyExclusiveGroup]  # pyright: ignore[reportPrivateUsage]


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with its own words (usage, section titles, -h) in Vietnamese."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: _Groups, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_ARGPARSE_TEXTS.get(heading, heading) if heading else heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        return _ARGPARSE_TEXTS.get(text, text) if text else text


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Vietnamese; subcommands' parsers are of this class too."""

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _HelpFormatter(prog=self.prog)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi: {_vietnamese(message)}\n")


def _root_parser() -> argparse.ArgumentParser:
    """The top parser, typed as argparse's class: the checker adds its subcommand to a plain
    ``_SubParsersAction[ArgumentParser]``, while at run time every subparser is a _Parser."""
    return _Parser(
        prog="congvan",
        description="Văn bản hành chính theo Nghị định 30/2020/NĐ-CP: dựng, kiểm tra, xuất .docx.")


def _parser() -> argparse.ArgumentParser:
    parser = _root_parser()
    parser.add_argument("--version", action="version", version=f"congvan {__version__}",
                        help="in số phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="lệnh")
    p = sub.add_parser("render", help="dựng tệp .docx từ dữ liệu YAML/JSON",
                       description="Dựng văn bản .docx từ tệp dữ liệu YAML/JSON. Thoát 0: đã ghi; "
                                   "1: dữ liệu sai; 2: lỗi dùng lệnh hoặc đọc/ghi tệp.")
    p.add_argument("spec", metavar="SPEC",
                   help='tệp dữ liệu (.yaml, .yml, .json), hoặc "-" để đọc stdin')
    p.add_argument("-o", "--output", metavar="OUT.docx|OUT.pdf|OUT.png",
                   help='tệp kết quả, định dạng theo phần mở rộng: .docx, .pdf hoặc .png (mỗi '
                        'trang một ảnh OUT-1.png …; .pdf và .png cần LibreOffice); "-" ghi .docx '
                        'ra stdout; mặc định: SPEC.docx')
    p.add_argument("--pdf-a", dest="pdf_a", action="store_true",
                   help="PDF/A-2b để lưu trữ (archival PDF/A-2b; docs/pdf.md)")
    batch_cli.add_template_flag(p)
    _add_image_flag(p)
    p.set_defaults(run=_cmd_render)
    p = sub.add_parser("validate", help="kiểm tra tệp dữ liệu; in mọi lỗi kèm tên trường",
                       description="Kiểm tra từng tệp dữ liệu, in mọi lỗi kèm tên trường. Thoát 0: "
                                   "hợp lệ; 1: có tệp sai; 2: có tệp không đọc được.")
    p.add_argument("specs", nargs="+", metavar="SPEC", help='tệp dữ liệu, hoặc "-" cho stdin')
    _add_image_flag(p)
    p.set_defaults(run=_cmd_validate)
    p = sub.add_parser("schema", help="in JSON Schema của dữ liệu đầu vào",
                       description="In JSON Schema của dữ liệu đầu vào (cho trình soạn thảo).")
    p.set_defaults(run=_cmd_schema)
    checker_cli.add_parser(sub)
    ban_sao_cli.add_parser(sub)
    sample_cli.add_parser(sub)
    batch_cli.add_parser(sub)
    return parser


def _add_image_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cho-phep-anh-ngoai", dest="allow_outside_images", action="store_true",
                   help="cho phép ảnh chữ ký, dấu và hồ sơ cơ quan (co_quan) nằm ngoài thư mục "
                        "của tệp dữ liệu (allow images and issuer profiles outside the spec's "
                        "folder; docs/security.md)")


def main(argv: Sequence[str] | None = None, *, out: IO[str] | None = None,
         err: IO[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    # sys.stderr is None under pythonw: _report then prints as print(file=None) does
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
        print(f"congvan: {_os_message(exc)}", file=err)
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


_OS_ERRORS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "đây là thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.EEXIST: "tệp đã có",
}


def _os_message(exc: OSError) -> str:
    """An I/O error in Vietnamese, the system's own words kept as the gloss."""
    where = f"{exc.filename}: " if exc.filename else ""
    system = exc.strerror or str(exc)
    vietnamese = _OS_ERRORS.get(exc.errno) if exc.errno is not None else None
    return f"{where}{vietnamese} ({system})" if vietnamese else f"{where}lỗi đọc/ghi ({system})"


def _broken_pipe() -> int:
    """The reader (head, less) went away: stop quietly, as Unix tools do."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_USAGE


def entry() -> None:
    """The ``congvan`` script and ``python -m congvan``: run main(), exit with its code."""
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C outside main()'s own handler (start-up, exit): one line
        code = interrupted()
    sys.exit(code)


def interrupted() -> int:
    """Report Ctrl-C in one line (no traceback); return its exit code, 130 (128 + SIGINT)."""
    if sys.stderr is not None:
        print("congvan: đã dừng (interrupted)", file=sys.stderr)
    return EXIT_INTERRUPTED
