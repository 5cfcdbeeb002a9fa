"""Public API, the extractor registry, robustness (hypothesis) and the shared eval set."""
import json
import os
import subprocess
import sys
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vigil.core.extract import (EXTRACTOR_VERSION, Extractor, available, extract,
                                extract_jsonl, get_extractor, register)

SHARED = os.environ.get("VIGIL_SHARED", "/work/shared")
EVAL = os.path.join(SHARED, "eval", "extraction")


def test_document_shape():
    doc = extract("Reza Ahmadi was hanged on Monday.", published="2024-01-10")
    assert set(doc) == {"cases", "groups", "campaigns", "claims"}
    case = doc["cases"][0]
    for key in ("name", "status", "date", "prison", "city", "province", "charges", "sex",
                "age", "nationality", "ethnicity", "public", "spans", "confidence"):
        assert key in case
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_extract_jsonl_adds_id():
    lines = [json.dumps({"id": "x1", "language": "en", "published": None, "text": "Nothing here."}),
             "", {"id": "x2", "text": "Ali Rezaei was executed."}]
    out = list(extract_jsonl(lines))
    assert [r["id"] for r in out] == ["x1", "x2"]
    assert out[1]["cases"][0]["name"] == "Ali Rezaei"


def test_registry_chooses_by_name(monkeypatch):
    class Empty(Extractor):
        name = "empty"

        def extract(self, text, *, published=None, language=None):
            return {"cases": [], "groups": [], "campaigns": [], "claims": []}

    register("empty-test", Empty)
    assert "rules" in available() and "empty-test" in available()
    assert extract("Ali Rezaei was executed.", extractor="empty-test")["cases"] == []
    monkeypatch.setenv("VIGIL_EXTRACTOR", "empty-test")
    assert isinstance(get_extractor(), Empty)
    with pytest.raises(KeyError):
        get_extractor("no-such-extractor")


_ALPHABET = st.characters(blacklist_categories=("Cs",))
_WORDS = st.sampled_from(["executed", "hanged", "Ali", "Reza", "Karimi", "«", "»", "اعدام شد",
                          "به نام", "محمد", "رضایی", "Prison", "Evin", "at least", "10", ",",
                          "—", ":", ".", "week", "Tuesday", "۱۴۰۲", "son of", "the three"])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300),
       st.sampled_from([None, "2024", "2024-05", "2024-05-07", "garbage"]),
       st.sampled_from([None, "en", "fa", "xx"]))
def test_arbitrary_text_never_raises(text, published, language):
    doc = extract(text, published=published, language=language)
    assert set(doc) == {"cases", "groups", "campaigns", "claims"}


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_report_like_text_never_raises_and_spans_are_valid(text):
    doc = extract(text, published="2024-05-07")
    for item in doc["cases"] + doc["groups"] + doc["claims"]:
        for s, e in item["spans"].values():
            assert 0 <= s <= e <= len(text)


# Figures reached on the shared development set (rules-0.1; en date and group recall from
# rules-0.3, see docs/benchmarks.md), less a small margin for changes in the shared date
# parser and gazetteer; fails on a regression.
FLOORS = {"en": {"case_f1": 0.93, "group_count_acc": 0.88, "date_acc": 0.92, "prison_acc": 0.88,
                 "charges_acc": 0.90, "group_recall": 0.70},
          "fa": {"case_f1": 0.97, "group_count_acc": 0.88, "date_acc": 0.77, "prison_acc": 0.88,
                 "charges_acc": 0.95, "group_recall": 0.75}}


@pytest.mark.skipif(not os.path.exists(os.path.join(EVAL, "gold.jsonl")),
                    reason="shared evaluation set not available")
def test_shared_eval_set_stays_above_reached_figures():
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        with open(os.path.join(EVAL, "docs.jsonl"), encoding="utf-8") as src:
            for rec in extract_jsonl(src):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    try:
        for lang, floors in FLOORS.items():
            out = subprocess.run(
                [sys.executable, os.path.join(SHARED, "eval", "score_extraction.py"),
                 os.path.join(EVAL, "gold.jsonl"), fh.name, "--json", "--lang", lang],
                capture_output=True, text=True, check=True).stdout
            result = json.loads(out)
            assert result["cases"]["f1"] >= floors["case_f1"], (lang, result["cases"])
            assert result["groups"]["count_accuracy"] >= floors["group_count_acc"], lang
            assert result["groups"]["recall"] >= floors["group_recall"], lang
            assert result["fields"]["date"]["accuracy"] >= floors["date_acc"], lang
            assert result["fields"]["prison"]["accuracy"] >= floors["prison_acc"], lang
            assert result["fields"]["charges"]["accuracy"] >= floors["charges_acc"], lang
    finally:
        os.unlink(fh.name)


def test_every_span_points_at_its_value():
    text = ("Reza Nouri, 34, was hanged for drug trafficking in Evin Prison on Monday, "
            "May 6, 2024. At least 40 people were executed in April 2024, Amnesty said.")
    doc = extract(text, published="2024-05-07")
    case = doc["cases"][0]
    assert text[slice(*case["spans"]["name"])] == "Reza Nouri"
    assert text[slice(*case["spans"]["age"])] == "34"
    assert "Evin" in text[slice(*case["spans"]["prison"])]
    assert "drug" in text[slice(*case["spans"]["charges"])]
    assert "May 6" in text[slice(*case["spans"]["date"])]
    claim = doc["claims"][0]
    assert text[slice(*claim["spans"]["value"])] == "40"
    assert text[slice(*claim["spans"]["text"])] == claim["text"]


def _timed_extract(text: str, seconds: float) -> dict:
    """Extract ``text`` in a child process killed after ``seconds``; its cases and time."""
    code = ("import json, sys, time; from vigil.core.extract import extract; t = sys.stdin.read(); "
            "t0 = time.perf_counter(); d = extract(t, published='2024-05-20'); "
            "print(json.dumps({'names': sorted(c['name'] for c in d['cases']), "
            "'seconds': time.perf_counter() - t0}))")
    try:
        out = subprocess.run([sys.executable, "-c", code], input=text, timeout=seconds,
                             check=True, capture_output=True, text=True).stdout
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract took over {seconds} s on a {len(text) // 1000} KB report")
    return json.loads(out)


def test_repeated_person_stays_near_linear():
    """A 50 KB report repeating one name in one run-on sentence: was ~n^4 (20 KB took 53 s)."""
    text = "Ali Karimi was executed in Qezelhesar prison on 12 May 2024 " * 850
    got = _timed_extract(text, 60)
    assert got["names"] == ["Ali Karimi"]
    assert got["seconds"] < 15, got["seconds"]


def test_many_distinct_names_stay_bounded():
    """500 different people in 500 sentences (was quadratic in people per mention)."""
    syllables = ["ba", "ka", "ri", "mo", "sa", "de", "na", "ja", "far", "ho", "ze", "la", "ta", "pa"]
    lasts = sorted({(a + b + c + d).capitalize() for a in syllables for b in syllables
                    for c in syllables for d in syllables[:3]})[::37][:500]
    text = " ".join(f"Reza {last} was executed in Qezelhesar prison on 12 May 2024." for last in lasts)
    got = _timed_extract(text, 60)
    assert len(got["names"]) > 100
    assert got["seconds"] < 15, got["seconds"]
