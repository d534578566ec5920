"""Issue 13, third round of speed: what the faster paths must keep (behaviour, never timing).

- docProps/core.xml carries any text: XML's special characters, Vietnamese and characters XML
  cannot carry (dropped).
- write_atomic through plain descriptors: the usual permissions (0666 less umask), no temporary
  file left after a failed write, the target replaced whole.
- Parts made per document are deflated at the fast level; the package still opens everywhere.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

import congvan
from congvan import _files  # pyright: ignore[reportPrivateUsage]
from congvan.context import build_context
from congvan.render.core import core_properties

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))  # the documents (not profiles, specs)
_DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.mark.parametrize(("text", "printed"), [
    ("Về việc A & B <thử> \"x\" 'y' ]]> &amp;", "Về việc A & B <thử> \"x\" 'y' ]]> &amp;"),
    ("Tiếng Việt: Ủy ban nhân dân\tphường\u00a0Hòa\u2028Bình",
     "Tiếng Việt: Ủy ban nhân dân phường Hòa Bình"),
    ("ký tự cấm \x01\x0b\ufffe\ud800 ở đây", "ký tự cấm ở đây"),
])
def test_core_properties_carry_any_text(text: str, printed: str) -> None:
    doc = congvan.load(SEED)
    context = {**build_context(doc), "trich_yeu": text, "so_ky_hieu": text + " <&>"}
    doc = doc.model_copy(update={"co_quan_ban_hanh": doc.co_quan_ban_hanh.model_copy(
        update={"ten": text})})
    root = etree.fromstring(core_properties(doc, context))
    assert root.findtext(f"{_DC}creator") == printed
    assert root.findtext(f"{_DC}title") == printed
    assert root.findtext(f"{_DC}subject", "").startswith(printed + " <&>; ")


def test_write_atomic_permissions_and_replace(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    umask = os.umask(0o027)
    try:
        _files.write_atomic(target, b"new" * 10_000, durable=False)
        _files.write_atomic(tmp_path / "b.docx", b"x")
    finally:
        os.umask(umask)
    assert target.read_bytes() == b"new" * 10_000
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]


def test_write_atomic_failure_leaves_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    calls: list[int] = []

    def full(fd: int, data: Any) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return 5  # a short write first: the rest must be written after it

    monkeypatch.setattr(_files.os, "write", full)
    with pytest.raises(OSError):
        _files.write_atomic(target, b"0123456789")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_write_atomic_writes_all_after_short_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.write

    def short(fd: int, data: bytes) -> int:
        return real(fd, bytes(data[:3]))

    monkeypatch.setattr(_files.os, "write", short)
    _files.write_atomic(tmp_path / "a.docx", b"0123456789")
    monkeypatch.undo()
    assert (tmp_path / "a.docx").read_bytes() == b"0123456789"


def test_temporary_names_differ_in_a_forked_child() -> None:
    first = _files._temp_token()  # pyright: ignore[reportPrivateUsage]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its first token, as a batch worker draws it
        os.write(write, _files._temp_token().encode())  # pyright: ignore[reportPrivateUsage]
        os._exit(0)
    os.close(write)
    child = os.read(read, 100).decode()
    os.waitpid(pid, 0)
    os.close(read)
    parent = _files._temp_token()  # pyright: ignore[reportPrivateUsage]
    assert len(child) == len(parent) == len(first) == 8
    assert child != parent


def test_fast_deflated_package_opens() -> None:
    data = congvan.render_bytes(congvan.load(SEED))
    package = zipfile.ZipFile(io.BytesIO(data))
    assert package.testzip() is None
    assert len(data) <= 14 * 1024
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Kính gửi" in text
