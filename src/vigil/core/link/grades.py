"""Verification grades for a case and for each of its status events.

Following the monitors' practice, from strongest to weakest:

- ``disputed``: the sources conflict on a key fact (status, date beyond its precision,
  age beyond tolerance); conflicting values are kept, each with its sources;
- ``official``: announced by an official outlet (a source of kind ``official``);
- ``corroborated``: two or more sources from different independence groups;
- ``single_source``: everything else.

A dispute is reported even when an official source is among the sources: an official
announcement contradicted by monitors is exactly what a reader must see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from vigil.core.link.records import STATUS_RANK

OFFICIAL, CORROBORATED, SINGLE, DISPUTED = "official", "corroborated", "single_source", "disputed"
TERMINAL = frozenset({"executed", "commuted", "forgiven"})


@dataclass
class Grade:
    """A grade, the reasons for it and, per disputed field, value -> sources."""

    grade: str
    reasons: list[str]
    sources: list[str]
    conflicts: dict[str, dict[str, list[str]]] = field(default_factory=dict)


def _interval(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) covers."""
    if not date:
        return None
    bits = [int(b) for b in str(date)[:10].split("-")]
    y, m, d = (bits + [0, 0])[:3]
    lo = dt.date(y, m or 1, d or 1)
    if d:
        return lo, lo
    end = dt.date(y + (m or 12) // 12, (m or 12) % 12 + 1, 1) - dt.timedelta(days=1)
    return lo, end


def _values(mentions: list[Mapping], key: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in mentions:
        if m.get(key) not in (None, ""):
            out.setdefault(str(m[key]), []).append(str(m.get("source")))
    return out


def _date_conflict(mentions: list[Mapping], tolerance_days: int) -> dict[str, list[str]]:
    """The dates, with sources, when two of them cannot be the same day."""
    dates = _values(mentions, "date")
    spans = [(d, _interval(d)) for d in dates]
    slack = dt.timedelta(days=tolerance_days)
    for i, (_, a) in enumerate(spans):
        for _, b in spans[i + 1:]:
            if a[0] > b[1] + slack or b[0] > a[1] + slack:
                return dates
    return {}


def _age_conflict(mentions: list[Mapping], tolerance: int) -> dict[str, list[str]]:
    ages = _values(mentions, "age")
    numbers = [int(float(a)) for a in ages]
    return ages if numbers and max(numbers) - min(numbers) > tolerance else {}


def grade(mentions: Iterable[Mapping], *, source_kinds: Mapping[str, str] | None = None,
          age_tolerance: int = 1, date_tolerance_days: int = 0) -> Grade:
    """Grade one status event from the mentions that report it.

    Each mention: ``source``, ``independence_group``, optional ``source_kind`` (or
    ``source_kinds[source]``), ``status``, ``date``, ``age``. Two dates conflict when
    their intervals (a month-precision date covers its month) are more than
    ``date_tolerance_days`` apart; two ages when they differ by more than
    ``age_tolerance`` years.
    """
    mentions = list(mentions)
    kinds = source_kinds or {}
    sources = sorted({str(m.get("source")) for m in mentions})
    conflicts = {}
    statuses = _values(mentions, "status")
    if len(statuses) > 1:
        conflicts["status"] = statuses
    if found := _date_conflict(mentions, date_tolerance_days):
        conflicts["date"] = found
    if found := _age_conflict(mentions, age_tolerance):
        conflicts["age"] = found
    if conflicts:
        reasons = [f"sources disagree on {k}: " + "; ".join(
            f"{v} ({', '.join(s)})" for v, s in vals.items()) for k, vals in conflicts.items()]
        return Grade(DISPUTED, reasons, sources, conflicts)
    official = sorted({str(m.get("source")) for m in mentions
                       if (m.get("source_kind") or kinds.get(m.get("source"))) == "official"})
    if official:
        return Grade(OFFICIAL, [f"announced by an official outlet: {', '.join(official)}"],
                     sources)
    groups = sorted({str(m.get("independence_group") or m.get("source")) for m in mentions})
    if len(groups) >= 2:
        return Grade(CORROBORATED, [f"{len(sources)} sources from {len(groups)} independent"
                                    f" groups: {', '.join(groups)}"], sources)
    why = "one source" if len(sources) == 1 else f"sources of one group ({groups[0]})"
    return Grade(SINGLE, [f"reported by {why}: {', '.join(sources)}"], sources)


def grade_case(mentions: Iterable[Mapping], **options) -> tuple[Grade, dict[str, Grade]]:
    """Grade a person's case: (case grade, status -> grade of that status event).

    The case takes the grade of its most advanced status event, unless the statuses
    contradict each other (two different outcomes such as executed and commuted, or an
    outcome dated before an earlier step): then the case is disputed.
    """
    mentions = list(mentions)
    by_status: dict[str, list[Mapping]] = {}
    for m in mentions:
        by_status.setdefault(str(m.get("status")), []).append(m)
    events = {s: grade(ms, **options) for s, ms in by_status.items()}
    contradiction = _status_contradiction(by_status)
    if contradiction:
        values = {s: sorted({str(m.get("source")) for m in ms}) for s, ms in by_status.items()}
        sources = sorted({str(m.get("source")) for m in mentions})
        return Grade(DISPUTED, [contradiction], sources, {"status": values}), events
    latest = max(by_status, key=lambda s: STATUS_RANK.get(s, -1))
    return events[latest], events


def _status_contradiction(by_status: Mapping[str, list[Mapping]]) -> str | None:
    """A sentence describing contradicting statuses, or None."""
    outcomes = sorted(TERMINAL & set(by_status))
    if len(outcomes) > 1:
        return "sources report different outcomes: " + ", ".join(outcomes)
    spans = {s: [_interval(m.get("date")) for m in ms if m.get("date")]
             for s, ms in by_status.items()}
    for a, a_spans in spans.items():
        for b, b_spans in spans.items():
            if STATUS_RANK.get(a, -1) < STATUS_RANK.get(b, -1) and a_spans and b_spans:
                if min(x[0] for x in a_spans) > max(x[1] for x in b_spans):
                    return f"'{b}' is dated before '{a}'"
    return None
