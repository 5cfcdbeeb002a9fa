"""Multiple systems estimation bench: reproductions, interval coverage, LCMCR timing.

    .venv/bin/python bench/mse.py [--replicates 20] [--data /work/shared/eval/mse]
        [--skip-coverage]

1. Reproduces the reference values of eval/mse/README.md (UK 4/5/6 lists, hare,
   spina bifida) and prints ours beside them.
2. Simulates the five HRDAG specifications (truth 2,000) ``--replicates`` times each and
   reports, per method, how often the 95% interval covers the truth, the median estimate
   and the median interval width.
3. Times LCMCR with its default settings (20,000 Gibbs iterations) on the 4-list UK table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from vigil.core.estimate import EstimateError, estimate, read_table
from vigil.core.estimate import dga, lcmcr
from vigil.core.estimate import loglinear as ll
from vigil.core.estimate.simulate import HRDAG_SPECS, simulate, truth


def row(label: str, ours: str, ref: str) -> None:
    mark = "ok" if ours == ref else "DIFF"
    print(f"| {label} | {ours} | {ref} | {mark} |")


def fmt(*xs: float) -> str:
    return " / ".join(f"{x:,.1f}" for x in xs)


def reproductions(data: Path) -> None:
    print("## Reproductions\n\n| quantity | ours | reference | |\n|---|---|---|---|")
    uk5 = read_table(data / "uk5.csv")
    step, _ = ll.stepwise(uk5, 0.05)
    row("uk5 stepwise p<0.05 N (intercept, deviance, AIC)",
        f"{ll.fit(uk5, step).estimate:,.1f} ({ll.fit(uk5, step).intercept:.4f}, "
        f"{ll.fit(uk5, step).deviance:.2f}, {ll.fit(uk5, step).aic:.1f})",
        "11,313.0 (9.0559, 16.35, 127.6)")
    row("uk5 stepwise profile N / lower / upper", fmt(*ll.profile_interval(uk5, step)),
        "11,303.9 / 9,889.2 / 13,063.1")
    row("uk5 main effects N", fmt(ll.fit(uk5).estimate), "13,444.1")
    row("uk5 main effects profile", fmt(*ll.profile_interval(uk5)),
        "13,437.9 / 11,985.1 / 15,165.9")
    strict, _ = ll.stepwise(uk5, 0.001)
    row("uk5 stepwise p<0.001 N", fmt(ll.fit(uk5, strict).estimate), "14,217.8")
    uk6 = read_table(data / "uk6.csv")
    step6, _ = ll.stepwise(uk6, 0.05)
    f6 = ll.fit(uk6, step6)
    row("uk6 stepwise N (deviance, df, AIC)",
        f"{f6.estimate:,.1f} ({f6.deviance:.3f}, {f6.df}, {f6.aic:.3f})",
        "11,418.0 (22.994, 49, 162.659)")
    row("uk6 stepwise profile", fmt(*ll.profile_interval(uk6, step6)),
        "11,408.9 / 9,982.3 / 13,181.7")
    row("uk6 main effects N", fmt(ll.fit(uk6).estimate), "12,214.0")
    row("uk6 main effects profile", fmt(*ll.profile_interval(uk6)),
        "12,208.6 / 10,983.9 / 13,648.2")
    strict6, _ = ll.stepwise(uk6, 0.001)
    row("uk6 stepwise p<0.001 N", fmt(ll.fit(uk6, strict6).estimate), "14,217.8")
    uk4_rows(data)
    hare_rows(data)
    spina_rows(data)


def uk4_rows(data: Path) -> None:
    uk4 = read_table(data / "uk4.csv")
    fits = ll.all_two_way_models(uk4, "bic")
    best = fits[0]
    row("uk4 best BIC model, N (SE, deviance, AIC, BIC)",
        f"{ll.rcapture_label(4, best.interactions)} {best.estimate:,.1f} ({best.se:.1f}, "
        f"{best.deviance:.3f}, {best.aic:.3f}, {best.bic:.3f})",
        "[12,13,4] 11,987.1 (828.8, 18.371, 101.860, 142.423)")
    row("uk4 best BIC profile", fmt(*ll.profile_interval(uk4, best.interactions)),
        "11,979.8 / 10,507.4 / 13,780.6")
    top = ", ".join(f"{ll.rcapture_label(4, f.interactions)} {f.estimate:,.1f}"
                    for f in fits[1:10])
    row("uk4 BIC ranks 2-10", top,
        "[12,13,24] 11,015.2, [12,24,3] 10,371.1, [12,13,23,4] 13,052.1, [12,3,4] "
        "11,310.6, [12,13,23,24] 11,701.9, [12,13,14] 11,902.7, [12,13,34] 12,277.5, "
        "[12,13,24,34] 10,338.4, [12,24,34] 9,310.4")
    step, _ = ll.stepwise(uk4, 0.05)
    row("uk4 stepwise p<0.05 model, N, profile",
        f"{ll.rcapture_label(4, step)} {fmt(ll.fit(uk4, step).estimate)}; "
        f"{fmt(*ll.profile_interval(uk4, step))}",
        "[12,13,24] 11,015.2; 11,006.9 / 9,587.7 / 12,771.9")
    row("uk4 main effects N, profile",
        f"{fmt(ll.fit(uk4).estimate)}; {fmt(*ll.profile_interval(uk4))}",
        "10,694.3; 10,688.3 / 9,504.1 / 12,108.4")


def hare_rows(data: Path) -> None:
    hare = read_table(data / "hare.csv")
    caps = hare.patterns().sum(axis=1)
    mth = ll.fit(hare, extra={"poisson2": 2 ** caps - 1})
    ind = ll.fit(hare, extra={"111111": (caps == 6).astype(float)})
    mt = ll.fit(hare)
    row("hare Mth Poisson2 N, AIC", f"{mth.estimate:.1f}, {mth.aic:.1f}", "81.1, 146.3")
    print(f"| hare Mth Poisson2 s.e. (delta method; not a target) | {mth.se:.2f} | 5.7 "
          "| differs |")
    row("hare Mt + 111111 indicator N (s.e.), AIC", f"{ind.estimate:.1f} ({ind.se:.1f}), "
        f"{ind.aic:.1f}", "76.8 (3.9), 146.1")
    row("hare Mt N, AIC", f"{mt.estimate:.1f}, {mt.aic:.1f}", "75.1, 154.5")


def spina_rows(data: Path) -> None:
    spina = read_table(data / "spina_bifida.csv")
    res = dga.bma(spina, n_missing=np.arange(1, 301), delta=1.0,
                  log_prior=dga.negbin_log_prior(13.14, 55.17))
    top = res.top()
    one, avg = res.summary(top), res.summary()
    row("spina bifida dga: top model posterior", f"{res.model_probabilities()[top]:.2f}",
        "0.37")
    row("spina bifida dga: top model Bayes estimate, mode",
        f"{round(one['bayes'])}, {one['mode']:.0f}", "731, 729")
    row("spina bifida dga: averaged Bayes estimate, mode",
        f"{round(avg['bayes'])}, {avg['mode']:.0f}", "731, 728")


METHODS = {"loglinear-main": {}, "loglinear-stepwise": {}, "dga": {}, "lcmcr": {}}


def coverage(replicates: int) -> None:
    print(f"\n## Coverage on the HRDAG specifications (truth 2,000; {replicates} "
          "replicates each, seeds 1000..)\n")
    print("| spec | method | covered | median N | median width | failed | s/run |")
    print("|---|---|---|---|---|---|---|")
    totals = {m: [0, 0] for m in METHODS}
    for name, spec in HRDAG_SPECS.items():
        tables = [simulate(spec, 1000 + r) for r in range(replicates)]
        for method, opts in METHODS.items():
            hit, ests, widths, failed, t0 = 0, [], [], 0, time.perf_counter()
            for t in tables:
                try:
                    out = estimate(t, method, **opts)
                except EstimateError:
                    failed += 1
                    continue
                hit += out["lower"] <= truth(spec) <= out["upper"]
                ests.append(out["estimate"])
                widths.append(out["upper"] - out["lower"])
            secs = (time.perf_counter() - t0) / replicates
            totals[method][0] += hit
            totals[method][1] += replicates
            print(f"| {name} | {method} | {hit}/{replicates} | "
                  f"{statistics.median(ests):,.0f} | {statistics.median(widths):,.0f} | "
                  f"{failed} | {secs:.1f} |", flush=True)
    print("\n| method | overall coverage |\n|---|---|")
    for method, (hit, n) in totals.items():
        print(f"| {method} | {hit}/{n} ({hit / n:.0%}) |")


def lcmcr_timing(data: Path) -> None:
    uk4 = read_table(data / "uk4.csv")
    t0 = time.perf_counter()
    res = lcmcr.sample(uk4, seed=1)
    secs = time.perf_counter() - t0
    print(f"\n## LCMCR timing\n\nuk4 (4 lists, n = {uk4.observed:,}): {res.iterations:,} "
          f"iterations in {secs:.1f} s (target < 30 s); median {res.median:,.0f}, "
          f"95% {res.lower:,.0f}-{res.upper:,.0f}")
    sim = simulate(HRDAG_SPECS["sim1"], 100)
    t0 = time.perf_counter()
    res = lcmcr.sample(sim, seed=1)
    print(f"sim1 seed 100 (5 lists, n = {sim.observed}): {time.perf_counter() - t0:.1f} s; "
          f"median {res.median:,.0f}, 95% {res.lower:,.0f}-{res.upper:,.0f} "
          "(reference re-computation 1,738, 1,444-2,252)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicates", type=int, default=20)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/eval/mse"))
    ap.add_argument("--skip-coverage", action="store_true")
    args = ap.parse_args(argv)
    if args.data.exists():
        reproductions(args.data)
        lcmcr_timing(args.data)
    else:
        print(f"{args.data} not found: skipping reproductions", file=sys.stderr)
    if not args.skip_coverage:
        coverage(args.replicates)
    return 0


if __name__ == "__main__":
    sys.exit(main())
