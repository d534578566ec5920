"""From a document model to the context a template renders: already formatted strings and blocks.

Every string here is final text (upper-cased where Decree 30 prints upper case, punctuated, padded);
templates only place it. Multi-line components are lists of lines, so a template puts each line in a
paragraph of its own: the clerk's own line breaks, and those congvan makes where a line is wider
than its column (between word groups, never inside a proper name: ``formatting.break_lines``).
``cot_trai``/``cot_phai`` are the header's column widths in twips, chosen so that the date line
holds on one line. The body (``noi_dung``), an attached text (``van_ban_kem_theo``, mẫu 1.3) and
each phụ lục are `congvan.noi_dung.blocks` (numbered paragraphs and tables), which the renderer
turns
into Word paragraphs. Both the shipped templates and a user's own take exactly these keys
(``CONTEXT_KEYS``), so they see identical text.

One builder per layout family composes the components its types have (``rules.LOAI_VAN_BAN``):
the công văn (mẫu 1.5) and the documents with a tên loại (mẫu 1.1–1.4). Each decision (one
recipient inline or a list, where the căn cứ end, which section is last) is made here, once.

>>> from congvan.io import load
>>> ctx = build_context(load("examples/cong-van-4172-UBND-VHTT.yaml"))
>>> ctx["so_ky_hieu"], ctx["dia_danh_thoi_gian"]
('Số: 4172/UBND-VHTT', 'Nha Trang, ngày 01 tháng 7 năm 2021')
>>> ctx["tham_quyen"]
['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from . import formatting as fmt
from ._memo import Memo
from .measure import text_width_pt
from .models import (
    BanSao,
    BenHopDong,
    BienBan,
    CongDien,
    CongVan,
    GiayGioiThieu,
    GiayMoi,
    GiayNghiPhep,
    HopDong,
    NguoiKy,
    ThuCong,
    VanBan,
    VanBanCoTenLoai,
)
from .noi_dung import end_with_period
from .noi_dung.blocks import Block, Paragraph, Run, SectionBreak
from .rules import (
    DU_THAO,
    DU_THAO_LAN,
    GIAY_GIOI_THIEU,
    GIAY_MOI,
    GIAY_NGHI_PHEP,
    KET_THUC_BIEN_BAN,
    LAYOUT,
    LOAI_VAN_BAN,
    NHAN_BIEN_BAN,
    NHAN_CHU_TOA,
    NHAN_DAI_DIEN,
    NHAN_DIEN,
    NHAN_THU_KY,
    PAGE,
    QUOC_HIEU,
    STYLES,
    THANH_PHAN,
    TIEU_NGU,
    TWIPS_PER_MM,
    ThamQuyen,
)
from .vietnamese.dates import format_thu_ngay
from .vietnamese.text import upper

__all__ = ["CONTEXT_KEYS", "TEMPLATE_OF", "build_context", "template_name", "template_of"]

#: Every key build_context provides; a template may use any of them and no other.
CONTEXT_KEYS = frozenset({
    "quoc_hieu", "tieu_ngu", "co_quan_chu_quan", "co_quan_ban_hanh", "so_ky_hieu",
    "dia_danh_thoi_gian", "ten_loai", "trich_yeu", "kinh_gui", "kinh_gui_mot_dong", "noi_dung",
    "van_ban_kem_theo", "phu_luc", "noi_nhan", "tham_quyen", "ho_ten", "tieu_de",
    "do_mat", "do_khan", "pham_vi_luu_hanh", "dia_chi", "cot_trai", "cot_phai",
    "xac_nhan",
    "du_thao",
    # A second signature block, left of the signer's (mẫu 1.9's THƯ KÝ): its lines and name.
    "ky_trai", "ho_ten_trai",
    # A joint document's further signature blocks, two to a row: [{"trai": {"dong", "ho_ten"},
    # "phai": …}, …] (practice, shared/decree30.md §3.3).
    "ky_them",
    # Mẫu 1.6: "<body or head's title> điện:" over the addressees (in ``kinh_gui``).
    "dien",
})

#: The shipped template of each layout family (rules.THANH_PHAN's ``ho``): the công văn's, and the
#: one of every type with a tên loại (mẫu 1.1–1.4).
TEMPLATE_OF = {"cong_van": "cong_van", "nghi_quyet": "van_ban", "quyet_dinh": "van_ban",
               "co_ten_loai": "van_ban",
               "giay": "giay",
               "bien_ban": "bien_ban",
               "cong_dien": "cong_dien",
               "hop_dong": "hop_dong",
               }

_PT_PER_MM = 72 / 25.4


def template_name(loai_van_ban: str) -> str:
    """Return the shipped template a type is rendered with.

    >>> template_name("cong_van"), template_name("ke_hoach")
    ('cong_van', 'van_ban')
    """
    return TEMPLATE_OF[THANH_PHAN[loai_van_ban].ho]


def template_of(doc: VanBan) -> str:
    """Return the shipped template `doc` is rendered with: its type's, or the joint document's
    (two signature blocks) when it has a co-issuer (practice, shared/decree30.md §3.3)."""
    if getattr(doc, "co_quan_lien_tich", None):
        return "lien_tich"
    return template_name(doc.loai_van_ban)


def _measure(style: str, *, upper_case: bool) -> Callable[[str], float]:
    s = STYLES[style]
    return lambda line: text_width_pt(upper(line) if upper_case else line, s.size, bold=s.bold,
                                      italic=s.italic)


#: Lines broken by width, by (lines, style, column, case, name): a pure function of them, and a
#: batch's rows share most (the issuer, the signer's title); kept as tuples, handed out as lists.
_FITTED: Memo[tuple[str, ...]] = Memo(1024)


def _fit(lines: list[str], style: str, column_mm: float, *, upper_case: bool,
         name: bool) -> list[str]:
    """Return `lines` (the clerk's), each broken further where it is wider than `column_mm`."""
    if sum(map(len, lines)) > 2_000:  # not kept: bounded memory
        return _fit_lines(lines, style, column_mm, upper_case=upper_case, name=name)
    key = (tuple(lines), style, column_mm, upper_case, name)
    kept = _FITTED.get(key)
    if kept is None:
        kept = tuple(_fit_lines(lines, style, column_mm, upper_case=upper_case, name=name))
        _FITTED.put(key, kept)
    return list(kept)


def _fit_lines(lines: list[str], style: str, column_mm: float, *, upper_case: bool,
               name: bool) -> list[str]:
    width = (column_mm - LAYOUT.line_slack) * _PT_PER_MM
    measure = _measure(style, upper_case=upper_case)
    out: list[str] = []
    for line in lines:
        out += fmt.break_lines(line, width, measure, name=name)
    return [upper(line) for line in out] if upper_case else out


@lru_cache(maxsize=256)
def _header_columns(date_line: str) -> tuple[float, float]:
    """Return the header's column widths (mm) for the date line (a pure function of it: a batch's
    rows share one date, measured once)."""
    return fmt.header_columns(_measure("dia_danh_thoi_gian", upper_case=False)(date_line)
                              / _PT_PER_MM)


def _lines(text: str | None) -> list[str]:
    return text.split("\n") if text else []


def _para(kind: Any, text: str, *, keep_next: bool = False) -> Paragraph:
    return Paragraph(kind, (Run(text),), keep_next=keep_next)


def build_context(doc: VanBan) -> dict[str, Any]:
    """Return the template context of `doc`: formatted strings, lists of them, blocks, widths."""
    ctx = _common(doc)
    _FAMILY[template_of(doc)](doc, ctx)
    ctx["tieu_de"] = f"{ctx['so_ky_hieu']} " + " ".join(
        ctx["trich_yeu"] if isinstance(doc, CongVan) else [ctx["ten_loai"], *ctx["trich_yeu"]])
    assert ctx.keys() == CONTEXT_KEYS, ctx.keys() ^ CONTEXT_KEYS
    return ctx


def _common(doc: VanBan) -> dict[str, Any]:
    """Return the components every type has: header, number, date, signature, Nơi nhận, stamps."""
    nguoi_ky = doc.nguoi_ky
    date_line = fmt.format_dia_danh_thoi_gian(doc.dia_danh, doc.ngay)
    left, right = _header_columns(date_line)
    tham_quyen = _tham_quyen(nguoi_ky)
    phu_luc = _phu_luc(doc)
    return {
        "quoc_hieu": QUOC_HIEU,
        "tieu_ngu": TIEU_NGU,
        "co_quan_chu_quan": _fit(_lines(doc.co_quan_chu_quan), "co_quan_chu_quan", left,
                                 upper_case=True, name=True),
        "co_quan_ban_hanh": _fit(_lines(doc.co_quan_ban_hanh.ten), "co_quan_ban_hanh", left,
                                 upper_case=True, name=True),
        "so_ky_hieu": fmt.format_so_ky_hieu(doc.so_ky_hieu),
        "dia_danh_thoi_gian": date_line,
        "ten_loai": "",
        "trich_yeu": [],
        "kinh_gui": [],
        "kinh_gui_mot_dong": "",
        "noi_dung": (),
        "van_ban_kem_theo": (),
        "phu_luc": phu_luc,
        # Ô 12: the drafter's initials in upper case (PL I §III.3).
        "noi_nhan": fmt.format_noi_nhan([(n.ten, n.ghi_chu) for n in doc.noi_nhan], doc.noi_luu,
                                        upper(doc.ky_hieu_nguoi_soan_thao or "") or None),
        "tham_quyen": tham_quyen,
        "ho_ten": nguoi_ky.ho_ten,
        "do_mat": doc.do_mat.value if doc.do_mat else "",
        "do_khan": doc.do_khan.value if doc.do_khan else "",
        "pham_vi_luu_hanh": upper(doc.pham_vi_luu_hanh) if doc.pham_vi_luu_hanh else "",
        "dia_chi": list(doc.dia_chi),
        "cot_trai": round(left * TWIPS_PER_MM),
        "cot_phai": round(right * TWIPS_PER_MM),
        "xac_nhan": [],
        "du_thao": _du_thao(doc.du_thao),
        "ky_trai": [],
        "ho_ten_trai": "",
        "ky_them": [],
        "dien": "",
    }


def _du_thao(du_thao: bool | int | None) -> str:
    """The draft mark: ``DỰ THẢO``, or ``DỰ THẢO LẦN 2`` (shared/decree30.md §3.12, UNCONFIRMED
    practice from Circular 01/2011); "" when the document is not a draft."""
    if du_thao is None or du_thao is False:
        return ""
    return DU_THAO if du_thao is True else DU_THAO_LAN.format(lan=du_thao)


def _tham_quyen(nguoi_ky: NguoiKy) -> list[str]:
    """Ô 7a–7b: each authority line (a clerk's line break kept) in the signature column (PL I
    §II.7)."""
    tham_quyen: list[str] = []
    titles: list[tuple[ThamQuyen | None, str]] = [(t.loai, t.chuc_danh)
                                                  for t in nguoi_ky.tham_quyen]
    if nguoi_ky.chuc_vu:
        titles.append((None, nguoi_ky.chuc_vu))
    for prefix, title in titles:
        lines = _lines(title)
        if prefix is not None:
            lines[0] = f"{prefix.value} {lines[0]}"
        tham_quyen += _fit(lines, "tham_quyen", LAYOUT.footer_right, upper_case=True, name=True)
    return tham_quyen


def _kinh_gui(ctx: dict[str, Any], kinh_gui: Sequence[str]) -> None:
    """Ô 9a: one recipient on the ``Kính gửi:`` line, several as a list under it (PL I §II.9.d)."""
    lines = fmt.format_kinh_gui(list(kinh_gui)) if kinh_gui else []
    if len(lines) == 1:
        ctx["kinh_gui_mot_dong"] = lines[0]
    else:
        ctx["kinh_gui"] = lines


def _cong_van(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Mẫu 1.5: ``V/v`` under the số in the left column, Kính gửi, the body."""
    assert isinstance(doc, CongVan)
    left = ctx["cot_trai"] / TWIPS_PER_MM
    ctx["trich_yeu"] = _fit(fmt.format_trich_yeu_cong_van(doc.trich_yeu),
                            "trich_yeu_cong_van", left, upper_case=False, name=False)
    _kinh_gui(ctx, doc.kinh_gui)
    ctx["noi_dung"] = _body(doc)


def _co_ten_loai(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Mẫu 1.1–1.4: tên loại and trích yếu centred under the header, the rule under them; the
    authority line, căn cứ and decision line (mẫu 1.1–1.3) open the body."""
    ctx["ten_loai"] = _ten_loai(doc)
    ctx["trich_yeu"] = _fit(_lines(getattr(doc, "trich_yeu", None)), "trich_yeu",
                            PAGE.text_width, upper_case=False, name=False)
    _kinh_gui(ctx, getattr(doc, "kinh_gui", ()))
    opening: list[Block] = []
    authority = getattr(doc, "tham_quyen_ban_hanh", None)
    # Mẫu 1.1–1.3: the authority line, centred, upper case; a Hội đồng's term and session on a
    # line of their own when the clerk breaks it ("KHÓA XII, KỲ HỌP THỨ 14").
    opening += [_para("tham_quyen_ban_hanh", line, keep_next=True)
                for line in _fit(_lines(authority), "tham_quyen_ban_hanh", PAGE.text_width,
                                 upper_case=True, name=True)]
    opening += [_para("can_cu", line) for line in fmt.format_can_cu(getattr(doc, "can_cu", []))]
    decision = THANH_PHAN[doc.loai_van_ban].dong_quyet_dinh
    if decision:
        opening.append(_para("quyet_dinh", decision, keep_next=True))
    ctx["noi_dung"] = (*opening, *_body(doc))
    ctx["van_ban_kem_theo"] = _kem_theo(doc)


def _ten_loai(doc: VanBan) -> str:
    """Return ô 5a: the type's printed name, or a thư công's own (THƯ CHÚC MỪNG; practice,
    rules.THU_CONG_TIEN_TO)."""
    if isinstance(doc, ThuCong):
        return upper(doc.ten_thu)
    ten_loai = LOAI_VAN_BAN[doc.loai_van_ban].ten_loai
    assert ten_loai is not None
    return ten_loai


def _body(doc: VanBan) -> tuple[Block, ...]:
    """Return the body's blocks, numbered, references resolved, the last ending ``./.``."""
    return end_with_period(doc.body().noi_dung)


def _kem_theo(doc: VanBan) -> tuple[Block, ...]:
    """Mẫu 1.3: the attached Quy chế/Quy định on a page of its own, with its tên loại, trích yếu and
    the ``(Kèm theo Quyết định số … ngày … của …)`` line: its number and date are the decision's."""
    attached = getattr(doc, "van_ban_kem_theo", None)
    if attached is None:
        return ()
    loai = LOAI_VAN_BAN[attached.loai_van_ban]
    assert loai.ten_loai is not None
    head: list[Block] = [_para("ten_loai", loai.ten_loai, keep_next=True)]
    head += [_para("trich_yeu", line, keep_next=True)
             for line in _fit(_lines(attached.trich_yeu), "trich_yeu", PAGE.text_width,
                              upper_case=False, name=False)]
    head += [_para("kem_theo", _kem_theo_line(doc), keep_next=True),
             Paragraph("duong_ke", keep_next=True)]
    return (*head, *end_with_period(doc.body().van_ban_kem_theo or ()))


def _kem_theo_line(doc: VanBan) -> str:
    """Return ``(Kèm theo <Loại> số … ngày … của <issuer>)`` for `doc`'s attachments."""
    loai = LOAI_VAN_BAN[doc.loai_van_ban]
    authority = getattr(doc, "tham_quyen_ban_hanh", None)
    issuer = _lines(authority)[0] if authority else " ".join(_lines(doc.co_quan_ban_hanh.ten))
    return fmt.format_kem_theo(loai.ten_trong_cau, doc.so_ky_hieu, doc.ngay, issuer)


def _phu_luc(doc: VanBan) -> tuple[Block, ...]:
    """Return the phụ lục (mẫu 2.1), each opening a section of its own: new pages, landscape if it
    says so, numbered from 1 (PL I §III.1.đ); then its heading, title, ``(Kèm theo …)`` line, rule
    and body."""
    out: list[Block] = []
    bodies = doc.body().phu_luc
    for i, (pl, blocks) in enumerate(zip(doc.phu_luc, bodies, strict=True)):
        out += [SectionBreak(landscape=pl.ngang),
                _para("phu_luc", fmt.format_phu_luc(i, len(bodies)), keep_next=True)]
        if pl.tieu_de:
            out.append(_para("tieu_de_phu_luc", upper(pl.tieu_de), keep_next=True))
        out += [_para("kem_theo", _kem_theo_line(doc), keep_next=True),
                Paragraph("duong_ke", keep_next=True), *end_with_period(blocks)]
    return tuple(out)


def _giay(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Mẫu 1.7, 1.8, 1.10: the type name (and a giấy mời's trích yếu) with the rule under it, then
    the lines the mẫu labels, filled from the fields, as body paragraphs; a note typed in
    ``noi_dung`` after them; the last ends ``./.``."""
    loai = LOAI_VAN_BAN[doc.loai_van_ban]
    assert loai.ten_loai is not None
    ctx["ten_loai"] = loai.ten_loai
    ctx["trich_yeu"] = _fit(_lines(getattr(doc, "trich_yeu", None)), "trich_yeu",
                            PAGE.text_width, upper_case=False, name=False)
    issuer = " ".join(_lines(doc.co_quan_ban_hanh.ten))
    first: list[Block] = []
    if isinstance(doc, GiayMoi):
        lines = _giay_moi(doc, issuer)
    elif isinstance(doc, GiayGioiThieu):
        lines = _giay_gioi_thieu(doc, issuer)
        # Mẫu 1.8 centres its opening line, "<Body> trân trọng giới thiệu:".
        opening, *lines = lines
        first = [_para("gioi_thieu", opening)]
    else:
        assert isinstance(doc, GiayNghiPhep)
        lines = _giay_nghi_phep(doc, issuer)
        if doc.xac_nhan_noi_nghi:
            ctx["xac_nhan"] = _fit(_lines(GIAY_NGHI_PHEP.nhan["xac_nhan"]), "xac_nhan",
                                   LAYOUT.footer_left, upper_case=False, name=False)
    ctx["noi_dung"] = end_with_period((*first, *(_para("doan", line) for line in lines),
                                       *doc.body().noi_dung))


def _ngay(value: Any) -> str:
    """Return the date of a labelled line the decree's way, after its label's "ngày": "01 tháng
    7 năm 2021" (PL I §II.4.b)."""
    return fmt.format_ngay(value).removeprefix("ngày ")


def format_thoi_gian(gio: Any, ngay: Any) -> str:
    """Return a giấy mời's time the Vietnamese way, the weekday computed from the date.

    >>> from datetime import date, time
    >>> format_thoi_gian(time(8, 0), date(2021, 7, 1))
    '08 giờ 00 phút, thứ Năm, ngày 01 tháng 7 năm 2021'
    """
    thu = format_thu_ngay(ngay)
    return f"{gio.hour:02d} giờ {gio.minute:02d} phút, {thu[:1].lower()}{thu[1:]}"


def _giay_moi(doc: GiayMoi, issuer: str) -> list[str]:
    """Mẫu 1.7: one invitee on the opening line, several as a "- …;" list under it."""
    nhan = GIAY_MOI.nhan
    opening = f"{issuer} {GIAY_MOI.mo_dau}"
    khach = fmt.format_kinh_gui(list(doc.khach_moi))
    head = [f"{opening} {khach[0]}"] if len(khach) == 1 else [opening, *khach]
    return [*head, f"{nhan['toi_du']} {doc.toi_du}", f"{nhan['chu_tri']} {doc.chu_tri}",
            f"{nhan['thoi_gian']} {format_thoi_gian(doc.gio_hop, doc.ngay_hop)}",
            f"{nhan['dia_diem']} {doc.dia_diem}"]


def _giay_gioi_thieu(doc: GiayGioiThieu, issuer: str) -> list[str]:
    """Mẫu 1.8, the validity date the decree's way."""
    nhan = GIAY_GIOI_THIEU.nhan
    return [f"{issuer} {GIAY_GIOI_THIEU.mo_dau}", f"{nhan['ho_ten']} {doc.ho_ten}",
            f"{nhan['chuc_vu']} {doc.chuc_vu}", f"{nhan['duoc_cu_den']} {doc.duoc_cu_den}",
            f"{nhan['ve_viec']} {doc.ve_viec}", nhan["de_nghi"],
            f"{nhan['co_gia_tri_den']} {_ngay(doc.co_gia_tri_den)}"]


def _giay_nghi_phep(doc: GiayNghiPhep, issuer: str) -> list[str]:
    """Mẫu 1.10: the days counted from the two dates (GiayNghiPhep.so_ngay_nghi), written with
    two digits as the decree writes small numbers in dates (practice)."""
    nhan = GIAY_NGHI_PHEP.nhan
    return [f"{nhan['xet_don']} {_ngay(doc.ngay_don)} {nhan['cua']} {doc.ho_ten}, {issuer} "
            f"{GIAY_NGHI_PHEP.mo_dau}",
            f"{nhan['ho_ten']} {doc.ho_ten}", f"{nhan['chuc_vu']} {doc.chuc_vu}",
            f"{nhan['duoc_nghi']} {doc.so_ngay_nghi:02d} ngày, {nhan['tu_ngay']} "
            f"{_ngay(doc.tu_ngay)} {nhan['den_ngay']} {_ngay(doc.den_ngay)} {nhan['tai']} "
            f"{doc.noi_nghi}",
            f"{nhan['tinh_vao']} {doc.tinh_vao}"]
def _level(left: list[str], right: list[str]) -> tuple[list[str], list[str]]:
    """Return two signature blocks' lines padded with empty lines to the same count, so that their
    signature rooms and names stand level (PL III mẫu 1.9: "Họ và tên" on one line across)."""
    n = max(len(left), len(right))
    return left + [""] * (n - len(left)), right + [""] * (n - len(right))


def _bien_ban(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Mẫu 1.9: no place/date line; BIÊN BẢN and the meeting's name; the labelled lines (start
    time, place, participants, chair, secretary), the body, the closing line with the end time;
    THƯ KÝ left and CHỦ TỌA right, the chair's government title under CHỦ TỌA if given (note 5)."""
    assert isinstance(doc, BienBan)
    _co_ten_loai(doc, ctx)
    ctx["dia_danh_thoi_gian"] = ""
    nhan = NHAN_BIEN_BAN
    start = f"{fmt.format_gio_phut(doc.thoi_gian_bat_dau)}, {fmt.format_ngay(doc.ngay)}"
    opening: list[Block] = [_para("doan", f"{nhan['thoi_gian_bat_dau']}: {start}."),
                            _para("doan", f"{nhan['dia_diem']}: {fmt.end_with(doc.dia_diem, '.')}")]
    people = doc.thanh_phan_tham_du
    if len(people) == 1:
        who = fmt.end_with(people[0], ".")
        opening.append(_para("doan", f"{nhan['thanh_phan_tham_du']}: {who}"))
    else:
        opening.append(_para("doan", f"{nhan['thanh_phan_tham_du']}:", keep_next=True))
        opening += [_para("gach", line) for line in fmt.format_kinh_gui(list(people))]
    thu_ky = ", ".join(t for t in (doc.thu_ky.ho_ten, doc.thu_ky.chuc_vu) if t)
    opening += [_para("doan", f"{nhan['chu_tri']}: {fmt.end_with(doc.chu_tri, '.')}"),
                _para("doan", f"{nhan['thu_ky']}: {fmt.end_with(thu_ky, '.')}"),
                _para("doan", f"{nhan['noi_dung']}:", keep_next=True)]
    end_day = doc.ngay_ket_thuc
    ngay = f", {fmt.format_ngay(end_day)}" if end_day and end_day != doc.ngay else " cùng ngày"
    closing = _para("doan", KET_THUC_BIEN_BAN.format(
        gio=fmt.format_gio_phut(doc.thoi_gian_ket_thuc), ngay=ngay))
    ctx["noi_dung"] = (*opening, *doc.body().noi_dung, closing)
    chair = [NHAN_CHU_TOA] + (
        _fit(_lines(doc.nguoi_ky.chuc_vu), "chuc_vu", LAYOUT.footer_right, upper_case=True,
             name=True) if doc.nguoi_ky.chuc_vu else [])
    ctx["ky_trai"], ctx["tham_quyen"] = _level([NHAN_THU_KY], chair)
    ctx["ho_ten_trai"] = doc.thu_ky.ho_ten


def _cong_dien(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Mẫu 1.6: CÔNG ĐIỆN and the subject; ``<body or head's title> điện:`` with the addressees
    as a ``- …;`` list under it, the last ending ``.`` (one addressee too, as the sample draws
    it); the body."""
    assert isinstance(doc, CongDien)
    _co_ten_loai(doc, ctx)
    sender = doc.co_quan_dien or " ".join(_lines(doc.co_quan_ban_hanh.ten))
    ctx["dien"] = f"{fmt.end_with(sender, '').rstrip(':')} {NHAN_DIEN}:"
    last = len(doc.noi_nhan_dien) - 1
    ctx["kinh_gui"] = [f"- {fmt.end_with(r, '.' if i == last else ';')}"
                       for i, r in enumerate(doc.noi_nhan_dien)]
    ctx["kinh_gui_mot_dong"] = ""


def _hop_dong(doc: VanBan, ctx: dict[str, Any]) -> None:
    """Hợp đồng, bản ghi nhớ, bản thỏa thuận: the decree gives no mẫu (shared/decree30.md §5), so
    this is common practice: the header, ô 4 and the type name with the subject as mẫu 1.4; the
    căn cứ; each party's particulars (name, address, representative …); the articles; the two
    parties' blocks side by side, "ĐẠI DIỆN BÊN A" left and "ĐẠI DIỆN BÊN B" right, each with its
    own authority lines, signature room and name; a Nơi nhận only when one is given."""
    assert isinstance(doc, HopDong)
    _co_ten_loai(doc, ctx)
    ten_a = doc.ben_a.ten or " ".join(_lines(doc.co_quan_ban_hanh.ten))
    parties: list[Block] = []
    for ben, ten, signer in (("A", ten_a, doc.nguoi_ky), ("B", doc.ben_b.ten or "",
                                                          doc.ben_b.nguoi_ky)):
        assert signer is not None
        parties += _ben(ben, ten, getattr(doc, f"ben_{ben.lower()}"), signer)
    body = ctx["noi_dung"]
    cut = len(body) - len(_body(doc))  # the căn cứ come first, then the parties, then the body
    ctx["noi_dung"] = (*body[:cut], *parties, *body[cut:])
    left = [f"{NHAN_DAI_DIEN} A", *ctx["tham_quyen"]]
    assert doc.ben_b.nguoi_ky is not None
    right = [f"{NHAN_DAI_DIEN} B", *_tham_quyen(doc.ben_b.nguoi_ky)]
    ctx["ky_trai"], ctx["tham_quyen"] = _level(left, right)
    ctx["ho_ten_trai"], ctx["ho_ten"] = doc.nguoi_ky.ho_ten, doc.ben_b.nguoi_ky.ho_ten
    if not doc.noi_nhan:
        ctx["noi_nhan"] = []


def _ben(ben: str, ten: str, info: BenHopDong, signer: NguoiKy) -> list[Block]:
    """Return one party's lines: ``Bên A: <name>`` bold, then its particulars (practice)."""
    out: list[Block] = [Paragraph("doan", (Run(f"Bên {ben}: ", bold=True),
                                           Run(fmt.end_with(ten, ""), bold=True)), keep_next=True)]
    for label, value in (("Địa chỉ", info.dia_chi), ("Điện thoại", info.dien_thoai),
                         ("Mã số thuế", info.ma_so_thue), ("Số tài khoản", info.tai_khoan)):
        if value:
            out.append(_para("doan", f"{label}: {fmt.end_with(value, '.')}", keep_next=True))
    title = " ".join(_lines(signer.chuc_vu)) if signer.chuc_vu else ""
    who = f"{signer.ho_ten}, chức vụ: {title}" if title else signer.ho_ten
    out.append(_para("doan", f"Đại diện: {fmt.end_with(who, '.')}"))
    return out


def _lien_tich(doc: VanBan, ctx: dict[str, Any]) -> None:
    """A joint document (văn bản liên tịch): practice outside the decree's text (shared/
    decree30.md §3.3). The lead's name then the co-issuers', stacked in the left header column
    under one rule; the ký hiệu names them all (models); one signature block per body, each with
    its own authority lines: the first co-issuer left of the lead (where its seal and signature
    image go, as on every other type), the others two to a row below."""
    assert isinstance(doc, VanBanCoTenLoai)
    _co_ten_loai(doc, ctx)
    left = ctx["cot_trai"] / TWIPS_PER_MM
    bodies = doc.co_quan_lien_tich
    for co in bodies:
        ctx["co_quan_ban_hanh"] += _fit(_lines(co.ten), "co_quan_ban_hanh", left,
                                        upper_case=True, name=True)
    first, *others = [co.nguoi_ky for co in bodies]
    ctx["ky_trai"], ctx["tham_quyen"] = _level(_tham_quyen(first), ctx["tham_quyen"])
    ctx["ho_ten_trai"] = first.ho_ten
    # Further co-issuers two to a row under the first, left then right.
    for left_signer, right_signer in itertools.zip_longest(others[::2], others[1::2]):
        trai, phai = _level(_tham_quyen(left_signer),
                            _tham_quyen(right_signer) if right_signer else [])
        ctx["ky_them"].append({
            "trai": {"dong": trai, "ho_ten": left_signer.ho_ten},
            "phai": {"dong": phai, "ho_ten": right_signer.ho_ten if right_signer else ""}})


#: The context builder of each shipped template's family.
_FAMILY: dict[str, Callable[[VanBan, dict[str, Any]], None]] = {
    "cong_van": _cong_van, "van_ban": _co_ten_loai,
    "giay": _giay,
    "bien_ban": _bien_ban,
    "cong_dien": _cong_dien,
    "hop_dong": _hop_dong,
    "lien_tich": _lien_tich,
}


def build_ban_sao_context(ban_sao: BanSao) -> dict[str, Any]:
    """Return the context of the copy block (PL I Phần II, mẫu 3.1): the copying body, the form of
    copy, ``Số: 05/SY-VP``, place and date, the signer's authority lines, Nơi nhận (ending with
    ``- Lưu: VT.``). The header columns are the fixed ones (no Quốc hiệu to fit)."""
    left, right = LAYOUT.header_left, LAYOUT.header_right
    nguoi_ky = ban_sao.nguoi_ky
    tham_quyen = _tham_quyen(nguoi_ky)  # as _common's signature block (PL I §II.7)
    return {
        "co_quan_chu_quan": _fit(_lines(ban_sao.co_quan_chu_quan), "co_quan_chu_quan", left,
                                 upper_case=True, name=True),
        "co_quan_ban_hanh": _fit(_lines(ban_sao.co_quan_sao.ten), "co_quan_ban_hanh", left,
                                 upper_case=True, name=True),
        "hinh_thuc_sao": ban_sao.ten_hinh_thuc,
        "so_ky_hieu": fmt.format_so_ky_hieu(ban_sao.so_ky_hieu),
        "dia_danh_thoi_gian": fmt.format_dia_danh_thoi_gian(ban_sao.dia_danh, ban_sao.ngay),
        "noi_nhan": fmt.format_noi_nhan([(n.ten, n.ghi_chu) for n in ban_sao.noi_nhan],
                                        ban_sao.noi_luu),
        "tham_quyen": tham_quyen,
        "ho_ten": nguoi_ky.ho_ten,
        "cot_trai": round(left * TWIPS_PER_MM),
        "cot_phai": round(right * TWIPS_PER_MM),
        # What layout.dynamic_parts reads (the rule under the body's name, the signature room).
        "ten_loai": "", "trich_yeu": [], "do_mat": "", "do_khan": "", "pham_vi_luu_hanh": "",
        "du_thao": "",
    }
