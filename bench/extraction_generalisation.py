"""Extraction quality on reports the rules were NOT written against, per language.

Scores vigil.core.extract with eval/score_extraction.py on
(a) synthetic corpora from vigil.core.synth.write_corpus (default 400 reports, seeds 5 and 11:
    seed 5 was used while developing, seed 11 is held out and never inspected),
(b) the bundled sample reports (src/vigil/sample/reports/: sources.json + files, gold.jsonl;
    HTML read through vigil.core.reading.read_text), and
(c) the project's hand-written held-out reports (tests/data/extraction_holdout/: docs.jsonl,
    gold.jsonl; see the README there).
Usage: python bench/extraction_generalisation.py [--shared /work/shared] [--n 400]
       [--seeds 5 11] [--json] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from vigil.core.extract import EXTRACTOR_VERSION, extract_jsonl

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "vigil" / "sample" / "reports"
HOLDOUT = ROOT / "tests" / "data" / "extraction_holdout"


def score(shared: str, gold: Path, pred: Path, lang: str) -> dict:
    """Scorer output (--json) for one language; docs.jsonl must sit next to ``gold``."""
    cmd = [sys.executable, os.path.join(shared, "eval", "score_extraction.py"),
           str(gold), str(pred), "--json", "--lang", lang]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def figures(result: dict) -> dict:
    """The headline figures of one scorer result."""
    c, f, g = result["cases"], result["fields"], result["groups"]
    return {"case_f1": c["f1"], "precision": c["precision"], "recall": c["recall"],
            "date_acc": f["date"]["accuracy"], "prison_acc": f["prison"]["accuracy"],
            "charges_acc": f["charges"]["accuracy"], "group_recall": g["recall"],
            "group_count_acc": g["count_accuracy"]}


def predict(docs: Path, pred: Path) -> None:
    """Run the extractor over ``docs`` (JSON Lines) into ``pred``."""
    with open(docs, encoding="utf-8") as src, open(pred, "w", encoding="utf-8") as out:
        for record in extract_jsonl(src):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def synthetic(workdir: Path, n: int, seed: int) -> tuple[Path, Path]:
    """Write a synthetic corpus; return (gold, docs) paths."""
    from vigil.core.synth import write_corpus
    folder = workdir / f"synth-{seed}"
    write_corpus(folder, n, seed)
    return folder / "truth.jsonl", folder / "docs.jsonl"


def sample_docs(workdir: Path) -> tuple[Path, Path]:
    """Build docs.jsonl for the bundled sample reports; return (gold, docs) paths."""
    from vigil.core.reading import read_text
    folder = workdir / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    sources = json.loads((SAMPLES / "sources.json").read_text("utf-8"))
    with open(folder / "docs.jsonl", "w", encoding="utf-8") as out:
        for s in sources:
            read = read_text((SAMPLES / s["file"]).read_bytes(), s["file"])
            doc = {"id": s["id"], "language": s["language"], "published": s.get("published"),
                   "title": s.get("title"), "text": read.text}
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    shutil.copy(SAMPLES / "gold.jsonl", folder / "gold.jsonl")
    return folder / "gold.jsonl", folder / "docs.jsonl"


def holdout_docs(workdir: Path) -> tuple[Path, Path]:
    """Copy the hand-written held-out set into ``workdir``; return (gold, docs) paths."""
    folder = workdir / "holdout"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("docs.jsonl", "gold.jsonl"):
        shutil.copy(HOLDOUT / name, folder / name)
    return folder / "gold.jsonl", folder / "docs.jsonl"


def run(shared: str, n: int, seeds: list[int], workdir: Path) -> dict:
    """{set name: {lang: figures}} for every synthetic seed and the samples."""
    sets = {f"synthetic n={n} seed={s}": synthetic(workdir, n, s) for s in seeds}
    sets["samples"] = sample_docs(workdir)
    sets["holdout (hand-written)"] = holdout_docs(workdir)
    result = {}
    for name, (gold, docs) in sets.items():
        pred = docs.with_name("pred.jsonl")
        predict(docs, pred)
        result[name] = {lang: figures(score(shared, gold, pred, lang)) for lang in ("en", "fa")}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("VIGIL_SHARED", "/work/shared"))
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seeds", type=int, nargs="+", default=[5, 11])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", help="write corpora and predictions here (default: temporary)")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="vigil-gen-"))
    try:
        result = run(args.shared, args.n, args.seeds, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"extractor {EXTRACTOR_VERSION}")
    for name, langs in result.items():
        for lang, figs in langs.items():
            print(f"{name:28s} {lang} " + " ".join(f"{k}={v:.3f}" if isinstance(v, float)
                                                   else f"{k}={v}" for k, v in figs.items()))


if __name__ == "__main__":
    main()
