"""Role checks for workspace views: login first (302 to the login page), then the role (403)."""
from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from vigil.accounts.roles import has_role
from vigil.records.actions import Actor

#: Fields never shown to a viewer (researchers and above see them in the workspace only).
SENSITIVE = frozenset({"private_notes", "contact_details"})


def role_required(role: str):
    """Decorator: the user must be logged in and hold ``role`` (or a stronger one)."""
    def decorate(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, role):
                raise PermissionDenied(f"this page needs the {role} role")
            return view(request, *args, **kwargs)
        return wrapped
    return decorate


def actor(request) -> Actor:
    return Actor(user=request.user, label=f"web:{request.user.username}")


def roles_of(user) -> dict[str, bool]:
    """``{'viewer': True, 'researcher': …}`` for templates."""
    return {role: has_role(user, role) for role in ("viewer", "researcher", "reviewer", "administrator")}
