"""Reading and writing files as hostile input demands: regular files only, sizes checked before
reading, writes atomic, an output that is its own input refused.

Shared by the spec reader, the renderer and the checker, so each promise is kept in one place
(docs/security.md lists them). Functions raise ``OSError`` subclasses or ``ValueError`` with a
machine-readable ``reason``; callers turn them into congvan's own errors, naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import random
import stat
import tempfile
import zipfile
from os import PathLike

__all__ = ["FileRefused", "read_regular", "read_zip", "same_file", "write_atomic"]


class FileRefused(ValueError):
    """A file congvan will not read: `reason` is ``not_regular`` or ``too_large``; for a zip
    (read_zip) also ``not_zip``, ``too_many_members``, ``bomb`` or ``corrupt`` (`size` then names
    the member, as text, for ``bomb`` and ``corrupt``)."""

    def __init__(self, path: str | PathLike[str], reason: str,
                 size: int | str | None = None) -> None:
        self.path, self.reason, self.size = str(path), reason, size
        super().__init__(f"{path}: {reason}")


def read_regular(path: str | PathLike[str], max_bytes: int) -> bytes:
    """Return the bytes of the regular file `path`, refusing anything larger than `max_bytes`.

    A FIFO, a device (``/dev/zero``) or a socket is refused without blocking: the file is opened
    non-blocking and inspected through the descriptor (no race between a check and the open). The
    size is checked before reading, and again while reading, for a file that grows meanwhile.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, "not_regular")
        if info.st_size > max_bytes:
            raise FileRefused(path, "too_large", info.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise FileRefused(path, "too_large", total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_zip(data: bytes, name: str, *, max_members: int, max_part_bytes: int,
             max_total_bytes: int, max_ratio: int) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """Return every member of the zip `data` with its inflated bytes, bounded like the checker's
    reader (checker/_package.py): at most `max_members` members; each inflated through a bounded
    read and refused past `max_part_bytes` whatever size the zip declares; all together refused past
    `max_total_bytes`; a member over 1 MiB declaring more than `max_ratio` × its compressed size is
    refused before it is inflated. Memory and time are bounded by these numbers, not by the file.
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        raise FileRefused(name, "not_zip") from None
    out: list[tuple[zipfile.ZipInfo, bytes]] = []
    total = 0
    with package:
        infos = package.infolist()
        if len(infos) > max_members:
            raise FileRefused(name, "too_many_members", len(infos))
        for info in infos:
            if (info.file_size > max_part_bytes
                    or (info.file_size > 2**20
                        and info.file_size > max_ratio * max(info.compress_size, 1))):
                raise FileRefused(name, "bomb", info.filename)
            limit = min(max_part_bytes, max_total_bytes - total)
            try:
                with package.open(info) as stream:
                    blob = stream.read(limit + 1)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
                    RuntimeError, ValueError, OSError):
                raise FileRefused(name, "corrupt", info.filename) from None
            if len(blob) > limit:
                raise FileRefused(name, "bomb", info.filename)
            total += len(blob)
            out.append((info, blob))
    return out


def same_file(a: str | PathLike[str], b: str | PathLike[str]) -> bool:
    """Return True if `a` and `b` name one file (through symlinks, ``..`` or hard links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(path: str | PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    Either the whole new file is there, or the previous file is untouched: a full disk, a file-size
    limit or a crash leaves no fragment. The new file gets the usual permissions (0666 less umask).
    ``durable=False`` skips the fsync: still whole against a killed process, not against a power
    cut (congvan batch: a resumed run re-renders a file that is not whole).
    """
    # Plain descriptors, no file object: creating the file with mode 0o666 lets the kernel apply
    # the umask (tempfile.mkstemp's 0o600 needed a chmod and two umask calls), and a batch writes
    # thousands of files. The name is mkstemp's: ``.NAME.xxxxxxxx.tmp``.
    target = os.fspath(path)
    folder, name = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(
        os, "O_BINARY", 0)
    for _ in range(tempfile.TMP_MAX):
        tmp = os.path.join(folder, f".{name}.{_temp_token()}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(errno.EEXIST, "no free temporary name", target)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_TOKEN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_random: tuple[int, random.Random] | None = None


def _temp_token() -> str:
    """Return 8 random characters of a temporary file's name (as tempfile's), drawn from a
    generator seeded again in a forked child, so that two workers do not draw the same names."""
    global _random
    if _random is None or _random[0] != os.getpid():
        _random = (os.getpid(), random.Random())
    return "".join(_random[1].choices(_TOKEN_CHARS, k=8))
