"""Link synthetic person-mentions at scale and print time, peak memory and pairwise F1.

    .venv/bin/python bench/link_scale.py [N] [--seed S]

Mentions come from ``vigil.core.synth.generate_mentions(n, seed)`` (with its
``true_person`` truth); generation is not timed. Peak memory is the process's maximum
resident set size (``resource.getrusage``), which includes DuckDB's memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import pandas as pd


def pairwise_scores(pred: pd.Series, truth: pd.Series) -> dict:
    """Pairwise precision/recall/F1 of a clustering against true labels."""
    def pairs(counts):
        return int((counts * (counts - 1) // 2).sum())

    both = pairs(pd.DataFrame({"p": pred.values, "t": truth.values}).value_counts())
    predicted, true = pairs(pred.value_counts()), pairs(truth.value_counts())
    precision = both / predicted if predicted else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if both else 0.0
    return {"true_pairs": true, "predicted_pairs": predicted, "correct_pairs": both,
            "precision": precision, "recall": recall, "f1": f1}


def _cpu() -> float:
    """CPU seconds of this process, all threads (DuckDB's included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def mentions(n: int, seed: int, wide: bool = True) -> pd.DataFrame:
    """n synthetic mentions as a DataFrame (as generated; see :func:`link_input`)."""
    from vigil.core.synth.mentions import generate_mentions

    return pd.DataFrame(list(generate_mentions(n, seed, wide_surnames=wide)))


def link_input(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """(the mentions as link() takes them, their true person ids): father_name becomes
    father; the truth and the generator's bookkeeping columns are taken out."""
    df = df.rename(columns={"father_name": "father"})
    truth = df.pop("true_person")
    return df.drop(columns=[c for c in ("noise", "true_status", "true_date",
                                        "name_script") if c in df]), truth


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--parquet", help="read mentions from this file instead "
                        "(e.g. a saved generate_mentions output; saves generation time)")
    parser.add_argument("--narrow-surnames", action="store_true",
                        help="generate with the 63 common surnames only (the generator "
                        "before its long tail of surnames)")
    parser.add_argument("--one-report-per-event", action="store_true",
                        help="assume no source reports one event twice (the generator "
                        "repeats 3%% of reports, so this splits persons)")
    parser.add_argument("--budget", type=float, help="blocking budget in candidate pairs "
                        "per mention (default: the engine's)")
    parser.add_argument("--no-fragments", action="store_true",
                        help="skip the second pass that joins fragments of one person")
    args = parser.parse_args(argv)
    df = pd.read_parquet(args.parquet).head(args.n) if args.parquet else mentions(args.n, args.seed, not args.narrow_surnames)
    df, truth = link_input(df)
    from vigil.core.link import link

    start, cpu0 = time.perf_counter(), _cpu()
    result = link(df, one_report_per_event=args.one_report_per_event,
                  fragments=not args.no_fragments,
                  blocking_budget=int(args.budget * len(df)) if args.budget else None)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu0
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    pred = df["mention_id"].astype(str).map(result.clusters)
    scores = pairwise_scores(pred, truth)
    figures = {"mentions": len(df), "persons_true": truth.nunique(),
               "persons_found": pred.nunique(), "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
               "load_average": round(os.getloadavg()[0], 1),
               "peak_rss_gb": round(peak_gb, 2), "review_pairs": len(result.review),
               **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}}
    for key, value in figures.items():
        print(f"{key:16} {value}")
    for threshold in (0.3, 0.2, 0.1):  # same scored pairs, other automatic thresholds
        other = pairwise_scores(df["mention_id"].astype(str).map(result.recluster(threshold)),
                                truth)
        print(f"threshold {threshold}: " + ", ".join(
            f"{k} {v:.4f}" for k, v in other.items() if isinstance(v, float)))
    return figures


if __name__ == "__main__":
    main()
