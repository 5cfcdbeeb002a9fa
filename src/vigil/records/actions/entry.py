"""Manual data entry in the researchers' workspace: cases typed in by a researcher, edits
of a person's own fields, a mention's review state and an event's grade."""
from __future__ import annotations

import uuid

from django.db import transaction

from vigil.records import vocab
from vigil.records.actions.audit import Actor, audit
from vigil.records.actions.persons import apply_clusters
from vigil.records.models import Mention, Person, Source, StatusEvent

#: The extractor label of mentions typed in by a researcher ("Researcher entry").
ENTRY_EXTRACTOR = "researcher-entry"
ENTRY_FIELDS = ("name", "status", "date", "prison", "charges", "city", "province", "age", "sex", "father")
#: Fields of a Person a researcher may edit by hand (the rest is derived from mentions).
EDITABLE_PERSON_FIELDS = ("name_fa", "name_latin", "father_name", "birth_year", "religion", "origin",
                          "juvenile", "private_notes")
_STATUSES = {s for s, _ in vocab.STATUSES}
_GRADES = {g for g, _ in vocab.GRADES}


def _clean_entry(fields: dict) -> dict:
    data = {k: fields[k] for k in ENTRY_FIELDS if fields.get(k) not in (None, "", [])}
    if not str(data.get("name", "")).strip():
        raise ValueError("an entry needs the person's name")
    if data.get("status") and data["status"] not in _STATUSES:
        raise ValueError(f"unknown status {data['status']!r}")
    unknown = [c for c in data.get("charges", []) if c not in vocab.CHARGES]
    if unknown:
        raise ValueError(f"unknown charges {unknown}")
    return data


@transaction.atomic
def enter_case(fields: dict, *, source: Source, actor: Actor, note: str = "") -> Mention:
    """Store a researcher's entry as a confirmed case Mention (extractor 'researcher-entry').

    The entry's record id (``entry-<hex>``) is its provenance; ``note`` says where the
    researcher read it (a URL, a phone call with the family, …) and is kept in the data.
    """
    data = _clean_entry(fields)
    if note:
        data["entry_note"] = note
    mention = Mention.objects.create(
        kind="case", source=source, record_id=f"entry-{uuid.uuid4().hex[:12]}", data=data,
        extractor=ENTRY_EXTRACTOR, extractor_version="1", state="confirmed", confidence=1.0)
    audit("mention.enter", actor, mention, source=source.pk, name=data["name"])
    return mention


@transaction.atomic
def link_entry(mention: Mention, actor: Actor, *, person: Person | None = None, reason: str = "") -> Person:
    """Link an entered mention: to ``person`` (the candidate the researcher chose, recorded as
    a human must-link decision) or to a new, unpublished person."""
    if person is None:
        apply_clusters({mention.pk: f"entry:{mention.pk}"}, actor)
    else:
        from vigil.review.decisions import decide

        members = list(person.mentions.filter(kind="case").exclude(pk=mention.pk).values_list("pk", flat=True))
        mention.person = person  # so the cluster keeps this person even if it has no other mention
        mention.save(update_fields=["person"])
        apply_clusters({pk: f"person:{person.pk}" for pk in members + [mention.pk]}, actor)
        if members:
            decide(Mention.objects.get(pk=members[0]), mention, "must_link", actor,
                   reason=reason or "entered by a researcher as the same person")
    mention.refresh_from_db()
    audit("mention.link_entry", actor, mention, person=mention.person.public_id, chosen=person is not None)
    return mention.person


@transaction.atomic
def edit_person(person: Person, actor: Actor, *, reason: str, **fields) -> Person:
    """Change a person's hand-edited fields, with a reason kept in the history and the audit."""
    if not reason.strip():
        raise ValueError("an edit needs a reason")
    bad = set(fields) - set(EDITABLE_PERSON_FIELDS)
    if bad:
        raise ValueError(f"fields not editable by hand: {sorted(bad)}")
    changes = {k: [getattr(person, k), v] for k, v in fields.items() if getattr(person, k) != v}
    if not changes:
        return person
    for name, value in fields.items():
        setattr(person, name, value)
    person._change_reason = reason
    person.save()
    audit("person.edit", actor, person, reason=reason,
          fields=sorted(changes), changes={k: v for k, v in changes.items() if k != "private_notes"})
    return person


@transaction.atomic
def set_mention_state(mention: Mention, state: str, actor: Actor, *, reason: str) -> Mention:
    """A reviewer confirms or rejects an extracted mention."""
    if state not in ("confirmed", "rejected", "pending"):
        raise ValueError(f"unknown mention state {state!r}")
    if not reason.strip():
        raise ValueError("confirming or rejecting a mention needs a reason")
    before = mention.state
    mention.state = state
    mention._change_reason = reason
    mention.save(update_fields=["state"])
    audit(f"mention.{state}", actor, mention, reason=reason, before=before)
    return mention


@transaction.atomic
def set_grade(event: StatusEvent, grade: str, actor: Actor, *, reason: str) -> StatusEvent:
    """A reviewer grades an event by hand (e.g. resolves a dispute); the reason joins its grade reasons."""
    if grade not in _GRADES:
        raise ValueError(f"unknown grade {grade!r}")
    if not reason.strip():
        raise ValueError("grading needs a reason")
    before = event.grade
    event.grade = grade
    event.grade_reasons = list(event.grade_reasons) + [f"reviewer: {reason}"]
    event.grade_locked = True
    event._change_reason = reason
    event.save(update_fields=["grade", "grade_reasons", "grade_locked"])
    audit("event.grade", actor, event, reason=reason, before=before, after=grade)
    return event
