"""Tests of the synthetic data generator (vigil.core.synth)."""
import collections
import csv
import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import jdatetime
import pytest

from vigil.core.synth import (MENTION_FIELDS, capture_histories, generate_mentions,
                              generate_reports, generate_world, persons_of, write_corpus,
                              write_mentions)
from vigil.core.synth import tables as T

STATUSES = {"executed", "sentenced", "upheld", "at_risk", "halted", "commuted", "forgiven"}
CHARGES = {c for c, _ in T.CHARGES}
PRISONS = {p[0] for p in T.PRISONS}
FA_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
             "آذر", "دی", "بهمن", "اسفند")
FA_DATE = re.compile(r"([۰-۹]{1,2}) (" + "|".join(FA_MONTHS) + r")(?: ([۰-۹]{4}))?")
TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


@pytest.fixture(scope="module")
def reports():
    return list(generate_reports(600, seed=7))


@pytest.fixture(scope="module")
def mentions():
    return list(generate_mentions(20000, seed=5))


def test_reports_are_deterministic():
    a = list(generate_reports(40, seed=3, people=3000))
    b = list(generate_reports(40, seed=3, people=3000))
    c = list(generate_reports(40, seed=4, people=3000))
    assert a == b
    assert [d["text"] for d in a] != [d["text"] for d in c]


def test_output_does_not_depend_on_hash_seed():
    code = ("import json, hashlib; from vigil.core.synth import generate_reports, generate_mentions; "
            "d = list(generate_reports(30, seed=9, people=3000)) + list(generate_mentions(100, seed=9)); "
            "print(hashlib.sha256(json.dumps(d, ensure_ascii=False).encode()).hexdigest())")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1


def test_mentions_are_deterministic():
    assert list(generate_mentions(3000, seed=2)) == list(generate_mentions(3000, seed=2))
    assert list(generate_mentions(50, seed=2)) != list(generate_mentions(50, seed=3))


def test_population_matches_its_design():
    people = generate_world(12000, seed=1)
    share = collections.Counter(p.sex for p in people)["f"] / len(people)
    afghan = sum(p.nationality == "AF" for p in people) / len(people)
    assert 0.03 < share < 0.05 and 0.08 < afghan < 0.12
    for p in people:
        days = [d for _, d in p.events]
        assert days == sorted(days) and p.events[0][0] == "sentenced"
        assert all(dt.date(2015, 1, 1) <= dt.date(2015, 1, 1) + dt.timedelta(d)
                   <= dt.date(2025, 12, 31) for d in days)
        assert not ({"executed", "forgiven"} <= {s for s, _ in p.events})
    names = collections.Counter(p.canonical_name for p in people)
    assert names.most_common(1)[0][1] > 50        # common names repeat
    assert generate_world(5, seed=1) == people[:5]


def test_both_languages_and_all_kinds(reports):
    langs = collections.Counter(d["language"] for d in reports)
    assert langs["en"] > 100 and langs["fa"] > 100
    truth = [d["truth"] for d in reports]
    assert sum(bool(t["groups"]) for t in truth) > 20
    assert sum(bool(t["campaigns"]) for t in truth) > 10
    assert sum(bool(t["claims"]) for t in truth) > 20
    assert {c["status"] for t in truth for c in t["cases"]} == STATUSES


def test_truth_is_in_the_text(reports):
    for d in reports:
        t = d["truth"]
        assert t["id"] == d["id"]
        if d["language"] == "fa":
            assert not re.search("[A-Za-z]", d["text"] + d["title"]), d["id"]
        else:
            assert not re.search("[\u0600-\u06ff]", d["text"] + d["title"]), d["id"]
        for c in t["cases"]:
            assert c["name"] in d["text"], (d["id"], c["name"])
            assert c["status"] in STATUSES and set(c["charges"]) <= CHARGES
            assert c["prison"] is None or c["prison"] in PRISONS
            if c["age"] is not None:
                age = str(c["age"]) if d["language"] == "en" else str(c["age"]).translate(
                    str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
                assert age in d["text"]
        for claim in t["claims"]:
            assert claim["text"] in d["text"] and claim["end"] <= d["published"]
        for g in t["groups"]:
            named = sum(c["date"] == g["date"] and c["status"] == "executed" for c in t["cases"])
            assert g["count"] >= max(named, 1)
            assert any(w in d["text"].lower() for w in _count_words(g["count"])), (d["id"], g)


def _count_words(n: int) -> list[str]:
    words_en = ("zero one two three four five six seven eight nine ten eleven twelve").split()
    words_fa = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده")
    out = [str(n), str(n).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))]
    out += [w for w in (words_en[n] if n < len(words_en) else "",
                        words_fa[n] if n < len(words_fa) else "") if w]
    return out


def _jalali_dates(text: str, published: dt.date) -> set:
    out = set()
    pub_year = jdatetime.date.fromgregorian(date=published).year
    for day, month, year in FA_DATE.findall(text):
        y = int(year.translate(TO_ASCII)) if year else pub_year
        g = jdatetime.date(y, FA_MONTHS.index(month) + 1, int(day.translate(TO_ASCII))).togregorian()
        if not year and g > published:
            g = jdatetime.date(y - 1, FA_MONTHS.index(month) + 1,
                               int(day.translate(TO_ASCII))).togregorian()
        out.add(g.isoformat())
    if "دیروز" in text or "روز گذشته" in text:
        out.add((published - dt.timedelta(days=1)).isoformat())
    return out


def test_persian_jalali_dates_convert_to_truth(reports):
    checked = 0
    for d in reports:
        if d["language"] != "fa":
            continue
        found = _jalali_dates(d["text"], dt.date.fromisoformat(d["published"]))
        dated = [c["date"] for c in d["truth"]["cases"] if c["date"] and len(c["date"]) == 10]
        dated += [g["date"] for g in d["truth"]["groups"] if g["date"] and len(g["date"]) == 10]
        for date in dated:
            assert date in found, (d["id"], date, d["text"])
            checked += 1
    assert checked > 100


def test_english_dates_are_stated(reports):
    for d in reports:
        if d["language"] != "en":
            continue
        for c in d["truth"]["cases"]:
            if c["date"] and len(c["date"]) == 10:
                day = dt.date.fromisoformat(c["date"])
                cues = [day.strftime("%A"), f"{day.day} {day:%B}", f"{day:%B} {day.day}", "yesterday"]
                assert any(cue in d["text"] for cue in cues), (d["id"], c["date"])


def test_reports_duplicate_events_with_spelling_variation(reports):
    persons = persons_of([d["truth"] for d in reports])
    assert len(persons) > 50
    publishers = {d["id"]: d["publisher"] for d in reports}
    multi_source = [p for p in persons if len({publishers[m["doc"]] for m in p["mentions"]}) > 1]
    varied = [p for p in persons if len({m["name"] for m in p["mentions"]}) > 1]
    assert len(multi_source) > 30 and len(varied) > 20


def test_mentions_fields_duplication_and_variation(mentions):
    assert all(set(m) == set(MENTION_FIELDS) for m in mentions[:100])
    by_event = collections.defaultdict(set)
    spellings = collections.defaultdict(set)
    for m in mentions:
        by_event[(m["true_person"], m["true_status"])].add(m["source"])
        if m["name_script"] == "latin":
            spellings[m["true_person"]].add(m["name"])
    assert sum(len(s) > 1 for s in by_event.values()) > 1000
    assert sum(len(s) > 1 for s in spellings.values()) > 500
    assert {m["independence_group"] for m in mentions} == {"official", "A", "B", "media"}
    assert {m["name_script"] for m in mentions} == {"latin", "fa"}
    errors = collections.Counter(e for m in mentions for e in m["noise"])
    assert errors["age_off"] and errors["date_off"] and errors["status_conflict"]
    repeats = collections.Counter((m["true_person"], m["true_status"], m["source"]) for m in mentions)
    assert 0.01 < sum(v > 1 for v in repeats.values()) / len(repeats) < 0.06


def test_mentions_are_fast():
    start = time.perf_counter()
    n = sum(1 for _ in generate_mentions(10000, seed=9))
    assert n == 10000 and time.perf_counter() - start < 5


def test_capture_histories_agree_with_mentions(mentions):
    h = capture_histories(4096, seed=5)
    seen = {m["true_person"] for m in mentions
            if m["true_status"] == "executed" and int(m["true_person"][1:]) < 4096}
    assert h["observed"] == len(seen) < h["true_total"]
    assert sum(h["histories"].values()) == h["observed"]
    by_group = collections.defaultdict(set)
    for m in mentions:
        if m["true_status"] == "executed" and int(m["true_person"][1:]) < 4096:
            by_group[m["independence_group"]].add(m["true_person"])
    for g in h["lists"]:
        assert sum(v for k, v in h["histories"].items() if g in k.split(",")) == len(by_group[g])


def test_write_mentions(tmp_path):
    assert write_mentions(tmp_path / "m.csv", 500, seed=1) == 500
    with open(tmp_path / "m.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 500 and tuple(rows[0]) == MENTION_FIELDS
    assert write_mentions(tmp_path / "m.jsonl", 20, seed=1) == 20
    first = json.loads(open(tmp_path / "m.jsonl", encoding="utf-8").readline())
    assert first == next(generate_mentions(1, seed=1))


def test_write_corpus(tmp_path):
    counts = write_corpus(tmp_path, 60, seed=2, people=3000)
    docs = [json.loads(line) for line in open(tmp_path / "docs.jsonl", encoding="utf-8")]
    truth = [json.loads(line) for line in open(tmp_path / "truth.jsonl", encoding="utf-8")]
    assert counts["reports"] == len(docs) == len(truth) == 60
    assert counts["txt"] + counts["html"] == 60 and counts["html"] > 0
    for doc in docs:
        files = list(tmp_path.glob(f"{doc['id']}.*"))
        assert len(files) == 1
        body = files[0].read_text(encoding="utf-8")
        assert doc["text"].split("\n\n")[0][:40] in body.replace("&#x27;", "'").replace("&quot;", '"')


# ---------------------------------------------------------------- bundled sample data
SAMPLE = Path(__file__).resolve().parents[2] / "src" / "vigil" / "sample"


def _sample_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"<footer>.*?</footer>|<nav>.*?</nav>|<head>.*?</head>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def test_sample_reports_are_described_and_short():
    meta = json.loads((SAMPLE / "reports" / "sources.json").read_text(encoding="utf-8"))
    files = {p.name for p in (SAMPLE / "reports").iterdir()} - {
        "README.md", "sources.json", "gold.jsonl", "persons.jsonl"}
    assert {m["file"] for m in meta} == files and 12 <= len(files) <= 20
    langs = collections.Counter(m["language"] for m in meta)
    assert langs["en"] >= 5 and langs["fa"] >= 5
    assert sum(f.endswith(".html") for f in files) >= 3
    for m in meta:
        assert m["publisher"].startswith("Sample Monitor") and m["url"] is None
        text = _sample_text(SAMPLE / "reports" / m["file"])
        assert 80 <= len(text.split()) <= 250, m["file"]
        assert bool(re.search("[\u0600-\u06ff]{3}", text)) == (m["language"] == "fa")
        dt.date.fromisoformat(m["published"])


def test_sample_gold_matches_the_texts():
    meta = {m["id"]: m for m in json.loads((SAMPLE / "reports" / "sources.json").read_text("utf-8"))}
    gold = [json.loads(line) for line in open(SAMPLE / "reports" / "gold.jsonl", encoding="utf-8")]
    assert {g["id"] for g in gold} == set(meta)
    gazetteer = pytest.importorskip("vigil.core.gazetteer")
    prisons = {p.name for p in gazetteer.prisons()}
    for g in gold:
        m = meta[g["id"]]
        text = _sample_text(SAMPLE / "reports" / m["file"])
        for c in g["cases"]:
            assert c["name"] in text and c["status"] in STATUSES
            assert c["prison"] is None or c["prison"] in prisons
            if m["language"] == "fa" and c["date"] and len(c["date"]) == 10:
                assert c["date"] in _jalali_dates(text, dt.date.fromisoformat(m["published"]))
        for claim in g["claims"]:
            assert claim["text"] in text
        for camp in g["campaigns"]:
            assert set(camp["prisons"]) <= prisons
    names = {(g["id"], c["name"]) for g in gold for c in g["cases"]}
    for line in open(SAMPLE / "reports" / "persons.jsonl", encoding="utf-8"):
        for m in json.loads(line)["mentions"]:
            assert (m["doc"], m["name"]) in names


def test_synthetic_prisons_are_in_the_gazetteer():
    gazetteer = pytest.importorskip("vigil.core.gazetteer")
    known = {p.name: (p.city, p.province) for p in gazetteer.prisons()}
    for name, _, city, province, _ in T.PRISONS:
        assert known.get(name) == (city, province), name


def test_sample_list_is_reproducible_and_importable():
    from vigil.core.synth.lists import COLUMNS, list_rows
    with open(SAMPLE / "lists" / "sample-list.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows == list_rows(30, seed=11) and tuple(rows[0]) == COLUMNS
    tabular = pytest.importorskip("vigil.core.tabular")
    plan = tabular.plan_import(SAMPLE / "lists" / "sample-list.csv", SAMPLE / "lists" / "sample-list.toml")
    assert len(plan.create) == 30 and not plan.errors
    assert {r.fields["status"] for r in plan.create} <= STATUSES


def _distinct(values, k: int = 129) -> float:
    """Mean number of distinct values among ``k`` people drawn 100 times."""
    import numpy as np

    rng = np.random.default_rng(0)
    return float(np.mean([len(set(rng.choice(values, k, replace=False))) for _ in range(100)]))


def test_wide_surnames_are_as_varied_as_real_reports():
    """129 named people in the shared reports bear 115 surnames; the 63 common surnames
    alone give about 48 (docs/decisions/synthetic-surname-tail.md)."""
    from vigil.core.synth.world import SURNAMES, population_chunk

    wide, narrow = population_chunk(3, 0, True), population_chunk(3, 0, False)
    assert _distinct(wide["surname"]) >= 95 and _distinct(narrow["surname"]) <= 60
    assert all(fa and latin for fa, latin, _ in SURNAMES)
    assert (wide["events"] == narrow["events"]).all()
    assert (wide["prison"] == narrow["prison"]).all()


def test_wide_given_names_are_as_varied_as_real_reports():
    """119 distinct named people in the shared reports bear 88 given names; the common
    given names alone give about 44 (docs/decisions/synthetic-surname-tail.md)."""
    from vigil.core.synth.world import GIVEN, GIVEN_F_WIDE, GIVEN_M_WIDE, population_chunk

    wide, narrow = population_chunk(3, 0, True), population_chunk(3, 0, False)
    assert _distinct(wide["given"], 119) >= 80 and _distinct(narrow["given"], 119) <= 50
    women = set(GIVEN_F_WIDE[0].tolist())
    assert all((g in women) == f for g, f in zip(wide["given"].tolist(), wide["female"].tolist()))
    assert not set(wide["father"].tolist()) & women
    assert all(fa and latin for fa, latin, _ in GIVEN)
    assert len(GIVEN_M_WIDE[0]) == len(GIVEN_M_WIDE[1]) and abs(GIVEN_M_WIDE[1].sum() - 1) < 1e-9
