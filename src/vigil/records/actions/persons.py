"""Persons, cases and status events, derived from linked case mentions."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping

from django.db import transaction

from vigil.core import derive
from vigil.core.stats.periods import month_end
from vigil.records import vocab
from vigil.records.actions.audit import Actor, audit
from vigil.records.models import Case, Mention, Person, PersonName, StatusEvent


@transaction.atomic
def apply_clusters(clusters: Mapping[int, str], actor: Actor) -> dict:
    """Assign case mentions to persons by cluster key and rebuild each touched person's case.

    A cluster keeps the person most of its mentions already had, so person ids are stable
    across runs. A person left without mentions is not deleted but retired (unpublished,
    ``merged_into`` the person that took them); when a later run gives its mentions back
    (an undone merge) the same record returns with its publication state. Returns counts.
    """
    members: dict[str, list[int]] = defaultdict(list)
    for mention_pk, key in clusters.items():
        members[key].append(mention_pk)
    touched: set[int] = set()
    claimed: set[int] = set()
    for key in _claim_order(members):
        touched |= _assign(members[key], claimed)
    retired = _retire_orphans(touched)
    for person in Person.objects.filter(pk__in=touched - retired):
        rebuild_person(person)
    audit("persons.cluster", actor, clusters=len(members), persons=len(touched - retired), retired=len(retired))
    return {"persons": len(touched - retired), "retired": len(retired)}


def _claim_order(members: dict[str, list[int]]) -> list[str]:
    """The order in which clusters claim persons. When a split leaves several clusters wanting
    the same person, the cluster holding the mention that person was founded on goes first;
    otherwise larger clusters go first."""
    current = dict(Mention.objects.filter(pk__in=[pk for pks in members.values() for pk in pks])
                   .values_list("pk", "person_id"))
    wanted = {key: _most_common([current.get(pk) for pk in pks]) for key, pks in members.items()}
    contested = {p for p, n in Counter(w for w in wanted.values() if w).items() if n > 1}
    founders = {p: _founder(p) for p in contested}

    def rank(key: str):
        wins = wanted[key] in contested and founders[wanted[key]] in members[key]
        return (not wins, -len(members[key]), key)

    return sorted(members, key=rank)


def _most_common(values: list) -> int | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _founder(person_pk: int) -> int | None:
    """The first mention ever assigned to a person (from the mentions' history)."""
    first = Mention.history.filter(person_id=person_pk).order_by("history_date", "history_id").first()
    return first.id if first else None


def _assign(pks: list[int], claimed: set[int]) -> set[int]:
    """Give one cluster's mentions a person: the one most of them have (or had before a merge),
    unless a larger cluster took it."""
    mentions = list(Mention.objects.filter(pk__in=pks))
    current = Counter(m.person_id for m in mentions if m.person_id and m.person_id not in claimed)
    chosen = current.most_common(1)[0][0] if current else _former_person(pks, claimed)
    person = Person.objects.get(pk=chosen) if chosen else Person.objects.create()
    if person.merged_into_id:
        _revive(person)
    claimed.add(person.pk)
    changed = [m for m in mentions if m.person_id != person.pk]
    touched = {person.pk} | {m.person_id for m in changed if m.person_id}
    for mention in changed:
        mention.person = person
        mention.save(update_fields=["person"])
    return touched


def _former_person(pks: list[int], claimed: set[int]) -> int | None:
    """The retired person that most of these mentions belonged to before (from their history)."""
    retired = set(Person.objects.filter(merged_into__isnull=False).values_list("pk", flat=True)) - claimed
    if not retired:
        return None
    former = Counter(Mention.history.filter(id__in=pks, person_id__in=retired).values_list("person_id", flat=True))
    return former.most_common(1)[0][0] if former else None


def _revive(person: Person) -> None:
    """Undo a retirement: the publication state is the one the record had before it was retired."""
    before = person.history.filter(merged_into__isnull=True).order_by("-history_date", "-history_id").first()
    person.merged_into = None
    person.published = before.published if before else person.published
    person.save(update_fields=["merged_into", "published"])


def _retire_orphans(candidates: set[int]) -> set[int]:
    """Persons among ``candidates`` left without mentions: their events go, the record stays, unpublished."""
    orphans = list(Person.objects.filter(pk__in=candidates, mentions__isnull=True))
    for person in orphans:
        StatusEvent.objects.filter(case__person=person).delete()
        former = Mention.history.filter(person_id=person.pk).values_list("id", flat=True)
        heir = Mention.objects.filter(pk__in=former).exclude(person=None).values_list("person_id", flat=True).first()
        person.merged_into_id = heir or person.pk  # pointing at itself: retired with no heir
        person.published = False
        person.save(update_fields=["merged_into", "published"])
    return {p.pk for p in orphans}


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
            return dt.date(parts[0], parts[1], 1), month_end(parts[0], parts[1])
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
