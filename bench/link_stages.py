"""Wall and CPU seconds of each stage of ``link()`` on N synthetic mentions.

    flock /tmp/vigil-bench.lock .venv/bin/python bench/link_stages.py N --parquet FILE

Wraps the stage functions of ``vigil.core.link`` with timers (no profiler, so no
profiler overhead) and prints one line per call, then the whole run and its peak memory.
"""

from __future__ import annotations

import argparse
import functools
import resource
import time

import pandas as pd

from link_scale import _cpu, link_input

STAGES = [  # (module, function, label)
    ("records", "prepare", "prepare"),
    ("blocking", "choose_blocking", "choose blocking rules"),
    ("blocking", "blocked_pairs", "blocked pairs (blocking.py)"),
    ("engine", "estimate_prior", "estimate prior"),
    ("engine", "score_pairs", "score pairs (Splink, all)"),
    ("engine", "history_events", "history events"),
    ("clustering", "_strong_links", "  strong links to positions"),
    ("clustering", "_history_conflicts", "  history conflicts"),
    ("clustering", "_easy_components", "  components joined at once"),
    ("clustering", "fragment_links", "  fragment_links (fragments.py)"),
    ("clustering", "_join_fragments", "  fragment pass (all)"),
    ("engine", "cluster", "cluster (all)"),
]


def _timed(func, label: str):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), _cpu()
        out = func(*args, **kwargs)
        print(f"{label:32} {time.perf_counter() - start:7.2f} s wall "
              f"{_cpu() - cpu:7.2f} CPU-s", flush=True)
        return out
    return wrapper


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--parquet", required=True, help="saved generate_mentions output")
    args = parser.parse_args(argv)
    df, _truth = link_input(pd.read_parquet(args.parquet).head(args.n))
    import importlib

    for module, name, label in STAGES:
        mod = importlib.import_module(f"vigil.core.link.{module}")
        setattr(mod, name, _timed(getattr(mod, name), label))
    from vigil.core.link import link

    start, cpu = time.perf_counter(), _cpu()
    link(df)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    print(f"{'link() total':32} {time.perf_counter() - start:7.2f} s wall "
          f"{_cpu() - cpu:7.2f} CPU-s, peak RSS {peak:.2f} GB")


if __name__ == "__main__":
    main()
