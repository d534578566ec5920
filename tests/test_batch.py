"""Batch rendering: pure, reproducible, and safe to spread over any concurrent.futures.Executor."""

from __future__ import annotations

import copy
import multiprocessing
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import congvan

from .test_render import png


def test_same_input_same_bytes(seed_data, tmp_path):
    (tmp_path / "ky.png").write_bytes(png(40, 20))
    data = copy.deepcopy(seed_data)
    data["nguoi_ky"]["anh_chu_ky"] = "ky.png"
    doc = congvan.validate(data, base_dir=tmp_path)
    assert congvan.render_bytes(doc) == congvan.render_bytes(doc)


def _letters(seed_data, n):
    docs = []
    for i in range(1, n + 1):
        data = copy.deepcopy(seed_data)
        data["so_van_ban"] = i
        data["kinh_gui"] = [f"UBND phường số {i}"]
        docs.append(congvan.validate(data))
    return docs


def test_threads_and_processes_give_what_a_loop_gives(seed_data):
    docs = _letters(seed_data, 6)
    expected = [congvan.render_bytes(d) for d in docs]
    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(congvan.render_bytes, docs)) == expected
    # Models pickle; each worker compiles the template once. "spawn", as on macOS and Windows (and
    # as a Dask worker starts): nothing is inherited from this process.
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert list(pool.map(congvan.render_bytes, docs)) == expected
    assert len(set(expected)) == len(expected)
