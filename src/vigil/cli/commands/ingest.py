"""vigil ingest PATH|URL|FEED…: capture reports, keep evidentiary copies, extract mentions."""
from __future__ import annotations

import sys


def add(sub) -> None:
    parser = sub.add_parser("ingest", help="capture report files, folders, URLs and feeds")
    parser.add_argument("targets", nargs="+", help="files, folders (recursive), URLs or RSS/Atom feed URLs")
    parser.add_argument("--source", default="Unattributed", help="the publishing source's name")
    parser.add_argument("--source-kind", default="other", help="official, ngo, media, family, … (new sources)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for all targets")
    parser.add_argument("--no-extract", action="store_true", help="capture only; extract later")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.core.progress import progress
    from vigil.ingest.collect import Outcome, ingest_target
    from vigil.records.actions import Actor, bulk_capture, ensure_source

    actor = Actor.cli()
    source = ensure_source(args.source, actor, kind=args.source_kind)
    outcome = Outcome()
    with bulk_capture():
        for target in progress(args.targets, desc="ingest"):
            ingest_target(target, outcome, source=source, actor=actor, published=args.published,
                          extract=not args.no_extract)
    for failure in outcome.failed:
        print(f"failed: {failure}", file=sys.stderr)
    print(outcome.summary())
    return 1 if outcome.failed else 0
