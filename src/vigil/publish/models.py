"""The public data version: counters that move only when PUBLIC data changes.

``columns`` moves when the data the precomputed columns hold change (a publication or
unpublication, a published person's sex, ethnicity, nationality or juvenile flag, the case
or status events of a published person); ``figures`` moves with it and also when anything
else the aggregates, lists, searches and feeds read changes (a published person's names or
birth year); ``pages`` moves with ``figures`` and also when only a page's detail changes (the
sources and evidentiary copies cited on a published person's page, campaigns); ``api`` moves
with ``pages`` and also when something only the anonymous read API shows changes (a
published person's father's name, religion, origin or merge; any mention, document, source
or claim: the API lists documents and claims no page cites). Writes to unpublished records
(persons, names, cases, events), private notes, audit rows, review pairs and link decisions
move none; pending mentions and newly ingested documents move only ``api``.
See :mod:`vigil.publish.versions` (which bumps them) and :mod:`vigil.publish.cache` (which reads them).
"""
from __future__ import annotations

from django.db import models


class PublicVersion(models.Model):
    """One row (pk 1)."""

    figures = models.BigIntegerField(default=0)
    pages = models.BigIntegerField(default=0)
    columns = models.BigIntegerField(default=0, help_text="moves when the precomputed columns' data change")
    api = models.BigIntegerField(default=0, help_text="moves with pages and when only the anonymous API's data change")

    def __str__(self) -> str:
        return f"columns {self.columns}, figures {self.figures}, pages {self.pages}, api {self.api}"
