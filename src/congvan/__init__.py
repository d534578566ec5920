"""congvan: Vietnamese administrative documents, modelled and rendered as Decree 30/2020/NĐ-CP prescribes."""

from ._version import __version__
from .errors import (
    CongVanError,
    DocxReadError,
    InvalidDocumentError,
    Problem,
    RenderError,
    TemplateError,
)
from .formatting import format_dia_danh_thoi_gian

__all__ = [
    "CongVanError",
    "DocxReadError",
    "InvalidDocumentError",
    "Problem",
    "RenderError",
    "TemplateError",
    "__version__",
    "format_dia_danh_thoi_gian",
]
