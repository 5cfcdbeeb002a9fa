"""Linking the cases of extracted documents (exchange format) into persons.

Used by ``vigil extract --jsonl DOCS --link``: every CASE gets a ``person`` id; equal ids
mean the same person. Cases of one document with the same name key are one person (a
report that gives two events for someone names them twice); across documents the Splink
engine decides.
"""
from __future__ import annotations

from collections.abc import Sequence

from itertools import combinations

from vigil.core.link.engine import CANNOT_LINK, MUST_LINK, link
from vigil.core.names import name_key

THRESHOLD = 0.5  # the engine's calibrated default


def case_records(outputs: Sequence[dict], publishers: dict[str, str] | None = None) -> list[dict]:
    """One linkage record per case, ``mention_id`` = ``<doc id>#<case index>``."""
    publishers = publishers or {}
    records = []
    for doc in outputs:
        source = publishers.get(str(doc.get("id"))) or f"doc:{doc.get('id')}"
        for i, case in enumerate(doc.get("cases", [])):
            records.append({"mention_id": f"{doc.get('id')}#{i}", "source": source, "independence_group": source,
                            "name": case.get("name") or "", "date": case.get("date"), "status": case.get("status"),
                            "prison": case.get("prison"), "city": case.get("city"), "province": case.get("province"),
                            "age": case.get("age"), "charges": case.get("charges") or [],
                            "nationality": case.get("nationality"), "ethnicity": case.get("ethnicity"),
                            "sex": case.get("sex")})
    return records


def same_document_links(records: list[dict]) -> list[tuple[str, str, str]]:
    """Decisions a report implies: its cases with one name key are one person (must-link),
    and cases with different names are different people (cannot-link), since the extractor
    already joins one person's spellings within a report."""
    firsts: dict[str, dict[str, str]] = {}
    links = []
    for record in records:
        doc = record["mention_id"].rsplit("#", 1)[0]
        seen = firsts.setdefault(doc, {})
        key = name_key(record["name"])
        if key in seen:
            links.append((seen[key], record["mention_id"], MUST_LINK))
        else:
            seen[key] = record["mention_id"]
    for seen in firsts.values():
        links += [(a, b, CANNOT_LINK) for a, b in combinations(seen.values(), 2)]
    return links


def link_documents(outputs: list[dict], publishers: dict[str, str] | None = None,
                   threshold: float = THRESHOLD) -> list[dict]:
    """Return ``outputs`` with a ``person`` id on every case."""
    records = case_records(outputs, publishers)
    if len(records) < 2:
        clusters = {r["mention_id"]: r["mention_id"] for r in records}
    else:
        clusters = link(records, threshold=threshold, fixed=same_document_links(records)).clusters
    for doc in outputs:
        for i, case in enumerate(doc.get("cases", [])):
            case["person"] = str(clusters.get(f"{doc.get('id')}#{i}", f"{doc.get('id')}#{i}"))
    return outputs
