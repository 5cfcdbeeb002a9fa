"""Public-site latency against a production server (``vigil serve``: gunicorn) on SQLite.

    .venv/bin/python bench/site_latency.py [--cases 100000] [--concurrency 20] [--requests 400]
                                           [--workers 2] [--datasette PATH] [--home DIR]
                                           [--client http.client|httpx] [--no-front-cache]

Builds a temporary SQLite database with ``--cases`` published-or-not persons (90 %
published), each with one case, one or two status events and two names (Latin and
Persian), then starts ``vigil serve`` on it and measures, for each page: the first (cold,
uncached) request alone, then p50/p95 of ``--requests`` requests at ``--concurrency``
parallel clients. Pages: the dashboard (default and filtered), a two-facet case list, a
name search, a person page and the JSON list. With ``--datasette PATH`` the same
two-facet query is timed against Datasette serving the same SQLite file, with the same client.
Each row also gives the page's size and the CPU ms per request of the client (this process)
and of the server (the gunicorn processes, or Datasette's), so queueing on a shared machine
can be told from cost.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST = ["Ali", "Reza", "Mohammad", "Hossein", "Mehdi", "Hamid", "Saeed", "Zahra", "Maryam", "Abbas", "Karim", "Javad"]
FIRST_FA = ["علی", "رضا", "محمد", "حسین", "مهدی", "حمید", "سعید", "زهرا", "مریم", "عباس", "کریم", "جواد"]
LAST = ["Ahmadi", "Karimi", "Rahimi", "Hosseini", "Moradi", "Jafari", "Baluch", "Rezaei", "Sadeghi", "Kazemi"]
LAST_FA = ["احمدی", "کریمی", "رحیمی", "حسینی", "مرادی", "جعفری", "بلوچ", "رضایی", "صادقی", "کاظمی"]
PRISONS = ["Ghezel Hesar Prison", "Evin Prison", "Vakilabad Prison", "Adelabad Prison", "Dastgerd Prison",
           "Urmia Central Prison", "Zahedan Central Prison", "Qezelhesar", "Shiraz Central Prison", ""]
CHARGES = [["drug"], ["murder"], ["drug"], ["rape"], ["moharebeh"], ["drug", "moharebeh"], ["espionage"], []]


def build(n: int, seed: int = 11) -> None:
    from vigil.core import gazetteer
    from vigil.records.actions.persons import date_bounds
    from vigil.records.models import Case, Person, PersonName, StatusEvent
    from vigil.records.naming import name_key

    rng = random.Random(seed)
    provinces = [p.name for p in gazetteer.provinces()] + [""]
    people, names = [], []
    for i in range(n):
        a, b = rng.randrange(len(FIRST)), rng.randrange(len(LAST))
        people.append(Person(name_latin=f"{FIRST[a]} {LAST[b]} {i}", name_fa=f"{FIRST_FA[a]} {LAST_FA[b]}",
                             sex=rng.choices(["m", "f", ""], [95, 3, 2])[0], published=rng.random() < 0.9,
                             ethnicity=rng.choice(["", "", "baluch", "kurd", "arab"]),
                             nationality=rng.choices(["", "AF"], [95, 5])[0]))
    people = Person.objects.bulk_create(people, batch_size=5000)
    for p in people:
        names += [PersonName(person=p, name=p.name_latin, key=name_key(p.name_latin)),
                  PersonName(person=p, name=p.name_fa, key=name_key(p.name_fa))]
    PersonName.objects.bulk_create(names, batch_size=5000)
    cases = Case.objects.bulk_create([Case(person=p, charges=rng.choice(CHARGES)) for p in people], batch_size=5000)
    events = []
    for case in cases:
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(14 * 365))
        value = rng.choices([day.isoformat(), day.isoformat()[:7], ""], [85, 13, 2])[0]
        start, end = date_bounds(value)
        status = rng.choices(["executed", "at_risk", "sentenced"], [85, 8, 7])[0]
        common = dict(case=case, province=rng.choice(provinces), prison=rng.choice(PRISONS), charges=case.charges,
                      grade=rng.choices(["official", "corroborated", "single_source", "disputed"], [20, 45, 30, 5])[0])
        if status == "executed" and rng.random() < 0.3 and start:
            s0 = start - timedelta(days=300)
            events.append(StatusEvent(status="sentenced", date=s0.isoformat(), date_precision="day",
                                      date_start=s0, date_end=s0, **common))
        events.append(StatusEvent(status=status, date=value, date_precision={10: "day", 7: "month"}.get(len(value), "unknown"),
                                  date_start=start, date_end=end, **common))
    StatusEvent.objects.bulk_create(events, batch_size=5000)


def open_home(home: str, cases: int, prefix: str, **env: str) -> tuple[Path, bool, float]:
    """Point Django at a benchmark VIGIL_HOME on SQLite (``home``, or a new temporary folder
    named ``prefix``...), migrate it and build ``cases`` cases unless it already holds a
    database. ``env`` adds environment variables (e.g. rate limits). Returns (home, whether
    the database was reused, seconds spent building or reusing it)."""
    path = Path(home or tempfile.mkdtemp(prefix=prefix))
    path.mkdir(parents=True, exist_ok=True)
    reuse = (path / "vigil.sqlite3").exists()
    os.environ.update(VIGIL_HOME=str(path), DJANGO_SETTINGS_MODULE="vigil.site.settings",
                      VIGIL_NO_PROGRESS="1", **env)
    os.environ.pop("DATABASE_URL", None)
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    if not reuse:
        build(cases)
    return path, reuse, time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    import httpx

    end = time.time() + timeout
    while time.time() < end:
        try:
            httpx.get(url, timeout=60)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not start: {url}")


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live children
    (the gunicorn master and workers), from /proc; 0 where /proc is missing."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for p in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _children(pid: int) -> list[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return [int(c) for t in tasks for c in (t / "children").read_text().split()]
    except OSError:
        return []


def httpx_getter():
    """A per-thread GET function using httpx (the client of the earlier runs): (status, bytes)."""
    import httpx

    client = httpx.Client(timeout=120)

    def get(url: str) -> tuple[int, int]:
        r = client.get(url)
        return r.status_code, len(r.content)
    return get, client.close


def http_getter():
    """A per-thread GET function on one keep-alive ``http.client`` connection (lighter on the
    client's CPU than httpx, so that more of the 2 vCPUs go to the server): (status, bytes)."""
    import http.client
    from urllib.parse import urlsplit

    conn: list = []

    def get(url: str) -> tuple[int, int]:
        parts = urlsplit(url)
        if not conn:
            conn.append(http.client.HTTPConnection(parts.hostname, parts.port, timeout=120))
        try:
            conn[0].request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
            r = conn[0].getresponse()
            return r.status, len(r.read())
        except (OSError, http.client.HTTPException):
            conn.pop().close()
            raise
    return get, lambda: conn and conn[0].close()


CLIENTS = {"httpx": httpx_getter, "http.client": http_getter}


def p50_p95(ordered: list[float]) -> dict:
    """Median and 95th percentile of sorted values (the p95 is an observed value)."""
    return {"p50": statistics.median(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))]}


def measure(url: str, n: int, concurrency: int, client: str = "httpx", server_pid: int = 0) -> dict:
    """p50/p95/max (ms) of ``n`` GETs of ``url`` from ``concurrency`` threads, with the CPU ms
    per request of this (client) process and of the server's process tree (``server_pid``)."""
    times: list[float] = []
    failures: list[str] = []
    sizes: list[int] = []
    lock = threading.Lock()
    counter = iter(range(n))

    def worker():
        get, close = CLIENTS[client]()
        try:
            while True:
                with lock:
                    if next(counter, None) is None:
                        return
                t0 = time.perf_counter()
                try:
                    status, size = get(url)
                    ok = status == 200
                except Exception:  # noqa: BLE001 - a failed request is counted, not raised
                    ok, size = False, 0
                with lock:
                    if ok:
                        times.append((time.perf_counter() - t0) * 1000)
                        sizes.append(size)
                    else:
                        failures.append(url)
        finally:
            close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    cpu0, server0, t0 = time.process_time(), tree_cpu(server_pid) if server_pid else 0.0, time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    client_cpu = time.process_time() - cpu0
    server_cpu = tree_cpu(server_pid) - server0 if server_pid else float("nan")
    times.sort() if times else times.append(float("nan"))
    return {**p50_p95(times), "max": times[-1],
            "rps": len(times) / wall, "failed": len(failures), "bytes": max(sizes, default=0),
            "client_cpu": client_cpu * 1000 / n, "server_cpu": server_cpu * 1000 / n}


def cold(url: str) -> float:
    import httpx

    t0 = time.perf_counter()
    r = httpx.get(url, timeout=120)
    assert r.status_code == 200, (url, r.status_code)
    return (time.perf_counter() - t0) * 1000


def pages(sample_person: str) -> list[tuple[str, str]]:
    return [("dashboard", "/"), ("dashboard filtered", "/?period=2024&charge=drug&grades=all"),
            ("case list, 2 facets", "/cases/?status=executed&province=Tehran"),
            ("name search", "/cases/?q=Karimi"), ("person page", f"/people/{sample_person}/"),
            ("JSON list, 2 facets", "/cases.json?status=executed&province=Tehran"),
            ("dashboard (fa)", "/?lang=fa")]


def run_datasette(db: Path, args) -> list[tuple[str, dict]]:
    exe = args.datasette
    if not Path(exe).exists():
        print(f"datasette not found at {exe}; skipped")
        return []
    port = free_port()
    proc = subprocess.Popen([exe, "serve", str(db), "--port", str(port), "--setting", "sql_time_limit_ms", "60000",
                             "--setting", "facet_time_limit_ms", "60000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/")
        table = "/vigil/records_statusevent"
        out = []
        for label, path in (("datasette 2-facet JSON", table + ".json?status=executed&province=Tehran&_facet=grade&_facet=prison"),
                            ("datasette 2-facet HTML", table + "?status=executed&province=Tehran&_facet=grade&_facet=prison")):
            try:
                cold(base + path)
            except Exception as exc:  # a timeout is a result too
                print(f"{label}: first request failed ({exc!r})")
            out.append((label, measure(base + path, args.datasette_requests, args.concurrency, args.client, proc.pid)))
        return out
    finally:
        proc.terminate()
        proc.wait(10)


def print_row(label: str, first: float | None, s: dict) -> None:
    cold_ms = "" if first is None else f"{first:.1f}"
    print(f"{label:28} {cold_ms:>8} {s['p50']:8.1f} {s['p95']:8.1f} {s['max']:8.1f} {s['rps']:7.1f} {s['failed']:6d} "
          f"{s['bytes']:7d} {s['client_cpu']:17.2f} {s['server_cpu']:17.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--datasette", default="", help="path of a datasette executable to compare with")
    parser.add_argument("--datasette-requests", type=int, default=100)
    parser.add_argument("--home", default="", help="reuse this VIGIL_HOME if it already holds a built database")
    parser.add_argument("--no-front-cache", action="store_true",
                        help="serve without the front cache (VIGIL_FRONT_CACHE=0), to compare")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="http.client",
                        help="the benchmark's HTTP client (httpx: the client of the runs before 2026-11-26)")
    args = parser.parse_args()
    print("load average at the start: %.2f %.2f %.2f" % os.getloadavg())

    home, reuse, seconds = open_home(args.home, args.cases, "vigil-site-bench-")
    from django.db import connection
    from vigil.records.models import Person

    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    person = Person.objects.filter(published=True).order_by("?").values_list("public_id", flat=True).first()
    connection.close()
    from vigil.records.models import Case
    n_cases = Case.objects.count()
    print(f"{'reused' if reuse else 'built'} {n_cases} cases in {seconds:.1f} s ({home})")

    shutil.rmtree(home / "cache", ignore_errors=True)  # cold start: no page cached by an earlier run
    port = free_port()
    env = {**os.environ, "VIGIL_FRONT_CACHE": "0" if args.no_front_cache else "1"}
    server = subprocess.Popen([str(ROOT / ".venv/bin/vigil"), "serve", "--port", str(port), "--workers", str(args.workers)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/cases.json?_size=1", timeout=180)
        for label, path in pages(person):
            first = cold(base + path)
            stats = measure(base + path, args.requests, args.concurrency, args.client, server.pid)
            results.append((label, first, stats))
    finally:
        server.terminate()
        server.wait(10)
    print(f"\n{n_cases} cases, SQLite, vigil serve (gunicorn, {args.workers} workers x 4 threads), "
          f"concurrency {args.concurrency}, {args.requests} requests per page, client {args.client}, "
          f"front cache {'off' if args.no_front_cache else 'on'}")
    print(f"{'page':28} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>7} {'failed':>6} "
          f"{'bytes':>7} {'client CPU ms/req':>17} {'server CPU ms/req':>17}")
    for label, first, s in results:
        print_row(label, first, s)
    if args.datasette:
        for label, s in run_datasette(home / "vigil.sqlite3", args):
            print_row(label, None, s)
    print("load average at the end: %.2f %.2f %.2f" % os.getloadavg())
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
