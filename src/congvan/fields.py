"""What every input field is, in Vietnamese: its title, its kind, and the Decree 30 rule behind it.

One source for three readers, so they cannot drift: the field tables of docs/input.md
(``scripts/build_docs.py`` writes them), the titles and descriptions of the JSON Schema an editor
shows (``congvan.schema``), and the test that every model field is documented. Paths are the dotted
field paths a clerk types (``nguoi_ky.tham_quyen``); a rule cites PL I (Appendix I), PL III or an
article.

>>> FIELDS["trich_yeu"].title
'Trích yếu nội dung'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FIELDS", "INPUT_ONLY", "MODEL_DOCS", "FieldDoc", "markdown_table"]


@dataclass(frozen=True)
class FieldDoc:
    """One input field: Vietnamese `title` and `mo_ta` (what an editor shows), the `kind` of value,
    and the `rule` in English (Markdown, for docs/input.md)."""

    title: str
    mo_ta: str
    kind: str
    rule: str


#: Per document model (JSON Schema ``$defs`` name): its Vietnamese title and description.
MODEL_DOCS: dict[str, tuple[str, str]] = {
    "CongVan": ("Công văn", "Công văn (mẫu 1.5, Phụ lục III Nghị định 30/2020/NĐ-CP): văn bản "
                "không có tên loại, trích yếu sau “V/v” dưới số, ký hiệu = viết tắt cơ quan - đơn "
                "vị soạn thảo."),
    "NghiQuyet": ("Nghị quyết (cá biệt)", "Nghị quyết cá biệt (mẫu 1.1, PL III): thẩm quyền ban "
                  "hành, căn cứ, “QUYẾT NGHỊ:”, các Điều; ký “TM.” tập thể; ký hiệu NQ-<cơ quan>."),
    "QuyetDinh": ("Quyết định (cá biệt)", "Quyết định cá biệt (mẫu 1.2 trực tiếp, 1.3 gián tiếp "
                  "kèm văn bản được ban hành): thẩm quyền ban hành, căn cứ, “QUYẾT ĐỊNH:”, các "
                  "Điều; ký hiệu QĐ-<cơ quan>."),
    "VanBanCoTenLoai": ("Văn bản có tên loại", "Văn bản có tên loại theo mẫu 1.4 (chỉ thị, quy "
                        "chế, quy định, thông cáo, thông báo, hướng dẫn, chương trình, kế hoạch, "
                        "phương án, đề án, dự án, báo cáo, tờ trình, giấy ủy quyền, phiếu gửi, "
                        "phiếu chuyển, phiếu báo); ký hiệu <viết tắt loại>-<cơ quan>."),
    "PhuLuc": ("Phụ lục", "Phụ lục kèm theo văn bản (PL I §III.1, mẫu 2.1): trang mới, “Phụ lục "
               "I”, tiêu đề, dòng “(Kèm theo …)”."),
    "VanBanKemTheo": ("Văn bản kèm theo", "Văn bản được quyết định ban hành hoặc phê duyệt (mẫu "
                      "1.3): quy chế, quy định, kế hoạch… trên trang mới, số và ngày là của quyết "
                      "định."),
    "CoQuanBanHanh": ("Cơ quan ban hành", "Tên cơ quan, tổ chức ban hành văn bản (ô 2, PL I "
                                          "§II.2)."),
    "NguoiKy": ("Người ký", "Thẩm quyền ký, chức vụ, họ tên người ký (ô 7a–7c, Đ.13, PL I §II.7)."),
    "DongThamQuyen": ("Dòng thẩm quyền ký", "TM., KT., TL., TUQ. hoặc Q. và chức danh đứng sau."),
    "NoiNhan": ("Nơi nhận", "Một nơi nhận (ô 9b, PL I §II.9.d), có thể kèm ghi chú."),
    "DauCoQuan": ("Dấu cơ quan", "Ảnh dấu của cơ quan (ô 8, PL I §II.8.a, Đ.33), đặt đúng kích "
                                 "thước thật."),
    "DoKhan": ("Độ khẩn", "Mức độ khẩn (ô 10b, PL I §III.2.b)."),
    "DoMat": ("Độ mật", "Mức độ mật (ô 10a; Luật Bảo vệ bí mật nhà nước 2018)."),
    "GiayMoi": ("Giấy mời", "Giấy mời (mẫu 1.7, PL III): trích yếu cuộc họp, “<cơ quan> trân "
                "trọng kính mời:”, Tới dự, Chủ trì, Thời gian (thứ tính từ ngày), Địa điểm; ký "
                "hiệu GM-<cơ quan>. Nhiều khách mời: một giấy kèm danh sách, hoặc mỗi người một "
                "giấy (moi_rieng)."),
    "GiayGioiThieu": ("Giấy giới thiệu", "Giấy giới thiệu (mẫu 1.8, PL III): không có trích yếu; "
                      "Ông (bà), Chức vụ, Được cử đến, Về việc, giá trị đến ngày; ký hiệu "
                      "GGT-<cơ quan>."),
    "GiayNghiPhep": ("Giấy nghỉ phép", "Giấy nghỉ phép (mẫu 1.10, PL III): không có trích yếu; "
                     "xét đơn, người nghỉ, thời gian nghỉ (số ngày congvan tính), nơi nghỉ, xác "
                     "nhận nơi nghỉ (nếu cần); ký hiệu GNP-<cơ quan>."),
    "BienBan": ("Biên bản", "Biên bản cuộc họp (mẫu 1.9, PL III): không có dòng địa danh, ngày "
                "tháng; tên cuộc họp dưới “BIÊN BẢN”; thời gian, địa điểm, thành phần, chủ trì, "
                "thư ký; THƯ KÝ và CHỦ TỌA ký ngang nhau; ký hiệu BB-<cơ quan>."),
    "ThuKy": ("Thư ký", "Thư ký (người ghi biên bản): ký bên trái biên bản (mẫu 1.9)."),
    "CongDien": ("Công điện", "Công điện (mẫu 1.6, PL III): “CÔNG ĐIỆN”, trích yếu, dòng “<cơ "
                 "quan hoặc chức danh> điện:” và các nơi nhận điện; độ khẩn thường là HỎA TỐC "
                 "hoặc THƯỢNG KHẨN; ký hiệu CĐ-<cơ quan>."),
    "HopDong": ("Hợp đồng, bản ghi nhớ, bản thỏa thuận", "Văn bản hai bên ký (Nghị định 30 "
                "không có mẫu; theo thông lệ): các bên, nội dung chia Điều, “ĐẠI DIỆN BÊN A” và "
                "“ĐẠI DIỆN BÊN B” ký ngang nhau; ký hiệu HĐ-, BGN-, BTT-<cơ quan>."),
    "CoQuanLienTich": ("Cơ quan liên tịch", "Cơ quan cùng ban hành văn bản liên tịch: tên, "
                       "chữ viết tắt, người ký (theo thông lệ; Nghị định 30 không quy định)."),
    "ThuCong": ("Thư công", "Thư công (Điều 7; Nghị định 30 không có mẫu, theo thông lệ): tên "
                "thư in hoa ở chỗ tên loại (THƯ CHÚC MỪNG), dịp gửi thư dưới tên, Kính gửi nếu "
                "có; ký hiệu như công văn, <cơ quan>-<đơn vị>."),
    "BenHopDong": ("Một bên ký kết", "Tên, địa chỉ, điện thoại, mã số thuế, tài khoản và người "
                   "đại diện ký của một bên (theo thông lệ)."),
}

FIELDS: dict[str, FieldDoc] = {
    "loai_van_ban": FieldDoc(
        "Loại văn bản", "Loại văn bản theo Phụ lục III (cong_van, quyet_dinh, ke_hoach…); quyết "
                        "định các trường còn lại.",
        "type key",
        "The document type (Đ.7; PL III), which chooses the fields: `cong_van`, `nghi_quyet`, "
        "`quyet_dinh`, or a type of mẫu 1.4 (`ke_hoach`, `thong_bao`, `bao_cao`, `to_trinh`, …; "
        "see [Types](#document-types-and-their-components)). Required."),
    "co_quan_chu_quan": FieldDoc(
        "Tên cơ quan chủ quản", "Tên cơ quan, tổ chức chủ quản trực tiếp, in hoa, cỡ 12, đứng "
                                "trên tên cơ quan ban hành (PL I §II.2). Được xuống dòng.",
        "text, optional, may have line breaks",
        "Tên cơ quan, tổ chức chủ quản trực tiếp: printed upper case, 12 pt, regular, above the "
        "issuing body (PL I §II.2). Local parents carry the place (`UBND tỉnh Khánh Hòa`)."),
    "co_quan_ban_hanh": FieldDoc(
        "Cơ quan ban hành", "Cơ quan, tổ chức ban hành văn bản (ô 2, PL I §II.2).",
        "mapping", "The issuing body (ô 2, PL I §II.2)."),
    "co_quan_ban_hanh.ten": FieldDoc(
        "Tên cơ quan ban hành", "Tên đầy đủ của cơ quan ban hành; in hoa, đậm, cỡ 12, có đường kẻ "
                                "dưới (PL I §II.2.b). Được xuống dòng.",
        "text, may have line breaks",
        "Its full official name: upper case, 12 pt, bold, with a rule 1/3–1/2 of the line under "
        "it (§II.2.b). Your line breaks are kept."),
    "co_quan_ban_hanh.ten_viet_tat": FieldDoc(
        "Tên viết tắt của cơ quan ban hành", "Chữ viết tắt tên cơ quan ban hành, đứng trong ký "
                                             "hiệu văn bản, ví dụ UBND (PL I §II.3.b).",
        "abbreviation",
        "Opens the ký hiệu (`UBND`): see [Abbreviations](#abbreviations-in-the-ký-hiệu) "
        "(§II.3.b–c)."),
    "so_van_ban": FieldDoc(
        "Số văn bản", "Số thứ tự văn bản trong năm (Đ.15), số nguyên từ 1; dưới 10 in thêm số 0 "
                      "(05). Để trống khi là dự thảo.",
        "integer ≥ 1, optional",
        "Số (ô 3): the body's running number for the year (Đ.15), printed with a leading 0 below "
        "10 (`05`). Leave it out for a draft: a gap is left for the Văn thư. Write it as a number "
        "(`4172`, `5`) or as the decree prints it (`05`, also `\"05\"` in JSON); a leading zero "
        "anywhere else (`010`, `007`) is refused (`so_van_ban.leading_zero`) rather than re-read, "
        "since the decree pads only numbers below 10 and what is printed must be what you typed. "
        "`true`, `1.5`, `1e3` are refused."),
    "don_vi_soan_thao": FieldDoc(
        "Đơn vị soạn thảo", "Chữ viết tắt đơn vị soạn thảo; ký hiệu công văn là <cơ quan>-<đơn "
                            "vị>, ví dụ UBND-VHTT (PL I §II.3.b).",
        "abbreviation",
        "The drafting unit or field: a công văn's ký hiệu is `<issuer>-<unit>` (`UBND-VHTT`, "
        "`VPCP-V.I`, §II.3.b)."),
    "dia_danh": FieldDoc(
        "Địa danh", "Tên chính thức của đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ Nha "
                    "Trang, Thành phố Hồ Chí Minh (PL I §II.4.a).",
        "text",
        "Địa danh (ô 4): the official name of the administrative unit where the body sits, "
        "capitalised as Appendix II says (`Thành phố Hồ Chí Minh`, `Quận 1`) (§II.4.a). It starts "
        "with a capital and has no comma: congvan writes the comma after it (§II.4.c; codes "
        "`dia_danh.viet_hoa`, `dia_danh.dau_phay`)."),
    "ngay": FieldDoc(
        "Ngày ban hành", "Ngày ban hành, viết dd/mm/yyyy (01/07/2021) hoặc yyyy-mm-dd; in “ngày "
                         "01 tháng 7 năm 2021” (PL I §II.4.b).",
        "date",
        "Issue date: `01/07/2021`, `1/7/2021` or `2021-07-01`. Printed `ngày 01 tháng 7 năm "
        "2021`: day < 10 and months 1, 2 padded (§II.4.b); italic, 13 pt, centred under the Quốc "
        "hiệu, level with Số (§II.4.c)."),
    "trich_yeu": FieldDoc(
        "Trích yếu nội dung", "Trích yếu nội dung văn bản: công văn in sau “V/v” dưới số, ký hiệu; "
                              "văn bản có tên loại in đậm dưới tên loại (PL I §II.5.b). Được xuống "
                              "dòng.",
        "text, may have line breaks",
        "The subject. A công văn prints it after `V/v` under the number, 12 pt, regular, 6 pt "
        "below it: do not start it with `Về …`, congvan prints `V/v` (về việc). A type with a tên "
        "loại prints it bold, 14 pt, centred under the type name, with a rule under it "
        "(`Về việc thành lập …`, `Ban hành Quy chế …`) (§II.5.b). Your line breaks are kept; a "
        "line wider than the column is broken by congvan (see [Line breaks](#line-breaks))."),
    "tham_quyen_ban_hanh": FieldDoc(
        "Thẩm quyền ban hành", "Chức vụ người đứng đầu hoặc tên tập thể có thẩm quyền ban hành, "
                               "viết thường như câu (Chủ tịch Ủy ban nhân dân thành phố Nha "
                               "Trang); in hoa, đậm, trên các căn cứ (mẫu 1.1–1.3).",
        "text",
        "The authority line of a nghị quyết or quyết định (mẫu 1.1–1.3, note 6): the head's title "
        "or the collective's name, typed in sentence case, printed upper case, bold, centred "
        "above the căn cứ. Required for those types (`tham_quyen_ban_hanh.thieu`); other types "
        "have none (`tham_quyen_ban_hanh.khong_co`)."),
    "can_cu": FieldDoc(
        "Căn cứ ban hành", "Các căn cứ ban hành, mỗi căn cứ một mục (Căn cứ Luật …); dòng cuối có "
                           "thể là “Theo đề nghị của …”. Dấu “;” và “.” cuối dòng do congvan viết "
                           "(PL I §II.6.a).",
        "list of text",
        "The legal bases (§II.6.a), one per item, printed italic, each on its own line, `;` after "
        "each and `.` after the last: a `;`, `.` or `,` you type at the end is dropped. Type the "
        "words `Căn cứ …` yourself; the last item may be `Theo đề nghị của …` (mẫu 1.2). Required, "
        "at least one, for a nghị quyết and a quyết định (`can_cu.thieu`); optional for mẫu 1.4 "
        "types; a công văn has none."),
    "kinh_gui": FieldDoc(
        "Kính gửi", "Danh sách cơ quan, tổ chức, cá nhân nhận văn bản, sau “Kính gửi:” (PL I "
                    "§II.9.d).",
        "list of text",
        "Kính gửi (ô 9a, §II.9.d): one recipient goes on the `Kính gửi:` line; several become a "
        "dash list under the colon, `;` after each, `.` after the last. Required for a công văn "
        "and a tờ trình (`kinh_gui.thieu`), optional for a báo cáo and other mẫu 1.4 types, none "
        "for a giấy ủy quyền (`kinh_gui.khong_co`). With a Kính gửi, the Nơi nhận starts with `Như "
        "trên`."),
    "noi_dung": FieldDoc(
        "Nội dung", "Nội dung văn bản: mỗi mục là một đoạn chữ (đánh dấu kiểu Markdown: **đậm**, "
                    "*nghiêng*, # Điều: …, 1. khoản, - gạch đầu dòng) hoặc một bảng (bang); đoạn "
                    "cuối kết thúc bằng “./.” (PL I §II.6).",
        "list of blocks, at least one",
        "The body (ô 6): each item a block, a string in the body markup (a plain paragraph stays "
        "a plain paragraph) or a table `{bang: …}`; see [The body](#the-body-noi_dung). 14 pt, "
        "justified, first line indented 1.27 cm, 6 pt between paragraphs (§II.6.e). Congvan "
        "numbers Phần, Chương, Mục, Điều, khoản and điểm from the structure (§II.6.đ). A nghị "
        "quyết and a quyết định need at least one `# Điều: …` (`noi_dung.dieu`). The last "
        "paragraph ends with `./.` (every sample of PL III)."),
    "phu_luc": FieldDoc(
        "Phụ lục", "Các phụ lục kèm theo văn bản, mỗi phụ lục trên trang mới; từ hai phụ lục trở "
                   "lên đánh số La Mã I, II (PL I §III.1).",
        "list, optional",
        "Appendices (PL I §III.1, mẫu 2.1), each on a new page: `Phụ lục I` (numbered I, II, … "
        "only when there are two or more, else `Phụ lục` alone), its title, `(Kèm theo <type> số "
        "… ngày … của …)`, a rule, then its body; page numbers restart."),
    "phu_luc.id": FieldDoc(
        "Mã phụ lục", "Mã để nhắc tới phụ lục trong nội dung: {phu_luc:mã} in số của phụ lục.",
        "id, optional",
        "An id (`[a-z0-9][a-z0-9_-]*`) for references: `{phu_luc:bang-gia}` prints its number "
        "(`II`). Unique in the document (`noi_dung.trung_id`)."),
    "phu_luc.tieu_de": FieldDoc(
        "Tiêu đề phụ lục", "Tiêu đề của phụ lục, in hoa, đậm, dưới “Phụ lục I”. Được xuống dòng.",
        "text, optional, may have line breaks",
        "The appendix's title, upper case, bold, centred under `Phụ lục I` (§III.1)."),
    "phu_luc.noi_dung": FieldDoc(
        "Nội dung phụ lục", "Nội dung của phụ lục, viết như nội dung văn bản.",
        "list of blocks, at least one",
        "The appendix's body, in the same markup as `noi_dung`; its Điều, if any, are numbered on "
        "their own."),
    "phu_luc.ngang": FieldDoc(
        "Trang ngang", "true: phụ lục in trên trang nằm ngang (bảng rộng).",
        "true/false, default false",
        "Landscape pages for this appendix (a wide table: 252 mm of text width instead of 165)."),
    "van_ban_kem_theo": FieldDoc(
        "Văn bản kèm theo", "Văn bản được quyết định ban hành hoặc phê duyệt (quyết định gián "
                            "tiếp, mẫu 1.3): trang mới, tên loại, trích yếu, dòng “(Kèm theo "
                            "Quyết định số … ngày … của …)”.",
        "mapping, optional",
        "Quyết định only (mẫu 1.3): the Quy chế, Quy định, Kế hoạch… the decision promulgates or "
        "approves, on a new page with its type name, trích yếu and `(Kèm theo Quyết định số … "
        "ngày … của …)` from the decision's own number and date (never typed twice). The "
        "decision's `noi_dung` still has its articles (`Điều 1. Ban hành kèm theo Quyết định này "
        "…`)."),
    "van_ban_kem_theo.loai_van_ban": FieldDoc(
        "Loại văn bản kèm theo", "Loại văn bản được ban hành: quy_che, quy_dinh, huong_dan, "
                                 "chuong_trinh, ke_hoach, phuong_an, de_an, du_an.",
        "type key",
        "Its type (mẫu 1.3: a text the decision promulgates or approves): `quy_che`, `quy_dinh`, "
        "`huong_dan`, `chuong_trinh`, `ke_hoach`, `phuong_an`, `de_an`, `du_an` "
        "(rules.THANH_PHAN)."),
    "van_ban_kem_theo.trich_yeu": FieldDoc(
        "Trích yếu văn bản kèm theo", "Trích yếu của văn bản kèm theo, in đậm dưới tên loại.",
        "text, may have line breaks",
        "Its subject, bold under its type name (mẫu 1.3)."),
    "van_ban_kem_theo.noi_dung": FieldDoc(
        "Nội dung văn bản kèm theo", "Nội dung văn bản kèm theo (Chương, Mục, Điều …), viết như "
                                     "nội dung văn bản.",
        "list of blocks, at least one",
        "Its body, in the same markup as `noi_dung` (Chương, Mục, Điều…), its Điều numbered on "
        "their own."),
    "nguoi_ky": FieldDoc(
        "Người ký", "Thẩm quyền ký, chức vụ và họ tên người ký (ô 7a–7c, Đ.13, PL I §II.7).",
        "mapping", "The signature block (ô 7a–7c, Đ.13, §II.7)."),
    "nguoi_ky.tham_quyen": FieldDoc(
        "Thẩm quyền ký", "Các dòng thẩm quyền ký từ trên xuống: TM., KT., TL., TUQ., Q. và chức "
                         "danh đứng sau (Đ.13, PL I §II.7.b).",
        "list",
        "Authority lines, top first: `TM. Ủy ban nhân dân`, `KT. Chủ tịch` (or `{loai: KT, "
        "chuc_danh: Chủ tịch}`). `TM.` stands only first and before a collective body's name, "
        "never a person's title; `KT.`, `TL.`, `TUQ.` need the signer's own title (`chuc_vu`) "
        "below; `TL.` may be followed by `KT.` (TL. BỘ TRƯỞNG / KT. CHÁNH VĂN PHÒNG); `TUQ.` is "
        "never delegated further; `Q.` is the title line itself. Printed upper case, bold, 14 pt. "
        "A line break you type (`KT. Vụ trưởng\\nVụ Giáo dục Trung học`) is kept; a line too wide "
        "for the column is broken between word groups (see [Line breaks](#line-breaks))."),
    "nguoi_ky.tham_quyen.loai": FieldDoc(
        "Loại thẩm quyền", "Tiền tố thẩm quyền: TM., KT., TL., TUQ. hoặc Q. (Đ.13).",
        "`TM.` \\| `KT.` \\| `TL.` \\| `TUQ.` \\| `Q.`",
        "The prefix of an authority line (Đ.13, §II.7.b); the dot may be left out."),
    "nguoi_ky.tham_quyen.chuc_danh": FieldDoc(
        "Chức danh", "Tên tập thể (sau TM.) hoặc chức danh người đứng đầu mà dòng này thay mặt.",
        "text",
        "The body's name (after `TM.`) or the head's title the line stands for."),
    "nguoi_ky.chuc_vu": FieldDoc(
        "Chức vụ người ký", "Chức vụ của chính người ký (Phó Chủ tịch); bắt buộc, trừ khi ký “Q.” "
                            "(PL I §II.7.b–c).",
        "text, may have line breaks",
        "The signer's own title (`Phó Chủ tịch`). Required, except after `Q.` where it must be "
        "left out. An authority prefix does not belong here (`KT Giám đốc` is refused, code "
        "`chuc_vu.prefix`): put it in `tham_quyen`, with its dot."),
    "nguoi_ky.ho_ten": FieldDoc(
        "Họ và tên người ký", "Họ và tên người ký, không ghi học hàm, học vị trước tên (PL I "
                              "§II.7.c).",
        "text",
        "Full name, bold, 14 pt, under room for the signature and seal. No degrees or honorifics "
        "before it (§II.7.c)."),
    "nguoi_ky.anh_chu_ky": FieldDoc(
        "Ảnh chữ ký", "Đường dẫn ảnh chữ ký .png (màu xanh, nền trong suốt) của văn bản điện tử "
                      "(PL I §II.7.d); tính từ thư mục của tệp dữ liệu.",
        "path to a .png, optional",
        "The signature image of an electronic document (ô 7c): blue, transparent background, "
        "centred in the room between the titles and the name (§II.7.d); scaled to fit 45 × 20 mm, "
        "keeping its shape. A relative path is read from the input file's folder, and the image "
        "must lie inside that folder (symlinks resolved) unless the caller allows others "
        "(`--cho-phep-anh-ngoai`, `allow_outside_images=True`). A whole, valid PNG of at most 5 "
        "MB, 10,000 px a side, shape at most 10:1 (docs/security.md)."),
    "noi_nhan": FieldDoc(
        "Nơi nhận", "Danh sách nơi nhận (ô 9b, PL I §II.9.d); công văn bắt đầu bằng “Như trên”.",
        "list",
        "Nơi nhận (ô 9b, §II.9.d): each entry a recipient (`Sở Nội vụ`) or `{ten: …, ghi_chu: …}` "
        "with a note, printed before the semicolon as real công văn write it (`- Bộ trưởng (để "
        "báo cáo);`), upright like the entry (§II.9.d). A công văn's list must start with `Như "
        "trên` (the Kính gửi recipients, §II.9.b: code `noi_nhan.nhu_tren`); left out, it is "
        "`[Như trên]`. Printed 11 pt under `Nơi nhận:` (12 pt bold italic)."),
    "noi_nhan.ten": FieldDoc(
        "Tên nơi nhận", "Tên nơi nhận; dấu “-” đầu dòng và “;” cuối dòng do congvan viết.",
        "text",
        "The recipient. A leading `-` and a trailing `;`/`.` are dropped: congvan writes them. A "
        "bracketed note at the end of a plain string (`- Bộ trưởng; (để báo cáo)`) becomes the "
        "note."),
    "noi_nhan.ghi_chu": FieldDoc(
        "Ghi chú nơi nhận", "Ghi chú cho nơi nhận, ví dụ (VBĐT), (để báo cáo).",
        "text, optional",
        "A note printed before the semicolon: `(VBĐT)`, `(để b/c)`."),
    "noi_luu": FieldDoc(
        "Lưu", "Dòng “Lưu”: bắt đầu bằng VT (Văn thư), sau đó đơn vị soạn thảo và số bản lưu (PL "
               "I §II.9.d).",
        "list, or the line in one string",
        "The last Nơi nhận line, `- Lưu: VT, VHTT.` (§II.9.d), printed as typed: see [The Lưu "
        "line](#the-lưu-line). Default `[VT]`."),
    "ky_hieu_nguoi_soan_thao": FieldDoc(
        "Ký hiệu người soạn thảo", "Ký hiệu người soạn thảo và số bản phát hành, ví dụ PL.(300) "
                                   "(ô 12, PL I §III.3).",
        "text, optional",
        "Ô 12: the drafter's initials and copies issued, e.g. `PL.(300)`, printed upper case "
        "after the Lưu line, 11 pt (PL I §III.3)."),
    "do_khan": FieldDoc(
        "Độ khẩn", "Mức độ khẩn: HỎA TỐC, THƯỢNG KHẨN hoặc KHẨN (ô 10b, PL I §III.2.b).",
        "`HỎA TỐC` \\| `THƯỢNG KHẨN` \\| `KHẨN`, optional",
        "Urgency stamp (ô 10b, PL I §III.2.b): a single-border box 30 / 40 / 20 × 8 mm at the "
        "left margin, words and frame in bright red ink, bold."),
    "do_mat": FieldDoc(
        "Độ mật", "Mức độ mật: TUYỆT MẬT, TỐI MẬT hoặc MẬT (ô 10a).",
        "`TUYỆT MẬT` \\| `TỐI MẬT` \\| `MẬT`, optional",
        "Secrecy stamp (ô 10a; Luật Bảo vệ bí mật nhà nước 2018): boxed at the left margin above "
        "the urgency stamp. Decree 30 gives no size; congvan uses 40 / 30 / 20 mm (practice)."),
    "pham_vi_luu_hanh": FieldDoc(
        "Phạm vi lưu hành", "Chỉ dẫn phạm vi lưu hành, ví dụ “Lưu hành nội bộ”, “Xem xong trả "
                            "lại” (ô 11, PL I §III.2.c).",
        "text, optional",
        "Circulation scope (ô 11, PL I §III.2.c), e.g. `Lưu hành nội bộ`, `Xem xong trả lại`: "
        "upper case, bold, boxed, above the Quốc hiệu on page 1."),
    "dau_co_quan": FieldDoc(
        "Dấu cơ quan", "Ảnh dấu của cơ quan, đặt trùm khoảng 1/3 chữ ký về bên trái (ô 8, PL I "
                       "§II.8.a).",
        "mapping, optional",
        "The body's seal image (ô 8; §II.8.a, Đ.33): red, transparent background, over about the "
        "left third of the signature."),
    "dau_co_quan.hinh_anh": FieldDoc(
        "Ảnh dấu", "Đường dẫn ảnh dấu .png (màu đỏ, nền trong suốt, tối đa 5 MB).",
        "path to a .png",
        "The seal image (≤ 5 MB), read like `nguoi_ky.anh_chu_ky`."),
    "dau_co_quan.rong_mm": FieldDoc(
        "Đường kính dấu (mm)", "Đường kính thật của dấu trên giấy, từ 15 đến 60 mm (mặc định 36).",
        "number, 15–60, default 36",
        "The seal's width on paper: the image is placed at the seal's actual size (§II.8.a). Its "
        "height, from the image's shape, must also be 15–60 mm."),
    "dia_chi": FieldDoc(
        "Địa chỉ liên hệ", "Địa chỉ, điện thoại, thư điện tử, trang thông tin điện tử, mỗi dòng "
                           "một mục (ô 13, PL I §III.4).",
        "list of text, optional",
        "Ô 13: address, phone, fax, e-mail, website, one line each, 11 pt under a full-width rule "
        "at the foot of page 1 (PL I §III.4)."),
    # The giấy (mẫu 1.7, 1.8, 1.10): the labelled lines' fields.
    "khach_moi": FieldDoc(
        "Khách mời", "Người hoặc cơ quan được mời, mỗi mục một nơi (mẫu 1.7, chú thích 6).",
        "list of text", "One entry: on the `trân trọng kính mời:` line; several: a `- …;` list "
        "under it, or one invitation each with `moi_rieng` (PL III mẫu 1.7). Required, ≥ 1."),
    "moi_rieng": FieldDoc(
        "Mời riêng từng người", "true: mỗi khách mời một giấy mời (trộn thư); congvan render ghi "
        "mỗi người một tệp.", "true/false",
        "Mail merge: `congvan render` writes one .docx per invitee into the `-o` folder; in "
        "Python, `congvan.tach_giay_moi(doc)`. Default false: one invitation listing them."),
    "toi_du": FieldDoc("Tới dự", "Tên (nội dung) cuộc họp, hội thảo, hội nghị (mẫu 1.7, chú "
                       "thích 7).", "text", "Printed after `Tới dự` as typed."),
    "gio_hop": FieldDoc("Giờ họp", "Giờ bắt đầu: 08:00, 8:30, 8 giờ 30 phút.", "time",
                        "Printed `08 giờ 00 phút` on the `Thời gian:` line (PL III mẫu 1.7)."),
    "ngay_hop": FieldDoc("Ngày họp", "Ngày họp, dd/mm/yyyy; congvan tự ghi thứ.", "date",
                         "Printed `thứ Năm, ngày 01 tháng 7 năm 2021`: the weekday computed, "
                         "never typed (PL I §II.4.b for the date). Not before `ngay`."),
    "ho_ten": FieldDoc("Họ và tên", "Họ tên người được giới thiệu hoặc được nghỉ phép.", "text",
                       "After `Ông (bà)` (PL III mẫu 1.8, 1.10)."),
    "chuc_vu": FieldDoc("Chức vụ", "Chức vụ, đơn vị công tác của người đó.", "text",
                        "After `Chức vụ:` (PL III mẫu 1.8, 1.10)."),
    "duoc_cu_den": FieldDoc("Được cử đến", "Cơ quan, tổ chức được giới thiệu tới làm việc.",
                            "text", "After `Được cử đến:` (PL III mẫu 1.8)."),
    "ve_viec": FieldDoc("Về việc", "Việc người được giới thiệu đến làm.", "text",
                        "After `Về việc:` (PL III mẫu 1.8)."),
    "co_gia_tri_den": FieldDoc("Có giá trị đến", "Ngày cuối cùng giấy giới thiệu có giá trị.",
                               "date", "`Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2025` "
                               "(PL III mẫu 1.8). Not before `ngay`."),
    "ngay_don": FieldDoc("Ngày của đơn", "Ngày của Đơn đề nghị nghỉ phép.", "date",
                         "`Xét Đơn đề nghị nghỉ phép ngày …` (PL III mẫu 1.10). Not after `ngay`."),
    "tu_ngay": FieldDoc("Nghỉ từ ngày", "Ngày đầu của thời gian nghỉ.", "date",
                        "`kể từ ngày …` (PL III mẫu 1.10)."),
    "den_ngay": FieldDoc("Nghỉ đến hết ngày", "Ngày cuối của thời gian nghỉ.", "date",
                         "`đến hết ngày …`; the days are counted by congvan, both ends included, "
                         "calendar days (practice, UNCONFIRMED). Not before `tu_ngay`."),
    "noi_nghi": FieldDoc("Nơi nghỉ phép", "Nơi người đó nghỉ phép.", "text",
                         "After `tại` (PL III mẫu 1.10, chú thích 6)."),
    "tinh_vao": FieldDoc("Tính vào thời gian", "Loại nghỉ: nghỉ hằng năm có hưởng lương, nghỉ "
                         "không hưởng lương…", "text",
                         "`Số ngày nghỉ phép nêu trên được tính vào thời gian …` (mẫu 1.10, "
                         "chú thích 7)."),
    "xac_nhan_noi_nghi": FieldDoc(
        "Xác nhận nơi nghỉ", "true: in ô xác nhận của cơ quan hoặc chính quyền địa phương nơi "
        "nghỉ phép.", "true/false",
        "The confirmation block under the Nơi nhận, room for signature and seal (PL III mẫu "
        "1.10)."),
    "du_thao": FieldDoc(
        "Dự thảo", "true: in “DỰ THẢO”; một số (2): in “DỰ THẢO LẦN 2”, trong khung, dưới số, ký "
                   "hiệu. Văn bản đã có số thì không được là dự thảo.",
        "`true` \\| integer ≥ 1, optional",
        "Draft mark: not in Decree 30 (shared/decree30.md §3.12); Circular 01/2011's practice, "
        "UNCONFIRMED: boxed, upper case, bold, 14 pt, under the số on page 1. Refused with "
        "`so_van_ban` (`du_thao.co_so`)."),
    # Biên bản (PL III mẫu 1.9)
    "thoi_gian_bat_dau": FieldDoc(
        "Thời gian bắt đầu", "Giờ bắt đầu cuộc họp: 08:00, 14:30 hoặc 8 giờ 30 phút; in “08 giờ 00 "
                             "phút, ngày … tháng … năm …” với ngày họp (ngay) (mẫu 1.9).",
        "time",
        "Biên bản: when the meeting starts, typed `\"08:00\"`, `14:30`, `8 giờ 30 phút`; printed "
        "`Thời gian bắt đầu: 08 giờ 00 phút, ngày 12 tháng 7 năm 2024.` with `ngay`, the day of "
        "the meeting (mẫu 1.9). Quote `\"08:00\"` in YAML."),
    "dia_diem": FieldDoc(
        "Địa điểm", "Nơi họp (mẫu 1.7, 1.9).", "text",
        "Giấy mời, biên bản: where the meeting is held, printed after `Địa điểm:` (PL III mẫu "
        "1.7, 1.9)."),
    "thanh_phan_tham_du": FieldDoc(
        "Thành phần tham dự", "Những người, cơ quan dự họp, mỗi mục một dòng (mẫu 1.9).",
        "list of text, at least one",
        "Biên bản: who attends; one goes on the `Thành phần tham dự:` line, several become a dash "
        "list under it, `;` after each, `.` after the last (mẫu 1.9)."),
    "chu_tri": FieldDoc(
        "Chủ trì (chủ tọa)", "Người chủ trì, chức vụ: Ông Lê Minh Tuấn, Phó Chủ tịch …; trong "
                             "biên bản là người ký CHỦ TỌA (nguoi_ky) (mẫu 1.7, 1.9).",
        "text",
        "Giấy mời: printed after `Chủ trì:` (mẫu 1.7). Biên bản: the chair, as the line prints "
        "it (`Ông Lê Minh Tuấn, Phó Chủ tịch …`). The "
        "chair signs under `CHỦ TỌA`, so the line must contain `nguoi_ky.ho_ten` "
        "(`chu_tri.nguoi_ky`); `nguoi_ky` has no `tham_quyen` (`tham_quyen.bien_ban`): its "
        "`chuc_vu` is printed under `CHỦ TỌA` (mẫu 1.9, note 5)."),
    "thu_ky": FieldDoc(
        "Thư ký", "Người ghi biên bản: ký bên trái, dưới “THƯ KÝ” (mẫu 1.9).", "mapping",
        "Biên bản: the secretary, who signs on the left under `THƯ KÝ` (mẫu 1.9)."),
    "thu_ky.ho_ten": FieldDoc(
        "Họ tên thư ký", "Họ và tên thư ký, in đậm dưới chỗ ký bên trái.", "text",
        "Printed on the `Thư ký (người ghi biên bản):` line and, bold, under the left signature "
        "room, level with the chair's name."),
    "thu_ky.chuc_vu": FieldDoc(
        "Chức vụ thư ký", "Chức vụ, đơn vị của thư ký, in sau họ tên ở dòng Thư ký.",
        "text, optional",
        "Printed after the name on the `Thư ký` line only (mẫu 1.9's block reads `THƯ KÝ`)."),
    "thoi_gian_ket_thuc": FieldDoc(
        "Thời gian kết thúc", "Giờ kết thúc cuộc họp: 10:30; in ở câu kết “Cuộc họp kết thúc "
                              "vào 10 giờ 30 phút cùng ngày, …” (mẫu 1.9).",
        "time",
        "Biên bản: when the meeting ends, printed in the closing line `Cuộc họp kết thúc vào 10 "
        "giờ 30 phút cùng ngày, nội dung cuộc họp đã được các thành viên dự họp thông qua và "
        "cùng ký vào biên bản./.` (mẫu 1.9). It must follow the start "
        "(`thoi_gian_ket_thuc.truoc_bat_dau`) unless `ngay_ket_thuc` is a later day."),
    "ngay_ket_thuc": FieldDoc(
        "Ngày kết thúc", "Ngày kết thúc cuộc họp, khi khác ngày họp (dd/mm/yyyy).",
        "date, optional",
        "Biên bản: the day the meeting ends when it is not `ngay`; the closing line then reads "
        "`… kết thúc vào … giờ … phút, ngày … tháng … năm …` (mẫu 1.9). Not before `ngay` "
        "(`ngay_ket_thuc.truoc_bat_dau`)."),
    # Công điện (PL III mẫu 1.6)
    "co_quan_dien": FieldDoc(
        "Cơ quan, người điện", "Tên cơ quan, tổ chức hoặc chức danh người đứng đầu đứng trước "
                               "“điện:” (Thủ tướng Chính phủ điện:); mặc định là tên cơ quan "
                               "ban hành (mẫu 1.6, ghi chú 6).",
        "text, optional",
        "Công điện: who cables, printed `<…> điện:` where a Kính gửi stands (mẫu 1.6, note 6: the "
        "body's name or its head's title, `Chủ tịch Ủy ban nhân dân thành phố Nha Trang`). "
        "Without it, the issuing body's name."),
    "noi_nhan_dien": FieldDoc(
        "Nơi nhận điện", "Các cơ quan, tổ chức nhận điện, mỗi mục một dòng; in “- …;”, mục cuối "
                         "“.” (mẫu 1.6, ghi chú 7).",
        "list of text, at least one",
        "Công điện: the addressees, under the `điện:` line as a dash list, `;` after each and "
        "`.` after the last, one addressee too (mẫu 1.6, note 7)."),
    # Hợp đồng, bản ghi nhớ, bản thỏa thuận (no mẫu in PL III: practice, decree30.md §5)
    "ben_a": FieldDoc(
        "Bên A", "Bên A là cơ quan ban hành, ký bởi nguoi_ky; ghi thêm địa chỉ, điện thoại, mã "
                 "số thuế, tài khoản nếu cần.",
        "mapping, optional",
        "Hợp đồng, bản ghi nhớ, bản thỏa thuận: the issuing body as Bên A (its name by default), "
        "signed by `nguoi_ky` under `ĐẠI DIỆN BÊN A` on the left; no `nguoi_ky` of its own "
        "(`ben_a.nguoi_ky`). Practice: the decree gives no mẫu (shared/decree30.md §5)."),
    "ben_b": FieldDoc(
        "Bên B", "Bên kia: tên, địa chỉ…, và người đại diện ký (nguoi_ky).", "mapping",
        "The other party, signing under `ĐẠI DIỆN BÊN B` on the right: `ten` "
        "(`ben_b.ten`) and `nguoi_ky` (`ben_b.nguoi_ky`) required."),
    **{f"ben_{b}.{k}": FieldDoc(t, m, "text, optional", r) for b in "ab" for k, t, m, r in (
        ("ten", "Tên", "Tên của bên ký kết.", "Printed bold after `Bên A:` / `Bên B:`."),
        ("dia_chi", "Địa chỉ", "Địa chỉ của bên ký kết.", "`Địa chỉ: …`"),
        ("dien_thoai", "Điện thoại", "Số điện thoại.", "`Điện thoại: …`"),
        ("ma_so_thue", "Mã số thuế", "Mã số thuế (viết trong ngoặc kép ở YAML).",
         "`Mã số thuế: …`; quote it in YAML."),
        ("tai_khoan", "Số tài khoản", "Số tài khoản và ngân hàng.", "`Số tài khoản: …`"),
    )},
}

FIELDS.update({
    "co_quan_lien_tich": FieldDoc(
        "Cơ quan liên tịch", "Các cơ quan cùng ban hành (văn bản liên tịch), nhiều nhất 3: tên in "
                             "dưới cơ quan chủ trì, chữ viết tắt thêm vào ký hiệu, mỗi cơ quan "
                             "một khối chữ ký.",
        "list of up to three mappings, optional",
        "A joint document (văn bản liên tịch, practice outside the decree: shared/decree30.md "
        "§3.3), mẫu 1.4 types: each co-issuer's name stacked under the lead's in ô 2, its "
        "abbreviation after the lead's in the ký hiệu (`KH-UBND-MTTQ`), its own signature block "
        "with its own authority lines: the first left of the lead's, the others two to a row "
        "below. Only the lead's signature image is placed (`lien_tich.anh_chu_ky`)."),
    "co_quan_lien_tich.ten": FieldDoc(
        "Tên cơ quan liên tịch", "Tên đầy đủ; in hoa, đậm dưới tên cơ quan chủ trì.",
        "text, may have line breaks", "As `co_quan_ban_hanh.ten`."),
    "co_quan_lien_tich.ten_viet_tat": FieldDoc(
        "Viết tắt", "Chữ viết tắt, thêm vào cuối ký hiệu (KH-UBND-MTTQ).", "abbreviation",
        "Appended to the ký hiệu after the lead's."),
    **{f"co_quan_lien_tich.{path}": doc for path, doc in list(FIELDS.items())
       if path == "nguoi_ky" or path.startswith("nguoi_ky.")},
})

FIELDS.update({
    "ten_thu": FieldDoc(
        "Tên thư", "Thư công: tên thư, bắt đầu bằng “Thư”, ví dụ Thư chúc mừng, Thư cảm ơn, Thư "
                   "ngỏ; in hoa, đậm ở chỗ tên loại.",
        "text",
        "Thư công: the letter's own name, opening with `Thư`, printed in upper case where a type "
        "name stands (practice: the decree gives the type no printed name, shared/decree30.md "
        "§4)."),
})

# A party's signer is a NguoiKy: its fields read as the document's (Bên B's only; Bên A is signed
# by the document's nguoi_ky).
FIELDS.update({f"ben_{b}.{path}": doc for b in "ab" for path, doc in list(FIELDS.items())
               if path == "nguoi_ky" or path.startswith("nguoi_ky.")})

#: Keys a spec may hold that are not fields of a model: the issuer profile the reader merges, and
#: the parts of a table block (read by congvan.noi_dung). The JSON Schema titles them from here.
INPUT_ONLY: dict[str, FieldDoc] = {
    "co_quan": FieldDoc(
        "Hồ sơ cơ quan", "Đường dẫn tới tệp hồ sơ cơ quan (.yaml, .json) chứa các phần cố định: "
                         "cơ quan chủ quản, cơ quan ban hành, địa danh, địa chỉ, Lưu, người ký; "
                         "tính từ thư mục của tệp dữ liệu.",
        "path, optional",
        "An issuer profile: see [Issuer profiles](#issuer-profiles-co_quan)."),
    "bang": FieldDoc("Bảng", "Một bảng trong nội dung.", "mapping", "A table block."),
    "bang.tieu_de": FieldDoc("Tên bảng", "Tên bảng, in đậm, giữa, trên bảng.", "text", ""),
    "bang.don_vi": FieldDoc("Đơn vị tính", "Dòng “Đơn vị tính: …”, nghiêng, bên phải, trên bảng.",
                            "text", ""),
    "bang.cot": FieldDoc("Các cột", "Mỗi cột một mục: độ rộng (mm) và căn lề.", "list", ""),
    "bang.cot.rong": FieldDoc("Độ rộng cột", "Độ rộng cột, tính bằng mm.", "number", ""),
    "bang.cot.can": FieldDoc("Căn lề", "Căn lề: trai, giua hoặc phai.", "`trai` \\| `giua` \\| "
                             "`phai`", ""),
    "bang.dau": FieldDoc("Dòng tiêu đề bảng", "Các dòng tiêu đề, lặp lại đầu mỗi trang.", "list",
                         ""),
    "bang.dong": FieldDoc("Các dòng của bảng", "Các dòng nội dung của bảng.", "list", ""),
    "o": FieldDoc("Ô bảng", "Chữ trong ô.", "text", ""),
    "o.gop_cot": FieldDoc("Gộp cột", "Số cột ô này chiếm.", "integer ≥ 1", ""),
    "o.gop_dong": FieldDoc("Gộp dòng", "Số dòng ô này chiếm.", "integer ≥ 1", ""),
    "o.gop_dong_tren": FieldDoc("Nối ô trên", "true: ô này nối tiếp ô ở dòng trên.", "true/false",
                                ""),
    "o.can": FieldDoc("Căn lề ô", "Căn lề của ô: trai, giua hoặc phai.", "`trai` \\| `giua` \\| "
                      "`phai`", ""),
    "o.dam": FieldDoc("Chữ đậm", "true: chữ trong ô in đậm.", "true/false", ""),
}


def markdown_table(paths: list[str]) -> str:
    """Return the Markdown table of docs/input.md for the fields `paths`, in that order."""
    lines = ["| Field | Tên, mô tả | Type | Rule |", "|---|---|---|---|"]
    for path in paths:
        doc = FIELDS[path]
        lines.append(f"| `{path}` | **{doc.title}**: {doc.mo_ta} | {doc.kind} | {doc.rule} |")
    return "\n".join(lines) + "\n"
