"""Hostile user templates (``congvan.Template``, issue 7.11): bounded in memory and time, and every
failure a TemplateError naming the template, with a code. Each case runs in a bounded child."""

from __future__ import annotations

import io
import json
import os
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest

import congvan
from congvan.render.template import MAX_TEMPLATE_PART_BYTES

from ..test_templates import user_template
from .harness import ROOT, run_python

SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


def _rewrite(data: bytes, change) -> bytes:
    """Return the .docx `data` with each (name, bytes) passed through `change` (None drops it)."""
    out = io.BytesIO()
    with (zipfile.ZipFile(io.BytesIO(data)) as src,
          zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst):
        for info in src.infolist():
            blob = change(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(info.filename, blob)
        extra = change("<extra>", b"")
        if extra:
            for name, blob in extra:
                dst.writestr(name, blob)
    return out.getvalue()


def _attempt(tmp_path: Path, template: bytes, *, memory_mb: int = 1024, timeout: float = 60):
    """Load the template in a bounded child and render the seed with it; return the outcome and
    what the child printed: ["ok"] or [code, message]."""
    path = tmp_path / "mau.docx"
    path.write_bytes(template)
    code = textwrap.dedent(f"""
        import json, congvan
        doc = congvan.load({str(SEED)!r})
        try:
            template = congvan.Template({str(path)!r})
            congvan.render(doc, {str(tmp_path / "out.docx")!r}, template=template)
            print(json.dumps(["ok"]))
        except congvan.TemplateError as exc:
            print(json.dumps([exc.code, str(exc)]))
    """)
    outcome = run_python(code, memory_mb=memory_mb, timeout=timeout)
    assert outcome.returncode == 0, outcome.stderr[-2000:]
    return json.loads(outcome.out)


def _refused(tmp_path: Path, template: bytes, code: str, **kwargs) -> str:
    result = _attempt(tmp_path, template, **kwargs)
    assert result[0] == code, result
    assert "mau.docx" in result[1]  # names the template
    assert not (tmp_path / "out.docx").exists()
    return result[1]


def test_a_zip_bomb_template_is_refused(tmp_path):
    bomb = bytes(MAX_TEMPLATE_PART_BYTES + 1)  # zeros: deflates about 1000 to 1
    template = _rewrite(user_template("{{ so_ky_hieu }}"),
                        lambda n, b: [("word/media/bomb.bin", bomb)] if n == "<extra>" else b)
    assert len(template) < 200_000
    _refused(tmp_path, template, "template.bomb", memory_mb=512)


def test_a_template_lying_about_sizes_is_refused(tmp_path):
    # Many members that each inflate a lot: the total bound holds, whatever each member declares.
    blob = bytes(8 * 1024 * 1024)
    template = _rewrite(user_template("{{ so_ky_hieu }}"), lambda n, b: [
        (f"word/media/m{i}.bin", blob) for i in range(12)] if n == "<extra>" else b)
    _refused(tmp_path, template, "template.bomb", memory_mb=512)


@pytest.mark.parametrize("text", [
    "{{ 9 ** 99999999 }}",
    "{{ 2 ** 64 ** 64 }}",
    "{{ 'x' * 999999999 }}",
    "{{ ['x' * 100000] * 100000 }}",
    "{{ 'x'|center(999999999) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '{:0999999999}'.format(1) }}",
    "{{ ('a' * 100000).replace('a', 'b' * 100000) }}",
    "{{ range(10000)|map('string')|map('center', 100000)|join }}",
    "{{ range(10**12)|list }}",
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{% for a in range(100000) %}{% for b in range(100000) %}xx{% endfor %}{% endfor %}",
    ("{% for a in noi_nhan %}{% for b in range(100000) %}{% for c in range(100000) %}"
     "{% endfor %}{% endfor %}{% endfor %}"),
])
def test_expensive_expressions_hit_a_limit(tmp_path, text):
    _refused(tmp_path, user_template(text), "template.limit", memory_mb=768)


def test_list_extend_is_refused(tmp_path):
    text = "{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}"
    _refused(tmp_path, user_template(text), "template.limit", memory_mb=768)


def test_namespace_is_not_available(tmp_path):
    # The one state a loop could carry from step to step (a doubling string in 60 steps).
    text = ("{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
            "{% endfor %}{{ ns.s }}")
    _refused(tmp_path, user_template(text), "template.unknown_key", memory_mb=768)


@pytest.mark.parametrize("text, code", [
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "template.too_complex"),
    ("{{ so_ky_hieu + 1 }}", "template.render"),
    ("{{ 1 // 0 }}", "template.render"),
    ("{{ (" * 3000 + "1" + ")" * 3000 + " }}", "template.too_complex"),
])
def test_errors_in_template_code_are_template_errors(tmp_path, text, code):
    _refused(tmp_path, user_template(text), code)


def test_a_part_that_is_not_utf8_is_a_template_error(tmp_path):
    template = _rewrite(user_template("{{ so_ky_hieu }}"), lambda n, b: (
        b.replace(b"{{ so_ky_hieu }}", "{{ so_ky_hieu }} \xe9".encode("latin-1"))
        if n == "word/document.xml" else b))
    _refused(tmp_path, template, "template.encoding")


def test_a_template_that_is_not_a_word_document(tmp_path):
    template = _rewrite(user_template("x"), lambda n, b: None if n == "word/document.xml" else b)
    _refused(tmp_path, template, "template.package")


def test_a_fifo_template_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "fifo.docx")
    outcome = run_python(textwrap.dedent(f"""
        import congvan
        try:
            congvan.Template({str(tmp_path / "fifo.docx")!r})
        except congvan.TemplateError as exc:
            print(exc.code)
    """), timeout=30)
    assert outcome.out.split() == ["template.not_regular"], outcome.stderr


def test_a_template_without_document_rels_still_gets_the_signature(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", 40, 20, 8, 6, 0, 0, 0)
    signature = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                 + chunk(b"IDAT", zlib.compress((b"\x00" + bytes(160)) * 20)) + chunk(b"IEND", b""))
    (tmp_path / "ky.png").write_bytes(signature)
    spec = SEED.read_text(encoding="utf-8").replace(
        "  ho_ten:", "  anh_chu_ky: ky.png\n  ho_ten:", 1)
    (tmp_path / "cv.yaml").write_text(spec, encoding="utf-8")
    template = _rewrite(user_template("", whole=True),  # {{p cho_ky }} among the rest
                        lambda n, b: None if n == "word/_rels/document.xml.rels" else b)
    doc = congvan.load(tmp_path / "cv.yaml")
    assert doc.nguoi_ky.anh_chu_ky is not None
    out = congvan.render_bytes(doc, template=congvan.Template(template))
    document = docx.Document(io.BytesIO(out))  # opens: every r:embed has its relationship
    images = [r.target_part.blob for r in document.part.rels.values()
              if r.reltype.endswith("/image")]
    assert images == [signature]


def test_builtin_templates_still_render_with_loops_and_filters(seed):
    text = ("{% for n in noi_nhan %}{{ loop.index }}{% endfor %}|{{ range(3)|join('-') }}|"
            "{{ '%02d' % 7 }}|{{ 'ab' * 2 }}|{{ 2 ** 10 }}|{{ so_ky_hieu|upper }}")
    out = congvan.render_bytes(seed, template=congvan.Template(user_template(text, whole=True)))
    count = "".join(str(i + 1) for i in range(len(congvan.build_context(seed)["noi_nhan"])))
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == (
        f"{count}|0-1-2|07|abab|1024|SỐ: 4172/UBND-VHTT")
