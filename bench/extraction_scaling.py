"""Extraction time on adversarial and large inputs (super-linear behaviour check).

Prints seconds for: one person's name repeated in a run-on report (10-100 KB), 2,000
distinct people (one list sentence; one sentence each), and ordinary English reports
from the shared development set concatenated to 100 KB and 1 MB.
Usage: python bench/extraction_scaling.py [--shared /work/shared] [--no-mb]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import time

from vigil.core.extract import extract

REPEAT = "Ali Karimi was executed in Qezelhesar prison on 12 May 2024 "
SYLLABLES = ["ba", "ka", "ri", "mo", "sa", "de", "gh", "na", "ja", "far", "ho", "ze", "la", "ta",
             "pa", "ni", "vo", "sh", "ra", "di"]
FIRSTS = ["Ali", "Reza", "Mohammad", "Hossein", "Mehdi", "Hamid", "Saeed", "Javad", "Amir", "Majid"]


def timed(label: str, text: str) -> None:
    """Print the seconds ``extract`` takes on ``text`` and how many cases it finds."""
    t0 = time.perf_counter()
    doc = extract(text, published="2024-05-20")
    print(f"{label:<40} {len(text):>9,} chars {time.perf_counter() - t0:7.2f} s "
          f"cases={len(doc['cases'])}")


def distinct_names(n: int = 2000) -> list[str]:
    """``n`` different made-up full names (seeded)."""
    rng = random.Random(1)
    lasts = sorted({"".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize() for _ in range(5000)})[:n]
    rng.shuffle(lasts)
    return [f"{FIRSTS[i % 10]} {last}" for i, last in enumerate(lasts)]


def ordinary(shared: str, size: int) -> str:
    """English development-set reports concatenated (seeded) to ``size`` characters."""
    with open(os.path.join(shared, "eval", "extraction", "docs.jsonl"), encoding="utf-8") as fh:
        texts = [d["text"] for d in map(json.loads, fh) if d.get("language") == "en"]
    rng, out = random.Random(1), []
    while sum(map(len, out)) < size:
        out.append(rng.choice(texts) + "\n\n")
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("VIGIL_SHARED", "/work/shared"))
    parser.add_argument("--no-mb", action="store_true", help="skip the 1 MB report")
    args = parser.parse_args()
    extract("Warm-up: Ali Karimi was executed.", published="2024-05-20")  # load gazetteer once
    for n in (170, 340, 850, 1700):
        timed(f"repeated person x{n}", REPEAT * n)
    names = distinct_names()
    timed("2,000 distinct names, one list", ", ".join(names) + " were executed in Qezelhesar prison.")
    timed("2,000 distinct names, one sentence each",
          " ".join(f"{n} was executed in Qezelhesar prison on 12 May 2024." for n in names))
    for size in (100_000,) if args.no_mb else (100_000, 1_000_000):
        timed(f"ordinary English reports {size // 1000} KB", ordinary(args.shared, size))


if __name__ == "__main__":
    main()
