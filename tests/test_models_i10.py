"""Issue 10, the model side: the family models, the discriminated union, the per-type components of
rules.THANH_PHAN with their field paths and codes, the body parsed at document level, phụ lục."""

from __future__ import annotations

import copy
import json
import typing

import pydantic
import pytest

import congvan
from congvan import InvalidDocumentError, NghiQuyet, QuyetDinh, VanBanCoTenLoai
from congvan.formatting import format_so_ky_hieu
from congvan.models import MODELS, VanBanKemTheo
from congvan.noi_dung.blocks import Paragraph
from congvan.rules import LOAI_VAN_BAN, THANH_PHAN
from congvan.schema import input_schema

HEADER = {
    "co_quan_chu_quan": "Ủy ban nhân dân tỉnh Khánh Hòa",
    "co_quan_ban_hanh": {"ten": "Ủy ban nhân dân thành phố Nha Trang", "ten_viet_tat": "UBND"},
    "so_van_ban": 125, "dia_danh": "Nha Trang", "ngay": "01/07/2021",
    "nguoi_ky": {"tham_quyen": ["KT. Chủ tịch"], "chuc_vu": "Phó Chủ tịch",
                 "ho_ten": "Lưu Thành Nhân"},
}
QD = {
    "loai_van_ban": "quyet_dinh", **HEADER,
    "trich_yeu": "Về việc thành lập Tổ công tác",
    "tham_quyen_ban_hanh": "Chủ tịch Ủy ban nhân dân thành phố Nha Trang",
    "can_cu": ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
               "Theo đề nghị của Trưởng phòng Nội vụ."],
    "noi_dung": ["# Điều: Thành lập Tổ công tác", "Tổ công tác gồm các ông, bà có tên sau.",
                 "# Điều: Hiệu lực thi hành", "# Điều: Tổ chức thực hiện"],
    "noi_nhan": ["Như Điều 3", "Sở Nội vụ"],
}
NQ = {**QD, "loai_van_ban": "nghi_quyet", "trich_yeu": "Về việc thông qua Đề án",
      "tham_quyen_ban_hanh": "Ủy ban nhân dân thành phố Nha Trang",
      "nguoi_ky": {"tham_quyen": ["TM. Ủy ban nhân dân"], "chuc_vu": "Chủ tịch",
                   "ho_ten": "Nguyễn Sỹ Khánh"}}
KH = {"loai_van_ban": "ke_hoach", **HEADER, "trich_yeu": "Triển khai cài đặt Bluezone",
      "noi_dung": ["I. MỤC ĐÍCH", "Đẩy mạnh cài đặt."], "noi_nhan": ["Các phường, xã"]}
TTR = {"loai_van_ban": "to_trinh", **HEADER, "trich_yeu": "Đề nghị phê duyệt dự toán",
       "kinh_gui": ["Ủy ban nhân dân tỉnh Khánh Hòa"], "noi_dung": ["Kính trình."]}


def problems(data: dict) -> set[tuple[tuple, str]]:
    with pytest.raises(InvalidDocumentError) as info:
        congvan.validate(data)
    return {(p.path, p.code) for p in info.value.problems}


def with_(data: dict, **changes) -> dict:
    out = copy.deepcopy(data)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


# -- The families and the union --------------------------------------------------------------------


def test_models_cover_exactly_the_supported_types():
    assert set(MODELS) == set(THANH_PHAN)
    for loai, model in MODELS.items():
        assert model.__name__ == {"cong_van": "CongVan", "nghi_quyet": "NghiQuyet",
                                  "quyet_dinh": "QuyetDinh",
                                  "giay_moi": "GiayMoi",
                                  "giay_gioi_thieu": "GiayGioiThieu",
                                  "giay_nghi_phep": "GiayNghiPhep",
                                  "bien_ban": "BienBan",
                                  "cong_dien": "CongDien",
                                  "hop_dong": "HopDong", "ban_ghi_nho": "HopDong",
                                  "ban_thoa_thuan": "HopDong",
                                  "thu_cong": "ThuCong",
                                  }.get(loai, "VanBanCoTenLoai")
        assert THANH_PHAN[loai].ho == {"CongVan": "cong_van", "NghiQuyet": "nghi_quyet",
                                       "QuyetDinh": "quyet_dinh",
                                       "GiayMoi": "giay",
                                       "GiayGioiThieu": "giay",
                                       "GiayNghiPhep": "giay",
                                       "BienBan": "bien_ban",
                                       "CongDien": "cong_dien",
                                       "HopDong": "hop_dong",
                                       }.get(model.__name__, "co_ten_loai")
        assert LOAI_VAN_BAN[loai].thanh_phan is THANH_PHAN[loai]


def test_load_refuses_no_type_that_loai_van_ban_lists():
    # Issue 11: every type of Art. 7 has its components, its model and so its layout.
    assert set(LOAI_VAN_BAN) == set(THANH_PHAN) == set(MODELS)


def test_attached_text_types_are_the_rules_data():
    annotation = VanBanKemTheo.model_fields["loai_van_ban"].annotation
    assert typing.get_args(annotation) == THANH_PHAN["quyet_dinh"].van_ban_kem_theo


@pytest.mark.parametrize(("data", "model"), [(QD, QuyetDinh), (NQ, NghiQuyet),
                                             (KH, VanBanCoTenLoai), (TTR, VanBanCoTenLoai)])
def test_the_type_chooses_the_model(data, model):
    assert type(congvan.validate(data)) is model
    # The union dispatches the same way for pydantic itself (a field of type Document).
    adapter = pydantic.TypeAdapter(congvan.Document)
    assert type(adapter.validate_python(copy.deepcopy(data))) is model


def test_load_of_a_decision_gives_a_quyet_dinh_and_refuses_another_expectation(tmp_path):
    path = tmp_path / "qd.json"
    path.write_text(json.dumps(QD, ensure_ascii=False), encoding="utf-8")
    assert isinstance(congvan.load(path), QuyetDinh)
    assert isinstance(congvan.load(path, QuyetDinh), QuyetDinh)
    for expect in (congvan.CongVan, VanBanCoTenLoai, NghiQuyet):
        with pytest.raises(InvalidDocumentError) as info:
            congvan.load(path, expect)
        assert [(p.path, p.code) for p in info.value.problems] == [
            (("loai_van_ban",), "loai_van_ban.unexpected")]


def test_a_field_of_another_family_is_refused():
    assert problems(with_(QD, kinh_gui=["Sở Nội vụ"])) == {(("kinh_gui",), "extra_forbidden")}
    assert problems(with_(KH, tham_quyen_ban_hanh="Chủ tịch")) == {
        (("tham_quyen_ban_hanh",), "extra_forbidden")}


@pytest.mark.parametrize(("loai", "ky_hieu"), [
    ("quyet_dinh", "Số: 125/QĐ-UBND"), ("nghi_quyet", "Số: 125/NQ-UBND"),
    ("ke_hoach", "Số: 125/KH-UBND"), ("quy_dinh", "Số: 125/QyĐ-UBND"),
    ("to_trinh", "Số: 125/TTr-UBND"), ("thong_bao", "Số: 125/TB-UBND")])
def test_so_ky_hieu_per_family(loai, ky_hieu):
    data = {"quyet_dinh": QD, "nghi_quyet": NQ, "to_trinh": TTR}.get(loai, KH)
    doc = congvan.validate(with_(data, loai_van_ban=loai))
    assert format_so_ky_hieu(doc.so_ky_hieu) == ky_hieu
    assert "None" not in format_so_ky_hieu(doc.so_ky_hieu)


@pytest.mark.parametrize("data", [QD, NQ, KH, TTR], ids=lambda d: d["loai_van_ban"])
def test_round_trip_per_family(data):
    doc = congvan.validate(data)
    again = congvan.validate(json.loads(doc.model_dump_json()))
    assert again == doc and type(again) is type(doc)
    assert again.body() == doc.body()


# -- Components per type (rules.THANH_PHAN) --------------------------------------------------------


@pytest.mark.parametrize(("data", "field", "code"), [
    (QD, "can_cu", "can_cu.thieu"), (NQ, "can_cu", "can_cu.thieu"),
    (QD, "tham_quyen_ban_hanh", "tham_quyen_ban_hanh.thieu"),
    (NQ, "tham_quyen_ban_hanh", "tham_quyen_ban_hanh.thieu"),
    (TTR, "kinh_gui", "kinh_gui.thieu")], ids=str)
def test_required_components(data, field, code):
    assert problems(with_(data, **{field: None})) == {((field,), code)}


def test_an_empty_list_of_can_cu_is_missing_too():
    assert problems(with_(QD, can_cu=[])) == {(("can_cu",), "can_cu.thieu")}


def test_a_decision_needs_an_article():
    assert problems(with_(QD, noi_dung=["Thành lập Tổ công tác."], noi_nhan=["Sở Nội vụ"])) == {
        (("noi_dung",), "noi_dung.dieu")}
    assert problems(with_(NQ, noi_dung=["Thông qua Đề án."], noi_nhan=["Sở Nội vụ"])) == {
        (("noi_dung",), "noi_dung.dieu")}


def test_a_type_without_kinh_gui_refuses_one():
    data = with_(KH, loai_van_ban="giay_uy_quyen", kinh_gui=["Ông Nguyễn Văn A"])
    assert problems(data) == {(("kinh_gui",), "kinh_gui.khong_co")}


def test_a_report_may_have_kinh_gui():
    doc = congvan.validate(with_(KH, loai_van_ban="bao_cao", kinh_gui=["Sở Y tế"], noi_nhan=None))
    assert [n.ten for n in doc.noi_nhan] == ["Như trên"]
    assert congvan.validate(with_(KH, loai_van_ban="bao_cao")).kinh_gui == []


def test_nghi_quyet_is_signed_tm_of_the_collective():
    assert problems(with_(NQ, nguoi_ky=HEADER["nguoi_ky"])) == {
        (("nguoi_ky", "tham_quyen"), "tham_quyen.tm_tap_the")}
    assert problems(with_(NQ, nguoi_ky={"chuc_vu": "Chủ tịch", "ho_ten": "A"})) == {
        (("nguoi_ky", "tham_quyen"), "tham_quyen.tm_tap_the")}


def test_kinh_gui_opens_noi_nhan_with_nhu_tren():
    assert [n.ten for n in congvan.validate(TTR).noi_nhan] == ["Như trên"]
    assert problems(with_(TTR, noi_nhan=["Sở Tài chính"])) == {
        (("noi_nhan",), "noi_nhan.nhu_tren")}
    doc = congvan.validate(with_(TTR, noi_nhan=["Như trên", "Sở Tài chính"]))
    assert [n.ten for n in doc.noi_nhan] == ["Như trên", "Sở Tài chính"]


def test_nhu_tren_without_kinh_gui_is_refused():
    assert problems(with_(KH, noi_nhan=["Như trên", "Sở Y tế"])) == {
        (("noi_nhan", 0), "noi_nhan.nhu_tren_thua")}


@pytest.mark.parametrize("entry", ["Như Điều 4", "Như Điều 2, Điều 5", "Như Điều 0"])
def test_nhu_dieu_names_an_existing_article(entry):
    assert problems(with_(QD, noi_nhan=["Sở Nội vụ", entry])) == {
        (("noi_nhan", 1), "noi_nhan.nhu_dieu")}


def test_nhu_dieu_of_existing_articles_is_accepted():
    doc = congvan.validate(with_(QD, noi_nhan=["Như Điều 3", "Như Điều 1, 2"]))
    assert doc.body().dieu_count == 3
    assert problems(with_(KH, noi_nhan=["Như Điều 1"])) == {
        (("noi_nhan", 0), "noi_nhan.nhu_dieu")}  # a plan without articles


def test_every_problem_is_listed_at_once():
    data = with_(QD, can_cu=None, tham_quyen_ban_hanh=None, noi_dung=["Không có điều."],
                 noi_nhan=["Như Điều 3"])
    assert problems(data) == {
        (("can_cu",), "can_cu.thieu"), (("tham_quyen_ban_hanh",), "tham_quyen_ban_hanh.thieu"),
        (("noi_dung",), "noi_dung.dieu"), (("noi_nhan", 0), "noi_nhan.nhu_dieu")}


def test_can_cu_punctuation_is_congvans():
    doc = congvan.validate(with_(QD, can_cu=["Căn cứ Luật A;", "Căn cứ Luật B,", "Theo đề nghị."]))
    assert doc.can_cu == ["Căn cứ Luật A", "Căn cứ Luật B", "Theo đề nghị"]
    assert problems(with_(QD, can_cu=["Căn cứ A", " ;."])) == {(("can_cu", 1), "text.empty")}
    assert problems(with_(QD, can_cu=["Căn cứ A\nvà B"])) == {(("can_cu", 0), "text.newline")}


def test_model_copy_checks_the_components_again():
    doc = congvan.validate(QD)
    with pytest.raises(InvalidDocumentError) as info:
        doc.model_copy(update={"can_cu": []})
    assert {p.code for p in info.value.problems} == {"can_cu.thieu"}


# -- The body, the attached text, phụ lục ----------------------------------------------------------


def test_body_blocks_are_parsed_at_document_level():
    doc = congvan.validate(KH)
    blocks = doc.body_blocks()
    assert blocks == doc.body().noi_dung
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == KH["noi_dung"]


def test_a_body_block_is_text_or_a_mapping():
    assert problems(with_(KH, noi_dung=["Đoạn.", 12])) == {(("noi_dung", 1), "noi_dung.khoi")}
    assert problems(with_(KH, noi_dung=[])) == {(("noi_dung",), "too_short")}
    doc = congvan.validate(with_(KH, noi_dung=["Đoạn.", {"bang": {"dong": [["1", "A"]]}}]))
    assert doc.noi_dung[1] == {"bang": {"dong": [["1", "A"]]}}  # kept as typed for model_dump


def test_a_body_keeps_line_breaks_for_the_markup():
    doc = congvan.validate(with_(KH, noi_dung=["1. Một\n2. Hai"]))
    assert doc.noi_dung == ["1. Một\n2. Hai"]


def test_attached_text_of_an_indirect_decision():
    kem = {"loai_van_ban": "quy_che", "trich_yeu": "Quy chế làm việc",
           "noi_dung": ["# Điều: Phạm vi"]}
    doc = congvan.validate(with_(QD, van_ban_kem_theo=kem))
    assert isinstance(doc, QuyetDinh) and doc.van_ban_kem_theo is not None
    assert doc.body().van_ban_kem_theo is not None
    assert doc.body().dieu_count == 3  # the decision's own articles
    assert problems(with_(QD, van_ban_kem_theo={**kem, "loai_van_ban": "bao_cao"})) == {
        (("van_ban_kem_theo", "loai_van_ban"), "literal_error")}


def test_phu_luc_numbers():
    one = congvan.validate(with_(KH, phu_luc=[{"noi_dung": ["Bảng."]}]))
    assert one.body().so_phu_luc == ("",)  # a sole appendix is "Phụ lục" alone (PL I §III.1)
    two = congvan.validate(with_(KH, phu_luc=[
        {"noi_dung": ["A."], "id": "danh-sach"}, {"noi_dung": ["B."], "id": "bang_gia",
                                                   "tieu_de": "Bảng giá", "ngang": True}]))
    body = two.body()
    assert body.so_phu_luc == ("I", "II") and len(body.phu_luc) == 2
    assert body.anchors[("phu_luc", "bang_gia")] == "II"
    assert congvan.validate(KH).body().so_phu_luc == ()


def test_phu_luc_ids():
    assert problems(with_(KH, phu_luc=[{"noi_dung": ["A."], "id": "x"},
                                       {"noi_dung": ["B."], "id": "x"}])) == {
        (("phu_luc", 1, "id"), "noi_dung.trung_id")}
    assert problems(with_(KH, phu_luc=[{"noi_dung": ["A."], "id": "Bảng 1"}])) == {
        (("phu_luc", 0, "id"), "id.invalid")}
    assert problems(with_(KH, phu_luc=[{"noi_dung": ["A."], "ngang": "yes"}])) == {
        (("phu_luc", 0, "ngang"), "bool_type")}


def test_cong_van_gets_the_body_and_phu_luc_too(seed_data):
    doc = congvan.validate(with_(seed_data, phu_luc=[{"noi_dung": ["Danh sách."]}]))
    assert doc.body().so_phu_luc == ("",)
    assert len(doc.body_blocks()) == len(seed_data["noi_dung"])


# -- The schema knows each family ------------------------------------------------------------------


def test_schema_has_a_variant_per_family_and_the_discriminator():
    schema = input_schema()
    defs = schema["$defs"]
    assert {v["$ref"].rsplit("/", 1)[1] for v in schema["oneOf"]} == {
        m.__name__ for m in MODELS.values()}
    assert schema["discriminator"]["mapping"] == {
        loai: f"#/$defs/{m.__name__}" for loai, m in MODELS.items()}
    assert defs["QuyetDinh"]["properties"]["loai_van_ban"]["const"] == "quyet_dinh"
    assert set(defs["VanBanCoTenLoai"]["properties"]["loai_van_ban"]["enum"]) == {
        loai for loai, m in MODELS.items() if m is VanBanCoTenLoai}
    assert {"can_cu", "tham_quyen_ban_hanh", "trich_yeu"} <= set(defs["QuyetDinh"]["required"])
    assert defs["QuyetDinh"]["properties"]["can_cu"]["minItems"] == 1
    assert "van_ban_kem_theo" in defs["QuyetDinh"]["properties"]
    assert "kinh_gui" not in defs["QuyetDinh"]["properties"]
    items = defs["PhuLuc"]["properties"]["noi_dung"]["items"]
    assert items == {"$ref": "#/$defs/KhoiNoiDung"}
    assert "bang" in defs["KhoiNoiDung"]["anyOf"][1]["properties"]


def test_schema_verdicts_on_the_families(tmp_path):
    from tests.test_schema import _schema_verdicts

    cases = {"qd.json": (QD, True), "nq.json": (NQ, True), "kh.json": (KH, True),
             "ttr.json": (TTR, True),
             "qd-no-can-cu.json": (with_(QD, can_cu=None), False),
             "qd-empty-can-cu.json": (with_(QD, can_cu=[]), False),
             "ttr-no-kinh-gui.json": (with_(TTR, kinh_gui=None), False),
             "guq-kinh-gui.json": (with_(KH, loai_van_ban="giay_uy_quyen", kinh_gui=["A"]), False),
             "qd-kinh-gui.json": (with_(QD, kinh_gui=["A"]), False),
             "table.json": (with_(KH, noi_dung=[{"bang": {"dong": [[1, "A"]]}}]), True),
             "table-typo.json": (with_(KH, noi_dung=[{"bang": {"dongg": [[1]]}}]), False),
             "bien-ban.json": (with_(KH, loai_van_ban="bien_ban"), False),
             # With an issuer profile, its fields and a signer's key; without, they are required.
             "profile.json": (with_(QD, co_quan="ho-so/ubnd.yaml", co_quan_ban_hanh=None,
                                    dia_danh=None, nguoi_ky="chu-tich"), True),
             "no-profile.json": (with_(QD, co_quan_ban_hanh=None), False)}
    paths = []
    for name, (data, _) in cases.items():
        (tmp_path / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(tmp_path / name)
    verdicts = _schema_verdicts(paths)
    assert {name: verdicts[name] for name in cases} == {n: ok for n, (_, ok) in cases.items()}


def test_missing_components_are_listed_with_the_fields_problems():
    data = with_(QD, can_cu=None, tham_quyen_ban_hanh=None, ngay="31/02/2021", trich_yeuu="x")
    assert problems(data) == {
        (("ngay",), "ngay.invalid"), (("trich_yeuu",), "extra_forbidden"),
        (("can_cu",), "can_cu.thieu"), (("tham_quyen_ban_hanh",), "tham_quyen_ban_hanh.thieu")}
    assert problems(with_(TTR, kinh_gui=None, ngay="x")) == {
        (("ngay",), "ngay.invalid"), (("kinh_gui",), "kinh_gui.thieu")}
    # A component whose own value is invalid is reported once, for its value.
    assert problems(with_(QD, can_cu=[""], ngay="x")) == {
        (("ngay",), "ngay.invalid"), (("can_cu", 0), "text.empty")}


def test_a_body_keeps_the_indentation_that_nests_lists():
    typed = "1. Khoản một:\r\n   1. điểm  a;\n\t- gạch \u00a0 đầu dòng  \n\n\n"
    doc = congvan.validate(with_(KH, noi_dung=["  Đoạn  mở đầu.  ", typed]))
    assert doc.noi_dung == ["Đoạn mở đầu.", "1. Khoản một:\n   1. điểm a;\n    - gạch đầu dòng"]
    assert problems(with_(KH, noi_dung=[" \n\t\n"])) == {(("noi_dung", 0), "text.empty")}
    assert problems(with_(KH, noi_dung=["Céng hoµ x· héi chñ nghÜa"])) == {
        (("noi_dung", 0), "text.legacy_encoding")}


def test_a_body_blocks_shared_indentation_is_dropped():
    doc = congvan.validate(with_(KH, noi_dung=["    1. Khoản:\n       1. điểm"]))
    assert doc.noi_dung == ["1. Khoản:\n   1. điểm"]


# -- The document-level contract with congvan.noi_dung (its API, DESIGN-10.md) ---------------------


def test_body_problems_are_listed_with_the_components(monkeypatch):
    import congvan.noi_dung as noi_dung
    from congvan.errors import Problem

    def refuse(raw, *, path=("noi_dung",), landscape=False):
        raise InvalidDocumentError([Problem((*path, 0), "noi_dung.khong_ho_tro", "dòng 1: …")])

    monkeypatch.setattr(noi_dung, "parse_noi_dung", refuse)
    assert problems(with_(QD, can_cu=None, phu_luc=[{"noi_dung": ["A."]}])) == {
        (("noi_dung", 0), "noi_dung.khong_ho_tro"),
        (("phu_luc", 0, "noi_dung", 0), "noi_dung.khong_ho_tro"), (("can_cu",), "can_cu.thieu")}


def test_anchors_resolve_across_the_whole_document(monkeypatch):
    import congvan.noi_dung as noi_dung

    seen = {}
    parse = noi_dung.parse_noi_dung

    def with_anchor(raw, *, path=("noi_dung",), landscape=False):
        body = parse(raw, path=path, landscape=landscape)
        seen[path] = landscape
        return noi_dung.ParsedBody(body.blocks, {("dieu", "-".join(map(str, path))): "1"},
                                   body.refs, body.has_dieu, body.dieu_count)

    def resolve(body, anchors):
        seen["anchors"] = dict(anchors)
        return body.blocks

    monkeypatch.setattr(noi_dung, "parse_noi_dung", with_anchor)
    monkeypatch.setattr(noi_dung, "resolve_refs", resolve)
    kem = {"loai_van_ban": "quy_dinh", "trich_yeu": "Quy định", "noi_dung": ["# Điều: A"]}
    congvan.validate(with_(QD, van_ban_kem_theo=kem, phu_luc=[
        {"noi_dung": ["A."], "id": "mau", "ngang": True}]))
    assert seen[("phu_luc", 0, "noi_dung")] is True and seen[("noi_dung",)] is False
    assert seen["anchors"] == {
        ("dieu", "noi_dung"): "1", ("dieu", "van_ban_kem_theo-noi_dung"): "1",
        ("dieu", "phu_luc-0-noi_dung"): "1", ("phu_luc", "mau"): ""}


def test_an_id_names_one_thing_in_the_whole_document(monkeypatch):
    import congvan.noi_dung as noi_dung

    parse = noi_dung.parse_noi_dung

    def same_anchor(raw, *, path=("noi_dung",), landscape=False):
        body = parse(raw, path=path, landscape=landscape)
        return noi_dung.ParsedBody(body.blocks, {("dieu", "pham-vi"): "1"}, body.refs,
                                   body.has_dieu, body.dieu_count)

    monkeypatch.setattr(noi_dung, "parse_noi_dung", same_anchor)
    assert problems(with_(QD, phu_luc=[{"noi_dung": ["A."]}])) == {
        (("phu_luc", 0, "noi_dung"), "noi_dung.trung_id")}
