"""Decree 30 rules, as data (Nghị định 30/2020/NĐ-CP về công tác văn thư, 05/3/2020).

This module is the one place that holds the sizes, positions, literals and tables of Decree 30. The
renderer, the models and the checker all read them from here; none of them writes a number of its
own. Every value carries a citation (``cite``): "PL I" is Appendix I (thể thức, kỹ thuật trình bày),
"PL III" Appendix III (bảng chữ viết tắt and the sample layouts, mẫu 1.1–3.2), "Đ." an article.

Where the decree gives a range (12–13 pt), the range is kept (``sizes``) and congvan's choice is
``size``; where the decree is silent, the value is common practice and says so in ``note`` with the
paraphrase section (shared/decree30.md §…) it follows. An amendment of the decree is a change of
this module only.

>>> LOAI_VAN_BAN["quyet_dinh"].viet_tat
'QĐ'
>>> LOAI_VAN_BAN["cong_van"].viet_tat is None
True
>>> len(LOAI_VAN_BAN)
29
>>> STYLES["quoc_hieu"].size, STYLES["tieu_ngu"].size
(12, 13)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType
from typing import Literal, TypeAlias

__all__ = [
    "CHU_CAI_DIEM",
    "DANH_TU_DIA_DANH",
    "DANH_TU_DON_VI",
    "DECREE",
    "DU_THAO",
    "DU_THAO_LAN",
    "FONT",
    "GIAY_GIOI_THIEU",
    "GIAY_MOI",
    "GIAY_NGHI_PHEP",
    "KET_THUC_BIEN_BAN",
    "KY_HIEU_BAN_SAO",
    "LAYOUT",
    "LOAI_VAN_BAN",
    "LUU_VAN_THU",
    "NHAN_BIEN_BAN",
    "NHAN_CHU_TOA",
    "NHAN_DAI_DIEN",
    "NHAN_DIEN",
    "NHAN_KINH_GUI",
    "NHAN_LUU",
    "NHAN_NOI_NHAN",
    "NHAN_SO",
    "NHAN_THU_KY",
    "NHAN_VE_VIEC",
    "NHU_TREN",
    "NOI_NHAN_LE_TRAI_MM",
    "PAGE",
    "QUOC_HIEU",
    "QUY_PHAM_TEN_LOAI",
    "STAMP_COLOR",
    "STYLES",
    "THAM_QUYEN",
    "THANH_PHAN",
    "THI_HANH",
    "THU_CONG_TIEN_TO",
    "TIEU_NGU",
    "Co",
    "DoKhan",
    "DoMat",
    "HoVanBan",
    "Layout",
    "LoaiVanBan",
    "NhanGiay",
    "Page",
    "Style",
    "ThamQuyen",
    "ThamQuyenRule",
    "ThanhPhan",
]

DECREE = "Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"

MM_PER_PT = 25.4 / 72
TWIPS_PER_MM = 1440 / 25.4


# --------------------------------------------------------------------------------------------------
# Appendix III, Section I: the 29 types of Art. 7 and their abbreviations
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoaiVanBan:
    """Loại văn bản hành chính (a document type of Art. 7), with its Appendix III abbreviation."""

    ma: str  # congvan's identifier, unaccented (the ``loai_van_ban`` key of the input)
    ten: str  # the type's name as Art. 7 writes it
    viet_tat: str | None  # PL III §I; None for công văn and thư công, which have none
    ten_loai: str | None  # the printed type name (ô 5a), None where nothing is printed
    mau: str | None  # the sample layout in PL III §II, if the decree gives one
    cite: str = "Đ.7; PL III §I"

    @property
    def ten_trong_cau(self) -> str:
        """Return the name a sentence cites the type by: ``Quyết định``, not Art. 7's ``Quyết định
        (cá biệt)`` (mẫu 1.3, 2.1: "Kèm theo Quyết định số …").

        >>> LOAI_VAN_BAN["quyet_dinh"].ten_trong_cau, LOAI_VAN_BAN["ke_hoach"].ten_trong_cau
        ('Quyết định', 'Kế hoạch')
        """
        return self.ten.split(" (", 1)[0]

    @property
    def thanh_phan(self) -> ThanhPhan | None:
        """Return the components this type has (`THANH_PHAN`), None for a type congvan does not
        issue yet."""
        return THANH_PHAN.get(self.ma)


def _types(*rows: tuple[str, str, str | None, str | None, str | None]) -> Mapping[str, LoaiVanBan]:
    return MappingProxyType({r[0]: LoaiVanBan(*r) for r in rows})


LOAI_VAN_BAN: Mapping[str, LoaiVanBan] = _types(
    ("nghi_quyet", "Nghị quyết (cá biệt)", "NQ", "NGHỊ QUYẾT", "1.1"),
    ("quyet_dinh", "Quyết định (cá biệt)", "QĐ", "QUYẾT ĐỊNH", "1.2"),
    ("chi_thi", "Chỉ thị", "CT", "CHỈ THỊ", "1.4"),
    ("quy_che", "Quy chế", "QC", "QUY CHẾ", "1.3"),
    ("quy_dinh", "Quy định", "QyĐ", "QUY ĐỊNH", "1.3"),
    ("thong_cao", "Thông cáo", "TC", "THÔNG CÁO", "1.4"),
    ("thong_bao", "Thông báo", "TB", "THÔNG BÁO", "1.4"),
    ("huong_dan", "Hướng dẫn", "HD", "HƯỚNG DẪN", "1.4"),
    ("chuong_trinh", "Chương trình", "CTr", "CHƯƠNG TRÌNH", "1.4"),
    ("ke_hoach", "Kế hoạch", "KH", "KẾ HOẠCH", "1.4"),
    ("phuong_an", "Phương án", "PA", "PHƯƠNG ÁN", "1.4"),
    ("de_an", "Đề án", "ĐA", "ĐỀ ÁN", "1.4"),
    ("du_an", "Dự án", "DA", "DỰ ÁN", "1.4"),
    ("bao_cao", "Báo cáo", "BC", "BÁO CÁO", "1.4"),
    ("bien_ban", "Biên bản", "BB", "BIÊN BẢN", "1.9"),
    ("to_trinh", "Tờ trình", "TTr", "TỜ TRÌNH", "1.4"),
    ("hop_dong", "Hợp đồng", "HĐ", "HỢP ĐỒNG", None),
    ("cong_van", "Công văn", None, None, "1.5"),
    ("cong_dien", "Công điện", "CĐ", "CÔNG ĐIỆN", "1.6"),
    ("ban_ghi_nho", "Bản ghi nhớ", "BGN", "BẢN GHI NHỚ", None),
    ("ban_thoa_thuan", "Bản thỏa thuận", "BTT", "BẢN THỎA THUẬN", None),
    ("giay_uy_quyen", "Giấy ủy quyền", "GUQ", "GIẤY ỦY QUYỀN", "1.4"),
    ("giay_moi", "Giấy mời", "GM", "GIẤY MỜI", "1.7"),
    ("giay_gioi_thieu", "Giấy giới thiệu", "GGT", "GIẤY GIỚI THIỆU", "1.8"),
    ("giay_nghi_phep", "Giấy nghỉ phép", "GNP", "GIẤY NGHỈ PHÉP", "1.10"),
    ("phieu_gui", "Phiếu gửi", "PG", "PHIẾU GỬI", "1.4"),
    ("phieu_chuyen", "Phiếu chuyển", "PC", "PHIẾU CHUYỂN", "1.4"),
    ("phieu_bao", "Phiếu báo", "PB", "PHIẾU BÁO", "1.4"),
    ("thu_cong", "Thư công", None, None, None),
)

# --------------------------------------------------------------------------------------------------
# Appendix III, Section II (mẫu 1.1–1.5) and Art. 8: which components each type has
# --------------------------------------------------------------------------------------------------

#: Whether a document type has a component: ``bat_buoc`` (required), ``tuy_chon`` (optional) or
#: ``khong`` (the type has none: typing it is an error).
Co: TypeAlias = Literal["bat_buoc", "tuy_chon", "khong"]

#: The layout families (one model and one context builder each): the công văn (mẫu 1.5), the
#: nghị quyết (mẫu 1.1), the quyết định (mẫu 1.2, 1.3) and every other type with a tên loại
#: (mẫu 1.4).
HoVanBan: TypeAlias = Literal[
    "cong_van",
    "nghi_quyet",
    "quyet_dinh",
    "co_ten_loai",
    "giay",  # giấy mời, giấy giới thiệu, giấy nghỉ phép (mẫu 1.7, 1.8, 1.10): labelled lines
    "bien_ban",
    "cong_dien",
    "hop_dong",
]


@dataclass(frozen=True)
class ThanhPhan:
    """The components of one document type and whether each is required (Đ.8; PL III mẫu 1.1–1.5;
    shared/decree30.md §5). The models validate a document against it and the layout composes the
    components it names, so a type is added here, not in code."""

    ho: HoVanBan
    trich_yeu: Co  # ô 5b: bold under the type name; a công văn's after "V/v" (PL I §II.5)
    can_cu: Co  # the legal bases, italic, each its own line (PL I §II.6.a)
    tham_quyen_ban_hanh: Co  # the authority line above the căn cứ (mẫu 1.1–1.3, note 6)
    kinh_gui: Co  # ô 9a: công văn; tờ trình and báo cáo sent upward (PL I §II.9.d)
    dieu: Co  # at least one Điều in the body (mẫu 1.1–1.3: the decision is in articles)
    # The line between the căn cứ and the articles, centred, bold (mẫu 1.1 "QUYẾT NGHỊ:", mẫu
    # 1.2–1.3 "QUYẾT ĐỊNH:"); None where the type has none.
    dong_quyet_dinh: str | None = None
    # Nơi nhận may open "Như Điều N;" (the article naming who executes it: mẫu 1.1–1.3); a document
    # with a Kính gửi opens it "Như trên;" instead (PL I §II.9.b), whatever its type.
    nhu_dieu: bool = False
    # Signed on behalf of a collective: "TM." first in the authority stack (mẫu 1.1; Đ.13(1)).
    tm_tap_the: bool = False
    # The types a quyết định gián tiếp may promulgate or approve, attached after it (mẫu 1.3:
    # "ban hành hay phê duyệt một văn bản khác"; its tên loại, trích yếu, "(Kèm theo Quyết định
    # số …)").
    van_ban_kem_theo: tuple[str, ...] = ()
    cite: str = ""
    # Without a Kính gửi, the Nơi nhận may still open "Như trên;" where the text above names the
    # recipients: a giấy mời's invitees, the body a giấy giới thiệu sends to (mẫu 1.7, 1.8).
    nhu_tren: bool = False


#: The texts a decision promulgates or approves (mẫu 1.3, note *): rules (quy chế, quy định) and the
#: plans and projects a head approves (practice, shared/decree30.md §5 "Quy chế / Quy định").
_KEM_THEO_QUYET_DINH = ("quy_che", "quy_dinh", "huong_dan", "chuong_trinh", "ke_hoach",
                        "phuong_an", "de_an", "du_an")


def _mau_1_4(kinh_gui: Co = "tuy_chon") -> ThanhPhan:
    """A type of mẫu 1.4 (văn bản có tên loại): trích yếu, căn cứ when it has them."""
    return ThanhPhan("co_ten_loai", trich_yeu="bat_buoc", can_cu="tuy_chon",
                     tham_quyen_ban_hanh="khong", kinh_gui=kinh_gui, dieu="tuy_chon",
                     cite="PL III mẫu 1.4; shared/decree30.md §5")


#: Components per type, keyed like `LOAI_VAN_BAN`: every type of Art. 7 (tested).
THANH_PHAN: Mapping[str, ThanhPhan] = MappingProxyType({
    "cong_van": ThanhPhan("cong_van", trich_yeu="bat_buoc", can_cu="khong",
                          tham_quyen_ban_hanh="khong", kinh_gui="bat_buoc", dieu="khong",
                          cite="PL III mẫu 1.5; PL I §II.5.b, §II.9.b"),
    "nghi_quyet": ThanhPhan("nghi_quyet", trich_yeu="bat_buoc", can_cu="bat_buoc",
                            tham_quyen_ban_hanh="bat_buoc", kinh_gui="khong", dieu="bat_buoc",
                            dong_quyet_dinh="QUYẾT NGHỊ:", nhu_dieu=True, tm_tap_the=True,
                            cite="PL III mẫu 1.1; Đ.13(1)"),
    "quyet_dinh": ThanhPhan("quyet_dinh", trich_yeu="bat_buoc", can_cu="bat_buoc",
                            tham_quyen_ban_hanh="bat_buoc", kinh_gui="khong", dieu="bat_buoc",
                            dong_quyet_dinh="QUYẾT ĐỊNH:", nhu_dieu=True,
                            van_ban_kem_theo=_KEM_THEO_QUYET_DINH,
                            cite="PL III mẫu 1.2, 1.3"),
    **{ma: _mau_1_4() for ma in (
        "chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan", "chuong_trinh",
        "ke_hoach", "phuong_an", "de_an", "du_an", "bao_cao", "phieu_gui", "phieu_chuyen",
        "phieu_bao")},
    # A tờ trình is sent up to the body that decides: it names it (shared/decree30.md §5).
    "to_trinh": _mau_1_4(kinh_gui="bat_buoc"),
    # A giấy ủy quyền names the two parties in its body, not in a Kính gửi (§5: "no").
    "giay_uy_quyen": _mau_1_4(kinh_gui="khong"),
    # Mẫu 1.7, 1.8, 1.10: the body is labelled lines the model's fields fill (GIAY_MOI, …
    # below); only the giấy mời has a trích yếu, the subject of the meeting (§3.5; §5 table).
    "giay_moi": ThanhPhan("giay", trich_yeu="bat_buoc", can_cu="khong",
                          tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="khong",
                          nhu_tren=True, cite="PL III mẫu 1.7; shared/decree30.md §3.5, §5"),
    "giay_gioi_thieu": ThanhPhan("giay", trich_yeu="khong", can_cu="khong",
                                 tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="khong",
                                 nhu_tren=True,
                                 cite="PL III mẫu 1.8; shared/decree30.md §3.5, §5"),
    "giay_nghi_phep": ThanhPhan("giay", trich_yeu="khong", can_cu="khong",
                                tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="khong",
                                cite="PL III mẫu 1.10; shared/decree30.md §3.5, §5"),
    # Mẫu 1.9: the meeting's name under BIÊN BẢN; no căn cứ, no Kính gửi; the header has no ô 4.
    "bien_ban": ThanhPhan("bien_ban", trich_yeu="bat_buoc", can_cu="khong",
                          tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="khong",
                          cite="PL III mẫu 1.9; shared/decree30.md §5"),
    # Mẫu 1.6: the cable's subject under CÔNG ĐIỆN; "<body or head's title> điện:" and the
    # addressees take the place of a Kính gửi.
    "cong_dien": ThanhPhan("cong_dien", trich_yeu="bat_buoc", can_cu="khong",
                           tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="khong",
                           cite="PL III mẫu 1.6; shared/decree30.md §3.5, §5"),
    # No mẫu in the decree (shared/decree30.md §5: "two parties side by side (practice …)"):
    # common practice, the body in articles, căn cứ when the parties cite them.
    **{ma: ThanhPhan("hop_dong", trich_yeu="bat_buoc", can_cu="tuy_chon",
                     tham_quyen_ban_hanh="khong", kinh_gui="khong", dieu="bat_buoc",
                     cite="practice (no mẫu in PL III); shared/decree30.md §5")
       for ma in ("hop_dong", "ban_ghi_nho", "ban_thoa_thuan")},
    # Art. 7 lists the thư công; PL III gives it no abbreviation and no mẫu (shared/decree30.md §4:
    # "layout UNCONFIRMED"). Common practice: mẫu 1.4's header; the letter's own name in place of
    # a type name (THƯ CHÚC MỪNG, THƯ CẢM ƠN: THU_CONG_TIEN_TO), the occasion under it; a Kính
    # gửi when it is addressed; the body; the head's signature.
    "thu_cong": ThanhPhan("co_ten_loai", trich_yeu="tuy_chon", can_cu="khong",
                          tham_quyen_ban_hanh="khong", kinh_gui="tuy_chon", dieu="khong",
                          cite="Đ.7; practice (no mẫu in PL III); shared/decree30.md §4"),
})

#: A thư công is printed under its own name, which opens with this word (THƯ CHÚC MỪNG, THƯ CẢM
#: ƠN, THƯ KHEN, THƯ NGỎ …; practice: the decree gives it no printed type name, §4).
THU_CONG_TIEN_TO = "Thư"


#: Legal-normative types (Law on Promulgation of Legal Documents, Art. 4) that Art. 7 of Decree 30
#: does not list: their format is that law's, not Decree 30's (Art. 1). The checker says so once
#: instead of judging them (checker/scope.py); a Nghị quyết or Quyết định is told by its number's
#: year.
QUY_PHAM_TEN_LOAI = ("HIẾN PHÁP", "BỘ LUẬT", "LUẬT", "PHÁP LỆNH", "LỆNH", "NGHỊ ĐỊNH",
                     "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "NGHỊ QUYẾT LIÊN TỊCH")

#: Abbreviations of the three forms of copy (PL III §I; PL I Part II): used in place of a type.
KY_HIEU_BAN_SAO: Mapping[str, str] = MappingProxyType(
    {"SAO Y": "SY", "TRÍCH SAO": "TrS", "SAO LỤC": "SL"}
)

#: The draft mark (not in Decree 30, shared/decree30.md §3.12; Circular 01/2011's practice,
#: UNCONFIRMED): ``DỰ THẢO`` or ``DỰ THẢO LẦN 2``, on a document with no số yet.
DU_THAO = "DỰ THẢO"
DU_THAO_LAN = "DỰ THẢO LẦN {lan}"

# --------------------------------------------------------------------------------------------------
# Appendix I, Part I, Section I: page and font
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Khổ giấy, định lề trang (PL I, Phần I, §I.1–3). Lengths in millimetres."""

    width: float = 210.0
    height: float = 297.0
    margin_top_range: tuple[float, float] = (20.0, 25.0)
    margin_bottom_range: tuple[float, float] = (20.0, 25.0)
    margin_left_range: tuple[float, float] = (30.0, 35.0)
    margin_right_range: tuple[float, float] = (15.0, 20.0)
    # The margins congvan uses: the decree's minimum, which leaves the widest text area. Practice
    # (shared/decree30.md §1 "implementation defaults").
    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 30.0
    margin_right: float = 15.0
    cite: str = "PL I, Phần I, §I.1–3"

    @property
    def text_width(self) -> float:
        """Return the width of the text area in mm (210 − 30 − 15 = 165 with congvan's margins)."""
        return self.width - self.margin_left - self.margin_right


PAGE = Page()

#: Phông chữ (PL I, Phần I, §I.4): Times New Roman, Unicode TCVN 6909:2001, black.
FONT = "Times New Roman"

# --------------------------------------------------------------------------------------------------
# Appendix I, Part I, Sections II–III and the Section V table: the style of each component
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """How one component is set: size in pt (and the decree's range), weight, slant, case."""

    id: str
    size: float
    sizes: tuple[float, float]
    bold: bool = False
    italic: bool = False
    upper: bool = False
    cite: str = ""
    note: str = ""


def _styles(*styles: Style) -> Mapping[str, Style]:
    return MappingProxyType({s.id: s for s in styles})


# The decree pairs the sizes (PL I §V, footnote 1): Quốc hiệu 12 → Tiêu ngữ 13 → địa danh 13, or
# 13 → 14 → 14. congvan takes 12/13/13: at 13 pt bold the Quốc hiệu is 95.7 mm wide and would not
# stay on one line in the right header column (see LAYOUT).
STYLES: Mapping[str, Style] = _styles(
    Style("quoc_hieu", 12, (12, 13), bold=True, upper=True, cite="PL I §II.1.a"),
    Style("tieu_ngu", 13, (13, 14), bold=True, cite="PL I §II.1.b"),
    Style("co_quan_chu_quan", 12, (12, 13), upper=True, cite="PL I §II.2.b"),
    Style("co_quan_ban_hanh", 12, (12, 13), bold=True, upper=True, cite="PL I §II.2.b"),
    Style("so_ky_hieu", 13, (13, 13), cite="PL I §II.3.c"),
    Style("dia_danh_thoi_gian", 13, (13, 14), italic=True, cite="PL I §II.4.c"),
    Style("ten_loai", 14, (13, 14), bold=True, upper=True, cite="PL I §II.5.b"),
    Style("trich_yeu", 14, (13, 14), bold=True, cite="PL I §II.5.b"),
    Style("trich_yeu_cong_van", 12, (12, 13), cite="PL I §II.5.b (công văn)"),
    Style("noi_dung", 14, (13, 14), cite="PL I §II.6.e"),
    Style("can_cu", 14, (13, 14), italic=True, cite="PL I §II.6.a"),
    # Phần/Chương (Roman numeral) and Mục/Tiểu mục (Arabic) on their own line, centred, bold; the
    # title on the next line, centred, upper case, bold (PL I §II.6.đ; §V table, row 6a).
    Style("chuong_muc", 14, (13, 14), bold=True, cite="PL I §II.6.đ"),
    Style("tieu_de_chuong_muc", 14, (13, 14), bold=True, upper=True, cite="PL I §II.6.đ"),
    Style("kinh_gui", 14, (13, 14), cite="PL I §II.9.d"),
    Style("tham_quyen", 14, (13, 14), bold=True, upper=True, cite="PL I §II.7.đ"),
    Style("chuc_vu", 14, (13, 14), bold=True, upper=True, cite="PL I §II.7.đ"),
    Style("ho_ten", 14, (13, 14), bold=True, cite="PL I §II.7.đ"),
    Style("noi_nhan_label", 12, (12, 12), bold=True, italic=True, cite="PL I §II.9.d"),
    Style("noi_nhan", 11, (11, 11), cite="PL I §II.9.d"),
    # The drafter's initials are upper case, the copies Arabic numerals (PL I §III.3).
    Style("ky_hieu_nguoi_soan_thao", 11, (11, 11), upper=True, cite="PL I §III.3"),
    Style("dia_chi", 11, (11, 12), cite="PL I §III.4"),
    Style("so_trang", 13, (13, 14), cite="PL I §I.7"),
    Style("do_khan", 13, (13, 14), bold=True, upper=True, cite="PL I §III.2.b"),
    Style("do_mat", 13, (13, 14), bold=True, upper=True, cite="PL I §III.2.a",
          note="Decree 30 gives no size; 13 pt bold as for độ khẩn (shared/decree30.md §3.11, "
               "UNCONFIRMED)"),
    Style("pham_vi_luu_hanh", 13, (13, 14), bold=True, upper=True, cite="PL I §III.2.c"),
    # The body's own paragraphs (noi_dung/blocks.py kinds, render/body.py styles).
    Style("tham_quyen_ban_hanh", 14, (13, 14), bold=True, upper=True, cite="PL III mẫu 1.2–1.3",
          note="no size stated: the tên loại's (shared/decree30.md §3.6)"),
    Style("quyet_dinh", 14, (13, 14), bold=True, upper=True, cite="PL III mẫu 1.1–1.3",
          note="no size stated: the tên loại's (shared/decree30.md §3.6)"),
    Style("dieu", 14, (13, 14), bold=True, cite="PL I §II.6.đ; §V row 6a"),
    Style("khoan", 14, (13, 14), cite="PL I §II.6.đ; §V row 6a"),
    Style("khoan_tieu_de", 14, (13, 14), bold=True, cite="PL I §V row 6b"),
    Style("diem", 14, (13, 14), cite="PL I §II.6.đ; §V row 6a"),
    Style("muc_la_ma", 14, (13, 14), bold=True, upper=True, cite="PL I §V row 6b"),
    Style("phu_luc", 14, (14, 14), bold=True, cite="PL I §III.1; §V row 9"),
    Style("tieu_de_phu_luc", 14, (13, 14), bold=True, upper=True, cite="PL I §III.1; §V row 9"),
    Style("kem_theo", 14, (13, 14), italic=True, cite="PL I §III.1; PL III mẫu 1.3, 2.1"),
    # Tables and footnotes: Decree 30 sets neither. Captions and the unit line stand among the
    # body's paragraphs, so they keep the body's size (one size in the body, PL I §II.6.e).
    Style("chu_thich_bang", 14, (13, 14), bold=True, cite="PL I §II.6.e (body size)",
          note="table caption: centred, bold (practice, UNCONFIRMED)"),
    Style("don_vi_bang", 14, (13, 14), italic=True, cite="PL I §II.6.e (body size)",
          note="'Đơn vị tính: …' over a table: right, italic (practice, UNCONFIRMED)"),
    Style("o_bang", 13, (12, 14), cite="practice",
          note="table cell text 12–13 pt, single spacing, no first-line indent (practice, "
               "UNCONFIRMED; shared/decree30.md gives no rule for tables)"),
    Style("tieu_de_bang", 13, (12, 14), bold=True, cite="practice",
          note="header cells: bold, centred (practice, UNCONFIRMED)"),
    Style("chu_thich", 12, (10, 12), cite="practice",
          note="footnote text 10–12 pt (practice, UNCONFIRMED: neither Decree 30 nor "
               "shared/decree30.md sets it)"),
    # Mẫu 1.10: the heading of the confirmation block of the place where the leave is spent,
    # drawn italic under the Nơi nhận like the signature's own instruction lines.
    Style("xac_nhan", 12, (11, 13), italic=True, cite="PL III mẫu 1.10",
          note="no size stated: 12 pt, as small as the mẫu draws it, so that each of its two "
               "lines holds in the Nơi nhận column (UNCONFIRMED)"),
    Style("du_thao", 14, (13, 14), bold=True, upper=True, cite="TT 01/2011/TT-BNV (practice)",
          note="not in Decree 30 (shared/decree30.md §3.12): Circular 01/2011's draft mark, "
               "boxed, under the số/ký hiệu (UNCONFIRMED practice)"),
    # The copy block (PL I Part II; PL III mẫu 3.1): the form of copy as a type name, upper case,
    # bold, 13–14 pt; the e-copy's signature text 10 pt (mẫu 3.2).
    Style("hinh_thuc_sao", 14, (13, 14), bold=True, upper=True, cite="PL I Phần II; mẫu 3.1"),
    Style("chu_ky_so_ban_sao", 10, (10, 10), cite="PL I Phần II; mẫu 3.2"),
)

#: Quốc hiệu and Tiêu ngữ, literally (PL I §II.1.a–b). The decree's own text spells "HÒA".
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

# --------------------------------------------------------------------------------------------------
# Geometry the decree gives only as a diagram (PL I, Phần I, §IV) or not at all: congvan's choices
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Positions and spacing, in mm and pt, where Decree 30 gives no number.

    Each value is common practice as shared/decree30.md describes it; the section is cited per
    field.
    """

    # §2 "Column widths" (UNCONFIRMED, practice): a borderless two-column table over the text width.
    # 95 mm holds the 12 pt bold Quốc hiệu (88.3 mm) on one line; 70 mm holds a 66 mm V/v line.
    header_left: float = 70.0
    header_right: float = 95.0
    # The right column widens for a long date line (Thành phố Hồ Chí Minh, ngày 28 tháng 12 năm 2025
    # is 98.7 mm at 13 pt italic, the decree's smallest size for it, PL I §II.4.c); the decree's own
    # samples draw it 100 mm wide (PL III, mẫu 1.1–1.4: 67.5 + 100 mm). The left column keeps at
    # least this much, which holds the số line and the names broken between word groups.
    header_left_min: float = 60.0
    # Room left beside the widest line when congvan chooses where a line breaks: word processors
    # place text to a fraction of a millimetre differently from measure.py.
    line_slack: float = 2.0
    # Same split for the Nơi nhận / signature row (§2, "use the same 2-column table").
    footer_left: float = 70.0
    footer_right: float = 95.0
    # PL I §II.2.b: rule under the issuing body is 1/3–1/2 of the text line; congvan takes the
    # middle.
    co_quan_rule_ratio: float = 0.4
    co_quan_rule_range: tuple[float, float] = (1 / 3, 1 / 2)
    rule_weight_pt: float = 0.75
    rule_gap_pt: float = 2.0  # between the text and the rule under it (practice)
    rule_paragraph_pt: float = 2.0  # font size of the empty paragraph that carries a rule
    header_band_space_pt: float = 6.0  # between the names (ô 1–2) and the số/date band (ô 3–4)
    stamp_space_pt: float = 6.0  # above each stamp at the left margin (ô 10a/10b)
    stamp_padding: float = 7.0  # mm added to the text width of the boxed ô 11 scope line
    # PL I §III.2.b: the urgency stamps are 8 mm high (30 × 8, 40 × 8, 20 × 8 mm); the secrecy
    # stamps take the same height (shared/decree30.md §3.11, UNCONFIRMED).
    stamp_height: float = 8.0
    # Mẫu 1.1–1.4 leave about a line between the header and the type name (practice; PL I §II.5
    # gives no number).
    ten_loai_space_before_pt: float = 12.0
    # PL I §II.5.b: V/v is 6 pt below the số line.
    trich_yeu_cong_van_space_before_pt: float = 6.0
    # PL I §II.6.e: first-line indent 1 cm or 1.27 cm; ≥ 6 pt between paragraphs; single to 1.5
    # lines.
    first_line_indent: float = 12.7
    # The two indents the decree allows ("1 cm hoặc 1,27 cm", PL I §II.6.e); the checker accepts
    # both.
    first_line_indents: tuple[float, float] = (10.0, 12.7)
    paragraph_space_pt: float = 6.0
    line_spacing: float = 1.0
    line_spacing_range: tuple[float, float] = (1.0, 1.5)
    # §3.9 (mẫu 1.5 measured: "Kính gửi:" starts about a fifth into the text width; UNCONFIRMED).
    kinh_gui_indent: float = 35.0
    space_before_kinh_gui_pt: float = 6.0
    space_before_signature_pt: float = 6.0
    # §3.7 item 3: room for signature and seal, 25–30 mm (practice, UNCONFIRMED).
    signature_space: float = 25.0
    # The signature image's largest size within that room (practice; PL I §II.7.d gives none).
    signature_width: float = 45.0
    signature_height: float = 20.0
    # Header band for the page number (PL I §I.7: in the top margin).
    header_distance: float = 10.0
    # Tables of the body (practice, UNCONFIRMED: the decree sets no table rule): single 0.5 pt
    # borders, Word's default 1.9 mm cell margins left and right, 2 pt above and below a cell's
    # text.
    table_border_pt: float = 0.5
    table_cell_margin: float = 1.9
    table_cell_space_pt: float = 2.0
    cite: str = "PL I, Phần I, §IV (diagram); shared/decree30.md §2, §3.7, §3.9"


LAYOUT = Layout()

# --------------------------------------------------------------------------------------------------
# Art. 13 and PL I §II.7.b: the authority with which a document is signed
# --------------------------------------------------------------------------------------------------


class ThamQuyen(str, Enum):
    """Quyền hạn của người ký (authority prefix), PL I §II.7.b."""

    TM = "TM."  # thay mặt: on behalf of a collective body
    Q = "Q."  # quyền: acting head
    KT = "KT."  # ký thay: deputy signs for the head
    TL = "TL."  # thừa lệnh: by order of the head
    TUQ = "TUQ."  # thừa ủy quyền: by the head's written authorisation


@dataclass(frozen=True)
class ThamQuyenRule:
    """What follows an authority prefix, and which prefixes may follow it in the stack."""

    prefix: ThamQuyen
    meaning: str
    names: str  # what the prefix is written before
    # The signer's own title must come on the next line (if nothing else does).
    needs_own_title: bool
    may_follow: frozenset[ThamQuyen]
    cite: str


THAM_QUYEN: Mapping[ThamQuyen, ThamQuyenRule] = MappingProxyType({
    ThamQuyen.TM: ThamQuyenRule(
        ThamQuyen.TM, "thay mặt", "tên tập thể lãnh đạo hoặc tên cơ quan, tổ chức", True,
        frozenset({ThamQuyen.KT, ThamQuyen.Q}), "Đ.13(1); PL I §II.7.b"),
    ThamQuyen.Q: ThamQuyenRule(
        ThamQuyen.Q, "quyền", "chức vụ của người đứng đầu", False, frozenset(),
        "PL I §II.7.b"),
    ThamQuyen.KT: ThamQuyenRule(
        ThamQuyen.KT, "ký thay", "chức vụ của người đứng đầu", True, frozenset(),
        "Đ.13(1); PL I §II.7.b"),
    # TL. may be passed on once, to a deputy of the sub-unit head: TL. BỘ TRƯỞNG / KT. CHÁNH VĂN
    # PHÒNG / PHÓ CHÁNH VĂN PHÒNG (practice, shared/decree30.md §3.7, UNCONFIRMED).
    ThamQuyen.TL: ThamQuyenRule(
        ThamQuyen.TL, "thừa lệnh", "chức vụ của người đứng đầu", True, frozenset({ThamQuyen.KT}),
        "Đ.13(3); PL I §II.7.b"),
    # TUQ. is never delegated further (Đ.13(4)).
    ThamQuyen.TUQ: ThamQuyenRule(
        ThamQuyen.TUQ, "thừa ủy quyền", "chức vụ của người đứng đầu", True, frozenset(),
        "Đ.13(4); PL I §II.7.b"),
})

#: Titles of a single head (chế độ thủ trưởng). ``TM.`` names a collective, never one of these.
CHUC_VU_CA_NHAN = (
    "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "bộ trưởng", "thứ trưởng",
    "thủ trưởng", "trưởng", "phó trưởng", "hiệu trưởng", "phó hiệu trưởng", "viện trưởng",
    "cục trưởng", "vụ trưởng", "chánh", "phó chánh", "tổng giám đốc", "thủ tướng",
)

# --------------------------------------------------------------------------------------------------
# PL I §III.2: urgency, secrecy, circulation scope; PL I §II.6.đ: Điểm letters
# --------------------------------------------------------------------------------------------------


class DoKhan(str, Enum):
    """Mức độ khẩn (PL I §III.2.b), most to least urgent; the stamp width in mm is ``width``."""

    HOA_TOC = "HỎA TỐC"
    THUONG_KHAN = "THƯỢNG KHẨN"
    KHAN = "KHẨN"

    @property
    def width(self) -> float:
        return {"HỎA TỐC": 30.0, "THƯỢNG KHẨN": 40.0, "KHẨN": 20.0}[self.value]


class DoMat(str, Enum):
    """Độ mật (Luật Bảo vệ bí mật nhà nước 2018; stamp per Thông tư 24/2020/TT-BCA)."""

    TUYET_MAT = "TUYỆT MẬT"
    TOI_MAT = "TỐI MẬT"
    MAT = "MẬT"

    @property
    def width(self) -> float:
        # Decree 30 gives no size (PL I §III.2.a defers to the State-secrets rules); these are the
        # common sizes (shared/decree30.md §3.11, UNCONFIRMED).
        return {"TUYỆT MẬT": 40.0, "TỐI MẬT": 30.0, "MẬT": 20.0}[self.value]


#: Ink of the urgency and secrecy stamps: bright red (PL I §III.2.b "màu đỏ tươi").
STAMP_COLOR = "FF0000"


#: Letters of the điểm, in Vietnamese alphabet order (PL I §II.6.đ): đ included; no f, j, w, z.
CHU_CAI_DIEM = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
)

#: The nouns that open the name of a unit or a place (lower case). congvan breaks a long name or
#: authority line before one of them and never right after it, so that no line ends in "VỤ" or
#: "THÀNH PHỐ" with the name itself on the next (practice: how clerks break these lines by hand;
#: PL I §II.2.b and §II.7 only say the names are centred and upper case).
DANH_TU_DON_VI = (
    "bộ", "tổng cục", "cục", "chi cục", "vụ", "sở", "phòng", "ban", "ủy ban", "hội đồng", "viện",
    "trung tâm", "văn phòng", "thanh tra", "trường", "bệnh viện", "ban quản lý", "cơ quan",
    "chánh văn phòng", *(DANH_TU_DIA_DANH := (
        "tỉnh", "thành phố", "xã", "phường", "đặc khu", "quận", "huyện", "thị xã", "thị trấn")),
)

#: Nơi nhận: the storage line starts with the clerical office, "Lưu: VT, …" (PL I §II.9.d).
LUU_VAN_THU = "VT"
#: Nơi nhận of a document with a Kính gửi part (công văn): its first entry stands for every Kính gửi
#: recipient (PL I §II.9.b: "phía dưới là từ “Như trên”").
NHU_TREN = "Như trên"
#: How far (mm, either way) the Nơi nhận text may start from the left margin and still be "sát lề
#: trái" (PL I §II.9.d gives no number). The decree's own samples, as Phuluc3.doc lays out, start it
#: 1.5–2.8 mm right of the margin (mẫu 1.6–1.9: an empty spacer column and cell margins), and a
#: nudge of the ruler by a millimetre is invisible on paper; 3 mm accepts both, while a block moved
#: by an indented table (10–15 mm) is still seen.
NOI_NHAN_LE_TRAI_MM = 3.0
#: A quyết định's Nơi nhận reads "- Như Điều 3;": the article that names who executes it (PL I
#: §II.9.b; mẫu 1.2–1.4: "Điều 3. … chịu trách nhiệm thi hành Quyết định này"). Words, lower case,
#: one of which that article contains.
THI_HANH = ("thi hành", "chịu trách nhiệm", "tổ chức thực hiện")

#: Số of a document: written in Arabic digits, with a leading 0 below 10 (PL I §II.3.c), so never
#: fewer digits than this.
SO_CHU_SO = 2

# The fixed words of the components, as the decree writes them (each followed by a colon where the
# decree puts one): "Số:" (§II.3.c), "V/v" (§II.5.b), "Kính gửi:" and "Nơi nhận:", "Lưu:" (§II.9.d).
NHAN_SO = "Số"
NHAN_VE_VIEC = "V/v"
NHAN_KINH_GUI = "Kính gửi"
NHAN_NOI_NHAN = "Nơi nhận"
NHAN_LUU = "Lưu"
# "(Kèm theo … số … ngày … của …)" under an attached text's or a phụ lục's title (mẫu 1.3, 2.1), and
# the word that heads an appendix, "Phụ lục I" (PL I §III.1.b).
NHAN_KEM_THEO = "Kèm theo"
NHAN_PHU_LUC = "Phụ lục"

#: A note after the body's "./." of what is sent with the document: "(Gửi kèm …)", "(Văn bản đính
#: kèm)" (practice, as real công văn write it; the decree's samples end with "./."). congvan puts
#: "./." on the paragraph before such notes, and the checker accepts them after it.
GHI_CHU_GUI_KEM = (r"^\(?\s*(gửi kèm|kèm theo|đính kèm|tài liệu kèm|văn bản kèm|văn bản đính kèm|"
                   r"tài liệu đính kèm)")

# --------------------------------------------------------------------------------------------------
# PL III mẫu 1.7, 1.8, 1.10: the fixed words of the giấy mời, giấy giới thiệu and giấy nghỉ phép
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NhanGiay:
    """The literal words of a giấy's labelled lines, as its mẫu prints them."""

    mo_dau: str  # after the issuing body's name: "<Body> trân trọng kính mời:"
    nhan: Mapping[str, str]  # field → its label, colon included where the mẫu has one
    cite: str


#: Mẫu 1.7: "<Body> trân trọng kính mời: <invitee>", "Tới dự …", "Chủ trì:", "Thời gian:",
#: "Địa điểm:"; several invitees as a "- …;" list under "<Body> trân trọng kính mời:".
GIAY_MOI = NhanGiay("trân trọng kính mời:", MappingProxyType({
    "toi_du": "Tới dự", "chu_tri": "Chủ trì:", "thoi_gian": "Thời gian:",
    "dia_diem": "Địa điểm:"}), "PL III mẫu 1.7")
#: Mẫu 1.8, with the closing request printed as the mẫu writes it.
GIAY_GIOI_THIEU = NhanGiay("trân trọng giới thiệu:", MappingProxyType({
    "ho_ten": "Ông (bà)", "chuc_vu": "Chức vụ:", "duoc_cu_den": "Được cử đến:",
    "ve_viec": "Về việc:",
    "de_nghi": "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
    "co_gia_tri_den": "Giấy này có giá trị đến hết ngày"}), "PL III mẫu 1.8")
#: Mẫu 1.10: "Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …, <body> cấp cho:", the person, the
#: leave "trong thời gian … kể từ ngày … đến hết ngày … tại …", what it counts against, and the
#: heading of the optional confirmation block (its "(nếu cần)" is the mẫu's note, not printed).
GIAY_NGHI_PHEP = NhanGiay("cấp cho:", MappingProxyType({
    "xet_don": "Xét Đơn đề nghị nghỉ phép ngày", "cua": "của ông (bà)",
    "ho_ten": "Ông (bà):", "chuc_vu": "Chức vụ:", "duoc_nghi": "Được nghỉ phép trong thời gian",
    "tu_ngay": "kể từ ngày", "den_ngay": "đến hết ngày", "tai": "tại",
    "tinh_vao": "Số ngày nghỉ phép nêu trên được tính vào thời gian",
    # On two lines, broken where the mẫu breaks it.
    "xac_nhan": "Xác nhận của cơ quan (tổ chức) hoặc\nchính quyền địa phương nơi nghỉ phép"}),
    "PL III mẫu 1.10")

# --------------------------------------------------------------------------------------------------
# PL III mẫu 1.9: the Biên bản's fixed words
# --------------------------------------------------------------------------------------------------

#: The labelled lines that open a biên bản, in the sample's order (PL III mẫu 1.9); the sample's
#: "Chủ trì (chủ toạ)" is written with the tone mark on the "o" that the rest of the decree uses
#: ("CHỦ TỌA").
NHAN_BIEN_BAN = MappingProxyType({
    "thoi_gian_bat_dau": "Thời gian bắt đầu",
    "dia_diem": "Địa điểm",
    "thanh_phan_tham_du": "Thành phần tham dự",
    "chu_tri": "Chủ trì (chủ tọa)",
    "thu_ky": "Thư ký (người ghi biên bản)",
    "noi_dung": "Nội dung",
})
#: The two signature blocks of a biên bản: the secretary left, the chair right (PL III mẫu 1.9).
NHAN_THU_KY = "THƯ KÝ"
NHAN_CHU_TOA = "CHỦ TỌA"
#: The closing line (PL III mẫu 1.9: "Cuộc họp … kết thúc vào …. giờ …., ngày …."); the words after
#: the time are the ones clerks write (practice, shared/decree30.md §5 "Biên bản").
KET_THUC_BIEN_BAN = ("Cuộc họp kết thúc vào {gio}{ngay}, nội dung cuộc họp đã được các thành "
                     "viên dự họp thông qua và cùng ký vào biên bản./.")

#: Mẫu 1.6: the word after the issuing body or the head's title, "<…> điện:", over the addressees.
NHAN_DIEN = "điện"

#: The head of each party's signature block in a hợp đồng, bản ghi nhớ, bản thỏa thuận: "ĐẠI DIỆN
#: BÊN A" / "ĐẠI DIỆN BÊN B" (practice: the decree gives no mẫu for them, shared/decree30.md §5).
NHAN_DAI_DIEN = "ĐẠI DIỆN BÊN"
