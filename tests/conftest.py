"""Shared fixtures. Core tests (tests/core) use none of the database fixtures."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("VIGIL_HOME", tempfile.mkdtemp(prefix="vigil-test-home-"))

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """The read-only shared material beside the checkout (tests only; skipped when absent)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def evidence_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "evidence"
    monkeypatch.setenv("VIGIL_EVIDENCE_DIR", str(path))
    return path


@pytest.fixture
def actor():
    from vigil.records.actions import Actor

    return Actor(label="test:operator")


@pytest.fixture
def source(db, actor):
    from vigil.records.actions import ensure_source

    return ensure_source("Test Monitor", actor, kind="ngo", independence_group="monitors-a")


@pytest.fixture(autouse=True)
def _forget_public_cache(request):
    """After a database test: drop the public site's cached pages, loaded columns and version.
    Public versions restart with every test database, so a later test could otherwise be
    served an earlier test's pages under the same version number."""
    yield
    if {"db", "transactional_db", "live_server"} & set(request.fixturenames):
        from vigil.publish import cache as page_cache
        from vigil.publish import front
        from vigil.statistics import columns

        columns.forget()
        page_cache.reset_version()
        page_cache.store().clear()
        front.forget()
