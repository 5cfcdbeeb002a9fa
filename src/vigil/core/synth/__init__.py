"""Synthetic data for demos, tests and benchmarks (no Django, seeded, deterministic).

- ``generate_world(n, seed)``: people with a true history (sentenced → upheld → at_risk →
  executed / halted / commuted / forgiven), 2015-2025.
- ``generate_reports(n, seed)``: report texts in English and Persian from several
  fictional sources, each a docs.jsonl row (eval/FORMAT.md) with its gold ``truth``.
- ``generate_mentions(n, seed)``: structured person mentions with the true person id,
  for linkage and multiple-systems-estimation benchmarks (1,000,000 in well under a minute).
- ``write_corpus(directory, n_reports, seed)``: the reports as .txt/.html files plus
  ``docs.jsonl``, ``truth.jsonl`` and ``persons.jsonl``.
- ``write_mentions(path, n, seed)``: mentions as JSON Lines or CSV.
- ``capture_histories(n_people, seed)``: the capture histories behind the mentions, with
  the true number of events (a known answer for multiple-systems estimation).
"""
from __future__ import annotations

import csv
import html
import json
from collections import defaultdict
from pathlib import Path

from .mentions import FIELDS as MENTION_FIELDS
from .mentions import capture_histories, generate_mentions
from .reports import generate_reports
from .sources import Source, source, sources
from .world import Person, Population, generate_world

__all__ = ["generate_world", "generate_reports", "generate_mentions", "write_corpus",
           "write_mentions", "capture_histories",
           "render_html", "persons_of", "sources", "source", "Source", "Person",
           "Population", "MENTION_FIELDS", "DOC_FIELDS"]

DOC_FIELDS = ("id", "language", "published", "url", "publisher", "title", "text")


def render_html(doc: dict) -> str:
    """A report as a small web page with navigation and footer boilerplate."""
    rtl = ' dir="rtl"' if doc["language"] == "fa" else ""
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n\n"))
    return (
        f'<!DOCTYPE html>\n<html lang="{doc["language"]}"{rtl}>\n'
        f'<head><meta charset="utf-8"><title>{html.escape(doc["title"])} | '
        f'{html.escape(doc["publisher"])}</title></head>\n<body>\n'
        f'<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></nav>\n'
        f'<article>\n<h1>{html.escape(doc["title"])}</h1>\n'
        f'<time datetime="{doc["published"]}">{doc["published"]}</time>\n{paras}\n</article>\n'
        f'<footer>© {html.escape(doc["publisher"])} (synthetic). Share: Facebook | X | Telegram'
        f'</footer>\n</body>\n</html>\n')


def persons_of(truths: list[dict]) -> list[dict]:
    """persons.jsonl rows (FORMAT.md): true people named in two or more reports."""
    by_person: dict[str, list] = defaultdict(list)
    for t in truths:
        for c in t["cases"]:
            m = {"doc": t["id"], "name": c["name"]}
            if m not in by_person[c["person"]]:
                by_person[c["person"]].append(m)
    return [{"person": p, "mentions": ms} for p, ms in sorted(by_person.items())
            if len({m["doc"] for m in ms}) > 1]


def write_corpus(directory, n_reports: int, seed: int = 0, people: int | None = None) -> dict:
    """Write ``n_reports`` synthetic reports as files plus JSONL indexes; return counts.
    ``people`` is the size of the synthetic population (see ``generate_reports``)."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    truths, counts = [], {"txt": 0, "html": 0, "en": 0, "fa": 0}
    with open(out / "docs.jsonl", "w", encoding="utf-8") as docs, \
            open(out / "truth.jsonl", "w", encoding="utf-8") as gold:
        for doc in generate_reports(n_reports, seed, people=people):
            body = render_html(doc) if doc["format"] == "html" else doc["text"] + "\n"
            (out / f"{doc['id']}.{doc['format']}").write_text(body, encoding="utf-8")
            docs.write(json.dumps({k: doc[k] for k in DOC_FIELDS}, ensure_ascii=False) + "\n")
            gold.write(json.dumps(doc["truth"], ensure_ascii=False) + "\n")
            truths.append(doc["truth"])
            counts[doc["format"]] += 1
            counts[doc["language"]] += 1
    with open(out / "persons.jsonl", "w", encoding="utf-8") as f:
        for row in persons_of(truths):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"reports": len(truths), **counts}


def write_mentions(path, n: int, seed: int = 0) -> int:
    """Write ``n`` mentions to ``path``: JSON Lines, or CSV when it ends in .csv
    (lists joined with ";"). Returns the number written."""
    path = Path(path)
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=MENTION_FIELDS) if path.suffix == ".csv" else None
        if writer:
            writer.writeheader()
        for m in generate_mentions(n, seed):
            if writer:
                writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in m.items()})
            else:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
            count += 1
    return count
