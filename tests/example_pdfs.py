"""Every example of examples/ as LibreOffice lays it out: rendered by congvan and converted to PDF
in ONE soffice run per test session (conftest.py's ``example_pdfs`` fixture), and the helpers the
layout tests read the PDFs with. Coordinates are PDF points from the top-left of the page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber

import congvan

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def convert_examples(soffice: str, workdir: Path, profile: Path) -> dict[str, Path]:
    """Render every example and convert them all in one LibreOffice run: stem → PDF path."""
    sources = []
    for example in EXAMPLES:
        source = workdir / f"{example.stem}.docx"
        source.write_bytes(congvan.render_bytes(congvan.load(example)))
        sources.append(str(source))
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(workdir), *sources],
                   check=True, capture_output=True, timeout=900)
    return {p.stem: workdir / f"{p.stem}.pdf" for p in EXAMPLES}


def page_words(pdf: Path) -> list[list[dict]]:
    """Return the words of each page of `pdf` (with their font name and size)."""
    with pdfplumber.open(pdf) as doc:
        return [page.extract_words(extra_attrs=["fontname", "size"]) for page in doc.pages]


def find_words(words: list[dict], text: str) -> list[dict] | None:
    """Return the consecutive words that spell `text` (the first occurrence), or None."""
    parts = text.split()
    for i in range(len(words) - len(parts) + 1):
        if [w["text"] for w in words[i:i + len(parts)]] == parts:
            return words[i:i + len(parts)]
    return None
