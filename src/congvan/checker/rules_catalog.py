"""The checker's rules, as data: stable id → citation, severity, title (vi/en), whether --fix
repairs it.

Ids are dotted, with the Decree's nouns unaccented (``<component>.<aspect>``); they never change
once published, so CI scripts can match on them. docs/check.md documents every id (a test keeps the
two in step). ``loi`` = the decree's text requires it; ``canh_bao`` = the decree's samples or common
practice (UNCONFIRMED in shared/decree30.md) suggest it.

>>> CATALOG["trang.le"].cite
'PL I §I.3'
>>> all(r.severity in ("loi", "canh_bao") for r in CATALOG.values())
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["CATALOG", "CheckRule"]


@dataclass(frozen=True)
class CheckRule:
    """One rule the checker applies."""

    id: str
    cite: str
    severity: str
    title_vi: str
    title_en: str
    fixable: bool = False


_ROWS: list[CheckRule] = []


def _r(id: str, cite: str, severity: str, vi: str, en: str, fix: bool = False) -> None:
    _ROWS.append(CheckRule(id, cite, severity, vi, en, fix))


L, C = "loi", "canh_bao"

# -- scope (Đ.1, Đ.7; checker/scope.py): what the document is, said once, not judged by PL I ---
_r("pham_vi.khong_phai_nd30", "PL III §I (Đ.7)", C,
   "Không phải văn bản hành chính theo Nghị định 30 (không có Quốc hiệu, số, ký hiệu, tên loại): "
   "không kiểm tra thể thức",
   "Not a Decree 30 document (no Quốc hiệu, number or type name): its format is not checked")
_r("pham_vi.quy_pham", "PL I (Đ.1)", C,
   "Văn bản quy phạm pháp luật: thể thức theo pháp luật về ban hành văn bản quy phạm pháp luật, "
   "không theo Nghị định 30; chỉ kiểm tra khổ giấy, lề và phông chữ",
   "Legal-normative document: its format follows the law on legal documents, not Decree 30; "
   "only page and font are checked")
# -- page (PL I, Phần I, §I) -----------------------------------------------------------------------
_r("trang.kho_giay", "PL I §I.1", L, "Khổ giấy phải là A4 (210 × 297 mm)",
   "Paper must be A4 (210 × 297 mm)", True)
_r("trang.huong", "PL I §I.2", C,
   "Trang khổ ngang chỉ dùng cho phần có bảng, biểu (bảng từ ba cột trở lên)",
   "Landscape only for a section that holds a table (of three columns or more)")
_r("trang.le", "PL I §I.3", L, "Lề trang không đúng quy định (trên, dưới 20–25 mm; trái 30–35 mm; "
   "phải 15–20 mm)", "Page margin out of range (top/bottom 20–25, left 30–35, right 15–20 mm)",
   True)
# -- font (PL I §I.4) ------------------------------------------------------------------------------
_r("phong_chu.times_new_roman", "PL I §I.4", L, "Phông chữ phải là Times New Roman",
   "Font must be Times New Roman", True)
_r("phong_chu.ma_cu", "PL I §I.4 (TCVN 6909:2001)", L,
   "Văn bản dùng phông/bảng mã cũ (TCVN3 .VnTime, VNI); phải dùng Unicode TCVN 6909:2001 — "
   "có thể chuyển đổi bằng congvan check --fix",
   "Legacy Vietnamese font/encoding (TCVN3, VNI); must be Unicode — convertible with --fix", True)
_r("phong_chu.mau_den", "PL I §I.4", L, "Chữ phải màu đen", "Text must be black")
# -- quốc hiệu, tiêu ngữ (PL I §II.1) -------------------------------------------------------------
_r("quoc_hieu.thieu", "PL I §II.1.a", L, "Thiếu Quốc hiệu", "National title missing")
_r("quoc_hieu.van_ban", "PL I §II.1.a", L, "Quốc hiệu viết sai", "National title misspelt")
_r("quoc_hieu.co_chu", "PL I §II.1.a", L, "Cỡ chữ Quốc hiệu phải từ 12 đến 13",
   "National title must be 12–13 pt", True)
_r("quoc_hieu.kieu_chu", "PL I §II.1.a", L, "Quốc hiệu phải in hoa, đứng, đậm",
   "National title must be upper case, upright, bold")
_r("tieu_ngu.thieu", "PL I §II.1.b", L, "Thiếu Tiêu ngữ", "Motto missing")
_r("tieu_ngu.van_ban", "PL I §II.1.b", L, "Tiêu ngữ viết sai (Độc lập - Tự do - Hạnh phúc)",
   "Motto misspelt")
_r("tieu_ngu.co_chu", "PL I §II.1.b", L, "Cỡ chữ Tiêu ngữ phải từ 13 đến 14",
   "Motto must be 13–14 pt", True)
_r("tieu_ngu.kieu_chu", "PL I §II.1.b", L, "Tiêu ngữ phải đứng, đậm", "Motto must be upright, bold")
_r("tieu_ngu.duong_ke", "PL I §II.1.b", L, "Thiếu đường kẻ ngang nét liền dưới Tiêu ngữ",
   "Solid rule under the motto missing")
_r("tieu_ngu.do_dai_duong_ke", "PL I §II.1.b", C,
   "Đường kẻ dưới Tiêu ngữ phải dài bằng dòng chữ", "Rule under the motto must be as long as it")
# -- cơ quan ban hành (PL I §II.2) -----------------------------------------------------------------
_r("co_quan.thieu", "PL I §II.2", L, "Thiếu tên cơ quan, tổ chức ban hành văn bản",
   "Issuing body missing")
_r("co_quan.in_hoa", "PL I §II.2.b", L, "Tên cơ quan phải viết in hoa",
   "Issuing body must be upper case")
_r("co_quan.co_chu", "PL I §II.2.b", L, "Cỡ chữ tên cơ quan phải từ 12 đến 13",
   "Issuing body must be 12–13 pt", True)
_r("co_quan.kieu_chu", "PL I §II.2.b", L, "Tên cơ quan ban hành phải đứng, đậm",
   "Issuing body must be upright and bold")
_r("co_quan.duong_ke", "PL I §II.2.b", L, "Thiếu đường kẻ ngang dưới tên cơ quan ban hành",
   "Rule under the issuing body missing")
# -- số, ký hiệu (PL I §II.3; PL III) --------------------------------------------------------------
_r("so_ky_hieu.thieu", "PL I §II.3", L, "Thiếu số, ký hiệu văn bản", "Number and symbol missing")
_r("so_ky_hieu.dinh_dang", "PL I §II.3.c", L,
   "Số, ký hiệu phải có dạng “Số: 05/QĐ-UBND” (sau “Số” có dấu hai chấm, không cách chữ)",
   "Number must read “Số: 05/QĐ-UBND” (colon, no spaces)")
_r("so_ky_hieu.so_0_dau", "PL I §II.3.c", L, "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước",
   "Numbers below 10 take a leading zero", True)
_r("so_ky_hieu.viet_tat_loai", "PL III §I", L,
   "Chữ viết tắt tên loại trong ký hiệu không đúng Phụ lục III",
   "Type abbreviation in the symbol does not match Appendix III")
_r("so_ky_hieu.co_chu", "PL I §II.3.c", L, "Số, ký hiệu phải cỡ chữ 13",
   "Number and symbol must be 13 pt", True)
_r("so_ky_hieu.kieu_chu", "PL I §II.3.c", L, "Số, ký hiệu phải kiểu chữ đứng",
   "Number and symbol must be upright")
# -- địa danh và thời gian (PL I §II.4) ------------------------------------------------------------
_r("dia_danh_thoi_gian.thieu", "PL I §II.4", L, "Thiếu địa danh và thời gian ban hành",
   "Place and date missing")
_r("dia_danh_thoi_gian.dinh_dang", "PL I §II.4.b–c", L,
   "Địa danh và thời gian phải có dạng “Hà Nội, ngày 05 tháng 02 năm 2021”",
   "Place and date must read “Hà Nội, ngày 05 tháng 02 năm 2021”")
_r("dia_danh_thoi_gian.so_0_dau", "PL I §II.4.b", L,
   "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước (tháng 3–12 không)",
   "Day < 10 and months 1–2 take a leading zero (months 3–12 do not)", True)
_r("dia_danh_thoi_gian.ngay_khong_hop_le", "PL I §II.4.b", L, "Ngày tháng không có thật",
   "The date does not exist")
_r("dia_danh_thoi_gian.co_chu", "PL I §II.4.c", L, "Cỡ chữ địa danh, thời gian phải từ 13 đến 14",
   "Place and date must be 13–14 pt", True)
_r("dia_danh_thoi_gian.kieu_chu", "PL I §II.4.c", L, "Địa danh và thời gian phải kiểu chữ nghiêng",
   "Place and date must be italic")
# -- tên loại, trích yếu (PL I §II.5) --------------------------------------------------------------
_r("ten_loai.co_chu", "PL I §II.5.b", L, "Cỡ chữ tên loại phải từ 13 đến 14",
   "Type name must be 13–14 pt", True)
_r("ten_loai.kieu_chu", "PL I §II.5.b", L, "Tên loại phải in hoa, đứng, đậm",
   "Type name must be upper case, upright, bold")
_r("ten_loai.can_giua", "PL I §II.5.b", L, "Tên loại phải canh giữa", "Type name must be centred")
_r("trich_yeu.co_chu", "PL I §II.5.b", L, "Cỡ chữ trích yếu phải từ 13 đến 14",
   "Subject line must be 13–14 pt", True)
_r("trich_yeu.kieu_chu", "PL I §II.5.b", L, "Trích yếu phải đứng, đậm",
   "Subject line must be upright, bold")
_r("trich_yeu.can_giua", "PL I §II.5.b", L, "Trích yếu phải canh giữa",
   "Subject line must be centred")
_r("trich_yeu.duong_ke", "PL I §II.5.b", L, "Thiếu đường kẻ ngang nét liền dưới trích yếu",
   "Solid rule under the subject line missing")
_r("trich_yeu_cong_van.thieu", "PL I §II.5.b", L,
   "Công văn thiếu trích yếu “V/v …” dưới số, ký hiệu",
   "Công văn without a “V/v …” subject under the number")
_r("trich_yeu_cong_van.v_v", "PL I §II.5.b", L, "Trích yếu công văn phải bắt đầu bằng “V/v”",
   "Công văn subject must start with “V/v”")
_r("trich_yeu_cong_van.co_chu", "PL I §II.5.b", L, "Cỡ chữ trích yếu công văn phải từ 12 đến 13",
   "Công văn subject must be 12–13 pt", True)
_r("trich_yeu_cong_van.kieu_chu", "PL I §II.5.b", L, "Trích yếu công văn phải kiểu chữ đứng",
   "Công văn subject must be upright")
# -- §II.5.b writes 6 pt; the decree's own mẫu 1.5 sets the V/v right under the number: a warning
_r("trich_yeu_cong_van.khoang_cach", "PL I §II.5.b", C,
   "Trích yếu công văn phải cách số, ký hiệu 6pt", "Công văn subject must be 6 pt below the number")
_r("trich_yeu_cong_van.can_giua", "PL I §II.5.b", L,
   "Trích yếu công văn phải canh giữa dưới số, ký hiệu",
   "Công văn subject must be centred under the number")
# -- nội dung (PL I §II.6) -------------------------------------------------------------------------
_r("noi_dung.co_chu", "PL I §II.6.e", L, "Cỡ chữ nội dung phải từ 13 đến 14",
   "Body text must be 13–14 pt", True)
_r("noi_dung.mot_co_chu", "PL I §II.6.e", C, "Nội dung nên dùng một cỡ chữ thống nhất",
   "Body text should use one size throughout")
_r("noi_dung.can_deu", "PL I §II.6.e", L, "Nội dung phải canh đều hai lề",
   "Body text must be justified")
_r("noi_dung.thut_dau_dong", "PL I §II.6.e", L,
   "Đầu dòng phải lùi vào 1 cm hoặc 1,27 cm (dòng canh giữa, canh phải như tên bảng thì không xét)",
   "First-line indent must be 1 cm or 1.27 cm (centred or right-aligned lines, as a table's "
   "caption, are not judged)")
_r("noi_dung.khoang_cach_doan", "PL I §II.6.e", L, "Khoảng cách giữa các đoạn văn tối thiểu 6pt",
   "Space between paragraphs must be at least 6 pt")
_r("noi_dung.gian_dong", "PL I §II.6.e", L, "Khoảng cách dòng từ dòng đơn đến 1,5 lines",
   "Line spacing must be single to 1.5 lines")
_r("noi_dung.ket_thuc", "PL III §II (mẫu 1.1–3.2)", C, "Nội dung văn bản nên kết thúc bằng “./.”",
   "The body should end with “./.” as every sample does")
_r("can_cu.kieu_chu", "PL I §II.6.a", L, "Căn cứ ban hành phải kiểu chữ nghiêng",
   "Legal bases must be italic")
_r("can_cu.dau_cau", "PL I §II.6.a", L,
   "Mỗi căn cứ kết thúc bằng dấu chấm phẩy (;), căn cứ cuối cùng bằng dấu chấm (.)",
   "Each legal basis ends with “;”, the last one with “.”")
_r("dieu.danh_so", "PL I §II.6.đ", L, "Số thứ tự các điều phải liên tục từ 1",
   "Articles must be numbered 1, 2, 3 … without gaps")
_r("dieu.dinh_dang", "PL I §II.6.đ", L, "Điều phải có dạng “Điều 1. Tiêu đề”, in đậm",
   "An article reads “Điều 1. Title”, in bold")
_r("khoan.danh_so", "PL I §II.6.đ", L, "Số thứ tự các khoản phải liên tục từ 1",
   "Clauses must be numbered 1, 2, 3 … without gaps")
_r("diem.chu_cai", "PL I §II.6.đ", L, "Điểm phải dùng chữ cái tiếng Việt (không có f, j, w, z)",
   "Points use Vietnamese letters (no f, j, w, z)")
_r("diem.thu_tu", "PL I §II.6.đ", L,
   "Thứ tự các điểm theo bảng chữ cái tiếng Việt: a), b), c), d), đ), e), g) …",
   "Points follow the Vietnamese alphabet: a), b), c), d), đ), e), g) …")
_r("chuong_muc.so_thu_tu", "PL I §II.6.đ", L,
   "Phần, Chương đánh số La Mã (Chương I); Mục, Tiểu mục đánh số Ả Rập (Mục 1)",
   "Parts and chapters take Roman numerals (Chương I), sections Arabic ones (Mục 1)")
_r("chuong_muc.can_giua", "PL I §II.6.đ", L, "Dòng Phần, Chương, Mục phải canh giữa",
   "The Phần/Chương/Mục line must be centred")
_r("chuong_muc.kieu_chu", "PL I §II.6.đ", L, "Dòng Phần, Chương, Mục phải kiểu chữ đứng, đậm",
   "The Phần/Chương/Mục line must be upright, bold")
_r("chuong_muc.dong_rieng", "PL I §II.6.đ", L,
   "Phần, Chương, Mục, Tiểu mục và số thứ tự trình bày trên một dòng riêng, tên ở dòng dưới",
   "Phần/Chương/Mục and its number stand on a line of their own, the title on the next")
_r("chuong_muc.tieu_de_can_giua", "PL I §II.6.đ", L, "Tên Phần, Chương, Mục phải canh giữa",
   "The title of a Phần/Chương/Mục must be centred")
_r("chuong_muc.tieu_de_kieu_chu", "PL I §II.6.đ", L, "Tên Phần, Chương, Mục phải in hoa, đứng, đậm",
   "The title of a Phần/Chương/Mục must be upper case, upright, bold")
# -- chữ ký (PL I §II.7) ---------------------------------------------------------------------------
_r("tham_quyen.viet_tat", "PL I §II.7.b", L,
   "Chữ viết tắt quyền hạn phải là “TM.”, “Q.”, “KT.”, “TL.”, “TUQ.”",
   "Authority prefix must be “TM.”, “Q.”, “KT.”, “TL.” or “TUQ.”")
_r("tham_quyen.co_chu", "PL I §II.7.đ", L, "Cỡ chữ quyền hạn, chức vụ phải từ 13 đến 14",
   "Authority and position must be 13–14 pt", True)
_r("tham_quyen.kieu_chu", "PL I §II.7.đ", L, "Quyền hạn, chức vụ phải in hoa, đứng, đậm",
   "Authority and position must be upper case, upright, bold")
_r("ho_ten.co_chu", "PL I §II.7.đ", L, "Cỡ chữ họ tên người ký phải từ 13 đến 14",
   "Signer's name must be 13–14 pt", True)
_r("ho_ten.kieu_chu", "PL I §II.7.đ", L, "Họ tên người ký phải đứng, đậm",
   "Signer's name must be upright, bold")
_r("ho_ten.hoc_ham", "PL I §II.7.c", C, "Không ghi học hàm, học vị trước họ tên người ký",
   "No academic titles before the signer's name")
# -- nơi nhận (PL I §II.9) -------------------------------------------------------------------------
_r("kinh_gui.dau_hai_cham", "PL I §II.9.d", L, "Sau “Kính gửi” phải có dấu hai chấm (:)",
   "“Kính gửi” is followed by a colon")
_r("kinh_gui.co_chu", "PL I §II.9.d", L, "Cỡ chữ Kính gửi phải từ 13 đến 14",
   "“Kính gửi” must be 13–14 pt", True)
_r("kinh_gui.kieu_chu", "PL I §II.9.d", L, "Kính gửi phải kiểu chữ đứng",
   "“Kính gửi” must be upright")
_r("kinh_gui.mot_dong", "PL I §II.9.d", L,
   "Gửi một nơi thì “Kính gửi” và tên nơi nhận trình bày trên cùng một dòng",
   "A single addressee goes on the “Kính gửi” line")
_r("kinh_gui.dau_cau", "PL I §II.9.d", L,
   "Mỗi nơi nhận: đầu dòng gạch (-), cuối dòng (;), dòng cuối (.)",
   "Each addressee: leading “-”, ending “;”, the last “.”")
_r("kinh_gui.thang_hang", "PL I §II.9.d", L,
   "Các gạch đầu dòng phải thẳng hàng với nhau, dưới dấu hai chấm của “Kính gửi:”",
   "The addressees' dashes are aligned with one another under the colon of “Kính gửi:”")
_r("noi_nhan.thieu", "PL I §II.9", L, "Thiếu phần “Nơi nhận:”", "“Nơi nhận:” block missing")
_r("noi_nhan.nhan", "PL I §II.9.d", L, "Phải ghi “Nơi nhận:” (có dấu hai chấm) trên một dòng riêng",
   "The label reads “Nơi nhận:” on its own line")
_r("noi_nhan.nhan_co_chu", "PL I §II.9.d", L, "“Nơi nhận:” phải cỡ chữ 12",
   "“Nơi nhận:” must be 12 pt", True)
_r("noi_nhan.nhan_kieu_chu", "PL I §II.9.d", L, "“Nơi nhận:” phải nghiêng, đậm",
   "“Nơi nhận:” must be bold italic")
_r("noi_nhan.co_chu", "PL I §II.9.d", L, "Danh sách nơi nhận phải cỡ chữ 11",
   "Recipient list must be 11 pt", True)
_r("noi_nhan.kieu_chu", "PL I §II.9.d", L, "Danh sách nơi nhận phải kiểu chữ đứng",
   "Recipient list must be upright")
_r("noi_nhan.dau_cau", "PL I §II.9.d", L,
   "Mỗi nơi nhận: đầu dòng gạch (-), cuối dòng (;); dòng Lưu kết thúc bằng (.)",
   "Each recipient: leading “-”, ending “;”; the Lưu line ends with “.”", True)
_r("noi_nhan.luu_vt", "PL I §II.9.d", L, "Dòng cuối phải là “- Lưu: VT, …”",
   "The last line must be “- Lưu: VT, …”")
_r("noi_nhan.nhu_tren", "PL I §II.9.b", L,
   "Công văn (có Kính gửi): dòng đầu Nơi nhận là “- Như trên;”",
   "With “Kính gửi”, the list starts with “- Như trên;”")
_r("noi_nhan.nhu_dieu", "PL I §II.9.b", L,
   "“Như Điều …” phải chỉ đến một điều của văn bản nêu người chịu trách nhiệm thi hành",
   "“Như Điều N” points at an article of the text that names who executes it")
_r("noi_nhan.sat_le_trai", "PL I §II.9.d", L, "“Nơi nhận” và các gạch đầu dòng phải sát lề trái",
   "“Nơi nhận” and its dashes sit at the left margin")
# -- ô 12, ô 13 (PL I §III.3–4): optional, checked when present ------------------------------------
_r("ky_hieu_nguoi_soan_thao.co_chu", "PL I §III.3", L,
   "Ký hiệu người soạn thảo và số lượng bản phát hành phải cỡ chữ 11",
   "Drafter's initials and number of copies must be 11 pt", True)
_r("ky_hieu_nguoi_soan_thao.kieu_chu", "PL I §III.3", L,
   "Ký hiệu người soạn thảo in hoa, số lượng bản bằng chữ số Ả Rập, kiểu chữ đứng",
   "Drafter's initials upper case, copies in Arabic numerals, upright")
_r("dia_chi.co_chu", "PL I §III.4", L, "Địa chỉ, điện thoại, thư điện tử… phải cỡ chữ từ 11 đến 12",
   "Address, phone, e-mail… must be 11–12 pt", True)
_r("dia_chi.kieu_chu", "PL I §III.4", L, "Địa chỉ, điện thoại, thư điện tử… phải kiểu chữ đứng",
   "Address, phone, e-mail… must be upright")
_r("dia_chi.duong_ke", "PL I §III.4", L,
   "Phía trên địa chỉ, điện thoại… phải có đường kẻ nét liền hết chiều ngang vùng trình bày",
   "A solid full-width rule stands above the address, phone, e-mail…")
# -- số trang (PL I §I.7) --------------------------------------------------------------------------
_r("so_trang.thieu", "PL I §I.7", C,
   "Văn bản có từ hai trang trở lên phải đánh số trang",
   "A document of two or more pages must number its pages")
_r("so_trang.trang_dau", "PL I §I.7", L, "Không hiển thị số trang thứ nhất",
   "Page 1 shows no page number")
_r("so_trang.vi_tri", "PL I §I.7", L, "Số trang đặt canh giữa trong phần lề trên",
   "Page numbers are centred in the top margin")
_r("so_trang.co_chu", "PL I §I.7", L, "Số trang cỡ chữ 13 đến 14", "Page numbers must be 13–14 pt",
   True)
_r("so_trang.kieu_chu", "PL I §I.7", L, "Số trang kiểu chữ đứng", "Page numbers must be upright")
# -- độ khẩn, độ mật (PL I §III.2) -----------------------------------------------------------------
_r("do_khan.van_ban", "PL I §III.2.b", L,
   "Mức độ khẩn phải là “HỎA TỐC”, “THƯỢNG KHẨN” hoặc “KHẨN”",
   "Urgency must read “HỎA TỐC”, “THƯỢNG KHẨN” or “KHẨN”")
_r("do_khan.co_chu", "PL I §III.2.b", L, "Dấu mức độ khẩn cỡ chữ 13 đến 14",
   "Urgency stamp must be 13–14 pt", True)
_r("do_khan.kieu_chu", "PL I §III.2.b", L, "Dấu mức độ khẩn in hoa, đứng, đậm",
   "Urgency stamp must be upper case, upright, bold")
_r("do_khan.khung", "PL I §III.2.b", C, "Dấu mức độ khẩn có khung hình chữ nhật viền đơn",
   "Urgency stamp sits in a single-bordered box")
_r("do_mat.kieu_chu", "PL I §III.2.a", C, "Dấu độ mật in hoa, đứng, đậm (UNCONFIRMED)",
   "Secrecy stamp upper case, upright, bold (UNCONFIRMED)")

CATALOG: Mapping[str, CheckRule] = MappingProxyType({r.id: r for r in _ROWS})
