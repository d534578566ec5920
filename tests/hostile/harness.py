"""Run congvan as a hostile user would: in a child process, bounded in memory and time.

The bounds are the harness's, not assertions on timing: a case that loops or balloons is killed by
its own limits (``timeout`` seconds of wall time, ``memory_mb`` of address space through
``resource.setrlimit``), and the test then fails naming the case. Nothing here measures speed.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Generous: a case that finishes at all finishes in well under a second on this machine.
TIMEOUT = 60
MEMORY_MB = 1024


@dataclass
class Outcome:
    """What a child run did: exit code, its output as text (stdout bytes kept for -o -)."""

    returncode: int
    stdout: bytes
    stderr: str

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    def assert_clean_failure(self, code: int) -> None:
        """Assert exit `code`, no traceback and no 'internal error' line: a message for a clerk."""
        assert self.returncode == code, (self.returncode, self.stderr[-2000:])
        assert "Traceback" not in self.stderr, self.stderr[-2000:]
        assert "lỗi không mong đợi" not in self.stderr, self.stderr[-2000:]
        assert "lỗi nội bộ" not in self.stderr, self.stderr[-2000:]
        assert self.stderr.strip(), "a failure must say why"
        assert len(self.stderr) < 20_000, "an error message must be bounded"


def _limits(memory_mb: int):
    def apply() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONGVAN_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(extra or {})
    return env


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
            timeout: float = TIMEOUT, memory_mb: int = MEMORY_MB,
            env: dict[str, str] | None = None) -> Outcome:
    """Run ``python -m congvan ARGS`` in a bounded child; return its outcome."""
    return _run([sys.executable, "-m", "congvan", *args], stdin, cwd, timeout, memory_mb, env)


def run_python(code: str, *, stdin: bytes | None = None, cwd: Path | None = None,
               timeout: float = TIMEOUT, memory_mb: int = MEMORY_MB,
               env: dict[str, str] | None = None) -> Outcome:
    """Run Python `code` (an API call, say) in a bounded child; return its outcome."""
    return _run([sys.executable, "-c", code], stdin, cwd, timeout, memory_mb, env)


def _run(argv: list[str], stdin: bytes | None, cwd: Path | None, timeout: float,
         memory_mb: int, env: dict[str, str] | None) -> Outcome:
    try:
        proc = subprocess.run(argv, input=stdin if stdin is not None else b"",
                              capture_output=True, cwd=cwd, timeout=timeout,
                              preexec_fn=_limits(memory_mb), env=_env(env))
    except subprocess.TimeoutExpired:
        raise AssertionError(f"did not finish within {timeout} s: {argv[1:]!r}"[:500]) from None
    return Outcome(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace"))
