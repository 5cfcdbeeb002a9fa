"""Clear messages for faults of the machine rather than of the input: a read-only or full
database, a full disk, a folder that cannot be written. Each names the path concerned."""
from __future__ import annotations

import errno


def database_location() -> str:
    """The database file (SQLite) or URL without password (PostgreSQL) in use."""
    try:
        from django.conf import settings

        db = settings.DATABASES["default"]
        if db["ENGINE"].endswith("sqlite3"):
            return str(db["NAME"])
        return f"{db['ENGINE'].rsplit('.', 1)[-1]} database {db.get('NAME')} on {db.get('HOST') or 'localhost'}"
    except Exception:  # noqa: BLE001 - settings not configured: fall back to the environment
        from vigil.site.config import database_url

        return database_url()


_DB_MESSAGES = (
    ("readonly", "the database {where} is read-only (check the file, its folder and the mount are writable)"),
    ("read-only", "the database {where} is read-only (check the file, its folder and the mount are writable)"),
    ("disk is full", "the disk holding the database {where} is full; free some space and run the command again"),
    ("disk i/o error", "the database {where} could not be written (disk I/O error; is the disk full or failing?)"),
    ("unable to open database", "cannot open the database {where} (does the folder exist and is it writable?)"),
    ("no space left", "the disk holding the database {where} is full; free some space and run the command again"),
)

_OS_MESSAGES = {
    errno.ENOSPC: "no space left on the device holding {path}; free some space and run the command again",
    errno.EDQUOT: "disk quota exceeded writing {path}",
    errno.EROFS: "{path} is on a read-only file system",
    errno.EACCES: "permission denied writing {path}",
    errno.EPERM: "permission denied writing {path}",
}


def explain(exc: BaseException, depth: int = 0) -> str | None:
    """A one-line message for a machine fault, or None if ``exc`` is something else."""
    if type(exc).__name__ == "FieldKeyError":  # a missing or wrong key for an encrypted field
        return str(exc)
    text = str(exc).lower()
    if type(exc).__name__ in ("OperationalError", "DatabaseError") or exc.__class__.__module__.startswith("sqlite3"):
        for needle, message in _DB_MESSAGES:
            if needle in text:
                return f"{message.format(where=database_location())} [{exc}]"
    if isinstance(exc, OSError) and exc.errno in _OS_MESSAGES:
        path = exc.filename or "the data folder"
        return f"{_OS_MESSAGES[exc.errno].format(path=path)} [{exc.strerror}]"
    cause = exc.__cause__ or exc.__context__
    return explain(cause, depth + 1) if cause is not None and cause is not exc and depth < 5 else None


def report_fault(command: str, exc: BaseException) -> int:
    """Print the clear message for a machine fault and return exit status 2; re-raise anything else."""
    import sys

    message = explain(exc)
    if message is None:
        raise exc
    print(f"vigil {command}: error: {message}", file=sys.stderr)
    return 2
