"""Watch list, change detection and the annual report over a synthetic database on SQLite.

    .venv/bin/python bench/watch_report.py [--cases 10000]

Builds the database of bench/site_latency.py (``--cases`` persons, one case each with one or
two events: 85 % executed, 8 % at risk, 7 % sentenced, dates 2012–2025), then times:
current statuses of everyone, the baseline run of change detection, a run with no change,
a run after 1 % of the people at risk get an 'executed' event, the watch list, and the
2025 report (context, HTML, PDF) in English and Persian.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(label: str, fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"{label:<48} {time.perf_counter() - start:8.2f} s")
    return result


def execute_some(share: float) -> int:
    from vigil.records.models import StatusEvent
    from vigil.watch.status import watch_list

    entries = watch_list()
    chosen = entries[: max(1, int(len(entries) * share))]
    StatusEvent.objects.bulk_create([StatusEvent(case=e.person.cases.first(), status="executed", date="2025-12-30",
                                                 date_precision="day") for e in chosen])
    return len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="vigil-bench-watch-")
    os.environ.update(VIGIL_HOME=home, DJANGO_SETTINGS_MODULE="vigil.site.settings")
    os.environ.pop("DATABASE_URL", None)
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from site_latency import build

    from vigil.records.actions import Actor
    from vigil.watch.notify import detect_changes
    from vigil.watch.report import render_html, render_pdf, report_context
    from vigil.watch.status import current_statuses, watch_list

    actor = Actor.system("bench")
    timed(f"build {args.cases:,} cases", build, args.cases)
    statuses = timed("current statuses of everyone", current_statuses)
    print(f"  persons with a status: {len(statuses):,}")
    timed("detect changes: baseline", detect_changes, actor)
    found = timed("detect changes: nothing changed", detect_changes, actor)
    assert not found
    n = execute_some(0.01)
    found = timed(f"detect changes: {n} executions added", detect_changes, actor)
    print(f"  changes found: {len(found)}")
    entries = timed("watch list", watch_list)
    print(f"  people at risk: {len(entries):,}")
    for lang in ("en", "fa"):
        ctx = timed(f"report 2025 context ({lang})", report_context, "2025", lang=lang)
        html = timed(f"report 2025 HTML ({lang})", render_html, ctx)
        pdf = timed(f"report 2025 PDF ({lang})", render_pdf, html)
        print(f"  annex rows: {len(ctx['annex']):,}, HTML {len(html) / 1e6:.1f} MB, PDF {len(pdf) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
