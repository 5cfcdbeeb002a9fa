"""The review queue: pairs of mentions the linkage could not decide on its own."""
from __future__ import annotations

from django.db import models

from vigil.records.models import Mention


class ReviewPair(models.Model):
    """An uncertain pair from the last linkage run, waiting for a researcher's decision."""

    mention_a = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    mention_b = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField()
    open = models.BooleanField(default=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-probability", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["mention_a", "mention_b"], name="review_pair_once"),
            models.CheckConstraint(condition=models.Q(mention_a__lt=models.F("mention_b")), name="review_pair_ordered"),
        ]
