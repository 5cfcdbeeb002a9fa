"""vigil restore SRC: put a backup back (into an empty database unless --force), then verify it."""
from __future__ import annotations

from pathlib import Path

from vigil.cli.main import CommandError


def add(sub) -> None:
    parser = sub.add_parser("restore", help="restore a backup made by vigil backup, then verify it")
    parser.add_argument("src", type=Path, help="the backup folder")
    parser.add_argument("--force", action="store_true", help="replace an existing database")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.commands.backup import report
    from vigil.core.backup import BackupError, restore
    from vigil.site.config import database_url, evidence_dir

    try:
        return report(restore(args.src, database_url(), evidence_dir(), force=args.force))
    except (BackupError, OSError) as exc:
        raise CommandError(str(exc)) from exc
