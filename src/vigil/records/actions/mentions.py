"""Turning extractor output and list rows into Mentions (and Claims, Campaign events)."""
from __future__ import annotations

from django.db import transaction

from vigil.records.actions.audit import Actor, audit
from vigil.records.models import Campaign, CampaignEvent, Claim, Document, Mention, Source

_SECTIONS = (("cases", "case"), ("groups", "group"), ("campaigns", "campaign"), ("claims", "claim"))


@transaction.atomic
def add_extraction(document: Document, extracted: dict, *, extractor: str, version: str,
                   actor: Actor) -> list[Mention]:
    """Store one document's extraction (exchange format) as Mentions; idempotent per extractor version."""
    existing = document.mentions.filter(extractor=extractor, extractor_version=version)
    if existing.exists():
        return list(existing)
    created = [_mention(document, kind, item, extractor, version)
               for section, kind in _SECTIONS for item in extracted.get(section, [])]
    for mention in created:
        _attach(mention)
    audit("document.extract", actor, document, extractor=extractor, version=version, mentions=len(created))
    return created


def _mention(document: Document, kind: str, item: dict, extractor: str, version: str) -> Mention:
    spans = item.get("spans") or {}
    bounds = [tuple(s) for s in spans.values() if isinstance(s, (list, tuple)) and len(s) == 2]
    data = {k: v for k, v in item.items() if k not in ("spans", "confidence")}
    data["spans"] = spans
    return Mention.objects.create(
        kind=kind, source=document.source, document=document, data=data,
        span_start=min((a for a, _ in bounds), default=None), span_end=max((b for _, b in bounds), default=None),
        extractor=extractor, extractor_version=version, confidence=item.get("confidence"))


def _attach(mention: Mention) -> None:
    """Create the typed rows that a claim or campaign mention stands for."""
    data = mention.data
    if mention.kind == "claim" and isinstance(data.get("value"), (int, float)):
        Claim.objects.create(
            mention=mention, quantity=data.get("quantity") or "executions", value=data["value"],
            qualifier=data.get("qualifier") or "exactly", start=data.get("start") or "",
            end=data.get("end") or "", scope=data.get("scope") or "",
            attributed_to=data.get("attributed_to") or "", text=data.get("text") or "")
    elif mention.kind == "campaign":
        _attach_campaign_event(mention, data)


def _attach_campaign_event(mention: Mention, data: dict) -> None:
    """Reports of one campaign event (same campaign, week and date) share one CampaignEvent:
    its prisons are the union the reports name and its participants the largest number given."""
    campaign, _ = Campaign.objects.get_or_create(
        name=data.get("name") or "Unnamed protest", defaults={"kind": data.get("kind") or "hunger_strike"})
    date, week = _day(data.get("date")), data.get("week")
    event = CampaignEvent.objects.filter(campaign=campaign, date=date, week=week).first()
    if event is None:
        event = CampaignEvent(campaign=campaign, date=date, week=week, prisons=[])
    event.prisons = sorted(set(event.prisons) | set(data.get("prisons") or []))
    counts = [n for n in (event.participants, data.get("participants")) if isinstance(n, int)]
    event.participants = max(counts) if counts else None
    event.outcome = event.outcome or data.get("outcome") or ""
    event.save()
    event.mentions.add(mention)


def _day(value: str | None):
    return value if value and len(value) == 10 else None


@transaction.atomic
def add_list_row(source: Source, record_id: str, fields: dict, *, actor: Actor, update: bool = False,
                 reason: str = "") -> tuple[Mention, str]:
    """Store one imported list row as a case Mention; return (mention, 'created'|'updated'|'unchanged'|'skipped')."""
    if not record_id:
        raise ValueError(f"list rows of {source} need a record id")
    mention = Mention.objects.select_for_update().filter(source=source, record_id=record_id).first()
    if mention is None:
        mention = Mention.objects.create(kind="case", source=source, record_id=record_id, data=fields,
                                         extractor="list-import", state="confirmed", confidence=1.0)
        audit("mention.import", actor, mention, record_id=record_id)
        return mention, "created"
    if mention.data == fields:
        return mention, "unchanged"
    if not update:
        return mention, "skipped"
    changes = {k: [mention.data.get(k), v] for k, v in fields.items() if mention.data.get(k) != v}
    mention.data = fields
    mention.save(update_fields=["data"])
    audit("mention.update", actor, mention, reason=reason or "list re-import", record_id=record_id, changes=changes)
    return mention, "updated"
