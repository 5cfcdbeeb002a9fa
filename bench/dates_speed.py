"""Throughput of vigil.core.dates.find_dates (and text.normalize / detect_language)
over the extraction dev set (x20).

Usage: python bench/dates_speed.py [path/to/docs.jsonl] [repeat]
Prints reports/second, mean characters per report and microseconds per 3,000 characters.
"""
import json
import sys
import time
from pathlib import Path

from vigil.core.dates import find_dates
from vigil.core.text import detect_language, normalize

DEFAULT = Path(__file__).resolve().parents[2] / "shared/eval/extraction/docs.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    work = [(d["text"], d.get("published")) for d in docs] * repeat
    find_dates(work[0][0], work[0][1])  # warm-up
    found = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text, published in work:
        found += len(find_dates(text, published))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t, _ in work) / len(work)
    print(f"reports: {len(work)}  mean chars/report: {chars:.0f}  dates found: {found}")
    total_chars = sum(len(t) for t, _ in work)
    print(f"reports/second (1 process, wall): {len(work) / elapsed:.0f}")
    print(f"reports/second (1 process, CPU time): {len(work) / cpu:.0f}")
    print(f"microseconds per 3,000 chars (CPU): {cpu / total_chars * 3000 * 1e6:.0f}")
    for lang in ("en", "fa"):
        blob = "\n\n".join(d["text"] for d in docs if d.get("language") == lang)
        chunks = [blob[i:i + 3000] for i in range(0, len(blob) - 3000, 3000)]
        c0 = time.process_time()
        for _ in range(repeat):
            for chunk in chunks:
                find_dates(chunk, "2024-06-01")
        per = (time.process_time() - c0) / (repeat * len(chunks))
        print(f"{lang}: one 3,000-char report: {per * 1e6:.0f} microseconds CPU "
              f"({len(chunks)} chunks x {repeat})")
    for fn in (normalize, detect_language):
        c0 = time.process_time()
        for text, _ in work:
            fn(text)
        per = (time.process_time() - c0) / len(work)
        print(f"{fn.__name__}: {per * 1e6:.0f} microseconds CPU per report")


if __name__ == "__main__":
    main()
