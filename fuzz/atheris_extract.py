"""Fuzz vigil.core.extract: ``python fuzz/atheris_extract.py -max_total_time=600 -timeout=30 -max_len=20000``."""
from __future__ import annotations

from _harness import run, text_of

from vigil.core.extract import extract


def one_input(data: bytes) -> None:
    language = (None, "en", "fa")[data[0] % 3] if data else None
    extract(text_of(data[1:]), published="2024-05-20", language=language)


if __name__ == "__main__":
    run(one_input)
