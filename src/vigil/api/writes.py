"""Write endpoints (bearer token only): ingest a report; decide a merge or split."""
from __future__ import annotations

import base64
import binascii
import json

from django.http import JsonResponse

from vigil.api.http import ApiError
from vigil.records.actions import Actor, ensure_source
from vigil.records.models import Mention

DECISIONS = {"merge": "must_link", "split": "cannot_link", "must_link": "must_link", "cannot_link": "cannot_link"}
MAX_REPORT_BYTES = 5_000_000


def _body(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "the body must be a JSON object") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the body must be a JSON object")
    return data


def _actor(request) -> Actor:
    return Actor(user=request.api_user, label=f"api:{request.api_user.username}")


def _content(data: dict) -> bytes:
    if isinstance(data.get("content"), str):
        content = data["content"].encode("utf-8")
    elif isinstance(data.get("content_base64"), str):
        try:
            content = base64.b64decode(data["content_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(400, "content_base64 is not valid base64") from None
    else:
        raise ApiError(400, "give the report as 'content' (text or HTML) or 'content_base64' (bytes)")
    if not content.strip():
        raise ApiError(400, "the report is empty")
    if len(content) > MAX_REPORT_BYTES:
        raise ApiError(413, f"reports are limited to {MAX_REPORT_BYTES} bytes")
    return content


def ingest(request):
    """Capture a report (evidentiary copy + extraction) through vigil.ingest.pipeline.ingest_bytes."""
    from vigil.ingest.pipeline import ingest_bytes

    data = _body(request)
    content = _content(data)
    if not str(data.get("source", "")).strip():
        raise ApiError(400, "'source' (the publishing organisation's name) is required")
    actor = _actor(request)
    try:
        source = ensure_source(str(data["source"]), actor, kind=str(data.get("source_kind") or "other"))
        result = ingest_bytes(content, source=source, actor=actor, origin_url=str(data.get("origin_url") or ""),
                              published=str(data.get("published") or "") or None, title=str(data.get("title") or ""),
                              extract=bool(data.get("extract", True)), media_type=data.get("media_type") or None)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    document = result.document
    return JsonResponse({"document": document.public_id, "created": result.created, "mentions": result.mentions,
                         "sha256": document.sha256}, status=201 if result.created else 200)


def decide(request):
    """Record a reviewer's merge ('must_link') or split ('cannot_link') of two mentions, with a reason."""
    from vigil.review.decisions import decide as record

    data = _body(request)
    kind = DECISIONS.get(str(data.get("decision", "")))
    if kind is None:
        raise ApiError(400, f"'decision' must be one of {sorted(DECISIONS)}")
    found = {m.public_id: m for m in Mention.objects.filter(public_id__in=[data.get("mention_a"), data.get("mention_b")])}
    if data.get("mention_a") not in found or data.get("mention_b") not in found:
        raise ApiError(404, "no mention with that id")
    try:
        decision = record(found[data["mention_a"]], found[data["mention_b"]], kind, _actor(request),
                          reason=str(data.get("reason") or ""))
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    return JsonResponse({"id": decision.pk, "decision": decision.decision, "mention_a": decision.mention_a.public_id,
                         "mention_b": decision.mention_b.public_id, "reason": decision.reason,
                         "at": decision.at.isoformat()}, status=201)
