"""Tests for the Decree 30 date line (congvan.formatting) and congvan.vietnamese.dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from congvan.formatting import format_dia_danh_thoi_gian, format_ngay, parse_dia_danh_thoi_gian
from congvan.vietnamese.dates import WEEKDAY_NAMES, format_thu_ngay, ordinal, weekday_name
from congvan.vietnamese.numwords import InvalidNumberError

# (month, as the date line writes it): 1 and 2 padded, 3–12 not (PL I §II.4.b).
MONTHS = [
    (1, "01"),
    (2, "02"),
    (3, "3"),
    (4, "4"),
    (5, "5"),
    (6, "6"),
    (7, "7"),
    (8, "8"),
    (9, "9"),
    (10, "10"),
    (11, "11"),
    (12, "12"),
]


@pytest.mark.parametrize(("month", "thang"), MONTHS)
def test_date_line_month_rule(month, thang):
    line = format_dia_danh_thoi_gian("Hà Nội", date(2021, month, 15))
    assert line == f"Hà Nội, ngày 15 tháng {thang} năm 2021"
    assert parse_dia_danh_thoi_gian(line) == ("Hà Nội", date(2021, month, 15))


@pytest.mark.parametrize(
    ("day", "ngay"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (28, "28"), (31, "31")]
)
def test_date_line_day_padding(day, ngay):
    assert format_ngay(date(2021, 1, day)) == f"ngày {ngay} tháng 01 năm 2021"


def test_date_line_example_from_the_issue():
    line = format_dia_danh_thoi_gian("Hà Nội", date(2021, 2, 5))
    assert line == "Hà Nội, ngày 05 tháng 02 năm 2021"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "thứ nhất"),
        (2, "thứ hai"),  # not "thứ nhì" in documents
        (3, "thứ ba"),
        (4, "thứ tư"),
        (5, "thứ năm"),
        (10, "thứ mười"),
        (11, "thứ mười một"),
        (14, "thứ mười bốn"),
        (15, "thứ mười lăm"),
        (21, "thứ hai mươi mốt"),
        (24, "thứ hai mươi tư"),
        (100, "thứ một trăm"),
        (101, "thứ một trăm linh một"),
        (1000, "thứ một nghìn"),
    ],
)
def test_ordinal(n, words):
    assert ordinal(n) == words


def test_ordinal_options_apply_to_the_cardinal_only():
    assert ordinal(4, tu="bốn") == "thứ tư"
    assert ordinal(34, tu="bốn") == "thứ ba mươi bốn"
    assert ordinal(105, linh="lẻ") == "thứ một trăm lẻ năm"


@pytest.mark.parametrize("n", [0, -1, True, 1.0, "3"])
def test_ordinal_rejects(n):
    with pytest.raises(InvalidNumberError) as info:
        ordinal(n)
    assert info.value.code == "number.ordinal"


# 2021-06-28 was a Monday.
@pytest.mark.parametrize(
    ("day", "name"),
    [
        (28, "Thứ Hai"),
        (29, "Thứ Ba"),
        (30, "Thứ Tư"),
        (1, "Thứ Năm"),
        (2, "Thứ Sáu"),
        (3, "Thứ Bảy"),
        (4, "Chủ nhật"),
    ],
)
def test_weekday_name(day, name):
    value = date(2021, 6 if day > 20 else 7, day)
    assert weekday_name(value) == name
    assert weekday_name(datetime(value.year, value.month, value.day, 9, 30)) == name


def test_weekday_names_cover_the_week():
    assert len(set(WEEKDAY_NAMES)) == 7


@pytest.mark.parametrize(
    ("value", "line"),
    [
        (date(2021, 7, 1), "Thứ Năm, ngày 01 tháng 7 năm 2021"),
        (date(2024, 2, 4), "Chủ nhật, ngày 04 tháng 02 năm 2024"),
        (date(2025, 12, 15), "Thứ Hai, ngày 15 tháng 12 năm 2025"),
    ],
)
def test_format_thu_ngay(value, line):
    assert format_thu_ngay(value) == line
