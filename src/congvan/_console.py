"""The ``congvan`` console script and ``python -m congvan``: load the command line, then run it.

Loading it imports pydantic, lxml and Jinja; a Ctrl-C meanwhile is one line and exit 130, not a
traceback (issue 7). This module imports nothing heavy itself, and the package's names are lazy.
"""

from __future__ import annotations

import sys


def entry() -> None:
    """Run the command line; exit with its code (130 after Ctrl-C, at any point)."""
    if sys.argv[1:] == ["--version"]:
        # What argparse would print, without loading the command line (and pydantic with it).
        from ._version import __version__

        print(f"congvan {__version__}")
        sys.exit(0)
    try:
        from .cli import entry as run
    except KeyboardInterrupt:
        print("congvan: đã dừng (interrupted)", file=sys.stderr)
        sys.exit(130)
    run()
