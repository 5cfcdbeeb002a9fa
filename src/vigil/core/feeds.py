"""RSS and Atom feeds: the items of a feed as plain data."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass

MAX_ITEMS = 1_000  # feeds list the newest first; real ones carry 10–100 items


class FeedError(Exception):
    """The bytes are not a readable feed."""


@dataclass(frozen=True)
class FeedItem:
    id: str
    link: str
    title: str
    published: str | None  # YYYY-MM-DD
    content: str


def parse_feed(content: bytes, origin: str, max_items: int = MAX_ITEMS) -> list[FeedItem]:
    """Items of an RSS/Atom feed, at most ``max_items`` (the newest first, as the feed lists them)."""
    import feedparser

    parsed = feedparser.parse(_first_items(content, max_items))
    if parsed.bozo and not parsed.entries:
        raise FeedError(f"{origin}: not a readable feed ({parsed.get('bozo_exception')})")
    return [_item(entry) for entry in parsed.entries[:max_items]]


_ITEM_END = re.compile(rb"</(?:[A-Za-z0-9_]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def _first_items(content: bytes, max_items: int) -> bytes:
    """The feed cut after its ``max_items``-th item, so a huge feed costs no more than the bound.

    The lenient parser reads the cut feed's items; the closing tags are simply absent."""
    for count, match in enumerate(_ITEM_END.finditer(content), 1):
        if count == max_items:
            return content[:match.end()]
    return content


def _item(entry) -> FeedItem:
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    content = ""
    if entry.get("content"):
        content = entry["content"][0].get("value", "")
    content = content or entry.get("summary", "")
    link = entry.get("link", "")
    return FeedItem(id=entry.get("id") or link or entry.get("title", ""), link=link,
                    title=entry.get("title", ""), published=time.strftime("%Y-%m-%d", when) if when else None,
                    content=content)


def looks_like_feed(content: bytes) -> bool:
    head = content[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or head.startswith((b"<rss", b"<feed"))
