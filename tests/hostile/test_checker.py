"""Hostile .docx files against ``congvan check`` / ``check --fix`` / ``congvan.check`` / ``fix``
(issue 7). Each CLI case runs in a child bounded in time and memory (harness.py): exit code, a
message, no traceback, and no output file or the previous one intact.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import pkgutil
import re
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

import congvan
import congvan.checker
from congvan.errors import CongVanError, DocxReadError, RenderError

from ..checker_fixtures import clean, clean_bytes, para, set_text, to_bytes
from .harness import ROOT, run_cli, run_python

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- building hostile documents --------------------------------------------------------------------

def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


def _edit(data: bytes, part: str, edit) -> bytes:
    """Return `data` with the XML `part` changed in place by `edit(root)`."""
    members = _members(data)
    root = etree.fromstring(members[part])
    edit(root)
    members[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip(members)


def _set_attr(xpath: str, attr: str, value: str):
    def edit(root):
        nodes = root.xpath(xpath, namespaces={"w": W})
        assert nodes, xpath
        for node in nodes:
            node.set(f"{{{W}}}{attr}", value)
    return edit


def _write(tmp_path: Path, data: bytes, name: str = "in.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _records(outcome) -> list[dict]:
    records = json.loads(outcome.out)
    return records if isinstance(records, list) else [records]


def _rules(outcome) -> set[str]:
    return {f["rule"] for r in _records(outcome) for f in r.get("findings", [])}


# -- 1. no regex on document text can be made to run for minutes -----------------------------------

def _checker_patterns() -> list[tuple[str, str]]:
    """Return (module, name) of every compiled regex at the top level of a checker module."""
    found = []
    for info in pkgutil.iter_modules(congvan.checker.__path__, "congvan.checker."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((info.name, name))
    return sorted(found)


PATTERNS = _checker_patterns()

#: Run in the child: the pathological inputs are built from the pattern itself, so a new regex is
#: covered without anyone writing its case: long repetitions of every character it mentions, of
#: every pair of its punctuation (``;(`` …), and each of its words followed by long fillers.
_REDOS_CHILD = r"""
import importlib, itertools, re, sys
module, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
pattern = getattr(importlib.import_module(module), name)
source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
classic = " \t\n.;:()/-_…,0a"
chars = sorted(set(source) | set(classic))
punct = sorted({c for c in source if not c.isalnum()} | set(" .;(/0"))
words = sorted(set(re.findall(r"[^\W\d_]{2,}", source)))
inputs = [c * n for c in chars]
inputs += [(a + b) * (n // 2) for a, b in itertools.product(punct, repeat=2) if a != b]
for word in words:
    inputs += [word + f * n for f in " .0_…\t"]
    inputs += [word + " " + "x" * n, (word + " ") * (n // (len(word) + 1))]
for text in inputs:
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8")
    pattern.search(text)
    pattern.fullmatch(text)
print(len(inputs))
"""


def test_the_checker_regexes_are_found():
    names = {name for _, name in PATTERNS}
    assert len(PATTERNS) >= 20 and {"_LUU", "_PARTS", "_NGAY", "_DTD"} <= names, names


def test_no_inline_regex_escapes_the_audit():
    """Patterns written inline in a function would not be found above: keep them at module level."""
    calls = "match|search|fullmatch|sub|subn|split|findall|finditer"
    inline = re.compile(rf"\bre\.({calls})\(\s*r?[\"']")
    for path in (ROOT / "src" / "congvan" / "checker").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not inline.search(text), path.name
        indented = [line for line in text.splitlines() if line.startswith(" ")]
        assert not any("re.compile(" in line for line in indented), path.name


@pytest.mark.parametrize(("module", "name"), PATTERNS, ids=[n for _, n in PATTERNS])
def test_regex_is_linear_on_pathological_text(module, name):
    # 200 000 characters: a linear pattern scans them in milliseconds; a quadratic one (as
    # _ENTRY_END was: 25 s for 128 000) needs far more than the harness's minute, and fails.
    outcome = run_python(_REDOS_CHILD.replace("sys.argv[1], sys.argv[2], int(sys.argv[3])",
                                              f"{module!r}, {name!r}, 200_000"))
    assert outcome.returncode == 0, outcome.stderr[-2000:]


def _noi_nhan_entry(text: str) -> bytes:
    doc = clean("cong_van")
    entry = para(doc, "- Chủ tịch")
    set_text(entry, text)
    return to_bytes(doc)


def test_a_noi_nhan_line_of_semicolons_and_brackets_is_checked(tmp_path):
    data = _noi_nhan_entry("- X" + ";(" * 128_000)
    assert len(data) < 64 * 1024  # the 42 KB file
    path = _write(tmp_path, data)
    outcome = run_cli("check", "--format", "json", str(path))
    assert outcome.returncode == 1, outcome.stderr[-2000:]
    assert "noi_nhan.dau_cau" in _rules(outcome)
    assert len(outcome.out) < 20_000  # the 256 000-character entry is quoted, not copied
    fixed = tmp_path / "fixed.docx"
    outcome = run_cli("check", "--fix", str(path), "-o", str(fixed))
    assert outcome.returncode in (0, 1) and "Traceback" not in outcome.stderr, outcome.stderr
    assert congvan.check(fixed) is not None


def test_noi_nhan_endings_still_read_right():
    from congvan.checker.recipients import noi_nhan_expected

    assert noi_nhan_expected("- Sở Tư pháp; (để biết)", False) is None
    assert noi_nhan_expected("- Sở Tư pháp;(để biết)", False) is None
    assert noi_nhan_expected("- Sở Tư pháp (để biết)", False) == "- Sở Tư pháp (để biết);"
    assert noi_nhan_expected("- Lưu: VT, VP. PL(30)", True) is None
    assert noi_nhan_expected("- X;(", False) == "- X;(;"


# -- 2. content nested deeply is content -----------------------------------------------------------

def _nested_sdt(depth: int) -> bytes:
    doc = clean("cong_van")
    anchor = para(doc, "Theo số liệu")._p
    p = etree.SubElement(anchor.getparent(), qn("w:p"))
    anchor.addnext(p)
    r = etree.SubElement(p, qn("w:r"))
    rpr = etree.SubElement(r, qn("w:rPr"))
    etree.SubElement(rpr, qn("w:rFonts"), {qn("w:ascii"): "Arial", qn("w:hAnsi"): "Arial"})
    etree.SubElement(rpr, qn("w:color"), {qn("w:val"): "FF0000"})
    etree.SubElement(rpr, qn("w:sz"), {qn("w:val"): "48"})
    etree.SubElement(r, qn("w:t")).text = "Nội dung ẩn trong 22 điều khiển nội dung lồng nhau."
    inner = p
    for _ in range(depth):
        sdt = etree.Element(qn("w:sdt"))
        content = etree.SubElement(sdt, qn("w:sdtContent"))
        inner.addprevious(sdt)
        content.append(inner)
        inner = sdt
    return to_bytes(doc)


def test_red_arial_24pt_inside_22_content_controls_is_found(tmp_path):
    path = _write(tmp_path, _nested_sdt(22))
    outcome = run_cli("check", "--format", "json", str(path))
    assert outcome.returncode == 1, outcome.stderr[-2000:]
    rules = _rules(outcome)
    assert {"phong_chu.times_new_roman", "phong_chu.mau_den", "noi_dung.co_chu"} <= rules, rules


def test_content_as_deep_as_the_parser_allows_is_walked():
    findings = congvan.check(_nested_sdt(120))  # 240 levels: libxml2 refuses XML deeper than 256
    assert {"phong_chu.times_new_roman", "phong_chu.mau_den"} <= {f.rule for f in findings}


def test_content_deeper_than_the_parser_allows_is_refused_not_skipped():
    with pytest.raises(DocxReadError) as exc:
        congvan.check(_nested_sdt(150))  # 300 levels
    assert exc.value.code == "docx.bad_xml"


def test_fifty_thousand_tables_are_each_counted_once(tmp_path):
    """Each table used to recount the tables before it: 40 000 of them (3.7 MB) took 3 minutes."""
    members = _members(clean_bytes())
    doc = members["word/document.xml"]
    cut = doc.rindex(b"<w:sectPr")
    tables = b"".join(b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc></w:tr>"
                      b"</w:tbl>" % (i * 7919 % 100_003) for i in range(50_000))  # deflates as text
    red = (b'<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>last</w:t>'
           b"</w:r></w:p></w:tc></w:tr></w:tbl>")
    members["word/document.xml"] = doc[:cut] + tables + red + doc[cut:]
    path = _write(tmp_path, _zip(members))
    outcome = run_cli("check", "--format", "json", str(path))
    assert outcome.returncode == 1, outcome.stderr[-2000:]
    assert "phong_chu.mau_den" in _rules(outcome)  # the last table was reached


def test_a_row_wrapped_in_a_content_control_is_read():
    def wrap_row(root):
        tr = root.find(f".//{{{W}}}tr")
        sdt = etree.Element(f"{{{W}}}sdt")
        content = etree.SubElement(sdt, f"{{{W}}}sdtContent")
        tr.addprevious(sdt)
        content.append(tr)
        run = root.find(f".//{{{W}}}tr//{{{W}}}r")
        rpr = run.find(f"{{{W}}}rPr")
        if rpr is None:
            rpr = etree.SubElement(run, f"{{{W}}}rPr")
            run.insert(0, rpr)
        etree.SubElement(rpr, f"{{{W}}}color", {f"{{{W}}}val": "00FF00"})

    findings = congvan.check(_edit(clean_bytes(), "word/document.xml", wrap_row))
    assert "phong_chu.mau_den" in {f.rule for f in findings}


# -- 3. garbage numbers are not internal errors ----------------------------------------------------

GARBAGE = ["inf", "-inf", "nan", "1e400", "9" * 5000, "²", "١٢", "0x10", "", "  ", "12pt"]
ATTRIBUTES = [
    ("word/styles.xml", "//w:rPr/w:sz", "val"),
    ("word/document.xml", "//w:sectPr/w:pgSz", "w"),
    ("word/document.xml", "//w:sectPr/w:pgMar", "left"),
    ("word/document.xml", "//w:tcW", "w"),
]


def _short(value: str) -> str:
    return repr(value if len(value) < 12 else f"{value[:3]}…x{len(value)}")


@pytest.mark.parametrize("value", GARBAGE, ids=_short)
@pytest.mark.parametrize(("part", "xpath", "attr"), ATTRIBUTES, ids=[a[1] for a in ATTRIBUTES])
def test_garbage_attribute_is_ignored(part, xpath, attr, value, tmp_path):
    data = _edit(clean_bytes(), part, _set_attr(xpath, attr, value))
    assert isinstance(congvan.check(data), list)
    congvan.fix(data, tmp_path / "out.docx")
    assert congvan.check(tmp_path / "out.docx") is not None


def _all_garbage(value: str) -> bytes:
    data = clean_bytes()
    for part, xpath, attr in ATTRIBUTES:
        data = _edit(data, part, _set_attr(xpath, attr, value))

    def styles(root):
        for xpath, attr in (("//w:rPr/w:sz", "val"), ("//w:ind", "left"),
                            ("//w:spacing", "before"), ("//w:pBdr/*", "sz")):
            for node in root.xpath(xpath, namespaces={"w": W}):
                node.set(f"{{{W}}}{attr}", value)
        ppr = root.find(f".//{{{W}}}pPr")
        if ppr is not None:
            etree.SubElement(ppr, f"{{{W}}}ind", {f"{{{W}}}hanging": value,
                                                  f"{{{W}}}firstLine": value})
    data = _edit(data, "word/styles.xml", styles)

    def settings(root):
        tab = root.find(f"{{{W}}}defaultTabStop")
        if tab is None:
            tab = etree.SubElement(root, f"{{{W}}}defaultTabStop")
        tab.set(f"{{{W}}}val", value)
    return _edit(data, "word/settings.xml", settings)


@pytest.mark.parametrize("value", ["inf", "9" * 5000], ids=_short)
def test_garbage_everywhere_is_checked_by_the_cli(value, tmp_path):
    path = _write(tmp_path, _all_garbage(value))
    for args in (["check", str(path)], ["check", "--fix", str(path), "-o",
                                        str(tmp_path / "out.docx")]):
        outcome = run_cli(*args)
        assert outcome.returncode in (0, 1), outcome.stderr[-2000:]
        assert "Traceback" not in outcome.stderr and "nội bộ" not in outcome.stderr


def _with_app_pages(text: str) -> bytes:
    members = _members(clean_bytes())
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://'
           'schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Pages>{text}</Pages></Properties>").encode()
    members["docProps/app.xml"] = app
    rels = members["_rels/.rels"].decode()
    if "extended-properties" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdApp" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/extended-'
                            'properties" Target="docProps/app.xml"/></Relationships>')
    members["_rels/.rels"] = rels.encode()
    return _zip(members)


@pytest.mark.parametrize("pages", ["²", "١", "9" * 5000, "-3", "nan", "\u00b3\u00b9"], ids=_short)
def test_garbage_page_count_is_ignored(pages):
    assert isinstance(congvan.check(_with_app_pages(pages)), list)


def test_long_numbers_in_the_text_are_findings_not_errors():
    doc = clean("cong_van")
    set_text(para(doc, "Số:"), "Số: " + "9" * 5000 + "/UBND-VHTT")
    anchor = para(doc, "Theo số liệu")
    anchor.insert_paragraph_before("Điều " + "7" * 5000 + ". Phạm vi")
    anchor.insert_paragraph_before("1" * 5000 + ". Khoản")
    assert isinstance(congvan.check(to_bytes(doc)), list)


# -- 4. unbounded reads and hangs ------------------------------------------------------------------

@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_a_fifo_is_refused_at_once(fix, tmp_path):
    fifo = tmp_path / "in.docx"
    os.mkfifo(fifo)
    out = tmp_path / "out.docx"
    args = ["check", "--format", "json", str(fifo)] + (["--fix", "-o", str(out)] if fix else [])
    outcome = run_cli(*args)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "docx.not_regular"
    assert not out.exists()


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_dev_zero_is_refused(fix, tmp_path):
    out = tmp_path / "out.docx"
    args = ["check", "--format", "json", "/dev/zero"] + (["--fix", "-o", str(out)] if fix else [])
    outcome = run_cli(*args, memory_mb=512)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "docx.not_regular"
    assert not out.exists()


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_a_sparse_3_gib_file_is_refused_before_reading(fix, tmp_path):
    big = tmp_path / "big.docx"
    with open(big, "wb") as fh:
        fh.truncate(3 * 2**30)
    out = tmp_path / "out.docx"
    args = ["check", "--format", "json", str(big)] + (["--fix", "-o", str(out)] if fix else [])
    outcome = run_cli(*args, memory_mb=512)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "docx.too_large"
    assert not out.exists()


def _dense_document(mib: float) -> bytes:
    """Return a .docx whose document.xml holds `mib` MiB of short red paragraphs (little repeated
    text, so it deflates like real text and passes the ratio check)."""
    import random

    rnd = random.Random(7)
    members = _members(clean_bytes())
    doc = members["word/document.xml"]
    cut = doc.rindex(b"<w:sectPr")
    chunks, size = [], 0
    while size < mib * 2**20:
        words = " ".join(str(rnd.randrange(10**6)) for _ in range(8))
        chunks.append(f'<w:p><w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>{words}</w:t>'
                      "</w:r></w:p>".encode())
        size += len(chunks[-1])
    members["word/document.xml"] = doc[:cut] + b"".join(chunks) + doc[cut:]
    return _zip(members)


def test_fix_of_a_30_mib_document_xml_stays_inside_1_gib(tmp_path):
    path = _write(tmp_path, _dense_document(30))
    out = tmp_path / "out.docx"
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(out),
                      memory_mb=1024)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] in ("docx.bomb", "docx.too_large")
    assert not out.exists()


def test_fix_of_a_dense_document_works_inside_1_gib(tmp_path):
    path = _write(tmp_path, _dense_document(1))
    out = tmp_path / "out.docx"
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(out),
                      memory_mb=1024)
    assert outcome.returncode == 1, outcome.stderr[-2000:]
    assert "phong_chu.mau_den" in _rules(outcome) and zipfile.is_zipfile(out)


# -- 5. outputs never destroy inputs ---------------------------------------------------------------

@pytest.mark.parametrize("form", ["same", "symlink", "dotdot", "hardlink"])
def test_fix_refuses_to_write_over_its_input(form, tmp_path):
    data = _noi_nhan_entry("- Chủ tịch;")
    path = _write(tmp_path, data, "a.docx")
    (tmp_path / "sub").mkdir()
    if form == "same":
        output = path
    elif form == "symlink":
        output = tmp_path / "link.docx"
        output.symlink_to(path)
    elif form == "dotdot":
        output = tmp_path / "sub" / ".." / "a.docx"
    else:
        output = tmp_path / "hard.docx"
        os.link(path, output)
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(output))
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "fix.output_is_input"
    assert path.read_bytes() == data
    with pytest.raises(RenderError) as exc:
        congvan.fix(path, output)
    assert exc.value.code == "fix.output_is_input" and path.read_bytes() == data


def test_fix_into_a_folder_is_refused(tmp_path):
    path = _write(tmp_path, clean_bytes())
    folder = tmp_path / "out"
    folder.mkdir()
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(folder))
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "fix.output_is_directory"
    assert list(folder.iterdir()) == []


def test_fix_into_a_fifo_is_refused(tmp_path):
    """A rename over a device or FIFO would replace it (think -o /dev/null as root)."""
    path = _write(tmp_path, clean_bytes())
    fifo = tmp_path / "out.docx"
    os.mkfifo(fifo)
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(fifo))
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "fix.output_not_regular"
    assert fifo.is_fifo()


def test_fix_under_a_file_size_limit_keeps_the_previous_output(tmp_path):
    path = _write(tmp_path, _noi_nhan_entry("- Chủ tịch;"))
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous good output")
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
            "from congvan.cli import main\n"
            f"sys.exit(main(['check', '--format', 'json', '--fix', {str(path)!r}, '-o', "
            f"{str(out)!r}]))\n")
    outcome = run_python(code)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "fix.write_failed"
    assert out.read_bytes() == b"previous good output"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.docx", "out.docx"]


def test_fix_to_a_bad_path_raises_congvan_errors(tmp_path):
    data = clean_bytes()
    with pytest.raises(RenderError) as exc:
        congvan.fix(data, tmp_path / "missing" / "out.docx")
    assert exc.value.code == "fix.write_failed"
    with pytest.raises(RenderError) as exc:
        congvan.fix(data, tmp_path)
    assert exc.value.code == "fix.output_is_directory"
    with pytest.raises(DocxReadError) as exc:
        congvan.fix(tmp_path / "none.docx", tmp_path / "out.docx")
    assert exc.value.code == "docx.not_found"
    assert not (tmp_path / "out.docx").exists()


# -- 6. what already held, now at the command line -------------------------------------------------

def _xxe(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ-MẬT-42", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
           "</w:document>").encode()
    members = _members(clean_bytes())
    members["word/document.xml"] = xml
    return _zip(members)


def _billion_laughs(tmp_path: Path) -> bytes:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    xml = (f'<?xml version="1.0"?><!DOCTYPE lol [{entities}]><w:document xmlns:w="{W}">'
           "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>").encode()
    members = _members(clean_bytes())
    members["word/document.xml"] = xml
    return _zip(members)


def _zip_bomb(tmp_path: Path) -> bytes:
    members = _members(clean_bytes())
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + b" " * (40 * 2**20), 1)
    return _zip(members)


def _not_a_zip(tmp_path: Path) -> bytes:
    return "Kính gửi: Bộ Nội vụ\n".encode() * 100


CASES = {"xxe": (_xxe, "docx.dtd"), "billion_laughs": (_billion_laughs, "docx.dtd"),
         "zip_bomb": (_zip_bomb, "docx.bomb"), "not_a_zip": (_not_a_zip, "docx.not_zip")}


@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_files_are_refused_cleanly(case, fix, tmp_path):
    build, code = CASES[case]
    path = _write(tmp_path, build(tmp_path))
    out = tmp_path / "out.docx"
    args = ["check", "--format", "json", str(path)] + (["--fix", "-o", str(out)] if fix else [])
    outcome = run_cli(*args, memory_mb=512)
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == code
    assert "BÍ-MẬT-42" not in outcome.stderr + outcome.out
    assert not out.exists()


def _garble(data: bytes, member: str) -> bytes:
    """Return `data` with the deflated bytes of `member` scrambled (its CRC, sizes kept)."""
    import struct

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        offset = z.getinfo(member).header_offset
    name_len, extra_len = struct.unpack("<HH", data[offset + 26:offset + 30])
    start = offset + 30 + name_len + extra_len
    out = bytearray(data)
    for i in range(start + 5, start + 60):
        out[i] ^= 0x5A
    return bytes(out)


@pytest.mark.parametrize("member", ["word/document.xml", "word/media/extra.bin"])
def test_a_garbled_member_is_a_read_error(member, tmp_path):
    members = _members(clean_bytes())
    members["word/media/extra.bin"] = bytes(range(256)) * 64  # media: never read by check
    path = _write(tmp_path, _garble(_zip(members), member))
    out = tmp_path / "out.docx"
    outcome = run_cli("check", "--format", "json", "--fix", str(path), "-o", str(out))
    outcome.assert_clean_failure(2)
    assert _records(outcome)[0]["code"] == "docx.corrupt_part"
    assert not out.exists()


def test_read_errors_have_codes(tmp_path):
    cases = ((tmp_path / "none.docx", "docx.not_found"), (tmp_path, "docx.is_directory"),
             (b"PK\x03\x04 not really", "docx.not_zip"))
    for source, code in cases:
        with pytest.raises(CongVanError) as exc:
            congvan.check(source)
        assert exc.value.code == code, source
