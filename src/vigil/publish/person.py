"""A person's public page: status history with sources, grades, conflicts and evidence."""
from __future__ import annotations

from django.db.models import Prefetch

from vigil.records.models import Mention, Person, StatusEvent

#: Fields whose per-source values are compared ("conflicting values side by side").
COMPARED = ("date", "prison", "city", "province", "charges", "age", "sex", "nationality", "ethnicity", "public")


def _value(data: dict, field: str):
    value = data.get(field)
    if field == "charges":
        return tuple(sorted(value or ())) or None
    return value if value not in ("", []) else None


def conflicts(mentions: list[Mention]) -> list[dict]:
    """Fields on which the event's sources disagree: ``[{'field', 'values': [{'value', 'sources'}]}]``.
    A source that gives no value for a field is not counted as disagreeing."""
    out = []
    for field in COMPARED:
        by_value: dict = {}
        for m in mentions:
            value = _value(m.data or {}, field)
            if value is not None:
                by_value.setdefault(value, []).append(m.source.public_name)
        if len(by_value) > 1:
            out.append({"field": field, "values": [
                {"value": list(v) if isinstance(v, tuple) else v, "sources": sorted(set(s))}
                for v, s in by_value.items()]})
    return out


def timeline(person: Person) -> list[dict]:
    """The person's events in date order, each with its sources, documents and conflicts."""
    mentions = Prefetch("mentions", queryset=Mention.objects.exclude(state="rejected")
                        .select_related("source", "document").order_by("pk"))
    events = (StatusEvent.objects.filter(case__person=person).select_related("case")
              .prefetch_related(mentions).order_by("date_start", "pk"))
    out = []
    for event in events:
        ms = list(event.mentions.all())
        out.append({"event": event, "sources": _sources(ms), "conflicts": conflicts(ms)})
    return out


def _sources(mentions: list[Mention]) -> list[dict]:
    rows = []
    for m in mentions:
        doc = m.document
        rows.append({"name": m.source.public_name, "kind": m.source.kind,
                     "url": "" if m.source.confidential else m.source.url,
                     "record": "" if doc else m.record_id,
                     "document": {"id": doc.public_id, "sha256": doc.sha256, "captured_at": doc.captured_at,
                                  "title": "" if m.source.confidential else doc.title,
                                  "published": doc.published} if doc else None})
    return rows


def documents(items: list[dict]) -> list[dict]:
    """The evidentiary copies cited anywhere on the page, once each."""
    seen: dict[str, dict] = {}
    for item in items:
        for s in item["sources"]:
            if s["document"] and s["document"]["id"] not in seen:
                seen[s["document"]["id"]] = {**s["document"], "source": s["name"]}
    return sorted(seen.values(), key=lambda d: d["captured_at"])
