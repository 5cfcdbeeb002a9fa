"""The public data version: counters that move only when PUBLIC data changes.

``columns`` moves when the data the precomputed columns hold change (a publication or
unpublication, a published person's sex, ethnicity, nationality or juvenile flag, the case
or status events of a published person); ``figures`` moves with it and also when anything
else the aggregates, lists, searches and feeds read changes (a published person's names or
birth year); ``pages`` moves with ``figures`` and also when only a page's detail changes (the
sources and evidentiary copies cited on a published person's page, campaigns). Writes to
unpublished records, pending mentions, newly ingested documents, audit rows, review pairs
and link decisions move none.
See :mod:`vigil.publish.versions` (which bumps them) and :mod:`vigil.publish.cache` (which reads them).
"""
from __future__ import annotations

from django.db import models


class PublicVersion(models.Model):
    """One row (pk 1)."""

    figures = models.BigIntegerField(default=0)
    pages = models.BigIntegerField(default=0)
    columns = models.BigIntegerField(default=0, help_text="moves when the precomputed columns' data change")

    def __str__(self) -> str:
        return f"columns {self.columns}, figures {self.figures}, pages {self.pages}"
