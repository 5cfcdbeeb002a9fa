"""Precision and recall of vigil.core.names.name_key on two lists of name pairs.

* ``/work/shared/eval/name_variants.tsv`` (spellings of one person seen across reports;
  rows noted as different first names are expected to stay apart),
* ``tests/core/data/name_pairs.tsv`` (our own list: variants that must meet and near-miss
  names that must stay apart, Persian and Latin script).

Two measures per list:
* labelled pairs: precision = pairs keyed equal that should be / all pairs keyed equal;
  recall = pairs keyed equal among those that should be;
* all pairs: every name against every other; two names "should meet" when a chain of
  ``same`` pairs joins them, so collisions between unrelated entries count against precision.

Run: ``.venv/bin/python bench/name_keys.py``
"""
from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vigil.core.names import name_key  # noqa: E402

SHARED = Path("/work/shared/eval/name_variants.tsv")
OWN = ROOT / "tests/core/data/name_pairs.tsv"


def _rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text("utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def own_pairs(path: Path = OWN) -> list[tuple[str, str, bool, str]]:
    """(a, b, should_meet, note) from our own list."""
    return [(r["a"], r["b"], r["expect"] == "same", r.get("note") or "") for r in _rows(path)]


def shared_pairs(path: Path = SHARED) -> list[tuple[str, str, bool, str]]:
    """Pairs from the shared variants table: canonical vs each variant and Persian form.

    Rows whose note says DIFFERENT first names, or whose variant changes the first name
    (Mojahed/Mojtaba), are expected apart: a name key should not merge different names."""
    out = []
    for r in _rows(path):
        canon = r["canonical_guess"]
        variants = [re.sub(r"[()]", "", v).strip() for v in r["variants_seen"].split(";")]
        variants = [v for v in variants if v and not v.startswith("see ") and v != canon]
        persian = [p for p in r["persian_script"].split(";") if p.strip() not in ("", "-")]
        for v in variants + persian:
            words = canon.split()
            if v.isascii() and len(v.split()) < len(words):  # a surname-only variant: compare like with like
                canon_part = " ".join(words[-len(v.split()):])
            else:
                canon_part = canon
            out.append((canon_part, v, _same_first_name(canon, v, r["note"]), r["note"]))
    return out


def _same_first_name(a: str, b: str, note: str) -> bool:
    if "DIFFERENT" in note:
        return False
    if "first-name variant across" in note:
        return False
    return True


def labelled(pairs) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for a, b, same, _ in pairs:
        meet = name_key(a) == name_key(b)
        tp += same and meet
        fn += same and not meet
        fp += (not same) and meet
        tn += (not same) and not meet
    return {"pairs": len(pairs), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def all_pairs(pairs) -> dict[str, float]:
    """Every distinct name against every other; truth = connected by ``same`` pairs."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names = set()
    for a, b, same, _ in pairs:
        names.update((a, b))
        find(a), find(b)
        if same:
            parent[find(a)] = find(b)
    tp = fp = fn = 0
    keys = {n: name_key(n) for n in names}
    for a, b in itertools.combinations(sorted(names), 2):
        same, meet = find(a) == find(b), keys[a] == keys[b]
        tp += same and meet
        fp += meet and not same
        fn += same and not meet
    return {"names": len(names), "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def failures(pairs) -> list[str]:
    out = []
    for a, b, same, note in pairs:
        if (name_key(a) == name_key(b)) != same:
            kind = "missed" if same else "merged"
            out.append(f"  {kind}: {a} [{name_key(a)}] / {b} [{name_key(b)}] {note}")
    return out


def eval_persons(folder: Path = SHARED.parent / "extraction") -> dict[str, int]:
    """Gold persons of the extraction set: clusters whose mentions all share one key, and
    pairs of different persons (among all case names) that share a key."""
    persons = [json.loads(ln) for ln in (folder / "persons.jsonl").read_text("utf-8").splitlines()]
    person = {m["name"]: p["person"] for p in persons for m in p["mentions"]}
    names = {c["name"] for ln in (folder / "gold.jsonl").read_text("utf-8").splitlines()
             for c in json.loads(ln)["cases"]}
    whole = sum(len({name_key(m["name"]) for m in p["mentions"]}) == 1 for p in persons)
    merged = sum(1 for a, b in itertools.combinations(sorted(names), 2)
                 if name_key(a) == name_key(b) and person.get(a, a) != person.get(b, b))
    return {"persons": len(persons), "one_key": whole, "names": len(names), "false_merges": merged}


def main() -> None:
    for label, pairs in (("shared name_variants.tsv", shared_pairs()),
                         ("own name_pairs.tsv", own_pairs())):
        lab, allp = labelled(pairs), all_pairs(pairs)
        print(f"{label}: {lab['pairs']} labelled pairs "
              f"({lab['tp'] + lab['fn']} same, {lab['fp'] + lab['tn']} different)")
        print(f"  labelled pairs: precision {lab['precision']:.3f}  recall {lab['recall']:.3f}"
              f"  (tp {lab['tp']}, fp {lab['fp']}, fn {lab['fn']}, tn {lab['tn']})")
        print(f"  all pairs of {allp['names']} names: precision {allp['precision']:.3f}"
              f"  recall {allp['recall']:.3f}  (tp {allp['tp']}, fp {allp['fp']}, fn {allp['fn']})")
        for tag in ("holdout", "holdout2"):  # pairs written after a round of tuning
            hold = [p for p in pairs if p[3].split(":")[0] == tag]
            if hold:
                h = labelled(hold)
                print(f"  {tag} ({h['pairs']} pairs): precision {h['precision']:.3f}  "
                      f"recall {h['recall']:.3f}  (tp {h['tp']}, fp {h['fp']}, fn {h['fn']}, "
                      f"tn {h['tn']})")
        if "-v" in sys.argv:
            print("\n".join(failures(pairs)))
    ev = eval_persons()
    print(f"eval/extraction persons.jsonl: {ev['one_key']} of {ev['persons']} linked persons "
          f"have one key for all their spellings; {ev['false_merges']} pairs of different "
          f"persons share a key among the {ev['names']} case names of gold.jsonl")


if __name__ == "__main__":
    main()
