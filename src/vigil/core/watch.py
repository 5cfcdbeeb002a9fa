"""A person's current status, derived from their status history (no Django).

Input is plain data: one dict per status event with ``status``, ``date`` (partial ISO:
YYYY, YYYY-MM or YYYY-MM-DD, or empty), optionally ``sources`` (public source names),
``prison``, ``province``, ``grade`` and ``id``. The rules:

* Events are ordered by date (a partial date sorts at its first day), then by the order in
  which a case moves (:data:`vigil.core.derive.STATUS_ORDER`). Undated events sort first:
  a report that gives no date is not evidence of what happened last.
* A final status (executed, died in custody) ends the history whatever its date.
* The current status is the status of the last event; a person is *at imminent risk* when
  it is one of :data:`AT_RISK` (death sentence upheld; transfer to solitary confinement or
  an execution order, both recorded as ``at_risk``).
* ``at_risk_since`` is the date of the first event of the unbroken run of at-risk events
  that ends at the current one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vigil.core.derive import STATUS_ORDER

#: Statuses that put a person on the watch list.
AT_RISK = ("upheld", "at_risk")
#: Statuses after which nothing else can happen.
FINAL = ("executed", "died_in_custody")


@dataclass(frozen=True)
class CurrentStatus:
    """What a person's history says now."""

    status: str
    date: str = ""
    at_risk_since: str = ""
    sources: tuple[str, ...] = ()
    event: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def at_risk(self) -> bool:
        return self.status in AT_RISK

    def fingerprint(self) -> str:
        """What a change is detected on: the status and the date of the event that set it."""
        return f"{self.status}@{self.date}"


def _rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def event_key(event: dict) -> tuple:
    """Sort key: (final?, date, status order); undated events first among non-final ones."""
    return (event.get("status") in FINAL, event.get("date") or "", _rank(event.get("status") or ""))


def ordered(events: list[dict]) -> list[dict]:
    """Events in the order the history is read."""
    return sorted(events, key=event_key)


def current_status(events: list[dict]) -> CurrentStatus | None:
    """The current status of a history, or None when it has no events."""
    history = ordered([e for e in events if e.get("status")])
    if not history:
        return None
    last = history[-1]
    since = ""
    if last["status"] in AT_RISK:
        run = []
        for event in reversed(history):
            if event["status"] not in AT_RISK:
                break
            run.append(event)
        since = next((e.get("date") for e in reversed(run) if e.get("date")), "")
    return CurrentStatus(status=last["status"], date=last.get("date") or "", at_risk_since=since,
                         sources=tuple(sorted(set(last.get("sources") or ()))), event=last)


def first_day(value: str) -> date | None:
    """First day of a partial ISO date."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return date(*parts[:3])
    except ValueError:
        return None


def days_at_risk(since: str, today: date) -> int | None:
    """Whole days from the first day of ``since`` to ``today`` (None when undated)."""
    start = first_day(since)
    return (today - start).days if start else None


@dataclass(frozen=True)
class Change:
    """A person's current status changed between two snapshots."""

    person: str
    previous: str
    current: str
    previous_date: str = ""
    date: str = ""

    @property
    def key(self) -> str:
        """Identifies the change, so it is alerted once: 'at_risk@2025-03-02->executed@2025-03-12'."""
        return f"{self.previous}@{self.previous_date}->{self.current}@{self.date}"


def changes(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> list[Change]:
    """Changes between two snapshots ``{person: (status, date)}``.

    A person new since ``before`` changes from '' to their status; a person who disappeared
    (merged into another) is not a change. A date refined with the same status
    (2025-03 → 2025-03-12) is not a change either.
    """
    out = []
    for person, (status, day) in sorted(after.items()):
        old_status, old_day = before.get(person, ("", ""))
        if status != old_status:
            out.append(Change(person, old_status, status, old_day, day))
    return out
