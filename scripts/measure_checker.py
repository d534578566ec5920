"""Measure `congvan check` on the fixture corpus (issue 9): findings true and false per rule id,
overall precision (true findings / all findings) and recall (expected findings found / expected).

A finding is true when it matches an ``expected`` or ``accepted`` entry of its document's sidecar
(tests/corpus.py ``judge``): the sidecars hold a person's reading of the decree, not the checker's
output. The decree's samples are converted from Phuluc3.doc by LibreOffice first (skipped, with a
note, when soffice is missing). Usage: ``.venv/bin/python scripts/measure_checker.py [--cases]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import corpus  # noqa: E402

import congvan  # noqa: E402


def _documents() -> tuple[list[tuple[corpus.Case, bytes]], list[str]]:
    notes: list[str] = []
    samples: dict[str, bytes] = {}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        notes.append("soffice missing: the decree's samples (Phuluc3) are not measured")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            samples = corpus.split_phuluc3(corpus.phuluc3_docx(soffice, Path(tmp)))
    docs = []
    for case in corpus.cases():
        if case.exit_code is not None:
            continue  # a file the checker must refuse: no findings to count
        if case.mau is not None:
            if case.mau in samples:
                docs.append((case, samples[case.mau]))
        elif case.path is not None:
            docs.append((case, case.path.read_bytes()))
    return docs, notes


def _source(case: corpus.Case) -> str:
    """Which part of the corpus a case is from (docs/check-corpus.md)."""
    if case.mau:
        return "decree's samples (Phuluc3)"
    if case.id.startswith("lo-"):
        return "LibreOffice (UNO)"
    if case.id.startswith("heldout-"):
        return "held-out (python-docx)"
    return "hand-built (python-docx)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="also print the verdict per document")
    args = parser.parse_args(argv)
    docs, notes = _documents()
    true, false, expected, found = Counter(), Counter(), Counter(), Counter()
    lines = []
    groups: dict[str, Counter] = {}
    for case, data in docs:
        verdict = corpus.judge(case, congvan.check(data, name=case.id))
        source = _source(case)
        group = groups.setdefault(source, Counter())
        group.update(true=len(verdict.true), all=len(verdict.true) + len(verdict.false),
                     expected=len(case.expected), found=len(case.expected) - len(verdict.missed))
        true.update(f.rule for f in verdict.true)
        false.update(f.rule for f in verdict.false)
        for entry in case.expected:
            expected[entry.rule] += 1
            found[entry.rule] += entry not in verdict.missed
        lines.append(f"{case.id:36} {len(verdict.true):3} true {len(verdict.false):3} false "
                     f"{len(verdict.missed):2} missed")
    rules = sorted(set(true) | set(false) | set(expected),
                   key=lambda r: (-false[r], -true[r], r))
    print(f"{len(docs)} documents")
    print(f"{'rule id':40} {'total':>5} {'true':>5} {'false':>5} {'expected':>8} {'found':>5}")
    for rule in rules:
        print(f"{rule:40} {true[rule] + false[rule]:5} {true[rule]:5} {false[rule]:5} "
              f"{expected[rule]:8} {found[rule]:5}")
    total_true, total = sum(true.values()), sum(true.values()) + sum(false.values())
    n_expected, n_found = sum(expected.values()), sum(found.values())
    print(f"{'all':40} {total:5} {total_true:5} {total - total_true:5} {n_expected:8} {n_found:5}")
    print(f"precision {total_true}/{total} = {total_true / total:.1%}" if total
          else "precision: no findings")
    print(f"recall {n_found}/{n_expected} = {n_found / n_expected:.1%}" if n_expected
          else "recall: nothing expected")
    for name, g in groups.items():
        share = f"{g['true'] / g['all']:.1%}" if g["all"] else "-"
        print(f"  {name}: precision {g['true']}/{g['all']} = {share}, "
              f"recall {g['found']}/{g['expected']}")
    if args.cases:
        print()
        print("\n".join(lines))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
