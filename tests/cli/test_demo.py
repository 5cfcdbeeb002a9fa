"""vigil demo on a temporary directory: sample data through the pipeline, then a summary."""
from __future__ import annotations

import re

from tests.cli.conftest import sqlite_rows


def test_demo_loads_samples_and_synthetic_reports(run_vigil):
    result = run_vigil("demo", "--synthetic", "20", "--seed", "7")
    out = result.stdout
    samples = int(re.search(r"\((\d+) sample, 20 synthetic reports\)", out).group(1))
    assert samples >= 10
    documents = sqlite_rows(run_vigil.home, "select count(*) from records_document")[0][0]
    assert documents == samples + 20
    persons = sqlite_rows(run_vigil.home, "select count(*) from records_person where published")[0][0]
    assert persons > 0 and f"persons: {persons};" in out
    assert sqlite_rows(run_vigil.home, "select count(*) from records_campaign")[0][0] >= 2
    evidence = list((run_vigil.home / "evidence").rglob("*"))
    assert sum(p.is_file() for p in evidence) == documents
    steps = dict(sqlite_rows(run_vigil.home, "select step, count(*) from records_custodyevent group by step"))
    assert steps["captured"] == steps["hashed"] == steps["stored"] == documents


def test_demo_twice_does_not_duplicate(run_vigil):
    run_vigil("demo", "--synthetic", "5", "--seed", "2")
    first = sqlite_rows(run_vigil.home, "select count(*) from records_document")[0][0]
    run_vigil("demo", "--synthetic", "5", "--seed", "2")
    assert sqlite_rows(run_vigil.home, "select count(*) from records_document")[0][0] == first
