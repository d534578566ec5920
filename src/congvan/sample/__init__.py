"""Sample documents for tests and CI: valid, realistic input specs of every type congvan issues.

One data layer serves both the ``congvan sample`` command and the hypothesis strategies of
`congvan.testing`: functions that take a ``random.Random`` and compose a spec (the mapping a YAML
file holds) from the word lists of `congvan.sample.data`. The same Random state gives the same spec;
the command seeds one Random per document (`rng_for`), the strategies pass hypothesis' own Random,
whose draws shrink towards the first choices (fewer paragraphs, the first name of a list).

>>> spec = van_ban(rng_for(0, "quyet_dinh", 1), "quyet_dinh")
>>> spec["loai_van_ban"], spec == van_ban(rng_for(0, "quyet_dinh", 1), "quyet_dinh")
('quyet_dinh', True)
>>> import congvan
>>> type(congvan.loads(to_yaml(spec))).__name__
'QuyetDinh'
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from ..errors import CongVanError
from ..rules import LOAI_VAN_BAN, THANH_PHAN
from . import data
from .data import ChuDe, CoQuanMau

__all__ = [
    "LOAI_MAU",
    "CoQuan",
    "co_quan",
    "ho_ten",
    "ngay",
    "nguoi_ky",
    "rng_for",
    "to_yaml",
    "van_ban",
]

#: The types sample documents are made of: every type congvan issues (rules.THANH_PHAN), in
#: Art. 7's order. (Thư công has no layout in congvan yet.)
LOAI_MAU: tuple[str, ...] = tuple(ma for ma in LOAI_VAN_BAN if ma in THANH_PHAN)

Spec = dict[str, Any]
T = TypeVar("T")

#: Documents are dated from the day the 34 provinces took effect (Nghị quyết 202/2025/QH15), so
#: every place name is one in force on the document's date.
NGAY_DAU = date(2025, 7, 1)
NGAY_CUOI = date(2026, 12, 31)


def rng_for(seed: int, loai: str, index: int) -> random.Random:
    """Return the Random that composes document `index` of type `loai` for `seed`: each document
    its own, so document 7 is the same whatever -n is (a str seed hashes with SHA-512, stable
    across runs and Python versions)."""
    return random.Random(f"congvan-sample:{seed}:{loai}:{index}")


# -- Small parts --------------------------------------------------------------------------------


def _pick(rng: random.Random, items: tuple[T, ...] | list[T]) -> T:
    return items[rng.randrange(len(items))]


def _chance(rng: random.Random, percent: int) -> bool:
    # True for the highest draws: a draw shrunk to 0 leaves the optional part out.
    return rng.randrange(100) >= 100 - percent


def _some(rng: random.Random, items: tuple[T, ...], low: int, high: int) -> list[T]:
    """Return `low`..`high` distinct items of `items`, in their list order."""
    count = min(len(items), low + rng.randrange(high - low + 1))
    chosen = set(rng.sample(range(len(items)), count))
    return [item for i, item in enumerate(items) if i in chosen]


def ho_ten(rng: random.Random, nu: bool | None = None) -> str:
    """Return a Vietnamese full name: họ, tên đệm, tên (fictional)."""
    if nu is None:
        nu = _chance(rng, 50)
    dem, ten = (data.TEN_DEM_NU, data.TEN_NU) if nu else (data.TEN_DEM_NAM, data.TEN_NAM)
    return f"{_pick(rng, data.HO)} {_pick(rng, dem)} {_pick(rng, ten)}"


def _ong_ba(rng: random.Random) -> tuple[str, str]:
    """Return (Ông|Bà, a name of that gender)."""
    nu = _chance(rng, 50)
    return ("Bà" if nu else "Ông"), ho_ten(rng, nu)


def ngay(rng: random.Random, start: date = NGAY_DAU, end: date = NGAY_CUOI) -> date:
    """Return a day from `start` to `end`, both included."""
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _ngay_chu(day: date) -> str:
    """``ngày 05 tháng 3 năm 2020``, as the decree writes a date in a sentence (PL I §II.4.b)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _so(rng: random.Random) -> int:
    return rng.randrange(1, 10) if _chance(rng, 15) else rng.randrange(10, 3000)


@dataclass(frozen=True)
class CoQuan:
    """An issuing body of a sample: its header, place name, signers' titles and drafting units."""

    ten: str  # as typed: "Ủy ban nhân dân\ntỉnh Khánh Hòa"
    ten_viet_tat: str
    ten_trong_cau: str  # in a sentence: "Ủy ban nhân dân tỉnh Khánh Hòa"
    chu_quan: str | None
    dia_danh: str
    noi: str  # the province or city: "tỉnh Khánh Hòa"
    thu_truong: str  # the head's title: "Chủ tịch", "Giám đốc"
    cap_pho: str
    tap_the: str | None  # the collective it signs for: "Ủy ban nhân dân"
    don_vi: tuple[tuple[str, str], ...]
    linh_vuc: tuple[str, ...]

    @property
    def ten_ngan(self) -> str:
        """The short name its own staff use: ``UBND tỉnh``, ``HĐND thành phố``, ``Sở``, ``Bộ``."""
        first, _, second = self.ten.partition("\n")
        if second:
            noun = second.split()[0]
            return f"{self.ten_viet_tat} {noun if noun == 'Thành' else noun.lower()}".replace(
                " Thành", " Thành phố")
        return first.split()[0]

    @property
    def spec(self) -> Spec:
        out: Spec = {"co_quan_ban_hanh": {"ten": self.ten, "ten_viet_tat": self.ten_viet_tat},
                     "dia_danh": self.dia_danh}
        if self.chu_quan:
            out["co_quan_chu_quan"] = self.chu_quan
        return out


def _noi(rng: random.Random) -> tuple[str, str]:
    """Return (the province or city with its noun, its địa danh), as PL I §II.4.a writes them."""
    ten = _pick(rng, data.TINH + data.THANH_PHO)
    if ten == "Hồ Chí Minh":
        return "Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"
    return ("thành phố " if ten in data.THANH_PHO else "tỉnh ") + ten, ten


# The rooms of a province's Văn phòng UBND that draft its công văn: UBND-KT, UBND-VX (ký hiệu, Lưu).
_UBND_DON_VI = (("Phòng Kinh tế", "KT"), ("Phòng Văn hóa - Xã hội", "VX"),
                ("Phòng Nội chính", "NC"), ("Phòng Tổng hợp", "TH"))
# The offices of a ward's Ủy ban (two-level local government from 1 July 2025).
_PHUONG_DON_VI = (("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP"),
                  ("Phòng Văn hóa - Xã hội", "VHXH"), ("Phòng Kinh tế, Hạ tầng và Đô thị", "KT"))
_UBND_LINH_VUC = tuple(data.CHU_DE)


def co_quan(rng: random.Random, loai: str = "cong_van") -> CoQuan:
    """Return an issuing body that issues `loai`: a province's Ủy ban nhân dân (or its Hội đồng
    nhân dân for a nghị quyết), a ward's Ủy ban, a department (sở) or a ministry (bộ)."""
    noi, dia_danh = _noi(rng)
    if loai == "nghi_quyet":
        return CoQuan(f"Hội đồng nhân dân\n{noi}", "HĐND", f"Hội đồng nhân dân {noi}", None,
                      dia_danh, noi, "Chủ tịch", "Phó Chủ tịch", "Hội đồng nhân dân",
                      (("Văn phòng", "VP"),), _UBND_LINH_VUC)
    kind = rng.randrange(10)
    if kind < 3:
        return CoQuan(f"Ủy ban nhân dân\n{noi}", "UBND", f"Ủy ban nhân dân {noi}", None, dia_danh,
                      noi, "Chủ tịch", "Phó Chủ tịch", "Ủy ban nhân dân", _UBND_DON_VI,
                      _UBND_LINH_VUC)
    if kind == 3:
        city = _pick(rng, tuple(data.PHUONG))
        phuong = _pick(rng, data.PHUONG[city])
        prefix = "" if city in data.TINH else "thành phố "
        return CoQuan(f"Ủy ban nhân dân\nphường {phuong}", "UBND",
                      f"Ủy ban nhân dân phường {phuong}", None, phuong,
                      f"{'tỉnh ' if city in data.TINH else prefix}{city}".replace(
                          "thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
                      "Chủ tịch", "Phó Chủ tịch", "Ủy ban nhân dân", _PHUONG_DON_VI,
                      _UBND_LINH_VUC)
    if kind == 4:
        bo = _pick(rng, data.BO)
        cuc = [(ten, viet_tat) for ten, viet_tat in bo.don_vi if ten.startswith("Cục ")]
        if cuc and _chance(rng, 40):  # a Cục of the ministry issues in its own name, under it
            ten, viet_tat = cuc[0]
            return CoQuan(ten, viet_tat, ten, bo.ten, "Hà Nội", "thành phố Hà Nội", "Cục trưởng",
                          "Phó Cục trưởng", None, (("Văn phòng", "VP"),), bo.linh_vuc)
        return _tu_mau(bo, None, "Hà Nội", "thành phố Hà Nội")
    so: CoQuanMau = _pick(rng, data.SO)
    chu_quan = f"Ủy ban nhân dân {noi}" if _chance(rng, 30) else f"UBND {noi}"
    return _tu_mau(so, chu_quan, dia_danh, noi)


def _tu_mau(mau: CoQuanMau, chu_quan: str | None, dia_danh: str, noi: str) -> CoQuan:
    ten_trong_cau = mau.ten if chu_quan is None else f"{mau.ten} {noi}"
    return CoQuan(mau.ten, mau.viet_tat, ten_trong_cau, chu_quan, dia_danh, noi, mau.thu_truong,
                  mau.cap_pho, None, mau.don_vi, mau.linh_vuc)


def nguoi_ky(rng: random.Random, cq: CoQuan, *, tap_the: bool = False,
             ca_nhan: bool = False) -> Spec:
    """Return a signer of `cq` with an authority stack the decree allows (PL I §II.7.b, Đ.13):
    the head; KT. for a deputy; TL., TL. + KT., TUQ. for the office; Q. for an acting head; TM. of
    the collective first when `tap_the` (or, for a body that has one, at random) and never when
    `ca_nhan` (the head decides in person)."""
    head = cq.thu_truong
    tm = [f"TM. {cq.tap_the}"] if cq.tap_the and (tap_the or (not ca_nhan and _chance(rng, 70))) \
        else []
    form = rng.randrange(10)
    name = ho_ten(rng)
    if tm or form < 3:
        if form >= 6:
            return {"tham_quyen": [*tm, f"KT. {head}"], "chuc_vu": cq.cap_pho, "ho_ten": name}
        if form == 5 and not ca_nhan:
            return {"tham_quyen": [*tm, f"Q. {head}"], "ho_ten": name}
        return {"tham_quyen": tm, "chuc_vu": head, "ho_ten": name} if tm else \
            {"chuc_vu": head, "ho_ten": name}
    if form < 6 or ca_nhan:
        return {"tham_quyen": [f"KT. {head}"], "chuc_vu": cq.cap_pho, "ho_ten": name}
    if form == 6:
        return {"tham_quyen": [f"TL. {head}"], "chuc_vu": "Chánh Văn phòng", "ho_ten": name}
    if form == 7:
        return {"tham_quyen": [f"TL. {head}", "KT. Chánh Văn phòng"],
                "chuc_vu": "Phó Chánh Văn phòng", "ho_ten": name}
    if form == 8:
        return {"tham_quyen": [f"TUQ. {head}"], "chuc_vu": _truong(_phong(rng, cq)),
                "ho_ten": name}
    return {"tham_quyen": [f"Q. {head}"], "ho_ten": name}


def _chu_de(rng: random.Random, cq: CoQuan, day: date) -> ChuDe:
    topic = data.CHU_DE[_pick(rng, cq.linh_vuc)]
    nam = f"{day.year} - {day.year + 1}" if "năm học" in topic.viec else str(day.year)
    return ChuDe(topic.viec.format(nam=nam), topic.ten.format(nam=nam), topic.nhiem_vu,
                 topic.ban)


def _can_cu(rng: random.Random, cq: CoQuan, day: date, de_nghi: bool = True) -> list[str]:
    """Return căn cứ lines: laws by name and date, decrees by number, date, issuer and subject
    (PL I §II.6.a), all dated before `day`; then, for a decision, who proposed it."""
    lines = [f"Căn cứ {ten} {_ngay_chu(_parse(ngay_luat))}"
             for ten, ngay_luat in _some(rng, data.CAN_CU_LUAT, 1, 3) if _parse(ngay_luat) < day]
    lines += [f"Căn cứ {so} {_ngay_chu(_parse(ngay_nd))} của Chính phủ {ve}"
              for so, ngay_nd, ve in _some(rng, data.CAN_CU_NGHI_DINH, 0, 1)]
    if de_nghi:
        _, head, viet_tat = _truc_thuoc(rng, cq)
        to_trinh = day - timedelta(days=1 + rng.randrange(20))
        lines.append(f"Theo đề nghị của {head} tại Tờ trình số {_so(rng)}/TTr-{viet_tat} "
                     f"{_ngay_chu(to_trinh)}")
    return lines


def _truc_thuoc(rng: random.Random, cq: CoQuan) -> tuple[str, str, str]:
    """Return a unit under `cq` that drafts, proposes or carries out its work: (name, its head's
    title, abbreviation). A province's Ủy ban or Hội đồng: one of its departments (sở)."""
    if cq.ten.startswith(("Ủy ban nhân dân\ntỉnh", "Ủy ban nhân dân\nthành phố",
                          "Ủy ban nhân dân\nThành phố", "Hội đồng nhân dân")):
        so = _pick(rng, data.SO)
        return so.ten, f"{so.thu_truong} {so.ten}", so.viet_tat
    ten, viet_tat = _pick(rng, cq.don_vi)
    return ten, _truong(ten), viet_tat


def _phong(rng: random.Random, cq: CoQuan) -> str:
    """Return an office of `cq` itself, where its staff work: a province's Ủy ban has its Văn
    phòng (whose rooms draft its công văn), a department its phòng."""
    if cq.don_vi is _UBND_DON_VI:
        return "Văn phòng"
    return _pick(rng, cq.don_vi)[0]


def _truong(don_vi: str) -> str:
    if don_vi.startswith("Văn phòng"):
        return "Chánh " + don_vi
    for noun, title in (("Vụ ", "Vụ trưởng "), ("Cục ", "Cục trưởng "), ("Chi cục ", "Chi cục "
                                                                           "trưởng ")):
        if don_vi.startswith(noun):
            return title + don_vi
    return "Trưởng " + don_vi[0].lower() + don_vi[1:] if don_vi.startswith("Phòng ") else \
        "Trưởng " + don_vi


def _parse(text: str) -> date:
    d, m, y = map(int, text.split("/"))
    return date(y, m, d)


def _khoan(items: list[str], start: int = 1) -> str:
    """A numbered list (khoản in a document with articles, else 1., 2. items), one block: each item
    ends with ";" and the last with "."."""
    lines = [f"{start + i}. {_hoa(item)}{';' if i < len(items) - 1 else '.'}"
             for i, item in enumerate(items)]
    return "\n".join(lines)


def _gach(items: list[str]) -> str:
    return "\n".join(f"- {_hoa(item)}{';' if i < len(items) - 1 else '.'}"
                     for i, item in enumerate(items))


def _hoa(text: str) -> str:
    return text[:1].upper() + text[1:]


def _noi_nhan(rng: random.Random, cq: CoQuan, first: list[str]) -> list[Any]:
    extra: list[Any] = []
    if cq.chu_quan:
        extra.append({"ten": cq.chu_quan.replace("Ủy ban nhân dân", "UBND"), "ghi_chu": "(để b/c)"})
    elif cq.tap_the:
        extra.append({"ten": "Thường trực HĐND", "ghi_chu": "(để b/c)"})
    pool = [f"{cq.thu_truong}, các {cq.cap_pho} {cq.ten_ngan}", "Cổng Thông tin điện tử",
            "Các cơ quan, đơn vị trực thuộc"]
    extra += _some(rng, tuple(pool), 1, 2)
    return [*first, *extra]


def _luu(rng: random.Random, cq: CoQuan) -> list[str]:
    unit = _pick(rng, cq.don_vi)[1]
    luu = ["VT", unit] if unit != "VT" else ["VT"]
    if _chance(rng, 20):
        luu[-1] += f" ({rng.randrange(2, 6):02d}b)"
    return luu


# -- Bodies ---------------------------------------------------------------------------------------


def _cau_mo(cq: CoQuan, topic: ChuDe, loai: str) -> str:
    ten_loai = LOAI_VAN_BAN[loai].ten_trong_cau
    return (f"Nhằm {topic.viec}, {cq.ten_trong_cau} ban hành {ten_loai} {topic.ten} với các "
            "nội dung sau:")


def _than_muc(rng: random.Random, cq: CoQuan, topic: ChuDe, loai: str) -> list[Any]:
    """A body of structure B (PL I §II.6; docs/noi-dung.md): Mục I, II… with khoản and điểm."""
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    body: list[Any] = [
        "# Mục: Mục đích, yêu cầu",
        _khoan([f"**Mục đích:** {topic.ten} được triển khai đồng bộ, hiệu quả",
                "**Yêu cầu:** phân công rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, "
                "đơn vị"]),
        "# Mục: Nội dung",
    ]
    if _chance(rng, 50):
        head, *rest = tasks
        body.append(f"1. {_hoa(head)}:\n" + "\n".join(
            f"   1. {_hoa(t)}{';' if i < len(rest) - 1 else '.'}" if i == 0 else
            f"   {i + 1}. {_hoa(t)}{';' if i < len(rest) - 1 else '.'}"
            for i, t in enumerate(rest or [head])))
    else:
        body.append(_khoan(tasks))
    if _chance(rng, 30):
        rows = "\n".join(f"| {i} | {_hoa(t)} | Quý {['I', 'II', 'III', 'IV'][i % 4]} |"
                         for i, t in enumerate(tasks, 1))
        body.append(f"| STT | Nội dung | Thời gian |\n|:-:|---|:-:|\n{rows}")
    if _chance(rng, 20):  # a footnote (docs/noi-dung.md): Word numbers it
        body.append(f"Kết quả thực hiện được báo cáo định kỳ hằng quý[^1].\n\n[^1]: Gửi qua Hệ "
                    f"thống quản lý văn bản và điều hành của {cq.ten_trong_cau}.")
    gach = _gach([f"{_truc_thuoc(rng, cq)[0]} chủ trì, theo dõi, đôn đốc việc thực hiện",
                  "các cơ quan, đơn vị có liên quan phối hợp thực hiện; báo cáo kết quả trước "
                  "ngày 15 tháng 12 hằng năm"])
    if _chance(rng, 25):  # a second level of bullets, printed "+"
        first, rest = gach.split("\n", 1)
        gach = (f"{first[:-1]}:\n  + Xây dựng kế hoạch chi tiết;\n  + Tổng hợp kết quả, báo cáo."
                f"\n{rest}")
    body += ["# Mục: Tổ chức thực hiện", gach]
    if _chance(rng, 40):
        body.insert(0, _cau_mo(cq, topic, loai))
    return body


def _than_dieu(rng: random.Random, cq: CoQuan, topic: ChuDe, ten: str) -> list[Any]:
    """A body of structure A: Chương and Điều with titles, khoản and điểm (a quy chế, quy định)."""
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    body: list[Any] = [
        "# Chương: Quy định chung",
        "# Điều: Phạm vi điều chỉnh và đối tượng áp dụng {#pham-vi}",
        f"1. {ten} này quy định về {topic.ten} của {cq.ten_trong_cau}.\n"
        f"2. {ten} này áp dụng đối với:\n"
        f"   1. Các cơ quan, đơn vị trực thuộc {cq.ten_trong_cau};\n"
        "   2. {#ca-nhan} Cán bộ, công chức, viên chức và người lao động.",
        "# Chương: Nội dung cụ thể",
        "# Điều: Nhiệm vụ",
        _khoan(tasks),
        "# Điều: Tổ chức thực hiện",
        f"Các cơ quan, đơn vị và cá nhân quy định tại điểm {{diem:ca-nhan}} khoản 2 Điều "
        f"{{dieu:pham-vi}} có trách nhiệm thực hiện {ten} này. Trong quá trình thực hiện, nếu có "
        "vướng mắc, các đơn vị phản ánh về "
        f"{_truc_thuoc(rng, cq)[0]} để tổng hợp, báo cáo.",
    ]
    return body


# -- Documents by family ----------------------------------------------------------------------


_DUONG = ("Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Quang Trung", "Nguyễn Huệ", "Lý Thường Kiệt")


def _mo_dau(rng: random.Random, loai: str) -> tuple[CoQuan, date, ChuDe, Spec]:
    """Return what a document of `loai` starts from: its issuer, date, topic and the components
    every document has (_chung), drawn in this order by every builder."""
    cq = co_quan(rng, loai)
    day = ngay(rng)
    topic = _chu_de(rng, cq, day)
    return cq, day, topic, _chung(rng, cq, loai, day)


def _chung(rng: random.Random, cq: CoQuan, loai: str, day: date) -> Spec:
    """The components every document has, and, now and then, the optional ones (PL I §III): a
    draft mark instead of a số, urgency and secrecy stamps, the circulation scope, the drafter's
    initials and copies, the address lines at the foot of page 1."""
    spec: Spec = {"loai_van_ban": loai, **cq.spec, "so_van_ban": _so(rng), "ngay": _d(day)}
    if _chance(rng, 5):
        del spec["so_van_ban"]
        spec["du_thao"] = True if _chance(rng, 50) else rng.randrange(2, 5)
    if _chance(rng, 8):
        spec["do_khan"] = _pick(rng, ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"))
    if _chance(rng, 5):
        spec["do_mat"] = _pick(rng, ("MẬT", "TỐI MẬT", "TUYỆT MẬT"))
    if _chance(rng, 5):
        spec["pham_vi_luu_hanh"] = _pick(rng, ("Lưu hành nội bộ", "Xem xong trả lại"))
    if _chance(rng, 10):
        initials = "".join(w[0] for w in ho_ten(rng).split()[1:]).upper()
        spec["ky_hieu_nguoi_soan_thao"] = f"{initials}.({rng.randrange(5, 400)})"
    if _chance(rng, 10):
        spec["dia_chi"] = [
            f"Địa chỉ: Số {rng.randrange(1, 200)} đường {_pick(rng, _DUONG)}, {cq.noi}",
            f"Điện thoại: 0{rng.randrange(200, 300)} {rng.randrange(3000000, 4000000)}",
            f"Thư điện tử: vanthu.{_ascii(cq.ten_viet_tat)}@{_ascii(cq.noi)}.gov.vn"]
    return spec


def _ascii(text: str) -> str:
    """`text` in lower-case ASCII letters, for an e-mail address: ``Khánh Hòa`` → ``khanhhoa``."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalnum()).removeprefix(
        "tinh").removeprefix("thanhpho")


def _quyet_dinh(rng: random.Random, loai: str) -> Spec:
    cq, day, topic, spec = _mo_dau(rng, loai)
    nghi_quyet = loai == "nghi_quyet"
    spec["tham_quyen_ban_hanh"] = (
        f"{cq.ten_trong_cau}\nkhóa {_pick(rng, ('XI', 'XII', 'XIII'))}, kỳ họp thứ "
        f"{rng.randrange(2, 30)}" if nghi_quyet else
        f"{cq.thu_truong} {cq.ten_trong_cau}")
    can_cu = _can_cu(rng, cq, day, de_nghi=not nghi_quyet)
    if nghi_quyet:
        can_cu.append(f"Xét Tờ trình số {_so(rng)}/TTr-UBND "
                      f"{_ngay_chu(day - timedelta(days=5))} của Ủy ban nhân dân {cq.noi} về "
                      f"{topic.ten}; ý kiến thảo luận của đại biểu Hội đồng nhân dân tại kỳ họp")
    spec["can_cu"] = can_cu
    kem = None if nghi_quyet or not _chance(rng, 35) else _pick(
        rng, THANH_PHAN["quyet_dinh"].van_ban_kem_theo)
    thi_hanh = ("Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân có "
                "tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.")
    if nghi_quyet:
        spec["trich_yeu"] = _hoa(topic.viec)
        spec["noi_dung"] = [
            "# Điều\n" f"Thông qua chủ trương {topic.viec}, với các nhiệm vụ chủ yếu sau:",
            _khoan(_some(rng, topic.nhiem_vu, 2, 4)),
            "# Điều\n" f"Giao Ủy ban nhân dân {cq.noi} tổ chức thực hiện Nghị quyết này.",
            "# Điều\n" f"Nghị quyết này có hiệu lực kể từ {_ngay_chu(day)}."]
        spec["noi_nhan"] = ["Như Điều 2", *_noi_nhan(rng, cq, [])]
    elif kem is not None:
        ten_kem = LOAI_VAN_BAN[kem].ten
        spec["trich_yeu"] = f"Ban hành {ten_kem} {topic.ten}"
        spec["noi_dung"] = [
            "# Điều\n" f"Ban hành kèm theo Quyết định này {ten_kem} {topic.ten}.",
            "# Điều\n" "Quyết định này có hiệu lực kể từ ngày ký.",
            "# Điều\n" + thi_hanh.replace(" và các cá nhân có tên tại Điều 1", "")]
        spec["van_ban_kem_theo"] = {"loai_van_ban": kem, "trich_yeu": _hoa(topic.ten),
                                    "noi_dung": _than_dieu(rng, cq, topic, ten_kem)}
        spec["noi_nhan"] = ["Như Điều 3", *_noi_nhan(rng, cq, [])]
    else:
        roles = {"Tổ": ("Tổ trưởng", "Tổ phó"),
                 "Hội": ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng")}.get(
                     topic.ban.split()[0], ("Trưởng ban", "Phó Trưởng ban"))
        members = [f"{role}: {ong} {name}, {title}" for (ong, name), role, title in zip(
            (_ong_ba(rng) for _ in range(3)), (*roles, "Thành viên"),
            (f"{cq.thu_truong} {cq.ten_trong_cau}", f"{cq.cap_pho} {cq.ten_trong_cau}",
             _truc_thuoc(rng, cq)[1]), strict=True)]
        spec["trich_yeu"] = f"Về việc thành lập {topic.ban}"
        spec["noi_dung"] = [
            "# Điều {#thanh-lap}\n" f"Thành lập {topic.ban} gồm các ông, bà có tên sau:",
            _khoan(members),
            "# Điều\n" f"{topic.ban} có nhiệm vụ giúp {cq.thu_truong} chỉ đạo {topic.ten}; tự "
            "giải thể sau khi hoàn thành nhiệm vụ. Quyết định này có hiệu lực kể từ ngày ký.",
            "# Điều\n" + thi_hanh.replace("Điều 1", "Điều {dieu:thanh-lap}")]
        spec["noi_nhan"] = ["Như Điều 3", *_noi_nhan(rng, cq, [])]
    spec["noi_luu"] = _luu(rng, cq)
    spec["nguoi_ky"] = nguoi_ky(rng, cq, tap_the=nghi_quyet, ca_nhan=not nghi_quyet)
    return spec


def _co_ten_loai(rng: random.Random, loai: str) -> Spec:
    cq, day, topic, spec = _mo_dau(rng, loai)
    ten_loai = LOAI_VAN_BAN[loai].ten_trong_cau
    trich_yeu = {
        "chi_thi": f"Về việc {topic.viec}",
        "thong_cao": f"Về {topic.ten}",
        "thong_bao": f"Kết luận của {cq.thu_truong} tại cuộc họp về {topic.ten}",
        "bao_cao": f"Kết quả thực hiện {topic.ten}",
        "to_trinh": f"Đề nghị phê duyệt Kế hoạch {topic.ten}",
        "giay_uy_quyen": "Về việc ký các văn bản thuộc thẩm quyền",
        "phieu_gui": f"Gửi hồ sơ về {topic.ten}",
        "phieu_chuyen": f"Chuyển đơn đề nghị về {topic.ten}",
        "phieu_bao": f"Báo lịch kiểm tra {topic.ten}",
    }.get(loai, f"Thực hiện {topic.ten}")
    if _chance(rng, 15) and " " in trich_yeu:  # a long subject broken by the clerk
        words = trich_yeu.split()
        cut = max(1, len(words) // 2)
        trich_yeu = " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
    spec["trich_yeu"] = trich_yeu
    if loai in ("quy_che", "quy_dinh"):
        spec["noi_dung"] = _than_dieu(rng, cq, topic, ten_loai)
    elif loai == "giay_uy_quyen":
        (_, a), (_, b) = _ong_ba(rng), _ong_ba(rng)
        spec["noi_dung"] = [
            f"Căn cứ Quy chế làm việc của {cq.ten_trong_cau};",
            f"1. Người ủy quyền: {a}, {cq.thu_truong} {cq.ten_trong_cau}.",
            f"2. Người được ủy quyền: {b}, {_truc_thuoc(rng, cq)[1]}.",
            f"3. Nội dung ủy quyền: ký các văn bản về {topic.ten} thuộc thẩm quyền của "
            f"{cq.thu_truong}.",
            f"4. Thời hạn ủy quyền: từ {_ngay_chu(day)} đến hết "
            f"{_ngay_chu(date(day.year, 12, 31))}."
            " Người được ủy quyền không được ủy quyền lại cho người khác."]
    elif loai in ("phieu_gui", "phieu_chuyen", "phieu_bao", "thong_cao", "thong_bao", "chi_thi",
                  "to_trinh", "bao_cao"):
        spec["noi_dung"] = _than_ngan(rng, cq, topic, loai, day)
    else:
        spec["noi_dung"] = _than_muc(rng, cq, topic, loai)
        if _chance(rng, 25):
            spec["phu_luc"] = _phu_luc(rng, cq, topic)
            spec["noi_dung"].append(
                "Danh sách phân công chi tiết tại Phụ lục {phu_luc:danh-sach} kèm theo.")
    if loai in ("chi_thi", "quy_che", "quy_dinh", "de_an", "du_an", "phuong_an") and \
            _chance(rng, 50):
        spec["can_cu"] = _can_cu(rng, cq, day, de_nghi=False)
    kinh_gui = loai == "to_trinh" or (loai == "bao_cao" and _chance(rng, 50))
    if kinh_gui:
        cap_tren = cq.chu_quan or f"Ủy ban nhân dân {cq.noi}"
        spec["kinh_gui"] = [cap_tren.replace("UBND", "Ủy ban nhân dân")]
        spec["noi_nhan"] = _noi_nhan(rng, cq, ["Như trên"])
    else:
        spec["noi_nhan"] = _noi_nhan(rng, cq, [])
    spec["noi_luu"] = _luu(rng, cq)
    lien_tich = loai in ("ke_hoach", "chuong_trinh", "huong_dan") and cq.tap_the == \
        "Ủy ban nhân dân" and _chance(rng, 25)
    if lien_tich:
        spec["co_quan_lien_tich"] = [{
            "ten": f"Ủy ban Mặt trận Tổ quốc Việt Nam\n{cq.ten.split(chr(10))[-1]}",
            "ten_viet_tat": "MTTQ",
            "nguoi_ky": {"tham_quyen": ["TM. Ban Thường trực"], "chuc_vu": "Chủ tịch",
                         "ho_ten": ho_ten(rng)}}]
    spec["nguoi_ky"] = nguoi_ky(rng, cq, tap_the=lien_tich)
    return spec


def _phu_luc(rng: random.Random, cq: CoQuan, topic: ChuDe) -> list[Spec]:
    """One or two appendices (numbered I, II when two, PL I §III.1): a table, landscape at times;
    the plan's schedule."""
    bang: Spec = {"id": "danh-sach", "tieu_de": f"Danh sách phân công {topic.ten}",
                  "noi_dung": [_bang(rng, cq, topic)]}
    if _chance(rng, 30):
        bang["ngang"] = True
    if not _chance(rng, 40):
        return [bang]
    return [bang, {"id": "tien-do", "tieu_de": "Tiến độ thực hiện",
                   "noi_dung": [_khoan(list(topic.nhiem_vu))]}]


def _bang(rng: random.Random, cq: CoQuan, topic: ChuDe) -> Spec:
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    rows = [[i, _hoa(t), _truc_thuoc(rng, cq)[0], f"Quý {['I', 'II', 'III', 'IV'][i % 4]}"]
            for i, t in enumerate(tasks, 1)]
    return {"bang": {"cot": [{"rong": 14, "can": "giua"}, {"rong": 76}, {"rong": 45},
                             {"rong": 30, "can": "giua"}],
                     "dau": [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"]], "dong": rows}}


def _than_ngan(rng: random.Random, cq: CoQuan, topic: ChuDe, loai: str,
               day: date) -> list[Any]:
    """A short body in paragraphs and one list: chỉ thị, thông báo, tờ trình, báo cáo, phiếu."""
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    mo = {
        "chi_thi": f"Thời gian qua, {topic.ten} trên địa bàn {cq.noi} đã đạt được những kết quả "
                   f"nhất định. Để {topic.viec}, {cq.thu_truong} {cq.ten_trong_cau} yêu cầu:",
        "thong_cao": f"{_hoa(_ngay_chu(day))}, {cq.ten_trong_cau} tổ chức họp báo thông tin về "
                     f"{topic.ten}. Một số nội dung chính như sau:",
        "thong_bao": f"{cq.thu_truong} {cq.ten_trong_cau} đã chủ trì cuộc họp về {topic.ten}. "
                     f"Sau khi nghe báo cáo và ý kiến của các đơn vị, {cq.thu_truong} kết luận:",
        "to_trinh": f"Thực hiện chỉ đạo của cấp trên về {topic.ten}, {cq.ten_trong_cau} kính "
                    "trình phê duyệt Kế hoạch với các nội dung chủ yếu sau:",
        "bao_cao": f"Thực hiện nhiệm vụ được giao, {cq.ten_trong_cau} báo cáo kết quả thực hiện "
                   f"{topic.ten} như sau:",
        "phieu_gui": f"{cq.ten_trong_cau} gửi kèm theo Phiếu này hồ sơ về {topic.ten}, gồm:",
        "phieu_chuyen": f"{cq.ten_trong_cau} nhận được đơn của công dân đề nghị về {topic.ten}. "
                        "Theo thẩm quyền, đề nghị Quý cơ quan xem xét, giải quyết các nội dung:",
        "phieu_bao": f"{cq.ten_trong_cau} báo lịch kiểm tra {topic.ten} tại đơn vị; nội dung "
                     "kiểm tra gồm:",
    }[loai]
    body: list[Any] = [mo, _khoan(tasks)]
    body.append({
        "to_trinh": f"{cq.ten_trong_cau} kính trình xem xét, phê duyệt.",
        "bao_cao": f"Trên đây là báo cáo kết quả thực hiện {topic.ten} của {cq.ten_trong_cau}.",
    }.get(loai, "Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện."))
    return body


def _cong_van(rng: random.Random, loai: str) -> Spec:
    cq, _, topic, spec = _mo_dau(rng, loai)
    spec["don_vi_soan_thao"] = _pick(rng, cq.don_vi)[1]
    spec["trich_yeu"] = topic.viec
    recipients = ["Các phòng, ban, đơn vị trực thuộc", "Ủy ban nhân dân các xã, phường",
                  "Các cơ quan, đơn vị có liên quan"]
    spec["kinh_gui"] = _some(rng, tuple(recipients), 1, 3)
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    spec["noi_dung"] = [
        f"Để {topic.viec}, {cq.ten_trong_cau} đề nghị các cơ quan, đơn vị thực hiện một số nội "
        "dung sau:",
        _khoan(tasks),
        f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về "
        f"{cq.ten_trong_cau} để được hướng dẫn."]
    spec["noi_nhan"] = _noi_nhan(rng, cq, ["Như trên"])
    spec["noi_luu"] = _luu(rng, cq)
    spec["nguoi_ky"] = nguoi_ky(rng, cq)
    return spec


def _dia_diem(cq: CoQuan) -> str:
    return f"Phòng họp số {len(cq.ten_viet_tat) % 4 + 1}, trụ sở {cq.ten_trong_cau}"


def _giay(rng: random.Random, loai: str) -> Spec:
    cq, day, topic, spec = _mo_dau(rng, loai)
    if loai == "giay_moi":
        ong, chu_tri = _ong_ba(rng)
        spec.update({
            "trich_yeu": f"Dự Hội nghị triển khai {topic.ten}",
            "khach_moi": _some(rng, _khach_moi(cq), 1, 3),
            "toi_du": f"Hội nghị triển khai {topic.ten}",
            "chu_tri": f"{ong} {chu_tri}, {cq.thu_truong} {cq.ten_trong_cau}",
            "gio_hop": _pick(rng, ("07:30", "08:00", "08:30", "14:00", "14:30")),
            "ngay_hop": _d(day + timedelta(days=1 + rng.randrange(14))),
            "dia_diem": _dia_diem(cq)})
        if _chance(rng, 50):
            spec["noi_dung"] = ["Đề nghị các đại biểu đến dự đúng thời gian và thành phần."]
        spec["noi_nhan"] = ["Như trên", *_noi_nhan(rng, cq, [])[1:]]
    elif loai == "giay_gioi_thieu":
        spec.update({
            "ho_ten": ho_ten(rng),
            "chuc_vu": f"Chuyên viên {_phong(rng, cq)}, {cq.ten_trong_cau}",
            "duoc_cu_den": f"Sở Nội vụ {cq.noi}" if cq.ten != "Sở Nội vụ" else
            f"Ủy ban nhân dân {cq.noi}",
            "ve_viec": f"Liên hệ, trao đổi công việc về {topic.ten}.",
            "co_gia_tri_den": _d(day + timedelta(days=7 + rng.randrange(60)))})
        spec["noi_nhan"] = ["Như trên"]
    else:
        name = ho_ten(rng)
        tu = day + timedelta(days=rng.randrange(1, 20))
        spec.update({
            "ngay_don": _d(day - timedelta(days=rng.randrange(0, 10))),
            "ho_ten": name,
            "chuc_vu": f"Chuyên viên {_phong(rng, cq)}, {cq.ten_trong_cau}",
            "tu_ngay": _d(tu),
            "den_ngay": _d(tu + timedelta(days=rng.randrange(0, 12))),
            "noi_nghi": f"{_noi(rng)[0]}.",
            "tinh_vao": f"nghỉ hằng năm có hưởng lương năm {tu.year}",
            "xac_nhan_noi_nghi": _chance(rng, 30)})
        spec["noi_nhan"] = [f"{'Bà' if _la_nu(name) else 'Ông'} {name}",
                            _phong(rng, cq)]
    spec["noi_luu"] = _luu(rng, cq)
    spec["nguoi_ky"] = nguoi_ky(rng, cq)
    return spec


def _khach_moi(cq: CoQuan) -> tuple[str, ...]:
    """Who a body invites: the heads of other bodies (a ministry: of every province's)."""
    tail = " các tỉnh, thành phố" if cq.dia_danh == "Hà Nội" and cq.ten.startswith(("Bộ", "Cục")) \
        else ""
    heads = tuple(f"{so.thu_truong} {so.ten}{tail}" for so in data.SO if so.ten != cq.ten)
    return (*heads, "Chủ tịch Ủy ban nhân dân các xã, phường")


def _la_nu(name: str) -> bool:
    return name.split()[-1] in data.TEN_NU and name.split()[1] in {
        w.split()[0] for w in data.TEN_DEM_NU}


def _bien_ban(rng: random.Random, loai: str) -> Spec:
    cq, day, topic, spec = _mo_dau(rng, loai)
    spec.pop("do_khan", None)
    ong, chair = _ong_ba(rng)
    title = f"{cq.cap_pho if _chance(rng, 50) else cq.thu_truong} {cq.ten_trong_cau}"
    start = rng.randrange(7, 15)
    members = [f"{ong} {chair}, {title}",
               *dict.fromkeys(f"{o} {n}, {head}" for (o, n), (_, head, _) in zip(
                   (_ong_ba(rng) for _ in range(3)), (_truc_thuoc(rng, cq) for _ in range(3)),
                   strict=True))]
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    spec.update({
        "trich_yeu": f"Cuộc họp bàn về {topic.ten}",
        "thoi_gian_bat_dau": f"{start:02d}:{_pick(rng, ('00', '30'))}",
        "dia_diem": _dia_diem(cq),
        "thanh_phan_tham_du": members,
        "chu_tri": members[0],
        "thu_ky": {"ho_ten": ho_ten(rng),
                   "chuc_vu": f"chuyên viên {_truc_thuoc(rng, cq)[0]}"},
        "noi_dung": [f"{chair} thông qua mục đích, nội dung cuộc họp về {topic.ten}.",
                     "Các thành viên dự họp thảo luận, thống nhất các nhiệm vụ sau:",
                     _khoan(tasks)],
        "thoi_gian_ket_thuc": f"{start + 1 + rng.randrange(3):02d}:{_pick(rng, ('00', '30'))}",
        "noi_nhan": ["Các thành viên dự họp"],
        "noi_luu": _luu(rng, cq),
        "nguoi_ky": {"chuc_vu": title, "ho_ten": chair}})
    if _chance(rng, 10):  # a meeting over two days: it ends on the next
        spec["ngay_ket_thuc"] = _d(day + timedelta(days=1))
        spec["thoi_gian_ket_thuc"] = f"{rng.randrange(8, 12):02d}:00"
    return spec


def _cong_dien(rng: random.Random, loai: str) -> Spec:
    cq, _, topic, spec = _mo_dau(rng, loai)
    spec["do_khan"] = _pick(rng, ("HỎA TỐC", "THƯỢNG KHẨN"))
    tasks = _some(rng, topic.nhiem_vu, 2, len(topic.nhiem_vu))
    spec.update({
        "trich_yeu": f"Về việc {topic.viec}",
        "co_quan_dien": f"{cq.thu_truong} {cq.ten_trong_cau}",
        "noi_nhan_dien": ["Thủ trưởng các cơ quan, đơn vị trực thuộc",
                          "Chủ tịch Ủy ban nhân dân các xã, phường"][:1 + rng.randrange(2)],
        "noi_dung": [f"Để {topic.viec}, {cq.thu_truong} {cq.ten_trong_cau} yêu cầu:",
                     _khoan(tasks),
                     "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước 16 giờ hằng ngày."],
        "noi_nhan": _noi_nhan(rng, cq, []),
        "noi_luu": _luu(rng, cq),
        "nguoi_ky": nguoi_ky(rng, cq, ca_nhan=True)})
    if _chance(rng, 20):  # note 6 of mẫu 1.6: the issuing body's name when not given
        del spec["co_quan_dien"]
    return spec


_CONG_TY = ("Tin học", "Xây dựng", "Thiết bị giáo dục", "Tư vấn", "Dịch vụ môi trường")
_TEN_CONG_TY = ("Biển Xanh", "Phương Nam", "Sao Việt", "Hồng Hà", "Trường Sơn", "Đại Dương")


def _hop_dong(rng: random.Random, loai: str) -> Spec:
    cq, day, topic, spec = _mo_dau(rng, loai)
    hinh_thuc = _pick(rng, ("TNHH", "cổ phần"))
    ben_b = f"Công ty {hinh_thuc} {_pick(rng, _CONG_TY)} {_pick(rng, _TEN_CONG_TY)}"
    ten = LOAI_VAN_BAN[loai].ten_trong_cau
    if loai == "hop_dong":
        spec["trich_yeu"] = f"Về việc cung cấp dịch vụ tư vấn {topic.ten}"
        gia = rng.randrange(5, 500) * 1_000_000
        dieu = [("Nội dung công việc", f"Bên B cung cấp dịch vụ tư vấn {topic.ten} cho Bên A."),
                ("Giá trị hợp đồng", f"Giá trị hợp đồng: {gia:,} đồng, đã bao gồm thuế giá trị "
                 "gia tăng.".replace(",", ".")),
                ("Thời gian thực hiện", f"Từ {_ngay_chu(day)} đến hết "
                 f"{_ngay_chu(date(day.year, 12, 31))}.")]
    else:
        spec["trich_yeu"] = f"Về hợp tác trong {topic.ten}"
        dieu = [("Mục tiêu hợp tác", f"Hai bên hợp tác nhằm {topic.viec}."),
                ("Nội dung hợp tác", _khoan(_some(rng, topic.nhiem_vu, 2, 3)))]
    dieu.append(("Điều khoản chung", f"Hai bên cam kết thực hiện đúng {ten} này. {ten} được lập "
                 "thành 04 bản có giá trị như nhau, mỗi bên giữ 02 bản."))
    if _chance(rng, 50):
        spec["can_cu"] = ["Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015",
                          "Căn cứ nhu cầu và khả năng của hai bên"]
    spec["ben_a"] = {"dia_chi": f"Số {rng.randrange(1, 200)} đường {_pick(rng, _DUONG)}, {cq.noi}",
                     "dien_thoai": f"0{rng.randrange(200, 300)} {rng.randrange(3000000, 4000000)}"}
    spec["ben_b"] = {"ten": ben_b,
                     "ma_so_thue": str(rng.randrange(10**9, 10**10)),
                     "nguoi_ky": {"chuc_vu": _pick(rng, ("Giám đốc", "Tổng Giám đốc")),
                                  "ho_ten": ho_ten(rng)}}
    spec["noi_dung"] = [line for tieu_de, than in dieu for line in (f"# Điều: {tieu_de}", than)]
    spec["noi_nhan"] = [ben_b, "Các phòng, đơn vị có liên quan"]
    spec["noi_luu"] = _luu(rng, cq)
    spec["nguoi_ky"] = nguoi_ky(rng, cq)
    return spec


#: A thư công's name, its occasion and what it says (practice: docs/types.md).
_THU: tuple[tuple[str, str, str], ...] = (
    ("Thư chúc mừng", "Nhân dịp kỷ niệm Ngày Nhà giáo Việt Nam 20 tháng 11",
     "gửi tới các thầy giáo, cô giáo, cán bộ quản lý và nhân viên lời chúc mừng tốt đẹp nhất"),
    ("Thư cảm ơn", "Nhân dịp tổng kết công tác năm",
     "trân trọng cảm ơn các cơ quan, đơn vị và cá nhân đã phối hợp, hỗ trợ trong thời gian qua"),
    ("Thư chúc Tết", "Nhân dịp đón Xuân mới",
     "gửi tới cán bộ, công chức, viên chức, người lao động lời chúc sức khỏe và hạnh phúc"),
    ("Thư thăm hỏi", "Về thiệt hại do mưa lũ",
     "gửi lời thăm hỏi, động viên tới các gia đình bị thiệt hại do mưa lũ vừa qua"),
)


def _thu_cong(rng: random.Random, loai: str) -> Spec:
    cq = co_quan(rng, loai)
    day = ngay(rng)
    spec = _chung(rng, cq, loai, day)
    ten, dip, loi = _pick(rng, _THU)
    spec["ten_thu"] = ten
    if _chance(rng, 80):
        spec["trich_yeu"] = dip
    if _chance(rng, 60):
        spec["don_vi_soan_thao"] = _pick(rng, cq.don_vi)[1]
    if _chance(rng, 50):
        spec["kinh_gui"] = ["Các cơ quan, đơn vị, cá nhân có liên quan"]
    spec["noi_dung"] = [f"Thay mặt lãnh đạo {cq.ten_trong_cau}, tôi xin {loi}.",
                        "Chúc các đồng chí mạnh khỏe, hạnh phúc và thành công."]
    spec["noi_luu"] = _luu(rng, cq)
    spec["nguoi_ky"] = nguoi_ky(rng, cq)
    return spec


_HO = {"cong_van": _cong_van, "nghi_quyet": _quyet_dinh, "quyet_dinh": _quyet_dinh,
       "co_ten_loai": _co_ten_loai, "giay": _giay, "bien_ban": _bien_ban,
       "cong_dien": _cong_dien, "hop_dong": _hop_dong}


def van_ban(rng: random.Random, loai: str) -> Spec:
    """Return the spec of a valid, realistic document of type `loai` (one of `LOAI_MAU`), drawn
    with `rng`: a mapping of plain values (str, int, bool, lists, mappings), as a YAML spec holds
    it; ``congvan.loads(to_yaml(spec))`` reads it."""
    tp = THANH_PHAN.get(loai)
    if tp is None:
        raise CongVanError(
            f"loại văn bản không có mẫu: {loai!r}; chọn một trong: {', '.join(LOAI_MAU)} (no "
            "sample for this document type)", code="sample.loai")
    return (_thu_cong if loai == "thu_cong" else _HO[tp.ho])(rng, loai)


def to_yaml(spec: Spec) -> str:
    """Return `spec` as YAML text (UTF-8 letters as they are, keys in the order composed)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # A text of several lines as a literal block (|-), as a clerk types it in examples/.
        style = "|" if "\n" in value else None
        return dumper.represent_scalar(  # pyright: ignore[reportUnknownMemberType]
            "tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    dumped: str = yaml.dump(  # pyright: ignore[reportUnknownMemberType]
        spec, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
    return dumped
