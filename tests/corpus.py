"""The checker's fixture corpus (issue 9): .docx made by other software than congvan, each with the
findings a person expects written beside it.

Three kinds of case, all listed by ``cases()``:

* ``tests/fixtures/corpus/*.docx`` with a ``*.json`` sidecar: hand-built python-docx documents in the
  styles Word users have (scripts/build_corpus.py writes both; committed, deterministic).
* ``tests/fixtures/corpus/phuluc3.json``: the decree's own samples. Phuluc3.doc is converted by
  LibreOffice in the test session and split per mẫu by ``split_phuluc3``; the sidecar keys the
  expectations by mẫu.
* ``tests/fixtures/corpus/doc-container.json``: a .doc (OLE/CFB container) that must be refused.

A sidecar's ``expected`` maps rule id → one-line reason a person accepts that finding (read from
shared/decree30.md and the official appendices, never from the checker's output). ``today`` records
where today's checker disagrees and why (``issue 9: …``); the tests mark those cases xfail(strict).
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
PHULUC3_DOC = Path("/work/shared/decree30-official/Phuluc3.doc")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A mẫu's heading in Phuluc3 as LibreOffice writes it: "Mẫu 1.1 - Nghị quyết (cá biệt)".
_MAU = re.compile(r"^\s*Mẫu\s+(\d\.\d+)\s*-")
# What ends a mẫu's own document: the decree's explanatory notes, or the template of a text attached
# to a quyết định (mẫu 1.3's "Mẫu văn bản (được ban hành, phê duyệt kèm theo quyết định) …").
_NOTES = re.compile(r"^\s*Ghi chú\s*:")
_ATTACHED = re.compile(r"^\s*Mẫu văn bản \(được ban hành")


@dataclass(frozen=True)
class Case:
    """One corpus document and what a person expects the checker to report on it."""

    id: str
    expected: dict[str, str]  # rule id → why a person accepts it
    today: dict[str, str] = field(default_factory=dict)  # kind of disagreement → issue 9 reason
    path: Path | None = None  # a committed .docx; None for a Phuluc3 mẫu (made in the session)
    mau: str | None = None  # the Phuluc3 mẫu ("1.1" …)
    exit_code: int | None = None  # for a file the checker must refuse


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(_W + "t"))


def read_sidecar(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cases() -> list[Case]:
    """Return every corpus case, in a stable order."""
    out: list[Case] = []
    for sidecar in sorted(CORPUS.glob("*.json")):
        data = read_sidecar(sidecar)
        if sidecar.stem == "phuluc3":
            for mau, entry in data["samples"].items():
                out.append(Case(f"phuluc3-mau-{mau}", entry["expected"], entry.get("today", {}),
                                mau=mau))
        elif "exit_code" in data:
            out.append(Case(sidecar.stem, {}, data.get("today", {}), exit_code=data["exit_code"]))
        else:
            out.append(Case(sidecar.stem, data["expected"], data.get("today", {}),
                            path=sidecar.with_suffix(".docx")))
    return out


def split_phuluc3(data: bytes) -> dict[str, bytes]:
    """Split LibreOffice's .docx of Phuluc3 into one .docx per mẫu ("1.1" → bytes).

    Each copy keeps the body's elements from just after the "Mẫu x.y - …" heading up to the next
    heading, without the decree's "Ghi chú" note table (it explains the placeholders and is not part of
    the sample) and without mẫu 1.3's attached-text templates; the final w:sectPr (page size and
    margins) is kept, so each sample is laid out as in the decree.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    root = etree.fromstring(members["word/document.xml"])
    body = root.find(_W + "body")
    assert body is not None
    children = list(body)
    sect = children[-1] if children[-1].tag == _W + "sectPr" else None
    starts: list[tuple[str, int]] = []
    for i, el in enumerate(children):
        if el.tag == _W + "p" and (m := _MAU.match(_text(el))):
            starts.append((m.group(1), i))
    out: dict[str, bytes] = {}
    for n, (mau, start) in enumerate(starts):
        end = starts[n + 1][1] if n + 1 < len(starts) else len(children) - (sect is not None)
        keep = []
        for el in children[start + 1:end]:
            text = _text(el).strip()
            if _NOTES.match(text) or _ATTACHED.match(text):
                break  # the notes come after the sample; an attached template after its decision
            keep.append(el)
        new_root = copy.deepcopy(root)
        new_body = new_root.find(_W + "body")
        assert new_body is not None
        for child in list(new_body):
            new_body.remove(child)
        for el in keep:
            new_body.append(copy.deepcopy(el))
        if sect is not None:
            new_body.append(copy.deepcopy(sect))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in members.items():
                if name == "word/document.xml":
                    content = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8",
                                             standalone=True)
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
        out[mau] = buf.getvalue()
    return out


def letters(data: bytes) -> str:
    """Return the letters and digits of the .docx's text (body, headers, footers, notes), in order.

    The --fix invariant of issue 9: a fix changes formatting, or adds the punctuation the decree
    prescribes; it never changes, moves, adds or removes a letter or a digit. Whitespace and
    punctuation are left out of the comparison for that reason.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(n for n in z.namelist()
                       if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml",
                                       n))
        text = "".join(_text(etree.fromstring(z.read(n))) for n in names)
    return "".join(ch for ch in text if ch.isalnum())
