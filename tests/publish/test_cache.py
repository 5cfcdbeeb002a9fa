"""The public cache follows PUBLIC data only, and serves a stale value for a bounded time.

Real database, real actions, real Django test client; the ``publish`` cache is a private
in-memory cache re-reading the version on every request (tests/publish/conftest.py).
"""
from __future__ import annotations

import hashlib
import json

import pytest
from django.db import transaction

from vigil.publish import cache as page_cache
from vigil.publish.models import PublicVersion
from vigil.records.actions import Actor
from vigil.records.actions.entry import edit_person, set_grade, set_mention_state
from vigil.records.actions.persons import publish_person

ACTOR = Actor(label="test:reviewer")


def versions() -> tuple[int, int]:
    row = PublicVersion.objects.get(pk=1)
    return row.figures, row.pages


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def test_writes_to_private_data_keep_the_public_version(site):
    from vigil.records.models import Document, Mention, StatusEvent

    before = versions()
    khalil, hidden = site["khalil"], site["hidden"]
    edit_person(khalil, ACTOR, reason="private fields", origin="Karaj", private_notes="met the family")
    edit_person(hidden, ACTOR, reason="unpublished person", name_latin="Another Name")
    StatusEvent.objects.create(case=hidden.cases.get(), status="sentenced", date="2024")
    content = b"a newly ingested report"
    doc = Document.objects.create(source=site["alpha"], sha256=hashlib.sha256(content).hexdigest(),
                                  captured_at="2025-03-01T00:00:00Z", title="New report")
    new = Mention.objects.create(kind="case", source=site["alpha"], document=doc, data={"name": "Someone"})
    set_mention_state(new, "confirmed", ACTOR, reason="checked")
    shown = Mention.objects.get(record_id="alpha-17")  # pending, cited on Khalil's page
    set_mention_state(shown, "confirmed", ACTOR, reason="pending → confirmed shows the same page")
    assert versions() == before


def test_public_writes_move_the_version(site):
    from vigil.records.models import Mention

    f0, p0 = versions()
    set_mention_state(Mention.objects.get(record_id="alpha-17"), "rejected", ACTOR, reason="wrong person")
    assert versions() == (f0, p0 + 1)  # a page detail: the person page's sources, not the figures
    c0 = PublicVersion.objects.get(pk=1).columns
    set_grade(site["executed"], "official", ACTOR, reason="announced")
    f1, p1 = versions()
    assert PublicVersion.objects.get(pk=1).columns > c0
    assert f1 > f0 and p1 > p0 + 1
    publish_person(site["hidden"], ACTOR, reason="verified")
    assert versions()[0] > f1
    c2 = PublicVersion.objects.get(pk=1).columns
    edit_person(site["khalil"], ACTOR, reason="spelling", name_latin="Khalil Aghoush")
    f2 = versions()[0]
    assert f2 > f1 and PublicVersion.objects.get(pk=1).columns == c2  # a name: lists move, the columns do not
    publish_person(site["hidden"], ACTOR, reason="withdrawn", published=False)  # unpublishing is public too
    assert versions()[0] > f2


def test_a_rolled_back_write_moves_nothing(site):
    before = versions()
    with pytest.raises(RuntimeError), transaction.atomic():
        edit_person(site["khalil"], ACTOR, reason="spelling", name_latin="Rolled Back")
        raise RuntimeError("abort")
    assert versions() == before


def test_pages_and_json_show_a_reviewers_change(client, site):
    hidden, khalil = site["hidden"], site["khalil"]
    listing = json.loads(get(client, "/cases.json?status=executed"))
    page = get(client, f"/people/{khalil.public_id}/")
    assert hidden.public_id not in {r["id"] for r in listing["rows"]}
    assert hidden.public_id not in get(client, "/feeds/cases.atom")
    publish_person(hidden, ACTOR, reason="verified")
    assert hidden.public_id in get(client, "/feeds/cases.atom")
    edit_person(khalil, ACTOR, reason="spelling", name_latin="Khalil Aghoush")
    after = json.loads(get(client, "/cases.json?status=executed"))
    assert after["count"] == listing["count"] + 1 and hidden.public_id in {r["id"] for r in after["rows"]}
    assert "Khalil Aghoush" in get(client, f"/people/{khalil.public_id}/") and "Khalil Aghoush" not in page
    assert "Khalil Aghoush" in get(client, "/cases/?q=Aghoush")


def test_stale_value_while_another_request_refreshes_then_fresh_after_the_bound(site, monkeypatch):
    from vigil.publish.versions import bump

    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert page_cache.cached("probe", {}, compute) == 1
    bump()
    key = page_cache.cache_key("probe", {})
    assert page_cache.store().add(key + ":refresh", 1, 60)  # another request is refreshing it
    assert page_cache.cached("probe", {}, compute) == 1  # so this one gets the previous value
    monkeypatch.setattr(page_cache, "MAX_STALE", 0.0)  # past the bound: nobody gets the stale value
    assert page_cache.cached("probe", {}, compute) == 2
    assert page_cache.cached("probe", {}, compute) == 2 and len(calls) == 2  # fresh: served from the cache


def test_first_request_after_a_change_refreshes_and_releases_its_claim(site):
    from vigil.publish.versions import bump

    values = iter([1, 2, 3])
    assert page_cache.cached("probe", {}, lambda: next(values)) == 1
    bump()
    assert page_cache.cached("probe", {}, lambda: next(values)) == 2  # no one else refreshing: it recomputes
    assert page_cache.store().get(page_cache.cache_key("probe", {}) + ":refresh") is None


def test_stats_refresh_after_a_bulk_write(client, site, capsys):
    from vigil.cli.main import main
    from vigil.records.models import Person

    assert site["hidden"].public_id not in get(client, "/cases/")
    before = versions()
    Person.objects.filter(pk=site["hidden"].pk).update(published=True)  # a bulk write: no signal
    assert versions() == before and site["hidden"].public_id not in get(client, "/cases/")
    assert main(["stats", "refresh"]) == 0 and "public data version moved" in capsys.readouterr().out
    assert min(versions()) > max(before) and site["hidden"].public_id in get(client, "/cases/")


def test_nested_computations_do_not_deadlock(site, monkeypatch):
    """A list's count computes the name search inside its own computation. With shared lock
    stripes, an outer and inner key on one stripe deadlocked the thread (found by the load test)."""
    import threading

    outer = page_cache.cache_key("count", {"q": "x"})
    inner = next(p for p in ({"i": i} for i in range(10_000))  # the same stripe of the old 64
                 if int(page_cache.cache_key("search", p)[-8:], 16) % 64 == int(outer[-8:], 16) % 64)
    done = []

    def run():
        try:
            done.append(page_cache.cached("count", {"q": "x"}, lambda: page_cache.cached("search", inner, lambda: 7)))
        except Exception as exc:  # noqa: BLE001 - shown by the assertion
            done.append(exc)
    page_cache.data_version()  # read here, on the test database's connection, and kept
    monkeypatch.setattr(page_cache, "VERSION_TTL", 3600)
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    assert done == [7] and not page_cache._key_locks
