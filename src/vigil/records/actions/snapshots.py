"""Freezing a figure set (versioned statistics), audited like every other write."""
from __future__ import annotations

from django.db import transaction

import vigil
from vigil.core.stats import Filter
from vigil.records.actions.audit import Actor, audit


@transaction.atomic
def take_snapshot(name: str, actor: Actor, *, flt: Filter | None = None, note: str = ""):
    """Compute and store a :class:`~vigil.statistics.models.Snapshot` of ``flt``'s figures."""
    from vigil.statistics.models import Snapshot
    from vigil.statistics.snapshots import case_state, figure_set

    flt = flt or Filter()
    figures = figure_set(flt)
    snapshot = Snapshot.objects.create(
        name=name, filter=flt.to_dict(), figures=figures, case_ids=figures["total"]["case_ids"],
        cases=case_state(flt), note=note, taken_by=actor.name, tool_version=vigil.__version__)
    audit("statistics.snapshot", actor, snapshot, name=name, value=figures["total"]["value"])
    return snapshot
