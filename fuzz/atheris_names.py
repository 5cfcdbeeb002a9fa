"""Fuzz vigil.core.names: ``python fuzz/atheris_names.py -max_total_time=600 -timeout=10``."""
from __future__ import annotations

from _harness import run, text_of

from vigil.core import names


def one_input(data: bytes) -> None:
    text = text_of(data)
    names.split_name(text)
    names.name_key(text)
    names.transliterate(text)
    names.token_keys(text)


if __name__ == "__main__":
    run(one_input)
