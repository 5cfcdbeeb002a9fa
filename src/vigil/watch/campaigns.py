"""Campaign timelines from the Campaign/CampaignEvent rows (see :mod:`vigil.core.campaigns`)."""
from __future__ import annotations

import json
from importlib import resources

from vigil.core import campaigns as core
from vigil.records.models import Campaign


def bundled_campaigns() -> list[dict]:
    """The campaign facts packaged in vigil/watch/data/campaigns.json."""
    text = resources.files("vigil.watch").joinpath("data/campaigns.json").read_text("utf-8")
    return json.loads(text)["campaigns"]


def campaign_fa(name: str) -> dict:
    """Persian name, demands and outcome of a bundled campaign (``{}`` for others)."""
    for campaign in bundled_campaigns():
        if campaign["name"] == name:
            return campaign.get("fa") or {}
    return {}


def campaign_dict(campaign: Campaign) -> dict:
    """A Campaign row and its events as plain data."""
    return {"name": campaign.name, "kind": campaign.kind, "started": campaign.started, "ended": campaign.ended,
            "demands": campaign.demands, "outcome": campaign.outcome,
            "events": [{"date": str(e.date) if e.date else None, "week": e.week, "prisons": list(e.prisons or []),
                        "participants": e.participants, "outcome": e.outcome} for e in campaign.events.all()]}


def timelines(at_risk: list[dict] | None = None, *, start=None, end=None) -> list[dict]:
    """Every campaign's timeline, linked to the people at risk in its prisons.

    With ``start``/``end`` (dates), only campaigns with a start or an event in that range, or
    with no dates at all, are kept; a weekly campaign keeps all its weeks up to ``end`` so its
    growth shows.
    """
    out = []
    for campaign in Campaign.objects.prefetch_related("events").order_by("started", "name"):
        data = campaign_dict(campaign)
        if start and end and not _overlaps(data, start, end):
            continue
        if end:
            data["events"] = [e for e in data["events"] if not e["date"] or e["date"] <= str(end)]
        out.append(core.timeline(data, at_risk))
    return out


def _overlaps(data: dict, start, end) -> bool:
    days = [str(d) for d in [data["started"], data["ended"]] + [e["date"] for e in data["events"]] if d]
    if not days:
        return True
    first, last = min(days), max(days + ([str(end)] if not data["ended"] else []))
    return first <= str(end) and last >= str(start)
