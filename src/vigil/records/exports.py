"""Rows for ``vigil export``: plain dicts, never a SENSITIVE field, sources by public name."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from vigil.records.models import Claim, Document, Mention, Person, StatusEvent

KINDS = ("cases", "persons", "mentions", "documents", "claims")


def _source_fields(mention: Mention) -> dict:
    return {"source": mention.source.public_name, "source_kind": mention.source.kind,
            "record_id": mention.record_id or None,
            "document": mention.document.public_id if mention.document_id else None}


def mention_rows(published_only: bool = False) -> Iterator[dict]:
    mentions = Mention.objects.select_related("source", "document", "person").order_by("pk")
    if published_only:
        mentions = mentions.filter(person__published=True)
    for m in mentions.iterator(chunk_size=2000):
        data = {k: v for k, v in m.data.items() if k != "spans"}
        yield {"id": m.public_id, "kind": m.kind, **_source_fields(m),
               "person": m.person.public_id if m.person_id else None, "state": m.state,
               "extractor": m.extractor, "extractor_version": m.extractor_version,
               "confidence": m.confidence, "data": data}


def case_rows(published_only: bool = False) -> Iterator[dict]:
    events = StatusEvent.objects.select_related("case__person").prefetch_related("mentions__source", "mentions__document")
    if published_only:
        events = events.filter(case__person__published=True)
    for e in events.order_by("pk").iterator(chunk_size=2000):
        person = e.case.person
        yield {"case": e.case.public_id, "person": person.public_id, "name": person.display_name,
               "name_fa": person.name_fa or None, "status": e.status, "date": e.date or None,
               "date_precision": e.date_precision, "prison": e.prison or None, "city": e.city or None,
               "province": e.province or None, "country": e.country, "charges": e.charges, "age": e.age,
               "sex": person.sex or None, "nationality": person.nationality or None,
               "ethnicity": person.ethnicity or None, "public": e.public_execution,
               "officially_announced": e.officially_announced, "grade": e.grade,
               "grade_reasons": e.grade_reasons, "published": person.published,
               "supported_by": [_source_fields(m) for m in e.mentions.all()]}


def person_rows(published_only: bool = False) -> Iterator[dict]:
    people = Person.objects.filter(merged_into=None).prefetch_related("names", "mentions__source", "mentions__document").order_by("pk")
    if published_only:
        people = people.filter(published=True)
    for p in people.iterator(chunk_size=500):
        yield {"person": p.public_id, "name": p.display_name, "name_fa": p.name_fa or None,
               "names": sorted(n.name for n in p.names.all()), "sex": p.sex or None,
               "nationality": p.nationality or None, "ethnicity": p.ethnicity or None,
               "published": p.published, "records": [_source_fields(m) for m in p.mentions.all()]}


def document_rows(published_only: bool = False) -> Iterator[dict]:
    for d in Document.objects.select_related("source").order_by("pk").iterator(chunk_size=500):
        yield {"document": d.public_id, "source": d.source.public_name, "title": d.title,
               "url": d.origin_url or None, "language": d.language, "published": d.published or None,
               "captured_at": d.captured_at.isoformat(), "sha256": d.sha256, "size": d.size,
               "media_type": d.media_type, "version_of": d.version_of.public_id if d.version_of_id else None}


def claim_rows(published_only: bool = False) -> Iterator[dict]:
    for c in Claim.objects.select_related("mention__source", "mention__document").order_by("pk").iterator(chunk_size=2000):
        yield {"quantity": c.quantity, "value": c.value, "qualifier": c.qualifier, "start": c.start or None,
               "end": c.end or None, "scope": c.scope or None, "attributed_to": c.attributed_to or None,
               "text": c.text, **_source_fields(c.mention)}


ROWS = {"cases": case_rows, "persons": person_rows, "mentions": mention_rows,
        "documents": document_rows, "claims": claim_rows}


def write_jsonl(rows: Iterable[dict], out: io.TextIOBase) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict], out: io.TextIOBase) -> int:
    """CSV with nested values (lists, dicts) as JSON text in their cell."""
    writer, count = None, 0
    for row in rows:
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), lineterminator="\n")
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count
