"""congvan: Vietnamese administrative documents, modelled and rendered as Decree 30/2020/NĐ-CP
prescribes.

>>> import congvan
>>> doc = congvan.load("examples/cong-van-4172-UBND-VHTT.yaml", congvan.CongVan)
>>> congvan.render_bytes(doc)[:2]
b'PK'
"""

# Names load on first use (PEP 562): `congvan --help`, and a Ctrl-C while the command starts, do
# not wait for pydantic, lxml and Jinja, and `import congvan` stays cheap. Type checkers read the
# imports below as if they ran.
import importlib as _importlib
import sys as _sys
import types as _types
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._version import __version__

if _TYPE_CHECKING:
    from .ban_sao import load_ban_sao, sao, write_sao
    from .batch import BatchResult, render_many
    from .checker import Finding, FixReport, check, fix
    from .context import build_context
    from .errors import (
        CongVanError,
        DocxReadError,
        ExportError,
        InputReadError,
        InvalidDocumentError,
        Problem,
        RenderError,
        TemplateError,
    )
    from .export import Converter, find_soffice, to_pdf, to_png
    from .formatting import SoKyHieu, format_dia_danh_thoi_gian, format_ngay, format_so_ky_hieu
    from .io import load, loads, validate
    from .models import (
        BanSao,
        BenHopDong,
        BienBan,
        BodyParts,
        CongDien,
        CongVan,
        CoQuanBanHanh,
        CoQuanLienTich,
        DauCoQuan,
        Document,
        DongThamQuyen,
        GiayGioiThieu,
        GiayMoi,
        GiayNghiPhep,
        HopDong,
        NghiQuyet,
        NguoiKy,
        NoiNhan,
        PhuLuc,
        QuyetDinh,
        ThuCong,
        ThuKy,
        VanBan,
        VanBanCoTenLoai,
        VanBanKemTheo,
        tach_giay_moi,
    )
    from .render import Template, render, render_bytes
    from .rules import LOAI_VAN_BAN, DoKhan, DoMat, ThamQuyen
    from .schema import input_schema
    from .vietnamese.dates import format_thu_ngay, ordinal, weekday_name
    from .vietnamese.legacy import (
        LegacyEncodingError,
        detect_legacy_encoding,
        legacy_to_unicode,
        unicode_to_legacy,
    )
    from .vietnamese.numwords import (
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
    from .vietnamese.text import normalize_text, upper
    from .vietnamese.tone import ToneFinding, set_tone_style, tone_placement_report, tone_style

#: Public name → the module that defines it.
_HOME: dict[str, str] = {
    "BenHopDong": ".models",
    "BienBan": ".models",
    "BodyParts": ".models",
    "CoQuanBanHanh": ".models",
    "CoQuanLienTich": ".models",
    "CongDien": ".models",
    "CongVan": ".models",
    "CongVanError": ".errors",
    "DauCoQuan": ".models",
    "DoKhan": ".rules",
    "DoMat": ".rules",
    "Document": ".models",
    "DocxReadError": ".errors",
    "DongThamQuyen": ".models",
    "Finding": ".checker",
    "GiayGioiThieu": ".models",
    "GiayMoi": ".models",
    "GiayNghiPhep": ".models",
    "FixReport": ".checker",
    "HopDong": ".models",
    "InputReadError": ".errors",
    "InvalidDocumentError": ".errors",
    "InvalidNumberError": ".vietnamese.numwords",
    "LOAI_VAN_BAN": ".rules",
    "LegacyEncodingError": ".vietnamese.legacy",
    "NghiQuyet": ".models",
    "NguoiKy": ".models",
    "NoiNhan": ".models",
    "PhuLuc": ".models",
    "Problem": ".errors",
    "RenderError": ".errors",
    "SoKyHieu": ".formatting",
    "SoTien": ".vietnamese.numwords",
    "Template": ".render",
    "TemplateError": ".errors",
    "QuyetDinh": ".models",
    "ThamQuyen": ".rules",
    "ThuKy": ".models",
    "ToneFinding": ".vietnamese.tone",
    "VanBan": ".models",
    "VanBanCoTenLoai": ".models",
    "VanBanKemTheo": ".models",
    "amount_in_words": ".vietnamese.numwords",
    "build_context": ".context",
    "check": ".checker",
    "detect_legacy_encoding": ".vietnamese.legacy",
    "fix": ".checker",
    "format_dia_danh_thoi_gian": ".formatting",
    "format_ngay": ".formatting",
    "format_number": ".vietnamese.numwords",
    "format_so_ky_hieu": ".formatting",
    "format_so_tien": ".vietnamese.numwords",
    "format_thu_ngay": ".vietnamese.dates",
    "input_schema": ".schema",
    "legacy_to_unicode": ".vietnamese.legacy",
    "load": ".io",
    "loads": ".io",
    "normalize_text": ".vietnamese.text",
    "number_in_words": ".vietnamese.numwords",
    "ordinal": ".vietnamese.dates",
    "parse_number": ".vietnamese.numwords",
    "register_num2words": ".vietnamese.numwords",
    "render": ".render",
    "render_bytes": ".render",
    "set_tone_style": ".vietnamese.tone",
    "tach_giay_moi": ".models",
    "tone_placement_report": ".vietnamese.tone",
    "tone_style": ".vietnamese.tone",
    "unicode_to_legacy": ".vietnamese.legacy",
    "upper": ".vietnamese.text",
    "validate": ".io",
    "weekday_name": ".vietnamese.dates",
    "words_to_number": ".vietnamese.numwords",
    "BanSao": ".models",
    "load_ban_sao": ".ban_sao",
    "sao": ".ban_sao",
    "write_sao": ".ban_sao",
    "ThuCong": ".models",
    "to_pdf": ".export",
    "to_png": ".export",
    "Converter": ".export",
    "ExportError": ".errors",
    "find_soffice": ".export",
    "BatchResult": ".batch",
    "render_many": ".batch",
}


def __getattr__(name: str) -> _Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'congvan' has no attribute {name!r}")
    value = getattr(_importlib.import_module(home, __name__), name)
    globals()[name] = value  # once: later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(_types.ModuleType):
    """The package module: importing the subpackage ``congvan.render`` binds it to the package's
    attribute ``render``, which is the public function; the function keeps the name."""

    def __setattr__(self, name: str, value: object) -> None:
        if (name in _HOME and isinstance(value, _types.ModuleType)
                and value.__name__ == f"{__name__}.{name}"):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


__all__ = [  # noqa: RUF022 - plain sorted(), as tests/test_exported_members.py checks
    "BanSao",
    "BatchResult",
    "BenHopDong",
    "BienBan",
    "BodyParts",
    "CoQuanBanHanh",
    "CoQuanLienTich",
    "CongDien",
    "CongVan",
    "CongVanError",
    "Converter",
    "DauCoQuan",
    "DoKhan",
    "DoMat",
    "Document",
    "DocxReadError",
    "DongThamQuyen",
    "ExportError",
    "Finding",
    "FixReport",
    "GiayGioiThieu",
    "GiayMoi",
    "GiayNghiPhep",
    "HopDong",
    "InputReadError",
    "InvalidDocumentError",
    "InvalidNumberError",
    "LOAI_VAN_BAN",
    "LegacyEncodingError",
    "NghiQuyet",
    "NguoiKy",
    "NoiNhan",
    "PhuLuc",
    "Problem",
    "QuyetDinh",
    "RenderError",
    "SoKyHieu",
    "SoTien",
    "Template",
    "TemplateError",
    "ThamQuyen",
    "ThuCong",
    "ThuKy",
    "ToneFinding",
    "VanBan",
    "VanBanCoTenLoai",
    "VanBanKemTheo",
    "__version__",
    "amount_in_words",
    "build_context",
    "check",
    "detect_legacy_encoding",
    "find_soffice",
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
    "load_ban_sao",
    "loads",
    "normalize_text",
    "number_in_words",
    "ordinal",
    "parse_number",
    "register_num2words",
    "render",
    "render_bytes",
    "render_many",
    "sao",
    "set_tone_style",
    "tach_giay_moi",
    "to_pdf",
    "to_png",
    "tone_placement_report",
    "tone_style",
    "unicode_to_legacy",
    "upper",
    "validate",
    "weekday_name",
    "words_to_number",
    "write_sao",
]
