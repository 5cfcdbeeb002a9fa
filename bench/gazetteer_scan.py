"""Speed of vigil.core.gazetteer.scan on the evaluation reports, and prison recall.

Prints CPU milliseconds per 3,000 characters (best of 5 passes over the 57 reports of
``/work/shared/eval/extraction/docs.jsonl``), the cost of building the index once, and the
share of gold prisons that the scanner finds in each report's text.

Run: ``.venv/bin/python bench/gazetteer_scan.py``
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vigil.core import gazetteer as gz  # noqa: E402

EVAL = Path("/work/shared/eval/extraction")


def _load() -> tuple[list[dict], dict[str, dict]]:
    docs = [json.loads(ln) for ln in (EVAL / "docs.jsonl").read_text("utf-8").splitlines()]
    gold = [json.loads(ln) for ln in (EVAL / "gold.jsonl").read_text("utf-8").splitlines()]
    return docs, {g["id"]: g for g in gold}


def _speed(texts: list[str], passes: int = 5, repeat: int = 20) -> float:
    chars = sum(map(len, texts)) * repeat
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        for _ in range(repeat):
            for t in texts:
                gz.scan(t)
        best = min(best, time.process_time() - start)
    return best / chars * 3000 * 1000


def _recall(docs, gold) -> tuple[int, int]:
    hit = total = 0
    for d in docs:
        g = gold[d["id"]]
        expected = {c["prison"] for c in g["cases"] + g["groups"] if c.get("prison")}
        for c in g["campaigns"]:
            expected.update(c.get("prisons") or [])
        found = {m.entry.name for m in gz.scan(d["text"], {"prison"})}
        hit += len(expected & found)
        total += len(expected)
    return hit, total


def main() -> None:
    start = time.process_time()
    gz.scan("warm-up: Evin")
    build = time.process_time() - start
    docs, gold = _load()
    texts = [d["text"] for d in docs]
    print(f"index build (first use): {build * 1000:.0f} ms CPU, "
          f"{len(gz._index().by_key)} alias keys")
    print(f"scan, all kinds: {_speed(texts):.3f} ms CPU per 3,000 characters "
          f"({len(texts)} reports, mean {sum(map(len, texts)) / len(texts):.0f} chars)")
    hit, total = _recall(docs, gold)
    print(f"gold prisons found by scan(kinds={{'prison'}}): {hit}/{total} = {hit / total:.3f}")
    print(f"entries: {len(list(gz.prisons()))} prisons, {len(list(gz.cities()))} cities, "
          f"{len(list(gz.provinces()))} provinces, {len(list(gz.charges()))} charges")


if __name__ == "__main__":
    main()
