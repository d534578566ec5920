"""Hostile and odd input: a clear DocxReadError (exit 2), bounded work, no entity ever resolved."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import docx
import pytest

from congvan.checker import _package, check
from congvan.errors import DocxReadError

from .checker_fixtures import clean_bytes


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def _replace(data: bytes, name: str, content: bytes | None) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    if content is None:
        members.pop(name)
    else:
        members[name] = content
    return _zip(members)


def test_not_a_zip(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("Kính gửi: Bộ Nội vụ", encoding="utf-8")
    with pytest.raises(DocxReadError) as exc:
        check(path)


    assert exc.value.code == "docx.not_zip"
def test_missing_file(tmp_path):
    with pytest.raises(DocxReadError) as exc:
        check(tmp_path / "none.docx")


    assert exc.value.code == "docx.not_found"
def test_missing_document_xml():
    with pytest.raises(DocxReadError) as exc:
        check(_replace(clean_bytes(), "word/document.xml", None))


    assert exc.value.code == "docx.no_document"
def test_zip_bomb_is_refused_before_it_inflates():
    # 1 GiB of zeros deflates to about 1 MiB; the limit refuses it from its declared size, and the
    # counting reader would stop at the limit even if the header lied.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z, z.open(
            "word/document.xml", "w", force_zip64=True) as member:
        chunk = b"\0" * (1 << 20)
        for _ in range(1024):
            member.write(chunk)
    with pytest.raises(DocxReadError) as exc:
        check(buf.getvalue())


    assert exc.value.code == "docx.bomb"
def test_lying_zip_header_is_still_bounded(monkeypatch):
    monkeypatch.setattr(_package, "MAX_PART_BYTES", 1000)
    monkeypatch.setattr(_package, "MAX_RATIO", 10**9)
    doc = b"<w:document xmlns:w='x'>" + b" " * 5000 + b"</w:document>"
    data = _zip({"word/document.xml": doc})
    with pytest.raises(DocxReadError) as exc:
        check(data)


    assert exc.value.code == "docx.bomb"
def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ-MẬT-42", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>').encode()
    data = _replace(clean_bytes(), "word/document.xml", xml)
    with pytest.raises(DocxReadError) as exc:
        check(data)
    assert exc.value.code == "docx.dtd"
    assert "BÍ-MẬT-42" not in str(exc.value)


def test_billion_laughs_is_refused():
    xml = (b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
           b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           b'<w:document xmlns:w="x">&b;</w:document>')
    with pytest.raises(DocxReadError):
        check(_replace(clean_bytes(), "word/document.xml", xml))


def test_entity_in_styles_part_is_refused():
    xml = (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           b'<w:styles xmlns:w="x">&e;</w:styles>')
    with pytest.raises(DocxReadError) as exc:
        check(_replace(clean_bytes(), "word/styles.xml", xml))


    assert exc.value.code == "docx.dtd"
def test_broken_xml():
    with pytest.raises(DocxReadError) as exc:
        check(_replace(clean_bytes(), "word/document.xml", b"<w:document><w:body>"))


    assert exc.value.code == "docx.bad_xml"
def test_50_mb_document_is_read_within_limits(tmp_path):
    # A 50 MB .docx is mostly media: the checker never inflates it, so the document is checked.
    data = _replace(clean_bytes(), "word/media/scan.bin", os.urandom(50 * 2**20))
    path = tmp_path / "big.docx"
    path.write_bytes(data)
    assert path.stat().st_size > 50 * 2**20
    assert check(path) == []


def test_oversized_text_part_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(_package, "MAX_PART_BYTES", 2**20)
    big = b"<w:document xmlns:w='x'>" + b"<w:p/>" * 300_000 + b"</w:document>"
    with pytest.raises(DocxReadError) as exc:
        check(_replace(clean_bytes(), "word/document.xml", big))


    assert exc.value.code == "docx.bomb"
def test_file_over_the_size_limit_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(_package, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "x.docx"
    path.write_bytes(clean_bytes())
    with pytest.raises(DocxReadError) as exc:
        check(path)


    assert exc.value.code == "docx.too_large"
@pytest.mark.parametrize("build", [
    lambda: docx.Document(),  # empty document
    lambda: _nested_tables(),
    lambda: _field_and_textbox(),
], ids=["empty", "nested-tables", "fields-textbox"])
def test_odd_documents_never_crash(build):
    doc = build()
    buf = io.BytesIO()
    doc.save(buf)
    findings = check(buf.getvalue())
    assert isinstance(findings, list)


def _nested_tables():
    doc = docx.Document()
    outer = doc.add_table(rows=2, cols=2)
    inner = outer.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    outer.cell(1, 1).paragraphs[0].text = "Số: 3/UBND"
    doc.add_paragraph("Nơi nhận:")
    return doc


def _field_and_textbox():
    from docx.oxml import parse_xml

    doc = docx.Document()
    p = doc.add_paragraph("Trang ")
    p._p.append(parse_xml(
        '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    p._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:pict><w:txbxContent><w:p><w:r><w:t>HỎA TỐC</w:t></w:r></w:p></w:txbxContent>'
        '</w:pict></w:r>'))
    return doc


def test_the_checker_does_not_import_the_renderer():
    # congvan/__init__.py imports the renderer for the public API, so the package is stubbed: only
    # what congvan.checker itself pulls in is loaded.
    import congvan

    code = (
        "import sys, importlib.util as u; "
        f"path = {next(iter(congvan.__path__))!r}; "
        "spec = u.spec_from_file_location('congvan', path + '/__init__.py', "
        "submodule_search_locations=[path]); "
        "sys.modules['congvan'] = u.module_from_spec(spec); "
        "import congvan.checker, congvan.checker.cli, congvan.checker.fix; "
        "congvan.checker.check(sys.argv[1]); "
        "print(sorted(m for m in sys.modules if m.startswith(('congvan.render', "
        "'congvan.context', 'docxtpl'))))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "seed.docx")
        with open(path, "wb") as fh:
            fh.write(clean_bytes())
        out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True,
                             env=env, check=True)
    assert out.stdout.strip() == "[]"


def test_no_checker_module_names_the_renderer():
    import ast
    from pathlib import Path

    import congvan.checker

    for path in Path(congvan.checker.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                assert not any(bad in name for bad in ("render", "context", "docxtpl")), (
                    f"{path.name} imports {name}")
