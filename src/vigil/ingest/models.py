"""Feeds that Vigil polls, and the items it has already taken from them."""
from __future__ import annotations

from django.db import models

from vigil.records.models import Document, Source


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="feeds")
    interval_minutes = models.PositiveIntegerField(default=60)
    active = models.BooleanField(default=True)
    last_polled = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.url


class FeedEntry(models.Model):
    """An item seen in a feed: taken once, never again."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    entry_id = models.CharField(max_length=1000)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL)
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "entry_id"], name="feed_entry_once")]
