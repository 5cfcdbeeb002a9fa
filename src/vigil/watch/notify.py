"""Detecting changes of current status after a link run, and alerting subscribers once per change.

Run it after linking: ``vigil link && vigil watch run`` (or ``vigil watch run --link``).
Each run compares every person's derived current status with their :class:`StatusSnapshot`;
a difference becomes one :class:`StatusChange`, the snapshot is updated, and each matching
subscription gets one e-mail and/or one signed webhook (an :class:`Alert` row each, unique
per change, subscription and channel). The very first run (no earlier 'watch.detect' audit
event) only records the baseline.
"""
from __future__ import annotations

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from vigil.core import watch as core
from vigil.records.actions import Actor, audit
from vigil.records.models import AuditEvent, Person
from vigil.watch import delivery
from vigil.watch.models import Alert, StatusChange, StatusSnapshot, Subscription
from vigil.watch.status import current_statuses

STATUS_WORDS = {"": "not recorded", "arrested": "arrested", "sentenced": "sentenced to death",
                "upheld": "death sentence upheld", "at_risk": "at imminent risk of execution",
                "executed": "executed", "halted": "execution halted", "commuted": "sentence commuted",
                "forgiven": "forgiven / pardoned", "died_in_custody": "died in custody"}


def detect_changes(actor: Actor) -> list[StatusChange]:
    """Compare current statuses with the snapshots; record and return the changes."""
    statuses = current_statuses()
    snapshots = {s.person_id: s for s in StatusSnapshot.objects.all()}
    baseline = not AuditEvent.objects.filter(action="watch.detect").exists()
    before = {pk: (s.status, s.date) for pk, s in snapshots.items()}
    after = {pk: (s.status, s.date) for pk, s in statuses.items()}
    found = [] if baseline else core.changes(before, after)
    persons = Person.objects.in_bulk([c.person for c in found])
    with transaction.atomic():
        records = [_record(persons[c.person], c, statuses[c.person]) for c in found]
        _save_snapshots(statuses, snapshots)
        audit("watch.detect", actor, changes=len(records), persons=len(statuses), baseline=baseline)
    return records


def _record(person: Person, change: core.Change, status: core.CurrentStatus) -> StatusChange:
    event = status.event
    details = {key: event.get(key) for key in ("prison", "city", "province", "charges", "grade")}
    details.update(sources=list(status.sources), documents=event.get("documents", []),
                   at_risk_since=status.at_risk_since, case_charges=sorted(
                       {c for case in person.cases.all() for c in (case.charges or [])}))
    return StatusChange.objects.create(person=person, person_public_id=person.public_id, previous=change.previous,
                                       previous_date=change.previous_date, current=change.current,
                                       date=change.date, details=details)


def _save_snapshots(statuses: dict, snapshots: dict) -> None:
    new, changed, now = [], [], timezone.now()
    for pk, status in statuses.items():
        values = (status.status, status.date, status.at_risk_since)
        snap = snapshots.get(pk)
        if snap is None:
            new.append(StatusSnapshot(person_id=pk, status=values[0], date=values[1], at_risk_since=values[2],
                                      taken_at=now))
        elif (snap.status, snap.date, snap.at_risk_since) != values:
            snap.status, snap.date, snap.at_risk_since = values
            snap.taken_at = now
            changed.append(snap)
    StatusSnapshot.objects.bulk_create(new, batch_size=2000)
    StatusSnapshot.objects.bulk_update(changed, ["status", "date", "at_risk_since", "taken_at"], batch_size=2000)


def matches(subscription: Subscription, change: StatusChange) -> bool:
    """True when a subscription watches the person, prison, province or charge of a change."""
    if change.person is None:
        return False
    details = change.details
    return watches(subscription, change.person, details.get("prison"), details.get("province"),
                   (details.get("charges") or []) + (details.get("case_charges") or []))


def watches(subscription: Subscription, person: Person, prison: str | None, province: str | None,
            charges: list[str]) -> bool:
    """The matching rule: person (public id or any recorded name), prison, province or charge,
    case-insensitively. Subscriptions without a user only see published persons."""
    if subscription.user_id is None and not person.published:
        return False
    value = subscription.value.strip().casefold()
    if subscription.kind == "person":
        names = {person.public_id.casefold()} | {n.casefold() for n in person.names.values_list("name", flat=True)}
        return value in names
    if subscription.kind == "prison":
        return (prison or "").casefold() == value
    if subscription.kind == "province":
        return (province or "").casefold() == value
    if subscription.kind == "charge":
        return value in {c.casefold() for c in charges}
    return False


def payload(change: StatusChange, subscription: Subscription) -> dict:
    """The webhook body (and e-mail content) of one change: public data and public sources only."""
    person = change.person
    details = change.details
    return {
        "type": "status.changed", "change": change.pk, "detected_at": change.detected_at.isoformat(),
        "person": {"id": person.public_id, "name_latin": person.name_latin, "name_fa": person.name_fa},
        "previous": {"status": change.previous, "date": change.previous_date},
        "current": {"status": change.current, "date": change.date},
        "prison": details.get("prison") or "", "city": details.get("city") or "",
        "province": details.get("province") or "", "charges": details.get("charges") or [],
        "grade": details.get("grade") or "", "at_risk_since": details.get("at_risk_since") or "",
        "sources": details.get("documents") or [],
        "subscription": {"id": subscription.pk, "kind": subscription.kind, "value": subscription.value},
    }


def email_text(data: dict) -> tuple[str, str]:
    """Subject and plain-text body of an alert e-mail."""
    name = data["person"]["name_latin"] or data["person"]["name_fa"] or data["person"]["id"]
    context = {**data, "name": name, "previous_words": STATUS_WORDS.get(data["previous"]["status"], ""),
               "current_words": STATUS_WORDS.get(data["current"]["status"], data["current"]["status"])}
    subject = f"[Vigil] {name}: {context['current_words']}"
    return subject, render_to_string("watch/alert_email.txt", context)


def alert(change: StatusChange, subscription: Subscription) -> list[Alert]:
    """Send one change to one subscription on each of its channels (skipping channels already sent)."""
    data = payload(change, subscription)
    sent = []
    if subscription.recipient and not _done(change, subscription, "email"):
        subject, text = email_text(data)
        result = delivery.send_email(subject, text, subscription.recipient)
        sent.append(_log(change, subscription, "email", subscription.recipient, subject, text, result))
    if subscription.webhook_url and not _done(change, subscription, "webhook"):
        body = delivery.encode(data)
        result = delivery.post_webhook(subscription.webhook_url, body, subscription.webhook_secret)
        sent.append(_log(change, subscription, "webhook", subscription.webhook_url, data["type"],
                         body.decode("utf-8"), result))
    return sent


def _done(change: StatusChange, subscription: Subscription, channel: str) -> bool:
    return Alert.objects.filter(change=change, subscription=subscription, channel=channel).exists()


def _log(change, subscription, channel, recipient, subject, body, result: delivery.Delivery) -> Alert:
    return Alert.objects.create(change=change, subscription=subscription, channel=channel, recipient=recipient,
                                subject=subject[:300], body=body, result="sent" if result.ok else "failed",
                                attempts=result.attempts, response=result.response)


def notify_changes(actor: Actor | None = None) -> dict:
    """Detect the changes since the last snapshot and alert every matching subscription.

    Returns counts: changes, alerts sent, alerts failed.
    """
    actor = actor or Actor.system("watch")
    changes = detect_changes(actor)
    subscriptions = list(Subscription.objects.filter(active=True).select_related("user"))
    alerts = [a for change in changes for sub in subscriptions if matches(sub, change) for a in alert(change, sub)]
    counts = {"changes": len(changes), "sent": sum(a.result == "sent" for a in alerts),
              "failed": sum(a.result == "failed" for a in alerts), "at": timezone.now().isoformat()}
    audit("watch.notify", actor, **counts)
    return counts
