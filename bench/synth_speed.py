"""Speed and memory of the synthetic data generator.

    .venv/bin/python bench/synth_speed.py [--mentions 1000000] [--reports 10000]

Each phase runs in its own process so that its peak memory (max RSS) is its own.
Prints reports/s, mentions/s and the peak RSS of each phase.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase(name: str, n: int) -> dict:
    """Run one phase in this process and return its figures."""
    from vigil.core.synth import generate_mentions, generate_reports, write_corpus

    base = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    if name == "mentions":
        count = sum(1 for _ in generate_mentions(n, seed=0))
    elif name == "reports":
        count = sum(1 for _ in generate_reports(n, seed=0))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            count = write_corpus(tmp, n, seed=0)["reports"]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"phase": name, "n": count, "seconds": round(seconds, 2), "cpu": round(cpu, 2),
            "per_second": round(count / seconds), "peak_rss_mb": round(_peak_mb()),
            "rss_before_mb": round(base)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.n)))
        return
    for name, n in (("reports", args.reports), ("corpus", args.reports), ("mentions", args.mentions)):
        out = subprocess.run([sys.executable, __file__, "--phase", name, "--n", str(n)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        unit = "files written" if name == "corpus" else name
        print(f"{name:9s} {r['n']:>9,} {unit} in {r['seconds']:7.2f} s wall ({r['cpu']:.2f} s CPU) "
              f"= {r['per_second']:>7,}/s, peak RSS {r['peak_rss_mb']} MB "
              f"(interpreter + imports {r['rss_before_mb']} MB)")


if __name__ == "__main__":
    main()
