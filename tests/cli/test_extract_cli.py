"""vigil extract on files and JSON Lines, as a user runs it (core only, no database)."""
from __future__ import annotations

import json

from vigil.cli.main import main


def _lines(capsys) -> list[dict]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_extract_text_and_html_files(tmp_path, capsys):
    (tmp_path / "r.txt").write_text("Reza Nemati, 34, was hanged in Ghezel Hesar Prison on Wednesday "
                                    "for drug-related charges, a rights group said.", encoding="utf-8")
    (tmp_path / "r.html").write_text("<html><body><article><p>زندانی به نام علی صالحی در زندان قزلحصار اعدام شد."
                                     "</p></article></body></html>", encoding="utf-8")
    assert main(["extract", str(tmp_path / "r.txt"), str(tmp_path / "r.html"), "--published", "2024-11-14"]) == 0
    en, fa = _lines(capsys)
    case = en["cases"][0]
    assert (case["name"], case["status"], case["date"], case["prison"]) == \
        ("Reza Nemati", "executed", "2024-11-13", "Ghezel Hesar Prison")
    assert case["charges"] == ["drug"] and case["age"] == 34
    assert "spans" in case and "confidence" in case
    assert fa["language"] == "fa" and fa["cases"][0]["status"] == "executed"


def test_extract_jsonl_errors_name_file_and_line(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "1", "text": "nothing here"}\n{"id": 2}\n', encoding="utf-8")
    assert main(["extract", "--jsonl", str(docs)]) == 2
    assert f"{docs}:2: field 'text'" in capsys.readouterr().err


def test_extract_link_gives_person_ids(shared_dir, tmp_path, capsys):
    lines = (shared_dir / "eval/extraction/docs.jsonl").read_text(encoding="utf-8").splitlines()
    subset = [json.loads(line) for line in lines if json.loads(line)["id"] in ("043", "044")]
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in subset), encoding="utf-8")
    assert main(["extract", "--jsonl", str(docs), "--link"]) == 0
    persons: dict[str, set] = {}
    for doc in _lines(capsys):
        for case in doc["cases"]:
            persons.setdefault(case["name"].split()[-1], set()).add(case["person"])
    assert {"Rahnavard", "Shekari"} <= set(persons)
    assert all(len(ids) == 1 for ids in persons.values())
    assert persons["Rahnavard"] != persons["Shekari"]


def test_extract_link_scores_on_the_shared_set(shared_dir, tmp_path, capsys):
    """Linkage of extracted cases across the shared reports, scored by the shared scorer (issue target F1 >= 0.90)."""
    import subprocess
    import sys

    evalset = shared_dir / "eval/extraction"
    assert main(["extract", "--jsonl", str(evalset / "docs.jsonl"), "--link"]) == 0
    pred = tmp_path / "pred.jsonl"
    pred.write_text(capsys.readouterr().out, encoding="utf-8")
    result = subprocess.run([sys.executable, str(shared_dir / "eval/score_extraction.py"), str(evalset / "gold.jsonl"),
                             str(pred), "--persons", str(evalset / "persons.jsonl"), "--json"],
                            capture_output=True, text=True, timeout=300)
    linkage = json.loads(result.stdout)["linkage"]
    assert linkage["f1"] >= 0.90 and linkage["precision"] >= 0.95
