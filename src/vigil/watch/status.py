"""Current statuses and the watch list, read from the database through :mod:`vigil.core.watch`.

Sources are given by their public names only (a confidential source is 'Confidential
source N', with no document title or address); a source's contact details and private
notes are never read here.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from vigil.core import watch as core
from vigil.records.models import Mention, Person, StatusEvent


def public_source(mention: Mention) -> dict:
    """A mention's source and document as they may be shown publicly."""
    source, document = mention.source, mention.document
    row = {"name": source.public_name, "kind": source.kind}
    if document is not None:
        row.update(document=document.public_id, published=document.published)
        if not source.confidential:
            row["title"] = document.title
            if document.origin_url.startswith(("http://", "https://")):
                row["url"] = document.origin_url
    elif mention.record_id and not source.confidential:
        row["record"] = mention.record_id
    return row


def event_row(event: StatusEvent) -> dict:
    """A status event as plain data for :func:`vigil.core.watch.current_status`."""
    mentions = list(event.mentions.all())
    return {"id": event.pk, "status": event.status, "date": event.date, "prison": event.prison,
            "city": event.city, "province": event.province, "charges": list(event.charges or []),
            "grade": event.grade, "sources": sorted({m.source.public_name for m in mentions}),
            "documents": _unique([public_source(m) for m in mentions])}


def _unique(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _events() -> QuerySet:
    mentions = Mention.objects.select_related("source", "document").only(
        "record_id", "source__name", "source__kind", "source__confidential", "document__public_id",
        "document__published", "document__title", "document__origin_url")
    return StatusEvent.objects.select_related("case").prefetch_related(Prefetch("mentions", queryset=mentions))


def histories(persons: QuerySet | None = None) -> dict[int, list[dict]]:
    """``{person pk: [event rows]}`` for the given persons (all by default)."""
    events = _events()
    if persons is not None:
        events = events.filter(case__person__in=persons)
    out: dict[int, list[dict]] = defaultdict(list)
    for event in events:
        out[event.case.person_id].append(event_row(event))
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
