"""Alerts end to end: report → mentions → link_all → notify → real SMTP server and HTTP receiver."""
from __future__ import annotations

import pytest

from vigil.watch import delivery

AT_RISK = ("Reza Karimi was transferred to solitary confinement in Ghezel Hesar Prison on 2 March 2025 "
           "ahead of his execution. His death sentence for drug charges was upheld by the Supreme Court.")
EXECUTED = ("Amnesty International reported that Reza Karimi, 34, was executed in Ghezel Hesar Prison in Karaj "
            "on 12 March 2025 on drug-related charges.")
OTHER = "Ali Rostami was transferred to solitary confinement in Evin Prison on 5 March 2025 ahead of his execution."


def ingest_and_link(text: str, source, actor, published: str):
    from vigil.ingest.pipeline import ingest_bytes
    from vigil.review.linking import link_all

    ingest_bytes(text.encode(), source=source, actor=actor, published=published, origin_url=f"https://example.org/{published}")
    link_all(actor)


@pytest.fixture
def watched(db, evidence_dir, source, actor, django_user_model):
    """Reza Karimi at risk, a baseline run, and a researcher (subscribing in each test)."""
    from vigil.watch.notify import notify_changes

    ingest_and_link(AT_RISK, source, actor, "2025-03-03")
    ingest_and_link(OTHER, source, actor, "2025-03-06")
    assert notify_changes(actor)["changes"] == 0  # the first run records the baseline
    user = django_user_model.objects.create_user("researcher", "researcher@example.org", "a-long-password-1")
    return user


def test_execution_report_alerts_once_by_email_and_signed_webhook(watched, source, actor, smtp_server, http_receiver):
    from vigil.records.actions import subscribe
    from vigil.records.models import Source
    from vigil.watch.models import Alert, StatusChange
    from vigil.watch.notify import notify_changes

    Source.objects.filter(pk=source.pk).update(contact_details="SECRET-CONTACT", private_notes="SECRET-NOTE")
    sub = subscribe("person", "reza karimi", actor, user=watched, webhook_url=http_receiver.url)
    subscribe("prison", "Evin Prison", actor, email="evin@example.org")  # another person's prison: silent

    ingest_and_link(EXECUTED, source, actor, "2025-03-13")
    counts = notify_changes(actor)

    assert counts["changes"] == 1 and counts["sent"] == 2 and counts["failed"] == 0
    change = StatusChange.objects.get()
    assert (change.previous, change.current, change.date) == ("at_risk", "executed", "2025-03-12")
    # e-mail through the real SMTP server
    assert len(smtp_server.messages) == 1
    mail = smtp_server.messages[0]
    assert mail["to"] == ["researcher@example.org"] and "alerts@vigil.test" in mail["from"]
    assert "Reza Karimi: executed" in mail["data"] and "Test Monitor" in mail["data"]
    assert "SECRET" not in mail["data"]
    # signed webhook through the real HTTP receiver
    assert len(http_receiver.requests) == 1
    request = http_receiver.requests[0]
    assert delivery.verify(request["body"], sub.webhook_secret, request["headers"]["X-Vigil-Signature"])
    assert not delivery.verify(request["body"], "wrong-secret", request["headers"]["X-Vigil-Signature"])
    data = request["json"]
    assert data["current"] == {"status": "executed", "date": "2025-03-12"}
    assert data["previous"]["status"] == "at_risk" and data["prison"] == "Ghezel Hesar Prison"
    assert [s["name"] for s in data["sources"]] == ["Test Monitor"]
    assert data["sources"][0]["url"] == "https://example.org/2025-03-13"
    assert b"SECRET" not in request["body"]
    # once per change: running again, and linking again, sends nothing more
    assert notify_changes(actor)["changes"] == 0
    ingest_and_link(EXECUTED + " His family was not informed.", source, actor, "2025-03-14")
    assert notify_changes(actor)["changes"] == 0
    assert len(smtp_server.messages) == 1 and len(http_receiver.requests) == 1
    assert Alert.objects.filter(result="sent").count() == 2


def test_webhook_retries_are_recorded(watched, source, actor, smtp_server, http_receiver):
    from vigil.records.actions import subscribe
    from vigil.watch.models import Alert
    from vigil.watch.notify import notify_changes

    http_receiver.fail_first = 1
    subscribe("prison", "ghezel hesar prison", actor, user=watched, webhook_url=http_receiver.url,
              email_alerts=False)
    ingest_and_link(EXECUTED, source, actor, "2025-03-13")
    notify_changes(actor)
    alert = Alert.objects.get(channel="webhook")
    assert alert.result == "sent" and alert.attempts == 2
    assert "HTTP 500" in alert.response and "HTTP 204" in alert.response
    assert len(http_receiver.requests) == 2 and smtp_server.messages == []


def test_unreachable_smtp_is_a_failed_alert(watched, source, actor, settings):
    from vigil.records.actions import subscribe
    from vigil.watch.models import Alert
    from vigil.watch.notify import notify_changes
    from tests.watch.conftest import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    subscribe("charge", "drug", actor, user=watched)
    ingest_and_link(EXECUTED, source, actor, "2025-03-13")
    assert notify_changes(actor)["failed"] == 1
    alert = Alert.objects.get()
    assert alert.result == "failed" and "error" in alert.response


def test_email_only_subscriptions_see_published_persons_only(watched, source, actor, smtp_server):
    from vigil.records.actions import publish_person, subscribe
    from vigil.records.models import Person
    from vigil.watch.notify import notify_changes

    subscribe("person", "Reza Karimi", actor, email="outside@example.org")
    ingest_and_link(EXECUTED, source, actor, "2025-03-13")
    assert notify_changes(actor) | {"at": ""} == {"changes": 1, "sent": 0, "failed": 0, "at": ""}
    assert smtp_server.messages == []
    # after a reviewer publishes the person, the next change reaches them
    publish_person(Person.objects.get(name_latin="Reza Karimi"), actor, reason="verified")
    assert Person.objects.get(name_latin="Reza Karimi").published
