"""vigil.core.fieldcrypt: values, keyrings and key files (no database)."""
from __future__ import annotations

import os

import pytest

from vigil.core import fieldcrypt
from vigil.core.fieldcrypt import FieldKeyError, Keyring


def test_values_round_trip_under_a_prefix_naming_the_key():
    ring = Keyring([fieldcrypt.new_key()])
    stored = ring.encrypt("شاهد: زندان اوین")
    assert stored.startswith(f"vigil-enc:1:{ring.primary}:") and "اوین" not in stored
    assert ring.decrypt(stored) == "شاهد: زندان اوین"
    assert ring.encrypt("x") != ring.encrypt("x")  # a fresh IV each time: equal values do not show


def test_reencrypt_moves_plain_and_old_values_under_the_primary_key():
    old_key, new_key = fieldcrypt.new_key(), fieldcrypt.new_key()
    old = Keyring([old_key])
    both = Keyring([new_key, old_key])
    for value in ("plain note", old.encrypt("old note")):
        moved = both.reencrypt(value)
        assert fieldcrypt.stored_key_id(moved) == both.primary
        assert Keyring([new_key]).decrypt(moved) in ("plain note", "old note")
    current = both.encrypt("current")
    assert both.reencrypt(current) == current


def test_bad_keys_and_damaged_values_are_clear_errors():
    with pytest.raises(FieldKeyError, match="key 2 is not a Fernet key"):
        Keyring([fieldcrypt.new_key(), "not-a-key"], origin="VIGIL_FIELD_KEYS")
    ring = Keyring([fieldcrypt.new_key()])
    stored = ring.encrypt("note")
    with pytest.raises(FieldKeyError, match=r"Person\.private_notes is encrypted with key \w{8}, which is not"):
        Keyring([fieldcrypt.new_key()]).decrypt(stored, "Person.private_notes")
    with pytest.raises(FieldKeyError, match="does not decrypt"):
        ring.decrypt(stored[:-4] + ("AAAA" if not stored.endswith("AAAA") else "BBBB"), "Person.private_notes")


def test_key_file_life_cycle(tmp_path):
    path = tmp_path / "keys" / "field-keys"
    assert fieldcrypt.keyring_from(None, path) is None  # encryption off
    first = fieldcrypt.create_key_file(path)
    assert os.stat(path).st_mode & 0o777 == 0o600
    with pytest.raises(FieldKeyError, match="already exists"):
        fieldcrypt.create_key_file(path)
    second = fieldcrypt.rotate_key_file(path)
    ring = fieldcrypt.keyring_from("", path)
    assert ring.ids == [second, first] and ring.primary == second
    with pytest.raises(FieldKeyError, match="is the primary key"):
        fieldcrypt.retire_key(path, second)
    fieldcrypt.retire_key(path, first)
    assert fieldcrypt.read_key_file(path).ids == [second]
    env_key = fieldcrypt.new_key()
    assert fieldcrypt.keyring_from(f" {env_key} ", path).ids == [fieldcrypt.key_id(env_key)]  # the variable wins
    path.chmod(0o640)
    with pytest.raises(FieldKeyError, match="readable by other users.*chmod 600"):
        fieldcrypt.keyring_from(None, path)
