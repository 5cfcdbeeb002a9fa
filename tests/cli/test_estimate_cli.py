"""vigil estimate from a CSV and from linked cases in the database."""
from __future__ import annotations

import json

import pytest

from vigil.cli.main import main


def test_estimate_csv_json_reproduces_published_uk5(shared_dir, capsys):
    assert main(["estimate", str(shared_dir / "eval/mse/uk5.csv"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert round(result["estimate"]) == 11313
    assert (round(result["lower"], 1), round(result["upper"], 1)) == (9889.2, 13063.1)
    assert result["experimental"] is True and result["observed"] == 2744
    assert any("not independent" in w for w in result["warnings"])


def test_estimate_bad_table_names_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("A,B,count\n1,0,5\n0,x,3\n")
    assert main(["estimate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "3" in err


@pytest.mark.django_db
def test_estimate_from_database_memberships(actor):
    from vigil.records import actions
    from vigil.statistics.capture import memberships

    a = actions.ensure_source("List A", actor, kind="ngo", independence_group="a")
    b = actions.ensure_source("List B", actor, kind="ngo", independence_group="b")
    clusters = {}
    for i in range(6):
        for source in (a, b) if i < 2 else ((a,) if i < 4 else (b,)):
            m, _ = actions.add_list_row(source, str(i), {"name": f"P{i}", "status": "executed", "date": "2024-01-0" + str(i + 1)},
                                        actor=actor)
            clusters[m.pk] = f"p{i}"
    actions.apply_clusters(clusters, actor)
    got = sorted(sorted(s) for s in memberships(["List A", "List B"], year=2024))
    assert got == [["List A"], ["List A"], ["List A", "List B"], ["List A", "List B"], ["List B"], ["List B"]]
    early = sorted(sorted(s) for s in memberships(["List A", "List B"], where="period=2024-01-01..2024-01-02"))
    assert early == [["List A", "List B"], ["List A", "List B"]]
    assert memberships(["List A", "List B"], where="period=2023") == []
