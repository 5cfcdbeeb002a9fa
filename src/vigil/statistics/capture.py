"""Capture histories from linked cases: which sources documented each person's event."""
from __future__ import annotations

from collections import defaultdict

from vigil.records.models import StatusEvent


def memberships(sources: list[str], *, status: str = "executed", year: int | None = None) -> list[set[str]]:
    """For every event of ``status`` (optionally in ``year``), the set of ``sources`` that reported it."""
    events = StatusEvent.objects.filter(status=status)
    if year:
        events = events.filter(date_start__year=year)
    pairs = events.filter(mentions__source__name__in=sources).values_list("pk", "mentions__source__name")
    by_event: dict[int, set[str]] = defaultdict(set)
    for pk, name in pairs:
        by_event[pk].add(name)
    return list(by_event.values())
