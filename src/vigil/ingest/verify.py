"""Re-hash every evidentiary copy and record the result in each chain of custody."""
from __future__ import annotations

from collections import Counter

from vigil.records.actions import Actor, audit, record_custody
from vigil.records.actions.documents import evidence_store
from vigil.records.models import Document


def verify_all(actor: Actor) -> tuple[Counter, list[str]]:
    """Check every document's copy; return counts by result and one line per problem."""
    store = evidence_store()
    counts: Counter = Counter()
    problems: list[str] = []
    for document in Document.objects.order_by("pk").iterator():
        result = store.check(document.sha256)
        counts[result] += 1
        record_custody(document, "verified" if result == "ok" else "verify_failed", actor, result=result)
        if result != "ok":
            problems.append(f"document {document.public_id} ({document}): evidentiary copy {result}"
                            f" — expected SHA-256 {document.sha256} at {store.path_for(document.sha256)}")
    audit("evidence.verify", actor, **dict(counts))
    return counts, problems
