"""Where Vigil keeps its data, read from the environment (no Django import).

``VIGIL_HOME`` holds the default SQLite database and the evidence store; it
defaults to ``$XDG_DATA_HOME/vigil`` (``~/.local/share/vigil``).
``DATABASE_URL`` overrides the database (``sqlite:///path`` or
``postgres://user@host:port/name``).
``VIGIL_FIELD_KEYS`` / ``VIGIL_FIELD_KEY_FILE`` turn on encryption at rest of SENSITIVE fields.
"""
from __future__ import annotations

import os
from pathlib import Path


def vigil_home() -> Path:
    """The data directory, created on first use."""
    explicit = os.environ.get("VIGIL_HOME")
    if explicit:
        home = Path(explicit)
    else:
        xdg = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        home = Path(xdg) / "vigil"
    home.mkdir(parents=True, exist_ok=True)
    return home.resolve()


def database_url() -> str:
    """The configured database URL, defaulting to SQLite in VIGIL_HOME."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{vigil_home() / 'vigil.sqlite3'}"


def evidence_dir() -> Path:
    """Content-addressed store of evidentiary copies."""
    path = Path(os.environ.get("VIGIL_EVIDENCE_DIR") or vigil_home() / "evidence")
    path.mkdir(parents=True, exist_ok=True)
    return path


def field_key_file() -> Path:
    """The key file for encryption at rest of SENSITIVE fields (used when VIGIL_FIELD_KEYS is unset)."""
    explicit = os.environ.get("VIGIL_FIELD_KEY_FILE")
    return Path(explicit) if explicit else vigil_home() / "field-keys"
