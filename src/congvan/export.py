"""PDF and PNG export through LibreOffice (headless).

- ``to_pdf(docx)`` runs one ``soffice --convert-to pdf`` with a private, temporary user profile
  (it never touches, nor waits for, the user's own LibreOffice);
- ``to_png(docx)`` converts to PDF and rasterises every page with pypdfium2 (the ``png`` extra:
  wheels for Linux, macOS and Windows, so ``pip install 'congvan[png]'`` is all a user needs);
- ``Converter`` keeps ONE LibreOffice alive for a batch: started with its own profile in a
  temporary folder and driven through LibreOffice's UNO bridge by a tiny worker
  (``_uno_worker.py``) that runs under a Python able to ``import uno`` (Debian: python3-uno for
  /usr/bin/python3; Windows/macOS: the Python LibreOffice bundles). When the office crashes or is
  killed, it is started again and the document retried once; a document that fails twice raises
  ExportError (``export.crashed``) and the next one converts as usual. Without such a Python the
  converter falls back to one ``soffice`` call per document, with the same private profile.

LibreOffice is found through the environment variable ``CONGVAN_SOFFICE`` first, then ``soffice``
or ``libreoffice`` on PATH. The PDF embeds its fonts; its title, author and date come from the
.docx core properties congvan writes (render/core.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from functools import cache
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import IO, Any, cast

from ._files import FileRefused, read_regular, write_atomic
from .errors import ExportError, shorten
from .render._lo_pages import for_libreoffice  # pyright: ignore[reportPrivateUsage]

__all__ = ["ENV_SOFFICE", "ENV_UNO_PYTHON", "Converter", "find_soffice", "pdf_to_png", "to_pdf",
           "to_png"]

#: The environment variable naming the LibreOffice program (soffice, soffice.exe).
ENV_SOFFICE = "CONGVAN_SOFFICE"
#: The environment variable naming a Python that can ``import uno`` (for Converter).
ENV_UNO_PYTHON = "CONGVAN_UNO_PYTHON"
#: Seconds one conversion may take (a first start creates the profile: several seconds).
TIMEOUT_S = 180.0
#: Largest .docx or PDF read back from disk.
MAX_BYTES = 512 * 1024 * 1024

_INSTALL = ("cài LibreOffice: Debian/Ubuntu `apt-get install libreoffice-writer-nogui`, "
            "Windows/macOS tải từ https://www.libreoffice.org; hoặc đặt biến môi trường "
            f"{ENV_SOFFICE} trỏ tới chương trình soffice (LibreOffice is needed for PDF/PNG: "
            f"install it or set {ENV_SOFFICE})")
#: The UNO worker script, run by the UNO Python (never imported here).
_WORKER = Path(__file__).with_name("_uno_worker.py")
_PDF_A_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


def find_soffice() -> str:
    """Return the LibreOffice program: ``$CONGVAN_SOFFICE`` if set, else ``soffice`` or
    ``libreoffice`` on PATH; ExportError ``export.soffice_missing`` when there is none."""
    named = os.environ.get(ENV_SOFFICE)
    if named:
        found = shutil.which(named)
        if found is None:
            raise ExportError(f"không tìm thấy LibreOffice tại {ENV_SOFFICE}="
                              f"{shorten(named, 200)}; {_INSTALL}", code="export.soffice_missing")
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found is not None:
            return found
    raise ExportError(f"không tìm thấy LibreOffice (soffice) trên PATH; {_INSTALL}",
                      code="export.soffice_missing")


def _profile_arg(profile: Path) -> str:
    return f"-env:UserInstallation={profile.resolve().as_uri()}"


def _convert_with_soffice(soffice: str, profile: Path, sources: list[Path], outdir: Path,
                          pdf_a: bool) -> None:
    """Convert `sources` to PDF in `outdir` with one ``soffice --convert-to`` call."""
    cmd = [soffice, _profile_arg(profile), "--headless", "--norestore", "--nologo",
           "--convert-to", _PDF_A_FILTER if pdf_a else "pdf", "--outdir", str(outdir),
           *map(str, sources)]
    try:
        subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=TIMEOUT_S * max(1, len(sources)), check=False)
    except subprocess.TimeoutExpired:
        raise ExportError(f"LibreOffice không xong sau {TIMEOUT_S:.0f} giây (conversion timed "
                          f"out)", code="export.timeout") from None
    except OSError as exc:
        raise ExportError(f"không chạy được LibreOffice {soffice}: {exc.strerror or exc} "
                          f"(cannot run soffice)", code="export.soffice_missing") from None


def _read_pdf(pdf: Path, what: str) -> bytes:
    try:
        data = read_regular(pdf, MAX_BYTES)
    except (OSError, FileRefused):
        data = b""
    if not data.startswith(b"%PDF"):
        raise ExportError(f"LibreOffice không tạo được PDF cho {what} (LibreOffice made no PDF: "
                          f"is the .docx readable?)", code="export.failed")
    return data


def to_pdf(docx: bytes, *, pdf_a: bool = False) -> bytes:
    """Return the PDF LibreOffice makes of the .docx `docx` (PDF/A-2b when `pdf_a`).

    One ``soffice`` run with a private profile in a temporary folder; for many documents use
    ``Converter``, which keeps one LibreOffice alive.
    """
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="congvan-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "van-ban.docx"
        source.write_bytes(for_libreoffice(docx))
        _convert_with_soffice(soffice, folder / "profile", [source], folder / "out", pdf_a)
        return _read_pdf(folder / "out" / "van-ban.pdf", "văn bản")


def pdf_to_png(pdf: bytes, *, dpi: int = 96, first_page_only: bool = False) -> list[bytes]:
    """Return one PNG per page of `pdf` at `dpi` (the first page only when `first_page_only`)."""
    if not 1 <= dpi <= 1200:
        raise ExportError(f"dpi {dpi} ngoài khoảng 1–1200 (dpi out of range)",
                          code="export.dpi")
    try:
        import pypdfium2  # pyright: ignore[reportMissingTypeStubs]
    except ImportError:
        raise ExportError("xuất PNG cần pypdfium2 và Pillow: pip install 'congvan[png]' (PNG "
                          "export needs the png extra)", code="export.rasteriser_missing") from None
    import io

    document: Any = pypdfium2.PdfDocument(pdf)
    out: list[bytes] = []
    try:
        pages = 1 if first_page_only else len(document)
        for index in range(min(pages, len(document))):
            page: Any = document[index]
            image: Any = page.render(scale=dpi / 72).to_pil()
            buf = io.BytesIO()
            image.save(buf, format="PNG", dpi=(dpi, dpi))
            out.append(buf.getvalue())
            page.close()
    finally:
        document.close()
    return out


def to_png(docx: bytes, *, dpi: int = 96, first_page_only: bool = False) -> list[bytes]:
    """Return one PNG per page of the .docx `docx`, as LibreOffice lays it out, at `dpi`."""
    if not 1 <= dpi <= 1200:  # before LibreOffice runs
        raise ExportError(f"dpi {dpi} ngoài khoảng 1–1200 (dpi out of range)",
                          code="export.dpi")
    return pdf_to_png(to_pdf(docx), dpi=dpi, first_page_only=first_page_only)


# --------------------------------------------------------------------------------------------------
# One LibreOffice for a batch
# --------------------------------------------------------------------------------------------------


@cache
def _imports_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=60, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def find_uno_python(soffice: str) -> str | None:
    """Return a Python that can ``import uno``: ``$CONGVAN_UNO_PYTHON``, the one LibreOffice
    bundles next to `soffice` (Windows, macOS), this interpreter, or the system's python3."""
    program = Path(soffice).resolve().parent
    candidates = [os.environ.get(ENV_UNO_PYTHON, ""), str(program / "python"),  # Windows
                  str(program / "python.exe"), str(program.parent / "Resources" / "python"),
                  sys.executable, "/usr/bin/python3",  # macOS bundle above; Debian python3-uno
                  shutil.which("python3") or ""]
    for python in candidates:
        if python and Path(python).is_file() and _imports_uno(python):
            return python
    return None


class _OfficeGone(Exception):
    """The LibreOffice process (or its worker) went away during a conversion."""


class Converter:
    """Convert many documents with ONE LibreOffice process, kept alive between them.

    Used as a context manager (docs/pdf.md runs this, with LibreOffice)::

        with Converter() as converter:
            pdf = converter.to_pdf(docx_bytes)
            converter.convert(Path("a.docx"), Path("a.pdf"), pdf_a=True)

    The office runs with a private user profile in a temporary folder. If it crashes or is killed
    during a document, it is started again and the document retried once; a second failure raises
    ExportError (``export.crashed``) for that document only: the next call starts a fresh office.
    """

    def __init__(self, *, soffice: str | None = None, timeout: float = TIMEOUT_S) -> None:
        self._soffice = soffice
        self._timeout = timeout
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._office: subprocess.Popen[bytes] | None = None
        self._worker: subprocess.Popen[str] | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._count = 0
        #: The Python driving the office through UNO; None: one soffice call per document.
        self.uno_python: str | None = None

    # -- life cycle ---------------------------------------------------------------------------

    def __enter__(self) -> Converter:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        """Find LibreOffice and the UNO Python; make the private profile folder. The office
        itself starts with the first document."""
        if self._tmp is not None:
            return
        self._soffice = self._soffice or find_soffice()
        self.uno_python = find_uno_python(self._soffice)
        self._tmp = tempfile.TemporaryDirectory(prefix="congvan-converter-")

    def close(self) -> None:
        """Stop the office and remove the private profile."""
        self._stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    @property
    def pid(self) -> int | None:
        """The process id of the running LibreOffice (soffice.bin where it can be found), or
        None when none is running."""
        if self._office is None or self._office.poll() is not None:
            return None
        return _office_pid(self._office.pid)

    @property
    def _folder(self) -> Path:
        if self._tmp is None:
            self.start()
        return Path(cast("tempfile.TemporaryDirectory[str]", self._tmp).name)

    def _launch(self) -> None:
        """Start the office listening on a private pipe, and the UNO worker connected to it."""
        soffice, python = cast(str, self._soffice), cast(str, self.uno_python)
        pipe = f"congvan-{uuid.uuid4().hex}"
        self._office = subprocess.Popen(
            [soffice, _profile_arg(self._folder / "profile"), "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", "--nolockcheck",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        self._worker = subprocess.Popen(
            [python, str(_WORKER), pipe, str(self._timeout)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
            start_new_session=True)
        self._lines = queue.Queue()
        threading.Thread(target=_pump, args=(self._worker.stdout, self._lines),
                         daemon=True).start()
        answer = self._answer()
        if not answer.get("ready"):
            raise _OfficeGone(str(answer.get("error", "")))

    def _stop(self) -> None:
        if self._worker is not None and self._worker.stdin is not None:
            with contextlib.suppress(OSError):
                self._worker.stdin.close()  # the worker ends at the end of its input
        for proc in (self._worker, self._office):
            if proc is not None and proc.poll() is None:
                with contextlib.suppress(OSError):
                    if hasattr(os, "killpg"):
                        os.killpg(proc.pid, signal.SIGKILL)
                    else:
                        proc.kill()
            if proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=30)
        self._office = self._worker = None

    def _answer(self) -> dict[str, Any]:
        """Return the worker's next answer; _OfficeGone when the office or the worker ends, or
        after the timeout (a hung conversion)."""
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                line = self._lines.get(timeout=0.5)
                break
            except queue.Empty:
                if self._office is None or self._office.poll() is not None:
                    raise _OfficeGone("LibreOffice exited") from None
                if time.monotonic() > deadline:
                    raise _OfficeGone("timeout") from None
        if line is None:
            raise _OfficeGone("worker exited")
        answer: dict[str, Any] = json.loads(line)
        if answer.get("dead"):
            raise _OfficeGone(str(answer.get("error", "")))
        return answer

    # -- conversions --------------------------------------------------------------------------

    def to_pdf(self, docx: bytes, *, pdf_a: bool = False) -> bytes:
        """Return the PDF of the .docx `docx` (PDF/A-2b when `pdf_a`)."""
        self._count += 1
        work = self._folder / f"doc-{self._count}"
        work.mkdir()
        try:
            source, target = work / "van-ban.docx", work / "van-ban.pdf"
            source.write_bytes(for_libreoffice(docx))
            if self.uno_python is None:
                _convert_with_soffice(cast(str, self._soffice), self._folder / "profile",
                                      [source], work, pdf_a)
            else:
                self._convert_uno(source, target, pdf_a)
            return _read_pdf(target, "văn bản")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _convert_uno(self, source: Path, target: Path, pdf_a: bool) -> None:
        """Convert through the worker; the office restarted and the document retried once."""
        for attempt in (1, 2):
            try:
                if self._office is None or self._office.poll() is not None:
                    self._stop()
                    self._launch()
                worker = cast("subprocess.Popen[str]", self._worker)
                stdin = cast(IO[str], worker.stdin)
                stdin.write(json.dumps({"src": str(source), "dst": str(target),
                                        "pdf_a": pdf_a}) + "\n")
                stdin.flush()
                answer = self._answer()
            except (_OfficeGone, OSError, ValueError) as exc:
                self._stop()
                if attempt == 2:
                    raise ExportError(f"LibreOffice dừng đột ngột hai lần khi chuyển {source.name}"
                                      f" ({shorten(str(exc))}); bỏ qua văn bản này (LibreOffice "
                                      f"crashed twice on this document)",
                                      code="export.crashed") from None
                continue
            if not answer.get("ok"):
                raise ExportError(f"LibreOffice không chuyển được văn bản: "
                                  f"{shorten(str(answer.get('error', '')), 200)} (conversion "
                                  f"failed)", code="export.failed")
            return

    def convert(self, src: str | PathLike[str], dst: str | PathLike[str], *,
                pdf_a: bool = False) -> None:
        """Convert the .docx file `src` to the PDF file `dst` (written atomically)."""
        try:
            data = read_regular(src, MAX_BYTES)
        except FileRefused as exc:
            raise ExportError(f"{src}: không đọc được ({exc.reason}) (cannot read input)",
                              code="export.input") from None
        except OSError as exc:
            raise ExportError(f"{src}: không đọc được: {exc.strerror or exc} (cannot read "
                              f"input)", code="export.input") from None
        pdf = self.to_pdf(data, pdf_a=pdf_a)
        try:
            write_atomic(dst, pdf)
        except OSError as exc:
            raise ExportError(f"không ghi được {dst}: {exc.strerror or exc} (cannot write "
                              f"output)", code="export.write") from None


def _pump(stream: IO[str] | None, lines: queue.Queue[str | None]) -> None:
    """Copy the worker's answers, one line each, into `lines`; None at its end."""
    if stream is not None:
        with contextlib.suppress(OSError, ValueError), stream:
            for line in stream:
                lines.put(line)
    lines.put(None)


def _office_pid(launched: int) -> int:
    """Return the pid of soffice.bin started (through a shell script and oosplash on Linux) by
    `launched`; `launched` itself where /proc cannot tell."""
    todo = [launched]
    while todo:
        pid = todo.pop()
        proc = Path(f"/proc/{pid}")
        try:
            if (proc / "comm").read_text().strip().startswith("soffice.bin"):
                return pid
            todo += [int(c) for t in (proc / "task").iterdir()
                     for c in (t / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return launched
