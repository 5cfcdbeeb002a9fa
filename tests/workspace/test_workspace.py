"""The researchers' workspace: permission matrix, entry with candidate duplicates, review
queue, publication, history and revert, CSRF and sensitive fields."""
from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.api.factories import HIDDEN_NAME, SECRETS

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "viewer", "researcher", "reviewer", "administrator")

# (method, url template, expected status for anonymous, viewer, researcher, reviewer, administrator)
# 302 for anonymous = redirect to the login page; 302 after a POST = done, redirect back.
MATRIX = [
    ("GET", "/workspace/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/unpublished/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/persons/{hidden}/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/persons/{hidden}/edit/", (302, 403, 200, 200, 200)),
    ("POST", "/workspace/persons/{hidden}/edit/", (302, 403, 302, 302, 302)),
    ("POST", "/workspace/persons/{hidden}/publish/", (302, 403, 403, 302, 302)),
    ("GET", "/workspace/entry/", (302, 403, 200, 200, 200)),
    ("POST", "/workspace/entry/", (302, 403, 302, 302, 302)),
    ("GET", "/workspace/entry/candidates.json?name=Khalil", (302, 403, 200, 200, 200)),
    ("GET", "/workspace/review/", (302, 200, 200, 200, 200)),
    ("POST", "/workspace/review/pairs/{pair}/decide/", (302, 403, 403, 302, 302)),
    ("POST", "/workspace/review/mentions/{pending}/state/", (302, 403, 403, 302, 302)),
    ("POST", "/workspace/review/events/{disputed}/grade/", (302, 403, 403, 302, 302)),
    ("GET", "/workspace/history/person/{hidden}/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/history/case/{h_case}/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/history/mention/{pending}/", (302, 200, 200, 200, 200)),
    ("GET", "/workspace/history/nothing/{hidden}/", (302, 404, 404, 404, 404)),
    ("POST", "/workspace/history/person/{hidden}/revert/", (302, 403, 302, 302, 302)),
    ("GET", "/admin/", (302, 302, 302, 302, 200)),  # administrators (staff) only
    ("GET", "/admin/api/apitoken/", (302, 302, 302, 302, 200)),
    # the API: anonymous = no token; roles = a bearer token of a user with that role
    ("GET", "/api/openapi.json", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/persons", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/persons/{hidden}", (404, 200, 200, 200, 200)),
    ("GET", "/api/v1/persons/{khalil}", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/cases", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/cases/{h_case}", (404, 200, 200, 200, 200)),
    ("GET", "/api/v1/documents", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/documents/{doc_priv}", (404, 200, 200, 200, 200)),
    ("GET", "/api/v1/claims", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/claims/{claim_priv}", (404, 200, 200, 200, 200)),
    ("GET", "/api/v1/campaigns", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/campaigns/{campaign}", (200, 200, 200, 200, 200)),
    ("GET", "/api/v1/statistics", (200, 200, 200, 200, 200)),
    ("POST", "/api/v1/ingest", (401, 403, 201, 201, 201)),
    ("POST", "/api/v1/review/decisions", (401, 403, 403, 201, 201)),
]


def _refs(site) -> dict:
    return {"hidden": site["hidden"].public_id, "khalil": site["khalil"].public_id, "pair": site["pair"].pk,
            "pending": site["m_pending"].public_id, "disputed": site["e_h"].pk, "h_case": site["h_case"].public_id,
            "doc_priv": site["doc_priv"].public_id, "claim_priv": site["claim_priv"].mention.public_id,
            "campaign": site["campaign"].pk}


def _form(url: str, site) -> dict:
    """A valid POST body for each writing URL."""
    reason = {"reason": "checked against the family's statement"}
    if "/edit/" in url:
        return {**reason, "name_latin": "Hidden Person", "name_fa": "پنهان ناپیدا", "private_notes": "note"}
    if "/publish/" in url:
        return {**reason, "published": "on"}
    if url.endswith("/entry/"):
        return {"name": "Reza Test", "status": "executed", "date": "2025-02-01", "source": "Monitor Alpha",
                "source_kind": "ngo", "charges": ["drug"]}
    if "/decide/" in url:
        return {**reason, "decision": "cannot_link"}
    if "/state/" in url:
        return {**reason, "state": "confirmed"}
    if "/grade/" in url:
        return {**reason, "grade": "corroborated"}
    if "/revert/" in url:
        return {**reason, "version": site["hidden"].history.earliest().history_id}
    if url.endswith("/ingest"):
        return {"content": "A short plain report.", "source": "Monitor Alpha", "extract": False}
    return {"mention_a": site["m_k"].public_id, "mention_b": site["m_h"].public_id, "decision": "split", **reason}


def _request(client: Client, method: str, url: str, role: str, site, tokens):
    import json

    api = url.startswith("/api/")
    headers = {"Authorization": f"Bearer {tokens[role]}"} if api and role != "anonymous" else {}
    if not api and role != "anonymous":
        client.force_login(site["users"][role])
    if method == "GET":
        return client.get(url, headers=headers)
    if api:
        return client.post(url, json.dumps(_form(url, site)), content_type="application/json", headers=headers)
    return client.post(url, _form(url, site))


@pytest.mark.parametrize("method,template,expected", MATRIX, ids=[f"{m} {u}" for m, u, _ in MATRIX])
def test_permission_matrix(site, tokens, method, template, expected):
    """Each role in turn, each request rolled back afterwards so every role meets the same data."""
    from django.db import transaction

    url = template.format(**_refs(site))
    got = []
    for role in ROLES:
        with transaction.atomic():
            response = _request(Client(), method, url, role, site, tokens)
            got.append(response.status_code)
            if response.status_code == 302 and role == "anonymous":
                login = "/admin/login/" if url.startswith("/admin/") else "/accounts/login/"
                assert response["Location"].startswith(login + "?next=")
            transaction.set_rollback(True)
    assert tuple(got) == expected, (method, url, dict(zip(ROLES, got)))


def test_matrix_covers_every_workspace_and_api_url():
    from django.urls import get_resolver

    listed = {re.sub(r"/history/\w+/", "/history/X/", re.sub(r"\{\w+\}", "X", u.split("?")[0])) for _, u, _ in MATRIX if not u.startswith("/admin/")}
    routed = set()
    for top in get_resolver().url_patterns:
        if str(top.pattern) in ("workspace/", "api/"):
            for p in top.url_patterns:
                routed.add("/" + str(top.pattern) + re.sub(r"<\w+:\w+>", "X", str(p.pattern)))
    assert routed == listed


@pytest.fixture
def site(site, people):
    site["users"] = people
    return site


# ------------------------------------------------------------------------ entry flow
def _login(client, site, role):
    client.force_login(site["users"][role])
    return client


def test_candidates_appear_while_typing_in_either_script(client, site):
    _login(client, site, "researcher")
    for typed in ("Khalil Agoush", "Khaleel Aghoush", "خلیل آغوش", "Agoush Khalil"):
        found = client.get("/workspace/entry/candidates.json", {"name": typed}).json()["candidates"]
        assert found and found[0]["id"] == site["khalil"].public_id, typed
    partial = client.get("/workspace/entry/candidates.json", {"name": "Khalil Rostami"}).json()["candidates"]
    assert partial and partial[0]["match"] == "words" and partial[0]["score"] == 0.5
    assert client.get("/workspace/entry/candidates.json", {"name": "Zzyzx Qwerty"}).json()["candidates"] == []


def test_entry_page_loads_the_vendored_script_and_posts_with_csrf(site):
    client = Client(enforce_csrf_checks=True)
    _login(client, site, "researcher")
    page = client.get("/workspace/entry/")
    html = page.content.decode()
    assert 'src="/static/workspace/workspace-0.1.js"' in html and 'id="entry-candidates"' in html
    assert "<script>" not in html and "http://" not in html.replace("http://testserver", "")
    body = {"name": "New Person", "status": "sentenced", "source": "Monitor Alpha", "source_kind": "ngo"}
    assert client.post("/workspace/entry/", body).status_code == 403  # no CSRF token
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert client.post("/workspace/entry/", {**body, "csrfmiddlewaretoken": token}).status_code == 302


def test_entry_of_a_new_person_then_of_a_known_one(client, site):
    from vigil.records.models import AuditEvent, LinkDecision, Mention, Person

    _login(client, site, "researcher")
    body = {"name": "Reza Karimi", "status": "at_risk", "date": "2025-03-02", "prison": "Qezelhesar",
            "charges": ["drug", "moharebeh"], "source": "Family of R.K.", "source_kind": "family",
            "note": "phone call with his sister"}
    response = client.post("/workspace/entry/", body)
    assert response.status_code == 302
    mention = Mention.objects.get(extractor="researcher-entry")
    assert mention.kind == "case" and mention.state == "confirmed" and mention.record_id.startswith("entry-")
    assert mention.data["charges"] == ["drug", "moharebeh"] and mention.data["entry_note"] == "phone call with his sister"
    person = mention.person
    assert person is not None and not person.published and response["Location"] == f"/workspace/persons/{person.public_id}/"
    assert person.cases.get().events.get().status == "at_risk"
    assert AuditEvent.objects.filter(action="mention.enter", actor__username="researcher").exists()
    # typing the same name again offers the person just created; choosing it links to them
    found = client.get("/workspace/entry/candidates.json", {"name": "Reza Karimi"}).json()["candidates"]
    assert [c["id"] for c in found] == [person.public_id]
    client.post("/workspace/entry/", {**body, "status": "executed", "date": "2025-04-01", "same_as": person.public_id})
    assert Person.objects.filter(name_latin="Reza Karimi").count() == 1
    assert person.mentions.count() == 2
    assert sorted(person.cases.get().events.values_list("status", flat=True)) == ["at_risk", "executed"]
    assert LinkDecision.objects.filter(decision="must_link", author__username="researcher").count() == 1


def test_entry_rejects_bad_input(client, site):
    from vigil.records.models import Mention

    _login(client, site, "researcher")
    before = Mention.objects.count()
    for bad in ({"name": "", "status": "executed", "source": "A", "source_kind": "ngo"},
                {"name": "X Y", "status": "flying", "source": "A", "source_kind": "ngo"},
                {"name": "X Y", "status": "executed", "date": "01/02/2025", "source": "A", "source_kind": "ngo"},
                {"name": "X Y", "status": "executed", "source": "A", "source_kind": "ngo", "same_as": "nobody"}):
        assert client.post("/workspace/entry/", bad).status_code == 200
    assert Mention.objects.count() == before


# --------------------------------------------------------------------- review, publish
def test_reviewer_publishes_with_a_reason_and_it_reaches_the_api(client, site):
    from vigil.records.models import AuditEvent

    _login(client, site, "reviewer")
    url = f"/workspace/persons/{site['hidden'].public_id}/publish/"
    client.post(url, {"published": "on", "reason": ""})
    site["hidden"].refresh_from_db()
    assert not site["hidden"].published
    client.post(url, {"published": "on", "reason": "two independent sources"})
    site["hidden"].refresh_from_db()
    assert site["hidden"].published
    event = AuditEvent.objects.get(action="person.publish")
    assert event.reason == "two independent sources" and event.actor.username == "reviewer"
    assert Client().get(f"/api/v1/persons/{site['hidden'].public_id}").status_code == 200
    assert "Every person is published." in client.get("/workspace/unpublished/").content.decode()


def test_review_queue_shows_pairs_side_by_side_pending_and_conflicts(client, site):
    _login(client, site, "viewer")
    html = client.get("/workspace/review/").content.decode()
    assert site["m_k"].public_id in html and site["m_h"].public_id in html
    assert site["m_pending"].public_id in html and "Kh. Agoush" in html
    assert "disputed" in html.lower() and HIDDEN_NAME in html
    assert "Same person (merge)" not in html  # a viewer sees no decision buttons
    _login(client, site, "reviewer")
    html = client.get("/workspace/review/").content.decode()
    assert "Same person (merge)" in html and 'name="reason" required' in html


def test_merge_needs_a_reason_and_is_recorded(client, site):
    from vigil.records.models import LinkDecision

    _login(client, site, "reviewer")
    url = f"/workspace/review/pairs/{site['pair'].pk}/decide/"
    client.post(url, {"decision": "must_link", "reason": "  "})
    assert not LinkDecision.objects.exists()
    client.post(url, {"decision": "must_link", "reason": "same father and prison"})
    decision = LinkDecision.objects.get()
    assert decision.decision == "must_link" and decision.reason == "same father and prison"
    site["pair"].refresh_from_db()
    assert not site["pair"].open


# ------------------------------------------------------------------ history and revert
def test_history_shows_who_what_when_why_and_revert_restores(client, site):
    from vigil.records.models import AuditEvent

    hidden = site["hidden"]
    _login(client, site, "researcher")
    edit = f"/workspace/persons/{hidden.public_id}/edit/"
    client.post(edit, {"name_latin": "Wrong Name", "name_fa": hidden.name_fa, "father_name": "Ali",
                       "reason": "typo from the list import"})
    hidden.refresh_from_db()
    assert hidden.name_latin == "Wrong Name" and hidden.father_name == "Ali"
    history_url = f"/workspace/history/person/{hidden.public_id}/"
    html = client.get(history_url).content.decode()
    assert "typo from the list import" in html and "researcher" in html and "Wrong Name" in html
    first = hidden.history.earliest()
    response = client.post(f"/workspace/history/person/{hidden.public_id}/revert/",
                           {"version": first.history_id, "reason": "the edit was wrong"})
    assert response.status_code == 302
    hidden.refresh_from_db()
    assert hidden.name_latin == HIDDEN_NAME and hidden.father_name == ""
    latest = hidden.history.latest()
    assert latest.history_user.username == "researcher" and "the edit was wrong" in latest.history_change_reason
    audit = AuditEvent.objects.get(action="record.revert")
    assert audit.reason == "the edit was wrong" and set(audit.data["fields"]) >= {"name_latin", "father_name"}
    assert "the edit was wrong" in client.get(history_url).content.decode()


def test_revert_never_changes_publication(site, actor):
    from vigil.records.actions import publish_person, revert_to

    hidden = site["hidden"]
    publish_person(hidden, actor, reason="verified")
    revert_to(hidden.history.earliest(), actor, reason="undo notes")
    hidden.refresh_from_db()
    assert hidden.published is True
    with pytest.raises(ValueError):
        revert_to(hidden.history.earliest(), actor, reason="")


def test_sensitive_fields_only_for_researchers_and_above(client, site):
    hidden = site["hidden"]
    _login(client, site, "researcher")
    client.post(f"/workspace/persons/{hidden.public_id}/edit/",
                {"name_latin": hidden.name_latin, "name_fa": hidden.name_fa, "private_notes": "NEW-SECRET-NOTE",
                 "reason": "informant's detail"})
    person_url, history_url = f"/workspace/persons/{hidden.public_id}/", f"/workspace/history/person/{hidden.public_id}/"
    assert "NEW-SECRET-NOTE" in client.get(person_url).content.decode()
    assert "NEW-SECRET-NOTE" in client.get(history_url).content.decode()
    _login(client, site, "viewer")
    for url in (person_url, history_url, "/workspace/", "/workspace/review/", "/workspace/unpublished/"):
        html = client.get(url).content.decode()
        assert "NEW-SECRET-NOTE" not in html and SECRETS[2] not in html, url


def test_confirm_mention_and_grade_event_are_audited(client, site):
    from vigil.records.models import AuditEvent

    _login(client, site, "reviewer")
    client.post(f"/workspace/review/mentions/{site['m_pending'].public_id}/state/",
                {"state": "rejected", "reason": "not about an execution"})
    site["m_pending"].refresh_from_db()
    assert site["m_pending"].state == "rejected"
    client.post(f"/workspace/review/events/{site['e_h'].pk}/grade/", {"grade": "corroborated", "reason": ""})
    site["e_h"].refresh_from_db()
    assert site["e_h"].grade == "disputed"  # no reason, no change
    client.post(f"/workspace/review/events/{site['e_h'].pk}/grade/",
                {"grade": "corroborated", "reason": "the date conflict was a calendar error"})
    site["e_h"].refresh_from_db()
    assert site["e_h"].grade == "corroborated" and site["e_h"].grade_reasons[-1].startswith("reviewer: ")
    actions = set(AuditEvent.objects.filter(actor__username="reviewer").values_list("action", flat=True))
    assert {"mention.rejected", "event.grade"} <= actions


def test_login_page_and_vendored_assets(client, site):
    from django.contrib.staticfiles import finders

    page = client.get("/workspace/review/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/accounts/login/") and b'name="password"' in page.content
    assert client.login(username="viewer", password="correct horse battery")
    assert client.get("/workspace/").status_code == 200
    for name in ("workspace/workspace-0.1.js", "workspace/workspace-0.1.css"):
        path = finders.find(name)
        assert path, name
        text = open(path, encoding="utf-8").read()
        assert "http://" not in text and "https://" not in text, name


def test_entry_linked_to_a_person_without_mentions_keeps_that_person(site, actor):
    from vigil.records.actions import enter_case, link_entry
    from vigil.records.models import Person

    lonely = Person.objects.create(name_latin="Lonely Person")
    mention = enter_case({"name": "Lonely Person", "status": "arrested"}, source=site["alpha"], actor=actor)
    assert link_entry(mention, actor, person=lonely) == lonely
    assert lonely.cases.get().events.get().status == "arrested"
    with pytest.raises(ValueError):
        enter_case({"name": " ", "status": "arrested"}, source=site["alpha"], actor=actor)
    with pytest.raises(ValueError):
        enter_case({"name": "A B", "status": "arrested", "charges": ["jaywalking"]}, source=site["alpha"], actor=actor)
