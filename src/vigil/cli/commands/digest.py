"""vigil digest: the daily digest e-mail for cron (changes of the last day, who is at risk)."""
from __future__ import annotations


def add(sub) -> None:
    parser = sub.add_parser("digest", help="send the daily digest e-mail to every subscriber (for cron)")
    parser.add_argument("--hours", type=int, default=24, help="changes detected in the last N hours (default 24)")
    parser.add_argument("--always", action="store_true", help="send even when there is nothing to report")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.records.actions import Actor
    from vigil.watch.digest import send_digest

    counts = send_digest(Actor.cli(), hours=args.hours, always=args.always)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if counts["failed"] else 0
