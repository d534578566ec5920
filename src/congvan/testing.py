"""Hypothesis strategies that generate valid, realistic Vietnamese administrative documents, for
the tests of applications built on congvan (and of congvan itself).

Install with the extra: ``pip install 'congvan[testing]'`` (hypothesis is needed by this module
only). Import it explicitly; ``import congvan`` never loads it::

    from hypothesis import given
    from congvan.testing import st_van_ban

    @given(st_van_ban(loai="quyet_dinh"))
    def test_my_reader(doc):
        ...

Every strategy draws through hypothesis' own ``random.Random`` (``st.randoms``) and composes with
`congvan.sample`, the data layer ``congvan sample`` uses too: the documents are the kind that
command writes, and a failing example shrinks towards the first entries of the word lists and the
fewest paragraphs, list items and optional parts.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - exercised in a child without hypothesis (tests)
    raise ImportError(
        "congvan.testing cần thư viện hypothesis: cài bằng pip install 'congvan[testing]' "
        "(congvan.testing needs hypothesis: install the extra congvan[testing])") from None

from .errors import CongVanError
from .models import MODELS, VanBan
from .sample import (
    LOAI_MAU,
    NGAY_CUOI,
    NGAY_DAU,
    CoQuan,
    Spec,
    co_quan,
    ho_ten,
    ngay,
    nguoi_ky,
    van_ban,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "LOAI_MAU",
    "st_co_quan",
    "st_ho_ten",
    "st_ngay",
    "st_nguoi_ky",
    "st_spec",
    "st_van_ban",
]

T = TypeVar("T")


def _composed(compose: Callable[[random.Random], T]) -> SearchStrategy[T]:
    # use_true_random=False: each call on the Random is a hypothesis draw, so it shrinks and
    # replays; hypothesis' seed (and the derandomised CI profile) fixes it.
    return st.randoms(use_true_random=False).map(compose)


def st_ho_ten(nu: bool | None = None) -> SearchStrategy[str]:
    """Vietnamese full names, NFC with their diacritics: ``Nguyễn Thị Thu Hà``; `nu` True for
    women's names, False for men's, None for either."""
    return _composed(lambda rng: ho_ten(rng, nu))


def st_ngay(start: date | None = None, end: date | None = None) -> SearchStrategy[date]:
    """Dates of documents: by default from 1 July 2025 (the 34 provinces) to the end of 2026."""
    first, last = start or NGAY_DAU, end or NGAY_CUOI
    if last < first:
        raise CongVanError(f"st_ngay: end {last} trước start {first} (end before start)",
                           code="sample.ngay")
    return _composed(lambda rng: ngay(rng, first, last))


def st_co_quan(loai: str = "cong_van") -> SearchStrategy[CoQuan]:
    """Issuing bodies (`congvan.sample.CoQuan`): a province's Ủy ban nhân dân (its Hội đồng nhân
    dân for a nghị quyết), a ward's, a department with its chủ quản, a ministry. ``.spec`` is
    the header's part of a spec (co_quan_ban_hanh, co_quan_chu_quan, dia_danh)."""
    _check_loai([loai])
    return _composed(lambda rng: co_quan(rng, loai))


def st_nguoi_ky(loai: str = "cong_van") -> SearchStrategy[dict[str, Any]]:
    """Signers (the ``nguoi_ky`` mapping of a spec) of a body issuing `loai`, with an authority
    stack the decree allows: the head, KT., TL., TL. + KT., TUQ., Q., under TM. of a collective."""
    _check_loai([loai])
    return _composed(lambda rng: nguoi_ky(rng, co_quan(rng, loai)))


def st_spec(loai: str | Iterable[str] | None = None) -> SearchStrategy[Spec]:
    """Specs (the mapping a YAML file holds) of valid documents of the type `loai`, of any of the
    types given, or of any type congvan issues (`LOAI_MAU`) when None."""
    types = _check_loai([loai] if isinstance(loai, str) else loai)
    return st.sampled_from(types).flatmap(lambda ma: _composed(lambda rng: van_ban(rng, ma)))


def st_van_ban(loai: str | Iterable[str] | None = None) -> SearchStrategy[VanBan]:
    """Valid, realistic documents (validated models, ready for ``congvan.render``) of the type
    `loai`, of any of the types given, or of any type congvan issues when None.

    Each passes ``congvan.check`` on its rendering with no finding (tests/test_sample_i13.py).
    """
    return st_spec(loai).map(lambda spec: MODELS[spec["loai_van_ban"]].model_validate(spec))


def _check_loai(loai: Iterable[str] | None) -> tuple[str, ...]:
    if loai is None:
        return LOAI_MAU
    types = tuple(loai)
    unknown = [ma for ma in types if ma not in LOAI_MAU]
    if unknown or not types:
        raise CongVanError(
            f"loại văn bản không có mẫu: {', '.join(map(repr, unknown)) or '(trống)'}; chọn một "
            f"trong: {', '.join(LOAI_MAU)} (no sample for this document type)",
            code="sample.loai")
    return types
