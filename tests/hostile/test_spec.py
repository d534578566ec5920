"""Hostile and ordinary-but-wrong specs (issues 7.3, 7.5–7.8, 7.12, 8.2, 8.3): each one is refused
with a message for the clerk, exit 1 (invalid) or 2 (unreadable), no traceback, no output file,
inside the harness's time and memory bounds; the API raises congvan's own error with a stable code.
"""

from __future__ import annotations

import itertools
import os

import pytest

from congvan.io import MAX_SPEC_BYTES

from .harness import ROOT, run_cli, run_python

SEED = (ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml").read_text(encoding="utf-8")


def _seed(old: str, new: str) -> str:
    assert old in SEED
    return SEED.replace(old, new, 1)


def _bomb() -> str:
    """Under 500 bytes: nine levels of ten aliases, 10^10 strings once expanded (issue 7.3)."""
    names = "abcdefghij"
    lines = ["a: &a [x,x,x,x,x,x,x,x,x,x]"]
    lines += [f"{n}: &{n} [{','.join([f'*{p}'] * 10)}]" for p, n in itertools.pairwise(names)]
    return "\n".join(lines) + "\nloai_van_ban: *j\n"


def _alias_levels() -> str:
    return _seed("loai_van_ban: cong_van\n", _bomb())


def _alias_paragraphs() -> str:
    """5,000 aliases of a 100 KB paragraph: a 500 MB document from a 100 KB spec (issue 7.3)."""
    items = "\n".join(["  - &p " + "x" * 100_000] + ["  - *p"] * 5_000)
    return _seed("noi_dung:\n", "noi_dung:\n" + items + "\n")


def _number(text: str) -> str:
    return _seed("so_van_ban: 4172", f"so_van_ban: {text}")


def _tcvn3_bytes() -> bytes:
    """A spec saved by an old editor in TCVN3, one byte per letter (the decree's sample line)."""
    return ("loai_van_ban: cong_van\ndia_danh: Céng hoµ x· héi chñ nghÜa ViÖt Nam\n"
            .encode("latin-1"))


# (case, spec bytes, suffix, exit code, API: codes of the problems or the error's code)
CASES = [
    # YAML 1.1 would silently re-read these numbers (010 → 8, 1:30 → 90, yes → True → 1).
    ("leading-zero", _number("010"), ".yaml", 1, ["so_van_ban.leading_zero"]),
    ("octal-017", _number("017"), ".yaml", 1, ["so_van_ban.leading_zero"]),
    ("sexagesimal", _number("1:30"), ".yaml", 1, ["so_van_ban.format"]),
    ("hex", _number("0x1F"), ".yaml", 1, ["so_van_ban.format"]),
    ("binary-number", _number("0b101"), ".yaml", 1, ["so_van_ban.format"]),
    ("yes", _number("yes"), ".yaml", 1, ["so_van_ban.format"]),
    ("true", _number("true"), ".yaml", 1, ["so_van_ban.type"]),
    ("float", _number("1e3"), ".yaml", 1, ["so_van_ban.type"]),
    # Aliases, merge keys, tags.
    ("alias-levels", _alias_levels(), ".yaml", 1, ["input.yaml_alias"]),
    ("alias-paragraphs", _alias_paragraphs(), ".yaml", 1, ["input.yaml_alias"]),
    ("merge-key", _seed("nguoi_ky:\n", "nguoi_ky:\n  <<: {ho_ten: A}\n"), ".yaml", 1,
     ["input.yaml_merge"]),
    ("binary-empty-name", _seed("ho_ten: Lưu Thành Nhân", 'ho_ten: !!binary ""'), ".yaml", 1,
     ["input.yaml_tag"]),
    ("binary-control-char", _seed("ho_ten: Lưu Thành Nhân", "ho_ten: !!binary Bw=="), ".yaml", 1,
     ["input.yaml_tag"]),
    ("python-tag", _seed("dia_danh: Nha Trang", "dia_danh: !!python/name:os.system x"), ".yaml",
     1, ["input.yaml_tag"]),
    # Ordinary bad input that took the internal-error path (issue 7.7).
    ("deep-block", "- " * 100_000 + "x", ".yaml", 1, ["input.too_deep"]),
    ("deep-flow", "[" * 100_000, ".yaml", 1, ["input.too_deep"]),  # libyaml's own limit: 1000
    ("deep-json", "[" * 100_000 + "]" * 100_000, ".json", 1, ["input.too_deep"]),
    ("list-key", _seed("dia_danh: Nha Trang", "? [a]\n: 1\ndia_danh: Nha Trang"), ".yaml", 1,
     ["input.key_type"]),
    ("int-key", _seed("dia_danh: Nha Trang", "1: x\ndia_danh: Nha Trang"), ".yaml", 1,
     ["input.key_type"]),
    ("long-int-yaml", _number("9" * 5_000), ".yaml", 1, ["input.number_too_long"]),
    ("long-int-json", '{"loai_van_ban": "cong_van", "so_van_ban": ' + "9" * 5_000 + "}", ".json",
     1, ["input.number_too_long"]),
    ("duplicate-json", '{"loai_van_ban": "cong_van", "so_van_ban": 1, "so_van_ban": 2}', ".json",
     1, ["input.duplicate_key"]),
    ("too-many-values", "a: [" + "1, " * 60_000 + "1]", ".yaml", 1, ["input.too_many_values"]),
    ("too-many-values-json", '{"a": [' + "1, " * 60_000 + "1]}", ".json", 1,
     ["input.too_many_values"]),
    ("many-unknown-keys", _seed("dia_danh: Nha Trang", "dia_danh: Nha Trang\n" + "".join(
        f"k{i}: 1\n" for i in range(20_000))), ".yaml", 1, ["extra_forbidden", "problems.more"]),
    # Not UTF-8 (issue 8.3).
    ("windows-1258", SEED.encode("cp1258", "replace"), ".yaml", 1, ["input.encoding"]),
    ("tcvn3-bytes", _tcvn3_bytes(), ".yaml", 1, ["input.encoding"]),
    ("utf-16-no-bom", SEED.encode("utf-16-le"), ".yaml", 1, ["input.encoding"]),
    # Legacy text pasted into a field: named, with the converted text as a suggestion.
    ("tcvn3-text", _seed("dia_danh: Nha Trang", "dia_danh: Hµ Néi"), ".yaml", 1,
     ["text.legacy_encoding"]),
    # Too large: refused before parsing, whatever it holds.
    ("too-large", SEED + "#" * (MAX_SPEC_BYTES + 1), ".yaml", 2, "input.too_large"),
]


@pytest.mark.parametrize("case, spec, suffix, exit_code, codes", CASES, ids=[c[0] for c in CASES])
def test_cli_refuses_cleanly(tmp_path, case, spec, suffix, exit_code, codes):
    path = tmp_path / f"spec{suffix}"
    path.write_bytes(spec if isinstance(spec, bytes) else spec.encode("utf-8"))
    outcome = run_cli("render", str(path), "-o", str(tmp_path / "out.docx"), timeout=30)
    outcome.assert_clean_failure(exit_code)
    assert str(path) in outcome.stderr  # the message names the input
    assert not (tmp_path / "out.docx").exists()


def _api(expr: str, **kwargs) -> list[str]:
    """Run `expr` in a bounded child; return the codes of the congvan error it raised."""
    outcome = run_python(f"""
import congvan
try:
    {expr}
except congvan.InvalidDocumentError as exc:
    print(*sorted({{p.code for p in exc.problems}}))
except congvan.CongVanError as exc:
    print(exc.code)
else:
    print("accepted")
""", timeout=30, **kwargs)
    assert outcome.returncode == 0 and "Traceback" not in outcome.stderr, outcome.stderr[-2000:]
    return outcome.out.split()


@pytest.mark.parametrize("case, spec, suffix, exit_code, codes", CASES, ids=[c[0] for c in CASES])
def test_api_raises_congvan_errors(tmp_path, case, spec, suffix, exit_code, codes):
    path = tmp_path / f"spec{suffix}"
    path.write_bytes(spec if isinstance(spec, bytes) else spec.encode("utf-8"))
    got = _api(f"congvan.load({str(path)!r})")
    assert got == ([codes] if isinstance(codes, str) else codes)


def test_alias_bomb_alone_is_refused_without_expanding():
    assert len(_bomb()) < 500
    assert _api(f"congvan.loads({_bomb()!r})") == ["input.yaml_alias"]


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_special_files_are_refused_at_once(tmp_path, special):
    path = special
    if special == "fifo":
        path = str(tmp_path / "spec.yaml")
        os.mkfifo(path)  # nobody writes: reading it would block forever
    outcome = run_cli("render", path, "-o", str(tmp_path / "out.docx"), timeout=20)
    outcome.assert_clean_failure(2)
    assert path in outcome.stderr
    assert not (tmp_path / "out.docx").exists()
    assert _api(f"congvan.load({path!r})") == ["input.not_regular"]


def test_stdin_is_bounded(tmp_path):
    spec = (SEED + "#" * (3 * MAX_SPEC_BYTES)).encode("utf-8")
    outcome = run_cli("render", "-", "-o", str(tmp_path / "out.docx"), stdin=spec, timeout=30)
    outcome.assert_clean_failure(2)
    assert not (tmp_path / "out.docx").exists()


def test_stdin_is_decoded_as_a_file_is(tmp_path):
    outcome = run_cli("render", "-", "-o", str(tmp_path / "out.docx"),
                      stdin=SEED.encode("cp1258", "replace"), timeout=30)
    outcome.assert_clean_failure(1)
    assert not (tmp_path / "out.docx").exists()


def test_missing_file_is_an_input_error(tmp_path):
    assert _api(f"congvan.load({str(tmp_path / 'none.yaml')!r})") == ["input.missing"]


@pytest.mark.parametrize("key, value", [
    ("k" * 100_000, 1),             # an unknown field with a 100 KB name
    ("ngay", "x" * 100_000),        # a 100 KB date, quoted in its message
    ("do_khan", "x" * 100_000),     # a 100 KB urgency, quoted by pydantic's enum message
    ("so_van_ban", "x" * 100_000),
])
def test_messages_quote_user_values_cut_short(tmp_path, key, value):
    import json

    import yaml

    data = yaml.safe_load(SEED)
    data[key] = value
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    outcome = run_cli("validate", str(spec), timeout=30)
    outcome.assert_clean_failure(1)  # bounded stderr, among other things
    assert "x" * 100 not in outcome.stderr and "k" * 100 not in outcome.stderr
