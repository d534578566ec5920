"""PDF export throughput: N seed PDFs through one kept-alive LibreOffice (congvan.Converter)
against one ``soffice --convert-to pdf`` call per file, side by side (not a test; run by hand).

    .venv/bin/python benchmarks/bench_pdf.py [N]

Both sides convert the same N .docx files (the seed công văn, rendered once), interleaved file by
file so that a shared machine's changing load falls on both alike. The one-call-per-file side
reuses one warm user profile (its cheapest form: a fresh profile per call costs seconds more); the
Converter side includes starting its LibreOffice (in its first file). Figures:
benchmarks/README.md.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import congvan
from congvan.export import find_uno_python

ROOT = Path(__file__).resolve().parents[1]


def side_by_side(soffice: str, sources: list[Path], folder: Path) -> tuple[float, float]:
    """Seconds for one soffice process per file, and for one Converter (its LibreOffice's start
    included), interleaved file by file so that both see the same load on a shared machine."""
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    single_out, batch_out = folder / "single", folder / "batch"
    batch_out.mkdir()

    def call(source: Path) -> None:
        subprocess.run([soffice, profile, "--headless", "--norestore", "--convert-to", "pdf",
                        "--outdir", str(single_out), str(source)], check=True,
                       capture_output=True, timeout=300)

    call(sources[0])  # the single calls' profile is made before the clock runs
    single = batch = 0.0
    with congvan.Converter() as converter:
        for source in sources:
            start = time.perf_counter()
            converter.convert(source, batch_out / source.with_suffix(".pdf").name)
            batch += time.perf_counter() - start
            start = time.perf_counter()
            call(source)
            single += time.perf_counter() - start
    assert len(list(single_out.glob("*.pdf"))) == len(list(batch_out.glob("*.pdf"))) == len(sources)
    return single, batch


def main(n: int = 100) -> None:
    soffice = congvan.find_soffice()
    uno = find_uno_python(soffice)
    print(f"LibreOffice: {soffice}; UNO Python: {uno or 'none (Converter falls back)'}")
    data = congvan.render_bytes(congvan.load(ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"))
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        sources = []
        for i in range(n):
            source = folder / f"seed-{i:03d}.docx"
            source.write_bytes(data)
            sources.append(source)
        single, batch = side_by_side(soffice, sources, folder)
    print(f"{n} PDFs, one soffice call per file: {single:.1f} s ({single / n:.2f} s each)")
    print(f"{n} PDFs, one Converter:              {batch:.1f} s ({batch / n:.2f} s each)")
    print(f"throughput: {single / batch:.1f}× one call per file")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
