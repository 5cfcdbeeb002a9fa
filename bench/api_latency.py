"""JSON API latency against a production server (``vigil serve``: gunicorn) on SQLite.

    .venv/bin/python bench/api_latency.py [--cases 100000] [--concurrency 20] [--requests 400] [--workers 2]

Builds the same database as bench/site_latency.py (``--cases`` persons, 90 % published, one
case each with one or two events), starts ``vigil serve`` with the rate limit raised (the
benchmark is one IP address), and measures, per API call: the first request alone, then
p50/p95 of ``--requests`` requests at ``--concurrency`` parallel clients, anonymous.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from site_latency import cold, free_port, measure, open_home, wait_for  # noqa: E402


def calls(case: str, person: str) -> list[tuple[str, str]]:
    return [("cases, first page", "/api/v1/cases"),
            ("cases, 2 filters", "/api/v1/cases?status=executed&province=Tehran"),
            ("cases, 3 filters + year", "/api/v1/cases?status=executed&charge=drug&grade=official&year=2020"),
            ("persons, name search", "/api/v1/persons?q=Karimi"),
            ("case detail", f"/api/v1/cases/{case}"),
            ("person detail", f"/api/v1/persons/{person}"),
            ("statistics by province", "/api/v1/statistics?period=2024&by=province"),
            ("documents", "/api/v1/documents"),
            ("openapi.json", "/api/openapi.json")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    home, _, seconds = open_home("", args.cases, "vigil-api-bench-",
                                 VIGIL_API_RATE="anonymous=1000000/60,token=1000000/60")
    from django.db import connection

    from vigil.records.models import Case

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    case = Case.objects.filter(person__published=True).select_related("person").order_by("?").first()
    connection.close()
    print(f"built {args.cases} cases in {seconds:.1f} s")

    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/vigil"), "serve", "--port", str(port), "--workers",
                               str(args.workers)], env={**os.environ}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/api/openapi.json")
        for label, path in calls(case.public_id, case.person.public_id):
            first = cold(base + path)
            results.append((label, first, measure(base + path, args.requests, args.concurrency)))
    finally:
        server.terminate()
        server.wait(10)
    print(f"\n{args.cases} cases, SQLite, vigil serve (gunicorn, {args.workers} workers), concurrency "
          f"{args.concurrency}, {args.requests} requests per call, anonymous")
    print(f"{'call':28} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7}")
    for label, first, s in results:
        print(f"{label:28} {first:8.1f} {s['p50']:8.1f} {s['p95']:8.1f} {s['max']:8.1f} {s['rps']:7.1f}")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
