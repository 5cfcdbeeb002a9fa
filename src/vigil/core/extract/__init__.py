"""Extraction: from an English or Persian report to cases, groups, campaigns and claims.

Public API::

    extract(text, *, published=None, language=None, title=None, extractor=None) -> dict
    extract_jsonl(lines, *, extractor=None) -> Iterator[dict]
    EXTRACTOR_VERSION

The returned document object follows ``eval/FORMAT.md``; each case, group and claim also
carries ``spans`` (field -> [start, end] into the given text) and ``confidence``.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from vigil.core.extract.base import Extractor, available, get_extractor, register
from vigil.core.extract.rules import RULES_VERSION, RuleExtractor

EXTRACTOR_VERSION = RULES_VERSION

__all__ = ["extract", "extract_jsonl", "EXTRACTOR_VERSION", "Extractor", "RuleExtractor",
           "available", "get_extractor", "register"]


def extract(text: str, *, published: str | None = None, language: str | None = None,
            title: str | None = None, extractor: str | None = None) -> dict:
    """Read one report; ``published`` (YYYY-MM-DD, YYYY-MM or YYYY) resolves relative dates;
    ``title`` (optional headline) is context only: no item is read from it alone."""
    kwargs = {"published": published, "language": language}
    if title:
        kwargs["title"] = title
    try:
        doc = get_extractor(extractor).extract(text or "", **kwargs)
    except TypeError:  # an extractor without the optional title argument
        kwargs.pop("title", None)
        doc = get_extractor(extractor).extract(text or "", **kwargs)
    return {"cases": doc.get("cases", []), "groups": doc.get("groups", []),
            "campaigns": doc.get("campaigns", []), "claims": doc.get("claims", [])}


def extract_jsonl(lines: Iterable[str | dict], *, extractor: str | None = None) -> Iterator[dict]:
    """docs.jsonl records (JSON strings or dicts) -> exchange-format records with ``id``.
    A record whose extraction fails is yielded with empty lists and an ``error`` message."""
    for line in lines:
        if isinstance(line, str):
            if not line.strip():
                continue
            record = json.loads(line)
        else:
            record = line
        out = {"id": record.get("id"), "language": record.get("language")}
        try:
            out.update(extract(record.get("text") or "", published=record.get("published"),
                               language=record.get("language"), title=record.get("title"),
                               extractor=extractor))
        except Exception as exc:  # noqa: BLE001 - one bad report must not stop a batch
            out.update({"cases": [], "groups": [], "campaigns": [], "claims": [],
                        "error": f"{type(exc).__name__}: {exc}"})
        yield out
