"""vigil backup DEST: a verified copy of the database and every evidentiary copy."""
from __future__ import annotations

import sys
from pathlib import Path

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("backup", help="back up the database and the evidence store, then verify the backup")
    parser.add_argument("dest", type=Path, help="a new (or empty) folder")
    parser.add_argument("--verify-only", action="store_true", help="only check an existing backup folder")
    parser.set_defaults(func=run)


def report(result, check_fields: bool = True) -> int:
    for line in result.problems:
        print(line, file=sys.stderr)
    print(result.summary())
    if result.ok and check_fields:
        warn_encryption()
    return 0 if result.ok else 1


def warn_encryption() -> None:
    """Warn of plain SENSITIVE values under configured keys, or of encrypted ones without their key."""
    from vigil.cli.commands.keys import encryption_note
    from vigil.core.fieldcrypt import FieldKeyError

    try:
        note = encryption_note()
    except CommandError:  # a database not initialised: nothing to say about its fields
        return
    except FieldKeyError as exc:  # e.g. a key file others can read
        note = str(exc)
    if note:
        print(f"warning: {note}", file=sys.stderr)


def run(args) -> int:
    from vigil.core.backup import BackupError, backup, verify_backup
    from vigil.site.config import database_url, evidence_dir

    try:
        if args.verify_only:
            return report(verify_backup(args.dest), check_fields=False)
        return report(backup(database_url(), evidence_dir(), args.dest))
    except (BackupError, OSError) as exc:
        raise CommandError(str(exc)) from exc
