"""``python -m congvan``: the command line."""

from .cli import _entry

_entry()
