"""The roles of the researchers' workspace, as Django groups with model permissions."""
from __future__ import annotations

ROLES = ("viewer", "researcher", "reviewer", "administrator")

_RECORD_MODELS = ("source", "document", "mention", "person", "personname", "case", "statusevent",
                  "campaign", "campaignevent", "claim")


def permissions_for(role: str) -> list[str]:
    """Codenames of the records permissions each role holds."""
    view = [f"view_{m}" for m in _RECORD_MODELS]
    edit = [f"{op}_{m}" for m in _RECORD_MODELS for op in ("add", "change")]
    review = ["view_linkdecision", "add_linkdecision", "change_linkdecision", "view_auditevent"]
    return {
        "viewer": view,
        "researcher": view + edit,
        "reviewer": view + edit + review,
        "administrator": view + edit + review + [f"delete_{m}" for m in _RECORD_MODELS],
    }[role]


def has_role(user, role: str) -> bool:
    """True if the user holds ``role`` or a stronger one (superusers hold all)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    held = set(user.groups.values_list("name", flat=True))
    return any(r in held for r in ROLES[ROLES.index(role):])
