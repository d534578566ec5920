"""What the file system alone costs for a batch's files: no congvan, bare system calls (not a test).

    .venv/bin/python benchmarks/bench_files.py [--dir D] [--n N] [KIND ...]

Writes N files of 12,500 bytes (the seed's .docx is about 12 KB) into a new folder under D (default:
the system's temporary folder), one process, and prints wall, system and user time per KIND:

- ``atomic``: what congvan's write_atomic does without fsync (``os.open(O_CREAT | O_EXCL)`` of a
  hidden temporary name, ``os.write``, ``os.close``, ``os.replace`` onto the final name);
- ``direct``: the same bytes written straight to the final name (not atomic: a crash leaves half a
  file), the floor of any writer.

The folder is deleted after each kind. Run it beside bench_batch.py: when these bare calls take
seconds, so does the batch, whatever congvan spends.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time

_DATA = os.urandom(12_500)


def run(kind: str, folder: str, n: int) -> tuple[float, float, float]:
    out = tempfile.mkdtemp(prefix=f"congvan-files-{kind}-", dir=folder)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        for i in range(n):
            target = os.path.join(out, f"{i:05d}-UBND phường số {i}.docx")
            if kind == "atomic":
                temp = os.path.join(out, f".{i:05d}.docx.abcdefgh.tmp")
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                os.write(fd, _DATA)
                os.close(fd)
                os.replace(temp, target)
            else:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                os.write(fd, _DATA)
                os.close(fd)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        shutil.rmtree(out)
    return wall, after.ru_stime - before.ru_stime, after.ru_utime - before.ru_utime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kinds", nargs="*", help="atomic, direct (default: both)")
    parser.add_argument("--dir", default=tempfile.gettempdir())
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    kinds = args.kinds or ["atomic", "direct"]
    if not set(kinds) <= {"atomic", "direct"}:
        parser.error(f"unknown kind in {kinds}: atomic or direct")
    for kind in kinds:
        wall, system, user = run(kind, args.dir, args.n)
        print(f"{args.n} files, {kind:6} in {args.dir}: {wall:5.2f} s wall, "
              f"{system:5.2f} s system, {user:4.2f} s user")


if __name__ == "__main__":
    main()
