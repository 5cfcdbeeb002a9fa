"""Simulated capture-recapture tables with known truth, for checking interval coverage.

``HRDAG_SPECS`` are the five specifications of HRDAG's StanLCMCR simulations (after
Manrique-Vallier 2016): strata of individuals, each caught by each of five lists
independently with the stratum's probabilities.  The true total is 2,000 in every spec.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .tables import CaptureTable, make_table

Stratum = tuple[int, Sequence[float]]

HRDAG_SPECS: dict[str, list[Stratum]] = {
    "sim1": [(1800, (0.033, 0.033, 0.099, 0.132, 0.033)),
             (200, (0.660, 0.825, 0.759, 0.990, 0.693))],
    "sim2": [(1600, (0.013, 0.013, 0.099, 0.132, 0.033)),
             (400, (0.560, 0.825, 0.759, 0.990, 0.593))],
    "sim3": [(1600, (0.113, 0.113, 0.199, 0.232, 0.133)),
             (400, (0.860, 0.925, 0.859, 0.990, 0.793))],
    "sim4": [(1600, (0.1, 0.05, 0.15, 0.2, 0.1)),
             (200, (0.5, 0.4, 0.6, 0.4, 0.5)),
             (200, (0.8, 0.9, 0.6, 0.7, 0.7))],
    "sim5": [(1600, (0.113, 0.113, 0.199, 0.832, 0.733)),
             (400, (0.860, 0.925, 0.859, 0.190, 0.193))],
}


def truth(spec: Sequence[Stratum]) -> int:
    """True population size of a specification."""
    return sum(size for size, _ in spec)


def simulate(spec: Sequence[Stratum], seed: int) -> CaptureTable:
    """Draw one capture table: each individual is caught by list j with its stratum's
    probability, independently; individuals caught by no list are unobserved."""
    rng = np.random.default_rng(seed)
    k = len(spec[0][1])
    full = np.zeros(2 ** k)
    for size, probs in spec:
        caught = rng.random((size, k)) < np.asarray(probs)
        cells = (caught * (1 << np.arange(k))).sum(axis=1)
        full += np.bincount(cells, minlength=2 ** k)
    full[0] = 0
    return make_table([f"L{j + 1}" for j in range(k)], full)
