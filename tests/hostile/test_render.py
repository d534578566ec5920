"""Hostile input to `congvan render` and the render API (issue 7: 7.4, 7.7, 7.9, 7.10, 7.12).

Outputs never destroy inputs and are written atomically; file objects get every byte; image paths
stay inside the spec's folder unless allowed; images are whole, sane PNGs when read, not only when
validated; Ctrl-C is one line. Each case runs in a bounded child (harness.py) where it could hang,
balloon or leave files behind.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import textwrap
import zlib
from pathlib import Path

import docx
import pytest
import yaml

import congvan
from congvan.images import MAX_IMAGE_BYTES, MAX_IMAGE_SIDE

from .harness import ROOT, run_cli, run_python

SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *, ihdr: tuple[int, int] | None = None) -> bytes:
    """A one-colour RGBA PNG; `ihdr` overrides the size the header declares."""
    w, h = ihdr or (width, height)
    rows = (b"\x00" + b"\x00\x00\xff\xff" * width) * height
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "x.yaml"
    shutil.copy(SEED, path)
    return path


def _spec_with(folder: Path, name: str = "cv.yaml", **images: object) -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    if "anh_chu_ky" in images:
        data["nguoi_ky"]["anh_chu_ky"] = images["anh_chu_ky"]
    if "hinh_anh" in images:
        data["dau_co_quan"] = {"hinh_anh": images["hinh_anh"], "rong_mm": 36}
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _api(body: str, **kwargs: object):
    """Run `body` in a bounded child after a prelude; it prints results as JSON lines."""
    prelude = "import json, sys, congvan\nfrom pathlib import Path\n"
    return run_python(prelude + textwrap.dedent(body), **kwargs)  # type: ignore[arg-type]


# --- 7.4 outputs never destroy inputs -------------------------------------------------------------


@pytest.mark.parametrize("output", ["x.yaml", "link.yaml", "sub/../x.yaml", "hard.yaml"])
def test_render_refuses_to_overwrite_its_input(spec, output):
    before = spec.read_bytes()
    (spec.parent / "sub").mkdir()
    (spec.parent / "link.yaml").symlink_to("x.yaml")
    os.link(spec, spec.parent / "hard.yaml")
    outcome = run_cli("render", "x.yaml", "-o", output, cwd=spec.parent)
    outcome.assert_clean_failure(2)
    assert "x.yaml" in outcome.stderr
    assert spec.read_bytes() == before


def test_default_output_is_never_the_spec(tmp_path):
    spec = tmp_path / "x.docx"  # a spec named .docx: SPEC.docx would be the spec itself
    shutil.copy(SEED, spec)
    outcome = run_cli("render", str(spec))
    outcome.assert_clean_failure(2)
    assert spec.read_bytes() == SEED.read_bytes()


def test_output_that_is_a_folder_is_refused(spec):
    folder = spec.parent / "out"
    folder.mkdir()
    outcome = run_cli("render", str(spec), "-o", str(folder))
    outcome.assert_clean_failure(2)
    assert list(folder.iterdir()) == []


def test_api_output_that_is_a_folder_is_a_render_error(spec):
    doc = congvan.load(spec)
    with pytest.raises(congvan.RenderError) as info:
        congvan.render(doc, spec.parent)
    assert info.value.code == "output.is_dir"


def _previous_good_file(folder: Path) -> tuple[Path, bytes]:
    out = folder / "out.docx"
    out.write_bytes(b"the previous good file")
    return out, out.read_bytes()


def test_api_write_under_a_file_size_limit_keeps_the_previous_file(spec):
    out, before = _previous_good_file(spec.parent)
    outcome = _api(f"""
        import resource
        doc = congvan.load({str(spec)!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
        try:
            congvan.render(doc, {str(out)!r})
        except congvan.RenderError as exc:
            print(exc.code)
    """)
    assert outcome.returncode == 0, outcome.stderr
    assert outcome.out.split() == ["output.write"]
    assert out.read_bytes() == before
    assert sorted(p.name for p in spec.parent.iterdir()) == ["out.docx", "x.yaml"]  # no fragment


def test_cli_write_under_a_file_size_limit_keeps_the_previous_file(spec):
    out, before = _previous_good_file(spec.parent)
    outcome = _api(f"""
        import resource
        from congvan.cli import main
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
        sys.exit(main(["render", {str(spec)!r}, "-o", {str(out)!r}]))
    """)
    outcome.assert_clean_failure(2)
    assert out.read_bytes() == before
    assert sorted(p.name for p in spec.parent.iterdir()) == ["out.docx", "x.yaml"]


def test_render_replaces_the_previous_file_whole(spec):
    out, _ = _previous_good_file(spec.parent)
    congvan.render(congvan.load(spec), out)
    assert docx.Document(out).tables[0].rows[1].cells[0].paragraphs[0].text == "Số: 4172/UBND-VHTT"


# --- 7.9 short writes -----------------------------------------------------------------------------


def test_a_non_blocking_pipe_receives_every_byte(spec):
    outcome = _api(f"""
        import fcntl, os, threading
        doc = congvan.load({str(spec)!r})
        expected = congvan.render_bytes(doc)
        r, w = os.pipe()
        fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the document
        os.set_blocking(w, False)
        received = []
        reader = threading.Thread(target=lambda: received.append(b"".join(iter(
            lambda: os.read(r, 4096), b""))))
        reader.start()
        with open(w, "wb", buffering=0) as sink:  # raw: write() returns None when the pipe is full
            congvan.render(doc, sink)
        reader.join()
        print(json.dumps([len(expected), len(received[0]), received[0] == expected]))
    """)
    assert outcome.returncode == 0, outcome.stderr
    size, got, same = json.loads(outcome.out)
    assert size > 4096 and (got, same) == (size, True)


class _Trickle(io.RawIOBase):
    """A file object that takes at most 1,000 bytes a call and has no descriptor."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        part = bytes(b[:1000])
        self.data += part
        return len(part)


def test_short_writes_are_continued(seed):
    sink = _Trickle()
    congvan.render(seed, sink)
    assert bytes(sink.data) == congvan.render_bytes(seed)


class _Stuck(_Trickle):
    def write(self, b) -> int:  # type: ignore[override]
        return 0


def test_a_sink_that_takes_nothing_is_a_render_error(seed):
    with pytest.raises(congvan.RenderError) as info:
        congvan.render(seed, _Stuck())
    assert info.value.code == "output.write"


def test_a_text_file_is_a_render_error(seed):
    with pytest.raises(congvan.RenderError) as info:
        congvan.render(seed, io.StringIO())
    assert info.value.code == "output.text_mode"


def test_stdout_closed_is_a_message(spec):
    outcome = _api(f"""
        import os, subprocess
        argv = [sys.executable, "-m", "congvan", "render", {str(spec)!r}, "-o", "-"]
        child = subprocess.run(argv, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1))
        sys.stderr.write(child.stderr.decode())
        sys.exit(child.returncode)
    """)
    outcome.assert_clean_failure(2)
    assert "stdout" in outcome.stderr


# --- 7.10 image paths are confined ----------------------------------------------------------------


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """An existing PNG outside the spec's folder (tmp_path/spec)."""
    (tmp_path / "spec").mkdir()
    path = tmp_path / "secret.png"
    path.write_bytes(png(40, 20))
    return path


@pytest.mark.parametrize("where", ["absolute", "dotdot", "symlink"])
def test_images_outside_the_spec_folder_are_refused(outside, where):
    folder = outside.parent / "spec"
    value = {"absolute": str(outside), "dotdot": "../secret.png", "symlink": "ky.png"}[where]
    if where == "symlink":
        (folder / "ky.png").symlink_to(outside)
    spec = _spec_with(folder, anh_chu_ky=value)
    outcome = run_cli("render", str(spec), "-o", str(folder / "out.docx"))
    outcome.assert_clean_failure(1)
    assert "nguoi_ky.anh_chu_ky" in outcome.stderr
    assert not (folder / "out.docx").exists()
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.load(spec)
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("nguoi_ky.anh_chu_ky", "hinh_anh.outside")]


def test_refusal_does_not_reveal_whether_the_outside_file_exists(outside):
    folder = outside.parent / "spec"
    messages = []
    for target in (outside, outside.with_name("absent.png"), Path("/etc/shadow")):
        with pytest.raises(congvan.InvalidDocumentError) as info:
            congvan.load(_spec_with(folder, anh_chu_ky=str(target)))
        # The path is quoted cut to a length (errors.shorten): drop it whatever its length.
        message = info.value.problems[0].message
        messages.append(re.sub(r"^ảnh .*? nằm ngoài", "ảnh PATH nằm ngoài", message))
    assert len(set(messages)) == 1, messages


def test_outside_images_when_the_caller_allows(outside):
    folder = outside.parent / "spec"
    spec = _spec_with(folder, anh_chu_ky="../secret.png")
    out = folder / "out.docx"
    assert run_cli("validate", str(spec), "--cho-phep-anh-ngoai").returncode == 0
    outcome = run_cli("render", str(spec), "--cho-phep-anh-ngoai", "-o", str(out))
    assert outcome.returncode == 0, outcome.stderr
    images = [r.target_part.blob for r in docx.Document(out).part.rels.values()
              if r.reltype.endswith("/image")]
    assert images == [outside.read_bytes()]
    assert congvan.load(spec, allow_outside_images=True).nguoi_ky.anh_chu_ky == outside.resolve()


def test_validate_without_base_dir_confines_to_the_current_folder(outside, monkeypatch):
    monkeypatch.chdir(outside.parent / "spec")
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["nguoi_ky"]["anh_chu_ky"] = str(outside)
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.validate(data)
    assert info.value.problems[0].code == "hinh_anh.outside"
    assert congvan.validate(data, allow_outside_images=True).nguoi_ky.anh_chu_ky == outside


def test_a_model_built_in_python_takes_paths_as_given(outside):
    # Code, not untrusted input (docs/security.md): the developer's path is used as written.
    signer = congvan.NguoiKy(chuc_vu="Giám đốc", ho_ten="Trần Văn B", anh_chu_ky=str(outside))
    assert signer.anh_chu_ky == outside


def test_a_fifo_as_image_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "ky.png")
    spec = _spec_with(tmp_path, anh_chu_ky="ky.png")
    outcome = run_cli("validate", str(spec), timeout=30)
    outcome.assert_clean_failure(1)
    assert "nguoi_ky.anh_chu_ky" in outcome.stderr


def _validated_with_signature(folder: Path):
    (folder / "ky.png").write_bytes(png(400, 200))
    return congvan.load(_spec_with(folder, anh_chu_ky="ky.png"))


def test_an_image_grown_after_validation_is_refused_at_render(tmp_path):
    doc = _validated_with_signature(tmp_path)
    with open(tmp_path / "ky.png", "ab") as fh:
        fh.truncate(MAX_IMAGE_BYTES + 1)  # sparse: grown past the limit since validation
    with pytest.raises(congvan.RenderError) as info:
        congvan.render(doc, tmp_path / "out.docx")
    assert info.value.code == "image.too_large"
    assert not (tmp_path / "out.docx").exists()


def test_an_image_truncated_after_validation_is_refused_at_render(tmp_path):
    doc = _validated_with_signature(tmp_path)
    (tmp_path / "ky.png").write_bytes(png(400, 200)[:-30])
    with pytest.raises(congvan.RenderError) as info:
        congvan.render_bytes(doc)
    assert info.value.code == "image.truncated"


# --- 7.7, 7.12 PNGs -------------------------------------------------------------------------------


def _truncated_idat() -> bytes:
    whole = zlib.compress((b"\x00" + b"\x00\x00\xff\xff" * 40) * 20)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 20, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", whole[: len(whole) // 2]) + chunk(b"IEND", b""))


def _bad_crc() -> bytes:
    data = bytearray(png(40, 20))
    data[29] ^= 0xFF  # inside IHDR's CRC
    return bytes(data)


BAD_PNGS = {
    "width_zero": png(40, 20, ihdr=(0, 20)),
    "23_bytes": png(40, 20)[:23],
    "truncated_file": png(40, 20)[:-20],
    "truncated_idat": _truncated_idat(),
    "bad_crc": _bad_crc(),
    "absurd_size": png(40, 20, ihdr=(MAX_IMAGE_SIDE + 1, 20)),
    "header_lies": png(40, 20, ihdr=(4000, 2000)),
    "aspect_1_to_1000": png(1000, 1),
    "no_idat": b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 6, 0, 0, 0))
               + chunk(b"IEND", b""),
}


@pytest.mark.parametrize("field", ["nguoi_ky.anh_chu_ky", "dau_co_quan.hinh_anh"])
@pytest.mark.parametrize("case", BAD_PNGS)
def test_broken_pngs_are_refused_at_validation(tmp_path, field, case):
    (tmp_path / "a.png").write_bytes(BAD_PNGS[case])
    spec = _spec_with(tmp_path, **{field.split(".")[1]: "a.png"})
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.load(spec)
    assert [p.location for p in info.value.problems] == [field]
    assert info.value.problems[0].code == "hinh_anh.png"


@pytest.mark.parametrize("case", ["width_zero", "23_bytes", "truncated_idat"])
def test_broken_png_through_the_cli(tmp_path, case):
    (tmp_path / "a.png").write_bytes(BAD_PNGS[case])
    spec = _spec_with(tmp_path, anh_chu_ky="a.png")
    outcome = run_cli("render", str(spec), "-o", str(tmp_path / "out.docx"))
    outcome.assert_clean_failure(1)
    assert "nguoi_ky.anh_chu_ky" in outcome.stderr
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("size", [(400, 40), (40, 400)])
def test_a_seal_of_extreme_shape_is_refused(tmp_path, size):
    (tmp_path / "dau.png").write_bytes(png(*size))  # 36 mm wide: 3.6 mm or 360 mm tall
    with pytest.raises(congvan.InvalidDocumentError) as info:
        congvan.load(_spec_with(tmp_path, hinh_anh="dau.png"))
    assert [(p.location, p.code) for p in info.value.problems] == [
        ("dau_co_quan.hinh_anh", "hinh_anh.aspect")]


def test_seal_offsets_stay_on_the_page(tmp_path):
    (tmp_path / "dau.png").write_bytes(png(300, 450))  # the tallest shape allowed at 36 mm: 54 mm
    document = docx.Document(io.BytesIO(congvan.render_bytes(
        congvan.load(_spec_with(tmp_path, hinh_anh="dau.png")))))
    anchor = document.element.body.find(".//{*}anchor")
    offsets = [int(e.text) for e in anchor.iter("{*}posOffset")]
    assert all(abs(o) < 100 * 36000 for o in offsets), offsets


def test_a_good_interlaced_palette_png_is_accepted(tmp_path):
    # Colour type 3 (palette), 4 bits, Adam7: the inflated size follows the seven passes.
    w, h = 13, 7
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
              (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        pw, ph = -(-(w - x0) // dx) if w > x0 else 0, -(-(h - y0) // dy) if h > y0 else 0
        if pw and ph:
            raw += (b"\x00" + bytes((pw * 4 + 7) // 8)) * ph
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 4, 3, 0, 0, 1))
            + chunk(b"PLTE", b"\x00\x00\xff" * 2) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))
    (tmp_path / "ky.png").write_bytes(data)
    doc = congvan.load(_spec_with(tmp_path, anh_chu_ky="ky.png"))
    assert doc.nguoi_ky.anh_chu_ky == (tmp_path / "ky.png").resolve()


# --- 7.12 Ctrl-C ----------------------------------------------------------------------------------


def test_ctrl_c_during_start_up_is_one_line():
    outcome = run_python(textwrap.dedent("""
        import congvan.cli as cli
        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt
        cli.checker_cli.add_parser = interrupted  # Ctrl-C while the command line is being set up
        cli.entry()
    """))
    assert outcome.returncode == 130, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("how", [["-m", "congvan"], ["console-script"]])
def test_ctrl_c_while_congvan_is_importing_is_one_line(tmp_path, how):
    """A Ctrl-C that lands while pydantic (any heavy dependency) is still loading."""
    fake = tmp_path / "fake"
    (fake / "pydantic").mkdir(parents=True)
    (fake / "pydantic" / "__init__.py").write_text("raise KeyboardInterrupt\n", encoding="utf-8")
    env = {"PYTHONPATH": f"{fake}{os.pathsep}{ROOT / 'src'}"}
    if how == ["console-script"]:  # what pip's generated script does
        code = "import sys; from congvan._console import entry; sys.exit(entry())"
        outcome = run_python(code, env=env)
    else:
        outcome = run_cli("--help", env=env)
    assert outcome.returncode == 130, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1


def test_console_script_points_at_the_light_entry():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'congvan = "congvan._console:entry"' in pyproject


def test_unexpected_errors_stay_one_line(spec):
    outcome = run_python(textwrap.dedent(f"""
        import sys
        import congvan.cli as cli
        def broken(*args, **kwargs):
            raise RuntimeError("x" * 100)
        cli.load = broken  # a bug in congvan, as the clerk would meet it
        sys.argv = ["congvan", "render", {str(spec)!r}, "-o", {str(spec.with_suffix(".docx"))!r}]
        cli.entry()
    """))
    assert outcome.returncode == 2, outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert len(outcome.stderr.strip().splitlines()) == 1
