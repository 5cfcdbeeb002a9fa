"""Encryption at rest of the SENSITIVE fields: bring stored values under the primary key,
or back to plain text (docs/security/encryption.md). Works on the raw columns, history
tables included, so no plain copy survives in a historical row."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from django.apps import apps
from django.db import connection, transaction

from vigil.core import fieldcrypt
from vigil.core.fieldcrypt import FieldKeyError
from vigil.records.actions.audit import Actor, audit
from vigil.records.fields import EncryptedTextField, keyring
from vigil.site.config import field_key_file


def encrypted_columns() -> list[tuple[type, str]]:
    """Every (model, field name) stored by an EncryptedTextField, historical models included."""
    return [(model, field.name) for model in apps.get_models()
            for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]


def _label(model, name: str) -> str:
    return f"{model._meta.label}.{name}"


def _raw_values(model, name: str) -> list[tuple]:
    q = connection.ops.quote_name
    column, pk = model._meta.get_field(name).column, model._meta.pk.column
    with connection.cursor() as cur:
        cur.execute(f"SELECT {q(pk)}, {q(column)} FROM {q(model._meta.db_table)} WHERE {q(column)} <> ''")
        return cur.fetchall()


def _write_raw(model, name: str, rows: list[tuple]) -> None:
    q = connection.ops.quote_name
    column, pk = model._meta.get_field(name).column, model._meta.pk.column
    with connection.cursor() as cur:
        cur.executemany(f"UPDATE {q(model._meta.db_table)} SET {q(column)} = %s WHERE {q(pk)} = %s", rows)


def key_status() -> dict[str, Counter]:
    """Per column: how many non-empty values are plain and how many each key id encrypts."""
    status = {}
    for model, name in encrypted_columns():
        status[_label(model, name)] = Counter(
            fieldcrypt.stored_key_id(v) if fieldcrypt.is_encrypted(v) else "plain" for _, v in _raw_values(model, name))
    return status


def _transform(convert: Callable[[str, str], str]) -> dict[str, int]:
    changed = {}
    for model, name in encrypted_columns():
        where = _label(model, name)
        rows = [(new, pk) for pk, old in _raw_values(model, name) if (new := convert(old, f"{where} (id {pk})")) != old]
        _write_raw(model, name, rows)
        changed[where] = len(rows)
    return changed


def _required_keyring() -> fieldcrypt.Keyring:
    ring = keyring()
    if ring is None:
        raise FieldKeyError(f"no field key is configured: set VIGIL_FIELD_KEYS or create the key file "
                            f"{field_key_file()} with `vigil keys generate`")
    return ring


@transaction.atomic
def encrypt_all(actor: Actor) -> dict[str, int]:
    """Encrypt every plain value and re-encrypt every value under an older key with the primary
    key (key rotation). Returns the number of values changed per column."""
    ring = _required_keyring()
    changed = _transform(ring.reencrypt)
    audit("keys.encrypt", actor, primary_key=ring.primary, changed=changed)
    return changed


@transaction.atomic
def decrypt_all(actor: Actor) -> dict[str, int]:
    """Write every encrypted value back as plain text (turning encryption off)."""
    ring = _required_keyring()
    changed = _transform(lambda v, where: ring.decrypt(v, where) if fieldcrypt.is_encrypted(v) else v)
    audit("keys.decrypt", actor, keys=ring.ids, changed=changed)
    return changed


def purge_old_copies() -> None:
    """Drop the database pages that still hold values as they were before a rewrite: SQLite
    checkpoints its write-ahead log and VACUUMs; PostgreSQL VACUUM FULLs the tables concerned.
    Not a write of records (nothing to audit); must run outside a transaction."""
    q = connection.ops.quote_name
    with connection.cursor() as cur:
        if connection.vendor == "sqlite":
            for statement in ("PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"):
                cur.execute(statement)
        elif connection.vendor == "postgresql":
            for table in sorted({model._meta.db_table for model, _ in encrypted_columns()}):
                cur.execute(f"VACUUM FULL {q(table)}")
