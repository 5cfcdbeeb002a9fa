"""Speed of list imports: read + map the DPIC list repeated 50 times (74,600 rows).

Usage: python bench/import_speed.py [--copies 50] [--dpic PATH]
Prints rows/second for reading and mapping (read_rows) of the repeated file, and for a
full plan (plan_import, which also checks record ids) of the file as is (repeating it
would make every record id a duplicate), best of three runs of CPU time (process_time,
so a busy shared machine skews it less); then the peak RSS.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from vigil.core.tabular import builtin_mapping, plan_import, read_rows

DPIC = Path("/work/shared/data/us/dpic_execution_database.csv")
TDCJ = Path("/work/shared/data/us/tdcj_executed_offenders_last_statements.psv")


def repeat_file(src: Path, copies: int, out: Path) -> None:
    """Write the header of ``src`` once and its data lines ``copies`` times."""
    header, *body = src.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(header + "".join(body) * copies, encoding="utf-8")


def best_rate(func, runs: int = 3) -> tuple[int, float]:
    """(rows, best rows/second) over ``runs`` runs of ``func`` returning a row count."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        rows = func()
        best = min(best, time.process_time() - start)
    return rows, rows / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--dpic", type=Path, default=DPIC)
    parser.add_argument("--tdcj", type=Path, default=TDCJ)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, src, mapping in [("DPIC csv", args.dpic, "dpic"), ("TDCJ psv multi-line", args.tdcj, "tdcj")]:
            path = Path(tmp) / f"big{src.suffix}"
            repeat_file(src, args.copies, path)
            mp = builtin_mapping(mapping)
            rows, rate = best_rate(lambda: sum(1 for _ in read_rows(path, mp)))
            print(f"{label} x{args.copies}: read+map {rows} rows: {rate:,.0f} rows/s")
            rows, rate = best_rate(lambda: plan_import(src, mp, existing=None).rows_read)
            print(f"{label} x1: plan_import {rows} rows: {rate:,.0f} rows/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
