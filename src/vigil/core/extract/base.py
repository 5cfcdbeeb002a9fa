"""The ``Extractor`` interface and the registry that picks an extractor by name.

An extractor turns one report into the exchange-format document object of
``eval/FORMAT.md`` (``cases``, ``groups``, ``campaigns``, ``claims``), every item carrying
``spans`` (field -> [start, end] offsets into the given text) and ``confidence``.
A model-based extractor can be added later by subclassing ``Extractor`` and calling
``register``; configuration chooses it by name (``VIGIL_EXTRACTOR`` or ``get_extractor``).
"""
from __future__ import annotations

import os
from abc import ABC, abstractmethod
from typing import Callable

DEFAULT_EXTRACTOR = "rules"
_REGISTRY: dict[str, Callable[[], "Extractor"]] = {}


class Extractor(ABC):
    """One way of reading a report into cases, groups, campaigns and claims."""

    name: str = "abstract"
    version: str = "0"

    @abstractmethod
    def extract(self, text: str, *, published: str | None = None,
                language: str | None = None) -> dict:
        """Return {"cases": [...], "groups": [...], "campaigns": [...], "claims": [...]}."""


def register(name: str, factory: Callable[[], Extractor]) -> None:
    """Make an extractor available under ``name`` (later registrations replace earlier)."""
    _REGISTRY[name] = factory


def available() -> list[str]:
    """Names of the registered extractors."""
    return sorted(_REGISTRY)


def get_extractor(name: str | None = None) -> Extractor:
    """The extractor called ``name``, else $VIGIL_EXTRACTOR, else the rule-based one."""
    chosen = name or os.environ.get("VIGIL_EXTRACTOR") or DEFAULT_EXTRACTOR
    if chosen not in _REGISTRY:
        raise KeyError(f"unknown extractor {chosen!r}; available: {', '.join(available())}")
    return _REGISTRY[chosen]()
