"""Ingesting one report: capture → hash → store → text → extract → mentions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from vigil.ingest.extraction import run_extractor
from vigil.core.reading import read_text
from vigil.records import actions
from vigil.records.actions import Actor
from vigil.records.models import Document, Source


@dataclass
class IngestResult:
    document: Document
    created: bool
    mentions: int


def ingest_bytes(content: bytes, *, source: Source, actor: Actor, origin_url: str = "", origin_path: str = "",
                 published: str | None = None, title: str = "", extract: bool = True,
                 media_type: str | None = None) -> IngestResult:
    """Capture one report and extract its mentions; the same bytes twice give one document."""
    origin = origin_url or origin_path or "<bytes>"
    read = read_text(content, origin, media_type)
    document, created = actions.capture_document(
        content, source=source, actor=actor, text=read.text, origin_url=origin_url, origin_path=origin_path,
        title=title or read.title, language=read.language, published=published or "", media_type=read.media_type)
    if created:
        actions.record_custody(document, "text_extracted", actor, media_type=read.media_type,
                               language=read.language, characters=len(read.text))
    mentions = extract_document(document, actor) if extract else 0
    return IngestResult(document, created, mentions)


def extract_document(document: Document, actor: Actor) -> int:
    """Run the extractor on a document (once per extractor version) and store its mentions."""
    output, name, version = run_extractor(document.text, published=document.published or None,
                                          language=document.language or None)
    with transaction.atomic():
        before = document.mentions.count()
        mentions = actions.add_extraction(document, output, extractor=name, version=version, actor=actor)
        if document.mentions.count() != before:
            actions.record_custody(document, "mentions_extracted", actor, extractor=name, version=version,
                                   mentions=len(mentions))
    return len(mentions)


def ingest_file(path: Path, *, source: Source, actor: Actor, published: str | None = None,
                extract: bool = True) -> IngestResult:
    return ingest_bytes(Path(path).read_bytes(), source=source, actor=actor, origin_path=str(path),
                        published=published, extract=extract)
