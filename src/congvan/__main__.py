"""``python -m congvan``: the command line."""

from ._console import entry

entry()
