"""Capturing documents: evidentiary copy, hash and chain of custody."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

import vigil
from vigil.core.evidence import EvidenceStore, sha256_hex
from vigil.records.actions.audit import Actor, audit
from vigil.records.models import CustodyEvent, Document, Source
from vigil.site.config import evidence_dir


def evidence_store() -> EvidenceStore:
    return EvidenceStore(evidence_dir())


def record_custody(document: Document, step: str, actor: Actor, **detail) -> CustodyEvent:
    """Append one step to a document's chain of custody."""
    return CustodyEvent.objects.create(document=document, step=step, actor=actor.name,
                                       sha256=document.sha256, detail=detail)


def capture_document(content: bytes, *, source: Source, actor: Actor, text: str = "",
                     origin_url: str = "", origin_path: str = "", **meta) -> tuple[Document, bool]:
    """Store a report's original bytes and create its Document; return (document, created).

    The same bytes captured again return the existing document. New bytes at a URL that
    was captured before become a new version linked to the latest earlier one.
    """
    sha = sha256_hex(content)
    existing = Document.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing, False
    evidence_store().store(content)  # outside the transaction: the file is content-addressed
    with transaction.atomic():
        previous = _latest_version(origin_url)
        document = Document.objects.create(
            source=source, sha256=sha, size=len(content), text=text, origin_url=origin_url,
            origin_path=origin_path, captured_at=timezone.now(), version_of=previous,
            tool_version=f"vigil {vigil.__version__}", operator=actor.name, **meta)
        record_custody(document, "captured", actor, origin=origin_url or origin_path, size=len(content))
        record_custody(document, "hashed", actor, algorithm="sha256")
        record_custody(document, "stored", actor, store="content-addressed")
        audit("document.capture", actor, document, sha256=sha, version_of=previous.pk if previous else None)
    return document, True


def _latest_version(origin_url: str) -> Document | None:
    if not origin_url:
        return None
    return Document.objects.filter(origin_url=origin_url).order_by("-captured_at", "-pk").first()
