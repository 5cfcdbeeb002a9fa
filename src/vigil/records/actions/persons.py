"""Persons, cases and status events, derived from linked case mentions."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

from django.db import transaction

from vigil.core import derive
from vigil.records import vocab
from vigil.records.actions.audit import Actor, audit
from vigil.records.models import Case, Mention, Person, PersonName, StatusEvent


@transaction.atomic
def apply_clusters(clusters: Mapping[int, str], actor: Actor) -> dict:
    """Assign case mentions to persons by cluster key and rebuild each touched person's case.

    A cluster keeps the person most of its mentions already had, so person ids are stable
    across runs. Persons left without mentions are removed. Returns counts.
    """
    members: dict[str, list[int]] = defaultdict(list)
    for mention_pk, key in clusters.items():
        members[key].append(mention_pk)
    touched: set[int] = set()
    claimed: set[int] = set()
    for key, pks in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        touched |= _assign(pks, claimed)
    removed = _remove_orphans(touched)
    for person in Person.objects.filter(pk__in=touched - removed):
        rebuild_person(person)
    audit("persons.cluster", actor, clusters=len(members), persons=len(touched - removed), removed=len(removed))
    return {"persons": len(touched - removed), "removed": len(removed)}


def _assign(pks: list[int], claimed: set[int]) -> set[int]:
    """Give one cluster's mentions a person: the one most of them had, unless a larger cluster took it."""
    mentions = list(Mention.objects.filter(pk__in=pks))
    current = Counter(m.person_id for m in mentions if m.person_id and m.person_id not in claimed)
    person = Person.objects.get(pk=current.most_common(1)[0][0]) if current else Person.objects.create()
    claimed.add(person.pk)
    changed = [m for m in mentions if m.person_id != person.pk]
    touched = {person.pk} | {m.person_id for m in changed if m.person_id}
    for mention in changed:
        mention.person = person
        mention.save(update_fields=["person"])
    return touched


def _remove_orphans(candidates: set[int]) -> set[int]:
    orphans = set(Person.objects.filter(pk__in=candidates, mentions__isnull=True).values_list("pk", flat=True))
    StatusEvent.objects.filter(case__person__in=orphans).delete()
    Case.objects.filter(person__in=orphans).delete()
    Person.objects.filter(pk__in=orphans).delete()
    return orphans


def mention_rows(person: Person) -> list[dict]:
    """The person's case mentions as plain dicts with source, group and kind keys (for derive)."""
    rows = []
    for mention in person.mentions.filter(kind="case").exclude(state="rejected").select_related("source"):
        row = dict(mention.data)
        row.update(pk=mention.pk, source=mention.source.name, group=mention.source.group,
                   source_kind=mention.source.kind)
        rows.append(row)
    return rows


def rebuild_person(person: Person) -> None:
    """Recompute a person's names, attributes, case and status events from their mentions."""
    rows = mention_rows(person)
    values, _conflicts = derive.person_values(rows)
    _set_names(person, values["names"])
    person.sex = values["sex"] or ""
    person.nationality = values["nationality"] or ""
    person.ethnicity = values["ethnicity"] or ""
    person.save()
    case = person.cases.first() or Case.objects.create(person=person)
    case.charges = sorted({c for r in rows for c in (r.get("charges") or [])})
    case.save()
    locked = list(case.events.filter(grade_locked=True).values("status", "date", "grade", "grade_reasons"))
    case.events.all().delete()
    for event in derive.group_events(rows):
        _keep_reviewer_grade(_create_event(case, event), locked)


def _keep_reviewer_grade(event: StatusEvent, locked: list[dict]) -> None:
    """A grade a reviewer set survives the rebuild of the event it was set on."""
    match = next((old for old in locked if old["status"] == event.status
                  and derive.dates_compatible(old["date"], event.date)), None)
    if match:
        event.grade, event.grade_reasons, event.grade_locked = match["grade"], match["grade_reasons"], True
        event.save(update_fields=["grade", "grade_reasons", "grade_locked"])


def _set_names(person: Person, names: list[str]) -> None:
    from vigil.records.naming import name_key, script_of

    for name in names:
        PersonName.objects.get_or_create(person=person, name=name,
                                         defaults={"script": script_of(name), "key": name_key(name)})
    person.name_latin = next((n for n in names if script_of(n) == "latin"), "")
    person.name_fa = next((n for n in names if script_of(n) == "persian"), "")


def _create_event(case: Case, event: derive.DerivedEvent) -> StatusEvent:
    values = event.values
    start, end = date_bounds(values.get("date"))
    grade, reasons = derive.grade(event)
    record = StatusEvent.objects.create(
        case=case, status=event.status, date=values.get("date") or "",
        date_precision=vocab.precision_of(values.get("date")), date_start=start, date_end=end,
        prison=values.get("prison") or "", city=values.get("city") or "", province=values.get("province") or "",
        country=(values.get("country") or default_country())[:2].upper(),
        place_precision=_place_precision(values), charges=values.get("charges") or [],
        age=_age(values.get("age")), public_execution=bool(values.get("public")),
        officially_announced=grade == "official", grade=grade,
        grade_reasons=reasons + [f"conflict on {k}: {v}" for k, v in event.conflicts.items()])
    record.mentions.set([m["pk"] for m in event.mentions])
    return record


def default_country() -> str:
    """Country of events whose sources name none (``VIGIL_DEFAULT_COUNTRY``, default IR)."""
    import os

    return os.environ.get("VIGIL_DEFAULT_COUNTRY", "IR")


def _age(value) -> int | None:
    try:
        age = int(value)
    except (TypeError, ValueError):
        return None
    return age if 0 <= age <= 120 else None


def _place_precision(values: dict) -> int:
    for level, name in ((1, "prison"), (2, "city"), (3, "province")):
        if values.get(name):
            return level
    return 9


def date_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day covered by a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD)."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None, None


@transaction.atomic
def publish_person(person: Person, actor: Actor, *, reason: str, published: bool = True) -> Person:
    """A reviewer makes a person's record public (or private again)."""
    if not reason.strip():
        raise ValueError("publishing needs a reason")
    person.published = published
    person.save(update_fields=["published"])
    audit("person.publish" if published else "person.unpublish", actor, person, reason=reason)
    return person
