"""Bayesian latent-class capture-recapture (Manrique-Vallier 2016), Gibbs sampler.

Individuals belong to latent classes; within a class, lists capture independently with
class-specific probabilities ``lambda[j, c]``.  Class weights ``pi`` follow a Dirichlet
process prior, truncated at ``K`` classes through stick breaking with concentration
``alpha ~ Gamma(a, b)``; ``lambda[j, c] ~ Beta(1, 1)``; ``p(N)`` proportional to ``1/N``.
Heterogeneous capture (some people far easier to document than others) induces the
dependence between lists that log-linear models struggle with.

Gibbs steps, on pattern counts rather than individuals:
1. split each observed pattern's count among classes (multinomial);
2. draw the unobserved count ``n0 ~ NegBin(n, 1 - p0)`` where ``p0`` is the probability
   of being on no list, and split it among classes;
3. draw ``lambda`` from its Beta full conditional;
4. draw the sticks ``V_c ~ Beta(1 + n_c, alpha + n_{>c})`` and set ``pi``;
5. draw ``alpha ~ Gamma(a + K - 1, b - sum log(1 - V_c))``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .tables import CaptureTable

EPS = 1e-12


@dataclass
class LCMCRResult:
    """Posterior draws of N and their summaries."""

    samples: np.ndarray
    median: float
    lower: float
    upper: float
    classes: int
    iterations: int
    seed: int


class _State:
    def __init__(self, rng: np.random.Generator, k: int, K: int, n: int):
        self.lam = rng.beta(1.0, 1.0, size=(k, K))
        self.alpha = 1.0
        self.pi = _sticks_to_weights(rng.beta(1.0, self.alpha, size=K))
        self.n0 = n


def _sticks_to_weights(v: np.ndarray) -> np.ndarray:
    v = np.clip(v, EPS, 1 - EPS)
    v[-1] = 1.0
    rest = np.concatenate([[1.0], np.cumprod(1 - v[:-1])])
    return v * rest


def _class_prob(X: np.ndarray, state: _State) -> np.ndarray:
    """P(class c, pattern p) for every pattern row of X (2**k x K)."""
    lam = np.clip(state.lam, EPS, 1 - EPS)
    return state.pi * np.exp(X @ np.log(lam) + (1 - X) @ np.log1p(-lam))


def _step(rng, X, counts, n, state: _State, a: float, b: float) -> None:
    K = state.pi.size
    joint = _class_prob(X, state)
    rows = joint.sum(axis=1, keepdims=True)
    split = rng.multinomial(counts[1:].astype(np.int64), joint[1:] / rows[1:])
    p0 = float(rows[0, 0])
    state.n0 = int(rng.negative_binomial(n, min(max(1 - p0, EPS), 1.0)))
    missing = rng.multinomial(state.n0, joint[0] / p0)
    per_class = split.sum(axis=0) + missing
    on_list = X[1:].T @ split
    state.lam = rng.beta(1 + on_list, 1 + per_class[None, :] - on_list)
    later = np.concatenate([np.cumsum(per_class[::-1])[::-1][1:], [0]])
    v = rng.beta(1 + per_class, state.alpha + later)
    state.pi = _sticks_to_weights(v)
    logs = np.log1p(-np.minimum(v[:-1], 1 - EPS)).sum()
    state.alpha = float(rng.gamma(a + K - 1, 1.0 / (b - logs)))


def sample(table: CaptureTable, classes: int = 10, burnin: int = 10000,
           samples: int = 1000, thin: int = 10, seed: int = 1,
           a: float = 0.25, b: float = 0.25) -> LCMCRResult:
    """Run the Gibbs sampler; return the posterior draws of N with median and 95% interval.

    Defaults follow Manrique-Vallier (2016): K = 10 classes, alpha ~ Gamma(0.25, 0.25),
    10,000 burn-in iterations, then 1,000 draws kept every 10th iteration.  The same
    ``seed`` gives the same draws.
    """
    rng = np.random.default_rng(seed)
    X = table.patterns()
    counts = table.counts
    n = table.observed
    state = _State(rng, table.k, classes, n)
    for _ in range(burnin):
        _step(rng, X, counts, n, state, a, b)
    draws = np.empty(samples)
    for i in range(samples):
        for _ in range(thin):
            _step(rng, X, counts, n, state, a, b)
        draws[i] = n + state.n0
    lo, med, hi = np.quantile(draws, [0.025, 0.5, 0.975])
    return LCMCRResult(draws, float(med), float(lo), float(hi), classes,
                       burnin + samples * thin, seed)
