"""congvan check: Decree 30 compliance of any .docx (ours, Word's, LibreOffice's), with safe fixes.

``check(path)`` returns a list of ``Finding`` (empty when the file complies); ``fix(path, out)``
writes a copy with the safe fixes applied and returns a ``FixReport``. Unreadable or hostile files
raise ``congvan.DocxReadError``. The rules, their ids and citations are in ``rules_catalog.CATALOG``
and docs/check.md.

This package reads formatting the way Word resolves it and recognises components by their text and
position; it never imports the renderer's code (``congvan.render``, ``congvan.context``,
``congvan.formatting``, ``congvan.measure``; a test checks), so it cannot share the renderer's
mistakes: the decree's rules come from ``congvan.rules``.

>>> from congvan.checker import CATALOG
>>> CATALOG["noi_nhan.luu_vt"].cite
'PL I §II.9.d'
"""

from __future__ import annotations

from ._families import check_view
from ._model import view
from ._package import SourceType, read_package
from .finding import Finding, Location
from .fix import FixReport, fix
from .rules_catalog import CATALOG, CheckRule

__all__ = ["CATALOG", "CheckRule", "Finding", "FixReport", "Location", "check", "fix"]


def check(source: SourceType, *, name: str | None = None) -> list[Finding]:
    """Return the deviations from Decree 30 found in the .docx `source` (path, bytes or binary
    file).

    Raise ``DocxReadError`` when the file cannot be read safely.
    """
    return check_view(view(read_package(source, name)))
