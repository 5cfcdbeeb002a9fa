"""Multiple systems estimation: how many cases did no list document?

``estimate(table, method=...)`` returns one plain dict::

    {"estimate": N, "lower": L, "upper": U, "method": "...", "model": "...",
     "observed": n, "warnings": [...], "experimental": True}

Methods: ``loglinear-stepwise`` (default), ``loglinear-main``, ``loglinear`` (given
interactions), ``dga`` and ``lcmcr``.  See docs/estimation.md.  Every result is
experimental and carries its warnings.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Sequence

import numpy as np

from . import dga as _dga
from . import lcmcr as _lcmcr
from . import loglinear as _ll
from .loglinear import EstimateError
from .tables import CaptureTable, TableError, from_memberships, make_table, read_table

__all__ = ["estimate", "read_table", "from_memberships", "make_table", "CaptureTable",
           "TableError", "EstimateError", "METHODS", "STANDING_WARNINGS"]

METHODS = ("loglinear-stepwise", "loglinear-main", "loglinear", "dga", "lcmcr")

STANDING_WARNINGS = (
    "Experimental: this is a statistical estimate of cases that no list documented, "
    "not a count; it depends on the model and its assumptions (see the method and model).",
    "Raw documented counts are not trends: a change in documented cases can reflect "
    "changes in documentation (access, sources, effort) rather than in executions.",
    "Lists that share informants or sources are not independent; such dependence biases "
    "the estimate (usually downwards when lists share sources) in ways the model may not "
    "capture.",
)


def estimate(table: CaptureTable | str | Path, method: str = "loglinear-stepwise",
             **opts) -> dict:
    """Estimate the total population N (documented plus undocumented) from a table.

    ``table`` is a :class:`CaptureTable` or the path of a capture-pattern CSV.
    Options by method:

    * ``loglinear-stepwise``: ``pthresh=0.05``, ``criterion="aic"`` ("bic").
    * ``loglinear``: ``interactions=[("A", "B"), ...]`` (list names).
    * ``dga``: ``delta=2**-k``, ``prior="inverse"`` or ``("negbin", a, b)``,
      ``n_missing`` (grid of unobserved counts).
    * ``lcmcr``: ``classes=10``, ``burnin=10000``, ``samples=1000``, ``thin=10``,
      ``seed=1``.

    Log-linear results give the Poisson GLM estimate with the multinomial
    profile-likelihood 95% interval; dga and lcmcr give the posterior median and 95%
    credible interval.  Raises :class:`EstimateError` when the estimate does not exist
    or is not identifiable, ``ValueError`` for an unknown method or option.
    """
    if not isinstance(table, CaptureTable):
        table = read_table(table)
    runners = {"loglinear-stepwise": _run_stepwise, "loglinear-main": _run_main,
               "loglinear": _run_loglinear, "dga": _run_dga, "lcmcr": _run_lcmcr}
    if method not in runners:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    result = runners[method](table, **opts)
    result["warnings"] = (list(STANDING_WARNINGS) + result["warnings"]
                          + _table_warnings(table) + _bound_warnings(result))
    return {"estimate": result["estimate"], "lower": result["lower"],
            "upper": result["upper"], "method": method, "model": result["model"],
            "observed": table.observed, "warnings": result["warnings"],
            "experimental": True}


# ------------------------------------------------------------------ log-linear

def _loglinear_result(table: CaptureTable, interactions, extra_note: str = "") -> dict:
    check = _ll.check_model(table, interactions)
    if not check.ok:
        raise EstimateError("; ".join(check.messages))
    f = _ll.fit(table, interactions)
    _, lower, upper = _ll.profile_interval(table, interactions)
    model = _ll.model_label(table.lists, interactions)
    note = (f"Poisson log-linear model ({model}); deviance {f.deviance:.3f} on {f.df} df, "
            f"AIC {f.aic:.3f}; 95% interval from the multinomial profile likelihood")
    return {"estimate": _r(f.estimate), "lower": _r(lower), "upper": _r(upper),
            "model": model,
            "warnings": [note + extra_note] + check.messages}


def _run_main(table: CaptureTable) -> dict:
    out = _loglinear_result(table, ())
    out["warnings"].append("The main-effects model assumes the lists are independent; "
                           "compare with loglinear-stepwise, dga and lcmcr.")
    return out


def _run_stepwise(table: CaptureTable, pthresh: float = 0.05,
                  criterion: str = "aic") -> dict:
    if criterion not in ("aic", "bic"):
        raise ValueError("criterion must be 'aic' or 'bic'")
    chosen, _ = _ll.stepwise(table, pthresh, criterion)
    note = (f"; chosen by forward stepwise {criterion.upper()} with Wald p < {pthresh} "
            "(Bales, Hesketh & Silverman); the interval does not allow for model selection")
    return _loglinear_result(table, chosen, note)


def _run_loglinear(table: CaptureTable, interactions: Sequence[Sequence[str]] = ()) -> dict:
    pairs = []
    for names in interactions:
        if len(names) != 2 or any(n not in table.lists for n in names):
            raise ValueError(f"interaction {names!r} must name two of {list(table.lists)}")
        pairs.append(tuple(sorted(table.lists.index(n) for n in names)))
    return _loglinear_result(table, tuple(pairs))


# ------------------------------------------------------------------ Bayesian

def _run_dga(table: CaptureTable, delta: float | None = None, prior="inverse",
             n_missing=None) -> dict:
    if not 3 <= table.k <= 5:
        raise ValueError("dga needs 3 to 5 lists")
    delta = 2.0 ** -table.k if delta is None else float(delta)
    log_prior = _dga.inverse_log_prior
    if prior != "inverse":
        kind, a, b = prior
        if kind != "negbin":
            raise ValueError("prior must be 'inverse' or ('negbin', a, b)")
        log_prior = _dga.negbin_log_prior(a, b)
    res = _dga.bma(table, n_missing=n_missing, delta=delta, log_prior=log_prior)
    s = res.summary()
    probs = res.model_probabilities()
    top = res.top()
    model = (f"Bayesian model average over {len(res.graphs)} decomposable graphs; "
             f"top {res.graphs[top].label(table.lists)} (posterior {probs[top]:.2f})")
    warnings = [f"dga: hyper-Dirichlet delta {delta:g}, prior on N {_prior_name(prior)}; "
                f"posterior median with 95% credible interval; posterior mode "
                f"{s['mode']:.0f}, Bayes estimate {s['bayes']:.1f}"]
    if s["tail_mass"] > 1e-6:
        warnings.append("dga: posterior mass reaches the end of the grid of unobserved "
                        "counts; the upper bound is truncated")
    warnings += _overlap_warnings(table)
    return {"estimate": s["median"], "lower": s["lower"], "upper": s["upper"],
            "model": model, "warnings": warnings}


def _prior_name(prior) -> str:
    return "proportional to 1/N" if prior == "inverse" else \
        f"negative binomial (a={prior[1]}, b={prior[2]})"


def _run_lcmcr(table: CaptureTable, classes: int = 10, burnin: int = 10000,
               samples: int = 1000, thin: int = 10, seed: int = 1) -> dict:
    if table.k < 3:
        raise ValueError("lcmcr needs at least 3 lists")
    res = _lcmcr.sample(table, classes, burnin, samples, thin, seed)
    model = (f"latent classes (Manrique-Vallier 2016), Dirichlet process truncated at "
             f"{classes} classes; {res.iterations} Gibbs iterations, seed {seed}")
    warnings = ["lcmcr: posterior median with 95% credible interval from "
                f"{samples} draws; rerun with another seed to check convergence"]
    first, second = np.median(np.array_split(res.samples, 2), axis=1)
    if abs(first - second) > 0.05 * res.median:
        warnings.append(f"lcmcr: the two halves of the draws disagree (medians "
                        f"{first:,.0f} and {second:,.0f}); the chain may not have "
                        "converged: raise burnin and samples")
    return {"estimate": _r(res.median), "lower": _r(res.lower), "upper": _r(res.upper),
            "model": model, "warnings": warnings + _overlap_warnings(table)}


# ------------------------------------------------------------------ shared warnings

def _overlap_warnings(table: CaptureTable) -> list[str]:
    pairs = itertools.combinations(range(table.k), 2)
    empty = [_ll.pair_name(table.lists, p) for p in pairs if table.overlap(*p) == 0]
    if not empty:
        return []
    return [f"sparse data: no individual in common between {', '.join(empty)} "
            "(Chan, Silverman & Vincent 2021)"]


def _table_warnings(table: CaptureTable) -> list[str]:
    out = []
    empty = [name for name, total in table.list_totals().items() if total == 0]
    if empty:
        out.append(f"lists with no individuals: {', '.join(empty)}")
    if table.observed < 50:
        out.append(f"only {table.observed} individuals observed; estimates are fragile")
    return out


def _bound_warnings(result: dict) -> list[str]:
    """Replace infinite interval ends by None (valid JSON) and say so."""
    out = []
    for key in ("lower", "upper"):
        if result[key] is not None and not np.isfinite(result[key]):
            result[key] = None
            out.append(f"the {key} end of the interval is unbounded for this model")
    return out


def _r(x: float) -> float:
    return float(round(x, 1)) if np.isfinite(x) else float(x)
