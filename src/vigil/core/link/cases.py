"""Link the CASEs of extraction output (FORMAT.md) and add a ``person`` id to each.

``vigil extract --jsonl DOCS --link`` calls :func:`add_person_ids` on its output: one dict
per document (``id``, ``cases``, ...), the document's publisher as the source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from vigil.core.link.engine import LinkResult, link


def case_mentions(documents: Iterable[Mapping],
                  source_of: Mapping[str, str] | None = None) -> list[dict]:
    """One linkage record per CASE; mention_id is ``<doc id>#<case index>``."""
    out = []
    for doc in documents:
        doc_id = str(doc["id"])
        source = (source_of or {}).get(doc_id) or doc.get("publisher") or doc_id
        for i, case in enumerate(doc.get("cases") or []):
            out.append(dict(case, mention_id=f"{doc_id}#{i}", source=str(source),
                            independence_group=str(source), document=doc_id))
    return out


def add_person_ids(documents: Iterable[Mapping], source_of: Mapping[str, str] | None = None,
                   **options) -> tuple[list[dict], LinkResult]:
    """Copies of the documents whose cases carry ``person``, and the LinkResult.

    ``source_of`` maps document id -> source (publisher) when documents lack
    ``publisher``; ``options`` go to :func:`vigil.core.link.link`.
    """
    documents = [dict(d) for d in documents]
    result = link(case_mentions(documents, source_of), **options)
    for doc in documents:
        doc["cases"] = [dict(c, person=result.clusters[f"{doc['id']}#{i}"])
                        for i, c in enumerate(doc.get("cases") or [])]
    return documents, result
