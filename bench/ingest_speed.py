"""Ingest synthetic report files end to end and print documents/second and peak memory.

    .venv/bin/python bench/ingest_speed.py [N] [--extract]

Writes N synthetic reports (default 10,000) as files, then ingests the folder into a fresh
SQLite database in a temporary VIGIL_HOME: capture, SHA-256, evidentiary copy, custody,
text extraction (HTML via trafilatura), language detection and, with --extract, the
rule-based extractor and its mentions.
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), "10000"))
    extract = "--extract" in sys.argv
    home = Path(tempfile.mkdtemp(prefix="vigil-bench-"))
    os.environ.update(VIGIL_HOME=str(home), DJANGO_SETTINGS_MODULE="vigil.site.settings")
    os.environ.pop("DATABASE_URL", None)
    from vigil.core.synth import write_corpus

    corpus = home / "corpus"
    write_corpus(corpus, n, seed=11)
    from vigil.cli.django_setup import setup

    setup(migrate=True)
    from vigil.ingest.collect import Outcome, files_under
    from vigil.ingest.pipeline import ingest_file
    from vigil.records.actions import Actor, bulk_capture, ensure_source

    actor = Actor.system("bench")
    source = ensure_source("Bench", actor)
    files = list(files_under(corpus))
    outcome = Outcome()
    start, cpu = time.perf_counter(), time.process_time()
    with bulk_capture():
        for path in files:
            outcome.add(ingest_file(path, source=source, actor=actor, extract=extract))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mode = "with extraction" if extract else "without extraction"
    print(f"ingested {len(outcome.new)} documents ({len(files) - n} index files) {mode} in {elapsed:.1f} s: "
          f"{len(files) / elapsed:.0f} documents/s wall-clock, {len(files) / cpu:.0f} per CPU-second; "
          f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
