"""Capturing documents: evidentiary copy, hash and chain of custody."""
from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

import vigil
from vigil.core.evidence import EvidenceStore, flush
from vigil.records.actions.audit import Actor, audit
from vigil.records.models import CustodyEvent, Document, Source
from vigil.site.config import evidence_dir


_SYNC = {"per_file": True}


def evidence_store() -> EvidenceStore:
    return EvidenceStore(evidence_dir(), sync=_SYNC["per_file"])


@contextmanager
def bulk_capture():
    """Within this block evidentiary copies are not fsync'd one by one but all at once at its end.

    A crash inside the block can lose copies written since its start; ``vigil verify``
    reports them and ingesting the same files again restores them.
    """
    _SYNC["per_file"] = False
    try:
        yield
    finally:
        _SYNC["per_file"] = True
        flush()


def _custody(document: Document, step: str, actor: Actor, **detail) -> CustodyEvent:
    return CustodyEvent(document=document, step=step, actor=actor.name, sha256=document.sha256, detail=detail,
                        at=timezone.now())


def record_custody(document: Document, step: str, actor: Actor, **detail) -> CustodyEvent:
    """Append one step to a document's chain of custody."""
    event = _custody(document, step, actor, **detail)
    event.save()
    return event


def capture_document(content: bytes, *, source: Source, actor: Actor, text: str = "",
                     origin_url: str = "", origin_path: str = "", **meta) -> tuple[Document, bool]:
    """Store a report's original bytes and create its Document; return (document, created).

    The same bytes captured again return the existing document. New bytes at a URL that
    was captured before become a new version linked to the latest earlier one.
    """
    sha = evidence_store().store(content)  # idempotent; also restores a copy lost in a crash
    existing = Document.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        previous = _latest_version(origin_url)
        document = Document.objects.create(
            source=source, sha256=sha, size=len(content), text=text, origin_url=origin_url,
            origin_path=origin_path, captured_at=timezone.now(), version_of=previous,
            tool_version=f"vigil {vigil.__version__}", operator=actor.name, **meta)
        CustodyEvent.objects.bulk_create([
            _custody(document, "captured", actor, origin=origin_url or origin_path, size=len(content)),
            _custody(document, "hashed", actor, algorithm="sha256"),
            _custody(document, "stored", actor, store="content-addressed")])
        audit("document.capture", actor, document, sha256=sha, version_of=previous.pk if previous else None)
    return document, True


def _latest_version(origin_url: str) -> Document | None:
    if not origin_url:
        return None
    return Document.objects.filter(origin_url=origin_url).order_by("-captured_at", "-pk").first()
