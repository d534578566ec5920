"""The body of a document (ô 6): its markup (docs/noi-dung.md), parsed into numbered blocks.

``parse_noi_dung`` reads what a clerk types (Markdown-subset strings and table mappings) into
`blocks.Block`s; ``resolve_refs`` writes the numbers of cross-references (``{dieu:to-chuc}``).
"""
