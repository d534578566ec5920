"""Issue 13, the memos of validation and rendering (congvan._memo): a batch parses a shared body
once and builds its XML once, and no document's data ever reaches another's output.

Each render here is compared with the same document rendered with every memo empty ("cold"):
the bytes must be the same whatever was rendered before, and a memo must not keep anything a
caller can change afterwards.
"""

from __future__ import annotations

import copy
import importlib
import io
import zipfile
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

import congvan
from congvan import context, models
from congvan.render import core
from congvan.render import template as template_mod

render_pkg = importlib.import_module("congvan.render")  # the package, not congvan.render()
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


def _clear() -> None:
    """Empty every memo, the shipped templates' own included."""
    for memo in (models._PARSED, render_pkg._BODY_XML, context._FITTED,  # pyright: ignore[reportPrivateUsage]
                 template_mod._ENTRIES, core._TREES):  # pyright: ignore[reportPrivateUsage]
        memo.clear()
    models._checked_kept.cache_clear()  # pyright: ignore[reportPrivateUsage]
    for name in ("cong_van",):
        render_pkg._builtin(name)._parts.clear()  # pyright: ignore[reportPrivateUsage]


def _seed() -> dict[str, Any]:
    return yaml.safe_load(SEED.read_text(encoding="utf-8"))


def _other() -> dict[str, Any]:
    """The seed with another body (a footnote too), other recipients, signer and address."""
    data = _seed()
    data["noi_dung"] = ["Đề nghị các đơn vị báo cáo trước ngày 15/7/2021[^1].\n\n"
                        "[^1]: Theo Công văn số 1501/STTTT-TTBCXB.",
                        "Trân trọng./."]
    data["kinh_gui"] = ["Sở Tài chính"]
    data["trich_yeu"] = "báo cáo kết quả thực hiện"
    data["nguoi_ky"]["ho_ten"] = "Trần Thị Bình"
    data["dia_chi"] = ["Số 1 Yersin, phường Nha Trang, tỉnh Khánh Hòa"]
    return data


def _validate(data: dict[str, Any]) -> congvan.VanBan:
    return congvan.validate(copy.deepcopy(data), base_dir=SEED.parent)


def _cold(data: dict[str, Any]) -> bytes:
    _clear()
    return congvan.render_bytes(_validate(data))


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_interleaved_documents_render_as_if_alone() -> None:
    a, b = _seed(), _other()
    cold_a, cold_b = _cold(a), _cold(b)
    for part in ("word/document.xml", "word/footer1.xml", "docProps/core.xml"):
        assert _parts(cold_a)[part] != _parts(cold_b)[part], part
    assert "word/footnotes.xml" in _parts(cold_b)
    _clear()
    for _ in range(3):  # each after the other, memos warm
        assert congvan.render_bytes(_validate(a)) == cold_a
        assert congvan.render_bytes(_validate(b)) == cold_b


def test_same_body_other_fields_each_their_own() -> None:
    """A batch's rows: one body, other recipients and signer; each row's bytes are its own."""
    rows = []
    for i in range(4):
        data = _seed()
        data["kinh_gui"] = [f"UBND phường số {i}"]
        data["nguoi_ky"]["ho_ten"] = f"Nguyễn Văn {i}"
        data["so_van_ban"] = str(100 + i)
        rows.append(data)
    cold = [_cold(r) for r in rows]
    assert len(set(cold)) == 4
    _clear()
    assert [congvan.render_bytes(_validate(r)) for r in rows] == cold
    assert [congvan.render_bytes(_validate(r)) for r in reversed(rows)] == cold[::-1]
    text = _parts(cold[2])["word/document.xml"].decode()
    assert "UBND phường số 2" in text and "Nguyễn Văn 2" in text and "Nguyễn Văn 1" not in text
    # One kept core-properties tree (same title, author, date), each row's số in its subject.
    for i, docx in enumerate(cold):
        core_xml = _parts(docx)["docProps/core.xml"].decode()
        assert f"<dc:subject>Số: {100 + i}/UBND-VHTT; " in core_xml, core_xml


def test_input_changed_after_a_render_changes_the_next() -> None:
    data = _seed()
    first = congvan.render_bytes(congvan.validate(data, base_dir=SEED.parent))
    data["noi_dung"][0] = "Nội dung đã sửa sau lần dựng trước."
    data["kinh_gui"].append("Sở Nội vụ")
    second = congvan.render_bytes(congvan.validate(data, base_dir=SEED.parent))
    text = _parts(second)["word/document.xml"].decode()
    assert "Nội dung đã sửa sau lần dựng trước." in text and "Sở Nội vụ" in text
    assert second != first
    assert second == _cold(data)


def test_a_kept_parse_hands_out_its_own_anchors() -> None:
    """The one mutable member of a parsed body (anchors) is a copy per document."""
    raw = ["# Điều: Phạm vi {#pham-vi}", "Như Điều {dieu:pham-vi}."]
    models._PARSED.clear()  # pyright: ignore[reportPrivateUsage]
    got = [models._parse_source(("noi_dung",), raw, False, _parse)[0]  # pyright: ignore[reportPrivateUsage]
           for _ in range(3)]
    second, third = got[1], got[2]
    assert second is not None and third is not None and second.anchors == third.anchors
    second.anchors[("dieu", "khac")] = "9"  # pyright: ignore[reportIndexIssue]
    assert ("dieu", "khac") not in third.anchors


def _parse(raw: Any, *, path: tuple[str | int, ...], landscape: bool) -> Any:
    from congvan.noi_dung import parse_noi_dung

    return parse_noi_dung(raw, path=path, landscape=landscape)


def test_one_body_in_two_places_keeps_each_place() -> None:
    """One body text under two paths: its references and its problems name their own place."""
    refs = ["Như Điều {dieu:khong-co}."]
    bad = ["Chữ có ký tự riêng \ue000 giữa câu."]
    here, there = ("noi_dung",), ("phu_luc", 0, "noi_dung")
    for path in (here, there, here, there):
        body, _ = models._parse_source(path, refs, False, _parse)  # pyright: ignore[reportPrivateUsage]
        assert body is not None and body.refs[0][0][:len(path)] == path
        body, problems = models._parse_source(path, bad, False, _parse)  # pyright: ignore[reportPrivateUsage]
        assert body is None and problems
        assert all(p.path[:len(path)] == path for p in problems), problems


def test_part_key_keeps_markup_and_text_apart() -> None:
    uses = frozenset({"x"})
    plain = template_mod._frozen("word/footer1.xml", uses, {"x": "<b>"})  # pyright: ignore[reportPrivateUsage]
    markup = template_mod._frozen("word/footer1.xml", uses, {"x": Markup("<b>")})  # pyright: ignore[reportPrivateUsage]
    assert plain is not None and markup is not None and plain != markup
    assert template_mod._frozen("word/footer1.xml", uses, {}) is None  # pyright: ignore[reportPrivateUsage]
    assert template_mod._frozen("word/footer1.xml", uses, {"x": object()}) is None  # pyright: ignore[reportPrivateUsage]


def test_a_changed_profile_is_read_again(tmp_path: Path) -> None:
    """The issuer profile is parsed once per text, but read every time: an edit is seen, and a
    document changing what it got does not change the next one's."""
    profile = tmp_path / "ho-so.yaml"
    spec = {k: v for k, v in _seed().items() if k not in ("co_quan_ban_hanh", "dia_danh")}
    spec["co_quan"] = "ho-so.yaml"
    profile.write_text("co_quan_ban_hanh: {ten: Ủy ban nhân dân phường Bắc Nha Trang, "
                       "ten_viet_tat: UBND}\ndia_danh: Nha Trang\n", encoding="utf-8")
    first = congvan.validate(copy.deepcopy(spec), base_dir=tmp_path)
    assert first.co_quan_ban_hanh.ten == "Ủy ban nhân dân phường Bắc Nha Trang"
    profile.write_text("co_quan_ban_hanh: {ten: Ủy ban nhân dân phường Nam Nha Trang, "
                       "ten_viet_tat: UBND}\ndia_danh: Nha Trang\n", encoding="utf-8")
    second = congvan.validate(copy.deepcopy(spec), base_dir=tmp_path)
    assert second.co_quan_ban_hanh.ten == "Ủy ban nhân dân phường Nam Nha Trang"
    from congvan import io as congvan_io

    got = congvan_io._parse_profile(profile.read_text("utf-8"), "yaml")  # pyright: ignore[reportPrivateUsage]
    assert isinstance(got, dict)
    got["dia_danh"] = "Đà Lạt"  # pyright: ignore[reportArgumentType]
    third = congvan.validate(copy.deepcopy(spec), base_dir=tmp_path)
    assert third.dia_danh == "Nha Trang"
