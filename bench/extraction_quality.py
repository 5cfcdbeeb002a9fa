"""Extraction quality on the shared development set, per language.

Runs vigil.core.extract over eval/extraction/docs.jsonl, writes the predictions to a
temporary file, scores them with eval/score_extraction.py and prints the figures.
Usage: python bench/extraction_quality.py [--shared /work/shared] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

from vigil.core.extract import EXTRACTOR_VERSION, extract_jsonl


def score(shared: str, pred: str, lang: str) -> dict:
    """Scorer output (--json) for one language."""
    cmd = [sys.executable, os.path.join(shared, "eval", "score_extraction.py"),
           os.path.join(shared, "eval", "extraction", "gold.jsonl"), pred, "--json",
           "--lang", lang]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def figures(result: dict) -> dict:
    """The headline figures of one scorer result."""
    f = result["fields"]
    return {"case_f1": result["cases"]["f1"], "precision": result["cases"]["precision"],
            "recall": result["cases"]["recall"],
            "date_acc": f["date"]["accuracy"], "prison_acc": f["prison"]["accuracy"],
            "charges_acc": f["charges"]["accuracy"],
            "group_recall": result["groups"]["recall"],
            "group_count_acc": result["groups"]["count_accuracy"],
            "campaign_recall": result["campaigns"]["recall"],
            "claim_recall": result["claims"]["recall"]}


def run(shared: str) -> dict:
    """Extract, score, return {lang: figures}."""
    docs = os.path.join(shared, "eval", "extraction", "docs.jsonl")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        with open(docs, encoding="utf-8") as src:
            for record in extract_jsonl(src):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        pred = fh.name
    try:
        return {lang: figures(score(shared, pred, lang)) for lang in ("en", "fa")}
    finally:
        os.unlink(pred)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("VIGIL_SHARED", "/work/shared"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.shared)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"extractor {EXTRACTOR_VERSION}")
    for lang, figs in result.items():
        print(lang, " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                             for k, v in figs.items()))


if __name__ == "__main__":
    main()
