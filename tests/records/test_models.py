"""Model constraints hold in the database itself, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from vigil.records.models import Case, Document, LinkDecision, Mention, Person, StatusEvent

pytestmark = pytest.mark.django_db


def _document(source, sha="a" * 64):
    return Document.objects.create(source=source, sha256=sha, captured_at=timezone.now())


def test_migrations_match_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_same_content_cannot_be_two_documents(source):
    _document(source)
    with pytest.raises(IntegrityError), transaction.atomic():
        _document(source)


def test_document_hash_must_be_sha256_hex(source):
    with pytest.raises(IntegrityError), transaction.atomic():
        _document(source, sha="not-a-hash")


def test_mention_needs_a_document_or_a_record_id(source):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(kind="case", source=source, data={})


def test_record_id_is_unique_per_source(source):
    Mention.objects.create(kind="case", source=source, record_id="42", data={})
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(kind="case", source=source, record_id="42", data={})


def test_confidence_is_a_probability(source):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(kind="case", source=source, record_id="1", data={}, confidence=1.5)


def test_event_date_range_must_be_ordered():
    import datetime as dt

    case = Case.objects.create(person=Person.objects.create())
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusEvent.objects.create(case=case, status="executed", date_start=dt.date(2024, 2, 1),
                                   date_end=dt.date(2024, 1, 1))


def test_human_link_decision_needs_a_reason(source):
    a = Mention.objects.create(kind="case", source=source, record_id="1", data={})
    b = Mention.objects.create(kind="case", source=source, record_id="2", data={})
    with pytest.raises(IntegrityError), transaction.atomic():
        LinkDecision.objects.create(mention_a=a, mention_b=b, decision="must_link", automatic=False)
    LinkDecision.objects.create(mention_a=a, mention_b=b, decision="must_link", automatic=True)


def test_history_is_kept_for_edited_records():
    person = Person.objects.create(name_latin="Test Person")
    person.name_latin = "Test Person Renamed"
    person.save()
    assert [h.name_latin for h in person.history.order_by("history_date")] == ["Test Person", "Test Person Renamed"]
