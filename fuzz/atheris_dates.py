"""Fuzz vigil.core.dates: ``python fuzz/atheris_dates.py -max_total_time=600 -timeout=10``."""
from __future__ import annotations

from _harness import run, text_of

from vigil.core import dates

PUBLISHED = (None, "2024-05-20", "2024-05", "2024")


def one_input(data: bytes) -> None:
    text = text_of(data[1:])
    published = PUBLISHED[data[0] % len(PUBLISHED)] if data else None
    dates.find_dates(text, published)
    dates.parse_date(text[:100], published)


if __name__ == "__main__":
    run(one_input)
