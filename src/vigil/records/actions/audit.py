"""Audit records: who did what, to which record, when and why."""
from __future__ import annotations

import getpass
from dataclasses import dataclass

from django.db import models

from vigil.records.models import AuditEvent


@dataclass(frozen=True)
class Actor:
    """Who performs an action: a logged-in user or a named CLI operator / system job."""

    user: object | None = None
    label: str = ""

    @classmethod
    def cli(cls) -> "Actor":
        try:
            name = getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name in some containers
            name = "unknown"
        return cls(label=f"cli:{name}")

    @classmethod
    def system(cls, job: str) -> "Actor":
        return cls(label=f"system:{job}")

    @property
    def name(self) -> str:
        return self.label or getattr(self.user, "username", "") or "unknown"


def audit(action: str, actor: Actor, obj: models.Model | None = None, reason: str = "", **data) -> AuditEvent:
    """Write one audit event; call inside the action's transaction."""
    user = actor.user if getattr(actor.user, "pk", None) else None
    return AuditEvent.objects.create(
        actor=user, actor_label=actor.name, action=action,
        model=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        reason=reason, data=data,
    )
