"""Watch subscriptions and campaign records: written here, with their audit events."""
from __future__ import annotations

import secrets

from django.db import transaction

from vigil.records.actions.audit import Actor, audit
from vigil.records.models import Campaign, CampaignEvent

KINDS = ("person", "prison", "province", "charge")


@transaction.atomic
def subscribe(kind: str, value: str, actor: Actor, *, user=None, email: str = "", webhook_url: str = "",
              webhook_secret: str = "", email_alerts: bool = True):
    """Create a subscription; a webhook without a secret gets a random one. Returns it."""
    from vigil.watch.models import Subscription

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    if not value.strip():
        raise ValueError("a subscription needs a value")
    if not (user or email or webhook_url):
        raise ValueError("a subscription needs a user, an e-mail address or a webhook URL")
    if webhook_url and not webhook_secret:
        webhook_secret = secrets.token_hex(32)
    sub = Subscription.objects.create(kind=kind, value=value.strip(), user=user, email=email,
                                      webhook_url=webhook_url, webhook_secret=webhook_secret,
                                      email_alerts=email_alerts and bool(email or getattr(user, "email", "")))
    sub.full_clean()
    audit("watch.subscribe", actor, sub, kind=kind, value=sub.value, email=bool(sub.recipient),
          webhook=bool(webhook_url))
    return sub


@transaction.atomic
def unsubscribe(subscription, actor: Actor, *, reason: str = ""):
    """Deactivate a subscription (kept for the alert log)."""
    subscription.active = False
    subscription.save(update_fields=["active"])
    audit("watch.unsubscribe", actor, subscription, reason=reason)
    return subscription


@transaction.atomic
def load_campaigns(campaigns: list[dict], actor: Actor, *, reason: str = "") -> dict:
    """Create or update campaigns and their events from plain dicts (see vigil/watch/data/campaigns.json).

    An event is identified by its campaign and (week, date); loading twice changes nothing.
    """
    created = updated = 0
    for data in campaigns:
        campaign, new = Campaign.objects.update_or_create(name=data["name"], defaults={
            "kind": data.get("kind") or "hunger_strike", "started": data.get("started") or None,
            "ended": data.get("ended") or None, "demands": data.get("demands") or "",
            "outcome": data.get("outcome") or ""})
        created += new
        for event in data.get("events") or []:
            values = {"prisons": event.get("prisons") or [], "participants": event.get("participants"),
                      "outcome": event.get("outcome") or ""}
            same = CampaignEvent.objects.filter(campaign=campaign, week=event.get("week"), date=event.get("date") or None)
            if same.exists():
                same.update(**values)
                updated += 1
            else:
                CampaignEvent.objects.create(campaign=campaign, week=event.get("week"),
                                             date=event.get("date") or None, **values)
    audit("campaigns.load", actor, reason=reason, campaigns=len(campaigns), created=created, events_updated=updated)
    return {"campaigns": len(campaigns), "created": created}
