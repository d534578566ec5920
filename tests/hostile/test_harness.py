"""The harness itself bounds a runaway child: otherwise the hostile suite could not fail."""

import pytest

from .harness import run_cli, run_python


def test_memory_bound_kills_a_balloon():
    outcome = run_python("x = bytearray(2 * 1024**3)", memory_mb=512)
    assert outcome.returncode != 0 and "MemoryError" in outcome.stderr


def test_time_bound_fails_the_test():
    with pytest.raises(AssertionError, match="did not finish"):
        run_python("while True: pass", timeout=2)


def test_cli_runs_from_the_checkout():
    outcome = run_cli("--version")
    assert outcome.returncode == 0 and "congvan" in outcome.out
