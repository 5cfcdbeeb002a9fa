"""vigil link: link case mentions into persons (Splink), rebuild cases, refresh the review queue."""
from __future__ import annotations


def add(sub) -> None:
    parser = sub.add_parser("link", help="link mentions of the same person across sources")
    parser.add_argument("--threshold", type=float, default=0.9, help="automatic match probability (default 0.9)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.records.actions import Actor
    from vigil.review.linking import link_all

    counts = link_all(Actor.cli(), threshold=args.threshold)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0
