"""congvan: Vietnamese administrative documents, modelled and rendered as Decree 30/2020/NĐ-CP prescribes.

>>> import congvan
>>> doc = congvan.load("examples/cong-van-4172-UBND-VHTT.yaml")
>>> congvan.render_bytes(doc)[:2]
b'PK'
"""

from ._version import __version__
from .context import build_context
from .errors import (
    CongVanError,
    DocxReadError,
    InvalidDocumentError,
    Problem,
    RenderError,
    TemplateError,
)
from .formatting import SoKyHieu, format_dia_danh_thoi_gian, format_so_ky_hieu
from .io import load, loads, validate
from .models import CongVan, CoQuanBanHanh, DongThamQuyen, NguoiKy, NoiNhan, VanBan
from .render import Template, render, render_bytes
from .rules import LOAI_VAN_BAN, DoKhan, DoMat, ThamQuyen
from .schema import input_schema

__all__ = [  # noqa: RUF022 - plain sorted(), as tests/test_exported_members.py checks
    "CoQuanBanHanh",
    "CongVan",
    "CongVanError",
    "DoKhan",
    "DoMat",
    "DocxReadError",
    "DongThamQuyen",
    "InvalidDocumentError",
    "LOAI_VAN_BAN",
    "NguoiKy",
    "NoiNhan",
    "Problem",
    "RenderError",
    "SoKyHieu",
    "Template",
    "TemplateError",
    "ThamQuyen",
    "VanBan",
    "__version__",
    "build_context",
    "format_dia_danh_thoi_gian",
    "format_so_ky_hieu",
    "input_schema",
    "load",
    "loads",
    "render",
    "render_bytes",
    "validate",
]
