"""Content-addressed store of evidentiary copies.

An evidentiary copy is the unaltered bytes of a captured report, stored once under its
SHA-256 (``ab/cd/abcd…``) and never rewritten. Files are written read-only through a
temporary file and an atomic rename, so a crash never leaves a half-written copy.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class EvidenceStore:
    """``sync=False`` skips the per-file fsync: a bulk job then calls :func:`flush` once at its end."""

    root: Path
    sync: bool = True

    def path_for(self, sha: str) -> Path:
        return Path(self.root) / sha[:2] / sha[2:4] / sha

    def store(self, content: bytes) -> str:
        """Store ``content`` (idempotent) and return its SHA-256."""
        sha = sha256_hex(content)
        target = self.path_for(sha)
        if target.exists():
            return sha
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        except OSError as exc:
            raise _naming(exc, target.parent) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                handle.flush()
                if self.sync:
                    os.fsync(handle.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise _naming(exc, target) from exc
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def read(self, sha: str) -> bytes:
        return self.path_for(sha).read_bytes()

    def check(self, sha: str) -> str:
        """'ok', 'missing' or 'changed' for the copy stored under ``sha``."""
        path = self.path_for(sha)
        if not path.exists():
            return "missing"
        return "ok" if sha256_file(path) == sha else "changed"


def _naming(exc: OSError, path: Path) -> OSError:
    """The same error, naming the evidentiary copy's path (a failed write() names none)."""
    if exc.filename:
        return exc
    return type(exc)(exc.errno, f"{exc.strerror} (evidentiary copy {path})", str(path))


def flush() -> None:
    """Force every written evidentiary copy to disk (after a bulk job with ``sync=False``)."""
    os.sync()
