"""Linkage on the shared evaluation set: link the gold CASEs, score with --persons.

    .venv/bin/python bench/link_eval.py [--eval /work/shared/eval]

Uses the gold cases (perfect extraction) so that the figure measures linkage alone; the
source of each document is its publisher (docs.jsonl).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from vigil.core.link.cases import add_person_ids


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", default="/work/shared/eval")
    root = Path(parser.parse_args(argv).eval)
    docs = {d["id"]: d for d in map(json.loads, open(root / "extraction" / "docs.jsonl"))}
    gold = [json.loads(line) for line in open(root / "extraction" / "gold.jsonl")]
    sources = {i: d.get("publisher") or d.get("url") or i for i, d in docs.items()}
    linked, result = add_person_ids(gold, sources)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in linked)
    cmd = [sys.executable, str(root / "score_extraction.py"),
           str(root / "extraction" / "gold.jsonl"), fh.name,
           "--persons", str(root / "extraction" / "persons.jsonl")]
    report = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    print("\n".join(line for line in report.splitlines() if "LINK" in line or "pairs" in line
                    or "documents" in line))
    print(f"review queue: {len(result.review)} pairs")


if __name__ == "__main__":
    main()
