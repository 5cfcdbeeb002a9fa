"""Decomposable graphical models with Bayesian model averaging (Madigan & York 1997).

Each model is a decomposable (chordal) graph on the lists: lists joined by an edge may
be dependent.  Given the unobserved count ``n0`` the complete 2**k table is multinomial
with a hyper-Dirichlet prior on its cell probabilities (every full-table cell has
Dirichlet parameter ``delta``; a marginal cell over a set of lists A gets ``delta`` times
the number of full cells it collects, so the prior is consistent across margins).  The
marginal likelihood of a decomposable graph is the product over its cliques divided by
the product over its separators of Dirichlet-multinomial terms.  With a prior on the
total ``N = n + n0`` and equal prior weight on every decomposable graph, the joint
posterior over (graph, N) is computed exactly on a grid of ``n0``.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from scipy.special import gammaln, logsumexp

from .tables import CaptureTable

Edge = tuple[int, int]


@dataclass
class Graph:
    """A decomposable graph on the lists, with its cliques and separators."""

    edges: tuple[Edge, ...]
    cliques: tuple[tuple[int, ...], ...]
    separators: tuple[tuple[int, ...], ...]

    def label(self, lists: Sequence[str]) -> str:
        """Cliques written with list names, e.g. ``[A B][C]``."""
        return "".join("[" + " ".join(lists[i] for i in c) + "]" for c in self.cliques)


@dataclass
class BMAResult:
    """Joint posterior over decomposable graphs and the total N.

    The grid of N may be coarser in its far tail; ``spacing[i]`` is the number of
    integer totals that grid point ``i`` stands for, and ``averaged`` holds posterior
    mass (density times spacing).
    """

    totals: np.ndarray          # grid of N values
    spacing: np.ndarray
    graphs: list[Graph]
    log_mass: np.ndarray        # log posterior probability of each graph
    averaged: np.ndarray        # model-averaged posterior mass of N over the grid
    lists: tuple[str, ...]
    _base: np.ndarray
    _terms: dict

    def model_probabilities(self) -> np.ndarray:
        """Posterior probability of each graph."""
        return np.exp(self.log_mass)

    def top(self) -> int:
        """Index of the graph with the highest posterior probability."""
        return int(np.argmax(self.log_mass))

    def graph_posterior(self, graph: int) -> np.ndarray:
        """Posterior mass of N over the grid given one graph."""
        logw = self._base + _graph_term(self.graphs[graph], self._terms)
        return np.exp(logw - logsumexp(logw))

    def summary(self, graph: int | None = None) -> dict:
        """Posterior summaries of N, averaged or for one graph."""
        w = self.averaged if graph is None else self.graph_posterior(graph)
        return posterior_summary(self.totals, w, self.spacing)


def posterior_summary(totals: np.ndarray, w: np.ndarray,
                      spacing: np.ndarray | None = None) -> dict:
    """Median, 95% interval, mode, mean and the relative-squared-error Bayes estimate
    ``sum(w/N) / sum(w/N**2)`` of a posterior given as masses ``w`` on a grid."""
    cdf = np.cumsum(w)
    q = lambda p: float(totals[min(np.searchsorted(cdf, p), len(totals) - 1)])
    density = w if spacing is None else w / spacing
    return {"median": q(0.5), "lower": q(0.025), "upper": q(0.975),
            "mode": float(totals[np.argmax(density)]), "mean": float(np.sum(w * totals)),
            "bayes": float(np.sum(w / totals) / np.sum(w / totals ** 2)),
            "tail_mass": float(w[-1])}


# ------------------------------------------------------------------ graphs

def decomposable_graphs(k: int) -> list[Graph]:
    """All decomposable graphs on k vertices (8 for k=3, 61 for k=4, 822 for k=5)."""
    pairs = list(itertools.combinations(range(k), 2))
    graphs = []
    for r in range(len(pairs) + 1):
        for edges in itertools.combinations(pairs, r):
            g = _decompose(k, edges)
            if g is not None:
                graphs.append(g)
    return graphs


def _decompose(k: int, edges: Sequence[Edge]) -> Graph | None:
    """Cliques and separators via maximum cardinality search; None if not chordal."""
    nbrs = {v: set() for v in range(k)}
    for a, b in edges:
        nbrs[a].add(b)
        nbrs[b].add(a)
    order, sets = [], []
    while len(order) < k:
        v = max((u for u in range(k) if u not in order),
                key=lambda u: (len(nbrs[u] & set(order)), -u))
        earlier = nbrs[v] & set(order)
        if any(b not in nbrs[a] for a, b in itertools.combinations(earlier, 2)):
            return None
        order.append(v)
        sets.append((frozenset(earlier | {v}), frozenset(earlier)))
    return _cliques(tuple(edges), sets)


def _cliques(edges, sets) -> Graph:
    """From the MCS sets {v} + earlier neighbours: maximal ones are cliques, and the
    earlier-neighbour set that starts each new clique is a separator."""
    cliques, seps = [], []
    for i, (full, earlier) in enumerate(sets):
        nxt = sets[i + 1][1] if i + 1 < len(sets) else None
        if nxt is None or not full <= nxt:
            cliques.append(tuple(sorted(full)))
            seps.append(tuple(sorted(_start_separator(sets, i))))
    seps = [s for s in seps if s is not None]
    return Graph(edges, tuple(cliques), tuple(s for s in seps if s))


def _start_separator(sets, i) -> frozenset:
    """Earlier-neighbour set of the vertex that began the clique ending at step i."""
    j = i
    while j > 0 and sets[j][1] == sets[j - 1][0]:
        j -= 1
    return sets[j][1]


# ------------------------------------------------------------------ posterior

def negbin_log_prior(a: float, b: float) -> Callable[[np.ndarray], np.ndarray]:
    """Negative-binomial-type log prior on N (up to a constant):
    ``N log b - (N + a) log(1 + b) + lgamma(N + a) - lgamma(N + 1) - lgamma(a)``."""
    def log_prior(N: np.ndarray) -> np.ndarray:
        return (N * math.log(b) - (N + a) * math.log1p(b) + gammaln(N + a)
                - gammaln(N + 1) - gammaln(a))
    return log_prior


def inverse_log_prior(N: np.ndarray) -> np.ndarray:
    """The improper prior p(N) proportional to 1/N."""
    return -np.log(N)


def bma(table: CaptureTable, n_missing: Sequence[int] | None = None, delta: float = 1.0,
        log_prior: Callable[[np.ndarray], np.ndarray] = inverse_log_prior,
        graphs: list[Graph] | None = None) -> BMAResult:
    """Joint posterior over decomposable graphs and N on a grid of unobserved counts.

    ``n_missing`` gives the grid explicitly (each point standing for itself).  By default
    the grid runs in unit steps from 0 to ``max(4 n, 2000)``, then in 600 geometric steps
    to ``256 n``, each coarse point weighted by the number of totals it stands for;
    ``tail_mass`` in the summary is the posterior mass at the last grid point.
    """
    if not 3 <= table.k <= 5:
        raise ValueError("dga supports 3 to 5 lists")
    graphs = graphs or decomposable_graphs(table.k)
    if n_missing is not None:
        n0 = np.asarray(n_missing)
        return _bma_grid(table, n0, np.ones(len(n0)), delta, log_prior, graphs)
    n0, spacing = default_grid(table.observed)
    return _bma_grid(table, n0, spacing, delta, log_prior, graphs)


def default_grid(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit grid up to max(4n, 2000), geometric beyond to 256n; with point spacings."""
    fine = max(4 * n, 2000)
    coarse = np.unique(np.round(np.geomspace(fine, max(256 * n, 4 * fine), 600)))
    grid = np.concatenate([np.arange(fine), coarse]).astype(np.int64)
    spacing = np.concatenate([[1], np.diff(grid)]).astype(float)
    return grid, spacing


def _bma_grid(table, n0, spacing, delta, log_prior, graphs) -> BMAResult:
    n = table.observed
    totals = (n + n0).astype(float)
    terms = _subset_terms(table, n0.astype(float), delta)
    base = (log_prior(totals) + gammaln(totals + 1) - gammaln(n0 + 1.0)
            + np.log(spacing))
    log_mass = np.empty(len(graphs))
    acc = np.full(len(n0), -np.inf)
    for i, g in enumerate(graphs):
        logw = base + _graph_term(g, terms)
        log_mass[i] = logsumexp(logw)
        acc = np.logaddexp(acc, logw)
    total = logsumexp(log_mass)
    return BMAResult(totals, spacing, graphs, log_mass - total, np.exp(acc - total),
                     table.lists, base, terms)


def _graph_term(g: Graph, terms: dict) -> np.ndarray:
    out = sum(terms[frozenset(c)] for c in g.cliques)
    return out - sum((terms[frozenset(s)] for s in g.separators), 0.0)


def _subset_terms(table: CaptureTable, n0: np.ndarray, delta: float) -> dict:
    """Dirichlet-multinomial log marginal likelihood of each margin, per n0 value."""
    pats = table.patterns().astype(int)
    total = table.observed + n0
    out = {}
    for r in range(1, table.k + 1):
        for subset in itertools.combinations(range(table.k), r):
            alpha = delta * 2 ** (table.k - r)
            key = (pats[:, subset] * (1 << np.arange(r))).sum(axis=1)
            marg = np.bincount(key, weights=table.counts, minlength=2 ** r)
            fixed = float(np.sum(gammaln(marg[1:] + alpha) - gammaln(alpha)))
            out[frozenset(subset)] = (fixed + gammaln(marg[0] + n0 + alpha) - gammaln(alpha)
                                      + gammaln(alpha * 2 ** r)
                                      - gammaln(total + alpha * 2 ** r))
    return out
