"""Records as JSON objects. Every field is listed explicitly: SENSITIVE fields
(Source.contact_details / private_notes, Person.private_notes, Document.private_notes) and
confidential source names never appear."""
from __future__ import annotations

from collections import defaultdict

from vigil.records.models import Campaign, Case, Claim, Document, Mention, Person, StatusEvent

PERSON_FIELDS = ("name_latin", "name_fa", "father_name", "sex", "birth_year", "nationality", "ethnicity",
                 "religion", "origin", "juvenile", "published")
EVENT_FIELDS = ("status", "date", "date_precision", "prison", "city", "province", "country", "place_precision",
                "charges", "charges_original", "age", "public_execution", "officially_announced", "grade",
                "grade_reasons")
DOCUMENT_FIELDS = ("origin_url", "title", "language", "published", "sha256", "size", "media_type", "tool_version")
CLAIM_FIELDS = ("quantity", "value", "qualifier", "start", "end", "scope", "attributed_to", "text")


def _iso(value):
    return value.isoformat() if value else None


def person_ref(person: Person) -> dict:
    return {"id": person.public_id, "name_latin": person.name_latin, "name_fa": person.name_fa}


def person(p: Person) -> dict:
    out = {"id": p.public_id, **{f: getattr(p, f) for f in PERSON_FIELDS}}
    out["names"] = sorted({n.name for n in p.names.all()})
    out["cases"] = [c.public_id for c in p.cases.all()]
    out["created_at"] = _iso(p.created_at)
    return out


def mention_ref(m: Mention) -> dict:
    return {"id": m.public_id, "kind": m.kind, "source": m.source.public_name,
            "document": m.document.public_id if m.document_id else None,
            "record_id": m.record_id, "extractor": m.extractor, "state": m.state}


def event(e: StatusEvent, sources: list[dict]) -> dict:
    out = {f: getattr(e, f) for f in EVENT_FIELDS}
    out["date_start"], out["date_end"] = _iso(e.date_start), _iso(e.date_end)
    out["sources"] = sources
    return out


def _event_sources(event_ids: list[int]) -> dict[int, list[dict]]:
    """Mention references of many events: two queries whatever their number."""
    pairs = list(StatusEvent.mentions.through.objects.filter(statusevent_id__in=event_ids)
                 .order_by("mention_id").values_list("statusevent_id", "mention_id"))
    mentions = (Mention.objects.select_related("source", "document")
                .only("public_id", "kind", "record_id", "extractor", "state", "source__name",
                      "source__confidential", "document__public_id")
                .in_bulk({m for _, m in pairs}))
    out: dict[int, list[dict]] = defaultdict(list)
    for event_id, mention_id in pairs:
        out[event_id].append(mention_ref(mentions[mention_id]))
    return out


def cases(items: list[Case]) -> list[dict]:
    """Cases (person selected) with their events in date order and each event's sources."""
    events: dict[int, list[StatusEvent]] = defaultdict(list)
    for e in StatusEvent.objects.filter(case_id__in=[c.pk for c in items]).order_by("date_start", "pk"):
        events[e.case_id].append(e)
    sources = _event_sources([e.pk for es in events.values() for e in es])
    return [case(c, [event(e, sources.get(e.pk, [])) for e in events[c.pk]]) for c in items]


def case(c: Case, events: list[dict]) -> dict:
    return {"id": c.public_id, "person": person_ref(c.person), "court": c.court, "judge": c.judge,
            "charges": c.charges, "charges_original": c.charges_original,
            "current_status": events[-1]["status"] if events else None, "events": events}


def document(d: Document) -> dict:
    out = {"id": d.public_id, "source": d.source.public_name, **{f: getattr(d, f) for f in DOCUMENT_FIELDS}}
    out["captured_at"] = _iso(d.captured_at)
    out["version_of"] = d.version_of.public_id if d.version_of_id else None
    return out


def claim(c: Claim) -> dict:
    m = c.mention
    out = {"id": m.public_id, **{f: getattr(c, f) for f in CLAIM_FIELDS}, "source": m.source.public_name,
           "document": m.document.public_id if m.document_id else None}
    if m.source.confidential and c.attributed_to.strip().casefold() == m.source.name.strip().casefold():
        out["attributed_to"] = m.source.public_name  # a confidential source's name never leaves
    return out


def campaign(c: Campaign) -> dict:
    return {"id": c.pk, "name": c.name, "kind": c.kind, "started": _iso(c.started), "ended": _iso(c.ended),
            "demands": c.demands, "outcome": c.outcome,
            "events": [{"date": _iso(e.date), "week": e.week, "prisons": e.prisons,
                        "participants": e.participants, "outcome": e.outcome} for e in c.events.all()]}
