"""Documents for the checker tests, built from clean ones by changing exactly one thing.

``clean("cong_van")`` is the seed rendered by congvan; ``clean("quyet_dinh")`` is the seed turned
into a decision (tên loại, trích yếu with the rule under it, căn cứ, Chương/Mục, Điều/khoản/điểm)
with python-docx; ``clean("khan")`` is the seed rendered with an urgency and a secrecy stamp;
``clean("dia_chi")`` is the seed rendered with the drafter's mark (ô 12) and the address footer
(ô 13). Each of them must give no findings.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

import congvan
from congvan.measure import text_width_pt
from congvan.rules import LAYOUT, PAGE, STYLES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "cong-van-4172-UBND-VHTT.yaml"


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def paras(doc, part=None) -> list[Paragraph]:
    """Return every paragraph of the body (table cells included) or of `part`, in order."""
    root = part._element if part is not None else doc.element.body
    parent = part if part is not None else doc._body
    return [Paragraph(p, parent) for p in root.iter(qn("w:p"))]


def para(doc, start: str, part=None) -> Paragraph:
    """Return the first paragraph whose text starts with `start`."""
    for p in paras(doc, part):
        if p.text.startswith(start):
            return p
    raise LookupError(start)


def set_text(p: Paragraph, text: str) -> None:
    runs = p.runs
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def remove(p: Paragraph) -> None:
    p._p.getparent().remove(p._p)


def runs_set(p: Paragraph, **props) -> None:
    for r in p.runs:
        for key, value in props.items():
            if key == "size":
                r.font.size = Pt(value)
            else:
                setattr(r.font, key, value)


@cache
def _clean_bytes(kind: str) -> bytes:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    if kind == "khan":
        data["do_khan"] = "KHẨN"
        data["do_mat"] = "MẬT"
    if kind == "dia_chi":  # ô 12 and ô 13, as the Section V table of PL I prints them
        data["ky_hieu_nguoi_soan_thao"] = "PL.(300)"
        data["dia_chi"] = ["Số: 01 Trần Phú, thành phố Nha Trang, tỉnh Khánh Hòa",
                           "ĐT: 0258.3822000, Fax: 0258.3822001",
                           "E-Mail: ubnd@nhatrang.gov.vn, Website: nhatrang.gov.vn"]
    doc = congvan.loads(yaml.safe_dump(data, allow_unicode=True))
    raw = congvan.render_bytes(doc)
    if kind == "quyet_dinh":
        raw = to_bytes(_quyet_dinh(docx.Document(io.BytesIO(raw))))
    return raw


def clean(kind: str = "cong_van") -> docx.document.Document:
    """Return a fresh python-docx Document of the clean document `kind`."""
    return docx.Document(io.BytesIO(_clean_bytes(kind)))


def clean_bytes(kind: str = "cong_van") -> bytes:
    return _clean_bytes(kind)


def _quyet_dinh(doc):
    """Turn the rendered công văn into a quyết định (mẫu 1.2) by editing its paragraphs."""
    set_text(para(doc, "Số:"), "Số: 05/QĐ-UBND")
    for p in paras(doc):
        if p.style.name == "CV Trích yếu công văn" or p.style.name.startswith("CV Kính gửi"):
            remove(p)
    body = [p for p in paras(doc) if p.style.name == "CV Nội dung"]
    anchor = body[0]

    def before(text, *, bold=False, italic=False, center=False, size=None):
        p = anchor.insert_paragraph_before(text, style="CV Nội dung")
        if center:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Pt(0)
        for r in p.runs:
            r.font.bold = bold
            r.font.italic = italic
            if size:
                r.font.size = Pt(size)
        return p

    before("QUYẾT ĐỊNH", bold=True, center=True)
    subject = before("Về việc ban hành Quy chế làm việc", bold=True, center=True)
    rule_under(anchor, subject.text)
    before("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ", bold=True, center=True)
    before("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", italic=True)
    before("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;", italic=True)
    before("Theo đề nghị của Chánh Văn phòng.", italic=True)
    before("QUYẾT ĐỊNH:", bold=True, center=True)
    before("Chương I", bold=True, center=True)
    before("QUY ĐỊNH CHUNG", bold=True, center=True)
    before("Mục 1", bold=True, center=True)
    before("PHẠM VI ÁP DỤNG", bold=True, center=True)
    before("Điều 1. Ban hành Quy chế", bold=True)
    before("1. Phạm vi áp dụng:")
    before("a) Các phòng, ban;")
    before("b) Các xã, phường.")
    before("2. Hiệu lực thi hành.")
    before("Điều 2. Tổ chức thực hiện", bold=True)
    for p in body[:-1]:
        remove(p)
    set_text(body[-1], "Chánh Văn phòng và các đơn vị chịu trách nhiệm thi hành Quyết định này./.")
    entries = [p for p in paras(doc) if p.style.name == "CV Nơi nhận"]
    set_text(entries[0], "- Như Điều 2;")
    return doc


def rule_under(anchor: Paragraph, text: str) -> Paragraph:
    """Insert before `anchor` the rule under the trích yếu `text` (PL I §II.5.b): an empty centred
    paragraph whose top border is 1/3–1/2 as long as the line (congvan's ratio), as the renderer
    draws the rule under the issuing body."""
    width = text_width_pt(text, STYLES["trich_yeu"].size, bold=True) * 25.4 / 72
    side = (PAGE.text_width - LAYOUT.co_quan_rule_ratio * width) / 2
    p = anchor.insert_paragraph_before(style="CV Đường kẻ")
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side * 72 / 25.4)
    p.paragraph_format.first_line_indent = Pt(0)
    p_pr = p._p.get_or_add_pPr()
    border = parse_xml(f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" '
                       'w:color="000000"/></w:pBdr>')
    p_pr.insert(p_pr.index(p_pr.find(qn("w:pStyle"))) + 1, border)
    return p


def copy_doc(doc):
    return copy.deepcopy(doc)


def edit_part(data: bytes, name: str, edit: Callable[[bytes], bytes]) -> bytes:
    """Return the .docx `data` with its member `name` replaced by `edit` of it, every other
    member as it was (a file another program wrote, changed in one place)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info)
            dst.writestr(info, edit(member) if info.filename == name else member)
    return out.getvalue()
