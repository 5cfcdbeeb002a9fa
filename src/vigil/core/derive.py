"""Derive a person's status events from the case mentions linked to them.

Input is plain data: one dict per mention in the exchange format (a CASE object) plus
``source`` and ``group`` (independence group) keys. Output: events, each with the value
of every field that most sources support, every conflicting value with its sources, and
the mentions behind it. Nothing is imputed and no source's value is dropped.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

EVENT_FIELDS = ("date", "prison", "city", "province", "country", "age", "public")
PERSON_FIELDS = ("sex", "nationality", "ethnicity")
STATUS_ORDER = ["arrested", "sentenced", "upheld", "at_risk", "halted", "forgiven", "commuted",
                "executed", "died_in_custody"]


@dataclass
class DerivedEvent:
    status: str
    mentions: list[dict] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    conflicts: dict = field(default_factory=dict)

    @property
    def date(self) -> str | None:
        return self.values.get("date")


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when one partial ISO date could be the other (2024-05 and 2024-05-01), or either is unknown."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def most_supported(values: list[tuple[object, str]]) -> tuple[object, dict]:
    """Pick the value with most independent sources; return it and {value: [sources]} when they disagree."""
    by_value: dict = defaultdict(set)
    for value, source in values:
        if value not in (None, "", []):
            by_value[_hashable(value)].add(source)
    if not by_value:
        return None, {}
    ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
    chosen = ranked[0][0]
    conflicts = {str(v): sorted(s) for v, s in ranked} if len(ranked) > 1 else {}
    return _unhashable(chosen), conflicts


def most_precise_date(values: list[tuple[str, str]]) -> tuple[str | None, dict]:
    """Dates that nest (2024, 2024-05, 2024-05-01) agree: take the most precise one supported."""
    dates = [(d, s) for d, s in values if d]
    if not dates:
        return None, {}
    longest = max(dates, key=lambda ds: (len(ds[0]), ds[0]))[0]
    if all(dates_compatible(longest, d) for d, _ in dates):
        return longest, {}
    return most_supported(dates)


def group_events(mentions: list[dict]) -> list[DerivedEvent]:
    """Group one person's case mentions into events: same status and compatible dates."""
    events: list[DerivedEvent] = []
    for mention in sorted(mentions, key=lambda m: -len(m.get("date") or "")):
        target = next((e for e in events if e.status == mention.get("status")
                       and all(dates_compatible(mention.get("date"), m.get("date")) for m in e.mentions)), None)
        if target is None:
            target = DerivedEvent(status=mention.get("status") or "executed")
            events.append(target)
        target.mentions.append(mention)
    for event in events:
        fill_values(event)
    return sorted(events, key=lambda e: (e.date or "9999", STATUS_ORDER.index(e.status)
                                         if e.status in STATUS_ORDER else 99))


def fill_values(event: DerivedEvent) -> None:
    for name in EVENT_FIELDS:
        pairs = [(m.get(name), m.get("source", "")) for m in event.mentions]
        chooser = most_precise_date if name == "date" else most_supported
        value, conflicts = chooser(pairs)
        event.values[name] = value
        if conflicts:
            event.conflicts[name] = conflicts
    charges = sorted({c for m in event.mentions for c in (m.get("charges") or [])})
    event.values["charges"] = charges


def person_values(mentions: list[dict]) -> tuple[dict, dict]:
    """Person-level values (sex, nationality, ethnicity) and their conflicts."""
    values, conflicts = {}, {}
    for name in PERSON_FIELDS:
        value, clash = most_supported([(m.get(name), m.get("source", "")) for m in mentions])
        values[name] = value
        if clash:
            conflicts[name] = clash
    names = Counter(m.get("name") for m in mentions if m.get("name"))
    values["names"] = [n for n, _ in names.most_common()]
    return values, conflicts


def grade(event: DerivedEvent) -> tuple[str, list[str]]:
    """Verification grade of an event and the reasons for it."""
    groups = {m.get("group") or m.get("source") for m in event.mentions}
    if any(m.get("source_kind") == "official" for m in event.mentions):
        return "official", ["announced by an official outlet"]
    key_conflicts = [f for f in ("date", "age") if f in event.conflicts]
    if key_conflicts:
        return "disputed", [f"sources disagree on {f}" for f in key_conflicts]
    if len(groups) >= 2:
        return "corroborated", [f"{len(groups)} independent source groups"]
    return "single_source", ["one source group"]


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def _unhashable(value):
    return list(value) if isinstance(value, tuple) else value
