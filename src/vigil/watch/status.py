"""Current statuses and the watch list, read from the database through :mod:`vigil.core.watch`.

Sources are given by their public names only (a confidential source is 'Confidential
source N', with no document title or address); a source's contact details and private
notes are never read here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from vigil.core import watch as core
from vigil.records.models import Person, StatusEvent


_EVENT_FIELDS = ("pk", "case__person_id", "status", "date", "prison", "city", "province", "charges", "grade")
_MENTION_FIELDS = ("statusevent_id", "mention__record_id", "mention__source__name", "mention__source__kind",
                   "mention__source__confidential", "mention__source_id", "mention__document__public_id",
                   "mention__document__published", "mention__document__title", "mention__document__origin_url")


def _public_source(row: dict) -> dict:
    """One mention's source and document as they may be shown publicly (from a values() row);
    the name rule is :attr:`vigil.records.models.Source.public_name`."""
    confidential = row["mention__source__confidential"]
    name = f"Confidential source {row['mention__source_id']}" if confidential else row["mention__source__name"]
    out = {"name": name, "kind": row["mention__source__kind"]}
    if row["mention__document__public_id"]:
        out.update(document=row["mention__document__public_id"], published=row["mention__document__published"])
        if not confidential:
            out["title"] = row["mention__document__title"]
            if (row["mention__document__origin_url"] or "").startswith(("http://", "https://")):
                out["url"] = row["mention__document__origin_url"]
    elif row["mention__record_id"] and not confidential:
        out["record"] = row["mention__record_id"]
    return out


def _documents(events: QuerySet) -> dict[int, list[dict]]:
    """``{event pk: [public source rows]}`` for the events, in one query."""
    through = StatusEvent.mentions.through.objects.filter(statusevent__in=events.values("pk"))
    out: dict[int, list[dict]] = defaultdict(list)
    for row in through.values(*_MENTION_FIELDS).order_by("pk"):
        item = _public_source(row)
        if item not in out[row["statusevent_id"]]:
            out[row["statusevent_id"]].append(item)
    return out


def histories(persons: QuerySet | None = None) -> dict[int, list[dict]]:
    """``{person pk: [event rows]}`` for the given persons (all by default); each row has the
    event's fields, ``sources`` (public names) and ``documents`` (public source rows)."""
    events = StatusEvent.objects.all()
    if persons is not None:
        events = events.filter(case__person__in=persons)
    documents = _documents(events)
    out: dict[int, list[dict]] = defaultdict(list)
    for row in events.values(*_EVENT_FIELDS):
        docs = documents.get(row["pk"], [])
        out[row.pop("case__person_id")].append({
            **row, "id": row.pop("pk"), "charges": list(row["charges"] or []),
            "sources": sorted({d["name"] for d in docs}), "documents": docs})
    return out


def current_statuses(persons: QuerySet | None = None) -> dict[int, core.CurrentStatus]:
    """``{person pk: CurrentStatus}`` for every person with at least one event."""
    return {pk: status for pk, rows in histories(persons).items() if (status := core.current_status(rows))}


@dataclass
class WatchEntry:
    """One person on the watch list."""

    person: Person
    status: core.CurrentStatus
    days_at_risk: int | None
    charges: list[str]

    @property
    def event(self) -> dict:
        return self.status.event

    def to_dict(self) -> dict:
        event = self.event
        return {"person": self.person.public_id, "name": str(self.person), "name_fa": self.person.name_fa,
                "name_latin": self.person.name_latin, "status": self.status.status, "date": self.status.date,
                "at_risk_since": self.status.at_risk_since, "days_at_risk": self.days_at_risk,
                "prison": event.get("prison", ""), "province": event.get("province", ""),
                "charges": self.charges, "grade": event.get("grade", ""),
                "sources": list(self.status.sources), "documents": event.get("documents", [])}


def watch_list(*, published_only: bool = False, today: date | None = None) -> list[WatchEntry]:
    """People at imminent risk now, longest at risk first (undated last)."""
    today = today or timezone.now().date()
    persons = Person.objects.filter(published=True) if published_only else Person.objects.all()
    statuses = {pk: s for pk, s in current_statuses(persons).items() if s.at_risk}
    people = Person.objects.in_bulk(list(statuses))
    charges = _charges(list(statuses))
    entries = [WatchEntry(people[pk], s, core.days_at_risk(s.at_risk_since, today),
                          sorted(set(charges.get(pk, [])) | set(s.event.get("charges") or [])))
               for pk, s in statuses.items()]
    return sorted(entries, key=lambda e: (e.days_at_risk is None, -(e.days_at_risk or 0), str(e.person)))


def _charges(person_pks: list[int]) -> dict[int, list[str]]:
    from vigil.records.models import Case

    out: dict[int, list[str]] = defaultdict(list)
    for person_id, charges in Case.objects.filter(person__in=person_pks).values_list("person_id", "charges"):
        out[person_id].extend(charges or [])
    return out
