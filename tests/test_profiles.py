"""Issuer profiles (``co_quan: ho-so/ubnd-nha-trang.yaml``): read like a spec, relative to it and
inside its folder, merged under the document's own fields; every refusal names ``co_quan``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import congvan
from congvan import InvalidDocumentError, QuyetDinh
from congvan.io import MAX_SPEC_BYTES

PROFILE = """\
co_quan_chu_quan: Ủy ban nhân dân tỉnh Khánh Hòa
co_quan_ban_hanh: {ten: Ủy ban nhân dân thành phố Nha Trang, ten_viet_tat: UBND}
dia_danh: Nha Trang
dia_chi: [Số 8 Trần Phú, Nha Trang]
noi_luu: VT, VHTT
ky_hieu_nguoi_soan_thao: NTH
nguoi_ky:
  chu-tich: {tham_quyen: [TM. Ủy ban nhân dân], chuc_vu: Chủ tịch, ho_ten: Nguyễn Sỹ Khánh}
  pho-chu-tich:
    tham_quyen: [TM. Ủy ban nhân dân, KT. Chủ tịch]
    chuc_vu: Phó Chủ tịch
    ho_ten: Lưu Thành Nhân
"""

SPEC = """\
loai_van_ban: quyet_dinh
co_quan: ho-so/ubnd.yaml
so_van_ban: 125
ngay: 01/07/2021
trich_yeu: Về việc thành lập Tổ công tác
tham_quyen_ban_hanh: Chủ tịch Ủy ban nhân dân thành phố Nha Trang
can_cu: [Căn cứ Luật Tổ chức chính quyền địa phương]
noi_dung: ["# Điều: Thành lập", "# Điều: Hiệu lực", "# Điều: Thi hành"]
nguoi_ky: pho-chu-tich
noi_nhan: [Như Điều 3]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ho-so").mkdir()
    (tmp_path / "ho-so/ubnd.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / "qd.yaml").write_text(SPEC, encoding="utf-8")
    return tmp_path


def refused(path: Path, **kwargs) -> set[tuple[tuple, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        congvan.load(path, **kwargs)
    return {(p.path, p.code) for p in info.value.problems}


def spec(folder: Path, text: str) -> Path:
    path = folder / "qd.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_gives_the_constant_parts(folder):
    doc = congvan.load(folder / "qd.yaml", QuyetDinh)
    assert doc.co_quan_ban_hanh.ten_viet_tat == "UBND" and doc.dia_danh == "Nha Trang"
    assert doc.co_quan_chu_quan == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert doc.noi_luu == ["VT", "VHTT"] and doc.dia_chi == ["Số 8 Trần Phú", "Nha Trang"]
    assert doc.ky_hieu_nguoi_soan_thao == "NTH"
    assert doc.nguoi_ky.ho_ten == "Lưu Thành Nhân"
    assert [str(t) for t in doc.nguoi_ky.tham_quyen] == ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]
    assert "co_quan" not in doc.model_dump()  # the merged document, not the path


def test_the_documents_fields_override_the_profile(folder):
    path = spec(folder, SPEC.replace("nguoi_ky: pho-chu-tich", (
        "nguoi_ky: {tham_quyen: [TM. Ủy ban nhân dân], chuc_vu: Chủ tịch, ho_ten: Trần Văn B}\n"
        "dia_danh: Khánh Hòa\nnoi_luu: [VT, NV]")))
    doc = congvan.load(path)
    assert doc.nguoi_ky.ho_ten == "Trần Văn B" and doc.dia_danh == "Khánh Hòa"
    assert doc.noi_luu == ["VT", "NV"] and doc.co_quan_ban_hanh.ten_viet_tat == "UBND"


def test_a_json_profile(folder):
    (folder / "ho-so/ubnd.json").write_text(json.dumps({
        "co_quan_ban_hanh": {"ten": "Sở Nội vụ", "ten_viet_tat": "SNV"}, "dia_danh": "Khánh Hòa",
        "nguoi_ky": {"gd": {"chuc_vu": "Giám đốc", "ho_ten": "Trần Văn C"}}},
        ensure_ascii=False), encoding="utf-8")
    doc = congvan.load(spec(folder, SPEC.replace("ubnd.yaml", "ubnd.json").replace(
        "pho-chu-tich", "gd")))
    assert doc.so_ky_hieu.ky_hieu == "QĐ-SNV" and doc.nguoi_ky.ho_ten == "Trần Văn C"


def test_loads_and_validate_take_base_dir(folder, monkeypatch):
    assert congvan.loads(SPEC, base_dir=folder).dia_danh == "Nha Trang"
    monkeypatch.chdir(folder)  # without base_dir: the current folder
    assert congvan.loads(SPEC).dia_danh == "Nha Trang"
    import yaml
    assert congvan.validate(yaml.safe_load(SPEC), base_dir=folder).dia_danh == "Nha Trang"


def test_a_missing_profile(folder):
    path = spec(folder, SPEC.replace("ho-so/ubnd.yaml", "ho-so/khong-co.yaml"))
    assert refused(path) == {(("co_quan",), "co_quan.missing")}


def test_a_profile_outside_the_folder(folder):
    inner = folder / "van-ban"
    inner.mkdir()
    path = inner / "qd.yaml"
    path.write_text(SPEC.replace("ho-so/ubnd.yaml", "../ho-so/ubnd.yaml"), encoding="utf-8")
    assert refused(path) == {(("co_quan",), "co_quan.outside")}
    # The same refusal whether or not the file exists: the message does not probe the host.
    path.write_text(SPEC.replace("ho-so/ubnd.yaml", "/etc/khong-co.yaml"), encoding="utf-8")
    assert refused(path) == {(("co_quan",), "co_quan.outside")}
    path.write_text(SPEC.replace("ho-so/ubnd.yaml", "../ho-so/ubnd.yaml"), encoding="utf-8")
    assert congvan.load(path, allow_outside_images=True).dia_danh == "Nha Trang"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_symlink_out_of_the_folder_is_outside(folder, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "p.yaml"
    elsewhere.write_text(PROFILE, encoding="utf-8")
    (folder / "ho-so/link.yaml").symlink_to(elsewhere)
    path = spec(folder, SPEC.replace("ubnd.yaml", "link.yaml"))
    assert refused(path) == {(("co_quan",), "co_quan.outside")}


@pytest.mark.parametrize(("profile", "expected"), [
    ("dia_danh: Nha Trang\nso_van_ban: 5\n", {(("co_quan", "so_van_ban"), "co_quan.truong_la")}),
    ("co_quan: khac.yaml\n", {(("co_quan", "co_quan"), "co_quan.long_nhau")}),
    ("nguoi_ky: [Nguyễn Văn A]\n", {(("co_quan", "nguoi_ky"), "co_quan.nguoi_ky")}),
    ("nguoi_ky: {a: Nguyễn Văn A}\n", {(("co_quan", "nguoi_ky"), "co_quan.nguoi_ky")}),
    ("- dia_danh\n", {(("co_quan",), "co_quan.type")}),
    ("dia_danh: [Nha Trang\n", {(("co_quan",), "syntax")}),
    ("a: &x 1\nb: *x\n", {(("co_quan",), "input.yaml_alias")}),
], ids=["unknown-field", "nested-profile", "signers-list", "signer-text", "not-a-mapping",
        "yaml-syntax", "yaml-alias"])
def test_a_bad_profile(folder, profile, expected):
    (folder / "ho-so/ubnd.yaml").write_text(profile, encoding="utf-8")
    assert refused(folder / "qd.yaml") == expected


def test_a_profile_too_large(folder):
    (folder / "ho-so/ubnd.yaml").write_bytes(b"#" * (MAX_SPEC_BYTES + 1))
    assert refused(folder / "qd.yaml") == {(("co_quan",), "co_quan.too_large")}


def test_co_quan_must_be_a_path(folder):
    assert refused(spec(folder, SPEC.replace("co_quan: ho-so/ubnd.yaml", "co_quan: [a]"))) == {
        (("co_quan",), "co_quan.type")}


def test_an_unknown_signer_key(folder):
    with pytest.raises(InvalidDocumentError) as info:
        congvan.load(spec(folder, SPEC.replace("pho-chu-tich", "giam-doc")))
    assert [(p.path, p.code) for p in info.value.problems] == [
        (("nguoi_ky",), "co_quan.nguoi_ky")]


def test_a_signer_key_without_a_profile(folder):
    text = SPEC.replace("co_quan: ho-so/ubnd.yaml\n", "")
    assert refused(spec(folder, text)) == {(("nguoi_ky",), "co_quan.nguoi_ky")}


def test_a_profiles_value_is_checked_as_the_documents(folder):
    (folder / "ho-so/ubnd.yaml").write_text(PROFILE.replace("dia_danh: Nha Trang",
                                                            "dia_danh: nha trang"),
                                            encoding="utf-8")
    assert refused(folder / "qd.yaml") == {(("dia_danh",), "dia_danh.viet_hoa")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_as_profile_does_not_block(folder):
    from tests.hostile.harness import run_cli

    (folder / "ho-so/ubnd.yaml").unlink()
    os.mkfifo(folder / "ho-so/ubnd.yaml")
    outcome = run_cli("validate", str(folder / "qd.yaml"), timeout=30)
    outcome.assert_clean_failure(1)
    assert "co_quan" in outcome.stderr


def test_the_cli_validates_a_spec_with_a_profile(folder):
    from tests.hostile.harness import run_cli

    outcome = run_cli("validate", str(folder / "qd.yaml"), timeout=60)
    assert outcome.returncode == 0, outcome.stderr


def test_the_profile_schema_is_current_and_judges_profiles(tmp_path):
    import sys

    import yaml

    from tests.test_schema import ROOT, _schema_verdicts

    sys.path.insert(0, str(ROOT / "scripts"))
    import build_docs

    schema_file = ROOT / "docs/schema/ho-so.schema.json"
    assert schema_file.read_text(encoding="utf-8") == build_docs.profile_schema_text(), (
        "docs/schema/ho-so.schema.json is stale: run `make generated`")
    cases = {"good.yaml": (PROFILE, True),
             "unknown.yaml": (PROFILE + "so_van_ban: 5\n", False),
             "nested.yaml": (PROFILE + "co_quan: khac.yaml\n", False),
             "no-name.yaml": (PROFILE.replace("ho_ten: Lưu Thành Nhân", "chuc_vu2: x"), False)}
    for name, (text, _) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        yaml.safe_load(text)  # each is YAML: the schema, not the parser, decides
    verdicts = _schema_verdicts([tmp_path / n for n in cases], schema_file)
    assert verdicts == {n: ok for n, (_, ok) in cases.items()}
