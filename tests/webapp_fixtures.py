"""Fixtures shared by the API and workspace tests: fast hashing, a clean cache, seeded data and users."""
from __future__ import annotations

import pytest

from tests.api import factories


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    from django.core.cache import cache

    from vigil.publish import cache as page_cache

    monkeypatch.setattr(page_cache, "VERSION_TTL", 0)  # the API cache re-reads the public version every request
    page_cache.reset_version()
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(db, evidence_dir):
    return factories.site()


@pytest.fixture
def people(db):
    return factories.users()


@pytest.fixture
def tokens(people):
    return factories.tokens(people)
