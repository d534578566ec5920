"""``congvan batch`` end to end: wall time and peak memory for N rows (not a test; run by hand).

    .venv/bin/python benchmarks/bench_batch.py [--jobs 2] [--dir D] [N ...]  (default: 1000 10000)

Each N runs the command in a fresh child, as a user runs it: the seed công văn without its
recipients as the spec, a CSV of N rows (a recipient and a signer each), ``--jobs 2``. Reported: the
wall time, documents per second, the CPU time of all processes (user and system: the system
time is mostly the file system's), and the peak resident memory of the command's own process and of
its largest worker. Memory flat in N means those two do not grow from 1,000 to 10,000 rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: the command itself, then its own and its workers' peak RSS (KiB on Linux).
_CHILD = """
import json, resource, sys
from congvan.cli import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "self_kib": own.ru_maxrss, "workers_kib": workers.ru_maxrss,
                  "user_s": own.ru_utime + workers.ru_utime,
                  "sys_s": own.ru_stime + workers.ru_stime,
                  "command_s": own.ru_utime + own.ru_stime}))
"""


def _inputs(folder: Path, n: int) -> tuple[Path, Path]:
    spec = yaml.safe_load((ROOT / "examples/cong-van-4172-UBND-VHTT.yaml").read_text("utf-8"))
    del spec["kinh_gui"]
    spec_path = folder / "spec.yaml"
    spec_path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    rows = folder / "rows.csv"
    with open(rows, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["kinh_gui[0]", "nguoi_ky.ho_ten"])
        writer.writerows([f"UBND phường số {i}", f"Nguyễn Văn {i}"] for i in range(1, n + 1))
    return spec_path, rows


def run(n: int, jobs: int, folder: str | None = None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="congvan-bench-", dir=folder) as tmp:
        spec, rows = _inputs(Path(tmp), n)
        out = Path(tmp) / "out"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, "batch", str(spec), "--data", str(rows), "-o", str(out),
             "--jobs", str(jobs)], capture_output=True, text=True, env=env, check=False)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-2000:])
        stats = json.loads(proc.stdout.splitlines()[-1])
        assert stats["code"] == 0 and len(os.listdir(out)) == n, proc.stdout[-500:]
    return {"n": n, "wall_s": wall, "per_s": n / wall,
            "self_mib": stats["self_kib"] / 1024, "workers_mib": stats["workers_kib"] / 1024,
            "user_s": stats["user_s"], "sys_s": stats["sys_s"], "command_s": stats["command_s"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dir", help="folder of the inputs and outputs (default: the system's "
                        "temporary folder; /dev/shm takes the disk's file system out)")
    args = parser.parse_args()
    print(f"congvan batch --jobs {args.jobs}, load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} CPUs")
    for n in args.sizes:
        r = run(n, args.jobs, args.dir)
        print(f"{r['n']:>7} rows: {r['wall_s']:6.1f} s wall ({r['per_s']:5.0f} documents/s); "
              f"peak RSS: command {r['self_mib']:.0f} MiB, "
              f"largest worker {r['workers_mib']:.0f} MiB; CPU {r['user_s']:.1f} s user + "
              f"{r['sys_s']:.1f} s system (the command's own: {r['command_s']:.1f} s)")


if __name__ == "__main__":
    main()
