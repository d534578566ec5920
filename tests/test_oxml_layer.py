"""One XML layer (issue 10): the renderer builds XML as elements, never as text.

render/_oxml.py makes every element with python-docx's OxmlElement or lxml's SubElement, so a
user's text can only be an element's text or an attribute's value; units are converted in
render/_units.py. The builders are checked against the XML the former f-strings wrote (compared
canonically, C14N), and the source of render/ is checked for XML assembled as text.
"""

from __future__ import annotations

import ast
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from congvan.errors import TemplateError
from congvan.render import _oxml
from congvan.render.layout import build_template
from congvan.render.template import Template

RENDER = Path(__file__).resolve().parents[1] / "src" / "congvan" / "render"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# An XML start/end tag, a declaration or a namespace declaration; in a plain string (not an
# f-string, not bytes) only a prefixed tag counts ("<template>" names a template, not XML).
_XML_TEXT = re.compile(r"<[/?]?[A-Za-z_][\w.-]*(:[\w.-]+)?[\s/>]|xmlns[:=]")
_PREFIXED_TAG = re.compile(r"<[/?]?[A-Za-z_][\w.-]*:[\w.-]+|xmlns[:=]")


def xml_text_problems(source: str) -> list[str]:
    """Return where `source` writes XML as text: a tag inside an f-string or a literal, a
    ``parse_xml``/``nsdecls`` call, or a ``bytes.replace`` (a part patched by bytes)."""
    problems: list[str] = []
    tree = ast.parse(source)
    in_fstring = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                  for part in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if _XML_TEXT.search(text):
                problems.append(f"line {node.lineno}: XML in an f-string: {text[:60]!r}")
        elif isinstance(node, ast.Constant) and id(node) not in in_fstring:
            if isinstance(node.value, bytes) and _XML_TEXT.search(node.value.decode("latin-1")):
                problems.append(f"line {node.lineno}: XML in bytes: {node.value[:60]!r}")
            elif isinstance(node.value, str) and _PREFIXED_TAG.search(node.value):
                problems.append(f"line {node.lineno}: XML in a string: {node.value[:60]!r}")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("parse_xml", "nsdecls", "fromstring", "XML"):
                problems.append(f"line {node.lineno}: {name}() parses XML text")
            if name == "replace" and any(isinstance(a, ast.Constant) and isinstance(a.value, bytes)
                                         for a in node.args):
                problems.append(f"line {node.lineno}: bytes.replace on a part")
    return problems


def test_no_xml_is_written_as_text_in_render():
    found = {path.name: xml_text_problems(path.read_text(encoding="utf-8"))
             for path in sorted(RENDER.glob("*.py"))}
    # _oxml parses package parts read from a template (that is parsing, not writing): only there.
    found["_oxml.py"] = [p for p in found["_oxml.py"] if "fromstring() parses" not in p]
    assert {name: problems for name, problems in found.items() if problems} == {}


@pytest.mark.parametrize("source", [
    'x = f\'<w:p {W}><w:pPr><w:pStyle w:val="{s}"/></w:pPr></w:p>\'',
    'rels = rels.replace(b"</Relationships>", extra + b"</Relationships>", 1)',
    'el = parse_xml(f\'<w:tblInd {nsdecls("w")} w:w="0" w:type="dxa"/>\')',
    "d = b'<Default Extension=\"png\" ContentType=\"image/png\"/>'",
    "m = Markup('<w:p/>')",
])
def test_the_source_check_finds_xml_text(source):
    assert xml_text_problems(source)  # the check can fail: each former way is caught


# Factors between mm, pt, twips and EMU: only render/_units.py multiplies or divides by them.
_UNIT_FACTORS = {20, 25.4, 72, 1440, 36000, 914400, 12700, 635}


def unit_literals(source: str) -> list[str]:
    """Return where `source` converts units by hand (``* 20``, ``* 1440 / 25.4``, ``* 36000``)."""
    return [f"line {node.lineno}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div))
            and any(isinstance(side, ast.Constant) and side.value in _UNIT_FACTORS
                    and not isinstance(side.value, bool) for side in (node.left, node.right))]


def test_units_are_converted_in_one_module():
    found = {path.name: unit_literals(path.read_text(encoding="utf-8"))
             for path in sorted(RENDER.glob("*.py")) if path.name != "_units.py"}
    assert {name: lines for name, lines in found.items() if lines} == {}
    assert unit_literals("x = round(mm * 1440 / 25.4)") and unit_literals("frame = 2 * 20")


def c14n(xml: str | bytes | etree._Element) -> bytes:
    el = etree.fromstring(xml) if isinstance(xml, (str, bytes)) else xml
    return etree.tostring(el, method="c14n")


HOSTILE = '</w:t></w:r><w:r><w:t>x & "y" \'z\' <w:p/> ]]> {{ a }}'


def test_boxed_paragraph_is_the_former_xml_and_holds_any_text():
    p = _oxml.boxed_paragraph(HOSTILE, 40, 3000, "CVĐộmật", color="FF0000", height_twips=454)
    escaped = (HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    borders = "".join(f'<w:{s} w:val="single" w:sz="8" w:space="1" w:color="FF0000"/>'
                      for s in ("top", "left", "bottom", "right"))
    assert c14n(p) == c14n(
        f'<w:p {W}><w:pPr><w:pStyle w:val="CVĐộmật"/><w:pBdr>{borders}</w:pBdr>'
        f'<w:spacing w:line="374" w:lineRule="exact"/><w:ind w:left="40" w:right="3000"/>'
        f'<w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>')
    again = etree.fromstring(str(_oxml.markup(p)))
    assert [t.text for t in again.iter("{*}t")] == [HOSTILE]  # one run, the text intact


def test_rule_paragraph_is_the_former_xml():
    assert c14n(_oxml.rule_paragraph(1000, 4000, 0.75, "CVĐườngkẻ")) == c14n(
        f'<w:p {W}><w:pPr><w:pStyle w:val="CVĐườngkẻ"/><w:pBdr><w:top w:val="single" w:sz="6" '
        f'w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="1500" w:right="1500"/></w:pPr>'
        f'</w:p>')


def test_pictures_are_the_former_xml():
    p = _oxml.paragraph("CVChỗký")
    _oxml.add_inline_picture(p, "rIdA", 9001, "chu_ky", 100, 50)
    _oxml.add_anchored_picture(p, "rIdB", 9002, "dau", 30, 30, -7, 11, 2)
    a, pic, wp = ("http://schemas.openxmlformats.org/drawingml/2006/main",
                  "http://schemas.openxmlformats.org/drawingml/2006/picture",
                  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def graphic(rid, pic_id, name, cx, cy):
        return (f'<a:graphic xmlns:a="{a}"><a:graphicData uri="{pic}"><pic:pic xmlns:pic="{pic}">'
                f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="{name}"/><pic:cNvPicPr/>'
                f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
                f'</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
                f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                f'</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>')

    inline = (f'<w:r><w:drawing><wp:inline xmlns:wp="{wp}" xmlns:r="{r}" distT="0" distB="0" '
              f'distL="0" distR="0"><wp:extent cx="100" cy="50"/><wp:docPr id="9001" '
              f'name="chu_ky"/><wp:cNvGraphicFramePr/>{graphic("rIdA", 9001, "chu_ky", 100, 50)}'
              f'</wp:inline></w:drawing></w:r>')
    anchor = (f'<w:r><w:drawing><wp:anchor xmlns:wp="{wp}" xmlns:r="{r}" distT="0" distB="0" '
              f'distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" '
              f'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="column"><wp:posOffset>-7</wp:posOffset></wp:positionH>'
              f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>11</wp:posOffset>'
              f'</wp:positionV><wp:extent cx="30" cy="30"/><wp:effectExtent l="0" t="0" r="0" '
              f'b="0"/><wp:wrapNone/><wp:docPr id="9002" name="dau"/><wp:cNvGraphicFramePr/>'
              f'{graphic("rIdB", 9002, "dau", 30, 30)}</wp:anchor></w:drawing></w:r>')
    expected = (f'<w:p {W}><w:pPr><w:pStyle w:val="CVChỗký"/></w:pPr>{inline}{anchor}</w:p>')
    assert c14n(str(_oxml.markup(p))) == c14n(expected)


CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"


def test_png_declared_once_before_the_first_default():
    types = (f'<Types xmlns="{CT}"><Override PartName="/a.xml" ContentType="x"/>'
             f'<Default Extension="xml" ContentType="application/xml"/></Types>').encode()
    root = etree.fromstring(_oxml.declare_png(types))
    assert [(el.tag.split("}")[1], el.get("Extension")) for el in root] == [
        ("Override", None), ("Default", "png"), ("Default", "xml")]
    assert _oxml.declare_png(_oxml.declare_png(types)) == _oxml.declare_png(types)
    bare = etree.fromstring(_oxml.declare_png(f'<Types xmlns="{CT}"/>'.encode()))
    assert [el.get("ContentType") for el in bare] == ["image/png"]


def test_image_relationships_are_elements_whatever_the_ids():
    rels = _oxml.empty_rels()
    assert _oxml.add_image_rels(rels) == rels
    out = etree.fromstring(_oxml.add_image_rels(rels, [('rId"><x/>', "media/a&b.png")]))
    assert [(el.tag, el.get("Id"), el.get("Target")) for el in out] == [
        (f"{{{PR}}}Relationship", 'rId"><x/>', "media/a&b.png")]


def _template_with(part: str, blob: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(build_template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, blob if info.filename == part else source.read(info))
    return out.getvalue()


@pytest.mark.parametrize("part", ["word/_rels/document.xml.rels", "[Content_Types].xml"])
@pytest.mark.parametrize("blob", [b"<Relationships", b'<?xml version="1.0"?><Other/>',
                                  b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><r>&e;</r>',
                                  b'<!DOCTYPE Types [<!ENTITY e "x">]><Types xmlns="' + CT.encode()
                                  + b'">&e;</Types>'])
def test_a_malformed_package_part_is_refused_by_code(part, blob):
    with pytest.raises(TemplateError) as info:
        Template(_template_with(part, blob))
    assert info.value.code == "template.package"


def test_built_template_opens_and_keeps_its_parts():
    document = docx.Document(io.BytesIO(build_template()))
    assert document.sections[0].different_first_page_header_footer
