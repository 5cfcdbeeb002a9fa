"""Precomputed aggregates of PUBLISHED records: every published status event (with its
person's fields) and every published person, held in memory as numpy columns
(:class:`vigil.core.stats.columnar.EventColumns`), loaded once per public data version.

Any dashboard filter or case-list facet combination is then counted from the columns in
milliseconds instead of by ten COUNT(DISTINCT) GROUP BY queries over the database (0.3–1.8 s
at 100,000 cases on SQLite), with the same results as :mod:`vigil.statistics.queries`
(``tests/statistics/test_columns.py`` holds the two to each other). The caller passes the
version (the public site uses ``vigil.publish.cache.data_version("figures")``, which moves
whenever published data change); each process reloads when it moves (about 1 s at 100,000
cases). Published persons only: filters with ``published_only=False`` use the SQL.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from django.db import connection

from vigil.core.stats import Figure, Filter
from vigil.core.stats.columnar import COLUMNS, EventColumns
from vigil.core.stats.figures import UNKNOWN_FIELDS, definition, sort_groups
from vigil.core.stats.population import census_note, per_capita
from vigil.records.models import Person, StatusEvent
from vigil.statistics.queries import DASHBOARD_GROUPS, _note

_FIELDS = {"case_id": "case_id", "person_id": "case__person_id", "sex": "case__person__sex",
           "ethnicity": "case__person__ethnicity", "nationality": "case__person__nationality",
           "juvenile": "case__person__juvenile", "public": "public_execution"}
_lock = threading.Lock()
_loaded: tuple[object, float, "Published"] | None = None


@dataclass
class Published:
    """The published events as columns, and the published persons (ids sorted, sexes)."""

    events: EventColumns
    person_ids: np.ndarray
    person_sex: np.ndarray


def _raw(queryset) -> list[tuple]:
    """Rows of a values_list queryset straight from the cursor (no per-row ORM conversion)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _event_rows() -> list[tuple]:
    """Published events with their person's fields; dates and charges as the driver returns
    them (strings on SQLite: :class:`EventColumns` converts each distinct value once)."""
    events = StatusEvent.objects.filter(case__person__published=True).order_by()
    return _raw(events.values_list(*[_FIELDS.get(c, c) for c in COLUMNS]))


def load() -> Published:
    """Read the published events and persons from the database (two queries)."""
    people = sorted(_raw(Person.objects.filter(published=True).order_by().values_list("pk", "sex")))
    return Published(events=EventColumns(_event_rows()),
                     person_ids=np.array([p[0] for p in people], dtype=np.int64),
                     person_sex=np.array([p[1] or "" for p in people], dtype=object))


def published(version) -> Published:
    """The columns for ``version``, loaded by the first caller after it moves (one per process;
    a caller that waited for a load begun after it asked takes that load, even if the version
    moved again meanwhile: no queue of loads behind each other)."""
    global _loaded
    current = _loaded
    if current is not None and current[0] == version:
        return current[2]
    asked = time.time()
    with _lock:
        if _loaded is None or (_loaded[0] != version and _loaded[1] < asked):
            started = time.time()
            _loaded = (version, started, load())
        return _loaded[2]


def forget() -> None:
    """Drop the loaded columns (tests)."""
    global _loaded
    _loaded = None


# ----------------------------------------------------------------------------- figures
def _base(cols: EventColumns, flt: Filter, mask: np.ndarray, counted: np.ndarray) -> Figure:
    period = flt.period_obj
    value, n = cols.cases(counted), int(counted.sum())
    unknown = cols.unknown_counts(counted)
    uncertain, undated = cols.outside_counts(mask, period)
    return Figure(
        value=value, definition=definition(flt), filter=flt.to_dict(), grades=list(flt.grades),
        period=period.to_dict() if period else None,
        rate_per_day=round(period.rate(value), 4) if period else None, uncertain=uncertain, undated=undated,
        unknown={name: round(unknown[name] / n, 4) if n else 0.0 for name in UNKNOWN_FIELDS})


def _groups(cols: EventColumns, counted: np.ndarray, by: str) -> list[dict]:
    if by == "charge":
        return sort_groups(cols.charge_groups(counted))
    if by in ("year", "month"):
        return sort_groups(cols.calendar_groups(counted, 4 if by == "year" else 7))
    if by in ("sex", "province", "prison", "ethnicity", "nationality", "city", "country", "grade", "status"):
        return sort_groups(cols.column_groups(by, counted))
    raise ValueError(f"columns cannot group by {by!r}")


def figure(cols: EventColumns, flt: Filter, by: str | None = None, base: Figure | None = None) -> Figure:
    """``vigil.statistics.queries.figure(flt, by, cases=False)`` over published events."""
    if not flt.published_only:
        raise ValueError("the columns hold published records only")
    mask = cols.matching(flt)
    counted = mask & cols.inside(flt.period_obj) if flt.period_obj else mask
    base = base or _base(cols, flt, mask, counted)
    return Figure(**{**base.to_dict(), "definition": definition(flt, by) + _note(by), "by": by,
                     "groups": _groups(cols, counted, by) if by else [], "case_ids": []})


def dashboard(cols: EventColumns, flt: Filter) -> dict:
    """``vigil.statistics.queries.dashboard(flt)`` over published events, from the columns."""
    headline = figure(cols, flt)
    out: dict = {"headline": headline}
    for by in DASHBOARD_GROUPS:
        out[f"by_{by}"] = figure(cols, flt, by, base=headline)
    by_province = out["by_province"]
    out["per_capita"] = {"figure": by_province.to_dict(), "per": 1_000_000, "population_source": census_note(),
                         "rates": per_capita(by_province.groups, 1_000_000)}
    return out
