"""The front cache answers anonymous GETs of public pages before the inner middleware, with
the same body and headers, only at the current public version, never for a logged-in visitor.

Real database, real actions, real Django test client and middleware stack. A response that
went through the whole stack carries ``wsgi_request.user`` (AuthenticationMiddleware set
it); one answered by the front cache does not.
"""
from __future__ import annotations

from django.test import Client

from tests.api.factories import users
from vigil.records.actions import Actor
from vigil.records.actions.entry import edit_person

ACTOR = Actor(label="test:reviewer")
SAME = ("Content-Type", "Content-Length", "Content-Language", "Vary", "X-Frame-Options",
        "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


def front_hit(response) -> bool:
    return not hasattr(response.wsgi_request, "user")


def test_second_anonymous_get_is_a_front_hit_with_the_same_body_and_headers(site):
    first, second = Client().get("/cases/?status=executed"), Client().get("/cases/?status=executed")
    assert first.status_code == second.status_code == 200
    assert not front_hit(first) and front_hit(second)
    assert second.content == first.content and b"Khalil Agoush" in second.content
    assert {h: second.get(h) for h in SAME} == {h: first.get(h) for h in SAME}
    assert second["Content-Language"] == "en" and "Accept-Language" in second["Vary"]


def test_a_public_write_is_not_answered_from_the_front_cache(site):
    url = f"/people/{site['khalil'].public_id}/"
    Client().get(url)
    assert front_hit(Client().get(url))
    edit_person(site["khalil"], ACTOR, reason="spelling", name_latin="Khalil Aghoush")
    after = Client().get(url)
    assert not front_hit(after) and b"Khalil Aghoush" in after.content
    again = Client().get(url)
    assert front_hit(again) and again.content == after.content


def test_the_language_is_part_of_the_key_and_its_cookie_is_set_on_a_hit(site):
    Client().get("/?lang=fa")
    fa = Client().get("/?lang=fa")
    assert front_hit(fa) and fa["Content-Language"] == "fa" and 'dir="rtl"' in fa.content.decode()
    assert fa.cookies["django_language"].value == "fa" and fa.cookies["django_language"]["max-age"] == 365 * 86400
    en = Client().get("/")
    assert not front_hit(en) and en["Content-Language"] == "en"
    by_header = Client(HTTP_ACCEPT_LANGUAGE="fa").get("/")  # Accept-Language, as the locale middleware reads it
    assert by_header["Content-Language"] == "fa" and by_header.content == fa.content


def test_a_logged_in_visitor_always_takes_the_full_stack(site):
    Client().get("/cases/")
    reviewer = Client()
    reviewer.force_login(users()["reviewer"])
    for _ in range(2):
        response = reviewer.get("/cases/")
        assert response.status_code == 200 and response.wsgi_request.user.is_authenticated


def test_errors_and_private_pages_are_never_kept(site):
    hidden = f"/people/{site['hidden'].public_id}/"
    for url, status in ((hidden, 404), ("/workspace/", 302), ("/campaigns/999999/", 404)):
        for _ in range(2):
            response = Client().get(url)
            assert response.status_code == status and not front_hit(response), url


def test_a_stale_page_is_never_a_front_hit(site, monkeypatch):
    from vigil.publish import cache as page_cache
    from vigil.publish.versions import bump
    from vigil.records.models import Person

    first = Client().get("/cases/")
    assert front_hit(Client().get("/cases/"))
    Person.objects.filter(pk=site["khalil"].pk).update(name_latin="Bulk Renamed")
    bump()
    refresh = page_cache._claim_refresh
    monkeypatch.setattr(page_cache, "_claim_refresh", lambda key, entry: None)  # another request is refreshing
    for _ in range(2):
        stale = Client().get("/cases/")  # the previous page, within the stale bound, never from the front cache
        assert not front_hit(stale) and stale.content == first.content
    monkeypatch.setattr(page_cache, "_claim_refresh", refresh)
    fresh = Client().get("/cases/")
    assert not front_hit(fresh) and b"Bulk Renamed" in fresh.content
    assert front_hit(Client().get("/cases/"))
