"""Fuzz vigil.core.feeds: ``python fuzz/atheris_feeds.py -max_total_time=600 -timeout=30``."""
from __future__ import annotations

from _harness import run

from vigil.core.feeds import FeedError, parse_feed


def one_input(data: bytes) -> None:
    try:
        parse_feed(data, "https://example.org/feed")
    except FeedError:
        pass


if __name__ == "__main__":
    run(one_input)
