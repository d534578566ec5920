"""Rendering speed: documents per second for the seed công văn (not a test; run by hand).

    .venv/bin/python benchmarks/bench_render.py [N]

The template is compiled once per process and the static package parts are compressed once, so the
per-document cost is the model → context step, one Jinja render and one zip append.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import congvan

ROOT = Path(__file__).resolve().parents[1]


def main(n: int = 2000) -> None:
    doc = congvan.load(ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml")
    congvan.render_bytes(doc)  # compile the template once
    start = time.perf_counter()
    for _ in range(n):
        congvan.render_bytes(doc)
    per_doc = (time.perf_counter() - start) / n * 1000
    print(f"{n} documents: {per_doc:.2f} ms each ({1000 / per_doc:.0f} a second)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
