"""Link the public Texas execution lists and print pairwise precision, recall and F1.

    .venv/bin/python bench/link_us.py [--data /work/shared/data/us]

1. DPIC execution database, Texas rows, against TDCJ's executed-offenders list
   (truth: tests/core/data/us_tx_truth.csv, 556 pairs).
2. DPIC Texas rows against the older TDCJ copy whose dates are often day/month swapped
   (truth: tests/core/data/us_tx_old_truth.csv, 515 pairs).
Also prints the exact-date baseline (link two rows when they carry the same date and it
is the only such pair on that day or, failing that, every same-date pair).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from pathlib import Path

from vigil.core.link import link
from vigil.core.link import uslists

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT / "tests" / "core" / "data"


def truth_pairs(name: str, left: str, right: str) -> set[tuple[str, str]]:
    with open(TRUTH / name, newline="") as fh:
        return {tuple(sorted((r[left], r[right]))) for r in csv.DictReader(fh)}


def scores(found: set, truth: set) -> dict:
    tp = len(found & truth)
    p = tp / len(found) if found else 1.0
    r = tp / len(truth) if truth else 1.0
    return {"true_pairs": len(truth), "found": len(found), "correct": tp,
            "false": len(found - truth), "missed": len(truth - found),
            "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if tp else 0.0}


def exact_date_pairs(left: list[dict], right: list[dict]) -> set[tuple[str, str]]:
    """Baseline: every cross-list pair with the same date."""
    by_date: dict[str, list[str]] = {}
    for r in right:
        by_date.setdefault(r["date"], []).append(r["mention_id"])
    return {tuple(sorted((l["mention_id"], m))) for l in left for m in by_date.get(l["date"], [])}


def run(title: str, left: list[dict], right: list[dict], truth: set) -> dict:
    start = time.perf_counter()
    result = link(left + right)
    seconds = time.perf_counter() - start
    found = result.linked_pairs()
    figures = scores(found, truth)
    base = scores(exact_date_pairs(left, right), truth)
    print(f"## {title}")
    print(f"records {len(left)} + {len(right)}; seconds {seconds:.1f}; "
          f"review queue {len(result.review)} pairs")
    print("vigil      ", figures)
    print("exact date ", base)
    for a, b in sorted(truth - found):
        print("  missed", a, b)
    for a, b in sorted(found - truth):
        print("  false ", a, b)
    return figures


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/work/shared/data/us")
    data = Path(parser.parse_args(argv).data)
    dpic = uslists.read_dpic(data / "dpic_execution_database.csv")
    tdcj = uslists.read_tdcj(data / "tdcj_executed_offenders_last_statements.psv")
    old = uslists.read_tdcj_old(data / "tdcj_executed_offenders_1982_2014.csv")
    run("DPIC Texas x TDCJ", dpic, tdcj, truth_pairs("us_tx_truth.csv", "dpic", "tdcj"))
    run("DPIC Texas x older TDCJ copy", dpic, old,
        truth_pairs("us_tx_old_truth.csv", "old", "dpic"))
    print("dates shared by several Texas executions (DPIC):",
          sum(1 for c in Counter(r["date"] for r in dpic).values() if c > 1))


if __name__ == "__main__":
    main()
