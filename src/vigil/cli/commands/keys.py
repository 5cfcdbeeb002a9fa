"""vigil keys: encryption at rest of the SENSITIVE fields (docs/security/encryption.md).

``generate`` writes a new key file (mode 0600); ``encrypt`` encrypts every plain value (history
rows included) and re-encrypts values under older keys; ``rotate`` puts a new key first in the
key file and re-encrypts; ``retire KEY_ID`` removes an old key no value uses any more;
``status`` counts plain and encrypted values; ``decrypt`` turns encryption off.
"""
from __future__ import annotations

import os
from collections import Counter

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("keys", help="encryption at rest of sensitive fields: generate, encrypt, rotate keys")
    actions = parser.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    generate = actions.add_parser("generate", help="write a new key file (mode 0600); --print prints a key instead")
    generate.add_argument("--print", action="store_true", dest="print_key",
                          help="print a new key (for VIGIL_FIELD_KEYS or a secret store) and write nothing")
    actions.add_parser("status", help="configured key ids; plain and encrypted values per field")
    actions.add_parser("encrypt", help="encrypt every plain value and re-encrypt older keys' values (audited)")
    actions.add_parser("rotate", help="add a new primary key to the key file and re-encrypt everything (audited)")
    retire = actions.add_parser("retire", help="remove an old key from the key file once no value needs it")
    retire.add_argument("key_id")
    actions.add_parser("decrypt", help="write every value back as plain text: encryption off (audited)")
    parser.set_defaults(func=run)


def _key_file():
    from vigil.site.config import field_key_file

    if os.environ.get("VIGIL_FIELD_KEYS"):
        raise CommandError("the keys come from VIGIL_FIELD_KEYS: edit it there (new key first, comma-separated), "
                           "then run `vigil keys encrypt`")
    return field_key_file()


def run(args) -> int:
    from vigil.core import fieldcrypt

    if args.keys_action == "generate" and args.print_key:
        print(fieldcrypt.new_key())
        return 0
    if args.keys_action == "generate":
        path = _key_file()
        kid = fieldcrypt.create_key_file(path)
        print(f"key {kid} written to {path} (mode 600). Back it up now, apart from the data; "
              "then run `vigil keys encrypt`.")
        return 0
    from vigil.cli.django_setup import setup

    setup()
    return ACTIONS[args.keys_action](args)


def _changed(changed: dict[str, int]) -> None:
    for where, n in changed.items():
        print(f"{where}\t{n} rewritten")


def _status(args) -> int:
    from vigil.records.actions.keys import key_status
    from vigil.records.fields import keyring

    ring = keyring()
    print(f"keys: {', '.join(ring.ids)} (primary {ring.primary}) from {ring.origin}" if ring else "keys: none (encryption off)")
    for where, counts in key_status().items():
        print(f"{where}\t" + (", ".join(f"{k} {n}" for k, n in sorted(counts.items())) or "no values"))
    return 0


def _encrypt(args) -> int:
    from vigil.records.actions import Actor
    from vigil.records.actions.keys import encrypt_all, purge_old_copies

    _changed(encrypt_all(Actor.cli()))
    purge_old_copies()
    return 0


def _rotate(args) -> int:
    from vigil.core import fieldcrypt

    path = _key_file()
    if not path.is_file():
        raise CommandError(f"no key file at {path}: run `vigil keys generate` first")
    kid = fieldcrypt.rotate_key_file(path)
    print(f"new primary key {kid} added to {path}; back the file up again")
    _encrypt(args)
    print("older keys stay in the file for older backups: `vigil keys retire KEY_ID` removes one")
    return 0


def _retire(args) -> int:
    from vigil.core import fieldcrypt
    from vigil.records.actions.keys import key_status

    users = [where for where, counts in key_status().items() if counts.get(args.key_id)]
    if users:
        raise CommandError(f"key {args.key_id} still encrypts values in {', '.join(users)}: run `vigil keys encrypt`")
    fieldcrypt.retire_key(_key_file(), args.key_id)
    print(f"key {args.key_id} removed from the key file (backups made with it now need your copy of the old file)")
    return 0


def _decrypt(args) -> int:
    from vigil.records.actions import Actor
    from vigil.records.actions.keys import decrypt_all, purge_old_copies

    _changed(decrypt_all(Actor.cli()))
    purge_old_copies()
    print("values are plain text again; remove the key (file or VIGIL_FIELD_KEYS), or new writes are encrypted")
    return 0


ACTIONS = {"status": _status, "encrypt": _encrypt, "rotate": _rotate, "retire": _retire, "decrypt": _decrypt}


def encryption_note() -> str | None:
    """For vigil backup/restore: plain SENSITIVE values although keys are configured, or
    encrypted ones whose key is missing (None when neither)."""
    from vigil.cli.django_setup import setup

    setup()
    from vigil.records.actions.keys import key_status
    from vigil.records.fields import keyring

    ring, totals = keyring(), sum(key_status().values(), start=Counter())
    missing = sorted(set(totals) - {"plain"} - set(ring.ids if ring else []))
    if missing:
        return (f"{sum(totals[k] for k in missing)} sensitive values are encrypted with key(s) {', '.join(missing)}, "
                "which are not configured: they cannot be read until the key is restored (VIGIL_FIELD_KEYS or the key file)")
    if ring and totals["plain"]:
        return f"{totals['plain']} sensitive values are still plain text: run `vigil keys encrypt`"
    return None
