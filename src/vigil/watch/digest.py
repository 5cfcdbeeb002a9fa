"""The daily digest: one e-mail per recipient with the changes of the last day and who is at risk now.

For cron, e.g. ``0 6 * * * vigil digest``. A recipient with nothing to report gets no
e-mail unless ``always`` is set. Each e-mail is logged as an Alert (channel 'digest').
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from vigil.records.actions import Actor, audit
from vigil.watch import delivery
from vigil.watch.models import Alert, StatusChange, Subscription
from vigil.watch.notify import matches, watches
from vigil.watch.status import watch_list


def _change_row(change: StatusChange) -> dict:
    person = change.person
    return {"person": change.person_public_id, "name": str(person) if person else change.person_public_id,
            "previous": change.previous, "current": change.current, "date": change.date,
            "prison": change.details.get("prison") or "", "sources": change.details.get("sources") or []}


def digest_for(subscriptions: list[Subscription], changes: list[StatusChange], at_risk: list) -> dict:
    """What one recipient's digest holds: matching changes and watch-list entries."""
    rows = [_change_row(c) for c in changes if any(matches(s, c) for s in subscriptions)]
    entries = [e.to_dict() for e in at_risk
               if any(watches(s, e.person, e.event.get("prison"), e.event.get("province"), e.charges)
                      for s in subscriptions)]
    return {"subscriptions": subscriptions, "changes": rows, "at_risk": entries}


def send_digest(actor: Actor | None = None, *, hours: int = 24, always: bool = False, now=None) -> dict:
    """Send every e-mail recipient their digest; return counts (recipients, sent, failed, skipped)."""
    actor = actor or Actor.system("digest")
    now = now or timezone.now()
    changes = list(StatusChange.objects.filter(detected_at__gte=now - timedelta(hours=hours))
                   .select_related("person"))
    at_risk = watch_list(today=now.date())
    by_recipient: dict[str, list[Subscription]] = defaultdict(list)
    for sub in Subscription.objects.filter(active=True).select_related("user"):
        if sub.recipient:
            by_recipient[sub.recipient].append(sub)
    counts = {"recipients": len(by_recipient), "sent": 0, "failed": 0, "skipped": 0}
    for recipient, subs in sorted(by_recipient.items()):
        content = digest_for(subs, changes, at_risk)
        if not (content["changes"] or content["at_risk"] or always):
            counts["skipped"] += 1
            continue
        subject = f"[Vigil] Daily digest {now:%Y-%m-%d}: {len(content['changes'])} changes, " \
                  f"{len(content['at_risk'])} at risk"
        body = render_to_string("watch/digest_email.txt", {**content, "day": f"{now:%Y-%m-%d}", "hours": hours})
        result = delivery.send_email(subject, body, recipient)
        Alert.objects.create(subscription=subs[0], channel="digest", recipient=recipient, subject=subject,
                             body=body, result="sent" if result.ok else "failed", attempts=result.attempts,
                             response=result.response)
        counts["sent" if result.ok else "failed"] += 1
    audit("watch.digest", actor, **counts)
    return counts
