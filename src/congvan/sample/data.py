"""Word lists the sample documents are composed from: Vietnamese names, issuing bodies, places,
legal bases, topics. Plain data, NFC, with their diacritics; nothing here is random.

Places follow the arrangement in force from 1 July 2025 (Nghị quyết 202/2025/QH15 of the Quốc hội:
34 provinces and centrally-run cities; Luật Tổ chức chính quyền địa phương 2025: two levels, no
district). Only names certain to exist after it are listed: the 34 units, and a few wards.
The people are fictional: a họ, a tên đệm and a tên drawn independently.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BO",
    "CAN_CU_LUAT",
    "CAN_CU_NGHI_DINH",
    "CHU_DE",
    "HO",
    "PHUONG",
    "SO",
    "TEN_DEM_NAM",
    "TEN_DEM_NU",
    "TEN_NAM",
    "TEN_NU",
    "THANH_PHO",
    "TINH",
    "ChuDe",
    "CoQuanMau",
]

# -- People: the most common họ (surnames), and given names by gender ----------------------------

HO = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
      "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Đoàn", "Trịnh", "Cao", "Lâm",
      "Hà", "Tạ", "Châu", "Quách", "Tô", "Kiều")
TEN_DEM_NAM = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Đình", "Xuân", "Ngọc",
               "Trọng", "Hoàng", "Tuấn", "Quang", "Thành", "Mạnh", "Gia", "Anh")
TEN_DEM_NU = ("Thị", "Thị Thu", "Thị Thanh", "Thị Minh", "Ngọc", "Thu", "Thanh", "Phương",
              "Thị Kim", "Thị Hồng", "Bích", "Mỹ", "Hoài", "Khánh", "Thị Ngọc")
TEN_NAM = ("An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang", "Khoa",
           "Lâm", "Long", "Lực", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài",
           "Thắng", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh")
TEN_NU = ("Anh", "Châu", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng",
          "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh",
          "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến")

# -- Places: the 34 units from 1 July 2025 (Nghị quyết 202/2025/QH15) ------------------------------

#: The 28 provinces (tỉnh).
TINH = ("An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Điện Biên", "Đồng Nai",
        "Đồng Tháp", "Gia Lai", "Hà Tĩnh", "Hưng Yên", "Khánh Hòa", "Lai Châu", "Lâm Đồng",
        "Lạng Sơn", "Lào Cai", "Nghệ An", "Ninh Bình", "Phú Thọ", "Quảng Ngãi", "Quảng Ninh",
        "Quảng Trị", "Sơn La", "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long")
#: The 6 centrally-run cities (thành phố trực thuộc trung ương).
THANH_PHO = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
#: Wards (phường) of the new arrangement, by their city or province: a few, certain ones.
PHUONG: dict[str, tuple[str, ...]] = {
    "Hà Nội": ("Hoàn Kiếm", "Ba Đình", "Tây Hồ", "Long Biên", "Cầu Giấy"),
    "Hồ Chí Minh": ("Sài Gòn", "Bến Thành", "Tân Định"),
    "Đà Nẵng": ("Hải Châu",),
    "Khánh Hòa": ("Nha Trang",),
    "Huế": ("Thuận Hóa",),
}


@dataclass(frozen=True)
class CoQuanMau:
    """A kind of issuing body: its name pattern (``{noi}`` is the province or city), abbreviation,
    the head's title and the deputy's, and whether it is a collective (signed ``TM.``)."""

    ten: str
    viet_tat: str
    thu_truong: str  # "Giám đốc"
    cap_pho: str  # "Phó Giám đốc"
    don_vi: tuple[tuple[str, str], ...]  # drafting units: (name, abbreviation)
    linh_vuc: tuple[str, ...]  # the subjects its documents are about (keys of CHU_DE)


_VAN_PHONG = ("Văn phòng", "VP")
#: The departments of a province (sở), as reorganised in 2025.
SO = (
    CoQuanMau("Sở Giáo dục và Đào tạo", "SGDĐT", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Giáo dục Trung học", "GDTrH"),
               ("Phòng Tổ chức cán bộ", "TCCB")), ("giao_duc", "chuyen_doi_so", "van_thu")),
    CoQuanMau("Sở Nội vụ", "SNV", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Tổ chức, biên chế", "TCBC"),
               ("Phòng Cải cách hành chính", "CCHC")), ("cai_cach", "van_thu", "thi_dua")),
    CoQuanMau("Sở Tài chính", "STC", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Quản lý ngân sách", "QLNS")), ("ngan_sach", "cai_cach")),
    CoQuanMau("Sở Y tế", "SYT", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Nghiệp vụ Y", "NVY")), ("y_te", "chuyen_doi_so")),
    CoQuanMau("Sở Khoa học và Công nghệ", "SKHCN", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Chuyển đổi số", "CĐS")), ("chuyen_doi_so", "cai_cach")),
    CoQuanMau("Sở Nông nghiệp và Môi trường", "SNNMT", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Chi cục Thủy lợi", "CCTL")), ("thien_tai", "moi_truong")),
    CoQuanMau("Sở Xây dựng", "SXD", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Quản lý xây dựng", "QLXD")), ("giao_thong", "thien_tai")),
    CoQuanMau("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "Giám đốc", "Phó Giám đốc",
              (_VAN_PHONG, ("Phòng Quản lý văn hóa", "QLVH")), ("van_hoa", "thi_dua")),
)
#: The ministries (bộ) whose documents are dated "Hà Nội".
BO = (
    CoQuanMau("Bộ Giáo dục và Đào tạo", "BGDĐT", "Bộ trưởng", "Thứ trưởng",
              (("Vụ Pháp chế", "PC"), ("Văn phòng", "VP")),
              ("giao_duc", "chuyen_doi_so")),
    CoQuanMau("Bộ Nội vụ", "BNV", "Bộ trưởng", "Thứ trưởng",
              (("Vụ Tổ chức - Biên chế", "TCBC"), ("Cục Văn thư và Lưu trữ nhà nước", "VTLTNN"),
               ("Văn phòng", "VP")), ("cai_cach", "van_thu")),
    CoQuanMau("Bộ Y tế", "BYT", "Bộ trưởng", "Thứ trưởng",
              (("Cục Quản lý Khám, chữa bệnh", "KCB"), ("Văn phòng", "VP")), ("y_te",)),
    CoQuanMau("Bộ Tài chính", "BTC", "Bộ trưởng", "Thứ trưởng",
              (("Vụ Ngân sách nhà nước", "NSNN"), ("Văn phòng", "VP")), ("ngan_sach",)),
)

# -- Legal bases (căn cứ): laws by name and date, decrees by number, date, issuer and subject ------

CAN_CU_LUAT = (
    ("Luật Tổ chức chính quyền địa phương", "16/06/2025"),
    ("Luật Tổ chức Chính phủ", "18/02/2025"),
    ("Luật Ban hành văn bản quy phạm pháp luật", "19/02/2025"),
    ("Luật Cán bộ, công chức", "24/06/2025"),
    ("Luật Ngân sách nhà nước", "25/06/2015"),
    ("Luật Giáo dục", "14/06/2019"),
    ("Luật Giao dịch điện tử", "22/06/2023"),
    ("Luật Thi đua, khen thưởng", "15/06/2022"),
    ("Luật Phòng, chống thiên tai", "19/06/2013"),
    ("Luật Đất đai", "18/01/2024"),
    ("Luật Lưu trữ", "21/06/2024"),
    ("Luật Bảo vệ môi trường", "17/11/2020"),
)
CAN_CU_NGHI_DINH = (
    ("Nghị định số 30/2020/NĐ-CP", "05/03/2020", "về công tác văn thư"),
    ("Nghị định số 45/2020/NĐ-CP", "08/04/2020", "về thực hiện thủ tục hành chính trên môi trường "
     "điện tử"),
)


@dataclass(frozen=True)
class ChuDe:
    """A subject a document can be about: its trích yếu (after "về"), the task it sets, and the
    noun phrase a plan or report of it is named by."""

    viec: str  # "tăng cường công tác phòng, chống thiên tai"
    ten: str  # "công tác phòng, chống thiên tai"
    nhiem_vu: tuple[str, ...]  # tasks, each a khoản or a bullet
    ban: str  # a working group it sets up: "Ban Chỉ đạo phòng, chống thiên tai"


CHU_DE: dict[str, ChuDe] = {
    "giao_duc": ChuDe(
        "triển khai nhiệm vụ năm học {nam}", "nhiệm vụ năm học {nam}",
        ("rà soát, sắp xếp mạng lưới trường, lớp bảo đảm đủ chỗ học cho học sinh",
         "bồi dưỡng chuyên môn, nghiệp vụ cho đội ngũ giáo viên và cán bộ quản lý",
         "tăng cường kiểm tra nền nếp, chất lượng dạy và học tại các cơ sở giáo dục",
         "tổ chức tốt kỳ thi tốt nghiệp trung học phổ thông trên địa bàn"),
        "Ban Chỉ đạo thi tốt nghiệp trung học phổ thông"),
    "chuyen_doi_so": ChuDe(
        "đẩy mạnh chuyển đổi số trong hoạt động của cơ quan", "công tác chuyển đổi số",
        ("bảo đảm 100% văn bản đi, đến được xử lý trên môi trường mạng",
         "cung cấp dịch vụ công trực tuyến toàn trình cho người dân, doanh nghiệp",
         "ứng dụng chữ ký số cho lãnh đạo và công chức có thẩm quyền",
         "bảo đảm an toàn, an ninh thông tin cho các hệ thống thông tin"),
        "Tổ công tác chuyển đổi số"),
    "van_thu": ChuDe(
        "thực hiện công tác văn thư, lưu trữ", "công tác văn thư, lưu trữ",
        ("lập hồ sơ công việc và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan đúng hạn",
         "quản lý văn bản đi, văn bản đến trên Hệ thống quản lý văn bản và điều hành",
         "sử dụng, bảo quản con dấu và thiết bị lưu khóa bí mật theo quy định",
         "chỉnh lý tài liệu tồn đọng, lập danh mục hồ sơ năm"),
        "Tổ kiểm tra công tác văn thư, lưu trữ"),
    "cai_cach": ChuDe(
        "nâng cao hiệu quả cải cách hành chính", "công tác cải cách hành chính",
        ("rà soát, đơn giản hóa thủ tục hành chính thuộc phạm vi quản lý",
         "công khai, minh bạch thủ tục hành chính tại bộ phận một cửa",
         "nâng cao chỉ số hài lòng của người dân, doanh nghiệp",
         "kiểm tra việc thực hiện kỷ luật, kỷ cương hành chính"),
        "Tổ công tác cải cách hành chính"),
    "thi_dua": ChuDe(
        "phát động phong trào thi đua năm {nam}", "phong trào thi đua năm {nam}",
        ("đăng ký danh hiệu thi đua của tập thể, cá nhân trước ngày 31 tháng 3",
         "biểu dương, khen thưởng kịp thời các điển hình tiên tiến",
         "sơ kết, tổng kết phong trào thi đua đúng thời gian quy định"),
        "Hội đồng Thi đua - Khen thưởng"),
    "ngan_sach": ChuDe(
        "lập dự toán ngân sách nhà nước năm {nam}", "dự toán ngân sách nhà nước năm {nam}",
        ("xây dựng dự toán thu, chi ngân sách sát với thực tế",
         "thực hiện tiết kiệm chi thường xuyên theo quy định",
         "giải ngân vốn đầu tư công đúng tiến độ",
         "công khai dự toán và quyết toán ngân sách"),
        "Tổ thẩm định dự toán ngân sách"),
    "y_te": ChuDe(
        "tăng cường phòng, chống dịch bệnh mùa mưa", "công tác phòng, chống dịch bệnh",
        ("giám sát chặt chẽ các ca bệnh sốt xuất huyết, tay chân miệng",
         "tổ chức chiến dịch diệt lăng quăng, bọ gậy tại khu dân cư",
         "bảo đảm thuốc, vật tư, trang thiết bị cho công tác điều trị",
         "tuyên truyền để người dân chủ động phòng bệnh"),
        "Ban Chỉ đạo phòng, chống dịch bệnh"),
    "thien_tai": ChuDe(
        "chủ động ứng phó với mưa lũ", "công tác phòng, chống thiên tai",
        ("rà soát phương án sơ tán dân ở vùng trũng thấp, ven sông, ven biển",
         "kiểm tra an toàn hồ đập, đê điều trước mùa mưa lũ",
         "chuẩn bị lực lượng, phương tiện, vật tư theo phương châm bốn tại chỗ",
         "tổ chức trực ban nghiêm túc 24/24 giờ"),
        "Ban Chỉ huy phòng thủ dân sự"),
    "moi_truong": ChuDe(
        "tăng cường quản lý chất thải rắn sinh hoạt", "công tác bảo vệ môi trường",
        ("phân loại chất thải rắn sinh hoạt tại nguồn",
         "kiểm tra việc chấp hành pháp luật về bảo vệ môi trường của cơ sở sản xuất",
         "xử lý dứt điểm các điểm tập kết rác tự phát"),
        "Tổ kiểm tra liên ngành về môi trường"),
    "giao_thong": ChuDe(
        "bảo đảm trật tự, an toàn giao thông", "công tác bảo đảm trật tự, an toàn giao thông",
        ("kiểm tra, sửa chữa kịp thời hư hỏng mặt đường trên các tuyến",
         "bổ sung biển báo, đèn tín hiệu tại các điểm có nguy cơ mất an toàn",
         "phối hợp xử lý vi phạm hành lang an toàn đường bộ"),
        "Tổ công tác liên ngành về an toàn giao thông"),
    "van_hoa": ChuDe(
        "tổ chức các hoạt động văn hóa, thể thao chào mừng ngày Quốc khánh",
        "các hoạt động văn hóa, thể thao năm {nam}",
        ("tổ chức giải thể thao quần chúng tại các khu dân cư",
         "trang trí, tuyên truyền trực quan tại trụ sở và các tuyến đường chính",
         "bảo đảm an ninh trật tự tại các điểm tổ chức sự kiện"),
        "Ban Tổ chức các hoạt động văn hóa, thể thao"),
}
