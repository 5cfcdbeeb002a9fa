"""Backups of the case database and the evidence store, verified (no Django import).

A backup is a folder::

    DEST/database.sqlite3   (SQLite online backup API: a consistent copy of a live database)
    DEST/database.pgdump    (PostgreSQL: ``pg_dump -Fc`` from the snapshot the counts were taken in)
    DEST/evidence/ab/cd/…   (every evidentiary copy, read-only)
    DEST/manifest.json      (written last: row counts, document hashes, evidence hashes)

:func:`verify_backup` re-hashes every evidentiary copy, checks every document's copy is
present, compares row counts with the manifest and runs ``PRAGMA integrity_check``;
:func:`restore` puts a backup back and verifies the restored database the same way.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlparse

from vigil.core.evidence import sha256_file

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
DOCUMENT_TABLE = "records_document"


class BackupError(Exception):
    """A backup or restore that cannot be made or does not verify."""


@dataclass
class Verification:
    """The result of checking a backup or a restored database."""

    problems: list[str] = field(default_factory=list)
    evidence_files: int = 0
    tables: int = 0
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        state = "verified" if self.ok else f"{len(self.problems)} problems"
        return f"{self.tables} tables, {self.rows} rows, {self.evidence_files} evidentiary copies: {state}"


# --- databases --------------------------------------------------------------------------

def engine_of(url: str) -> str:
    scheme = urlparse(url).scheme
    if scheme.startswith("sqlite"):
        return "sqlite"
    if scheme.startswith("postgres"):
        return "postgres"
    raise BackupError(f"unsupported database URL scheme {scheme!r} (sqlite or postgres)")


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///path`` URL (dj-database-url's convention)."""
    path = unquote(url.split("://", 1)[1])
    return Path(path[1:] if path.startswith("//") else path)


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    return [r[0] for r in rows]


def sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in _sqlite_tables(conn)}


def sqlite_hashes(conn: sqlite3.Connection) -> list[str]:
    if DOCUMENT_TABLE not in _sqlite_tables(conn):
        return []
    return sorted({r[0] for r in conn.execute(f"SELECT sha256 FROM {DOCUMENT_TABLE}")})


def _open_sqlite(path: Path, readonly: bool = True) -> sqlite3.Connection:
    if not path.is_file():
        raise BackupError(f"{path}: no such database file")
    mode = "ro" if readonly else "rw"
    return sqlite3.connect(f"file:{path}?mode={mode}", uri=True, timeout=60)


def _regexp(pattern: str, value) -> bool:
    return value is not None and re.search(pattern, str(value)) is not None


def integrity(conn: sqlite3.Connection) -> str:
    """``PRAGMA integrity_check`` (CHECK constraints included: Django's REGEXP is provided)."""
    conn.create_function("REGEXP", 2, _regexp, deterministic=True)
    return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _backup_sqlite(url: str, dest: Path) -> tuple[dict[str, int], list[str]]:
    """Copy a live SQLite database; counts and hashes come from the same snapshot."""
    source = _open_sqlite(sqlite_path(url))
    try:
        source.execute("BEGIN")
        counts, hashes = sqlite_counts(source), sqlite_hashes(source)
        target = sqlite3.connect(dest / SQLITE_FILE)
        with target:
            source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        target.close()
        source.execute("COMMIT")
    finally:
        source.close()
    return counts, hashes


def _pg(url: str):
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - the postgres extra is missing
        raise BackupError("PostgreSQL backups need psycopg (pip install 'vigil[postgres]')") from exc
    return psycopg.connect(url, autocommit=False)


def pg_counts(cur) -> dict[str, int]:
    cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tables = [r[0] for r in cur.fetchall()]
    counts = {}
    for table in tables:
        cur.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cur.fetchone()[0]
    return counts


def pg_hashes(cur, counts: dict[str, int]) -> list[str]:
    if DOCUMENT_TABLE not in counts:
        return []
    cur.execute(f"SELECT DISTINCT sha256 FROM {DOCUMENT_TABLE} ORDER BY sha256")
    return [r[0] for r in cur.fetchall()]


def _run(cmd: list[str], what: str) -> None:
    if shutil.which(cmd[0]) is None:
        raise BackupError(f"{what} needs {cmd[0]} on PATH (Debian: apt-get install postgresql-client)")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {cmd[0]}: {done.stderr.strip()[-2000:]}")


def _backup_postgres(url: str, dest: Path) -> tuple[dict[str, int], list[str]]:
    """pg_dump -Fc from an exported snapshot, so the dump matches the counts exactly."""
    with _pg(url) as conn, conn.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur.execute("SELECT pg_export_snapshot()")
        snapshot = cur.fetchone()[0]
        counts = pg_counts(cur)
        hashes = pg_hashes(cur, counts)
        _run(["pg_dump", "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
              "-f", str(dest / PG_FILE), "-d", url], "backup")
        conn.rollback()
    return counts, hashes


# --- evidence ---------------------------------------------------------------------------

def evidence_files(root: Path) -> dict[str, Path]:
    """Every stored copy under ``root`` by its name (its SHA-256); temporary files ignored."""
    if not root.is_dir():
        return {}
    return {p.name: p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}


def copy_evidence(src: Path, dst: Path, only: set[str] | None = None) -> int:
    """Copy copies missing from ``dst`` (content-addressed: an existing name is the same bytes)."""
    copied = 0
    for sha, path in evidence_files(src).items():
        if only is not None and sha not in only:
            continue
        target = dst / path.relative_to(src)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".incoming-{sha}")
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o444)
        os.replace(tmp, target)
        copied += 1
    return copied


def check_evidence(root: Path, hashes: list[str], result: Verification) -> None:
    """Re-hash every copy under ``root``; every hash in ``hashes`` must be present and intact."""
    files = evidence_files(root)
    result.evidence_files = len(files)
    for sha, path in sorted(files.items()):
        actual = sha256_file(path)
        if actual != sha:
            result.problems.append(f"evidentiary copy {path} changed: its SHA-256 is now {actual}")
    for sha in hashes:
        if sha not in files:
            result.problems.append(f"evidentiary copy {sha} of a document is missing from {root}")


def compare_counts(expected: dict[str, int], actual: dict[str, int], result: Verification, where: str) -> None:
    result.tables, result.rows = len(actual), sum(actual.values())
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            result.problems.append(f"{where}: table {table} has {actual.get(table)} rows, expected {expected.get(table)}")


# --- backup, verify, restore ------------------------------------------------------------

def backup(database_url: str, evidence_root: Path, dest: Path) -> Verification:
    """Back up the database and the evidence store into the new folder ``dest``, then verify it."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest}: the backup folder exists and is not empty")
    dest.mkdir(parents=True, exist_ok=True)
    engine = engine_of(database_url)
    counts, hashes = (_backup_sqlite if engine == "sqlite" else _backup_postgres)(database_url, dest)
    copied = copy_evidence(Path(evidence_root), dest / "evidence", only=None)
    manifest = {"format": 1, "engine": engine, "created": datetime.now(timezone.utc).isoformat(),
                "database": SQLITE_FILE if engine == "sqlite" else PG_FILE, "counts": counts,
                "document_hashes": hashes, "evidence_files": copied}
    _write_json(dest / MANIFEST, manifest)
    return verify_backup(dest)


def _write_json(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".manifest-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{path}: no manifest (not a Vigil backup, or an interrupted one)")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path}: unreadable manifest: {exc}") from exc


def verify_backup(folder: Path) -> Verification:
    """Check a backup folder against its manifest (without restoring it)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    result = Verification()
    if manifest["engine"] == "sqlite":
        with _open_sqlite(folder / SQLITE_FILE) as conn:
            state = integrity(conn)
            if state != "ok":
                result.problems.append(f"{folder / SQLITE_FILE}: integrity_check: {state}")
            compare_counts(manifest["counts"], sqlite_counts(conn), result, str(folder / SQLITE_FILE))
            if sqlite_hashes(conn) != manifest["document_hashes"]:
                result.problems.append(f"{folder / SQLITE_FILE}: document hashes differ from the manifest")
    else:
        _run(["pg_restore", "--list", str(folder / PG_FILE)], "verification")
        result.tables, result.rows = len(manifest["counts"]), sum(manifest["counts"].values())
    check_evidence(folder / "evidence", manifest["document_hashes"], result)
    return result


def restore(folder: Path, database_url: str, evidence_root: Path, *, force: bool = False) -> Verification:
    """Put a verified backup back into ``database_url`` and ``evidence_root``, then verify the result."""
    folder = Path(folder)
    checked = verify_backup(folder)
    if not checked.ok:
        raise BackupError("the backup does not verify; nothing restored:\n" + "\n".join(checked.problems))
    manifest = read_manifest(folder)
    engine = engine_of(database_url)
    if engine != manifest["engine"]:
        raise BackupError(f"the backup is of a {manifest['engine']} database; the target is {engine}")
    (_restore_sqlite if engine == "sqlite" else _restore_postgres)(folder, database_url, force)
    copy_evidence(folder / "evidence", Path(evidence_root))
    return verify_restored(manifest, database_url, Path(evidence_root))


def _restore_sqlite(folder: Path, url: str, force: bool) -> None:
    target = sqlite_path(url)
    if target.exists() and target.stat().st_size and not force:
        raise BackupError(f"{target}: a database is already there (use --force to replace it)")
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    tmp = target.with_name(f".{target.name}.restoring")
    source = _open_sqlite(folder / SQLITE_FILE)
    dest = sqlite3.connect(tmp)
    with dest:
        source.backup(dest)
    dest.execute("PRAGMA journal_mode=WAL")  # as Vigil's settings expect
    dest.close()
    source.close()
    os.replace(tmp, target)


def _restore_postgres(folder: Path, url: str, force: bool) -> None:
    with _pg(url) as conn, conn.cursor() as cur:
        existing = pg_counts(cur)
    if existing and not force:
        raise BackupError(f"{_safe(url)}: the database already has tables (use --force to replace them)")
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", "-d", url, str(folder / PG_FILE)], "restore")


def verify_restored(manifest: dict, database_url: str, evidence_root: Path) -> Verification:
    """The restored database has the manifest's rows and hashes; every copy re-hashes."""
    result = Verification()
    if engine_of(database_url) == "sqlite":
        with _open_sqlite(sqlite_path(database_url)) as conn:
            state = integrity(conn)
            if state != "ok":
                result.problems.append(f"{sqlite_path(database_url)}: integrity_check: {state}")
            counts, hashes = sqlite_counts(conn), sqlite_hashes(conn)
    else:
        with _pg(database_url) as conn, conn.cursor() as cur:
            counts = pg_counts(cur)
            hashes = pg_hashes(cur, counts)
    compare_counts(manifest["counts"], counts, result, _safe(database_url))
    if hashes != manifest["document_hashes"]:
        result.problems.append("restored document hashes differ from the manifest")
    check_evidence(evidence_root, manifest["document_hashes"], result)
    return result


def _safe(url: str) -> str:
    """A database URL without its password, for messages."""
    parts = urlparse(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
