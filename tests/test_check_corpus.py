"""The checker on documents other software made (issue 9): each finding against a person's reading.

For every case of tests/corpus.py the checker's findings are judged by the case's sidecar: a finding
that matches no expected or accepted entry is a false alarm; an expected entry no finding matches is
a miss. Cases where today's checker disagrees carry ``today`` (the issue 9 reason) and are marked
xfail(strict): when a fix makes the checker agree, the case fails until the sidecar's ``today`` is
removed, so the expectation is confirmed by a person rather than copied from the checker.

The --fix invariant (issue 9: "--fix must never change wording"): the letters and digits of every
fixture are the same before and after ``congvan.fix``.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

import congvan

from . import corpus

sys.path.insert(0, str(corpus.ROOT / "scripts"))
import build_corpus
import build_corpus_heldout

CASES = corpus.cases()
DOCX_CASES = [c for c in CASES if c.exit_code is None]
REFUSED = [c for c in CASES if c.exit_code is not None]


def _param(case: corpus.Case, today: str | None):
    marks = [pytest.mark.xfail(strict=True, reason=today)] if today else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(scope="session")
def phuluc3_samples(soffice, tmp_path_factory) -> dict[str, bytes]:
    """The decree's samples: Phuluc3.doc converted by LibreOffice once a session, split per mẫu."""
    data = corpus.phuluc3_docx(soffice, tmp_path_factory.mktemp("phuluc3"))
    return corpus.split_phuluc3(data)


@pytest.fixture(scope="session")
def phuluc3_whole(soffice, tmp_path_factory) -> bytes:
    """Phuluc3.doc converted by LibreOffice, not split: fourteen documents in one file."""
    return corpus.phuluc3_docx(soffice, tmp_path_factory.mktemp("phuluc3-whole"))


def test_the_decree_s_samples_as_one_file(phuluc3_whole):
    # -- issue 9: everything after the first signature was taken for the address block (403
    #    findings) and --fix shrank it to 11-12 pt. Each Quốc hiệu starts a document of its own:
    #    what is left is the appendix's own "Mẫu x.y - …" headings and mẫu 1.1's placeholders.
    findings = congvan.check(phuluc3_whole)
    assert len(findings) < 10, [(f.rule, f.location.excerpt) for f in findings]
    assert not [f for f in findings if f.rule.startswith(("dia_chi", "quoc_hieu.thieu"))]
    out = io.BytesIO()
    congvan.fix(phuluc3_whole, out)
    assert corpus.letters(out.getvalue()) == corpus.letters(phuluc3_whole)
    before, after = _sizes(phuluc3_whole), _sizes(out.getvalue())
    assert len(before) == len(after)  # paragraphs
    assert sum(a != b for a, b in zip(before, after, strict=True)) < 10  # not the 284 of old


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sizes(data: bytes) -> list[tuple[str, ...]]:
    """The run sizes (w:sz, "" when inherited) of each paragraph of the main document."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [tuple(_size(r) for r in p.iter(f"{_W}r")) for p in root.iter(f"{_W}p")]


def _size(run) -> str:
    sz = run.find(f"{_W}rPr/{_W}sz")
    return "" if sz is None else sz.get(f"{_W}val", "")


def _data(case: corpus.Case, request) -> bytes:
    if case.mau is not None:
        samples = request.getfixturevalue("phuluc3_samples")
        assert case.mau in samples, f"split_phuluc3 found no mẫu {case.mau}"
        return samples[case.mau]
    assert case.path is not None
    return case.path.read_bytes()


@pytest.mark.parametrize("case", [_param(c, c.today) for c in DOCX_CASES])
def test_findings_are_what_a_person_expects(case, request):
    verdict = corpus.judge(case, congvan.check(_data(case, request), name=case.id))
    false = sorted({(f.rule, f.severity, f.location.excerpt) for f in verdict.false})
    missed = sorted(e.rule for e in verdict.missed)
    assert (false, missed) == ([], []), f"false alarms {false}; missed {missed}"


def test_split_finds_every_sample(phuluc3_samples):
    """The split yields the 14 mẫu of Appendix III, each a .docx with its own header and body."""
    assert list(phuluc3_samples) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9",
                                     "1.10", "2.1", "2.2", "3.1", "3.2"]
    for mau, data in phuluc3_samples.items():
        text = corpus.letters(data)
        assert "Ghichú" not in text, mau  # the decree's notes are not part of a sample
        if mau[0] in "13":
            assert "CỘNGH" in text.upper(), mau  # every document sample has its Quốc hiệu


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in REFUSED])
def test_a_doc_is_refused(case, tmp_path):
    """A .doc (OLE container) is not a .docx: exit 2, and --fix raises and writes nothing."""
    assert case.path is not None and case.path.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")
    proc = subprocess.run([sys.executable, "-m", "congvan", "check", str(case.path)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == case.exit_code, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    out = tmp_path / "fixed.docx"
    with pytest.raises(congvan.DocxReadError):
        congvan.fix(case.path, out)
    assert not out.exists()


# -- --fix never changes a letter ------------------------------------------------------------------
#: Where today's fix changes letters of a fixture, by case id → "issue 9: …" (marked xfail strict).
#: Empty: on this corpus today's fix keeps every letter and number (checked 2026-11-29).
FIX_CHANGES_LETTERS: dict[str, str] = {}


@pytest.mark.parametrize("case", [_param(c, FIX_CHANGES_LETTERS.get(c.id)) for c in DOCX_CASES])
def test_fix_keeps_every_letter(case, request):
    data = _data(case, request)
    out = io.BytesIO()
    congvan.fix(data, out, name=case.id)
    assert corpus.letters(out.getvalue()) == corpus.letters(data)


def _edited(data: bytes, old: str, new: str) -> bytes:
    import docx

    doc = docx.Document(io.BytesIO(data))
    run = next(r for p in doc.paragraphs for r in p.runs if old in r.text)
    run.text = run.text.replace(old, new, 1)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(("old", "new", "same"), [
    ("Trung tâm", "Trung tam", False),  # a tone mark lost is a changed letter
    ("Thông", "Thơng", False),  # issue 9's "Thông cáo" → "Thơng cáo"
    ("ngày 20 tháng 01", "ngày 21 tháng 01", False),  # a number's value changed
    ("ngày 25 hằng", "ngày 25, hằng", True),  # punctuation: allowed to change
    ("ngày 20 tháng 01", "ngày 20 tháng 1", True),  # a leading zero: the decree prescribes it
])
def test_letters_measure(old, new, same):
    """The invariant's measure sees letters and numbers, and only them."""
    data = (corpus.CORPUS / "cong-van-prose-can-cu.docx").read_bytes()
    if old == "Thông":
        data = (corpus.CORPUS / "cong-van-vntime-unicode.docx").read_bytes()
    edited = _edited(data, old, new)
    assert (corpus.letters(edited) == corpus.letters(data)) is same


# -- the committed corpus is what scripts/build_corpus.py builds ---------------------------------
def test_committed_corpus_is_built_by_the_script():
    built = build_corpus.outputs()
    for name, data in built.items():
        path = corpus.CORPUS / name
        assert path.exists(), f"{name} missing: run python scripts/build_corpus.py"
        assert path.read_bytes() == data, f"{name} differs: run python scripts/build_corpus.py"
    on_disk = {p.name for p in corpus.CORPUS.iterdir()}
    made_by_lo = {p.name for p in corpus.CORPUS.glob("lo-*")}  # scripts/build_corpus_lo.py
    held_out = build_corpus_heldout.outputs()  # written after the checker was tuned (issue 9)
    for name, data in held_out.items():
        assert (corpus.CORPUS / name).read_bytes() == data, (
            f"{name} differs: run python scripts/build_corpus_heldout.py")
    assert on_disk == set(built) | set(held_out) | made_by_lo | {
        "Phuluc3.doc", "phuluc3.json", "doc-container.json", "doc-modern-word.doc",
        "doc-modern-word.json"}


def test_sidecars_name_known_rules_and_give_reasons():
    from congvan.checker import CATALOG

    for case in CASES:
        for entry in (*case.expected, *case.accepted):
            assert entry.rule in CATALOG, (case.id, entry.rule)
            assert entry.reason.strip(), (case.id, entry.rule)
        if case.today is not None:
            assert case.today.startswith("issue 9: "), case.id

