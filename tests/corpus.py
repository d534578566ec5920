"""The checker's fixture corpus (issue 9): .docx made by other software than congvan, each with the
findings a person expects written beside it.

Three kinds of case, all listed by ``cases()``:

* ``tests/fixtures/corpus/*.docx`` with a ``*.json`` sidecar: hand-built python-docx documents in
  the styles Word users have (scripts/build_corpus.py writes both; committed, deterministic).
* ``tests/fixtures/corpus/phuluc3.json``: the decree's own samples. Phuluc3.doc is converted by
  LibreOffice in the test session and split per mẫu by ``split_phuluc3``; the sidecar keys the
  expectations by mẫu.
* ``tests/fixtures/corpus/doc-container.json``: a .doc (OLE/CFB container) that must be refused.

A sidecar's ``expected`` lists the findings a person expects (rule id and a one-line reason, read
from shared/decree30.md and the official appendices, never from the checker's output); ``accepted``
the findings a person would not object to (a placeholder of a sample, a true slip of a file),
neither required nor counted false. ``today`` records where today's checker disagrees and why
(``issue 9: …``); the tests mark those cases xfail(strict), so a fix that makes the checker agree
turns them into failures that make the person confirm the expectation and drop ``today``.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PHULUC3_DOC = CORPUS / "Phuluc3.doc"  # a copy of shared/decree30-official/Phuluc3.doc

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A mẫu's heading in Phuluc3 as LibreOffice writes it: "Mẫu 1.1 - Nghị quyết (cá biệt)".
_MAU = re.compile(r"^\s*Mẫu\s+(\d\.\d+)\s*-")
# What ends a mẫu's own document: the decree's explanatory notes, or the template of a text attached
# to a quyết định (mẫu 1.3's "Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định) …").
_NOTES = re.compile(r"^\s*Ghi chú\s*:")
_ATTACHED = re.compile(r"^\s*Mẫu văn bản \(được ban hành")
# The parts that hold a document's text.
_STORIES = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


@dataclass(frozen=True)
class Entry:
    """A finding a person expects (or accepts): its rule id, why, and optionally the severity it
    must have and a regular expression its excerpt must match (to tell findings of a rule apart)."""

    rule: str
    reason: str
    severity: str | None = None
    at: str | None = None

    def matches(self, finding) -> bool:
        return (finding.rule == self.rule
                and (self.severity is None or finding.severity == self.severity)
                and (self.at is None or re.search(self.at, finding.location.excerpt) is not None))


@dataclass(frozen=True)
class Case:
    """One corpus document and what a person expects the checker to report on it."""

    id: str
    expected: tuple[Entry, ...] = ()  # the checker must report each
    accepted: tuple[Entry, ...] = ()  # the checker may report these (placeholders, a file's slip)
    today: str | None = None  # how today's checker disagrees: the xfail reason ("issue 9: …")
    path: Path | None = None  # a committed .docx; None for a Phuluc3 mẫu (made in the session)
    mau: str | None = None  # the Phuluc3 mẫu ("1.1" …)
    exit_code: int | None = None  # for a file the checker must refuse


@dataclass
class Verdict:
    """A person's verdict on the checker's findings for one case."""

    true: list = field(default_factory=list)  # findings matching an expected or accepted entry
    false: list = field(default_factory=list)  # findings a person rejects (false alarms)
    missed: list[Entry] = field(default_factory=list)  # expected entries no finding matches

    @property
    def agrees(self) -> bool:
        return not self.false and not self.missed


def judge(case: Case, findings: list) -> Verdict:
    """Sort `findings` into true and false by the case's sidecar; list expected entries missed."""
    verdict = Verdict()
    for f in findings:
        ok = any(e.matches(f) for e in (*case.expected, *case.accepted))
        (verdict.true if ok else verdict.false).append(f)
    verdict.missed = [e for e in case.expected if not any(e.matches(f) for f in findings)]
    return verdict


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_W + "t"))


def _entries(items: list[dict]) -> tuple[Entry, ...]:
    return tuple(Entry(**item) for item in items)


def cases() -> list[Case]:
    """Return every corpus case, in a stable order."""
    out: list[Case] = []
    for sidecar in sorted(CORPUS.glob("*.json")):
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        if sidecar.stem == "phuluc3":
            for mau, entry in data["samples"].items():
                out.append(Case(f"phuluc3-mau-{mau}", _entries(entry["expected"]),
                                _entries(entry.get("accepted", [])), entry.get("today"), mau=mau))
        elif "exit_code" in data:
            out.append(Case(sidecar.stem, path=CORPUS / data["file"], exit_code=data["exit_code"]))
        else:
            out.append(Case(sidecar.stem, _entries(data["expected"]), _entries(data["accepted"]),
                            data.get("today"), path=sidecar.with_suffix(".docx")))
    return out


def phuluc3_docx(soffice: str, workdir: Path) -> bytes:
    """Convert the committed Phuluc3.doc to .docx with LibreOffice (`soffice`), in `workdir`, with a
    profile of its own there (so a running LibreOffice or another test's profile is not touched)."""
    import subprocess

    profile = workdir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "docx", "--outdir", str(workdir), str(PHULUC3_DOC)],
                   check=True, capture_output=True, timeout=180)
    out = workdir / "Phuluc3.docx"
    assert out.exists(), "LibreOffice made no .docx of Phuluc3.doc"
    return out.read_bytes()


def split_phuluc3(data: bytes) -> dict[str, bytes]:
    """Split LibreOffice's .docx of Phuluc3 into one .docx per mẫu ("1.1" → bytes).

    Each copy keeps the body's elements from just after the "Mẫu x.y - …" heading up to the next
    heading, without the decree's "Ghi chú" notes (they explain the placeholders and are not part of
    the sample) and without mẫu 1.3's attached-text templates; the final w:sectPr (page size and
    margins) is kept, so each sample is laid out as in the decree.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    root = etree.fromstring(members["word/document.xml"])
    body = root.find(_W + "body")
    assert body is not None
    children = list(body)
    sect = children.pop() if children[-1].tag == _W + "sectPr" else None
    starts = [(m.group(1), i) for i, el in enumerate(children)
              if el.tag == _W + "p" and (m := _MAU.match(_text(el)))]
    ends = [i for _, i in starts[1:]] + [len(children)]
    out: dict[str, bytes] = {}
    for (mau, start), end in zip(starts, ends, strict=True):
        keep = _sample(children[start + 1:end])
        if sect is not None:
            keep.append(sect)
        for child in list(body):
            body.remove(child)
        body.extend(copy.deepcopy(el) for el in keep)
        document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out[mau] = _zip({**members, "word/document.xml": document})
    return out


def _sample(elements: list[etree._Element]) -> list[etree._Element]:
    """Return a mẫu's own elements: up to its notes or an attached template, notes rows dropped."""
    keep = []
    for el in elements:
        text = _text(el).strip()
        if _NOTES.match(text) or _ATTACHED.match(text):
            break  # the notes come after the sample; an attached template after its decision
        keep.append(_without_notes(el) if el.tag == _W + "tbl" else el)
    return keep


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
    return buf.getvalue()


def _without_notes(tbl: etree._Element) -> etree._Element:
    """Return a copy of table `tbl` without the decree's note rows (mẫu 1.6 puts its "Ghi chú" in
    the signature table's last rows)."""
    tbl = copy.deepcopy(tbl)
    rows = tbl.findall(_W + "tr")
    for n, row in enumerate(rows):
        if _NOTES.match(_text(row)):
            for later in rows[n:]:
                tbl.remove(later)
            break
    return tbl


def letters(data: bytes) -> str:
    """Return the letters and numbers of the .docx's text (body, headers, footers, notes), in order.

    The --fix invariant of issue 9: a fix changes formatting, or adds what the decree prescribes
    where the checker is certain (punctuation at the end of a line, the leading zero of a day or
    month); it never changes, moves, adds or removes a letter, and never changes a number's value.
    So whitespace and punctuation are left out, and each number is written without leading zeros
    ("05" → "5").
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(n for n in z.namelist() if _STORIES.fullmatch(n))
        text = "".join(_text(etree.fromstring(z.read(n))) for n in names)
    text = re.sub(r"\d+", lambda m: f"<{int(m.group())}>", text)
    return "".join(ch for ch in text if ch.isalnum() or ch in "<>")
