"""Packaged word lists used by the rule families (given names, non-name words)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("vigil.core.data.extract").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines()]


@lru_cache(maxsize=None)
def given_names(language: str) -> frozenset[str]:
    """Given names (lower case for English) of ``language``."""
    name = "given_names_fa.txt" if language == "fa" else "given_names_en.txt"
    return frozenset(w for w in _lines(name) if w and not w.startswith("#"))


@lru_cache(maxsize=None)
def female_names(language: str) -> frozenset[str]:
    """Given names listed under the '# women' heading."""
    name = "given_names_fa.txt" if language == "fa" else "given_names_en.txt"
    out, on = set(), False
    for w in _lines(name):
        if w.startswith("#"):
            on = "women" in w
        elif w and on:
            out.add(w)
    return frozenset(out)
