"""Bounded load test of the production server on loopback (``vigil serve``: gunicorn, SQLite).

    .venv/bin/python bench/load_test.py [--cases 100000] [--users 50] [--duration 300]
                                        [--max-requests 200000] [--workers 2] [--home DIR]

Builds (or reuses, with ``--home``) a database of ``--cases`` cases (bench/site_latency.build),
starts ``vigil serve`` on 127.0.0.1, then for ``--duration`` seconds (and at most
``--max-requests`` requests) runs ``--users`` concurrent simulated visitors browsing and
searching (dashboard, faceted case lists, name searches in both scripts, person pages, JSON
and CSV exports, the Atom feed), while a researcher edits person records through the actions
layer once a second and an ingest of report folders runs again and again. Prints the error
rate (any 5xx, connection error or timeout) and latency percentiles per page and overall.
Loopback only: the server binds 127.0.0.1 and the clients call nothing else.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

from site_latency import FIRST, FIRST_FA, LAST, LAST_FA, free_port, open_home, wait_for  # noqa: E402


def page_for(rng: random.Random, people: list[str]) -> tuple[str, str]:
    """One visitor action: (label, path)."""
    i, j = rng.randrange(len(FIRST)), rng.randrange(len(LAST))
    province = rng.choice(["Tehran", "Sistan and Baluchestan", "Kermanshah", "Fars", "Khorasan Razavi"])
    choices = [
        (10, "dashboard", rng.choice(["/", "/?period=2024", "/?charge=drug", "/?lang=fa"])),
        (20, "case list", f"/cases/?status=executed&province={province}&page={rng.randint(1, 5)}"),
        (20, "search", rng.choice([f"/cases/?q={LAST[j]}", f"/cases/?q={FIRST_FA[i]}+{LAST_FA[j]}",
                                   f"/cases/?q={FIRST[i]}"])),
        (30, "person", f"/people/{rng.choice(people)}/"),
        (8, "json", f"/cases.json?status=executed&province={province}"),
        (4, "csv", f"/cases.csv?province={province}&status=at_risk"),
        (4, "feed", "/feeds/cases.atom"),
        (4, "at-risk", "/at-risk/"),
    ]
    weights = [c[0] for c in choices]
    _, label, path = rng.choices(choices, weights)[0]
    return label, path


async def visitor(n: int, base: str, people: list[str], deadline: float, budget: list[int], results: dict) -> None:
    import httpx

    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            label, path = page_for(rng, people)
            t0 = time.perf_counter()
            try:
                response = await client.get(path)
                await response.aread()
                ok = response.status_code < 500
                code = response.status_code
            except httpx.HTTPError as exc:
                ok, code = False, type(exc).__name__
            elapsed = (time.perf_counter() - t0) * 1000
            results[label].append((elapsed, ok, code))
            await asyncio.sleep(rng.uniform(0, 0.2))  # think time


def researcher(deadline: float, stats: dict, interval: float = 1.0, field: str = "origin") -> None:
    """Edits person records through the actions layer (as the workspace does), every ``interval`` s:
    ``origin`` (on no public page) or ``name_latin`` (public: each edit of a published person
    moves the public data version)."""
    from django.db import connection

    from vigil.records.actions import Actor
    from vigil.records.actions.entry import edit_person
    from vigil.records.models import Person

    actor = Actor(label="load-test:researcher")
    rng = random.Random(7)
    ids = list(Person.objects.order_by("?").values_list("pk", flat=True)[:2000])
    while interval > 0 and time.monotonic() < deadline:
        t0 = time.perf_counter()
        try:
            person = Person.objects.get(pk=rng.choice(ids))
            value = f"Town {rng.randrange(10_000)}" if field == "origin" else f"{person.name_latin.split(' #')[0]} #{rng.randrange(10_000)}"
            edit_person(person, actor, reason="load test edit", **{field: value})
            stats["edits"].append((time.perf_counter() - t0) * 1000)
        except Exception as exc:  # noqa: BLE001 - counted, reported
            stats["edit_errors"].append(repr(exc))
        time.sleep(interval)
    connection.close()


def ingester(home: Path, deadline: float, stats: dict) -> None:
    """Ingests folders of (distinct copies of) the sample reports until the deadline."""
    reports = sorted((ROOT / "src" / "vigil" / "sample" / "reports").iterdir())
    round_ = 0
    while time.monotonic() < deadline:
        folder = home / f"incoming-{round_}"
        folder.mkdir(exist_ok=True)
        for report in reports:
            tail = f"\n<p>Load copy {round_}</p>\n" if report.suffix == ".html" else f"\n\nLoad copy {round_}.\n"
            (folder / report.name).write_text(report.read_text(encoding="utf-8") + tail, encoding="utf-8")
        done = subprocess.run([str(ROOT / ".venv/bin/vigil"), "ingest", str(folder), "--source", "Load Monitor"],
                              env={**os.environ}, capture_output=True, text=True)
        (stats["ingests"] if done.returncode == 0 else stats["ingest_errors"]).append(done.stdout.strip()[-200:]
                                                                                      or done.stderr[-300:])
        round_ += 1


def stop(server: subprocess.Popen) -> None:
    """Stop the server: gracefully (30 s for requests still running), then by force."""
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        print("server still busy 30 s after SIGTERM: killed", file=sys.stderr)
        server.kill()
        server.wait(10)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def report(results: dict, wall: float) -> None:
    everything = [r for rows in results.values() for r in rows]
    print(f"{'page':12} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for label, rows in sorted(results.items()) + [("ALL", everything)]:
        times = [t for t, ok, _ in rows]
        errors = sum(1 for _, ok, _ in rows if not ok)
        print(f"{label:12} {len(rows):8d} {errors:6d} {statistics.median(times):8.0f} {pct(times, .95):8.0f} "
              f"{pct(times, .99):8.0f} {max(times):8.0f}")
    errors = sum(1 for _, ok, _ in everything if not ok)
    codes = defaultdict(int)
    for _, ok, code in everything:
        if not ok:
            codes[code] += 1
    print(f"\n{len(everything)} requests in {wall:.0f} s ({len(everything) / wall:.1f} req/s); "
          f"error rate {errors / max(len(everything), 1):.4%} {dict(codes) or ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=300)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--home", default="")
    parser.add_argument("--no-ingest", action="store_true", help="no ingest running alongside")
    parser.add_argument("--edit-interval", type=float, default=1.0, help="seconds between edits (0: no edits)")
    parser.add_argument("--edit-field", choices=("origin", "name_latin"), default="origin",
                        help="the field edited: origin (private) or name_latin (public: moves the public version)")
    args = parser.parse_args()

    home, reuse, seconds = open_home(args.home, args.cases, "vigil-load-")
    from django.db import connection

    from vigil.records.models import Case, Person

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    people = list(Person.objects.filter(published=True).order_by("?").values_list("public_id", flat=True)[:5000])
    print(f"{'reused' if reuse else 'built'} {Case.objects.count()} cases in {seconds:.0f} s ({home})")
    connection.close()

    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/vigil"), "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(args.workers)], env={**os.environ},
                              stdout=subprocess.DEVNULL, stderr=(home / "server.log").open("w"))
    stats: dict = defaultdict(list)
    results: dict = defaultdict(list)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/cases.json?_size=1", timeout=180)
        deadline = time.monotonic() + args.duration
        background = [threading.Thread(target=researcher, args=(deadline, stats, args.edit_interval, args.edit_field)),
                      threading.Thread(target=ingester, args=(home, deadline if not args.no_ingest else 0, stats))]
        for thread in background:
            thread.start()
        started = time.perf_counter()
        budget = [args.max_requests]

        async def crowd():
            await asyncio.gather(*(visitor(n, base, people, deadline, budget, results) for n in range(args.users)))

        asyncio.run(crowd())
        wall = time.perf_counter() - started
        for thread in background:
            thread.join()
    finally:
        stop(server)
    print(f"\n{args.users} users for {args.duration:.0f} s against vigil serve ({args.workers} workers x 4 threads), "
          f"SQLite, {args.cases} cases, an edit of {args.edit_field} every {args.edit_interval} s (0: none), "
          f"ingest {'off' if args.no_ingest else 'looping'}")
    report(results, wall)
    edits = stats["edits"]
    print(f"researcher: {len(edits)} edits, {len(stats['edit_errors'])} errors, edit p50 {pct(edits, .5):.0f} ms "
          f"p95 {pct(edits, .95):.0f} ms {stats['edit_errors'][:2] or ''}")
    print(f"ingest: {len(stats['ingests'])} folder runs of 23 reports completed, {len(stats['ingest_errors'])} failed "
          f"{stats['ingest_errors'][:1] or ''}")
    log = (home / "server.log").read_text(errors="replace")
    print(f"server log: {log.count('Traceback')} tracebacks, {log.count('WORKER TIMEOUT')} worker timeouts")
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
