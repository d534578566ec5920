"""Shared fixtures: the seed document, rendering, and LibreOffice for layout tests."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from hypothesis import settings

import congvan

# No timing assertions in tests (README): hypothesis' per-example deadline is one, so it is off.
# In CI the examples are derandomised, so a submission's result does not depend on the draw;
# locally every run explores new examples.
settings.register_profile("congvan", deadline=None)
settings.register_profile("congvan-ci", deadline=None, derandomize=True)
settings.load_profile("congvan-ci" if os.environ.get("CI") == "true" else "congvan")

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


#: Fixtures that start LibreOffice. `make test` runs two pytest-xdist workers with --dist
#: loadgroup: every test that uses one of them runs on the same worker, so each session-scoped
#: conversion (all the examples, once) is made once, not once per worker.
_LIBREOFFICE = frozenset({"soffice", "to_pdf", "example_pdfs"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _LIBREOFFICE & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("libreoffice"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output (review the diff!)")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def seed():
    return congvan.load(SEED)


@pytest.fixture(scope="session")
def seed_data() -> dict:
    import yaml

    return yaml.safe_load(SEED.read_text(encoding="utf-8"))


def render_document(doc) -> docx.document.Document:
    """Return the rendered `doc`, opened with python-docx."""
    buf = io.BytesIO()
    congvan.render(doc, buf)
    return docx.Document(io.BytesIO(buf.getvalue()))


@pytest.fixture(scope="session")
def soffice() -> str:
    """Return the LibreOffice binary; skip without it, except in CI where it must be there."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but soffice is missing: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed: layout tests need a real word "
                    "processor (apt-get install libreoffice-writer-nogui fonts-liberation2)")
    return path


@pytest.fixture(scope="session")
def to_pdf(soffice, tmp_path_factory):
    """Return a function: .docx bytes → path of the PDF LibreOffice makes of it."""
    workdir = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    counter = iter(range(10_000))

    def convert(data: bytes) -> Path:
        source = workdir / f"doc{next(counter)}.docx"
        source.write_bytes(data)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(workdir), str(source)],
            check=True, capture_output=True, timeout=180)
        pdf = source.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of {source.name}"
        return pdf

    return convert


@pytest.fixture(scope="session")
def example_pdfs(soffice, tmp_path_factory) -> dict[str, Path]:
    """Every example of examples/, rendered and converted by LibreOffice once per session."""
    from .example_pdfs import convert_examples

    return convert_examples(soffice, tmp_path_factory.mktemp("examples"),
                            tmp_path_factory.mktemp("lo-examples"))
