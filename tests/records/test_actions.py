"""The actions layer: evidentiary copies, custody, audit, mentions, persons."""
from __future__ import annotations

import pytest

from vigil.core.evidence import EvidenceStore
from vigil.records import actions
from vigil.records.models import AuditEvent, CustodyEvent, Mention, Person, StatusEvent

pytestmark = pytest.mark.django_db


def test_capture_stores_unaltered_bytes_and_custody(source, actor, evidence_dir):
    content = "گزارش اعدام\r\n<b>bytes as received</b>".encode("utf-8")
    document, created = actions.capture_document(content, source=source, actor=actor, origin_url="https://x.example/1")
    assert created
    assert EvidenceStore(evidence_dir).read(document.sha256) == content
    steps = list(CustodyEvent.objects.filter(document=document).values_list("step", flat=True))
    assert steps == ["captured", "hashed", "stored"]
    assert AuditEvent.objects.filter(action="document.capture", object_id=str(document.pk)).exists()


def test_same_bytes_twice_is_one_document(source, actor, evidence_dir):
    first, _ = actions.capture_document(b"same", source=source, actor=actor)
    second, created = actions.capture_document(b"same", source=source, actor=actor)
    assert (second.pk, created) == (first.pk, False)


def test_changed_page_at_same_url_is_a_new_version(source, actor, evidence_dir):
    old, _ = actions.capture_document(b"v1", source=source, actor=actor, origin_url="https://x.example/a")
    new, created = actions.capture_document(b"v2", source=source, actor=actor, origin_url="https://x.example/a")
    assert created and new.version_of == old


def test_list_rows_create_then_update_with_audit(source, actor):
    mention, outcome = actions.add_list_row(source, "7", {"name": "A B", "status": "executed"}, actor=actor)
    assert outcome == "created"
    _, outcome = actions.add_list_row(source, "7", {"name": "A B", "status": "executed"}, actor=actor)
    assert outcome == "unchanged"
    _, outcome = actions.add_list_row(source, "7", {"name": "A C", "status": "executed"}, actor=actor)
    assert outcome == "skipped"
    _, outcome = actions.add_list_row(source, "7", {"name": "A C", "status": "executed"}, actor=actor, update=True)
    assert outcome == "updated"
    assert Mention.objects.get(pk=mention.pk).data["name"] == "A C"
    change = AuditEvent.objects.get(action="mention.update")
    assert change.data["changes"] == {"name": ["A B", "A C"]}


def _extraction(name, date, age, status="executed"):
    return {"cases": [{"name": name, "status": status, "date": date, "prison": "Ghezel Hesar Prison",
                       "charges": ["drug"], "sex": "m", "age": age, "spans": {"name": [0, len(name)]},
                       "confidence": 0.9}],
            "groups": [], "campaigns": [], "claims": [
                {"quantity": "executions", "value": 975, "qualifier": "at_least", "start": "2024-01-01",
                 "end": "2024-12-31", "scope": None, "attributed_to": "IHR", "text": "at least 975"}]}


def test_conflicting_values_stay_side_by_side(actor, evidence_dir):
    a = actions.ensure_source("Monitor A", actor, kind="ngo", independence_group="a")
    b = actions.ensure_source("Monitor B", actor, kind="ngo", independence_group="b")
    for source, body, age in ((a, b"report a", 30), (b, b"report b", 31)):
        document, _ = actions.capture_document(body, source=source, actor=actor)
        actions.add_extraction(document, _extraction("Reza Test", "2024-05-01", age), extractor="t", version="1",
                               actor=actor)
    mentions = Mention.objects.filter(kind="case")
    actions.apply_clusters({m.pk: "same" for m in mentions}, actor)
    event = StatusEvent.objects.get()
    assert event.grade == "disputed"
    assert sorted(m.data["age"] for m in event.mentions.all()) == [30, 31]
    assert any("age" in reason for reason in event.grade_reasons)


def test_two_independent_sources_corroborate(actor, evidence_dir):
    a = actions.ensure_source("Monitor A", actor, kind="ngo", independence_group="a")
    b = actions.ensure_source("Monitor B", actor, kind="ngo", independence_group="b")
    for source, body, date in ((a, b"x", "2024-05"), (b, b"y", "2024-05-01")):
        document, _ = actions.capture_document(body, source=source, actor=actor)
        actions.add_extraction(document, _extraction("Reza Test", date, 30), extractor="t", version="1", actor=actor)
    actions.apply_clusters({m.pk: "same" for m in Mention.objects.filter(kind="case")}, actor)
    event = StatusEvent.objects.get()
    assert (event.grade, event.date, event.date_precision) == ("corroborated", "2024-05-01", "day")


def test_reclustering_keeps_person_ids_stable(source, actor):
    m1, _ = actions.add_list_row(source, "1", {"name": "Ali One", "status": "executed", "date": "2020-01-01"}, actor=actor)
    m2, _ = actions.add_list_row(source, "2", {"name": "Ali One", "status": "sentenced", "date": "2019"}, actor=actor)
    actions.apply_clusters({m1.pk: "k", m2.pk: "k"}, actor)
    person = Person.objects.get()
    actions.apply_clusters({m1.pk: "k2", m2.pk: "k2"}, actor)
    assert Person.objects.get().pk == person.pk
    assert sorted(StatusEvent.objects.values_list("status", flat=True)) == ["executed", "sentenced"]
    actions.apply_clusters({m1.pk: "x", m2.pk: "y"}, actor)
    assert Person.objects.count() == 2


def test_publishing_needs_a_reason_and_is_audited(actor):
    person = Person.objects.create()
    with pytest.raises(ValueError):
        actions.publish_person(person, actor, reason=" ")
    actions.publish_person(person, actor, reason="verified by two sources")
    assert Person.objects.get().published
    assert AuditEvent.objects.filter(action="person.publish", reason="verified by two sources").exists()


def test_event_country_comes_from_the_sources_else_the_default(source, actor):
    us, _ = actions.add_list_row(source, "1", {"name": "Ann Smith", "status": "executed", "date": "1999-02-03",
                                               "country": "US"}, actor=actor)
    ir, _ = actions.add_list_row(source, "2", {"name": "Reza Test", "status": "executed", "date": "2024"}, actor=actor)
    actions.apply_clusters({us.pk: "a", ir.pk: "b"}, actor)
    assert StatusEvent.objects.get(mentions=us).country == "US"
    assert StatusEvent.objects.get(mentions=ir).country == "IR"


def test_reviewer_grade_survives_automatic_rebuild(source, actor):
    from vigil.records.actions.entry import set_grade

    m, _ = actions.add_list_row(source, "1", {"name": "Ali One", "status": "executed", "date": "2020-01-01"}, actor=actor)
    actions.apply_clusters({m.pk: "k"}, actor)
    set_grade(StatusEvent.objects.get(), "corroborated", actor, reason="confirmed by family and lawyer")
    m2, _ = actions.add_list_row(source, "2", {"name": "Ali One", "status": "sentenced", "date": "2019"}, actor=actor)
    actions.apply_clusters({m.pk: "k", m2.pk: "k"}, actor)
    executed = StatusEvent.objects.get(status="executed")
    assert (executed.grade, executed.grade_locked) == ("corroborated", True)
    assert StatusEvent.objects.get(status="sentenced").grade == "single_source"


def test_reports_of_one_campaign_event_share_it(actor, evidence_dir):
    from vigil.records.models import CampaignEvent

    a = actions.ensure_source("Monitor A", actor, kind="ngo", independence_group="a")
    for body, prisons, n in ((b"1", ["Evin Prison"], 1500), (b"2", ["Evin Prison", "Ghezel Hesar Prison"], None)):
        document, _ = actions.capture_document(body, source=a, actor=actor)
        campaign = {"kind": "hunger_strike", "name": "No to Execution Tuesdays", "week": 53, "date": "2025-01-28",
                    "prisons": prisons, "participants": n}
        actions.add_extraction(document, {"campaigns": [campaign]}, extractor="t", version="1", actor=actor)
    event = CampaignEvent.objects.get()
    assert (event.prisons, event.participants, event.mentions.count()) == \
        (["Evin Prison", "Ghezel Hesar Prison"], 1500, 2)


def test_merge_then_split_restores_the_same_person_record(source, actor):
    a, _ = actions.add_list_row(source, "1", {"name": "Reza One", "status": "executed", "date": "2020-01-01"}, actor=actor)
    b, _ = actions.add_list_row(source, "2", {"name": "Hamid Two", "status": "executed", "date": "2021-01-01"}, actor=actor)
    actions.apply_clusters({a.pk: "a", b.pk: "b"}, actor)
    hamid = Mention.objects.get(pk=b.pk).person
    actions.publish_person(hamid, actor, reason="verified")
    Person.objects.filter(pk=hamid.pk).update(private_notes="lawyer's note")
    actions.apply_clusters({a.pk: "ab", b.pk: "ab"}, actor)
    retired = Person.objects.get(pk=hamid.pk)
    assert retired.merged_into_id == Mention.objects.get(pk=a.pk).person_id and not retired.published
    assert not StatusEvent.objects.filter(case__person=retired).exists()
    actions.apply_clusters({a.pk: "a", b.pk: "b"}, actor)
    back = Mention.objects.get(pk=b.pk).person
    assert back.pk == hamid.pk and back.published and back.private_notes == "lawyer's note"
    assert back.merged_into_id is None and StatusEvent.objects.filter(case__person=back).count() == 1
