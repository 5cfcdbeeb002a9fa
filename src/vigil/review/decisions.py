"""A researcher's merge or split: recorded with a reason, audited, reversible."""
from __future__ import annotations

from django.db import transaction

from vigil.records.actions import Actor, audit
from vigil.records.models import LinkDecision, Mention
from vigil.review.models import ReviewPair


@transaction.atomic
def decide(a: Mention, b: Mention, kind: str, actor: Actor, reason: str) -> LinkDecision:
    """Record that two mentions are the same person ('must_link') or not ('cannot_link')."""
    if not reason.strip():
        raise ValueError("a merge or split needs a reason")
    if a.pk == b.pk:
        raise ValueError("a mention is always the same person as itself")
    low, high = sorted((a, b), key=lambda m: m.pk)
    LinkDecision.objects.filter(mention_a=low, mention_b=high, superseded=False).update(superseded=True)
    decision = LinkDecision.objects.create(mention_a=low, mention_b=high, decision=kind, automatic=False,
                                           author=actor.user if getattr(actor.user, "pk", None) else None,
                                           reason=reason)
    ReviewPair.objects.filter(mention_a=low, mention_b=high).update(open=False)
    audit(f"link.{kind}", actor, decision, reason=reason, mentions=[low.pk, high.pk])
    return decision


@transaction.atomic
def undo(decision: LinkDecision, actor: Actor, reason: str) -> None:
    """Withdraw a human decision; the next linkage run decides that pair again."""
    if not reason.strip():
        raise ValueError("undoing a decision needs a reason")
    decision.superseded = True
    decision.save(update_fields=["superseded"])
    audit("link.undo", actor, decision, reason=reason)
