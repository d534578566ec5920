"""Write docs/img/types/<example>.png: the first page of each example in examples/, as LibreOffice
lays it out, for docs/types.md.

Needs LibreOffice (soffice) and poppler (pdftoppm), as the layout tests do. Run it after a change
to the layout or to an example, and look at the pictures before committing them:

    .venv/bin/python scripts/build_type_pictures.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import congvan

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img" / "types"
DPI = 60  # legible on screen; grey, a few tens of KB per page


def main() -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            source = work / f"{example.stem}.docx"
            congvan.render(congvan.load(example), source)
            sources.append(str(source))
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), *sources],
                       check=True, capture_output=True, timeout=900)
        for source in sources:
            pdf = Path(source).with_suffix(".pdf")
            target = OUT / pdf.stem
            subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(DPI), "-f", "1", "-l", "1",
                            "-singlefile", str(pdf), str(target)], check=True)
            print(f"wrote {target}.png")


if __name__ == "__main__":
    main()
