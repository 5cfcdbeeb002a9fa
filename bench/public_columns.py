"""Cold (never-seen) dashboard filters and case-list selections: precomputed columns vs SQL.

    .venv/bin/python bench/public_columns.py [--cases 100000] [--home DIR]

Builds (or reuses, with ``--home``) the database of bench/site_latency.py, loads the public
columns (``vigil.statistics.columns``; prints the load time), then for each dashboard filter
and case-list selection below times the figures/facets from the columns and from the SQL
(``vigil.statistics.queries.dashboard``, ``vigil.publish.queries.facets_sql`` + count), checks
that both give the same numbers, and prints both times. No page cache is involved: every
measurement is a first computation. CPU seconds of the whole run are printed at the end.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

DASHBOARD = [{}, {"period": "2024", "charge": "drug", "grades": "all"}, {"province": "Fars", "period": "2019-03..2019-09"},
             {"period": "1400", "grades": "documented"}, {"charge": "moharebeh", "province": "Tehran"}]
CASES = [{}, {"status": "executed", "province": "Tehran"}, {"q": "Karimi"}, {"q": "کریمی", "sex": "f"},
         {"charge": "rape", "year": "2016", "grade": "official"}, {"sex": "unknown", "status": "at_risk"},
         {"prison": "Evin Prison", "year": "2020"}]


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, (time.perf_counter() - t0) * 1000


def plain(out: dict) -> dict:
    return {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--home", default="")
    args = parser.parse_args()
    from site_latency import open_home

    open_home(args.home, args.cases, "vigil-columns-bench-")
    from vigil.publish import facets, queries
    from vigil.statistics import columns
    from vigil.statistics import queries as stats

    pub, load_ms = timed(columns.load)
    print(f"{pub.events.n} published events, {len(pub.person_ids)} published persons; columns loaded in {load_ms:.0f} ms")
    print(f"{'dashboard filter':58} {'columns ms':>10} {'SQL ms':>8} same")
    for params in DASHBOARD:
        flt = queries.dashboard_filter(params)
        fast, t_fast = timed(lambda: plain(columns.dashboard(pub.events, flt)))
        slow, t_slow = timed(lambda: plain(stats.dashboard(flt)))
        print(f"{str(params):58} {t_fast:10.1f} {t_slow:8.0f} {fast == slow}")
    print(f"\n{'case list: facets + count':58} {'columns ms':>10} {'SQL ms':>8} same")
    for params in CASES:
        cq = queries.CaseQuery.from_params(params)

        def search():
            return queries._people(cq).values_list("pk", flat=True)
        fast, t_fast = timed(lambda: (facets.facets(pub, cq, search), facets.count(pub, cq, search)))
        slow, t_slow = timed(lambda: (queries.facets_sql(cq), queries.matching_people(cq).count()))
        print(f"{str(params):58} {t_fast:10.1f} {t_slow:8.0f} {fast == slow}")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"\nCPU {usage.ru_utime + usage.ru_stime:.1f} s")


if __name__ == "__main__":
    main()
