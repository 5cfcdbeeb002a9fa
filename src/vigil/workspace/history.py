"""A record's versions (django-simple-history) with field-level changes, and its audit events."""
from __future__ import annotations

from django.http import Http404

from vigil.records.models import AuditEvent, Case, Document, Mention, Person, Source, StatusEvent
from vigil.workspace.access import SENSITIVE

#: URL name → (model, lookup field). Records with a stable public id use it.
MODELS = {"person": (Person, "public_id"), "case": (Case, "public_id"), "mention": (Mention, "public_id"),
          "document": (Document, "public_id"), "source": (Source, "pk"), "event": (StatusEvent, "pk")}


def lookup(model: str, ref: str):
    if model not in MODELS:
        raise Http404("no history for that kind of record")
    cls, field = MODELS[model]
    if field == "pk" and not ref.isdigit():
        raise Http404("no such record")
    obj = cls.objects.filter(**{field: ref}).first()
    if obj is None:
        raise Http404("no such record")
    return obj


def _value(field: str, value, show_sensitive: bool):
    if field in SENSITIVE and not show_sensitive:
        return "(hidden: sensitive)"
    return value


def versions(obj, show_sensitive: bool) -> list[dict]:
    """Newest first: who, when, type (+ created, ~ changed, - deleted), why, and what changed."""
    rows = []
    for record in obj.history.select_related("history_user").order_by("-history_date", "-history_id"):
        previous = record.prev_record
        changes = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                changes.append({"field": change.field, "old": _value(change.field, change.old, show_sensitive),
                                "new": _value(change.field, change.new, show_sensitive)})
        rows.append({"id": record.history_id, "at": record.history_date, "user": record.history_user,
                     "type": record.history_type, "reason": record.history_change_reason or "", "changes": changes})
    return rows


def audit_events(obj) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(model=obj._meta.label, object_id=str(obj.pk))
                .select_related("actor").order_by("-at", "-pk")[:200])
