"""A text field encrypted at rest once field keys are configured (docs/security/encryption.md).

Keys come from ``VIGIL_FIELD_KEYS`` or the key file (``VIGIL_FIELD_KEY_FILE``, default
``$VIGIL_HOME/field-keys``); without either, values are stored as plain text (the default).
Reading works for both: plain values (rows written before encryption was turned on) are
returned as they are, encrypted ones are decrypted or raise :class:`FieldKeyError` naming the
field. Empty values stay empty. The database cannot search or filter on an encrypted value.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from django.db import models

from vigil.core import fieldcrypt
from vigil.core.fieldcrypt import FieldKeyError
from vigil.site.config import field_key_file

_cache: dict[tuple, fieldcrypt.Keyring | None] = {}


def _file_state(path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return (None,)
    return (st.st_mtime_ns, st.st_size, st.st_mode)


@functools.lru_cache(maxsize=8)
def _key_file(*environment) -> Path:
    return field_key_file()


def keyring() -> fieldcrypt.Keyring | None:
    """The configured keys (re-read when the environment or the key file changes), or None."""
    env = os.environ.get("VIGIL_FIELD_KEYS")
    path = _key_file(*(os.environ.get(v) for v in ("VIGIL_FIELD_KEY_FILE", "VIGIL_HOME", "XDG_DATA_HOME")))
    state = (env, str(path), _file_state(path))
    ring = _cache.get(state, _cache)
    if ring is _cache:  # not cached (safe against another thread clearing the cache meanwhile)
        ring = fieldcrypt.keyring_from(env, path)
        _cache.clear()
        _cache[state] = ring
    return ring


def missing_key_message(where: str) -> str:
    return (f"{where} is encrypted but no field key is configured: set VIGIL_FIELD_KEYS or put the key file "
            f"at {field_key_file()} (docs/security/encryption.md)")


class EncryptedTextField(models.TextField):
    """A TextField whose non-empty values are stored as ``vigil-enc:1:…`` when keys are configured."""

    def label(self) -> str:
        return f"{self.model._meta.label}.{self.name}" if hasattr(self, "model") else self.name

    def from_db_value(self, value, expression, connection):
        if not fieldcrypt.is_encrypted(value):
            return value
        ring = keyring()
        if ring is None:
            raise FieldKeyError(missing_key_message(self.label()))
        return ring.decrypt(value, self.label())

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        ring = keyring()
        if ring is not None:
            return ring.encrypt(value)
        if fieldcrypt.is_encrypted(value):
            raise FieldKeyError(f"{self.label()}: a plain value may not start with {fieldcrypt.PREFIX!r}")
        return value
