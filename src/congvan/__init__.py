"""congvan: Vietnamese administrative documents, modelled and rendered as Decree 30/2020/NĐ-CP
prescribes.

>>> import congvan
>>> doc = congvan.load("examples/cong-van-4172-UBND-VHTT.yaml", congvan.CongVan)
>>> congvan.render_bytes(doc)[:2]
b'PK'
"""

from ._version import __version__
from .checker import Finding, FixReport, check, fix
from .context import build_context
from .dates import format_thu_ngay, ordinal, weekday_name
from .errors import (
    CongVanError,
    DocxReadError,
    InputReadError,
    InvalidDocumentError,
    Problem,
    RenderError,
    TemplateError,
)
from .formatting import SoKyHieu, format_dia_danh_thoi_gian, format_ngay, format_so_ky_hieu
from .io import load, loads, validate
from .legacy import (
    LegacyEncodingError,
    detect_legacy_encoding,
    legacy_to_unicode,
    unicode_to_legacy,
)
from .models import (
    CongVan,
    CoQuanBanHanh,
    DauCoQuan,
    Document,
    DongThamQuyen,
    NguoiKy,
    NoiNhan,
    VanBan,
)
from .numwords import (
    InvalidNumberError,
    SoTien,
    amount_in_words,
    format_number,
    format_so_tien,
    number_in_words,
    parse_number,
    register_num2words,
    words_to_number,
)
from .render import Template, render, render_bytes
from .rules import LOAI_VAN_BAN, DoKhan, DoMat, ThamQuyen
from .schema import input_schema
from .text import normalize_text, upper
from .tone import ToneFinding, set_tone_style, tone_placement_report, tone_style

__all__ = [  # noqa: RUF022 - plain sorted(), as tests/test_exported_members.py checks
    "CoQuanBanHanh",
    "CongVan",
    "CongVanError",
    "DauCoQuan",
    "DoKhan",
    "DoMat",
    "Document",
    "DocxReadError",
    "DongThamQuyen",
    "Finding",
    "FixReport",
    "InputReadError",
    "InvalidDocumentError",
    "InvalidNumberError",
    "LOAI_VAN_BAN",
    "LegacyEncodingError",
    "NguoiKy",
    "NoiNhan",
    "Problem",
    "RenderError",
    "SoKyHieu",
    "SoTien",
    "Template",
    "TemplateError",
    "ThamQuyen",
    "ToneFinding",
    "VanBan",
    "__version__",
    "amount_in_words",
    "build_context",
    "check",
    "detect_legacy_encoding",
    "fix",
    "format_dia_danh_thoi_gian",
    "format_ngay",
    "format_number",
    "format_so_ky_hieu",
    "format_so_tien",
    "format_thu_ngay",
    "input_schema",
    "legacy_to_unicode",
    "load",
    "loads",
    "normalize_text",
    "number_in_words",
    "ordinal",
    "parse_number",
    "register_num2words",
    "render",
    "render_bytes",
    "set_tone_style",
    "tone_placement_report",
    "tone_style",
    "unicode_to_legacy",
    "upper",
    "validate",
    "weekday_name",
    "words_to_number",
]
