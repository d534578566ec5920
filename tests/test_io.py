"""Reading specs: YAML 1.2 through libyaml, JSON without duplicate keys, the encodings clerks'
editors save, and congvan's own errors for a file that cannot be read (issues 7 and 8)."""

from __future__ import annotations

import contextlib
import io
import json
import typing

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import congvan
from congvan import InputReadError, InvalidDocumentError
from congvan.cli import main
from congvan.io import MAX_DEPTH, MAX_SPEC_BYTES, _SpecLoader
from congvan.models import MODELS

from .conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _seed(old: str, new: str) -> str:
    assert old in SEED_TEXT
    return SEED_TEXT.replace(old, new, 1)


def problems(text: str | bytes, fmt: str = "yaml") -> dict[str, str]:
    with pytest.raises(InvalidDocumentError) as info:
        congvan.loads(text, fmt)
    return {p.location: p.code for p in info.value.problems}


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_specs_are_parsed_by_libyaml():
    from yaml.cyaml import CParser

    assert issubclass(_SpecLoader, CParser)


@pytest.mark.parametrize("typed, number", [
    ("4172", 4172), ("05", 5), ("5", 5), ("'05'", 5), ('"4172"', 4172), ("10", 10),
])
def test_numbers_as_the_clerk_typed_them(typed, number):
    doc = congvan.loads(_seed("so_van_ban: 4172", f"so_van_ban: {typed}"))
    assert doc.so_van_ban == number


@pytest.mark.parametrize("typed, code", [
    ("010", "so_van_ban.leading_zero"),   # YAML 1.1: octal 8, printed "Số: 08"
    ("'010'", "so_van_ban.leading_zero"),
    ("007", "so_van_ban.leading_zero"),
    ("0o17", "so_van_ban.format"),        # YAML 1.2 octal: kept as text, refused
    ("0x1F", "so_van_ban.format"),
    ("1:30", "so_van_ban.format"),        # YAML 1.1: sexagesimal 90
    ("1_000", "so_van_ban.format"),       # YAML 1.1: 1000
    ("yes", "so_van_ban.format"),         # YAML 1.1: True, then 1
    ("true", "so_van_ban.type"),          # a bool is not a number
    ("4172.0", "so_van_ban.type"),        # nor a float
    ("12345678", "less_than_equal"),
])
def test_numbers_are_never_silently_reread(typed, code):
    assert problems(_seed("so_van_ban: 4172", f"so_van_ban: {typed}")) == {"so_van_ban": code}


@pytest.mark.parametrize("typed", ["NO", "yes", "off", "y", "on"])
def test_yaml_11_booleans_are_text(typed):
    # The "Norway problem": YAML 1.1 reads NO as False; in YAML 1.2 it is text, as typed.
    doc = congvan.loads(_seed("dia_danh: Nha Trang", f"dia_danh: Nha Trang\n"
                              f"ky_hieu_nguoi_soan_thao: {typed}"))
    assert doc.ky_hieu_nguoi_soan_thao == typed


def test_dates_are_text_until_the_model_reads_them():
    doc = congvan.loads(_seed("ngay: 01/07/2021", "ngay: 2021-02-05"))
    assert str(doc.ngay) == "2021-02-05"
    assert problems(_seed("ngay: 01/07/2021", "ngay: 2021-02-31")) == {"ngay": "ngay.invalid"}


def test_text_that_yaml_12_types_is_refused_in_text_fields():
    assert problems(_seed("dia_danh: Nha Trang", "dia_danh: 1.5")) == {"dia_danh": "text.type"}
    assert problems(_seed("dia_danh: Nha Trang", "dia_danh: true")) == {"dia_danh": "text.type"}


def test_yaml_errors_say_where():
    text = "loai_van_ban: cong_van\nso_van_ban: 1\nso_van_ban: 2\n"
    with pytest.raises(InvalidDocumentError) as info:
        congvan.loads(text)
    (problem,) = info.value.problems
    assert problem.code == "input.duplicate_key"
    assert "dòng 3, cột 1" in problem.message  # line and column, 1-based


def test_merge_key_quoted_is_an_ordinary_unknown_field():
    assert problems(_seed("dia_danh: Nha Trang", "dia_danh: Nha Trang\n'<<': x")) == {
        "<<": "extra_forbidden"}


def test_depth_limit_leaves_room_for_documents():
    nested = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert problems(nested) == {"loai_van_ban": "missing"}  # parsed, then judged by the model
    assert problems("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH) == {"(gốc)": "input.too_deep"}


# --------------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------------


def _seed_json(**changes) -> str:
    data = yaml.safe_load(SEED_TEXT)
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


def test_json_duplicate_keys_are_refused():
    text = _seed_json()[:-1] + ', "so_van_ban": 5}'
    assert problems(text, "json") == {"(gốc)": "input.duplicate_key"}


@pytest.mark.parametrize("value, code", [("NaN", "syntax"), ("Infinity", "syntax"),
                                         ("9" * 30, "input.number_too_long")])
def test_json_numbers_outside_json(value, code):
    text = _seed_json()[:-1] + f', "x": {value}}}'
    assert problems(text, "json") == {"(gốc)": code}


def test_json_so_van_ban_as_text_keeps_its_zero():
    # JSON cannot write 05 as a number; "05" is the decree's own form, and accepted.
    assert congvan.loads(_seed_json(so_van_ban="05"), "json").so_van_ban == 5
    assert problems(_seed_json(so_van_ban="010"), "json") == {
        "so_van_ban": "so_van_ban.leading_zero"}


def test_model_validate_json_raises_congvans_error():
    assert congvan.CongVan.model_validate_json(_seed_json()).so_van_ban == 4172
    with pytest.raises(InvalidDocumentError) as info:
        congvan.CongVan.model_validate_json(_seed_json(so_van_ban=0))
    assert {p.code for p in info.value.problems} == {"greater_than_equal"}
    with pytest.raises(InvalidDocumentError):
        congvan.CongVan.model_validate_json(_seed_json()[:-1] + ', "so_van_ban": 5}')
    with pytest.raises(InvalidDocumentError):
        congvan.CongVan.model_validate_json(b"{not json")


# --------------------------------------------------------------------------------------------------
# Encodings and files
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom",
                                      "utf-16-be-bom", "utf-32"])
def test_encodings_editors_save_are_read(tmp_path, encoding):
    if encoding.endswith("-bom"):
        codec = encoding[:-4]
        raw = ("\ufeff" + SEED_TEXT).encode(codec)
    else:
        raw = SEED_TEXT.encode(encoding)
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(raw)
    assert congvan.load(spec).nguoi_ky.ho_ten == "Lưu Thành Nhân"
    assert congvan.loads(raw).nguoi_ky.ho_ten == "Lưu Thành Nhân"
    out, err = io.StringIO(), io.StringIO()
    assert main(["render", str(spec), "-o", str(tmp_path / "out.docx")], out=out, err=err) == 0


@pytest.mark.parametrize("raw", [
    SEED_TEXT.encode("cp1258", "replace"),              # Windows-1258
    SEED_TEXT.encode("utf-16-le"),                      # UTF-16 without BOM
    "dia_danh: Céng hoµ x· héi".encode("latin-1"),      # TCVN3 bytes
], ids=["windows-1258", "utf-16-no-bom", "tcvn3"])
def test_other_encodings_are_refused_with_advice(tmp_path, raw):
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(raw)
    for call in (lambda: congvan.load(spec), lambda: congvan.loads(raw),
                 lambda: congvan.load(io.BytesIO(raw))):
        with pytest.raises(InvalidDocumentError) as info:
            call()
        (problem,) = info.value.problems
        assert problem.code == "input.encoding"
        assert "UTF-8" in problem.message


def test_missing_and_special_files_raise_input_errors(tmp_path):
    cases = {tmp_path / "none.yaml": "input.missing", tmp_path: "input.not_regular",
             "/dev/null": "input.not_regular"}
    for path, code in cases.items():
        with pytest.raises(InputReadError) as info:
            congvan.load(path)
        assert info.value.code == code
        assert isinstance(info.value, congvan.CongVanError)


def test_size_limit_for_files_streams_and_text(tmp_path):
    big = SEED_TEXT + "#" * MAX_SPEC_BYTES
    spec = tmp_path / "big.yaml"
    spec.write_text(big, encoding="utf-8")
    for call in (lambda: congvan.load(spec), lambda: congvan.loads(big),
                 lambda: congvan.load(io.StringIO(big)),
                 lambda: congvan.load(io.BytesIO(big.encode()))):
        with pytest.raises(InputReadError) as info:
            call()
        assert info.value.code == "input.too_large"


def test_streams_are_read(tmp_path):
    assert congvan.load(io.StringIO(SEED_TEXT)).so_van_ban == 4172
    assert congvan.load(io.BytesIO(SEED_TEXT.encode())).so_van_ban == 4172


def test_cli_reads_stdin_as_bytes(tmp_path, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(("\ufeff" + SEED_TEXT).encode("utf-16")))
    monkeypatch.setattr("sys.stdin", stdin)
    out, err = io.StringIO(), io.StringIO()
    code = main(["render", "-", "-o", str(tmp_path / "out.docx")], out=out, err=err)
    assert code == 0, err.getvalue()


@pytest.mark.parametrize("text, code", [
    ("a: \x07", "syntax"),             # YAML cannot carry a control character
    ("a: \ud800", "input.encoding"),   # a lone surrogate in a str (libyaml takes UTF-8)
    ("a: &x 1\nb: &x 2", "syntax"),
    ("---\na: 1\n---\nb: 2", "syntax"),
])
def test_odd_text_is_a_problem_not_a_crash(text, code):
    assert problems(text) == {"(gốc)": code}


_ANY_INPUT = st.one_of(
    st.binary(max_size=300), st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("[]{}:,-?&*!|>'\"#%@`<\n 0aé\x00\t\\")), max_size=200),
)


@settings(max_examples=200, deadline=None)
@given(data=_ANY_INPUT, fmt=st.sampled_from(["yaml", "json"]))
def test_any_input_gives_a_document_or_congvans_error(data, fmt):
    with contextlib.suppress(InvalidDocumentError, InputReadError):
        congvan.loads(data, fmt)


def test_without_libyaml_the_pure_python_parser_behaves_the_same():
    from .hostile.harness import run_python

    outcome = run_python(f"""
import sys
sys.modules["yaml._yaml"] = None  # PyYAML without libyaml
import congvan, congvan.io
bases = [c.__name__ for c in congvan.io._SpecLoader.__mro__]
assert "CParser" not in bases and {{"Reader", "Scanner", "Parser"}} <= set(bases), bases
assert congvan.load({str(SEED)!r}).so_van_ban == 4172
for text, code in [("so_van_ban: 010", "so_van_ban.leading_zero"),
                   ("a: &x 1\\nb: *x", "input.yaml_alias"), ("- " * 1000 + "x", "input.too_deep"),
                   ("a: !!binary AA==", "input.yaml_tag"), ("a: 1\\na: 2", "input.duplicate_key")]:
    try:
        congvan.loads("loai_van_ban: cong_van\\n" + text if "so_van_ban" in text else text)
    except congvan.InvalidDocumentError as exc:
        assert code in {{p.code for p in exc.problems}}, (text, exc)
    else:
        raise AssertionError(text)
print("ok")
""")
    assert outcome.returncode == 0 and outcome.out.strip() == "ok", outcome.stderr[-2000:]


def test_loads_misused_raises_congvans_error():
    for call, code in [(lambda: congvan.loads(SEED_TEXT, "toml"), "input.format"),
                       (lambda: congvan.loads({"loai_van_ban": "cong_van"}), "input.type")]:
        with pytest.raises(InputReadError) as info:
            call()  # type: ignore[arg-type]
        assert info.value.code == code


# --------------------------------------------------------------------------------------------------
# The type a caller expects (issue 8.7): load(path, CongVan) returns a CongVan or refuses
# --------------------------------------------------------------------------------------------------


class _OtherType(congvan.VanBan):
    """Stands for a document type other than công văn (issue 10 adds them)."""


def test_expect_returns_the_model_asked_for():
    doc = congvan.load(SEED, congvan.CongVan)
    assert type(doc) is congvan.CongVan and doc.kinh_gui
    assert type(congvan.loads(SEED_TEXT, expect=congvan.CongVan)) is congvan.CongVan
    assert type(congvan.load(io.StringIO(SEED_TEXT), expect=congvan.VanBan)) is congvan.CongVan
    data = yaml.safe_load(SEED_TEXT)
    assert congvan.validate(data, congvan.CongVan) == congvan.validate(data)


def test_expect_refuses_a_document_of_another_type():
    for call in [lambda: congvan.load(SEED, _OtherType),
                 lambda: congvan.loads(SEED_TEXT, expect=_OtherType),
                 lambda: congvan.validate(yaml.safe_load(SEED_TEXT), _OtherType)]:
        with pytest.raises(InvalidDocumentError) as info:
            call()
        assert [(p.path, p.code) for p in info.value.problems] == [
            (("loai_van_ban",), "loai_van_ban.unexpected")]


def test_expect_must_be_a_document_model():
    for expect in [dict, "cong_van", congvan.NoiNhan]:
        with pytest.raises(InputReadError) as info:
            congvan.load(SEED, expect)  # type: ignore[call-overload]  # the misuse tested
        assert info.value.code == "input.expect"


def test_load_of_neither_path_nor_file_is_congvans_error():
    with pytest.raises(InputReadError) as info:
        congvan.load(42)  # type: ignore[call-overload]  # the misuse tested
    assert info.value.code == "input.type"


def test_document_is_exactly_the_models():
    """congvan.Document (what load() returns without `expect`) names every model MODELS reads."""
    union = congvan.Document
    if typing.get_origin(union) is typing.Annotated:  # the discriminated union, Annotated[A | B, …]
        union = typing.get_args(union)[0]
    members = set(typing.get_args(union)) or {union}
    assert members == set(MODELS.values())
