"""vigil stats and vigil check, run in-process on the test database."""
from __future__ import annotations

import csv
import io
import json

from vigil.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_stats_table_json_csv(sample_events, capsys):
    code, out, _ = run(capsys, "stats", "--period", "2025")
    assert code == 0 and out.startswith("total: 7") and "grades: official, corroborated" in out
    assert "unknown share:" in out and "cases: 7 (list them with --cases)" in out

    code, out, _ = run(capsys, "stats", "--by", "sex", "--by", "charge", "--period", "1403", "--format", "json")
    data = json.loads(out)
    assert set(data) == {"by_sex", "by_charge"} and data["by_sex"]["value"] == 6
    assert data["by_charge"]["period"]["start"] == "2024-03-20"

    code, out, _ = run(capsys, "stats", "--by", "province", "--per-capita", "--format", "csv", "--grades", "all")
    rows = list(csv.DictReader(io.StringIO(out)))
    tehran = [r for r in rows if r["figure"] == "per_capita" and r["key"] == "Tehran"]
    assert tehran and tehran[0]["population"] == "13267637" and float(tehran[0]["rate"]) > 0
    assert any(r["figure"] == "by_province" and r["key"] == "total" for r in rows)


def test_stats_filters_from_flags(sample_events, capsys):
    _, out, _ = run(capsys, "stats", "--charge", "drug", "--public", "yes", "--format", "json")
    assert json.loads(out)["total"]["value"] == 1
    code, _, err = run(capsys, "stats", "--grades", "rumour")
    assert code == 2 and "unknown grade" in err


def test_stats_snapshot_list_and_diff(sample_events, capsys):
    from tests.statistics.factories import make_case

    code, out, _ = run(capsys, "stats", "snapshot", "--name", "first", "--period", "2025")
    assert code == 0 and "7 cases counted" in out
    new = make_case(date="2025-04-01", charges=["drug"])
    run(capsys, "stats", "snapshot", "--name", "second", "--period", "2025")
    _, out, _ = run(capsys, "stats", "snapshots")
    assert "first" in out and "second" in out
    code, out, _ = run(capsys, "stats", "diff", "first", "second", "--format", "json")
    result = json.loads(out)
    assert result["figures"]["total"] == {"before": 7, "after": 8, "groups": {}}
    assert result["entered"] == [{"case": new.case.public_id, "reasons": ["new case"]}]
    _, text, _ = run(capsys, "stats", "diff", "first", "second")
    assert "1 case(s) entered" in text and "2025-04: 0 → 1" in text
    code, _, err = run(capsys, "stats", "diff", "first")
    assert code == 2 and "two snapshots" in err


def test_check_sentence_and_document(sample_events, capsys, tmp_path):
    code, out, _ = run(capsys, "check", "In January 2025, 3 people were executed in Iran", "--grades", "headline")
    assert code == 0 and out.startswith("SUPPORTED") and "computed: 3" in out
    _, out, _ = run(capsys, "check", "In January 2025, 10 people were executed in Iran", "--json")
    assert json.loads(out)["verdict"] == "contradicted"
    doc = tmp_path / "oped.txt"
    doc.write_text("In 2025, at least 8 executions were recorded in Iran. In January 2025, over 12 people "
                   "were executed in Iran, an average of 2 per day.", encoding="utf-8")
    _, out, _ = run(capsys, "check", "--document", str(doc), "--json")
    result = json.loads(out)
    assert [c["verdict"] for c in result["claims"]] == ["supported", "contradicted"]
    assert result["claims"][1]["arithmetic"] and "13 in 31 days is 0.4" not in result["claims"][1]["arithmetic"][0]
    assert "12 in 31 days is 0.4 a day, not 2" in result["claims"][1]["arithmetic"][0]
    code, _, err = run(capsys, "check")
    assert code == 2
