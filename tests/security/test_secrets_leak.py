"""Seeded secrets never leave through any public URL, export or feed; hostile HTML stays inert.
Each test runs twice: with the SENSITIVE fields stored plain and encrypted at rest.

Unlike the public site's own page test, this one builds the data through the real pipeline
(ingest of hostile HTML reports, list rows, linkage, publication) and walks EVERY URL the
resolver knows outside /admin/, /workspace/ and /accounts/ — the public site, its exports and
feeds, and the whole API — as an anonymous visitor.
"""
from __future__ import annotations

import io
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

SECRETS = ["SECRET-CONTACT-e1f0", "SECRET-SOURCE-NOTE-77aa", "SECRET-PERSON-NOTE-1b2c", "SECRET-DOC-NOTE-9d9d"]
CONFIDENTIAL = "Informant Network Omega"
HIDDEN = "Hiddenperson Secretname"
PRIVATE_PREFIXES = ("admin/", "workspace/", "accounts/", "i18n/")

HOSTILE = """<!doctype html><html><head><title>Executions <script>alert('title')</script></title></head><body>
<article><h1>Executions in May</h1>
<p>Ali Karimi was executed in Qezelhesar prison on 12 May 2024.</p>
<script>alert('xss')</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">more</a>
<p onmouseover="alert(4)">Reza Ahmadi was hanged in Ghezel Hesar prison on 13 May 2024.</p>
<iframe src="javascript:alert(5)"></iframe><svg onload=alert(6)></svg>
<p>Hamid &lt;script&gt;alert(7)&lt;/script&gt; Moradi was executed in Shiraz on 14 May 2024.</p>
</article></body></html>"""
ACTIVE = re.compile(r"<script[^>]*>\s*alert|on(error|load|mouseover)\s*=|javascript:alert|<iframe", re.I)


@pytest.fixture(params=["plain", "encrypted"])
def seeded(request, db, actor, evidence_dir, settings, monkeypatch, tmp_path):
    """The seeded data, once stored plain and once with the SENSITIVE fields encrypted at rest."""
    if request.param == "encrypted":
        from vigil.core.fieldcrypt import new_key

        monkeypatch.setenv("VIGIL_FIELD_KEYS", new_key())
        monkeypatch.setenv("VIGIL_FIELD_KEY_FILE", str(tmp_path / "no-key-file"))
    try:
        from tests.publish.conftest import use_private_cache
    except ImportError:  # pragma: no cover - the public site's tests are not there
        pytest.skip("the public site is not present")
    use_private_cache(settings, monkeypatch)
    from django.core.cache import cache

    cache.clear()  # the API's rate-limit counts of an earlier walk
    from vigil.ingest.pipeline import ingest_bytes
    from vigil.records.actions import add_list_row, ensure_source, publish_person
    from vigil.records.models import Document, Person, Source
    from vigil.review.linking import link_all

    secret = ensure_source(CONFIDENTIAL, actor, kind="family", independence_group="fam")
    Source.objects.filter(pk=secret.pk).update(confidential=True, contact_details=SECRETS[0], private_notes=SECRETS[1])
    open_source = ensure_source("Monitor Open", actor, kind="ngo", independence_group="ngo")
    for n, source in enumerate((secret, open_source)):
        ingest_bytes((HOSTILE + f"<!-- {n} -->").encode(), source=source, actor=actor, published="2024-05-20",
                     origin_url=f"https://example.org/report-{n}", media_type="text/html")
    add_list_row(secret, "omega-1", {"name": "Ali Karimi", "status": "executed", "date": "2024-05-12"}, actor=actor)
    add_list_row(secret, "omega-2", {"name": HIDDEN, "status": "executed", "date": "2024-05-15"}, actor=actor)
    add_list_row(open_source, "open-3", {"name": "<script>alert(8)</script> Sadeghi", "status": "executed",
                                         "date": "2024-05-16"}, actor=actor)
    link_all(actor)
    Person.objects.update(private_notes=SECRETS[2])
    Document.objects.update(private_notes=SECRETS[3])
    hidden = None
    for person in Person.objects.all():
        if HIDDEN in {n.name for n in person.names.all()} or person.name_latin == HIDDEN:
            hidden = person
            continue
        publish_person(person, actor, reason="verified")
    assert hidden is not None and Person.objects.filter(published=True).count() >= 2
    if request.param == "encrypted":
        _assert_stored_encrypted()
    return {"hidden": hidden, "persons": list(Person.objects.all()), "documents": list(Document.objects.all())}


def _assert_stored_encrypted():
    from django.db import connection

    from vigil.core.fieldcrypt import PREFIX

    with connection.cursor() as cur:
        cur.execute("SELECT contact_details FROM records_source WHERE confidential = %s", [True])
        assert cur.fetchone()[0].startswith(PREFIX)
        cur.execute("SELECT private_notes FROM records_person UNION ALL SELECT private_notes FROM records_document")
        assert all(value.startswith(PREFIX) for value, in cur.fetchall())


def _patterns(resolvers, prefix=""):
    for entry in resolvers:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def _fill(route: str, ids: list[str]) -> list[str]:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    if "<" not in route:
        return ["/" + route]
    return ["/" + re.sub(r"<[^>]+>", value, route) for value in ids]


def public_urls(seeded) -> list[str]:
    ids = [p.public_id for p in seeded["persons"]] + [d.public_id for d in seeded["documents"]]
    ids += [c.public_id for p in seeded["persons"] for c in p.cases.all()] + ["1", "does-not-exist"]
    urls = []
    for route in _patterns(get_resolver().url_patterns):
        if not route.startswith(PRIVATE_PREFIXES):
            urls += _fill(route, ids)
    searches = [f"/cases/?q={HIDDEN.split()[0]}", f"/cases/?q={CONFIDENTIAL.split()[1]}", "/cases.json?q=Hiddenperson",
                "/cases.csv", "/api/persons?q=Hiddenperson", "/api/search?q=Secretname"]
    return sorted(set(urls + searches))


def test_no_seeded_secret_on_any_public_url(client, seeded):
    urls = public_urls(seeded)
    assert any(u.startswith("/api/") for u in urls) and "/feeds/cases.atom" in urls and "/cases.csv" in urls
    hidden_id = seeded["hidden"].public_id
    checked = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for secret in SECRETS + [CONFIDENTIAL, HIDDEN, "Secretname"]:
            assert secret not in text, (url, secret)
        if hidden_id in url:
            assert response.status_code in (401, 403, 404), (url, response.status_code)
        checked += response.status_code == 200
    assert checked >= 10


def test_no_seeded_secret_in_published_exports(seeded):
    from vigil.records import exports

    for rows in (exports.case_rows, exports.person_rows, exports.document_rows, exports.mention_rows,
                 exports.claim_rows):
        out = io.StringIO()
        exports.write_jsonl(rows(published_only=True), out)
        for secret in SECRETS + [CONFIDENTIAL, HIDDEN]:
            assert secret not in out.getvalue(), (rows.__name__, secret)


def test_hostile_report_html_is_inert_on_public_pages(client, seeded):
    from vigil.records.models import Document

    texts = [d.text for d in Document.objects.all()]
    assert texts and all("Ali Karimi" in t for t in texts)
    markup = re.compile(r"on(error|load|mouseover)\s*=|javascript:|alert\('xss'\)|<iframe", re.I)
    assert not any(markup.search(t) for t in texts), "the working copy keeps no markup (text written as text stays)"
    for url in public_urls(seeded):
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        text = response.content.decode()
        assert not ACTIVE.search(text), (url, ACTIVE.search(text).group(0))
        assert "script-src 'self'" in response["Content-Security-Policy"]
    person = next(p for p in seeded["persons"] if "Sadeghi" in (p.name_latin or ""))
    page = client.get(f"/people/{person.public_id}/").content.decode()
    assert "&lt;script&gt;alert(8)" in page and "<script>alert(8)" not in page
