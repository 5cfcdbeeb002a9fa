"""Figures computed from the database with SQL (COUNT DISTINCT / GROUP BY on indexed columns).

``figure(flt, by)`` returns the same :class:`~vigil.core.stats.Figure` as the core
:class:`~vigil.core.stats.RowCounter` would over the same records (a test holds the two to
each other). The counting unit is the case: a case counts once per figure (once per group).
"""
from __future__ import annotations

from collections import Counter
from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear

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


def matching(flt: Filter) -> QuerySet[StatusEvent]:
    """Events passing every non-period part of the filter."""
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


def _end():
    return Coalesce("date_end", "date_start")


def in_period(events: QuerySet, flt: Filter) -> QuerySet:
    """Events whose whole date range lies in the filter's period (the period rule)."""
    period = flt.period_obj
    if period is None:
        return events
    return events.filter(date_start__gte=period.start, date_start__lte=period.end).alias(
        _end=_end()).filter(_end__lte=period.end)


def partly_in(events: QuerySet, flt: Filter) -> int:
    """Events whose date range overlaps the period without lying in it ('uncertain')."""
    period = flt.period_obj
    if period is None:
        return 0
    overlap = events.alias(_end=_end()).filter(date_start__lte=period.end, _end__gte=period.start)
    inside = Q(date_start__gte=period.start) & Q(_end__lte=period.end)
    return overlap.exclude(inside).count()


def figure(flt: Filter, by: str | None = None, *, cases: bool = True) -> Figure:
    """The figure ``flt`` defines, optionally grouped ``by`` a field, with its drill-down ids."""
    events = matching(flt)
    counted = in_period(events, flt)
    totals = counted.aggregate(value=Count("case", distinct=True), **{
        f"u_{name}": Count("case", distinct=True, filter=q) for name, q in _UNKNOWN_Q.items()})
    value = totals["value"]
    period = flt.period_obj
    return Figure(
        value=value, definition=definition(flt, by) + _note(by), filter=flt.to_dict(), grades=list(flt.grades),
        period=period.to_dict() if period else None,
        rate_per_day=round(period.rate(value), 4) if period else None,
        uncertain=partly_in(events, flt),
        undated=events.filter(date_start__isnull=True).count() if period else 0,
        unknown={n: round(totals[f"u_{n}"] / value, 4) if value else 0.0 for n in UNKNOWN_FIELDS},
        case_ids=case_ids(counted) if cases else [], by=by, groups=groups(counted, by) if by else [])


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
    """By year or month; an event whose date range straddles two groups is 'unknown'."""
    parts = {"ys": ExtractYear("date_start"), "ye": ExtractYear(_end())}
    if by == "month":
        parts.update(ms=ExtractMonth("date_start"), me=ExtractMonth(_end()))
    rows = events.annotate(**parts).values(*parts).annotate(n=Count("case", distinct=True))
    counts: Counter = Counter()
    for row in rows:
        counts[_calendar_key(row, by)] += row["n"]
    return sort_groups(counts)


def _calendar_key(row: dict, by: str) -> str:
    if row["ys"] is None or row["ys"] != row["ye"]:
        return UNKNOWN
    if by == "year":
        return str(row["ys"])
    return f"{row['ys']}-{row['ms']:02d}" if row["ms"] == row["me"] else UNKNOWN


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


def per_capita_figure(flt: Filter, per: int = 1_000_000) -> dict:
    """Cases per ``per`` inhabitants by province (Iran only; 2016 census populations)."""
    fig = figure(flt.but(country=flt.country or "IR"), by="province", cases=False)
    return {"figure": fig.to_dict(), "per": per, "population_source": census_note(),
            "rates": per_capita(fig.groups, per)}


def dashboard(flt: Filter | None = None) -> dict[str, Figure | dict]:
    """The dashboard's query set: headline, by year, month, charge, sex, province, prison,
    ethnicity, nationality and per capita (no drill-down ids; ask ``figure`` for those)."""
    flt = flt or Filter()
    out: dict = {"headline": figure(flt, cases=False)}
    for by in ("year", "month", "charge", "sex", "province", "prison", "ethnicity", "nationality"):
        out[f"by_{by}"] = figure(flt, by, cases=False)
    out["per_capita"] = per_capita_figure(flt)
    return out


class DatabaseCounter:
    """``counter(Filter) -> Figure`` over the database, for claim checking."""

    def __call__(self, flt: Filter, by: str | None = None) -> Figure:
        return figure(flt, by)


__all__ = ["matching", "in_period", "figure", "groups", "case_ids", "per_capita_figure", "dashboard",
           "DatabaseCounter"]
