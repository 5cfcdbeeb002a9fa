"""Counting periods and the partial-date rule."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st

from vigil.core.stats.periods import Period, bounds, month_of, parse_period_spec, placement, year_of


def test_gregorian_year_month_and_range():
    assert parse_period_spec("2025") == Period(date(2025, 1, 1), date(2025, 12, 31), "2025")
    assert parse_period_spec("2024-02").end == date(2024, 2, 29)
    rng = parse_period_spec("2025-01-01..2025-10-15")
    assert (rng.start, rng.end, rng.days) == (date(2025, 1, 1), date(2025, 10, 15), 288)
    assert parse_period_spec("2024..2025-06").end == date(2025, 6, 30)
    assert parse_period_spec("..2000").start == date(1900, 1, 1)
    assert parse_period_spec("all") is None and parse_period_spec("") is None


def test_iranian_year_and_month():
    p = parse_period_spec("1403")
    assert (p.start, p.end, p.days) == (date(2024, 3, 20), date(2025, 3, 20), 366)
    assert "Iranian" in p.label
    assert parse_period_spec("۱۴۰۴").start == date(2025, 3, 21)     # Persian digits
    assert bounds("1403-07") == (date(2024, 9, 22), date(2024, 10, 21))  # Mehr 1403


@pytest.mark.parametrize("bad", ["2025-13", "20x5", "2025-10-15..2025-01-01", "2025-02-30"])
def test_bad_periods_raise(bad):
    with pytest.raises(ValueError):
        parse_period_spec(bad)


def test_placement_rule():
    january = parse_period_spec("2025-01")
    first_half = parse_period_spec("2025-01-01..2025-01-15")
    month = bounds("2025-01")
    assert placement(*month, parse_period_spec("2025")) == "in"
    assert placement(*month, january) == "in"
    assert placement(*month, first_half) == "unknown"        # a month-precision date, part of the month
    assert placement(*bounds("2025-02"), first_half) == "out"
    assert placement(None, None, january) == "unknown"        # undated
    assert placement(None, None, None) == "in"               # no period: everything counts


def test_per_day_rate():
    assert parse_period_spec("2025-01-01..2025-10-15").rate(1000) == pytest.approx(3.472, abs=1e-3)


def test_year_and_month_of_a_date_range():
    assert year_of(*bounds("2025-03")) == "2025"
    assert year_of(date(2024, 12, 30), date(2025, 1, 2)) is None
    assert year_of(*bounds("2025-03-19"), calendar="iranian") == "1403"
    assert year_of(*bounds("2025-03-21"), calendar="iranian") == "1404"
    assert month_of(*bounds("2025")) is None and month_of(*bounds("2025-03-04")) == "2025-03"


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(0, 400), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 60))
def test_placement_partitions_days(p_start, p_len, e_start, e_len):
    """in ⇔ inside; out ⇔ disjoint; unknown otherwise — checked day by day."""
    from datetime import timedelta

    period = Period(p_start, p_start + timedelta(days=p_len))
    e_end = e_start + timedelta(days=e_len)
    days = [e_start + timedelta(days=i) for i in range(e_len + 1)]
    inside = [period.start <= d <= period.end for d in days]
    expected = "in" if all(inside) else "out" if not any(inside) else "unknown"
    assert placement(e_start, e_end, period) == expected
