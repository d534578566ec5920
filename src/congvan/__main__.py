"""``python -m congvan``: the command line."""

import sys

try:
    from .cli import entry
except KeyboardInterrupt:  # Ctrl-C while the command loads: one line, exit 130, no traceback
    print("congvan: đã dừng (interrupted)", file=sys.stderr)
    sys.exit(130)

entry()
