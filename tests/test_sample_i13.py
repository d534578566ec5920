"""Issue 13: sample documents for CI. `congvan.testing`'s strategies make valid, realistic
documents of every type congvan issues, which render and pass `congvan check` with no finding
(the strongest test of the renderer and the checker together); ``congvan sample`` writes the same
files for one seed."""

from __future__ import annotations

import functools
import io
import random
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import congvan
from congvan.cli import main
from congvan.models import MODELS
from congvan.rules import LOAI_VAN_BAN, THANH_PHAN
from congvan.sample import LOAI_MAU, data, rng_for, to_yaml, van_ban
from congvan.testing import st_co_quan, st_ho_ten, st_ngay, st_nguoi_ky, st_spec, st_van_ban

ROOT = Path(__file__).resolve().parents[1]
# Few examples per type: 29 types × render + check (~60 ms) stays within a few seconds.
PER_TYPE = settings(max_examples=4, suppress_health_check=[HealthCheck.too_slow])


def test_every_type_congvan_issues_has_samples():
    assert set(LOAI_MAU) == set(THANH_PHAN)
    assert list(LOAI_MAU) == [ma for ma in LOAI_VAN_BAN if ma in THANH_PHAN]


@pytest.mark.parametrize("loai", LOAI_MAU)
def test_samples_validate_render_and_pass_the_checker(loai):
    @PER_TYPE
    @given(st_van_ban(loai))
    def check(doc):
        assert doc.loai_van_ban == loai
        buf = io.BytesIO()
        congvan.render(doc, buf)
        findings = congvan.check(buf.getvalue())
        assert findings == [], [str(f) for f in findings]

    check()


@settings(max_examples=30)
@given(st_spec())
def test_specs_are_realistic_text(spec):
    """Every text is NFC; the places are among the 34 units of 1 July 2025 (or their wards); the
    YAML written for a spec reads back as the same document."""
    texts: list[str] = []
    stack: list[object] = [spec]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    wards = {w for ws in data.PHUONG.values() for w in ws}
    assert spec["dia_danh"] in {*data.TINH, *data.THANH_PHO, "Thành phố Hồ Chí Minh", *wards}
    assert spec["dia_danh"] != "Hồ Chí Minh"
    assert congvan.loads(to_yaml(spec)) == MODELS[spec["loai_van_ban"]].model_validate(spec)


@functools.cache
def _schema_validator():
    import jsonschema

    schema = congvan.input_schema()
    return jsonschema.validators.validator_for(schema)(schema)


@settings(max_examples=30)
@given(st_spec())
def test_specs_hold_to_the_json_schema(spec):
    """The YAML a CI user feeds another tool passes congvan's JSON Schema too (jsonschema, which
    check-jsonschema runs on)."""
    import yaml

    errors = _schema_validator().iter_errors(yaml.safe_load(to_yaml(spec)))
    assert [e.message for e in errors] == []


@settings(max_examples=50)
@given(st_ho_ten(), st_ho_ten(nu=True), st_ngay(), st_co_quan(), st_nguoi_ky())
def test_small_strategies(ten, ten_nu, ngay, co_quan, nguoi_ky):
    ho, *_, ten_rieng = ten.split()
    assert ho in data.HO and ten_rieng in {*data.TEN_NAM, *data.TEN_NU}
    assert ten_nu.split()[-1] in data.TEN_NU
    assert congvan.CoQuanBanHanh.model_validate(co_quan.spec["co_quan_ban_hanh"])
    assert congvan.NguoiKy.model_validate(nguoi_ky).ho_ten
    assert ngay.year in (2025, 2026) and (ngay.year, ngay.month) >= (2025, 7)


@settings(max_examples=20)
@given(st_ngay(end=date(2025, 7, 31)), st_ngay(start=date(2026, 12, 1)))
def test_ngay_bounds(early, late):
    assert date(2025, 7, 1) <= early <= date(2025, 7, 31)
    assert date(2026, 12, 1) <= late <= date(2026, 12, 31)


def test_every_type_of_loai_van_ban_has_samples():
    assert set(LOAI_MAU) == set(congvan.LOAI_VAN_BAN)


def test_a_named_type_list_and_a_bad_type():
    @settings(max_examples=5)
    @given(st_spec(["giay_moi", "cong_van"]))
    def only(spec):
        assert spec["loai_van_ban"] in ("giay_moi", "cong_van")

    only()
    for bad in ("quyet", "cong_vam", []):
        with pytest.raises(congvan.CongVanError) as info:
            st_van_ban(bad)
        assert info.value.code == "sample.loai"
    with pytest.raises(congvan.CongVanError) as info:
        st_ngay(start=date(2026, 1, 2), end=date(2026, 1, 1))
    assert info.value.code == "sample.ngay"
    with pytest.raises(congvan.CongVanError) as info:
        van_ban(rng_for(0, "x", 1), "cong_vam")
    assert info.value.code == "sample.loai"


class _FirstChoices(random.Random):
    """A Random whose every draw is 0: the document hypothesis shrinks towards (every choice the
    first of its list, every optional part left out, the fewest items)."""

    def getrandbits(self, k: int) -> int:
        return 0

    def random(self) -> float:
        return 0.0


@pytest.mark.parametrize("loai", LOAI_MAU)
def test_the_simplest_document_is_valid(loai):
    """Shrinking a failing example ends near the all-first-choices document: it is valid too, so a
    reported failure is about the reader under test, not about the sample."""
    spec = van_ban(_FirstChoices(), loai)
    assert "du_thao" not in spec and "phu_luc" not in spec
    assert isinstance(congvan.loads(to_yaml(spec)), MODELS[loai])


# -- The command --------------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_fixed_seed_writes_the_same_bytes(tmp_path):
    args = ["sample", "-t", "quyet_dinh", "-t", "giay_moi", "-n", "3", "--seed", "7"]
    assert _run(*args, "-o", str(tmp_path / "a"))[0] == 0
    assert _run(*args, "-o", str(tmp_path / "b"))[0] == 0
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a == b
    assert sorted(a) == [f"{stem}-000{i}.{ext}" for stem in ("giay-moi", "quyet-dinh")
                         for i in (1, 2, 3) for ext in ("docx", "yaml")]
    # Another seed, other documents; the same document whatever -n is.
    assert _run(*args[:-1], "8", "-o", str(tmp_path / "c"))[0] == 0
    assert _files(tmp_path / "c")["quyet-dinh-0001.yaml"] != a["quyet-dinh-0001.yaml"]
    assert _run("sample", "-t", "quyet_dinh", "-n", "1", "--seed", "7", "--format", "yaml",
                "-o", str(tmp_path / "d"))[0] == 0
    assert _files(tmp_path / "d") == {"quyet-dinh-0001.yaml": a["quyet-dinh-0001.yaml"]}


def test_every_type_by_default(tmp_path):
    code, out, _ = _run("sample", "-n", "1", "--format", "yaml", "-o", str(tmp_path))
    assert code == 0 and f"{len(LOAI_MAU)} loại" in out
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {f"{loai.replace('_', '-')}-0001.yaml" for loai in LOAI_MAU}
    first = (tmp_path / "giay-moi-0001.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Văn bản mẫu") and "--seed 0" in first


def test_one_hundred_of_a_type(tmp_path):
    code, out, err = _run("sample", "--type", "quyet_dinh", "-n", "100", "-o", str(tmp_path))
    assert (code, err) == (0, "")
    assert "100" in out
    yamls = sorted(tmp_path.glob("*.yaml"))
    assert len(yamls) == len(list(tmp_path.glob("*.docx"))) == 100
    specs = {p.read_text(encoding="utf-8") for p in yamls}
    assert len(specs) == 100  # all different
    for path in yamls[::25]:  # the YAML reads back, and its .docx passes the checker
        assert isinstance(congvan.load(path), congvan.QuyetDinh)
        assert congvan.check(path.with_suffix(".docx")) == []


def test_bad_type_lists_the_types(tmp_path, capsys):
    for argv, words in ((["--type", "quyet"], ("quyet_dinh", "cong_van", "giay_nghi_phep")),
                        (["-n", "0"], ("-n", "từ 1"))):
        with pytest.raises(SystemExit) as info:  # argparse's usage error, in Vietnamese
            main(["sample", *argv, "-o", str(tmp_path / "x")])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert all(word in err for word in words), err
    assert not (tmp_path / "x").exists()


def test_output_is_a_file(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = _run("sample", "-t", "cong_van", "-n", "1", "-o", str(tmp_path / "f"))
    assert code == 2 and "thư mục" in err


# -- The optional dependency --------------------------------------------------------------------


def test_hypothesis_is_needed_by_congvan_testing_only():
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if not installed\n"
        "import congvan, congvan.cli, congvan.sample\n"
        "try:\n"
        "    import congvan.testing\n"
        "except ImportError as exc:\n"
        "    assert 'congvan[testing]' in str(exc), exc\n"
        "else:\n"
        "    raise SystemExit('imported without hypothesis')\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120, cwd=ROOT)


def test_the_testing_extra_lists_hypothesis():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.startswith("hypothesis") for dep in project["optional-dependencies"]["testing"])
    assert not any(dep.startswith("hypothesis") for dep in project["dependencies"])
