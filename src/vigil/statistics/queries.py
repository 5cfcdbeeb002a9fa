"""Figures computed from the database with SQL (COUNT DISTINCT / GROUP BY; SQLite and PostgreSQL).

``figure(flt, by)`` returns the same :class:`~vigil.core.stats.Figure` as the core
:class:`~vigil.core.stats.RowCounter` would over the same records (a test holds the two to
each other). The counting unit is the case: a case counts once per figure (once per group).
"""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.db import connection
from django.db.models import CharField, Count, F, Func, Max, Min, Q, QuerySet
from django.db.models.functions import Length, Substr

from vigil.core.calendars import iranian_year_range, to_jalali
from vigil.core.stats import Figure, Filter
from vigil.core.stats.figures import UNKNOWN, UNKNOWN_FIELDS, definition, sort_groups
from vigil.core.stats.population import census_note, per_capita
from vigil.records.models import StatusEvent

#: Group field → column (path from StatusEvent).
COLUMNS = {"sex": "case__person__sex", "ethnicity": "case__person__ethnicity",
           "nationality": "case__person__nationality", "juvenile": "case__person__juvenile",
           "province": "province", "prison": "prison", "city": "city", "country": "country",
           "grade": "grade", "status": "status", "public": "public_execution",
           "officially_announced": "officially_announced", "age": "age"}
_TEXT_FILTERS = {"province": "province", "prison": "prison", "city": "city", "country": "country",
                 "sex": "case__person__sex", "ethnicity": "case__person__ethnicity",
                 "nationality": "case__person__nationality"}
_BOOL_FILTERS = {"juvenile": "case__person__juvenile", "public": "public_execution",
                 "officially_announced": "officially_announced"}
_UNKNOWN_Q = {"date": Q(date_start__isnull=True), "sex": Q(case__person__sex=""), "age": Q(age__isnull=True),
              "charge": Q(charges=[]), "province": Q(province=""), "prison": Q(prison=""), "city": Q(city=""),
              "ethnicity": Q(case__person__ethnicity=""), "nationality": Q(case__person__nationality=""),
              "juvenile": Q(case__person__juvenile__isnull=True)}


def _scan(column: str) -> Func:
    """``+column``: SQLite then scans the table instead of fetching most rows through an index."""
    return Func(F(column), template="+%(expressions)s", output_field=CharField())


def matching(flt: Filter) -> QuerySet[StatusEvent]:
    """Events passing every non-period part of the filter.

    Without a period most events match, and a full scan is several times faster on SQLite
    than fetching them through the (status, date_start) or grade index, so the index is
    bypassed there; with a period, the date index narrows the search.
    """
    if connection.vendor == "sqlite" and not flt.period:
        events = StatusEvent.objects.alias(_status=_scan("status"), _grade=_scan("grade")).filter(
            _status=flt.status, _grade__in=flt.grades)
    else:
        events = StatusEvent.objects.filter(status=flt.status, grade__in=flt.grades)
    if flt.published_only:
        events = events.filter(case__person__published=True)
    if flt.charge:
        events = events.filter(charges__icontains=f'"{flt.charge}"')
    for name, column in _TEXT_FILTERS.items():
        if getattr(flt, name):
            events = events.filter(**{f"{column}__iexact": getattr(flt, name)})
    for name, column in _BOOL_FILTERS.items():
        if getattr(flt, name) is not None:
            events = events.filter(**{column: getattr(flt, name)})
    return events


def _inside(period) -> Q:
    """The period rule: the event's whole date range lies in the period (``date_end`` is set
    with ``date_start`` by the actions layer; a missing end means a single day)."""
    return (Q(date_start__gte=period.start, date_start__lte=period.end)
            & (Q(date_end__lte=period.end) | Q(date_end__isnull=True)))


def in_period(events: QuerySet, flt: Filter) -> QuerySet:
    """Events whose whole date range lies in the filter's period."""
    period = flt.period_obj
    return events if period is None else events.filter(_inside(period))


def outside_counts(events: QuerySet, flt: Filter) -> tuple[int, int]:
    """(uncertain, undated): events only partly dated in the period, and undated events.

    A date range is at most a year long, so an overlapping event starts at most 366 days
    before the period: that bound lets the date index narrow the search.
    """
    period = flt.period_obj
    if period is None:
        return 0, 0
    overlap = events.filter(date_start__gte=period.start - timedelta(days=366), date_start__lte=period.end,
                            date_end__gte=period.start)
    uncertain = overlap.exclude(_inside(period)).count()
    return uncertain, events.filter(date_start__isnull=True).count()


def figure(flt: Filter, by: str | None = None, *, cases: bool = True, base: Figure | None = None) -> Figure:
    """The figure ``flt`` defines, optionally grouped ``by`` a field, with its drill-down ids.

    ``base`` (the ungrouped figure of the same filter, e.g. the dashboard's headline) is
    reused for value, unknowns and period counts, so a breakdown costs one GROUP BY query.
    """
    events = matching(flt)
    counted = in_period(events, flt)
    base = base or _base(flt, events, counted)
    return Figure(**{**base.to_dict(), "definition": definition(flt, by) + _note(by), "by": by,
                     "groups": groups(counted, by) if by else [],
                     "case_ids": case_ids(counted) if cases else []})


def _base(flt: Filter, events: QuerySet, counted: QuerySet) -> Figure:
    totals = counted.aggregate(value=Count("case", distinct=True), events=Count("pk"), **{
        f"u_{name}": Count("pk", filter=q) for name, q in _UNKNOWN_Q.items()})
    value, n = totals["value"], totals["events"]
    period = flt.period_obj
    uncertain, undated = outside_counts(events, flt)
    return Figure(
        value=value, definition=definition(flt), filter=flt.to_dict(), grades=list(flt.grades),
        period=period.to_dict() if period else None,
        rate_per_day=round(period.rate(value), 4) if period else None, uncertain=uncertain, undated=undated,
        unknown={name: round(totals[f"u_{name}"] / n, 4) if n else 0.0 for name in UNKNOWN_FIELDS})


def _note(by: str | None) -> str:
    if by == "nationality":
        return " Nationality is recorded only for foreign nationals, so 'unknown' includes Iranian citizens."
    return ""


def case_ids(events: QuerySet) -> list[str]:
    """Public ids of the cases behind a figure, sorted."""
    return sorted(set(events.values_list("case__public_id", flat=True)))


def groups(events: QuerySet, by: str) -> list[dict]:
    """``[{'key', 'value'}]`` per group, counting distinct cases; missing values → 'unknown'."""
    if by in COLUMNS:
        rows = events.values(COLUMNS[by]).annotate(n=Count("case", distinct=True)).values_list(COLUMNS[by], "n")
        return sort_groups(Counter({(UNKNOWN if k in (None, "") else k): n for k, n in rows}))
    if by == "charge":
        return _charge_groups(events)
    if by in ("year", "month"):
        return _calendar_groups(events, by)
    if by == "iranian_year":
        return _iranian_groups(events)
    raise ValueError(f"cannot group by {by!r}")


def _charge_groups(events: QuerySet) -> list[dict]:
    counts: Counter = Counter()
    for charges, n in events.values("charges").annotate(n=Count("case", distinct=True)).values_list("charges", "n"):
        for key in (charges or [UNKNOWN]):
            counts[key] += n
    return sort_groups(counts)


def _calendar_groups(events: QuerySet, by: str) -> list[dict]:
    """By year or month, read from the partial ISO ``date`` (YYYY, YYYY-MM, YYYY-MM-DD) that
    ``date_start``/``date_end`` are derived from: a year-precision date has no month ('unknown')."""
    size = 4 if by == "year" else 7
    rows = (events.annotate(_key=Substr("date", 1, size), _len=Length("date"))
            .values("_key", "_len").annotate(n=Count("case", distinct=True)))
    counts: Counter = Counter()
    for row in rows:
        counts[row["_key"] if row["_len"] >= size else UNKNOWN] += row["n"]
    return sort_groups(counts)


def _iranian_groups(events: QuerySet) -> list[dict]:
    """By Iranian year: each Nowruz-to-Nowruz range counted with one range query."""
    dated = events.filter(date_start__isnull=False)
    span = dated.aggregate(first=Min("date_start"), last=Max("date_start"))
    first, last = span["first"], span["last"]
    counts: Counter = Counter()
    if first:
        for jy in range(to_jalali(first)[0], to_jalali(last)[0] + 1):
            start, end = iranian_year_range(jy)
            n = in_period(dated, Filter(period=f"{start}..{end}")).aggregate(n=Count("case", distinct=True))["n"]
            if n:
                counts[str(jy)] = n
    total = events.aggregate(n=Count("case", distinct=True))["n"]
    if total - sum(counts.values()) > 0:
        counts[UNKNOWN] = total - sum(counts.values())
    return sort_groups(counts)


def per_capita_figure(flt: Filter, per: int = 1_000_000, base: Figure | None = None) -> dict:
    """Cases per ``per`` inhabitants by province (2016 census populations of Iran's provinces;
    places not in that table, such as other countries' states, get no rate)."""
    fig = figure(flt, by="province", cases=False, base=base)
    return {"figure": fig.to_dict(), "per": per, "population_source": census_note(),
            "rates": per_capita(fig.groups, per)}


DASHBOARD_GROUPS = ("year", "month", "charge", "sex", "province", "prison", "ethnicity", "nationality")


def dashboard(flt: Filter | None = None) -> dict[str, Figure | dict]:
    """The dashboard's query set: headline, by year, month, charge, sex, province, prison,
    ethnicity, nationality and per capita (no drill-down ids; ask ``figure`` for those).
    The headline is computed once; each breakdown is one GROUP BY query."""
    flt = flt or Filter()
    headline = figure(flt, cases=False)
    out: dict = {"headline": headline}
    for by in DASHBOARD_GROUPS:
        out[f"by_{by}"] = figure(flt, by, cases=False, base=headline)
    out["per_capita"] = per_capita_figure(flt, base=headline)
    return out


class DatabaseCounter:
    """``counter(Filter) -> Figure`` over the database, for claim checking."""

    def __call__(self, flt: Filter, by: str | None = None) -> Figure:
        return figure(flt, by)


__all__ = ["matching", "in_period", "figure", "groups", "case_ids", "per_capita_figure", "dashboard",
           "DatabaseCounter"]
