"""templates/*.docx are what layout.py builds; templates are checked against the context keys."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

import congvan
from congvan.render import CONTENT_KEYS, TEMPLATE_KEYS
from congvan.render.layout import TEMPLATE_NAMES, build_template
from congvan.render.template import Template, template_dir

ROOT = Path(__file__).resolve().parents[1]


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        # core.xml carries no date congvan sets, but python-docx may; compare every other part.
        return {n: package.read(n) for n in package.namelist() if n != "docProps/core.xml"}


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_committed_template_is_what_layout_builds(name):
    committed = (ROOT / "templates" / f"{name}.docx").read_bytes()
    assert parts(committed) == parts(build_template(name)), (
        f"templates/{name}.docx is stale: run `make templates` and commit it")


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_a_template_build_carries_no_build_time(name):
    """`make templates` on an unchanged layout leaves the committed files as they are."""
    with zipfile.ZipFile(io.BytesIO(build_template(name))) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    with zipfile.ZipFile(ROOT / "templates" / f"{name}.docx") as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_shipped_templates_use_only_context_keys(name):
    template = Template(template_dir() / f"{name}.docx")
    template.check(TEMPLATE_KEYS)
    assert {"so_ky_hieu", "noi_dung", "tham_quyen"} <= template.variables
    # Kính gửi is the công văn's and mẫu 1.4's (PL I §II.9.d); the giấy, the biên bản and the
    # contracts name their recipients otherwise.
    if name in ("cong_van", "van_ban", "lien_tich"):
        assert "kinh_gui" in template.variables


#: Placeholders that take whole paragraphs (Word XML congvan builds).
_BLOCK_KEYS = {"noi_dung", "van_ban_kem_theo", "phu_luc", "cho_ky"}


def user_template(text: str, *, whole: bool = False) -> bytes:
    """A one-paragraph template holding `text`; `whole` adds, after it, a paragraph for every part
    a document may have (a template that lacks one is refused when the document has that part)."""
    document = docx.Document()
    document.add_paragraph(text)
    for key in sorted(CONTENT_KEYS | {"cho_ky"}) if whole else ():
        document.add_paragraph(f"{{{{p {key} }}}}" if key in _BLOCK_KEYS else f"{{{{ {key} }}}}")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_a_users_own_template_renders_the_same_strings(seed):
    template = Template(user_template("{{ so_ky_hieu }} — {{ dia_danh_thoi_gian }}",
                                      whole=True))
    template.check(TEMPLATE_KEYS)
    out = congvan.render_bytes(seed, template=template)
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == (
        "Số: 4172/UBND-VHTT — Nha Trang, ngày 01 tháng 7 năm 2021")


def test_unknown_placeholder_is_a_template_error():
    template = Template(user_template("{{ so_hieu }}"), name="letterhead.docx")
    with pytest.raises(congvan.TemplateError) as exc:
        template.check(TEMPLATE_KEYS)
    assert exc.value.code == "template.unknown_key"
    assert "letterhead.docx" in str(exc.value) and "so_hieu" in str(exc.value)  # names both


def test_bad_jinja_is_a_template_error():
    with pytest.raises(congvan.TemplateError) as exc:
        Template(user_template("{% for x in %}"))
    assert exc.value.code == "template.syntax"


def test_not_a_docx_is_a_template_error(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(congvan.TemplateError) as exc:
        Template(bad)
    assert exc.value.code == "template.not_docx"


def test_sandbox_refuses_unsafe_template_code(seed):
    template = Template(user_template("{{ so_ky_hieu.__class__.__mro__ }}"))
    with pytest.raises(congvan.TemplateError):
        congvan.render_bytes(seed, template=template)


def test_render_with_a_template_that_lacks_keys_names_them(seed):
    template = Template(user_template("{{ so_hieu }}"), name="letterhead.docx")
    with pytest.raises(congvan.TemplateError, match="so_hieu"):
        congvan.render_bytes(seed, template=template)


# --- a user's copy made before congvan added a body style ---------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLD = ("CVGiớithiệu", "FootnoteText")  # styles added by later versions, as an old copy lacks them


def _styles(data: bytes) -> dict[str, bytes]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/styles.xml"))
    return {s.get(f"{_W}styleId"): etree.tostring(s) for s in root.iter(f"{_W}style")}


def _old_copy(name: str) -> bytes:
    """The shipped template `name` as Word saves a user's copy of an older congvan: without the
    styles of _OLD, and with its own CV Nội dung (12 pt before)."""
    word = docx.Document(str(template_dir() / f"{name}.docx"))
    for style in list(word.styles):
        if style.style_id in _OLD:
            style.element.getparent().remove(style.element)
    word.styles["CV Nội dung"].paragraph_format.space_before = docx.shared.Pt(12)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_an_old_copy_gets_the_body_styles_it_lacks_and_keeps_its_own():
    old = _old_copy("giay")
    assert not set(_OLD) & _styles(old).keys()
    doc = congvan.load(ROOT / "examples" / "giay-gioi-thieu-36-GGT-SGDDT.yaml")
    out = congvan.render_bytes(doc, template=congvan.Template(old))
    shipped, made = _styles(congvan.render_bytes(doc)), _styles(out)
    for sid in _OLD:  # the missing ones, as the shipped template defines them
        assert made[sid] == shipped[sid], sid
    assert made["CVNộidung"] == _styles(old)["CVNộidung"] != shipped["CVNộidung"]
    # The centred "… trân trọng giới thiệu:" line names a style the output defines: centred.
    word = docx.Document(io.BytesIO(out))
    line = next(p for p in word.paragraphs if p.text.endswith("trân trọng giới thiệu:"))
    assert line.style is not None and line.style.name == "CV Giới thiệu"
    assert line.style.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    assert congvan.check(out) == []


def test_a_copy_that_lacks_nothing_keeps_its_styles_part_as_it_is():
    with zipfile.ZipFile(template_dir() / "cong_van.docx") as package:
        styles = package.read("word/styles.xml")
    seed = congvan.load(ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml")
    out = congvan.render_bytes(seed, template=congvan.Template(
        template_dir() / "cong_van.docx"))
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        assert package.read("word/styles.xml") == styles


def test_a_malformed_styles_part_is_a_template_error():
    data = io.BytesIO()
    with zipfile.ZipFile(template_dir() / "cong_van.docx") as src, \
            zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"<w:styles" if item.filename == "word/styles.xml"
                         else src.read(item))
    with pytest.raises(congvan.TemplateError) as exc:
        congvan.Template(data.getvalue())
    assert exc.value.code == "template.package" and "word/styles.xml" in str(exc.value)
