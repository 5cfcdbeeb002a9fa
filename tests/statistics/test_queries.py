"""Figures from the database: the period rule, filters, groups, unknowns, per capita — and
the same answers as the core RowCounter over the same records."""
from __future__ import annotations

import pytest

from vigil.core.stats import Filter, RowCounter
from vigil.statistics import queries

from tests.statistics.factories import make_case, row_of


def test_headline_counts_official_and_corroborated_only(sample_events):
    fig = queries.figure(Filter(period="2025"))
    # 2025 headline: 01-05, 01-20, 2025-01 (official), 02-14, 2025 (year precision), 2025-03-21, 02-01 (unpublished)
    assert fig.value == 7
    assert fig.grades == ["official", "corroborated"]
    assert fig.undated == 1 and fig.uncertain == 0
    assert len(fig.case_ids) == 7
    assert "official, corroborated" in fig.definition


def test_month_precision_counts_in_year_but_is_uncertain_for_part_of_its_month(sample_events):
    january = queries.figure(Filter(period="2025-01"))
    part = queries.figure(Filter(period="2025-01-01..2025-01-15"))
    assert january.value == 3            # 01-05, 01-20 and the month-precision one
    assert part.value == 1               # only 01-05 certainly lies in the range
    assert part.uncertain == 2           # 'January 2025' and the year-precision '2025' overlap it partly
    assert january.uncertain == 1        # '2025' (year precision) partly overlaps January


def test_iranian_year_1403_ends_on_20_march_2025(sample_events):
    fig = queries.figure(Filter(period="1403"))
    assert fig.period["start"] == "2024-03-20" and fig.period["end"] == "2025-03-20"
    # 2024-12-31, 2025-01-05, 01-20, 2025-01, 02-14, 02-01 (unpublished); 03-21 is 1404
    assert fig.value == 6
    assert fig.uncertain == 1            # the year-precision '2025'
    assert round(fig.rate_per_day, 4) == round(6 / 366, 4)


def test_grades_and_published_only(sample_events):
    assert queries.figure(Filter(period="2025", grades="documented")).value == 8
    assert queries.figure(Filter(period="2025", grades="all")).value == 9
    assert queries.figure(Filter(period="2025", published_only=True)).value == 6
    assert queries.figure(Filter(period="2025", status="sentenced", grades="all")).value == 1


def test_filters_combine(sample_events):
    assert queries.figure(Filter(charge="drug")).value == 5
    assert queries.figure(Filter(charge="drug", period="2025")).value == 4
    assert queries.figure(Filter(sex="f")).value == 1
    assert queries.figure(Filter(province="tehran")).value == 3     # case-insensitive
    assert queries.figure(Filter(ethnicity="baluch", officially_announced=True)).value == 1
    assert queries.figure(Filter(juvenile=True)).value == 1
    assert queries.figure(Filter(public=True)).value == 1
    assert queries.figure(Filter(country="US", grades="all")).value == 1
    assert queries.figure(Filter(nationality="AF")).value == 1


def test_unknown_shares_are_reported_not_imputed(sample_events):
    fig = queries.figure(Filter(period="2025"), "sex")
    assert fig.unknown["sex"] == round(1 / 7, 4)
    assert fig.unknown["charge"] == round(2 / 7, 4)   # the year-precision case and the unpublished one
    assert fig.group_value("unknown") == 1
    assert fig.group_value("m") == 5 and fig.group_value("f") == 1


def test_group_by_charge_counts_a_case_under_each_charge(sample_events):
    fig = queries.figure(Filter(period="2025"), "charge")
    assert fig.group_value("drug") == 4
    assert fig.group_value("moharebeh") == 1
    assert fig.group_value("unknown") == 2
    assert "several charges" in fig.definition


def test_group_by_year_month_and_iranian_year(sample_events):
    years = queries.figure(Filter(), "year")
    assert years.group_value("2025") == 7 and years.group_value("2024") == 1 and years.group_value("unknown") == 1
    months = queries.figure(Filter(), "month")
    assert months.group_value("2025-01") == 3 and months.group_value("unknown") == 2   # undated + year-precision
    iranian = queries.figure(Filter(), "iranian_year")
    assert iranian.group_value("1403") == 6 and iranian.group_value("1404") == 1
    assert iranian.group_value("unknown") == 2


def test_per_capita_uses_2016_census(sample_events):
    result = queries.per_capita_figure(Filter())
    tehran = next(r for r in result["rates"] if r["key"] == "Tehran")
    assert tehran["population"] == 13_267_637
    assert tehran["rate"] == round(3 * 1_000_000 / 13_267_637, 3)
    assert "2016" in result["population_source"]
    unknown = next(r for r in result["rates"] if r["key"] == "unknown")
    assert unknown["rate"] is None


@pytest.mark.parametrize("flt,by", [
    (Filter(), None), (Filter(period="2025"), "sex"), (Filter(period="2025-01-01..2025-01-15"), "province"),
    (Filter(period="1403", grades="all"), "charge"), (Filter(charge="drug"), "year"), (Filter(), "month"),
    (Filter(period="2025", published_only=True), "grade"), (Filter(country="US", grades="documented"), "age"),
])
def test_database_and_row_counter_agree(sample_events, flt, by):
    rows = [row_of(e) for e in sample_events]
    core, sql = RowCounter(rows).figure(flt, by), queries.figure(flt, by)
    assert sql.to_dict() == core.to_dict() | {"definition": sql.definition}
    assert sql.definition.startswith(core.definition)


def test_dashboard_has_every_figure(sample_events):
    board = queries.dashboard()
    assert set(board) == {"headline", "by_year", "by_month", "by_charge", "by_sex", "by_province", "by_prison",
                          "by_ethnicity", "by_nationality", "per_capita"}
    assert board["headline"].value == 9 and board["headline"].case_ids == []
    assert "Iranian citizens" in board["by_nationality"].definition


def test_straddling_day_range_event_is_uncertain(db):
    make_case(date="2025-01")
    fig = queries.figure(Filter(period="2025-01-10..2025-02-10"))
    assert fig.value == 0 and fig.uncertain == 1
