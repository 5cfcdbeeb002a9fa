"""Encryption at rest of single text values (no Django import): Fernet from ``cryptography``.

A stored value is either plain text (encryption off, or a row written before it was turned
on) or ``vigil-enc:1:<key id>:<Fernet token>``. The key id is the first 8 hex digits of the
SHA-256 of the key: it names the key a value needs without revealing anything about it.

A :class:`Keyring` holds one or more Fernet keys; the first encrypts, every key decrypts
(``MultiFernet``'s convention), so a new key can be put first and old values re-encrypted
under it (:meth:`Keyring.reencrypt`) before the old key is retired.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

PREFIX = "vigil-enc:1:"


class FieldKeyError(Exception):
    """A value that cannot be encrypted or decrypted with the configured keys."""


def key_id(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()[:8]


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def is_encrypted(value) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def stored_key_id(value: str) -> str:
    """The key id of an encrypted value."""
    return value[len(PREFIX):].split(":", 1)[0]


class Keyring:
    """Fernet keys by id; ``keys[0]`` is the primary (encrypting) key."""

    def __init__(self, keys: list[str], origin: str = "keys"):
        if not keys:
            raise FieldKeyError(f"{origin}: no field key")
        self.origin = origin
        self.fernets: dict[str, Fernet] = {}
        for n, key in enumerate(keys, 1):
            try:
                self.fernets[key_id(key)] = Fernet(key.encode("ascii"))
            except (ValueError, UnicodeEncodeError) as exc:
                raise FieldKeyError(f"{origin}: key {n} is not a Fernet key "
                                    "(32 url-safe base64-encoded bytes; make one with `vigil keys generate`)") from exc
        self.primary = key_id(keys[0])

    @property
    def ids(self) -> list[str]:
        return list(self.fernets)

    def encrypt(self, text: str) -> str:
        token = self.fernets[self.primary].encrypt(text.encode("utf-8")).decode("ascii")
        return f"{PREFIX}{self.primary}:{token}"

    def decrypt(self, value: str, where: str = "a value") -> str:
        kid, _, token = value[len(PREFIX):].partition(":")
        fernet = self.fernets.get(kid)
        if fernet is None:
            raise FieldKeyError(f"{where} is encrypted with key {kid}, which is not among the configured keys "
                                f"({', '.join(self.ids)}) from {self.origin}")
        try:
            return fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as exc:
            raise FieldKeyError(f"{where} does not decrypt with key {kid}: the stored value is damaged "
                                "or was altered") from exc

    def reencrypt(self, value: str, where: str = "a value") -> str:
        """``value`` (plain or encrypted under any known key) encrypted under the primary key."""
        if not is_encrypted(value):
            return self.encrypt(value)
        kid = stored_key_id(value)
        if kid == self.primary:
            return value
        self.decrypt(value, where)  # a clear error for an unknown key or a damaged value
        token = value[len(PREFIX) + len(kid) + 1:].encode("ascii")
        rotated = MultiFernet([self.fernets[self.primary], self.fernets[kid]]).rotate(token)
        return f"{PREFIX}{self.primary}:{rotated.decode('ascii')}"


# --- where the keys come from -----------------------------------------------------------

def parse_keys(text: str) -> list[str]:
    """Keys one a line (``#`` comments and blank lines ignored) or comma-separated."""
    keys = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        keys += [k.strip() for k in line.split(",") if k.strip()]
    return keys


def file_keys(path: Path) -> list[str]:
    """The keys in a key file, which must be readable by its owner only."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise FieldKeyError(f"{path}: the key file is readable by other users (mode {stat.S_IMODE(mode):o}); "
                            f"run chmod 600 {path}")
    try:
        return parse_keys(path.read_text(encoding="ascii"))
    except UnicodeDecodeError as exc:
        raise FieldKeyError(f"{path}: not a key file (keys are ASCII)") from exc


def read_key_file(path: Path) -> Keyring:
    return Keyring(file_keys(path), origin=str(path))


def write_key_file(path: Path, keys: list[str]) -> None:
    """Write ``keys`` (primary first) to ``path`` with mode 0600, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write("# Vigil field keys: the first encrypts, all decrypt. Back this file up apart from the data.\n")
        handle.write("".join(f"{key}\n" for key in keys))
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def keyring_from(env_keys: str | None, key_file: Path) -> Keyring | None:
    """The configured keyring: ``env_keys`` (VIGIL_FIELD_KEYS) if set, else ``key_file`` if it
    exists, else None (encryption off)."""
    if env_keys and env_keys.strip():
        return Keyring(parse_keys(env_keys), origin="VIGIL_FIELD_KEYS")
    if key_file.is_file():
        return read_key_file(key_file)
    return None


def create_key_file(path: Path) -> str:
    """Write a new key file holding one new key; returns its key id."""
    if path.exists():
        raise FieldKeyError(f"{path} already exists: use `vigil keys rotate` to add a new key")
    key = new_key()
    write_key_file(path, [key])
    return key_id(key)


def rotate_key_file(path: Path) -> str:
    """Put a new primary key first in the key file, keeping the old keys; returns the new id."""
    read_key_file(path)  # checks its mode and that every key in it is valid
    key = new_key()
    write_key_file(path, [key, *file_keys(path)])
    return key_id(key)


def retire_key(path: Path, kid: str) -> None:
    """Remove key ``kid`` (not the primary) from the key file."""
    keys = file_keys(path)
    ids = [key_id(k) for k in keys]
    if kid not in ids:
        raise FieldKeyError(f"{path}: no key {kid} (keys: {', '.join(ids)})")
    if ids[0] == kid:
        raise FieldKeyError(f"{path}: key {kid} is the primary key; rotate first")
    write_key_file(path, [k for k in keys if key_id(k) != kid])
