"""Font and colour (PL I §I.4): Times New Roman, Unicode (TCVN 6909:2001), black.

``phong_chu.times_new_roman``: a run's effective font is another font (one finding per font, at its first
use, with the number of paragraphs). ``phong_chu.ma_cu``: a legacy Vietnamese font (TCVN3 ``.VnTime``…,
VNI ``VNI-Times``…) or text that reads as TCVN3/VNI bytes in a Unicode font; ``--fix`` converts it with
``congvan.legacy``. ``phong_chu.mau_den``: coloured text (the red stamps of ô 10 excepted).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..rules import FONT
from ._base import Ctx
from ._model import Para

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


def all_paras(ctx: Ctx) -> Iterator[Para]:
    yield from ctx.view.body
    for paras in ctx.view.parts.values():
        yield from paras


def detect_text_encoding(text: str) -> str | None:
    """Return the legacy encoding `text` looks like (via congvan.legacy), None when unknown."""
    try:
        from .. import legacy
    except ImportError:
        return None
    detect = getattr(legacy, "detect_legacy_encoding", None)
    if detect is None:
        return None
    try:
        return detect(text)
    except Exception:
        return None


def check(ctx: Ctx) -> None:
    wrong: dict[str, list[Para]] = {}
    legacy: dict[str, list[Para]] = {}
    colours: dict[str, list[Para]] = {}
    stamps = {id(s.para) for s in ctx.an.do_khan + ctx.an.do_mat}
    unicode_text: list[tuple[Para, str]] = []
    for para in all_paras(ctx):
        seen_wrong: set[str] = set()
        for run in para.text_runs():
            for font in run.fonts_used():
                if legacy_encoding_of_font(font):
                    if font not in seen_wrong:
                        legacy.setdefault(font, []).append(para)
                elif font != FONT and font not in seen_wrong:
                    wrong.setdefault(font, []).append(para)
                seen_wrong.add(font)
            if not any(legacy_encoding_of_font(f) for f in run.fonts_used()):
                unicode_text.append((para, run.text))
            if run.color not in ("AUTO", "000000") and id(para) not in stamps:
                if not colours.get(run.color) or colours[run.color][-1] is not para:
                    colours.setdefault(run.color, []).append(para)
    for font, paras in wrong.items():
        ctx.add("phong_chu.times_new_roman", paras[0], f"{font} ({len(paras)} đoạn)", FONT,
                font=font)
    for font, paras in legacy.items():
        enc = legacy_encoding_of_font(font)
        ctx.add("phong_chu.ma_cu", paras[0], f"{font}, bảng mã {enc.upper()} ({len(paras)} đoạn)",
                f"{FONT}, Unicode TCVN 6909:2001", font=font, encoding=enc)
    # Legacy bytes typed in a Unicode font (the font was changed but the text never converted).
    by_para: dict[int, tuple[Para, list[str]]] = {}
    for para, text in unicode_text:
        by_para.setdefault(id(para), (para, []))[1].append(text)
    hits: dict[str, list[Para]] = {}
    for para, texts in list(by_para.values())[:5000]:
        enc = detect_text_encoding("".join(texts))
        if enc:
            hits.setdefault(enc, []).append(para)
    for enc, paras in hits.items():
        ctx.add("phong_chu.ma_cu", paras[0], f"chữ mã {enc.upper()} ({len(paras)} đoạn)",
                "Unicode TCVN 6909:2001", encoding=enc)
    for colour, paras in colours.items():
        ctx.add("phong_chu.mau_den", paras[0], f"màu #{colour} ({len(paras)} đoạn)", "màu đen")
