"""Font and colour (PL I §I.4): Times New Roman, Unicode (TCVN 6909:2001), black.

``phong_chu.times_new_roman``: a run's effective font is another font (one finding per font, at its
first use, with the number of paragraphs). ``phong_chu.ma_cu``: a legacy Vietnamese font (TCVN3
``.VnTime``…, VNI ``VNI-Times``…) or text that reads as TCVN3/VNI bytes in a Unicode font; ``--fix``
converts it with ``congvan.vietnamese.legacy``. ``phong_chu.mau_den``: coloured text (the red stamps
of ô 10
excepted).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..rules import FONT
from ..vietnamese import legacy
from ._base import Ctx
from ._model import DocView, Para

_LEGACY_PREFIXES = {".vn": "tcvn3", "vn-": "tcvn3", "vni-": "vni", "vni ": "vni"}


def legacy_encoding_of_font(name: str) -> str | None:
    """Return ``"tcvn3"`` or ``"vni"`` for a legacy Vietnamese font name, None otherwise.

    >>> legacy_encoding_of_font(".VnTime"), legacy_encoding_of_font("VNI-Times")
    ('tcvn3', 'vni')
    >>> legacy_encoding_of_font("Times New Roman") is None
    True
    """
    low = name.strip().lower()
    for prefix, enc in _LEGACY_PREFIXES.items():
        if low.startswith(prefix):
            return enc
    return None


def all_paras(view: DocView) -> Iterator[Para]:
    """Yield the body's paragraphs, then those of the headers and footers."""
    yield from view.body
    for paras in view.parts.values():
        yield from paras


@dataclass
class _Uses:
    """What the runs of a document use, gathered in one pass."""

    wrong: dict[str, list[Para]] = field(default_factory=dict[str, list[Para]])
    # font -> (its legacy encoding, the paragraphs using it)
    legacy: dict[str, tuple[str, list[Para]]] = field(
        default_factory=dict[str, tuple[str, list[Para]]])
    colours: dict[str, list[Para]] = field(default_factory=dict[str, list[Para]])
    unicode_text: list[tuple[Para, str]] = field(default_factory=list[tuple[Para, str]])


def _scan_para(uses: _Uses, para: Para, stamp: bool) -> None:
    seen_wrong: set[str] = set()
    for run in para.text_runs():
        for font in run.fonts_used():
            enc = legacy_encoding_of_font(font)
            if enc:
                if font not in seen_wrong:
                    uses.legacy.setdefault(font, (enc, []))[1].append(para)
            elif font != FONT and font not in seen_wrong:
                uses.wrong.setdefault(font, []).append(para)
            seen_wrong.add(font)
        if not any(legacy_encoding_of_font(f) for f in run.fonts_used()):
            uses.unicode_text.append((para, run.text))
        if run.color not in ("AUTO", "000000") and not stamp:
            paras = uses.colours.setdefault(run.color, [])
            if not paras or paras[-1] is not para:
                paras.append(para)


def _legacy_text(ctx: Ctx, unicode_text: list[tuple[Para, str]]) -> None:
    """Legacy bytes typed in a Unicode font (the font was changed but the text never converted)."""
    by_para: dict[int, tuple[Para, list[str]]] = {}
    for para, text in unicode_text:
        by_para.setdefault(id(para), (para, []))[1].append(text)
    hits: dict[str, list[Para]] = {}
    for para, texts in list(by_para.values())[:5000]:
        enc = legacy.detect_legacy_encoding("".join(texts))
        if enc:
            hits.setdefault(enc, []).append(para)
    for enc, paras in hits.items():
        ctx.add("phong_chu.ma_cu", paras[0], f"chữ mã {enc.upper()} ({len(paras)} đoạn)",
                "Unicode TCVN 6909:2001", encoding=enc)


def check(ctx: Ctx) -> None:
    uses = _Uses()
    stamps = {id(s.para) for s in ctx.an.do_khan + ctx.an.do_mat}
    for para in all_paras(ctx.view):
        _scan_para(uses, para, id(para) in stamps)
    for font, paras in uses.wrong.items():
        ctx.add("phong_chu.times_new_roman", paras[0], f"{font} ({len(paras)} đoạn)", FONT,
                font=font)
    for font, (enc, paras) in uses.legacy.items():
        ctx.add("phong_chu.ma_cu", paras[0], f"{font}, bảng mã {enc.upper()} ({len(paras)} đoạn)",
                f"{FONT}, Unicode TCVN 6909:2001", font=font, encoding=enc)
    _legacy_text(ctx, uses.unicode_text)
    for colour, paras in uses.colours.items():
        ctx.add("phong_chu.mau_den", paras[0], f"màu #{colour} ({len(paras)} đoạn)", "màu đen")
