"""Tests for vigil.core.calendars: Jalali <-> Gregorian and word tables."""
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from vigil.core.calendars import (
    iranian_year_range, jalali_month_length, jalali_month_number, jalali_month_range,
    gregorian_month_number, to_gregorian, to_jalali, weekday_number,
)


@pytest.mark.parametrize("jalali, greg", [
    ((1404, 7, 27), date(2025, 10, 19)),
    ((1396, 4, 17), date(2017, 7, 8)),
    ((1403, 11, 14), date(2025, 2, 2)),
    ((1403, 2, 25), date(2024, 5, 14)),
    ((1393, 5, 26), date(2014, 8, 17)),
    ((1403, 10, 17), date(2025, 1, 6)),
    ((1403, 1, 1), date(2024, 3, 20)),
    ((1402, 12, 29), date(2024, 3, 19)),
    ((1403, 12, 30), date(2025, 3, 20)),   # 1403 is a leap year
])
def test_known_conversions(jalali, greg):
    assert to_gregorian(*jalali) == greg
    assert to_jalali(greg) == jalali


def test_invalid_jalali_date_raises():
    with pytest.raises(ValueError):
        to_gregorian(1404, 12, 30)   # 1404 is not leap
    with pytest.raises(ValueError):
        to_gregorian(1404, 7, 31)


def test_every_day_1300_to_1500_round_trips_and_is_consecutive():
    expected = to_gregorian(1300, 1, 1)
    for jy in range(1300, 1501):
        for jm in range(1, 13):
            for jd in range(1, jalali_month_length(jy, jm) + 1):
                g = to_gregorian(jy, jm, jd)
                assert g == expected, (jy, jm, jd)
                assert to_jalali(g) == (jy, jm, jd)
                expected = g + timedelta(days=1)


@given(st.dates(min_value=date(1921, 3, 21), max_value=date(2121, 3, 20)))
def test_gregorian_round_trip(d):
    assert to_gregorian(*to_jalali(d)) == d


def test_year_and_month_ranges():
    assert iranian_year_range(1403) == (date(2024, 3, 20), date(2025, 3, 20))
    assert iranian_year_range(1404) == (date(2025, 3, 21), date(2026, 3, 20))
    assert jalali_month_range(1404, 3) == (date(2025, 5, 22), date(2025, 6, 21))
    assert jalali_month_range(1403, 10) == (date(2024, 12, 21), date(2025, 1, 19))


@pytest.mark.parametrize("word, num", [
    ("Farvardin", 1), ("Farwardin", 1), ("فروردین‌ماه", 1), ("Ordibehesht", 2),
    ("اردیبهشت ماه", 2), ("Khordad", 3), ("Tir", 4), ("تیرماه", 4), ("Mordad", 5),
    ("Amordad", 5), ("امرداد", 5), ("Shahrivar", 6), ("شهرویور", 6), ("شهريور", 6),
    ("Mehr", 7), ("Aban", 8), ("آذرماه", 9), ("Dey", 10), ("Dei", 10), ("دی‌ماه", 10),
    ("Bahman", 11), ("Esfand", 12), ("Isfand", 12), ("اسفند", 12),
])
def test_jalali_month_words(word, num):
    assert jalali_month_number(word) == num


@pytest.mark.parametrize("word, num", [
    ("January", 1), ("Nov.", 11), ("Sept", 9), ("سپتمبر", 9), ("سپتامبر", 9),
    ("مه", 5), ("فوریه", 2), ("دسامبر", 12),
])
def test_gregorian_month_words(word, num):
    assert gregorian_month_number(word) == num


def test_unknown_words():
    assert jalali_month_number("Monday") is None
    assert gregorian_month_number("Mehr") is None
    assert weekday_number("Mehr") is None


@pytest.mark.parametrize("word, num", [
    ("شنبه", 5), ("یکشنبه", 6), ("یک‌شنبه", 6), ("دوشنبه", 0), ("سه‌شنبه", 1),
    ("سه شنبه", 1), ("چهارشنبه", 2), ("پنجشنبه", 3), ("پنج‌شنبه", 3), ("پنج شنبه", 3),
    ("جمعه", 4), ("Thursday", 3), ("Thu", 3), ("sunday", 6), ("يكشنبه", 6),
])
def test_weekday_words(word, num):
    assert weekday_number(word) == num
