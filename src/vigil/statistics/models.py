"""A frozen figure set: what was counted, when, and which cases it counted."""
from __future__ import annotations

from django.db import models


class Snapshot(models.Model):
    """Figures as computed at one moment, with the case ids and case state behind them.

    ``cases`` holds, for every case with an event of the filter's status (any grade, any
    date), its person, grade, date and mention ids, so a later snapshot can say why a case
    entered or left a figure (new reports, merges, grade or date changes).
    """

    name = models.CharField(max_length=200, db_index=True)
    taken_at = models.DateTimeField(auto_now_add=True, db_index=True)
    filter = models.JSONField(default=dict)
    figures = models.JSONField(default=dict)
    case_ids = models.JSONField(default=list, help_text="Public ids of the cases the headline figure counted")
    cases = models.JSONField(default=dict, help_text="Case public id → {person, grade, date, status, mentions}")
    note = models.TextField(blank=True)
    taken_by = models.CharField(max_length=150, blank=True)
    tool_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-taken_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.taken_at:%Y-%m-%d %H:%M})"
