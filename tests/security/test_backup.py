"""vigil backup / vigil restore: a round trip loses nothing, evidentiary hashes included."""
from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from tests.security.conftest import SAMPLE, runner, sqlite_pass_only
from vigil.core import backup as bk
from vigil.core.evidence import sha256_file


def populate(run) -> None:
    run("init", "--no-input")
    run("ingest", str(SAMPLE / "reports"), "--source", "Monitor A", "--source-kind", "ngo")
    run("import", str(SAMPLE / "lists" / "sample-list.csv"), "--source", "List B",
        "--mapping", str(SAMPLE / "lists" / "sample-list.toml"))


def sqlite_tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in bk._sqlite_tables(conn)}
    finally:
        conn.close()


def evidence_hashes(root: Path) -> dict[str, str]:
    return {p.name: sha256_file(p) for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def populated(tmp_path_factory):
    run = runner(tmp_path_factory.mktemp("backup") / "home")
    populate(run)
    return run


@sqlite_pass_only
def test_sqlite_round_trip_keeps_everything(populated, tmp_path):
    dest = tmp_path / "backup"
    out = populated("backup", str(dest))
    assert "verified" in out.stdout
    assert (dest / "manifest.json").is_file() and (dest / "database.sqlite3").is_file()
    restored = runner(tmp_path / "restored")
    assert "verified" in restored("restore", str(dest)).stdout
    before, after = sqlite_tables(populated.home / "vigil.sqlite3"), sqlite_tables(restored.home / "vigil.sqlite3")
    assert before == after
    assert len(before["records_document"]) >= 20 and len(before["records_mention"]) > 50
    hashes_before, hashes_after = evidence_hashes(populated.home / "evidence"), evidence_hashes(restored.home / "evidence")
    assert hashes_before == hashes_after
    assert all(name == digest for name, digest in hashes_after.items())
    # the restored installation works: vigil verify re-hashes every copy
    verify = restored("verify")
    assert " 0 changed, 0 missing" in verify.stdout
    # restoring over a database refuses without --force
    again = restored("restore", str(dest), check=False)
    assert again.returncode == 2 and "already there" in again.stderr


@sqlite_pass_only
def test_verification_catches_a_tampered_backup(populated, tmp_path):
    dest = tmp_path / "backup"
    populated("backup", str(dest))
    copy = next(p for p in (dest / "evidence").rglob("*") if p.is_file())
    os.chmod(copy, 0o644)
    copy.write_bytes(copy.read_bytes() + b" tampered")
    gone = next(p for p in (dest / "evidence").rglob("*") if p.is_file() and p != copy)
    gone.unlink()
    conn = sqlite3.connect(dest / "database.sqlite3")
    conn.execute("DELETE FROM records_auditevent WHERE id = (SELECT MAX(id) FROM records_auditevent)")
    conn.commit()
    conn.close()
    out = populated("backup", "--verify-only", str(dest), check=False)
    assert out.returncode == 1
    assert f"evidentiary copy {copy} changed" in out.stderr
    assert f"evidentiary copy {gone.name} of a document is missing" in out.stderr
    assert "table records_auditevent has" in out.stderr
    restored = runner(tmp_path / "restored")
    refused = restored("restore", str(dest), check=False)
    assert refused.returncode == 2 and "nothing restored" in refused.stderr
    assert not (restored.home / "vigil.sqlite3").exists() or (restored.home / "vigil.sqlite3").stat().st_size == 0


@sqlite_pass_only
def test_backup_refuses_a_non_empty_folder_and_an_interrupted_backup(populated, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    out = populated("backup", str(tmp_path / "full"), check=False)
    assert out.returncode == 2 and "not empty" in out.stderr
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "database.sqlite3").write_bytes(b"")
    out = populated("backup", "--verify-only", str(tmp_path / "half"), check=False)
    assert out.returncode == 2 and "no manifest" in out.stderr


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("needs DATABASE_URL=postgres://… and pg_dump/pg_restore (scripts/test.sh provides them)")
    return url


def _pg_database(url: str, name: str, drop: bool = False) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"' if drop else f'CREATE DATABASE "{name}"')
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def pg_tables(url: str) -> dict[str, list[str]]:
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        names = list(bk.pg_counts(cur))
        out = {}
        for table in names:
            cur.execute(f'SELECT * FROM "{table}"')
            out[table] = sorted(map(repr, cur.fetchall()))
        return out


@pytest.mark.postgres
def test_postgres_round_trip_keeps_everything(tmp_path):
    url = _postgres_url()
    tag = uuid.uuid4().hex[:8]
    names = [f"vigil_bk_src_{tag}", f"vigil_bk_dst_{tag}"]
    src_url, dst_url = (_pg_database(url, n) for n in names)
    try:
        source = runner(tmp_path / "src", src_url)
        populate(source)
        dest = tmp_path / "backup"
        assert "verified" in source("backup", str(dest)).stdout
        assert (dest / "database.pgdump").is_file()
        target = runner(tmp_path / "dst", dst_url)
        assert "verified" in target("restore", str(dest)).stdout
        before, after = pg_tables(src_url), pg_tables(dst_url)
        assert before == after and len(before["records_document"]) >= 20
        assert evidence_hashes(tmp_path / "src" / "evidence") == evidence_hashes(tmp_path / "dst" / "evidence")
        assert " 0 changed, 0 missing" in target("verify").stdout
    finally:
        for name in names:
            _pg_database(url, name, drop=True)
