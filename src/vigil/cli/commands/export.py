"""vigil export KIND --format jsonl|csv: cases, persons, mentions, documents, claims."""
from __future__ import annotations

import sys
from pathlib import Path

KINDS = ("cases", "persons", "mentions", "documents", "claims")


def add(sub) -> None:
    parser = sub.add_parser("export", help="export records as JSON Lines or CSV")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    parser.add_argument("--published-only", action="store_true", help="only records a reviewer has published")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.records import exports

    rows = exports.ROWS[args.kind](published_only=args.published_only)
    writer = exports.write_csv if args.format == "csv" else exports.write_jsonl
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = writer(rows, out)
        print(f"{count} {args.kind} written to {args.output}", file=sys.stderr)
    else:
        writer(rows, sys.stdout)
    return 0
