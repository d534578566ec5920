"""The body of a document (ô 6): its markup (docs/noi-dung.md), parsed into numbered blocks.

``parse_noi_dung`` reads what a clerk types (Markdown-subset strings and table mappings) into
`blocks.Block`s; ``resolve_refs`` writes the numbers of cross-references (``{dieu:to-chuc}``);
``end_with_period`` ends the last paragraph with ``./.``.

>>> body = parse_noi_dung(["# Điều: Phạm vi {#pv}", "1. Khoản một.", "Theo Điều {dieu:pv}"])
>>> [p.text for p in end_with_period(resolve_refs(body, body.anchors))]
['Điều 1. Phạm vi', '1. Khoản một.', 'Theo Điều 1./.']
"""

from ..errors import InvalidDocumentError, Problem
from .markup import ParsedBody, end_with_period, parse_noi_dung, resolve_refs

#: The error parse_noi_dung and resolve_refs raise (its ``problems`` list every one).
NoiDungError = InvalidDocumentError

__all__ = ["NoiDungError", "ParsedBody", "Problem", "end_with_period", "parse_noi_dung",
           "resolve_refs"]
