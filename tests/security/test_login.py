"""Login: throttling, optional TOTP, Argon2 hashes, CSRF."""
from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from tests.webapp_fixtures import _fresh_cache  # noqa: F401  (autouse: a clean cache per test)
from vigil.accounts import totp
from vigil.accounts.models import TOTPDevice

PASSWORD = "correct horse battery staple"


@pytest.fixture
def fast(settings):
    """A fast hasher for the throttling tests (the Argon2 test below uses the real one)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("reviewer1", password=PASSWORD)


def _login(client, username, password, **extra):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra})


def test_login_is_throttled_after_repeated_failures(client, fast, user, monkeypatch):
    monkeypatch.setenv("VIGIL_LOGIN_MAX_FAILURES", "3")
    for _ in range(3):
        assert _login(client, "reviewer1", "wrong password!").status_code == 200
    locked = _login(client, "reviewer1", PASSWORD)
    assert locked.status_code == 429
    assert b"Too many failed attempts" in locked.content
    assert "_auth_user_id" not in client.session
    # another address is locked out of the same user name too
    other = Client(REMOTE_ADDR="10.9.9.9")
    assert _login(other, "reviewer1", PASSWORD).status_code == 429
    # and the first address cannot try other user names either
    assert _login(client, "someone-else", "whatever123").status_code == 429
    cache.clear()  # the window expires
    assert _login(client, "reviewer1", PASSWORD).status_code == 302


def test_admin_login_is_throttled_too(client, fast, user, monkeypatch):
    monkeypatch.setenv("VIGIL_LOGIN_MAX_FAILURES", "2")
    for _ in range(2):
        client.post("/admin/login/", {"username": "reviewer1", "password": "nope nope nope"})
    assert client.post("/admin/login/", {"username": "reviewer1", "password": PASSWORD}).status_code == 429


def test_successful_login_resets_the_user_count(client, fast, user, monkeypatch):
    monkeypatch.setenv("VIGIL_LOGIN_MAX_FAILURES", "3")
    _login(client, "reviewer1", "wrong password!")
    _login(client, "reviewer1", "wrong password!")
    assert _login(client, "reviewer1", PASSWORD).status_code == 302
    client.logout()
    other = Client(REMOTE_ADDR="10.1.1.1")
    _login(other, "reviewer1", "wrong password!")
    assert _login(other, "reviewer1", PASSWORD).status_code == 302


def test_totp_is_required_when_enabled(client, fast, user):
    device = TOTPDevice.objects.create(user=user, secret=totp.new_secret())
    assert _login(client, "reviewer1", PASSWORD).status_code == 200  # no code
    assert _login(client, "reviewer1", PASSWORD, otp_token="000000").status_code in (200, 429)
    cache.clear()
    step = totp.current_step()
    good = totp.code_at(device.secret, step)
    if good == "000000":  # pragma: no cover - one chance in a million
        pytest.skip("unlucky code")
    response = _login(client, "reviewer1", PASSWORD, otp_token=good)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    # the same code cannot be replayed
    assert _login(client, "reviewer1", PASSWORD, otp_token=good).status_code == 200


def test_totp_not_asked_when_not_enrolled_or_disabled(client, fast, user):
    TOTPDevice.objects.create(user=user, secret=totp.new_secret(), enabled=False)
    assert _login(client, "reviewer1", PASSWORD).status_code == 302


def test_totp_matches_rfc6238_vectors():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # "12345678901234567890"
    assert totp.code_at(secret, 59 // 30) == "287082"
    assert totp.code_at(secret, 1111111109 // 30) == "081804"
    assert totp.matching_step(secret, "081804", now=1111111109) == 1111111109 // 30
    assert totp.matching_step(secret, "81804", now=1111111109) is None


def test_passwords_are_hashed_with_argon2(user):
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert PASSWORD not in user.password


def test_login_form_requires_csrf_token(fast, user):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/accounts/login/", {"username": "reviewer1", "password": PASSWORD}).status_code == 403
    page = strict.get("/accounts/login/")
    token = page.cookies["csrftoken"].value
    assert b"csrfmiddlewaretoken" in page.content
    ok = strict.post("/accounts/login/", {"username": "reviewer1", "password": PASSWORD,
                                          "csrfmiddlewaretoken": token})
    assert ok.status_code == 302
