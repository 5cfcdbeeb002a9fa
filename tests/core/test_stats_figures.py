"""Figures over plain rows: definition, unknown shares, groups, drill-down, per capita."""
from __future__ import annotations

from datetime import date

from vigil.core.stats import Figure, Filter, RowCounter
from vigil.core.stats.population import census_note, per_capita, province_population
from vigil.core.stats.render import figure_rows, figure_table


def row(case_id, day=None, end=None, **kw):
    base = {"case_id": case_id, "status": "executed", "grade": "corroborated", "date_start": day,
            "date_end": end or day, "charges": [], "sex": "", "province": ""}
    return base | kw


ROWS = [
    row("a", date(2025, 1, 3), sex="m", charges=["drug"], province="Tehran"),
    row("b", date(2025, 1, 1), date(2025, 1, 31), sex="f", charges=["drug", "murder"], province="Fars"),
    row("c", date(2025, 2, 9), sex="m", province="Tehran"),
    row("d", None, sex="m"),
    row("e", date(2025, 2, 9), grade="single_source", sex="m"),
    row("a", date(2025, 1, 3), sex="m", charges=["drug"]),          # a second event of case a
]


def test_value_counts_distinct_cases_with_drilldown():
    fig = RowCounter(ROWS).figure(Filter(period="2025"))
    assert fig.value == 3 and fig.case_ids == ["a", "b", "c"]
    assert fig.undated == 1 and fig.uncertain == 0
    assert fig.rate_per_day == round(3 / 365, 4)


def test_unknowns_and_groups():
    fig = RowCounter(ROWS).figure(Filter(period="2025"), "charge")
    # shares are over the counted events: a, b, c and a's second event; only c lacks a charge
    assert fig.unknown["charge"] == 0.25 and fig.unknown["sex"] == 0.0
    assert fig.groups == [{"key": "drug", "value": 2}, {"key": "murder", "value": 1}, {"key": "unknown", "value": 1}]
    months = RowCounter(ROWS).figure(Filter(), "month")
    assert months.group_value("2025-01") == 2 and months.group_value("unknown") == 1


def test_partial_period_reports_uncertain_not_counted():
    fig = RowCounter(ROWS).figure(Filter(period="2025-01-01..2025-01-10"))
    assert fig.value == 1 and fig.uncertain == 1      # 'b' is dated only to January


def test_figure_round_trips_and_renders():
    fig = RowCounter(ROWS).figure(Filter(period="2025", grades="documented"), "sex")
    assert Figure.from_dict(fig.to_dict()) == fig
    text = figure_table(fig, "executions")
    assert "executions: 4" in text and "grades: official, corroborated, single_source, unassessed" in text
    rows = figure_rows("by_sex", fig)
    assert rows[0]["key"] == "total" and rows[0]["value"] == 4 and {r["key"] for r in rows[1:]} == {"m", "f"}


def test_population_table_is_the_2016_census():
    population = province_population()
    assert len(population) == 31 and sum(population.values()) == 79_926_270
    assert population["Tehran"] == 13_267_637 and population["Ilam"] == 580_158
    assert "2016" in census_note()
    rates = per_capita([{"key": "Ilam", "value": 58}, {"key": "Tehran", "value": 100}, {"key": "TX", "value": 5}])
    assert rates[0]["key"] == "Ilam" and rates[0]["rate"] == round(58e6 / 580_158, 3)
    assert rates[-1]["rate"] is None
