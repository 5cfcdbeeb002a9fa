"""Server CPU per cached public page, in process (no network, no client): where it goes.

    .venv/bin/python bench/site_cpu.py --home DIR [--cases 100000] [--requests 300] [--profile PAGE]

Uses the benchmark VIGIL_HOME of ``bench/site_latency.py`` (``open_home``: built unless
reused) and the same WSGI application gunicorn serves. For each page of
``site_latency.pages``: one warm-up request (fills the page cache), then ``--requests``
requests one after another, each timed with ``time.process_time`` (CPU of this process);
prints the median and p95 CPU ms per request and the body size. With ``--profile PAGE``
(a label, e.g. "case list, 2 facets") also prints that page's cProfile, top functions by
cumulative time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_latency import open_home, p50_p95, pages  # noqa: E402


def environ(path: str) -> dict:
    from django.test.client import RequestFactory

    url, _, query = path.partition("?")
    env = RequestFactory()._base_environ(PATH_INFO=url, QUERY_STRING=query, REQUEST_METHOD="GET")
    return {**env, "SERVER_NAME": "127.0.0.1", "HTTP_HOST": "127.0.0.1:8000", "wsgi.url_scheme": "http"}


def request(app, path: str) -> tuple[int, int]:
    """One request through the WSGI application: (status, body bytes)."""
    status = []
    body = app(environ(path), lambda s, h, exc=None: status.append(s))
    size = sum(len(chunk) for chunk in body)
    getattr(body, "close", lambda: None)()
    return int(status[0].split()[0]), size


def measure(app, path: str, n: int) -> dict:
    status, size = request(app, path)
    assert status == 200, (path, status)
    cpu = []
    for _ in range(n):
        t0 = time.process_time()
        request(app, path)
        cpu.append((time.process_time() - t0) * 1000)
    cpu.sort()
    return {**p50_p95(cpu), "bytes": size}


def profile(app, path: str, n: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(n):
        request(app, path)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(40)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", default="")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", default="")
    args = parser.parse_args()
    open_home(args.home, args.cases, "vigil-cpu-bench-")
    from vigil.records.models import Person
    from vigil.site.wsgi import application

    person = Person.objects.filter(published=True).order_by("pk").values_list("public_id", flat=True).first()
    print(f"{'page':28} {'CPU p50 ms':>10} {'CPU p95 ms':>10} {'bytes':>8}")
    for label, path in pages(person):
        s = measure(application, path, args.requests)
        print(f"{label:28} {s['p50']:10.2f} {s['p95']:10.2f} {s['bytes']:8d}")
        if label == args.profile:
            print(profile(application, path, args.requests))


if __name__ == "__main__":
    main()
