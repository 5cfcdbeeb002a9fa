"""The demo pipeline: sample + synthetic reports → documents → mentions → persons, published."""
from __future__ import annotations

from collections import Counter

from vigil.core.progress import progress
from vigil.ingest.pipeline import ingest_bytes, ingest_file
from vigil.ingest.samples import sample_reports
from vigil.records import actions
from vigil.records.actions import Actor
from vigil.records.models import Campaign, Document, Mention, Person, StatusEvent
from vigil.review.linking import link_all


def load_samples(actor: Actor) -> int:
    count = 0
    for path, meta in sample_reports():
        source = actions.ensure_source(meta.get("publisher") or "Sample Monitor", actor,
                                       kind=meta.get("kind") or "ngo",
                                       independence_group=meta.get("independence_group") or "")
        ingest_file(path, source=source, actor=actor, published=meta.get("published"))
        count += 1
    return count


def load_synthetic(actor: Actor, n: int, seed: int) -> int:
    from vigil.core.synth import generate_reports

    count = 0
    for report in progress(generate_reports(n, seed=seed), total=n, desc="synthetic reports"):
        source = actions.ensure_source(report["publisher"], actor, kind=report.get("source_kind") or "ngo",
                                       independence_group=report.get("independence_group") or "")
        ingest_bytes(report["text"].encode("utf-8"), source=source, actor=actor, published=report.get("published"),
                     title=report.get("title") or "", origin_path=f"synthetic:{seed}:{report['id']}")
        count += 1
    return count


def load_bundled_campaigns(actor: Actor) -> int:
    """The packaged public campaign facts (No to Execution Tuesdays, hunger strikes)."""
    from vigil.watch.campaigns import bundled_campaigns

    campaigns = bundled_campaigns()
    actions.load_campaigns(campaigns, actor, reason="demo: bundled campaign facts")
    return len(campaigns)


def load_demo(synthetic: int = 200, seed: int = 1) -> dict:
    """Run the whole demo; every person is published (demo data only) and the counts returned."""
    actor = Actor.system("demo")
    with actions.bulk_capture():
        counts = {"samples": load_samples(actor),
                  "synthetic": load_synthetic(actor, synthetic, seed) if synthetic else 0}
    counts.update(link_all(actor))
    counts["campaigns"] = load_bundled_campaigns(actor)
    for person in Person.objects.filter(published=False, merged_into=None):
        actions.publish_person(person, actor, reason="demo data is public")
    return counts


def summary(counts: dict) -> str:
    mentions = Counter(Mention.objects.values_list("kind", flat=True))
    statuses = Counter(StatusEvent.objects.values_list("status", flat=True))
    grades = Counter(StatusEvent.objects.filter(status="executed").values_list("grade", flat=True))
    lines = [
        f"documents: {Document.objects.count()} ({counts['samples']} sample, {counts['synthetic']} synthetic reports)",
        "mentions: " + ", ".join(f"{k} {v}" for k, v in sorted(mentions.items())),
        f"persons: {Person.objects.filter(merged_into=None).count()}; campaigns: {Campaign.objects.count()}",
        "status events: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())),
        "executions by grade: " + ", ".join(f"{k} {v}" for k, v in sorted(grades.items())),
    ]
    return "\n".join(lines)
