"""Response cache for anonymous GETs: public answers are the same for every caller.

Keyed by the full URL and a *data version* (the highest history id of the tables the API
reads, one query): any save through the ORM writes a history row, so a change to the data
makes every cached answer stale at once; ``TTL`` covers bulk writes that bypass history.
"""
from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

from vigil.records.models import Campaign, CampaignEvent, Case, Claim, Document, Mention, Person, StatusEvent

TTL = 300
_MODELS = (Person, Case, StatusEvent, Mention, Document, Claim, Campaign, CampaignEvent)


def data_version() -> str:
    tables = [connection.ops.quote_name(m.history.model._meta.db_table) for m in _MODELS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT MAX(history_id) FROM {t})" for t in tables))
        return ".".join(str(v or 0) for v in cursor.fetchone())


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
