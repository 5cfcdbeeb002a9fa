"""Linking case mentions into persons with the core engine, under human decisions.

Human decisions (LinkDecision rows that are not automatic and not superseded) are passed
to :func:`vigil.core.link.link` as fixed constraints, so no automatic run undoes them.
Pairs in the review band become open ReviewPairs.
"""
from __future__ import annotations

from django.db import transaction

from vigil.records import actions
from vigil.records.actions import Actor
from vigil.records.models import LinkDecision, Mention
from vigil.records.naming import name_key
from vigil.review.models import ReviewPair

THRESHOLD = 0.5  # the engine's calibrated default (docs/linkage.md)
REVIEW_BAND = (0.1, 0.5)
MIN_FOR_SPLINK = 50


def case_mentions():
    return Mention.objects.filter(kind="case").exclude(state="rejected").select_related("source")


def link_record(mention: Mention) -> dict:
    """A mention in the shape of vigil.core.link.records."""
    data = mention.data
    return {"mention_id": str(mention.pk), "source": mention.source.name,
            "independence_group": mention.source.group, "name": data.get("name") or "",
            "father": data.get("father") or data.get("father_name"), "date": data.get("date"),
            "prison": data.get("prison"), "city": data.get("city"), "province": data.get("province"),
            "age": data.get("age"), "charges": data.get("charges") or [], "nationality": data.get("nationality"),
            "ethnicity": data.get("ethnicity"), "sex": data.get("sex"), "status": data.get("status")}


def human_decisions() -> list[tuple[str, str, str]]:
    rows = LinkDecision.objects.filter(automatic=False, superseded=False)
    return [(str(d.mention_a_id), str(d.mention_b_id), d.decision) for d in rows]


def decisions(mentions) -> list[tuple[str, str, str]]:
    """Human decisions, plus what each report implies about its own cases (one name key = one
    person, different names = different people) wherever no human decided otherwise."""
    from vigil.core.link.documents import same_document_links

    human = human_decisions()
    decided = {tuple(sorted((a, b))) for a, b, _ in human}
    records = [{"mention_id": f"{m.document_id}#{m.pk}", "name": m.data.get("name") or ""}
               for m in mentions if m.document_id and not m.record_id]
    implied = [(a.split("#")[1], b.split("#")[1], kind) for a, b, kind in same_document_links(records)]
    return human + [d for d in implied if tuple(sorted(d[:2])) not in decided]


def clusters_by_name_key(mentions) -> dict[int, str]:
    """Fallback for tiny collections: same cross-script name key = same person."""
    return {m.pk: name_key(m.data.get("name") or f"mention-{m.pk}") for m in mentions}


def link_all(actor: Actor, *, threshold: float = THRESHOLD) -> dict:
    """Link every case mention into persons, rebuild their cases and refresh the review queue."""
    mentions = list(case_mentions())
    if len(mentions) < MIN_FOR_SPLINK:
        return actions.apply_clusters(_with_decisions(clusters_by_name_key(mentions)), actor)
    from vigil.core.link import link

    result = link([link_record(m) for m in mentions], threshold=threshold, review_band=REVIEW_BAND,
                  fixed=decisions(mentions))
    clusters = {int(mid): person for mid, person in result.clusters.items()}
    with transaction.atomic():
        counts = actions.apply_clusters(clusters, actor)
        counts["review"] = _refresh_queue(result.review)
    return counts


def _with_decisions(clusters: dict[int, str]) -> dict[int, str]:
    """Apply human decisions to fallback clusters: must-link joins, cannot-link separates."""
    for a, b, kind in human_decisions():
        a, b = int(a), int(b)
        if a not in clusters or b not in clusters:
            continue
        if kind == "must_link":
            old, new = clusters[b], clusters[a]
            clusters.update({k: new for k, v in clusters.items() if v == old})
        elif clusters[a] == clusters[b]:
            clusters[b] = f"{clusters[b]}#apart-from-{a}"
    return clusters


def _refresh_queue(review) -> int:
    ReviewPair.objects.filter(open=True).delete()
    pairs = [ReviewPair(mention_a_id=min(int(a), int(b)), mention_b_id=max(int(a), int(b)), probability=float(p))
             for a, b, p in zip(review["mention_id_l"], review["mention_id_r"], review["match_probability"])]
    ReviewPair.objects.bulk_create(pairs, ignore_conflicts=True)
    return len(pairs)
