"""Claim parsing and checking against a RowCounter, internal arithmetic, document conflicts."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from vigil.core.stats import RowCounter
from vigil.core.stats.claims import (
    arithmetic, check_claim, check_document, parse_claim, qualifier_interval, split_sentences,
)

ISSUE = ("over 1,000 executions were recorded from the beginning of 2025 to mid-October, "
         "an average of four per day")


def counter(n_2025=1010, grade="single_source", extra=()):
    start = date(2025, 1, 1)
    rows = [{"case_id": f"c{i}", "status": "executed", "grade": grade, "country": "IR",
             "date_start": start + timedelta(days=i % 288), "date_end": start + timedelta(days=i % 288),
             "charges": ["drug"] if i % 2 else []} for i in range(n_2025)]
    return RowCounter(rows + list(extra))


def test_parse_the_issue_sentence():
    claim = parse_claim(ISSUE)
    assert (claim.value, claim.qualifier, claim.quantity, claim.status) == (1000, "over", "executions", "executed")
    assert (claim.period.start, claim.period.end, claim.period.days) == (date(2025, 1, 1), date(2025, 10, 15), 288)
    assert claim.rate["value"] == 4 and claim.rate["unit"] == "day"


def test_parse_us_sentence_and_persian():
    claim = parse_claim("In 1999, 98 people were executed in the United States")
    assert (claim.value, claim.qualifier, claim.country, claim.period.days) == (98, "exactly", "US", 365)
    fa = parse_claim("در سال ۱۴۰۳ دست‌کم ۹۷۵ نفر در ایران اعدام شدند")
    assert (fa.value, fa.qualifier, fa.country) == (975, "at_least", "IR")
    assert (fa.period.start, fa.period.end) == (date(2024, 3, 20), date(2025, 3, 20))
    drugs = parse_claim("Around 600 people were hanged for drug offences in the first six months of 2025")
    assert drugs.scope == {"charge": "drug"} and drugs.qualifier == "about" and drugs.period.end == date(2025, 6, 30)


def test_qualifier_intervals():
    assert qualifier_interval(1000, "over") == (1001, float("inf"))
    assert qualifier_interval(100, "about") == pytest.approx((90, 110))
    assert qualifier_interval(50, "under") == (0, 49)


def test_internal_arithmetic_of_the_issue_sentence():
    findings = arithmetic(parse_claim(ISSUE))
    assert len(findings) == 1
    assert "1,000 in 288 days is 3.5 a day, not 4" in findings[0]
    assert arithmetic(parse_claim("1,152 executions from 1 January 2025 to 15 October 2025, "
                                  "an average of four a day")) == []


def test_check_supported_contradicted_and_not_checkable():
    verdict = check_claim(ISSUE, counter(1010))
    assert verdict.verdict == "supported" and verdict.computed == 1010 and verdict.headline == 0
    assert len(verdict.case_ids) == 1010 and verdict.arithmetic
    short = check_claim(ISSUE, counter(990))
    assert short.verdict == "contradicted" and short.direction == "claim_higher"
    assert any("documented minimum" in n for n in short.notes)
    low = check_claim("In 2025, fewer than 500 people were executed", counter(1010))
    assert low.verdict == "contradicted" and low.direction == "claim_lower"
    assert check_claim("Executions rose sharply this year", counter()).verdict == "not_checkable"
    assert check_claim("Many people were executed in 2025, over 900", counter()).verdict == "supported"
    assert check_claim("The weather in 2025 was 30 degrees", counter()).verdict == "not_checkable"


def test_headline_grades_can_be_requested():
    verdict = check_claim(ISSUE, counter(1010), grades=("official", "corroborated"))
    assert verdict.verdict == "contradicted" and verdict.computed == 0


def test_scope_filters_the_count():
    verdict = check_claim("About 500 people were executed for drug offences in 2025", counter(1010))
    assert verdict.computed == 505 and verdict.verdict == "supported"


def test_partly_dated_cases_widen_the_range():
    month_only = [{"case_id": f"m{i}", "status": "executed", "grade": "single_source", "charges": [],
                   "date_start": date(2025, 10, 1), "date_end": date(2025, 10, 31)} for i in range(20)]
    verdict = check_claim("Exactly 1,000 executions from 1 January 2025 to 15 October 2025",
                          counter(990, extra=month_only))
    assert verdict.computed_range == [990, 1010] and verdict.verdict == "supported"


def test_rate_only_claim():
    assert check_claim("In 2025 Iran executed an average of three people per day", counter(1010)).verdict \
        == "supported"                           # 1010 / 365 = 2.8
    assert check_claim("In 2025 Iran executed an average of five people per day", counter(1010)).verdict \
        == "contradicted"


def test_document_checks_each_claim_and_conflicts():
    text = ("Iran Human Rights said at least 1,000 people were executed in 2025. "
            "In the first six months of 2025, more than 1,200 executions were recorded. "
            "The figure is shocking.\nIn 2025, 1,010 people were executed.")
    assert len(split_sentences(text)) == 4
    report = check_document(text, counter(1010))
    assert [c["verdict"] for c in report["claims"]] == ["supported", "contradicted", "supported"]
    assert len(report["conflicts"]) == 1
    assert "at most 1,010" in report["conflicts"][0] and "at least 1,201" in report["conflicts"][0]


def test_persian_sentence_with_mid_month_and_daily_rate():
    claim = parse_claim("از ابتدای سال ۲۰۲۵ تا نیمه اکتبر بیش از ۱۰۰۰ نفر در ایران اعدام شدند؛ یعنی روزانه ۴ نفر")
    assert (claim.value, claim.qualifier, claim.country) == (1000, "over", "IR")
    assert (claim.period.start, claim.period.end) == (date(2025, 1, 1), date(2025, 10, 15))
    assert claim.rate["value"] == 4 and "3.5 a day, not 4" in arithmetic(claim)[0]
    drugs = parse_claim("در ۶ ماه نخست سال ۲۰۲۵ حدود ۶۰۰ نفر به اتهام مواد مخدر اعدام شدند")
    assert (drugs.value, drugs.qualifier, drugs.scope) == (600, "about", {"charge": "drug"})  # not «دو» in «حدود»


def test_one_every_n_hours():
    ok = parse_claim("Iran executed 1,000 people between 1 January and 15 October 2025, one every seven hours")
    assert ok.rate["value"] == pytest.approx(24 / 7, abs=1e-3) and arithmetic(ok) == []
    bad = parse_claim("Iran executed 1,000 people between 1 January and 15 October 2025, one every four hours")
    assert "is 3.5 a day, not 6.0 ('one every four hours')" in arithmetic(bad)[0]


def test_texas_is_a_us_state_scope():
    claim = parse_claim("In 2000, 40 people were executed in Texas")
    assert claim.country == "US" and claim.scope == {"province": "TX"}


@given(st.integers(1, 999_999), st.sampled_from(["at least", "more than", "about", ""]),
       st.integers(1990, 2030), st.booleans())
def test_value_and_year_round_trip(value, qualifier, year, persian):
    from vigil.core.text import to_persian_digits

    text = f"{qualifier} {value:,} people were executed in {year}".strip()
    claim = parse_claim(to_persian_digits(text) if persian else text)
    assert claim.value == value
    assert claim.period.start == date(year, 1, 1) and claim.period.end == date(year, 12, 31)
    assert claim.qualifier == {"at least": "at_least", "more than": "over", "about": "about", "": "exactly"}[qualifier]


def test_percentages_and_ages_are_not_the_figure():
    claim = parse_claim("A 30% rise: 1,500 people were executed in 2025, among them a 17-year-old")
    assert claim.value == 1500
    assert parse_claim("در سال ۲۰۲۵ با ۳۰ درصد افزایش ۱۵۰۰ نفر اعدام شدند").value == 1500


def test_persian_scope_words_need_word_edges():
    assert parse_claim("در سال ۱۴۰۳ دست‌کم ۹۷۵ نفر را در زندان‌ها اعدام کردند").scope == {}
    assert parse_claim("در سال ۱۴۰۳ دست‌کم ۳۱ زن اعدام شدند").scope == {"sex": "f"}
    assert parse_claim("در سال ۱۴۰۳ دست‌کم ۸۰ زندانی کرد اعدام شدند").scope == {"ethnicity": "kurd"}
