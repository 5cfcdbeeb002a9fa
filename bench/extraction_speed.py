"""Extraction throughput: reports per second and peak memory.

Repeats eval/extraction/docs.jsonl until at least --min-reports reports (default 2,000)
and runs the rule-based extractor over them in one process.
Usage: python bench/extraction_speed.py [--shared /work/shared] [--min-reports 2000]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import time
import tracemalloc

from vigil.core.extract import EXTRACTOR_VERSION, extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("VIGIL_SHARED", "/work/shared"))
    parser.add_argument("--min-reports", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the parallel run (default: all cores)")
    args = parser.parse_args()
    path = os.path.join(args.shared, "eval", "extraction", "docs.jsonl")
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    batch = docs * (-(-args.min_reports // len(docs)))
    extract(docs[0]["text"], published=docs[0]["published"])  # warm caches and lexicons
    t0, c0 = time.perf_counter(), time.process_time()
    chars = 0
    for d in batch:
        extract(d["text"], published=d.get("published"), language=d.get("language"))
        chars += len(d["text"])
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    tracemalloc.start()  # separate pass: tracing slows Python down several times
    for d in docs:
        extract(d["text"], published=d.get("published"), language=d.get("language"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    par = _parallel(batch, args.workers)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"extractor {EXTRACTOR_VERSION}: {len(batch)} reports ({chars / len(batch):.0f} chars avg) "
          f"in {elapsed:.2f} s = {len(batch) / elapsed:.0f} reports/s wall, "
          f"{len(batch) / cpu:.0f} reports per CPU second; "
          f"peak traced memory per pass over the set {peak / 1024:.0f} KiB; max RSS {rss:.0f} MiB")
    print(f"parallel, {args.workers} processes: {len(batch) / par:.0f} reports/s wall; "
          f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _one(d):
    return len(extract(d["text"], published=d.get("published"), language=d.get("language"))["cases"])


def _parallel(batch, workers: int) -> float:
    """Seconds to extract ``batch`` with a process pool."""
    from multiprocessing import Pool
    with Pool(workers) as pool:
        pool.map(_one, batch[:workers * 2])  # warm up each worker
        t0 = time.perf_counter()
        pool.map(_one, batch, chunksize=32)
        return time.perf_counter() - t0


if __name__ == "__main__":
    main()
