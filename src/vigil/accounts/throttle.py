"""A small cache-based limiter of failed logins, per user name and per client address.

After ``VIGIL_LOGIN_MAX_FAILURES`` failures (default 5) within ``VIGIL_LOGIN_WINDOW`` seconds
(default 900) further attempts for that user name, or from that address, are refused until
the window expires. Counts live in Django's default cache (per process with the local-memory
cache; configure a shared cache for several server processes).
"""
from __future__ import annotations

import hashlib
import os

from django.core.cache import cache


def max_failures() -> int:
    return int(os.environ.get("VIGIL_LOGIN_MAX_FAILURES", "5"))


def window() -> int:
    return int(os.environ.get("VIGIL_LOGIN_WINDOW", "900"))


def _keys(username: str, address: str) -> list[str]:
    digest = hashlib.sha256((username or "").strip().lower().encode("utf-8")).hexdigest()[:32]
    return [f"vigil-login-user:{digest}", f"vigil-login-addr:{address or 'unknown'}"]


def is_locked(username: str, address: str) -> bool:
    return any((cache.get(key) or 0) >= max_failures() for key in _keys(username, address))


def record_failure(username: str, address: str) -> None:
    for key in _keys(username, address):
        if not cache.add(key, 1, window()):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, window())


def clear(username: str, address: str) -> None:
    """A successful login clears the user name's count (not the address's)."""
    cache.delete(_keys(username, address)[0])
