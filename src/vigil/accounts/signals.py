"""Create the role groups after migrations (idempotent)."""
from __future__ import annotations


def ensure_roles(sender, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    from vigil.accounts.roles import ROLES, permissions_for

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        perms = Permission.objects.filter(content_type__app_label="records", codename__in=permissions_for(role))
        group.permissions.set(perms)
