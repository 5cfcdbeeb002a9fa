"""A fixed-window rate limiter on Django's cache: N requests per window per client.

Clients are identified by token (when one is given) or by IP address. With several server
processes, configure a shared cache (database, file or memcached); the default in-process
cache limits each process separately.
"""
from __future__ import annotations

import math
import os
import time

from django.conf import settings
from django.core.cache import cache

#: (requests, window seconds) per kind of client; override with settings.VIGIL_API_RATE_LIMITS.
DEFAULT_LIMITS = {"anonymous": (120, 60), "token": (1200, 60)}


def _from_env(value: str) -> dict[str, tuple[int, int]]:
    """``VIGIL_API_RATE=anonymous=120/60,token=1200/60`` → {kind: (requests, seconds)}."""
    out = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        kind, _, rate = part.partition("=")
        requests, _, seconds = rate.partition("/")
        out[kind.strip()] = (int(requests), int(seconds or 60))
    return out


def limits(kind: str) -> tuple[int, int]:
    """(requests, window seconds) for ``kind``: defaults < $VIGIL_API_RATE < settings.VIGIL_API_RATE_LIMITS."""
    merged = {**DEFAULT_LIMITS, **_from_env(os.environ.get("VIGIL_API_RATE", "")),
              **getattr(settings, "VIGIL_API_RATE_LIMITS", {})}
    return merged[kind]


def hit(client: str, kind: str, now: float | None = None) -> tuple[bool, int]:
    """Count one request of ``client``; return (allowed, seconds until the window resets)."""
    limit, window = limits(kind)
    now = time.time() if now is None else now
    slot = int(now // window)
    key = f"vigil-api-rl:{kind}:{client}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    retry_after = max(1, math.ceil((slot + 1) * window - now))
    return count <= limit, retry_after


def client_ip(request) -> str:
    """The client address; X-Forwarded-For only when settings.VIGIL_TRUST_X_FORWARDED_FOR is set."""
    if getattr(settings, "VIGIL_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")
