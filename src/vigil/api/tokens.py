"""Creating, checking and revoking API tokens (the token is never stored, only its hash)."""
from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from vigil.api.models import ApiToken
from vigil.records.actions import Actor, audit

PREFIX = "vgl_"
USE_RESOLUTION = datetime.timedelta(minutes=1)


def hash_token(raw: str) -> str:
    """SHA-256 hex digest of a token."""
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_token(user, *, name: str = "", actor: Actor | None = None) -> tuple[ApiToken, str]:
    """Create a token for ``user``; return (record, raw token). The raw token is shown only once."""
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:10])
    audit("api.token.create", actor or Actor.cli(), token, user=user.username, name=name)
    return token, raw


def authenticate(raw: str) -> ApiToken | None:
    """The live token matching ``raw`` (its user active), or None. Updates ``last_used_at``
    (to the minute, so a busy client does not write to the database on every request)."""
    if not raw or not raw.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USE_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)  # at most one write a minute
    return token


@transaction.atomic
def revoke_token(token: ApiToken, *, actor: Actor | None = None) -> ApiToken:
    """Revoke a token (kept for the record, never usable again)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit("api.token.revoke", actor or Actor.cli(), token, user=token.user.username)
    return token
