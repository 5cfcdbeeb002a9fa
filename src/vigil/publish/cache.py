"""A small cache for aggregates, keyed by query and a *data version*.

The data version is the highest history id of persons, cases, status events and mentions
(four primary-key lookups): any save through the ORM writes a history row, so a new
version makes every cached aggregate stale at once. Entries also expire after
``TTL`` seconds, which covers bulk writes that bypass history. Each process re-reads the
version at most every ``VERSION_TTL`` seconds, so a page can lag a write by that long.

Entries live in the ``publish`` cache (settings: a file cache under ``VIGIL_HOME/cache``,
shared by every gunicorn worker, so a figure is computed once, not once per process).
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from functools import lru_cache
from typing import Any, Callable

from django.core.cache import caches
from django.db import connection

from vigil.records.models import Case, Mention, Person, StatusEvent

TTL = 3600
VERSION_TTL = 2.0
_version: tuple[str, float] | None = None
_LOCKS = [threading.Lock() for _ in range(64)]  # striped: bounded, and rarely shared


@lru_cache(maxsize=1)
def store():
    """The ``publish`` cache (a file cache shared by every server process) or the default."""
    from django.conf import settings

    return caches["publish" if "publish" in settings.CACHES else "default"]


def _version_sql() -> str:
    tables = [connection.ops.quote_name(model.history.model._meta.db_table)
              for model in (Person, Case, StatusEvent, Mention)]
    return "SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {t})" for t in tables)


def data_version() -> str:
    """One query of four primary-key maxima (raw SQL: the ORM's history managers cost more
    to build than the query itself), re-read at most every ``VERSION_TTL`` seconds per process
    so that a cache hit needs no database at all."""
    global _version
    now = time.monotonic()
    if _version is None or now - _version[1] > VERSION_TTL:
        with connection.cursor() as cursor:
            cursor.execute(_version_sql())
            row = cursor.fetchone()
        _version = (".".join(str(v or 0) for v in row), now)
    return _version[0]


def reset_version() -> None:
    """Forget the remembered data version (tests; after bulk writes)."""
    global _version
    _version = None


def _lock_for(key: str) -> threading.Lock:
    return _LOCKS[int(key[-8:], 16) % len(_LOCKS)]


def cache_key(kind: str, params: dict, version: str | None = None) -> str:
    blob = json.dumps(params, sort_keys=True, default=str)
    digest = hashlib.sha256(f"{kind}|{blob}".encode()).hexdigest()[:32]
    return f"vigil:publish:{version or data_version()}:{digest}"


def cached(kind: str, params: dict, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value for this kind and params at the current data version."""
    key = cache_key(kind, params)
    value = store().get(key)
    if value is None:
        with _lock_for(key):  # one computation per key per process, not one per waiting thread
            value = store().get(key)
            if value is None:
                value = compute()
                store().set(key, value, TTL)
    return value


def cached_page(view):
    """Cache a public view's rendered (non-streaming, 200) response per full URL, language
    and data version. Public pages carry no per-user content (no CSRF token, no session), so
    one rendering serves every visitor until the data change."""
    from functools import wraps

    from django.http import HttpResponse
    from django.utils.translation import get_language

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        key = cache_key("page", {"url": request.get_full_path(), "lang": get_language(), "kw": kwargs})
        hit = store().get(key)
        if hit is not None:
            return HttpResponse(hit[0], content_type=hit[1])
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            store().set(key, (response.content, response["Content-Type"]), TTL)
        return response
    return wrapper
