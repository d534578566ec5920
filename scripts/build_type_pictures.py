"""Write docs/img/types/<example>.png: the first page of each example in examples/, as LibreOffice
lays it out, for docs/types.md.

Needs LibreOffice (soffice) and poppler (pdftoppm), as the layout tests do. Run it after a change
to the layout or to an example, and look at the pictures before committing them:

    .venv/bin/python scripts/build_type_pictures.py [--mau path/to/Phuluc3.pdf]

With ``--mau`` (the decree's Appendix III as a PDF) it also writes docs/img/mau/: the decree's own
sample pages (mẫu 1.1–1.4, 2.1) and the page of the example that answers each, for docs/types.md's
side-by-side table.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import congvan

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img" / "types"
DPI = 60  # legible on screen; grey, a few tens of KB per page
MAU = ROOT / "docs" / "img" / "mau"
#: The decree's sample pages in Phuluc3.pdf, and the example page (stem, page) beside each.
SIDE_BY_SIDE = {
    "1.1": (3, "nghi-quyet-45-NQ-HDND", 1),
    "1.2": (4, "quyet-dinh-2315-QD-UBND", 1),
    "1.3": (5, "quyet-dinh-1268-QD-SGDDT", 1),
    "1.3-kem-theo": (6, "quyet-dinh-1268-QD-SGDDT", 2),
    "1.4": (8, "ke-hoach-598-KH-UBND", 1),
    "2.1": (15, "thong-bao-1960-TB-SGDDT", 5),
    "1.7": (11, "giay-moi-215-GM-SGDDT", 1),
    "1.8": (12, "giay-gioi-thieu-36-GGT-SGDDT", 1),
    "1.10": (14, "giay-nghi-phep-52-GNP-SGDDT", 1),
    "3.1": (17, "sao-y-4172-UBND-VHTT", 2),
    "1.9": (13, "bien-ban-15-BB-UBND", 1),
    "1.6": (10, "cong-dien-03-CD-UBND", 1),
}
#: Each copy example (examples/ban-sao/) and the example it copies; its picture is the page of the
#: copy block (the last).
BAN_SAO = {"sao-y-4172-UBND-VHTT": "cong-van-4172-UBND-VHTT"}


def _page(pdf: Path, page: int, target: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(target)], check=True)
    print(f"wrote {target}.png")


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mau", type=Path, help="the decree's Appendix III (Phuluc3.pdf)")
    args = parser.parse_args()
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
        copies = []
        for stem, original in BAN_SAO.items():
            source = work / f"{stem}.docx"
            ban_sao = congvan.load_ban_sao(ROOT / "examples" / "ban-sao" / f"{stem}.yaml")
            congvan.write_sao(work / f"{original}.docx", ban_sao, source)
            copies.append(source)
        sources += [str(c) for c in copies]
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), *sources],
                       check=True, capture_output=True, timeout=900)
        for source in sources:
            pdf = Path(source).with_suffix(".pdf")
            last = -1 if Path(source) in copies else 1
            _page(pdf, _pages(pdf) if last == -1 else 1, OUT / pdf.stem)
        if args.mau is not None:
            MAU.mkdir(parents=True, exist_ok=True)
            for mau, (page, stem, own) in SIDE_BY_SIDE.items():
                _page(args.mau, page, MAU / f"mau-{mau}")
                _page(work / f"{stem}.pdf", own, MAU / f"{stem}-{own}")


if __name__ == "__main__":
    main()
