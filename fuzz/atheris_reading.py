"""Fuzz vigil.core.reading (text, HTML, PDF, e-mail):
``python fuzz/atheris_reading.py -max_total_time=600 -timeout=30``."""
from __future__ import annotations

from _harness import run

from vigil.core.reading import UnreadableDocument, read_text

ORIGINS = ("r.txt", "r.html", "r.pdf", "r.eml")


def one_input(data: bytes) -> None:
    origin = ORIGINS[data[0] % len(ORIGINS)] if data else "r.txt"
    try:
        read_text(data[1:], origin)
    except UnreadableDocument:
        pass


if __name__ == "__main__":
    run(one_input)
