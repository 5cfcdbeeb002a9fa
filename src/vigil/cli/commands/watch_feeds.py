"""vigil watch-feeds: poll the configured feeds on an interval, taking only new items."""
from __future__ import annotations

import sys
import time


def add(sub) -> None:
    parser = sub.add_parser("watch-feeds", help="poll configured RSS/Atom feeds for new reports")
    parser.add_argument("--add", metavar="URL", help="configure a feed (with --source) and exit")
    parser.add_argument("--source", default="Unattributed")
    parser.add_argument("--interval", type=int, default=60, help="minutes between polls of one feed")
    parser.add_argument("--once", action="store_true", help="poll every due feed once and exit")
    parser.set_defaults(func=run)


def run(args) -> int:
    from vigil.cli.django_setup import setup

    setup()
    from vigil.ingest.models import Feed
    from vigil.records.actions import Actor, ensure_source

    actor = Actor.cli()
    if args.add:
        source = ensure_source(args.source, actor)
        Feed.objects.update_or_create(url=args.add, defaults={"source": source, "interval_minutes": args.interval})
        print(f"feed configured: {args.add}")
        return 0
    while True:
        poll_due(actor)
        if args.once:
            return 0
        time.sleep(60)


def poll_due(actor) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from vigil.core.feeds import FeedError
    from vigil.core.fetch import FetchError
    from vigil.ingest.collect import Outcome, poll_feed
    from vigil.ingest.models import Feed

    for feed in Feed.objects.filter(active=True):
        if feed.last_polled and feed.last_polled + timedelta(minutes=feed.interval_minutes) > timezone.now():
            continue
        outcome = Outcome()
        try:
            poll_feed(feed, outcome, actor=actor)
            feed.last_error = ""
        except (FetchError, FeedError) as exc:
            feed.last_error = str(exc)
            print(f"failed: {exc}", file=sys.stderr)
        feed.save(update_fields=["last_error"])
        print(f"{feed.url}: {outcome.summary()}")
