"""Log-linear multiple systems estimation.

A Poisson GLM with an intercept, one main effect per list and chosen two-list
interactions is fitted to the 2**k - 1 observable cells (zero cells included).  The
unobserved cell has only the intercept, so its fitted count is ``exp(intercept)`` and
``N = n + exp(intercept)``.

Also here: the multinomial profile-likelihood interval for the missing cell, forward
stepwise selection of two-list interactions (Bales, Hesketh & Silverman 2015) and the
existence and identifiability checks for sparse tables (Chan, Silverman & Vincent 2021,
after Fienberg & Rinaldo 2012).
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats
from scipy.special import gammaln

from .tables import CaptureTable

Pair = tuple[int, int]
CHI2_CUT = stats.chi2.ppf(0.95, 1) / 2


@dataclass
class LoglinearFit:
    """One fitted log-linear model."""

    estimate: float
    intercept: float
    se: float
    deviance: float
    df: int
    aic: float
    bic: float
    names: list[str]
    params: np.ndarray
    pvalues: np.ndarray
    interactions: tuple[Pair, ...]
    empty_pairs: tuple[Pair, ...] = ()
    extra: tuple[str, ...] = ()


@dataclass
class SparseCheck:
    """Existence and identifiability of the estimate for one model (Chan et al. 2021)."""

    estimate_exists: bool
    identifiable: bool
    mle_exists: bool
    empty_pairs: tuple[Pair, ...] = ()
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the estimate of the hidden population is finite and unique."""
        return self.estimate_exists and self.identifiable


class EstimateError(ValueError):
    """The requested estimate does not exist or is not identifiable."""


# ------------------------------------------------------------------ design and fitting

def design(k: int, interactions: Sequence[Pair] = (),
           extra: Mapping[str, np.ndarray] | None = None) -> tuple[np.ndarray, list[int]]:
    """Design matrix over all 2**k cells: intercept, main effects, interactions, extras.

    Returns the matrix and, for each interaction, its column index.
    """
    cells = np.arange(2 ** k)
    bits = ((cells[:, None] >> np.arange(k)[None, :]) & 1).astype(float)
    cols = [np.ones(2 ** k)] + [bits[:, j] for j in range(k)]
    pair_cols = []
    for a, b in interactions:
        pair_cols.append(len(cols))
        cols.append(bits[:, a] * bits[:, b])
    for values in (extra or {}).values():
        cols.append(np.asarray(values, dtype=float))
    return np.column_stack(cols), pair_cols


def column_names(lists: Sequence[str], interactions: Sequence[Pair],
                 extra: Mapping[str, np.ndarray] | None = None) -> list[str]:
    """Names of the design columns, in design order."""
    return (["(Intercept)"] + list(lists) + [pair_name(lists, p) for p in interactions]
            + list(extra or {}))


def pair_name(lists: Sequence[str], pair: Pair) -> str:
    """``A:B`` for the interaction of two lists."""
    return f"{lists[pair[0]]}:{lists[pair[1]]}"


def empty_pairs(table: CaptureTable, interactions: Sequence[Pair]) -> tuple[Pair, ...]:
    """Interactions between lists with no individual in common (parameter -inf)."""
    return tuple(p for p in interactions if table.overlap(*p) == 0)


def _reduced(table: CaptureTable, interactions, extra):
    """Design and counts with -inf interactions and their structural-zero cells removed.

    Returns (X over kept cells incl. cell 0, y, kept cell numbers, kept columns).
    """
    X, pair_cols = design(table.k, interactions, extra)
    empty = set(empty_pairs(table, interactions))
    keep_cols = [c for c, p in zip(pair_cols, interactions) if p in empty]
    drop_rows = np.zeros(len(X), bool)
    for c in keep_cols:
        drop_rows |= X[:, c] == 1
    cols = [c for c in range(X.shape[1]) if c not in keep_cols]
    rows = np.flatnonzero(~drop_rows)
    return X[np.ix_(rows, cols)], table.counts[rows].astype(float), rows, cols


def fit(table: CaptureTable, interactions: Sequence[Pair] = (),
        extra: Mapping[str, np.ndarray] | None = None) -> LoglinearFit:
    """Fit the Poisson GLM on the observable cells; ``N = n + exp(intercept)``.

    Interactions between lists that share no individual are fitted as -inf (their cells
    are structural zeros), as in Chan, Silverman & Vincent (2021).
    """
    interactions = tuple(tuple(sorted(p)) for p in interactions)
    X, y, rows, cols = _reduced(table, interactions, extra)
    X, y = X[1:], y[1:]  # rows[0] is cell 0, the unobserved cell
    res = _glm(y, X)
    names = [column_names(table.lists, interactions, extra)[c] for c in cols]
    npar = X.shape[1]
    intercept = float(res.params[0])
    return LoglinearFit(
        estimate=table.observed + math.exp(intercept), intercept=intercept,
        se=_se_total(res, table.observed), deviance=float(res.deviance),
        df=int(len(y) - npar), aic=float(-2 * res.llf + 2 * npar),
        bic=float(-2 * res.llf + math.log(table.observed) * npar), names=names,
        params=np.asarray(res.params), pvalues=np.asarray(res.pvalues),
        interactions=interactions, empty_pairs=empty_pairs(table, interactions),
        extra=tuple(extra or {}))


def _glm(y: np.ndarray, X: np.ndarray, start=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sm.GLM(y, X, family=sm.families.Poisson()).fit(start_params=start,
                                                               tol=1e-10, maxiter=200)


def _se_total(res, n: int) -> float:
    """Standard error of N as in Rcapture: sqrt(n0 + n0**2 var(intercept)) (delta method
    for the Poisson fit plus the Poisson variation of the missing cell)."""
    n0 = math.exp(res.params[0])
    var = float(res.cov_params()[0, 0])
    return math.sqrt(n0 ** 2 * var + n0) if np.isfinite(var) else float("nan")


# ------------------------------------------------------------------ profile likelihood

def profile_loglik(table: CaptureTable, n0: float, interactions: Sequence[Pair] = (),
                   extra: Mapping[str, np.ndarray] | None = None, _start=None):
    """Multinomial profile log-likelihood of the missing count ``n0`` (continuous).

    Fits the model on the full 2**k table with cell 0 set to ``n0`` and returns
    ``lgamma(n + n0 + 1) - lgamma(n0 + 1) + sum y log(mu / (n + n0))``.
    """
    X, y, _, _ = _reduced(table, interactions, extra)
    y = y.copy()
    y[0] = n0
    res = _glm(y, X, _start)
    mu = np.asarray(res.mu)
    total = table.observed + n0
    pos = y > 0
    ll = gammaln(total + 1) - gammaln(n0 + 1) + float(np.sum(y[pos] * np.log(mu[pos] / total)))
    return ll, res.params


def profile_interval(table: CaptureTable, interactions: Sequence[Pair] = (),
                     extra: Mapping[str, np.ndarray] | None = None,
                     level: float = 0.95) -> tuple[float, float, float]:
    """Profile-likelihood point estimate and interval for N (Rcapture ``closedpCI.t``).

    Maximises the profile log-likelihood over continuous ``n0`` and cuts it at
    ``chi2_1(level) / 2`` below the maximum.  Returns ``(N, lower, upper)``.
    """
    interactions = tuple(tuple(sorted(p)) for p in interactions)
    n = table.observed
    start = fit(table, interactions, extra)
    guess = max(start.estimate - n, 1e-6)
    f = _profile_fn(table, interactions, extra)
    best = optimize.minimize_scalar(lambda t: -f(math.exp(t)),
                                    bracket=(math.log(guess) - 0.2, math.log(guess)),
                                    tol=1e-10)
    n0_hat, top = math.exp(best.x), -best.fun
    cut = top - stats.chi2.ppf(level, 1) / 2
    lower = _lower_root(f, cut, n0_hat)
    upper = _upper_root(f, cut, n0_hat)
    return n + n0_hat, n + lower, n + upper


def _profile_fn(table, interactions, extra):
    cache = {"start": None}

    def f(n0: float) -> float:
        for start in (cache["start"], None):
            try:
                ll, params = profile_loglik(table, n0, interactions, extra, start)
            except (ValueError, np.linalg.LinAlgError):
                continue
            if np.isfinite(ll):
                cache["start"] = params
                return ll
        return -np.inf
    return f


def _lower_root(f, cut: float, n0_hat: float) -> float:
    """Lower end of the interval; the likelihood at n0 = 0 is taken as its limit."""
    tiny = min(1e-6, n0_hat / 2)
    if f(tiny) >= cut:
        return 0.0
    return optimize.brentq(lambda x: f(x) - cut, tiny, n0_hat, xtol=1e-6)


def _upper_root(f, cut: float, n0_hat: float) -> float:
    hi = max(2 * n0_hat, 1.0)
    for _ in range(60):
        if f(hi) < cut:
            return optimize.brentq(lambda x: f(x) - cut, n0_hat, hi, xtol=1e-6)
        hi *= 2
    return float("inf")


# ------------------------------------------------------------------ sparse-data checks

def check_model(table: CaptureTable, interactions: Sequence[Pair] = (),
                extra: Mapping[str, np.ndarray] | None = None,
                full: bool = True) -> SparseCheck:
    """Existence and identifiability checks of Chan, Silverman & Vincent (2021).

    Interactions between non-overlapping lists are set to -inf and their cells removed.
    On what remains:

    * the estimate of the missing cell exists (is finite) unless some direction ``d`` in
      parameter space raises the missing cell's log-mean (``d[0] > 0``) while leaving the
      positive cells unchanged (``X_pos d = 0``) and not raising any zero cell
      (``X_zero d <= 0``): along such a direction the likelihood never falls, so the
      missing count runs off to infinity.  A linear program finds such a ``d``.
    * the model is identifiable when the design restricted to cells with positive counts
      has full column rank.
    * the ordinary MLE of every parameter exists when the sufficient statistics lie in the
      interior of the marginal cone (Fienberg & Rinaldo 2012): some strictly positive
      table has the same margins.  Its failure only means some parameter is +-inf.
      ``full=False`` skips this third test (model searches need only the first two).
    """
    interactions = tuple(tuple(sorted(p)) for p in interactions)
    X, y, _, _ = _reduced(table, interactions, extra)
    X, y = X[1:], y[1:]
    pos = y > 0
    exists = not _missing_cell_unbounded(X[pos], X[~pos])
    identifiable = np.linalg.matrix_rank(X[pos]) == X.shape[1]
    mle = _interior(X, y) if full else True
    empty = empty_pairs(table, interactions)
    return SparseCheck(exists, bool(identifiable), mle, empty,
                       _check_messages(table, exists, identifiable, mle, empty))


def _missing_cell_unbounded(Xpos: np.ndarray, Xzero: np.ndarray) -> bool:
    p = Xpos.shape[1]
    c = np.zeros(p)
    c[0] = -1.0
    res = optimize.linprog(c, A_ub=Xzero if len(Xzero) else None,
                           b_ub=np.zeros(len(Xzero)) if len(Xzero) else None,
                           A_eq=Xpos, b_eq=np.zeros(len(Xpos)),
                           bounds=[(-1, 1)] * p, method="highs")
    return bool(res.status == 0 and -res.fun > 1e-7)


def _interior(X: np.ndarray, y: np.ndarray) -> bool:
    """True if a table with every cell >= s > 0 has the margins X'y (LP on s)."""
    m, p = X.shape
    c = np.zeros(m + 1)
    c[-1] = -1.0
    A_eq = np.hstack([X.T, np.zeros((p, 1))])
    A_ub = np.hstack([-np.eye(m), np.ones((m, 1))])
    res = optimize.linprog(c, A_ub=A_ub, b_ub=np.zeros(m), A_eq=A_eq, b_eq=X.T @ y,
                           bounds=[(0, None)] * m + [(0, 1)], method="highs")
    return bool(res.status == 0 and -res.fun > 1e-9)


def _check_messages(table, exists, identifiable, mle, empty) -> list[str]:
    msgs = []
    for p in empty:
        msgs.append(f"lists {pair_name(table.lists, p)} have no individual in common: their "
                    "interaction is fitted as -infinity (Chan, Silverman & Vincent 2021)")
    if not exists:
        msgs.append("the maximum likelihood estimate of the unobserved count does not "
                    "exist (it is infinite) for this model and data")
    if not identifiable:
        msgs.append("the model is not identifiable from the cells with positive counts")
    if exists and identifiable and not mle:
        msgs.append("some model parameter has an infinite maximum likelihood estimate; "
                    "the population estimate itself is finite")
    return msgs


# ------------------------------------------------------------------ model selection

def stepwise(table: CaptureTable, pthresh: float = 0.05,
             criterion: str = "aic") -> tuple[tuple[Pair, ...], list[dict]]:
    """Forward stepwise selection of two-list interactions (Bales, Hesketh & Silverman).

    Start from main effects.  At each step fit every model that adds one more interaction
    (between overlapping lists, passing :func:`check_model`) and take the one with the
    lowest AIC (or BIC).  Stop when the criterion no longer falls or the added term's
    Wald p-value exceeds ``pthresh``.  Returns the chosen interactions and a trace.
    """
    current: tuple[Pair, ...] = ()
    best = fit(table, current)
    trace = [{"added": None, "aic": best.aic, "bic": best.bic, "estimate": best.estimate}]
    while True:
        step = _best_addition(table, current, criterion)
        if step is None:
            break
        pair, cand = step
        pval = float(cand.pvalues[cand.names.index(pair_name(table.lists, pair))])
        if _score(cand, criterion) >= _score(best, criterion) or pval > pthresh:
            break
        current, best = cand.interactions, cand
        trace.append({"added": pair_name(table.lists, pair), "aic": cand.aic,
                      "bic": cand.bic, "estimate": cand.estimate, "p": pval})
    return current, trace


def _score(f: LoglinearFit, criterion: str) -> float:
    return f.bic if criterion == "bic" else f.aic


def _best_addition(table, current, criterion):
    best = None
    for pair in itertools.combinations(range(table.k), 2):
        if pair in current or table.overlap(*pair) == 0:
            continue
        model = current + (pair,)
        if not check_model(table, model, full=False).ok:
            continue
        cand = fit(table, model)
        if best is None or _score(cand, criterion) < _score(best[1], criterion):
            best = (pair, cand)
    return best


def all_two_way_models(table: CaptureTable, criterion: str = "bic",
                       max_models: int = 1024) -> list[LoglinearFit]:
    """Fit every model with main effects and a subset of two-list interactions.

    Skips models failing :func:`check_model`; returns fits sorted by the criterion.
    """
    pairs = list(itertools.combinations(range(table.k), 2))
    if 2 ** len(pairs) > max_models:
        raise ValueError(f"{2 ** len(pairs)} models; raise max_models to search them all")
    fits = []
    for r in range(len(pairs) + 1):
        for model in itertools.combinations(pairs, r):
            if check_model(table, model, full=False).ok:
                fits.append(fit(table, model))
    return sorted(fits, key=lambda f: _score(f, criterion))


def model_label(lists: Sequence[str], interactions: Sequence[Pair],
                extra: Sequence[str] = ()) -> str:
    """Human-readable model: ``main effects + A:B + ...``."""
    parts = ["main effects"] + [pair_name(lists, p) for p in interactions] + list(extra)
    return " + ".join(parts)


def rcapture_label(k: int, interactions: Sequence[Pair]) -> str:
    """Rcapture-style notation with lists numbered from 1, e.g. ``[12,13,4]``."""
    terms = [f"{a + 1}{b + 1}" for a, b in sorted(interactions)]
    used = {i for p in interactions for i in p}
    terms += [str(j + 1) for j in range(k) if j not in used]
    return "[" + ",".join(terms) + "]"
