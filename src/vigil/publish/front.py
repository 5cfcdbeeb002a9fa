"""The front cache: an anonymous GET of a cached public page answered before the session,
locale, CSRF, authentication, messages and history middleware run.

A response rendered through :func:`vigil.publish.cache.cached_page` carries a
:class:`~vigil.publish.cache.PageStamp` (scope, version stamp, computation start, language).
On its way out, :class:`FrontCacheMiddleware` keeps it whole (body, the headers and
language cookie the inner middleware added) in the ``publish`` cache, keyed like the page
cache by host, full URL and language. A later anonymous GET of the same URL and language is
answered from that copy **only while its stamp is the current public version of its scope**;
otherwise the request runs the full stack as before (which serves a stale page only within
the stale-while-revalidate bound and refreshes it). So the front cache changes what a page
costs, not what it shows.

Anonymous means: no ``Authorization`` header and no cookie but the language and CSRF
cookies (a session or messages cookie takes the full stack). The outer middleware (CSP,
security headers) still runs on every answer.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation

from vigil.publish import cache as page_cache
from vigil.publish.middleware import query_language, set_language_cookie

#: Pages each process also keeps in memory (the most recently used; ~120 KB at most each).
LOCAL_ENTRIES = 64
_local: OrderedDict[str, dict] = OrderedDict()
_lock = threading.Lock()
#: Cookies a request may carry and still be answered from the front cache.
ANONYMOUS_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}


def language(request) -> str:
    """The language the locale middleware would activate (``?lang=`` first, as
    :class:`vigil.publish.middleware.QueryLanguageMiddleware` does)."""
    return query_language(request) or translation.get_language_from_request(request)


def key_for(request) -> tuple[str, str] | None:
    """(cache key, language) for an anonymous GET, None for any other request."""
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return None
    if not set(request.COOKIES) <= ANONYMOUS_COOKIES:
        return None
    lang = language(request)
    params = {"url": request.get_full_path(), "host": request.get_host(), "lang": lang}
    return page_cache.cache_key("front", params, "front"), lang


def _remember(key: str, entry: dict) -> None:
    with _lock:
        _local[key] = entry
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def _current(entry: dict | None) -> bool:
    return entry is not None and entry["expires"] > time.time() and \
        entry["version"] >= page_cache.data_version(entry["scope"])


def _entry(key: str) -> dict | None:
    """The kept entry if current: from this process's memory (no file read, no
    decompression), else from the shared ``publish`` cache (then remembered here)."""
    with _lock:
        entry = _local.get(key)
    if _current(entry):
        return entry
    entry = page_cache.store().get(key)
    if not _current(entry):
        return None
    _remember(key, entry)
    return entry


def lookup(key: str) -> HttpResponse | None:
    """The kept response if its stamp is the current public version of its scope."""
    entry = _entry(key)
    if entry is None:
        return None
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    if entry["lang_cookie"]:
        set_language_cookie(response, entry["lang_cookie"])
    return response


def forget() -> None:
    """Drop this process's copies (tests: the shared cache was emptied)."""
    with _lock:
        _local.clear()


def keep(key: str, lang: str, response) -> None:
    """Keep a current 200 rendered by ``cached_page`` in this language, setting no cookie but
    the language cookie, until its page-cache entry would expire."""
    stamp = getattr(response, "vigil_page", None)
    if stamp is None or response.status_code != 200 or stamp.lang != lang:
        return
    if stamp.version < page_cache.data_version(stamp.scope):
        return  # a stale page served while another request refreshes it: never a front hit
    if not set(response.cookies) <= {settings.LANGUAGE_COOKIE_NAME}:
        return
    ttl = page_cache.TTL - (time.time() - stamp.started)
    if ttl > 1:
        entry = _entry_of(response, stamp, ttl)
        page_cache.store().set(key, entry, ttl)
        _remember(key, entry)


def _entry_of(response, stamp, ttl: float) -> dict:
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    return {"expires": time.time() + ttl, "scope": stamp.scope, "version": stamp.version,
            "content": response.content, "headers": list(response.items()),
            "lang_cookie": cookie.value if cookie else ""}
