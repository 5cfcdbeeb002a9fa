"""Reverting a record to an earlier version from its django-simple-history, audited."""
from __future__ import annotations

from django.db import transaction

from vigil.records.actions.audit import Actor, audit

#: Fields a revert never touches: publication is only changed by publish_person (a reviewer's call).
PRESERVED = {"published"}


@transaction.atomic
def revert_to(historical, actor: Actor, *, reason: str):
    """Restore the record that ``historical`` (a simple-history row) is a version of.

    Copies the version's field values onto the current record (except ``published``),
    saves it with ``reason`` as the change reason, and audits which fields changed.
    """
    if not reason.strip():
        raise ValueError("a revert needs a reason")
    model = historical.instance_type
    current = model.objects.select_for_update().get(pk=historical.instance.pk)
    old = historical.instance
    names = [f.attname for f in model._meta.concrete_fields
             if not f.primary_key and f.attname not in PRESERVED and hasattr(old, f.attname)
             and f.attname in {hf.attname for hf in historical._meta.fields}]
    changed = sorted(n for n in names if getattr(current, n) != getattr(old, n))
    for name in changed:
        setattr(current, name, getattr(old, name))
    current._change_reason = f"revert to version {historical.history_id}: {reason}"
    current.save()
    audit("record.revert", actor, current, reason=reason, version=historical.history_id, fields=changed)
    return current
