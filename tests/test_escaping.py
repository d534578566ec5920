"""User text is data: escaped, never evaluated as a template, never able to corrupt the .docx."""

from __future__ import annotations

import copy
import io
import re
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

import congvan
from congvan.vietnamese.text import normalize_text, upper

from .docx_summary import iter_blocks

HOSTILE = ["Sở Văn hóa & Thể thao", "<w:p>", "a < b > c", '"trích"', "it's", "{{ quoc_hieu }}",
           "{% for x in y %}", "{{p duong_ke_co_quan }}", "{_{ x }_}", "]]>", "&amp;", "{#c#}"]


def document_texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for _, p in iter_blocks(document)]
    section = document.sections[0]
    for part in (section.first_page_header, section.first_page_footer):
        texts += [p.text for p in part.paragraphs]
    return texts


def all_parts_parse(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # strict parser: raises on any corruption


def markdown_literal(text: str) -> str:
    """Return `text` typed for the body's markup (docs/noi-dung.md) so that it prints as is: a
    backslash before every ASCII punctuation character (CommonMark's escape)."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_comes_out_literally(seed_data, text):
    data = copy.deepcopy(seed_data)
    # The body is markup (``_x_`` is italic): typed escaped, it must print exactly, never as
    # template code.
    data["noi_dung"] = [markdown_literal(text), f"Cuối {markdown_literal(text)}"]
    data["kinh_gui"] = [text]
    data["nguoi_ky"]["ho_ten"] = text
    out = congvan.render_bytes(congvan.validate(data))
    all_parts_parse(out)
    texts = document_texts(out)
    assert text in texts
    assert f"Kính gửi: {text}" in texts
    assert f"Cuối {text}./." in texts or f"Cuối {text}/." in texts


def test_control_characters_are_removed_not_fatal(seed_data):
    data = copy.deepcopy(seed_data)
    data["noi_dung"] = ["Trước\x07\x0b\x1f sau\ufffe."]
    out = congvan.render_bytes(congvan.validate(data))
    all_parts_parse(out)
    assert "Trước sau./." in document_texts(out)


# Every free-text field of the công văn, with how the renderer prints it.
FIELDS = {
    "dia_danh": (lambda d, v: d.__setitem__("dia_danh", v), False),
    "trich_yeu": (lambda d, v: d.__setitem__("trich_yeu", v), False),
    "kinh_gui": (lambda d, v: d.__setitem__("kinh_gui", [v, "Sở Nội vụ"]), False),
    # The body is markup: typed escaped (markdown_literal), it must print as typed.
    "noi_dung": (lambda d, v: d.__setitem__("noi_dung", [markdown_literal(v), "Kết thúc."]),
                 False),
    # A công văn's Nơi nhận starts with "Như trên" (PL I §II.9.b).
    "noi_nhan.ten": (lambda d, v: d.__setitem__("noi_nhan", ["Như trên", {"ten": v}]), False),
    "noi_nhan.ghi_chu": (lambda d, v: d.__setitem__(
        "noi_nhan", ["Như trên", {"ten": "A", "ghi_chu": v}]), False),
    "co_quan_ban_hanh.ten": (lambda d, v: d["co_quan_ban_hanh"].__setitem__("ten", v), True),
    "co_quan_chu_quan": (lambda d, v: d.__setitem__("co_quan_chu_quan", v), True),
    "nguoi_ky.ho_ten": (lambda d, v: d["nguoi_ky"].__setitem__("ho_ten", v), False),
    "nguoi_ky.chuc_vu": (lambda d, v: d["nguoi_ky"].__setitem__("chuc_vu", v), True),
    "nguoi_ky.tham_quyen": (lambda d, v: d["nguoi_ky"].__setitem__("tham_quyen", [f"TM. {v}"]),
                            True),
    "ky_hieu_nguoi_soan_thao": (lambda d, v: d.__setitem__("ky_hieu_nguoi_soan_thao", v), True),
    "pham_vi_luu_hanh": (lambda d, v: d.__setitem__("pham_vi_luu_hanh", v), True),
    "dia_chi": (lambda d, v: d.__setitem__("dia_chi", [v]), False),
}

texts = st.text(
    alphabet=st.one_of(st.characters(codec=None), st.sampled_from(list("&<>\"'{}%#\x00\x07\n\t"))),
    min_size=1, max_size=40,
) | st.sampled_from(HOSTILE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(FIELDS)), text=texts)
def test_every_string_field_round_trips(seed_data, field, text):
    data = copy.deepcopy(seed_data)
    setter, upper_case = FIELDS[field]
    setter(data, text)
    try:
        doc = congvan.validate(data)
    except congvan.InvalidDocumentError as exc:
        # Only the documented refusals: empty after normalisation, a line break where none is
        # allowed, a TM. line that names a person's title, a trích yếu opening with "Về", a place
        # not capitalised or with a comma in it, text that reads as TCVN3/VNI.
        # In the body, a line indented four spaces (an indented code block, docs/noi-dung.md).
        # A signer's title that is an authority prefix ("Q", "KT": it belongs in tham_quyen).
        assert {p.code for p in exc.problems} <= {
            "text.empty", "text.newline", "tham_quyen.tm_collective", "trich_yeu.ve",
            "chuc_vu.prefix",
            "dia_danh.viet_hoa", "dia_danh.dau_phay", "text.legacy_encoding",
            "noi_dung.khong_ho_tro"}, exc
        assume(False)
    out = congvan.render_bytes(doc)
    all_parts_parse(out)
    # congvan breaks a line wider than its column into paragraphs: compare the words in order.
    rendered = " ".join(" ".join(document_texts(out)).split())
    expected = normalize_text(text)
    if upper_case:
        expected = upper(expected)
    for line in expected.split("\n"):
        # The renderer adds Decree 30 punctuation at the ends (Kính gửi, Nơi nhận), nothing inside.
        core = " ".join(line.strip(" ;.,-–").split())
        if field == "trich_yeu":  # "V/v" or "Về việc" typed again is dropped (docs/input.md)
            core = re.sub(r"^(v/v|về việc)\s*[:.]?\s*", "", core, flags=re.IGNORECASE)
        assert core in rendered, (field, line)
