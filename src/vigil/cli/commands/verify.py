"""vigil verify: re-hash every evidentiary copy; report any that changed or went missing."""
from __future__ import annotations

import sys


def add(sub) -> None:
    parser = sub.add_parser("verify", help="re-hash every evidentiary copy")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.ingest.verify import verify_all
    from vigil.records.actions import Actor

    counts, problems = verify_all(Actor.cli())
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{sum(counts.values())} evidentiary copies: {counts['ok']} ok, {counts['changed']} changed, "
          f"{counts['missing']} missing")
    return 1 if problems else 0
