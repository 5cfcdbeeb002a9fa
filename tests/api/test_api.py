"""The JSON API: visibility of private records, tokens, writes, rate limit, OpenAPI schema."""
from __future__ import annotations

import hashlib
import json

import pytest
from django.test import override_settings

from tests.api.factories import CONFIDENTIAL, HIDDEN_NAME, SECRETS

pytestmark = pytest.mark.django_db

LISTS = ("/api/v1/persons", "/api/v1/cases", "/api/v1/documents", "/api/v1/claims", "/api/v1/campaigns")


def _get(client, url, token=None, **params):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(url, params, headers=headers)


def _post(client, url, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def _ids(response) -> set[str]:
    return {row["id"] for row in response.json()["results"]}


def _assert_clean(text: str):
    for secret in SECRETS:
        assert secret not in text
    assert "private_notes" not in text and "contact_details" not in text


# ------------------------------------------------------------------------ visibility
def test_anonymous_lists_counts_and_details_hold_only_public_records(client, site):
    persons = _get(client, "/api/v1/persons").json()
    assert persons["count"] == 1 and _ids_of(persons) == {site["khalil"].public_id}
    cases = _get(client, "/api/v1/cases").json()
    assert cases["count"] == 1 and cases["results"][0]["person"]["id"] == site["khalil"].public_id
    docs = _get(client, "/api/v1/documents").json()
    assert _ids_of(docs) == {site["doc_pub"].public_id, site["doc_claim"].public_id} and docs["count"] == 2
    claims = _get(client, "/api/v1/claims").json()
    assert _ids_of(claims) == {site["claim_pub"].mention.public_id} and claims["count"] == 1
    for url in (f"/api/v1/persons/{site['hidden'].public_id}", f"/api/v1/cases/{site['h_case'].public_id}",
                f"/api/v1/documents/{site['doc_priv'].public_id}",
                f"/api/v1/claims/{site['claim_priv'].mention.public_id}"):
        assert _get(client, url).status_code == 404, url


def _ids_of(page: dict) -> set:
    return {row["id"] for row in page["results"]}


@pytest.mark.parametrize("q", [HIDDEN_NAME, "Hiddenperson", "پنهان", "Unpublishedname"])
def test_anonymous_search_never_finds_private_persons(client, site, q):
    for url in ("/api/v1/persons", "/api/v1/cases"):
        page = _get(client, url, q=q).json()
        assert page["count"] == 0 and page["results"] == [], (url, q)


def test_search_finds_published_person_in_either_script(client, site):
    for q in ("Khalil", "خلیل آغوش", "Khaleel Aghoush"):
        assert _ids(_get(client, "/api/v1/persons", q=q)) == {site["khalil"].public_id}, q


def test_anonymous_statistics_count_published_persons_only(client, tokens, site):
    anon = _get(client, "/api/v1/statistics", grades="all", case_ids="1").json()
    assert anon["value"] == 1 and anon["case_ids"] == [site["k_case"].public_id]
    # even asking for private figures without a token changes nothing
    assert _get(client, "/api/v1/statistics", grades="all", published_only="false").json()["value"] == 1
    private = _get(client, "/api/v1/statistics", tokens["viewer"], grades="all").json()
    assert private["value"] == 2


def test_token_holders_read_private_records(client, tokens, site):
    page = _get(client, "/api/v1/persons", tokens["viewer"]).json()
    assert page["count"] == 2 and site["hidden"].public_id in _ids_of(page)
    only_private = _get(client, "/api/v1/persons", tokens["viewer"], published="false").json()
    assert _ids_of(only_private) == {site["hidden"].public_id}
    assert _get(client, f"/api/v1/documents/{site['doc_priv'].public_id}", tokens["viewer"]).status_code == 200
    assert _get(client, "/api/v1/persons", tokens["viewer"])["Cache-Control"] == "private, no-store"


def test_no_sensitive_field_or_confidential_name_in_any_response(client, tokens, site):
    for token in (None, tokens["administrator"]):
        texts = [_get(client, url, token).content.decode() for url in LISTS]
        texts += [_get(client, f"/api/v1/cases/{c.public_id}", token).content.decode()
                  for c in (site["k_case"], site["h_case"])]
        for text in texts:
            _assert_clean(text)
            assert CONFIDENTIAL not in text
    case = _get(client, f"/api/v1/cases/{site['h_case'].public_id}", tokens["viewer"]).json()
    assert case["events"][0]["sources"][0]["source"] == f"Confidential source {site['secret'].pk}"


def test_pagination_and_filters(client, tokens, site):
    first = _get(client, "/api/v1/cases", tokens["viewer"], page_size=1).json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["next"] and first["previous"] is None
    second = client.get(first["next"], headers={"Authorization": f"Bearer {tokens['viewer']}"}).json()
    assert second["previous"] and second["next"] is None
    assert _ids_of(first) | _ids_of(second) == {site["k_case"].public_id, site["h_case"].public_id}
    assert _get(client, "/api/v1/cases", tokens["viewer"], grade="disputed").json()["count"] == 1
    assert _get(client, "/api/v1/cases", status="executed", year=2025, charge="drug").json()["count"] == 1
    assert _get(client, "/api/v1/cases", year=2019).json()["count"] == 0
    assert _get(client, "/api/v1/cases", page_size=1000).status_code == 400
    assert _get(client, "/api/v1/statistics", by="no-such-field").status_code == 400


# ----------------------------------------------------------------------------- tokens
def test_tokens_are_stored_as_hashes_and_can_be_revoked(client, people, site):
    from vigil.api.models import ApiToken
    from vigil.api.tokens import create_token, revoke_token

    record, raw = create_token(people["viewer"])
    assert record.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert not any(raw in str(v) for v in ApiToken.objects.values_list().get(pk=record.pk))
    assert _get(client, "/api/v1/persons", raw).json()["count"] == 2
    revoke_token(record)
    response = _get(client, "/api/v1/persons", raw)
    assert response.status_code == 401 and "Bearer" in response["WWW-Authenticate"]
    assert _get(client, "/api/v1/persons", "vgl_not-a-token").status_code == 401


def test_cli_token_create_prints_a_working_token(client, people, capsys):
    from vigil.cli.main import main

    assert main(["token", "create", "reviewer", "--name", "ci"]) == 0
    raw = capsys.readouterr().out.splitlines()[0]
    assert raw.startswith("vgl_")
    assert _get(client, "/api/v1/persons", raw).status_code == 200
    assert main(["token", "create", "nobody"]) == 2


# ----------------------------------------------------------------------------- writes
REPORT = ("<html><head><title>Execution in Ghezel Hesar</title></head><body><p>Hamid Rahimi was executed in "
          "Ghezel Hesar Prison on 14 January 2025 on drug charges.</p></body></html>")


def test_ingest_requires_researcher_and_captures_the_report(client, tokens, site):
    from vigil.records.models import AuditEvent, Document

    body = {"content": REPORT, "source": "Monitor Alpha", "published": "2025-01-15", "media_type": "text/html"}
    assert _post(client, "/api/v1/ingest", body).status_code == 401
    assert _post(client, "/api/v1/ingest", body, tokens["viewer"]).status_code == 403
    response = _post(client, "/api/v1/ingest", body, tokens["researcher"])
    assert response.status_code == 201, response.content
    data = response.json()
    document = Document.objects.get(public_id=data["document"])
    assert document.sha256 == hashlib.sha256(REPORT.encode()).hexdigest() == data["sha256"]
    assert document.published == "2025-01-15" and document.source == site["alpha"]
    assert AuditEvent.objects.filter(action="document.capture", actor__username="researcher").exists()
    again = _post(client, "/api/v1/ingest", body, tokens["researcher"])
    assert again.status_code == 200 and again.json()["created"] is False
    assert _post(client, "/api/v1/ingest", {"source": "X"}, tokens["researcher"]).status_code == 400
    bad = client.post("/api/v1/ingest", "not json", content_type="application/json",
                      headers={"Authorization": f"Bearer {tokens['researcher']}"})
    assert bad.status_code == 400


def test_review_decision_requires_reviewer_and_a_reason(client, tokens, site):
    from vigil.records.models import LinkDecision

    body = {"mention_a": site["m_k"].public_id, "mention_b": site["m_h"].public_id, "decision": "split",
            "reason": "different fathers according to the family"}
    assert _post(client, "/api/v1/review/decisions", body).status_code == 401
    assert _post(client, "/api/v1/review/decisions", body, tokens["researcher"]).status_code == 403
    assert _post(client, "/api/v1/review/decisions", {**body, "reason": " "}, tokens["reviewer"]).status_code == 400
    assert _post(client, "/api/v1/review/decisions", {**body, "mention_b": "nope"},
                 tokens["reviewer"]).status_code == 404
    response = _post(client, "/api/v1/review/decisions", body, tokens["reviewer"])
    assert response.status_code == 201, response.content
    decision = LinkDecision.objects.get(pk=response.json()["id"])
    assert decision.decision == "cannot_link" and decision.author.username == "reviewer"
    site["pair"].refresh_from_db()
    assert site["pair"].open is False


def test_wrong_method_is_405(client, tokens):
    assert client.post("/api/v1/persons").status_code == 405
    assert _get(client, "/api/v1/ingest", tokens["researcher"]).status_code == 405


# ------------------------------------------------------------------------- rate limit
@override_settings(VIGIL_API_RATE_LIMITS={"anonymous": (3, 60), "token": (5, 60)})
def test_rate_limit_per_ip_and_per_token(client, tokens, site):
    codes = [_get(client, "/api/v1/persons").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = _get(client, "/api/v1/persons")
    assert limited.status_code == 429 and 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    other_ip = client.get("/api/v1/persons", REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 200
    token_codes = [_get(client, "/api/v1/persons", tokens["viewer"]).status_code for _ in range(6)]
    assert token_codes == [200] * 5 + [429]
    assert _get(client, "/api/v1/persons", tokens["reviewer"]).status_code == 200


def test_fixed_window_resets():
    from vigil.api import ratelimit

    with override_settings(VIGIL_API_RATE_LIMITS={"anonymous": (2, 10)}):
        assert [ratelimit.hit("x", "anonymous", now=100.0)[0] for _ in range(3)] == [True, True, False]
        assert ratelimit.hit("x", "anonymous", now=105.0) == (False, 5)
        assert ratelimit.hit("x", "anonymous", now=110.0)[0] is True


# ---------------------------------------------------------------------------- OpenAPI
def _example_ids(site) -> dict:
    return {"/api/v1/persons/{id}": site["khalil"].public_id, "/api/v1/cases/{id}": site["k_case"].public_id,
            "/api/v1/documents/{id}": site["doc_pub"].public_id,
            "/api/v1/claims/{id}": site["claim_pub"].mention.public_id,
            "/api/v1/campaigns/{id}": str(site["campaign"].pk)}


def _bodies(site) -> dict:
    return {"/api/v1/ingest": {"content": "Plain text report.", "source": "Monitor Alpha", "extract": False},
            "/api/v1/review/decisions": {"mention_a": site["m_k"].public_id, "mention_b": site["m_h"].public_id,
                                         "decision": "merge", "reason": "same prisoner per lawyer"}}


def test_openapi_document_is_valid_and_every_documented_path_answers(client, tokens, site):
    from openapi_schema_validator import OAS31Validator
    from openapi_spec_validator import validate

    spec = client.get("/api/openapi.json").json()
    validate(spec)
    ids, bodies = _example_ids(site), _bodies(site)
    answered = 0
    for path, operations in spec["paths"].items():
        url = path.replace("{id}", ids.get(path, ""))
        for method, operation in operations.items():
            if method == "get":
                response = _get(client, url, tokens["administrator"])
            else:
                response = _post(client, url, bodies[path], tokens["administrator"])
            assert str(response.status_code) in operation["responses"], (path, response.status_code)
            assert response.status_code in (200, 201), (path, response.content[:200])
            schema = operation["responses"][str(response.status_code)]["content"]["application/json"]["schema"]
            OAS31Validator({**schema, "components": spec["components"]}).validate(response.json())
            answered += 1
    assert answered == 14
    assert {"/api/v1/persons", "/api/v1/cases", "/api/v1/documents", "/api/v1/claims", "/api/v1/campaigns",
            "/api/v1/statistics", "/api/v1/ingest", "/api/v1/review/decisions"} <= set(spec["paths"])


def test_every_api_url_is_documented():
    from django.urls import get_resolver

    from vigil.api.schema import openapi

    documented = {p.replace("{id}", "<str:id>") for p in openapi()["paths"]}
    api = next(p for p in get_resolver().url_patterns if str(p.pattern) == "api/")
    routed = {"/api/" + str(p.pattern) for p in api.url_patterns}
    assert routed == documented


def test_ingest_takes_base64_bytes(client, tokens, site):
    import base64

    raw = "گزارش: اعدام در زندان قزلحصار".encode()
    body = {"content_base64": base64.b64encode(raw).decode(), "source": "Monitor Alpha", "extract": False,
            "media_type": "text/plain"}
    response = _post(client, "/api/v1/ingest", body, tokens["researcher"])
    assert response.status_code == 201 and response.json()["sha256"] == hashlib.sha256(raw).hexdigest()
    assert _post(client, "/api/v1/ingest", {**body, "content_base64": "!!"}, tokens["researcher"]).status_code == 400


def test_anonymous_answers_are_cached_until_the_data_change(client, actor, site):
    from django.test.utils import CaptureQueriesContext
    from django.db import connection

    from vigil.records.actions import publish_person

    assert _get(client, "/api/v1/persons").json()["count"] == 1
    with CaptureQueriesContext(connection) as ctx:
        assert _get(client, "/api/v1/persons").json()["count"] == 1
    assert len(ctx.captured_queries) == 1  # the data version only
    publish_person(site["hidden"], actor, reason="verified by two sources")
    assert _get(client, "/api/v1/persons").json()["count"] == 2


def test_unpublished_writes_keep_the_anonymous_cache_and_public_writes_invalidate_it(client, actor, site):
    """A bulk update sends no signal, so while the cache is valid the API keeps answering the
    old name; writes through the actions layer to unpublished records keep it valid, a write
    a public page or the anonymous API shows moves the version."""
    from vigil.records.actions.entry import edit_person
    from vigil.records.models import Person, StatusEvent

    def names() -> set[str]:
        return {p["name_latin"] for p in _get(client, "/api/v1/persons").json()["results"]}

    khalil, hidden = site["khalil"], site["hidden"]
    assert names() == {"Khalil Agoush"}
    Person.objects.filter(pk=khalil.pk).update(name_latin="Bulk Renamed")  # no signal: the cache cannot see it
    edit_person(hidden, actor, reason="unpublished spelling", name_latin="Another Hidden Name")
    edit_person(Person.objects.get(pk=khalil.pk), actor, reason="private note", private_notes="seen by a researcher")
    StatusEvent.objects.create(case=site["h_case"], status="sentenced", date="2024")
    site["pair"].delete()
    assert names() == {"Khalil Agoush"}  # still the cached answer
    fresh = Person.objects.get(pk=khalil.pk)  # (a save of the stale instance would write the old name back)
    edit_person(fresh, actor, reason="father's name from a relative", father_name="Hassan")  # API-only field
    assert names() == {"Bulk Renamed"}
    Person.objects.filter(pk=khalil.pk).update(name_latin="Bulk Again")
    edit_person(Person.objects.get(pk=khalil.pk), actor, reason="spelling", name_fa="خلیل آغوشی")  # a public field
    assert names() == {"Bulk Again"}
