"""Fixtures shared by the API and workspace tests: fast hashing, a clean cache, seeded data and users."""
from __future__ import annotations

import pytest

from tests.api import factories


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

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
