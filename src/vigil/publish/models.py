"""The public data version: two counters that move only when PUBLIC data changes.

``figures`` moves when anything the aggregates, facets, lists, searches and feeds read
changes (a published person's public fields or names, the case and status events of a
published person, a publication or unpublication); ``pages`` moves with ``figures`` and also
when only a page's detail changes (the sources and evidentiary copies cited on a published
person's page, campaigns). Writes to unpublished records, pending mentions, newly ingested
documents, audit rows, review pairs and link decisions move neither.
See :mod:`vigil.publish.versions` (which bumps them) and :mod:`vigil.publish.cache` (which reads them).
"""
from __future__ import annotations

from django.db import models


class PublicVersion(models.Model):
    """One row (pk 1)."""

    figures = models.BigIntegerField(default=0)
    pages = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"figures {self.figures}, pages {self.pages}"
