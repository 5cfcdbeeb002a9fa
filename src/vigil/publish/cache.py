"""The public site's cache of aggregates and rendered pages: keyed by query, stamped with the
PUBLIC data version, refreshed by one request at a time while the others get the previous value.

**Versions.** :class:`vigil.publish.models.PublicVersion` holds counters that move only
when public data change (:mod:`vigil.publish.versions`): ``columns`` (the precomputed
columns' data), ``figures`` (aggregates, facets, lists, searches, feeds) and ``pages`` (also
the sources and documents on a person's page, campaigns); ``api`` (everything the anonymous
read API shows, :mod:`vigil.api.cache`). An entry is stamped with the version of its scope
read *before* it was computed.
Each process re-reads the counters at most every ``VERSION_TTL`` seconds (one primary-key
query), so a cache hit needs no database at all.

**Stale-while-revalidate.** An entry whose stamp is older than the current version is
stale. The first request to see it recomputes it (a cross-process claim in the shared
cache, ``add(key + ':refresh')``) while every other request gets the stale value, but only
for ``MAX_STALE`` seconds from the moment that stale value's computation began; after that
requests wait for a fresh value (one computation per key per process; a request that waited
takes a value whose computation began after it arrived). So a burst of
requests after a write costs one recomputation, and **a public change shows on every page
within ``MAX_STALE + VERSION_TTL`` seconds** (12 s) plus the time of one recomputation.
Entries also expire after ``TTL`` seconds (bulk writes send no signals; ``vigil stats
refresh`` moves the version after one).

Entries live in the ``publish`` cache (settings: a file cache under ``VIGIL_HOME/cache``,
shared by every gunicorn worker, so a figure is computed once, not once per process).
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from contextlib import contextmanager
from functools import lru_cache, partial, wraps
from typing import Any, Callable, NamedTuple

from django.core.cache import caches
from django.db import connection

TTL = 3600
VERSION_TTL = 2.0
MAX_STALE = 10.0
REFRESH_CLAIM_TTL = 120
SCOPES = ("figures", "pages", "columns", "api")
_version: tuple[dict[str, int], float] | None = None
# One lock per key being computed (created on demand, dropped when no thread uses it). A page's
# computation takes its aggregates' locks, and the list's count and facets take the name
# search's: always in that order, never the reverse, so no two threads can wait for each other.
# (Shared, striped locks deadlocked: a count and its search on the same stripe, one thread.)
_guard = threading.Lock()
_key_locks: dict[str, list] = {}


@contextmanager
def _computing(key: str):
    """Hold ``key``'s lock: one computation per key per process, not one per waiting thread."""
    with _guard:
        slot = _key_locks.setdefault(key, [threading.Lock(), 0])
        slot[1] += 1
    try:
        with slot[0]:
            yield
    finally:
        with _guard:
            slot[1] -= 1
            if not slot[1]:
                del _key_locks[key]


class PageStamp(NamedTuple):
    """Which cached rendering a response is: its scope, version stamp, computation start, language."""

    scope: str
    version: int
    started: float
    lang: str


class _Uncacheable(Exception):
    """A response that is not kept (not a 200)."""

    def __init__(self, response):
        super().__init__("uncacheable response")
        self.response = response


@lru_cache(maxsize=1)
def store():
    """The ``publish`` cache (a file cache shared by every server process) or the default."""
    from django.conf import settings

    return caches["publish" if "publish" in settings.CACHES else "default"]


def _read_versions() -> dict[str, int]:
    from vigil.publish.models import PublicVersion

    table = connection.ops.quote_name(PublicVersion._meta.db_table)
    with connection.cursor() as cursor:  # raw SQL: cheaper than building an ORM query
        cursor.execute(f"SELECT {', '.join(SCOPES)} FROM {table} WHERE id = 1")
        row = cursor.fetchone() or (0,) * len(SCOPES)
    return dict(zip(SCOPES, row))


def data_version(scope: str = "figures") -> int:
    """The public data version of ``scope``, re-read at most every ``VERSION_TTL`` s per process."""
    global _version
    now = time.monotonic()
    if _version is None or now - _version[1] > VERSION_TTL:
        _version = (_read_versions(), now)
    return _version[0][scope]


def reset_version() -> None:
    """Forget the remembered data version (tests; after bulk writes)."""
    global _version
    _version = None


def cache_key(kind: str, params: dict, scope: str = "figures") -> str:
    blob = json.dumps(params, sort_keys=True, default=str)
    digest = hashlib.sha256(f"{kind}|{blob}".encode()).hexdigest()[:32]
    return f"vigil:publish:{scope}:{digest}"


def _claim_refresh(key: str, entry: tuple | None) -> bool | None:
    """For a stale ``entry``: None to serve it (another request is refreshing it and its
    computation began less than ``MAX_STALE`` s ago), True if this request claimed the
    refresh, False if it must recompute anyway (too old, or no entry)."""
    if entry is None or time.time() - entry[1] > MAX_STALE:
        return False
    return True if store().add(key + ":refresh", 1, REFRESH_CLAIM_TTL) else None


def cached(kind: str, params: dict, compute: Callable[[], Any], scope: str = "figures") -> Any:
    """``compute()``'s value for this kind and params, at the current public version of
    ``scope`` or (while one request recomputes it) at most ``MAX_STALE`` s behind it."""
    return cached_entry(kind, params, compute, scope)[2]


def cached_entry(kind: str, params: dict, compute: Callable[[], Any], scope: str = "figures") -> tuple:
    """As :func:`cached`, but the whole entry: (version stamp, computation start, value)."""
    key = cache_key(kind, params, scope)
    arrived = time.time()
    version = data_version(scope)
    entry = store().get(key)
    if entry is not None and entry[0] >= version:
        return entry
    claimed = _claim_refresh(key, entry)
    if claimed is None:
        return entry
    try:
        with _computing(key):
            entry = store().get(key)
            if entry is not None and (entry[0] >= version or entry[1] >= arrived):
                return entry  # computed while this request waited: as new as it needs
            entry = (version, time.time(), compute())
            store().set(key, entry, TTL)
            return entry
    finally:
        if claimed:
            store().delete(key + ":refresh")


def _render(view, request, args, kwargs) -> tuple[bytes, dict]:
    response = view(request, *args, **kwargs)
    if response.status_code != 200:
        raise _Uncacheable(response)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content, {k: v for k, v in response.items() if k.lower() != "content-length"}


def cached_page(view=None, *, scope: str = "pages"):
    """Cache a public view's 200 response (body and the view's own headers; a streamed body is
    joined, so use it only for bounded responses) per host, full URL, language and public
    version of ``scope``. Public pages carry no per-user content (no CSRF token, no session),
    so one rendering serves every visitor until the public data change."""
    if view is None:
        return partial(cached_page, scope=scope)
    from django.http import HttpResponse
    from django.utils.translation import get_language

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        lang = get_language()
        params = {"url": request.get_full_path(), "host": request.get_host(), "lang": lang, "kw": kwargs}
        try:
            version, started, (content, headers) = cached_entry(
                "page", params, lambda: _render(view, request, args, kwargs), scope)
        except _Uncacheable as exc:
            return exc.response
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response.vigil_page = PageStamp(scope, version, started, lang)  # for the front cache (vigil.publish.front)
        return response
    return wrapper
