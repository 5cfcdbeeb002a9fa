"""Tests for vigil.core.dates: date expressions, precision, spans, periods."""
import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from vigil.core.dates import ParsedDate, find_dates, parse_date, parse_period
from vigil.core.text import detect_language

EVAL = Path(os.environ.get("VIGIL_SHARED", "/work/shared")) / "eval" / "extraction"
DOCS = EVAL / "docs.jsonl"


def _one(expr, published=None) -> ParsedDate:
    item = parse_date(expr, published)
    assert item is not None, expr
    return item


# ------------------------------------------------------------------ forms as reports write them

@pytest.mark.parametrize("expr, published, value, precision, calendar", [
    ("27 Mehr 1404", None, "2025-10-19", "day", "jalali"),
    ("۲۷ مهر ۱۴۰۴", None, "2025-10-19", "day", "jalali"),
    ("١٣٩٦/٠٤/١٧", None, "2017-07-08", "day", "jalali"),
    ("1403/11/14", None, "2025-02-02", "day", "jalali"),
    ("۲۰۱۴-۰۸-۱۸", None, "2014-08-18", "day", "gregorian"),
    ("Sunday, October 19", "2025-10-20", "2025-10-19", "day", "gregorian"),
    ("19 October 2025", None, "2025-10-19", "day", "gregorian"),
    ("October 19, 2025", None, "2025-10-19", "day", "gregorian"),
    ("Nov. 16, 2022", None, "2022-11-16", "day", "gregorian"),
    ("30th January 2013", None, "2013-01-30", "day", "gregorian"),
    ("June 1 2023", None, "2023-06-01", "day", "gregorian"),
    ("January 23", "2024-01", "2024-01-23", "day", "gregorian"),
    ("Thursday 15 Dec", "2016-12-17", "2016-12-15", "day", "gregorian"),
    ("December 20", "2024-03-05", "2023-12-20", "day", "gregorian"),  # most recent before
    ("yesterday", "2013-07-10", "2013-07-09", "day", "relative"),
    ("today", "2013-07-10", "2013-07-10", "day", "relative"),
    ("last night", "2013-07-10", "2013-07-09", "day", "relative"),
    ("on Monday", "2022-12-12", "2022-12-12", "day", "relative"),     # same day counts
    ("on Thursday", "2022-12-12", "2022-12-08", "day", "relative"),
    ("last Thursday", "2024-10-22", "2024-10-17", "day", "relative"),
    ("last Tuesday", "2024-10-22", "2024-10-15", "day", "relative"),  # strictly before
    ("3 days ago", "2024-10-22", "2024-10-19", "day", "relative"),
    ("eight years ago", "2021-07-18", "2013", "year", "relative"),
    ("روز گذشته", "2024-10-22", "2024-10-21", "day", "relative"),
    ("دیروز", "2024-10-22", "2024-10-21", "day", "relative"),
    ("امروز", "2024-10-22", "2024-10-22", "day", "relative"),
    ("بامداد امروز", "2024-10-22", "2024-10-22", "day", "relative"),
    ("سه‌شنبه", "2024-10-24", "2024-10-22", "day", "relative"),
    ("سه شنبه", "2024-10-24", "2024-10-22", "day", "relative"),
    ("پنجشنبه گذشته", "2024-10-24", "2024-10-17", "day", "relative"),
    ("سه‌شنبه ۲۵ اردیبهشت ۱۴۰۳", None, "2024-05-14", "day", "jalali"),
    ("۲۶ مرداد", "2014-08-18", "2014-08-17", "day", "jalali"),
    ("هجدهم خردادماه ۱۴۰۳", None, "2024-06-07", "day", "jalali"),
    ("بیست و نهم اردیبهشت ۱۳۹۴", None, "2015-05-19", "day", "jalali"),
    ("اول سپتمبر", "2025-09-01", "2025-09-01", "day", "gregorian"),
    ("۲۳ مه ۲۰۱۵", None, "2015-05-23", "day", "gregorian"),
    ("شنبه 2 خرداد ۹۴", None, "2015-05-23", "day", "jalali"),
    ("mid-October", "2025-11-01", "2025-10", "month", "gregorian"),
    ("January 2016", None, "2016-01", "month", "gregorian"),
    ("in April", "2024-11-13", "2024-04", "month", "gregorian"),
    ("last November", "2024-05-03", "2023-11", "month", "gregorian"),
    ("خرداد ۱۴۰۴", None, "2025", "month", "jalali"),      # May 22 - June 21
    ("تیرماه ۱۴۰۲", None, "2023", "month", "jalali"),
    ("دی ۱۴۰۳", None, None, "month", "jalali"),            # Dec 21 - Jan 19: no common year
    ("Khordad 1404", None, "2025", "month", "jalali"),
    ("in 2023", None, "2023", "year", "gregorian"),
    ("Iranian year 1403", None, None, "year", "jalali"),
    ("سال ۱۴۰۳", None, None, "year", "jalali"),
])
def test_forms(expr, published, value, precision, calendar):
    item = _one(expr, published)
    assert (item.value, item.precision, item.calendar) == (value, precision, calendar)
    assert not item.weekday_conflict


def test_month_bounds_and_mid():
    kh = _one("خرداد ۱۴۰۴")
    assert (kh.start, kh.end) == (date(2025, 5, 22), date(2025, 6, 21))
    mid = _one("mid-October 2020")
    assert (mid.start, mid.end, mid.value) == (date(2020, 10, 11), date(2020, 10, 20), "2020-10")
    year = _one("Iranian year 1403")
    assert (year.start, year.end) == (date(2024, 3, 20), date(2025, 3, 20))


def test_weekday_conflict_is_flagged_not_dropped():
    item = _one("Tuesday 17 Dey 1403")          # 17 Dey 1403 is a Monday
    assert item.value == "2025-01-06" and item.weekday_conflict
    item = _one("Wednesday, May 2", "2024-05-04")   # May 2, 2024 was a Thursday
    assert item.value == "2024-05-02" and item.weekday_conflict
    assert not _one("Tuesday 7 January 2025").weekday_conflict


def test_relative_without_publication_is_not_guessed():
    for expr in ("yesterday", "on Wednesday", "دیروز", "سه‌شنبه", "۲۶ مرداد", "January 23"):
        item = _one(expr)
        assert item.value is None and item.ambiguous, expr


def test_relative_with_month_publication_gives_coarse_value():
    item = _one("on Wednesday", "2024-11")       # could be late October
    assert item.value == "2024" and item.ambiguous
    assert (item.start, item.end) == (date(2024, 10, 25), date(2024, 11, 30))


def test_relative_uses_explicit_report_date_when_publication_day_unknown():
    text = "The group reported on Tuesday, October 22, that two men were executed last Thursday."
    items = find_dates(text, "2024-10")
    assert [i.value for i in items] == ["2024-10-22", "2024-10-17"]


@pytest.mark.parametrize("text, value", [
    ("سحرگاه چهارشنبه 26 تیرماه اعدام شد. او در آذرماه سال ۹۴ بازداشت شده بود.", "2019-07-17"),
    ("روز چهارشنبه ۲۷ فروردین‌ماه اعدام شد. در سال 93 بازداشت شده بود.", None),  # 1399 or 1404
    ("سحرگاه چهارشنبه 20 شهرویورماه اعدام شد.", None),                              # 1392 or 1398
    ("سحرگاه دوشنبه 4 مردادماه دو زندانی اعدام شدند.", None),                       # 1395 or 1400
])
def test_weekday_and_jalali_day_without_year_or_publication(text, value):
    assert find_dates(text)[0].value == value


def test_spans_index_the_original_text():
    text = "گزارش: روز سه‌شنبه ۲۵ اردیبهشت‌ماه و نیز ١٣٩٦/٠٤/١٧ و Sunday (July 18)."
    items = find_dates(text, "2024-05-14")
    assert [i.text for i in items] == ["روز سه‌شنبه ۲۵ اردیبهشت‌ماه", "١٣٩٦/٠٤/١٧", "Sunday (July 18)"]
    for i in items:
        assert text[i.span[0]:i.span[1]] == i.text


def test_merges_and_ranges():
    assert _one("today, May 19, 2023", "2023-07").value == "2023-05-19"
    r = _one("from January to June 2024")
    assert (r.precision, r.start, r.end, r.value) == ("range", date(2024, 1, 1), date(2024, 6, 30), "2024")
    r = _one("Between October 10, 2021 and October 7, 2022")
    assert (r.start, r.end, r.value) == (date(2021, 10, 10), date(2022, 10, 7), None)
    # "May 26, May 28 and June 2": a list, not a range
    assert [i.value for i in find_dates("on May 26, May 28 and June 2", "2025-06-29")] == \
        ["2025-05-26", "2025-05-28", "2025-06-02"]


def test_false_friends_are_not_dates():
    assert find_dates("The authorities may 10 more prisoners", "2024-01-01") == []
    assert find_dates("at least 2000 prisoners and over 1999 people", "2024-01-01") == []
    assert find_dates("the No to Execution Tuesdays campaign", "2024-01-01") == []
    assert find_dates("کارزار سه‌شنبه‌های نه به اعدام و خبرگزاری مهر", "2024-01-01") == []
    assert find_dates("در نیمه دوم اردیبهشت اعدام شدند", "2024-06-01")[0].precision == "month"
    assert find_dates("او چند روز پیش منتقل شد", "2024-06-01") == []


@pytest.mark.parametrize("expr, published, expected", [
    ("the first six and a half months of 2025", None, (date(2025, 1, 1), date(2025, 7, 15))),
    ("the first half of 2024", None, (date(2024, 1, 1), date(2024, 6, 30))),
    ("the second half of 2024", None, (date(2024, 7, 1), date(2024, 12, 31))),
    ("the second quarter of 2023", None, (date(2023, 4, 1), date(2023, 6, 30))),
    ("the last three months of 2024", None, (date(2024, 10, 1), date(2024, 12, 31))),
    ("from the beginning of 2025 to mid-October", None, (date(2025, 1, 1), date(2025, 10, 20))),
    ("in 2023", None, (date(2023, 1, 1), date(2023, 12, 31))),
    ("Iranian year 1403", None, (date(2024, 3, 20), date(2025, 3, 20))),
    ("since mid-December 2023", "2024-01-15", (date(2023, 12, 11), date(2024, 1, 15))),
    ("since the start of 2021", "2021-07-18", (date(2021, 1, 1), date(2021, 7, 18))),
    ("past 12 months", "2025-10-19", (date(2024, 10, 20), date(2025, 10, 19))),
    ("between October 10, 2021 and October 7, 2022", None, (date(2021, 10, 10), date(2022, 10, 7))),
    ("از آغاز سال جاری میلادی تاکنون", "2025-09-20", (date(2025, 1, 1), date(2025, 9, 20))),
    ("until March 2024", None, (None, date(2024, 3, 31))),
    ("since mid-2023", "2024-10-22", (date(2023, 5, 1), date(2024, 10, 22))),
    ("in late 2022", None, (date(2022, 9, 1), date(2022, 12, 31))),
    ("در خرداد ۱۴۰۴", None, (date(2025, 5, 22), date(2025, 6, 21))),
    ("در شش ماه نخست سال ۱۴۰۳", None, (date(2024, 3, 20), date(2024, 9, 21))),
    ("نیمه دوم سال ۲۰۲۴", None, (date(2024, 7, 1), date(2024, 12, 31))),
    ("دو ماه پایانی سال ۱۴۰۱", None, (date(2023, 1, 21), date(2023, 3, 20))),
    ("در دو ماه نخست سال جاری میلادی", "2014-03", (date(2014, 1, 1), date(2014, 2, 28))),
])
def test_parse_period(expr, published, expected):
    assert parse_period(expr, published) == expected


def test_parse_period_none():
    assert parse_period("no date here") is None
    assert parse_period("") is None


# ------------------------------------------------------------------ real forms from the dev set

REAL = [  # (doc id, expression as written, expected value) from gold.jsonl and NOTES.md
    ("001", "January 23", "2024-01-23"), ("001", "mid-December 2023", "2023-12"),
    ("002", "Wednesday", "2024-11-13"), ("002", "April", "2024-04"),
    ("004", "Sunday night", "2023-05-14"), ("004", "Nov. 16, 2022", "2022-11-16"),
    ("006", "Tuesday, August 8, 2023", "2023-08-08"), ("006", "Wednesday, August 9", "2023-08-09"),
    ("008", "July 17, 2023", "2023-07-17"), ("008", "today, May 19, 2023", "2023-05-19"),
    ("009", "Thursday December 15", "2016-12-15"), ("009", "Wednesday December 14", "2016-12-14"),
    ("010", "yesterday", "2013-07-09"),
    ("013", "Sunday (July 18)", "2021-07-18"), ("013", "Friday", "2021-07-16"),
    ("013", "eight years ago", "2013"),
    ("015", "Tuesday 25 July 2017", "2017-07-25"),
    ("020", "Wednesday", "2024-05-01"),
    ("025", "16 February 2013", "2013-02-16"), ("025", "Wednesday 30th January 2013", "2013-01-30"),
    ("026", "last Thursday", "2024-10-17"),
    ("027", "October 10", "2024-10-10"), ("027", "October 16", "2024-10-16"),
    ("030", "Saturday, November 2", "2024-11-02"),
    ("031", "Wednesday", "2024"),
    ("035", "Wednesday", "2024-11-13"), ("035", "15 November", "2024-11-15"),
    ("038", "Wednesday (Dec 20)", "2023-12-20"),
    ("042", "24 November 2020", "2020-11-24"),
    ("044", "Thursday", "2022-12-08"),
    ("053", "Khordad 1404", "2025"), ("053", "June 11", "2025-06-11"),
    ("055", "Tuesday, July 16, 2024", "2024-07-16"),
    ("058", "7 January 2025", "2025-01-07"),
    ("059", "روز یکشنبه 26 مرداد 1393", "2014-08-17"),
    ("060", "امروز ۲۶ مردادماه", "2014-08-17"),
    ("063", "روز پنجشنبه ۳۱ فروردین‌ماه", None),
    ("066", "سحرگاه چهارشنبه 26 تیرماه", "2019-07-17"),
    ("068", "روز چهارشنبه ۲۷ فروردین‌ماه", None),
    ("070", "سحرگاه چهارشنبه 20 شهرویورماه", None),
    ("073", "سحرگاه دوشنبه 4 مردادماه", None),
    ("074", "روز دوشنبه اول سپتمبر", "2025-09-01"), ("074", "بامداد یکشنبه", "2025-08-31"),
    ("077", "روز جمعه ۱۴ دی", "2025-01-03"), ("077", "صبح چهارشنبه ۱۲ دی", "2025-01-01"),
    ("077", "روز سه‌شنبه ۱۱ دی", "2024-12-31"),
    ("078", "سه‌شنبه پانزدهم اردیبهشت", "2015-05-05"), ("078", "سه‌شنبه ٢٩ اردیبهشت", "2015-05-19"),
    ("083", "امروز چهارشنبه ٢١ تیرماه ١٣٩٦ شمسی", "2017-07-12"), ("083", "روز پیش", "2017-07-11"),
    ("085", "روز سه‌شنبه ۲۵ اردیبهشت‌ماه", "2024-05-14"), ("085", "۱۴", "2024-04-30"),
    ("085", "۱۰ روز است", "2024-05-04"),
    ("086", "روز یکشنبه ۷ بهمن", "2025-01-26"),
    ("087", "۱۴ بهمن", "2025-02-02"),
    ("088", "روز سه‌شنبه ۲۸ فروردین", "2024-04-16"),
    ("089", "روز سه‌شنبه ۷ فروردین ۱۴۰۳", "2024-03-26"),
    ("091", "سحرگاه امروز پنج‌شنبه هجدهم خردادماه", None),
]


@pytest.fixture(scope="module")
def dev_docs():
    if not DOCS.exists():
        pytest.skip("shared eval set missing")
    return {d["id"]: d for d in map(json.loads, DOCS.open(encoding="utf-8"))}


@pytest.mark.parametrize("doc_id, expr, value", REAL)
def test_real_forms(dev_docs, doc_id, expr, value):
    doc = dev_docs[doc_id]
    found = [i for i in find_dates(doc["text"], doc["published"]) if i.text == expr]
    assert found, f"{expr!r} not found in {doc_id}"
    assert found[0].value == value
    assert doc["text"][found[0].span[0]:found[0].span[1]] == expr


def test_dev_set_gold_dates_are_found(dev_docs):
    """Every dated gold event's value is among the values found in its document."""
    gold = {g["id"]: g for g in map(json.loads, (EVAL / "gold.jsonl").open(encoding="utf-8"))}
    total = missing = 0
    for doc_id, doc in dev_docs.items():
        values = {i.value for i in find_dates(doc["text"], doc["published"]) if i.value}
        values |= {v[:7] for v in values} | {v[:4] for v in values}
        for kind in ("cases", "groups", "campaigns"):
            for event in gold[doc_id].get(kind, []):
                if event.get("date"):
                    total += 1
                    missing += event["date"] not in values
    assert total > 100 and missing == 0


def test_dev_set_spans(dev_docs):
    for doc in dev_docs.values():
        previous_end = 0
        for item in find_dates(doc["text"], doc["published"]):
            assert doc["text"][item.span[0]:item.span[1]] == item.text
            assert item.span[0] >= previous_end        # sorted, non-overlapping
            previous_end = item.span[1]


# ------------------------------------------------------------------ robustness

_published = st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
                       st.sampled_from(["2024", "2024-02", "2024-02-29", "bad", "", "2024-13"]))
_dateish = st.lists(st.sampled_from(
    list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣/-,. ()\u200c") +
    ["Mehr ", "Dey ", "May ", "Tuesday ", "last ", "ago ", "mid-", "October ", "2024 ", "1403 ",
     "مهر ", "اسفند", "ماه", "سه‌شنبه ", "امروز ", "سال ", "گذشته ", "روز ", "پیش ", "هجدهم ",
     "بیست و ", "from ", "to ", "between ", "and ", "تا ", "the first ", "half of ", "since "]),
    max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _dateish), _published)
def test_parsers_never_raise(text, published):
    items = find_dates(text, published)
    for item in items:
        assert text[item.span[0]:item.span[1]] == item.text
        assert item.precision in {"day", "week", "month", "year", "range"}
        assert item.start is None or item.end is None or item.start <= item.end
    parse_date(text, published)
    parse_period(text, published)
    assert detect_language(text) in {"fa", "en", "other"}


def test_ambiguity_of_year_less_dates_under_month_publication():
    item = _one("January 23", "2024-01")          # published 10 January would mean 2023
    assert item.value == "2024-01-23" and item.ambiguous
    item = _one("Tuesday, October 22", "2024-10")  # the weekday fits 2024 only
    assert item.value == "2024-10-22" and not item.ambiguous
    assert not _one("January 23", "2024-02-10").ambiguous


def test_two_digit_numbers_after_a_jalali_month_are_not_years():
    item = _one("در مرداد ۲۰ زندانی اعدام شدند", "2024-09-01")
    assert (item.text, item.precision, item.start) == ("مرداد", "month", date(2024, 7, 22))
    assert _one("خرداد ۹۴؛").start == date(2015, 5, 22)
    assert _one("در سال ۰۳").start == date(2024, 3, 20)


def test_published_forms():
    from datetime import datetime
    expected = "2024-05-02"
    for published in ("2024-05-03", date(2024, 5, 3), datetime(2024, 5, 3, 23, 59), "۲۰۲۴-۰۵-۰۳"):
        assert _one("yesterday", published).value == expected
    assert _one("yesterday", "not a date").value is None


def test_leading_days_share_the_month():
    assert [(i.text, i.value) for i in find_dates("on 3, 4 and 5 May 2020")] == \
        [("3", "2020-05-03"), ("4", "2020-05-04"), ("5 May 2020", "2020-05-05")]
    assert [i.value for i in find_dates("در روزهای ۲۵ و ۲۶ مرداد ۱۴۰۳")] == ["2024-08-15", "2024-08-16"]
    assert [i.value for i in find_dates("Wards 4 and 8 December 2016")] == ["2016-12-08"]


# ------------------------------------------------------------------ seasons and vague dates

@pytest.mark.parametrize("expr, published, value, start, end", [
    # Jalali seasons are three whole Jalali months; the value is the least precise certain one
    ("در پاییز ۱۴۰۳", None, "2024", "2024-09-22", "2024-12-20"),
    ("در زمستان ۱۴۰۲", None, None, "2023-12-22", "2024-03-19"),        # straddles two years
    ("تابستان سال ۱۴۰۴", None, "2025", "2025-06-22", "2025-09-22"),
    ("اوایل پاییز ۱۴۰۳", None, "2024", "2024-09-22", "2024-10-21"),    # Mehr 1403
    ("اواخر تابستان امسال", "2025-10-05", "2025", "2025-08-23", "2025-09-22"),  # Shahrivar 1404
    ("بهار امسال", "2025-10-25", "2025", "2025-03-21", "2025-06-21"),
    ("بهار سال گذشته", "2025-10-01", "2024", "2024-03-20", "2024-06-20"),
    ("تابستان گذشته", "2025-10-01", "2025", "2025-06-22", "2025-09-22"),  # the last one that ended
    ("تابستان گذشته", "2025-08-01", "2024", "2024-06-21", "2024-09-21"),
    ("در زمستان", "2025-02-10", None, "2024-12-21", "2025-03-20"),       # the latest begun
    ("تابستان ۲۰۲۴ میلادی", None, "2024", "2024-06-21", "2024-09-22"),
    # Gregorian seasons
    ("summer 2024", None, "2024", "2024-06-21", "2024-09-22"),
    ("in the autumn of 2023", None, "2023", "2023-09-23", "2023-12-20"),
    ("late summer 2025", None, "2025", "2025-08-22", "2025-09-22"),
    ("in early spring", "2025-05-01", "2025", "2025-03-20", "2025-04-19"),
    ("last winter", "2025-10-01", None, "2024-12-21", "2025-03-19"),
    ("this summer", "2025-10-01", "2025", "2025-06-21", "2025-09-22"),
])
def test_seasons(expr, published, value, start, end):
    item = _one(expr, published)
    assert (item.value, item.precision) == (value, "range")
    assert (item.start.isoformat(), item.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text, published", [
    ("بهار کریمی اعدام شد", "2025-10-01"),      # a given name, not a season
    ("the fall of the regime", "2025-10-01"),  # a season word without year, relative word or 'in'
    ("summer camp", "2025-10-01"),
])
def test_season_words_that_are_not_dates(text, published):
    assert find_dates(text, published) == []


def test_season_without_year_or_publication_is_unknown():
    item = _one("in late summer")
    assert item.value is None and item.start is None
