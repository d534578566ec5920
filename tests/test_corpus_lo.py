"""The corpus documents made through LibreOffice's own API (scripts/build_corpus_lo.py, issue 9).

LibreOffice's output is not byte-deterministic, so nothing rebuilds them here; instead each
committed lo-*.docx must really be LibreOffice's (its docProps/app.xml names it) and come with its
sidecar, so the corpus judges them (tests/test_check_corpus.py) like every other case.
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from . import corpus

LO_DOCX = sorted(corpus.CORPUS.glob("lo-*.docx"))
_EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def test_there_are_libreoffice_documents():
    assert len(LO_DOCX) >= 6
    assert {c.id for c in corpus.cases()} >= {p.stem for p in LO_DOCX}


@pytest.mark.parametrize("path", LO_DOCX, ids=lambda p: p.stem)
def test_written_by_libreoffice(path):
    with zipfile.ZipFile(path) as z:
        app = etree.fromstring(z.read("docProps/app.xml"))
    application = app.findtext(f"{_EP}Application") or ""
    assert "LibreOffice" in application, (path.name, application)
    assert path.with_suffix(".json").exists(), f"{path.name} has no sidecar"
