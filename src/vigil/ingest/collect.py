"""Ingesting paths, URLs and feeds: many reports at once, each failure reported, none fatal."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from vigil.core.feeds import FeedError, looks_like_feed, parse_feed
from vigil.core.fetch import FetchError, fetch
from vigil.core.reading import UnreadableDocument
from vigil.ingest.models import Feed, FeedEntry
from vigil.ingest.pipeline import IngestResult, ingest_bytes, ingest_file
from vigil.records.actions import Actor
from vigil.records.models import Source

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf", ".eml")


@dataclass
class Outcome:
    new: list[IngestResult] = field(default_factory=list)
    known: list[IngestResult] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def add(self, result: IngestResult) -> None:
        (self.new if result.created else self.known).append(result)

    def summary(self) -> str:
        mentions = sum(r.mentions for r in self.new)
        return (f"{len(self.new)} new documents ({mentions} mentions), {len(self.known)} already captured, "
                f"{len(self.failed)} failed")


def files_under(path: Path) -> Iterator[Path]:
    """The report files at ``path``: the file itself, or every report file below a folder, sorted."""
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    else:
        yield path


def ingest_target(target: str, outcome: Outcome, *, source: Source, actor: Actor, published: str | None,
                  extract: bool = True) -> None:
    """Ingest one command-line target: a URL (page or feed) or a path (file or folder)."""
    if target.startswith(("http://", "https://")):
        _guard(outcome, target, lambda: ingest_url(target, outcome, source=source, actor=actor, published=published))
        return
    path = Path(target)
    if not path.exists():
        outcome.failed.append(f"{target}: no such file or folder")
        return
    for file in files_under(path):
        _guard(outcome, str(file), lambda f=file: outcome.add(
            ingest_file(f, source=source, actor=actor, published=published, extract=extract)))


def _guard(outcome: Outcome, origin: str, step) -> None:
    try:
        step()
    except (UnreadableDocument, FetchError, FeedError, OSError) as exc:
        message = str(exc)
        outcome.failed.append(message if message.startswith(origin) else f"{origin}: {message}")


def ingest_url(url: str, outcome: Outcome, *, source: Source, actor: Actor, published: str | None = None) -> None:
    page = fetch(url)
    if looks_like_feed(page.content):
        feed, _ = Feed.objects.get_or_create(url=url, defaults={"source": source})
        poll_feed(feed, outcome, actor=actor, content=page.content)
        return
    outcome.add(ingest_bytes(page.content, source=source, actor=actor, origin_url=page.final_url,
                             published=published, media_type=page.media_type or None))


def poll_feed(feed: Feed, outcome: Outcome, *, actor: Actor, content: bytes | None = None) -> None:
    """Take the feed's new items (each once), fetching each item's page when it has a link."""
    content = content if content is not None else fetch(feed.url).content
    seen = set(feed.entries.values_list("entry_id", flat=True))
    for item in parse_feed(content, feed.url):
        if item.id in seen:
            continue
        result = _ingest_item(feed, item, actor)
        outcome.add(result)
        FeedEntry.objects.create(feed=feed, entry_id=item.id, document=result.document)
        seen.add(item.id)
    feed.last_polled = timezone.now()
    feed.save(update_fields=["last_polled"])


def _ingest_item(feed: Feed, item, actor: Actor) -> IngestResult:
    if item.link:
        try:
            page = fetch(item.link)
            return ingest_bytes(page.content, source=feed.source, actor=actor, origin_url=page.final_url,
                                published=item.published, title=item.title, media_type=page.media_type or None)
        except FetchError:
            pass  # fall back to the content the feed itself carries
    return ingest_bytes(item.content.encode("utf-8"), source=feed.source, actor=actor,
                        origin_url=item.link or "", origin_path=f"feed:{feed.url}#{item.id}",
                        published=item.published, title=item.title, media_type="text/html")
