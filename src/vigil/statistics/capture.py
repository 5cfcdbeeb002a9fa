"""Capture histories from linked cases: which sources documented each person's event."""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import parse_qsl

from vigil.core.stats.filters import Filter
from vigil.statistics.queries import in_period, matching


def capture_filter(where: str = "", *, status: str = "executed", year: int | None = None) -> Filter:
    """The events an estimate counts: ``where`` is a query string of statistics filters
    (``period=2024&charge=drug``); every grade but disputed unless it names ``grades``."""
    values = {"status": status, "grades": "documented", **dict(parse_qsl(where.lstrip("?")))}
    if year and "period" not in values:
        values["period"] = str(year)
    return Filter.from_mapping(values)


def memberships(sources: list[str], *, status: str = "executed", year: int | None = None,
                where: str = "") -> list[set[str]]:
    """For every event the filter selects, the set of ``sources`` that reported it."""
    flt = capture_filter(where, status=status, year=year)
    events = in_period(matching(flt), flt)
    pairs = events.filter(mentions__source__name__in=sources).values_list("pk", "mentions__source__name")
    by_event: dict[int, set[str]] = defaultdict(set)
    for pk, name in pairs:
        by_event[pk].add(name)
    return list(by_event.values())
