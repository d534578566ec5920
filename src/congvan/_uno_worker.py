# pyright: reportMissingImports=false, reportUnknownMemberType=false, reportUnknownVariableType=false, reportUnknownArgumentType=false, reportAttributeAccessIssue=false
"""The UNO worker of ``congvan.Converter``: run by a Python that can ``import uno`` (Debian's
python3-uno for /usr/bin/python3, or the Python LibreOffice bundles on Windows and macOS), never
inside congvan's own interpreter, which usually cannot. Standard library and ``uno`` only.

    python3 _uno_worker.py PIPE_NAME CONNECT_TIMEOUT_S

Connects to the LibreOffice that congvan started with ``--accept=pipe,name=PIPE_NAME;urp;``,
prints ``{"ready": true}``, then reads one JSON request a line from stdin
(``{"src": path, "dst": path, "pdf_a": bool}``) and answers one JSON line each:
``{"ok": true}``, ``{"ok": false, "error": "..."}`` (this document failed, the office is fine) or
``{"ok": false, "dead": true, "error": "..."}`` (the office went away; the worker exits).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


def _props(uno: Any, **values: Any) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue

    return tuple(PropertyValue(name, 0, value, 0) for name, value in values.items())


def _connect(uno: Any, pipe: str, timeout: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _convert(uno: Any, desktop: Any, src: str, dst: str, pdf_a: bool) -> None:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       _props(uno, Hidden=True, ReadOnly=True))
    if doc is None:
        raise ValueError("LibreOffice could not load the document")
    try:
        filter_data = uno.Any("[]com.sun.star.beans.PropertyValue",
                              _props(uno, SelectPdfVersion=2 if pdf_a else 0))
        args = _props(uno, FilterName="writer_pdf_Export", FilterData=filter_data)
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), args))
    finally:
        doc.close(True)


def _answer(**values: Any) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def main() -> int:
    import uno
    from com.sun.star.lang import DisposedException
    from com.sun.star.uno import RuntimeException

    pipe, timeout = sys.argv[1], float(sys.argv[2])
    try:
        desktop = _connect(uno, pipe, timeout)
    except Exception as exc:
        _answer(ok=False, dead=True, error=f"cannot connect: {exc}")
        return 1
    _answer(ready=True)
    for line in sys.stdin:
        request = json.loads(line)
        try:
            _convert(uno, desktop, request["src"], request["dst"], bool(request["pdf_a"]))
        except (DisposedException, RuntimeException) as exc:  # the bridge is gone
            _answer(ok=False, dead=True, error=str(exc) or type(exc).__name__)
            return 1
        except Exception as exc:
            _answer(ok=False, error=str(exc) or type(exc).__name__)
        else:
            _answer(ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
