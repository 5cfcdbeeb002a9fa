"""Dashboard statistics over 100,000 cases on SQLite: p50/p95 of each query (target p95 < 200 ms).

    .venv/bin/python bench/stats_queries.py [--cases 100000] [--repeat 21]

Builds a temporary SQLite database (bulk_create; no history rows), then times every figure
of :func:`vigil.statistics.queries.dashboard` (headline, by year, month, charge, sex,
province, prison, ethnicity, nationality, per capita) for the default headline filter and
for one Iranian year, plus one drill-down (the case ids of a year).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

PRISONS = [f"Prison {i}" for i in range(60)] + ["Ghezel Hesar", "Evin", "Vakilabad", "Adelabad"]
CHARGES = [["drug"], ["murder"], ["drug"], ["rape"], ["moharebeh"], ["drug", "moharebeh"], ["espionage"], []]
ETHNIC = ["", "", "", "baluch", "kurd", "arab", "turk", "lor"]


def build(n: int, seed: int = 7) -> None:
    from vigil.core.stats.population import province_population
    from vigil.records.models import Case, Person, StatusEvent

    rng = random.Random(seed)
    provinces = list(province_population()) + [""]
    persons = Person.objects.bulk_create(
        [Person(sex=rng.choices(["m", "f", ""], [95, 3, 2])[0], ethnicity=rng.choice(ETHNIC),
                nationality=rng.choices(["", "AF", "IQ"], [94, 5, 1])[0],
                juvenile=rng.choices([None, False, True], [80, 19, 1])[0], published=rng.random() < 0.9)
         for _ in range(n)], batch_size=5000)
    cases = Case.objects.bulk_create([Case(person=p) for p in persons], batch_size=5000)
    StatusEvent.objects.bulk_create([_event(rng, c, provinces) for c in cases], batch_size=5000)


def _event(rng, case, provinces):
    from vigil.records.actions.persons import date_bounds

    day = date(2010, 1, 1) + timedelta(days=rng.randrange(16 * 365))
    kind = rng.choices(["day", "month", "year", "none"], [80, 15, 3, 2])[0]
    value = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year), "none": ""}[kind]
    start, end = date_bounds(value)
    charges = rng.choice(CHARGES)
    return dict_event(case, value, kind, start, end, charges, rng, provinces)


def dict_event(case, value, kind, start, end, charges, rng, provinces):
    from vigil.records.models import StatusEvent

    return StatusEvent(
        case=case, status=rng.choices(["executed", "sentenced", "at_risk"], [80, 15, 5])[0], date=value,
        date_precision=kind if kind != "none" else "unknown", date_start=start, date_end=end,
        prison=rng.choice(PRISONS + [""]), province=rng.choice(provinces), city="", charges=charges,
        grade=rng.choices(["official", "corroborated", "single_source", "disputed", "unassessed"], [20, 40, 30, 5, 5])[0],
        age=rng.choice([None, None, 25, 30, 40]), public_execution=rng.random() < 0.02,
        officially_announced=rng.random() < 0.2)


def timed(fn, repeat: int) -> tuple[float, float, float, float]:
    """p50 and p95 of wall-clock and of CPU time (ms); SQLite runs in this process, so CPU
    time is the query's own cost and wall time adds what other processes take from us."""
    walls, cpus = [], []
    fn()  # warm the page cache and Django's query compilation
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return (*_p50_p95(walls), *_p50_p95(cpus))


def _p50_p95(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def queries_for(flt):
    """The dashboard's queries as :func:`queries.dashboard` runs them: the headline once, then
    each breakdown as one GROUP BY reusing the headline's value and unknown shares."""
    from vigil.statistics import queries

    headline = queries.figure(flt, cases=False)
    out = {"headline": lambda: queries.figure(flt, cases=False)}
    for by in queries.DASHBOARD_GROUPS:
        out[f"by {by}"] = (lambda by=by: queries.figure(flt, by, cases=False, base=headline))
    out["per capita"] = lambda: queries.per_capita_figure(flt, base=headline)
    out["whole dashboard"] = lambda: queries.dashboard(flt)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="vigil-bench-stats-")
    os.environ["VIGIL_HOME"] = home
    os.environ["DATABASE_URL"] = f"sqlite:///{home}/bench.sqlite3"
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from django.db import connection

    from vigil.core.stats import Filter
    from vigil.statistics import queries

    t = time.perf_counter()
    build(args.cases)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built {args.cases:,} cases in {time.perf_counter() - t:.1f} s (SQLite {connection.Database.sqlite_version})")
    worst = worst_cpu = 0.0
    for label, flt in (("all time", Filter()), ("Iranian year 1403", Filter(period="1403"))):
        print(f"\n{label} (grades official+corroborated), {args.repeat} runs each:")
        print(f"  {'query':<16} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>9} {'cpu p95':>9}  (ms)")
        for name, fn in queries_for(flt).items():
            p50, p95, c50, c95 = timed(fn, args.repeat)
            if name != "whole dashboard":
                worst, worst_cpu = max(worst, p95), max(worst_cpu, c95)
            print(f"  {name:<16} {p50:>9.1f} {p95:>9.1f} {c50:>9.1f} {c95:>9.1f}")
    p50, p95, c50, c95 = timed(lambda: queries.figure(Filter(period="2024")), args.repeat)
    print(f"\ndrill-down (case ids of 2024, {queries.figure(Filter(period='2024')).value:,} cases): "
          f"wall p50 {p50:.1f} / p95 {p95:.1f} ms, cpu p95 {c95:.1f} ms")
    print(f"\nworst query p95: wall {worst:.1f} ms, cpu {worst_cpu:.1f} ms (target 200 ms); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
