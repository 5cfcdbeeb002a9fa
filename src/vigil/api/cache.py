"""Response cache for anonymous GETs: public answers are the same for every caller.

Keyed by the full URL and the ``api`` counter of the public data version
(:class:`vigil.publish.models.PublicVersion`, moved by :mod:`vigil.publish.versions`): it
moves with every write a public page can show and with every write of something only the
anonymous API shows (a published person's father's name, religion, origin; mentions,
documents, sources, claims), and with nothing else, so a write to unpublished records
leaves every cached answer valid. Like the public site, each process re-reads the counter
at most every ``VERSION_TTL`` (2) seconds, so a change shows within 2 s. ``TTL`` covers
bulk writes, which send no signals (``vigil stats refresh`` moves the counter after one).
"""
from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpResponse

from vigil.publish import cache as public_cache

TTL = 300


def data_version() -> int:
    return public_cache.data_version("api")


def _key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"vigil-api:{data_version()}:{digest}"


def lookup(request) -> tuple[str, HttpResponse | None]:
    key = _key(request)
    hit = cache.get(key)
    if hit is None:
        return key, None
    return key, HttpResponse(hit, content_type="application/json")


def store(key: str, response: HttpResponse) -> None:
    if response.status_code == 200 and not response.streaming:
        cache.set(key, response.content, TTL)
