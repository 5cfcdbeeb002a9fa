"""Blocking: which pairs of mentions get scored, counted and built with integer arrays.

Each column a rule needs is factorized once into integer codes (-1 where missing); a
rule's key combines them, and sorting the keys gives its blocks. :func:`choose_blocking`
counts every candidate rule's pairs that way (no pair built) and keeps the rules that fit
the budget; :func:`blocked_pairs` then builds the chosen rules' pairs, each pair once,
under the first rule that generates it (as Splink's own blocking does), for Splink to
score (``register_blocked_pairs_for_predict``). The rules are those of
:data:`vigil.core.link.settings.CANDIDATE_RULES`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from vigil.core.link.settings import CANDIDATE_RULES, SWAPPED, UNDATED

_NAME = ("given_sk", "surname_sk")


class ColumnCodes:
    """Integer codes of a frame's columns (-1 where missing), each factorized once."""

    def __init__(self, frame: pd.DataFrame, base: "ColumnCodes | None" = None,
                 order: np.ndarray | None = None):
        self.frame = frame
        self.base, self.order = base, order
        self.codes: dict[str, np.ndarray] = {}
        self._swapped: tuple[np.ndarray, np.ndarray] | None = None
        self._labels: dict[tuple[str, ...], np.ndarray] = {}
        self._numbers: dict[str, np.ndarray] = {}

    def column(self, col: str) -> np.ndarray:
        if col not in self.codes:
            self.codes[col] = self.base.column(col)[self.order] if self.base else \
                pd.factorize(self.frame[col], use_na_sentinel=True)[0]
        return self.codes[col]

    def reordered(self, order: np.ndarray) -> "ColumnCodes":
        """The same codes for the rows taken in ``order`` (row i is row order[i])."""
        return ColumnCodes(self.frame, self, order)

    def key(self, columns: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(one int64 key per row equal where every column is, rows knowing them all)."""
        n = len(self.frame)
        key, bound = np.zeros(n, dtype=np.int64), 1
        known = np.ones(n, dtype=bool)
        for col in columns:
            if col == UNDATED:
                continue
            codes = self.column(col)
            known &= codes >= 0
            width = int(codes.max(initial=0)) + 1
            if bound * width >= 2 ** 62:  # renumber the key so that it stays in int64
                key, bound = pd.factorize(key)[0].astype(np.int64), n
            key, bound = key * width + np.maximum(codes, 0), bound * width
        return key, known

    def pair_count(self, columns: tuple[str, ...]) -> int:
        """Pairs of rows equal on every column (rows missing any of them excluded)."""
        if columns == SWAPPED:
            return len(self.swapped_pairs()[0])
        key, known = self.key(columns)
        if UNDATED in columns:  # all pairs of the blocks less those of dated rows only
            return _count(key[known]) - _count(key[known & ~self.undated()])
        return _count(key[known])

    def pairs(self, columns: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(left, right) row positions, left < right, of the pairs a rule generates."""
        if columns == SWAPPED:
            return self.swapped_pairs()
        left, right = _block_pairs(*self.key(columns))
        if UNDATED in columns:
            undated = self.undated()
            keep = undated[left] | undated[right]
            left, right = left[keep], right[keep]
        return left, right

    def undated(self) -> np.ndarray:
        """Rows without a date."""
        return np.isnan(self.number("date_lo"))

    def swapped_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Pairs with the same year and surname start whose day and month are swapped."""
        if self._swapped is None:
            y, p, m, d = self._swap_columns()
            rows = np.flatnonzero((y >= 0) & (p >= 0) & ~np.isnan(m) & ~np.isnan(d))
            left = pd.DataFrame({"a": rows, "y": y[rows], "p": p[rows], "m": m[rows],
                                 "d": d[rows]})
            both = left.merge(left.rename(columns={"a": "b", "m": "d", "d": "m"}),
                              on=["y", "p", "m", "d"])
            both = both[both["a"] < both["b"]]
            self._swapped = (both["a"].to_numpy(np.int64), both["b"].to_numpy(np.int64))
        return self._swapped

    def number(self, col: str) -> np.ndarray:
        """A numeric column as floats, NaN where missing (computed once)."""
        if col not in self._numbers:
            self._numbers[col] = self.base.number(col)[self.order] if self.base else \
                pd.to_numeric(self.frame[col], errors="coerce").to_numpy(
                    dtype=float, na_value=np.nan)
        return self._numbers[col]

    def _swap_columns(self) -> tuple[np.ndarray, ...]:
        """Year and surname-start codes, month and day numbers of every row."""
        return (self.column("date_y"), self.column("surname_prefix"),
                self.number("date_m"), self.number("date_d"))

    def same(self, columns: tuple[str, ...], left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Whether each pair is one a rule generates (for excluding earlier rules' pairs)."""
        if columns == SWAPPED:
            y, p, m, d = self._swap_columns()
            return ((y[left] >= 0) & (y[left] == y[right]) & (p[left] >= 0)
                    & (p[left] == p[right]) & (m[left] == d[right]) & (d[left] == m[right]))
        label = self.labels(columns)
        same = label[left] == label[right]
        if UNDATED in columns:
            undated = self.undated()
            same &= undated[left] | undated[right]
        return same

    def labels(self, columns: tuple[str, ...]) -> np.ndarray:
        """A rule's block of each row as int32, negative (and unique) for rows missing a
        column, so that two rows are in one block exactly when their labels are equal."""
        if columns not in self._labels:
            key, known = self.key(columns)
            label = pd.factorize(key)[0].astype(np.int32)
            label[~known] = -1 - np.flatnonzero(~known)
            self._labels[columns] = label
        return self._labels[columns]


def _count(keys: np.ndarray) -> int:
    """Pairs of equal values among keys."""
    keys = np.sort(keys)
    edges = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    sizes = np.diff(edges).astype(np.int64)
    return int((sizes * (sizes - 1) // 2).sum())


def _block_pairs(key: np.ndarray, known: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of known rows with equal keys, as (smaller, larger) positions."""
    rows = np.flatnonzero(known)
    order = np.argsort(key[rows], kind="stable")
    rows, key = rows[order], key[rows][order]
    edges = np.flatnonzero(np.r_[True, key[1:] != key[:-1], True])
    ends = np.repeat(edges[1:], np.diff(edges))
    later = ends - np.arange(len(key)) - 1           # partners after each sorted row
    left = np.repeat(np.arange(len(key)), later)
    right = np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later) + left + 1
    a, b = rows[left], rows[right]
    return np.minimum(a, b), np.maximum(a, b)


def block_pair_count(frame: pd.DataFrame, columns: tuple[str, ...]) -> int:
    """Number of pairs a blocking rule on equal ``columns`` generates in ``frame``."""
    return ColumnCodes(frame).pair_count(columns)


def choose_blocking(frame: pd.DataFrame, budget: int | None = None,
                    codes: ColumnCodes | None = None) -> list[tuple[str, ...]]:
    """The candidate rules whose pair count fits the budget (default 20 x records, at
    least 2 million), so no rule ever builds a huge block whatever the data."""
    budget = budget or max(20 * len(frame), 2_000_000)
    chosen, total = [], 0
    codes = codes or ColumnCodes(frame)
    for cols in CANDIDATE_RULES:
        count = codes.pair_count(cols)
        if count <= budget - total:
            chosen.append(cols)
            total += count
    return without_subsumed(chosen)


def without_subsumed(rules: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rules minus those that require every column of another rule and more: their
    pairs are all among that rule's (same names, prison and year within same names and
    prison). Same pairs, less work."""
    def subsumed(cols):
        return cols != SWAPPED and any(
            other != SWAPPED and set(other) < set(cols) for other in rules)
    return [cols for cols in rules if not subsumed(cols)]


def blocked_pairs(frame: pd.DataFrame, chosen: list[tuple[str, ...]],
                  cross_source_only: bool = False,
                  codes: ColumnCodes | None = None) -> pd.DataFrame:
    """The pairs the chosen rules generate, each once: columns ``match_key`` (index of
    the first rule that generates it, as in Splink), ``left`` and ``right``
    (row positions in ``frame``, left < right). With ``cross_source_only`` pairs of
    one source are left out."""
    codes = codes or ColumnCodes(frame)
    order = np.argsort(codes.labels(_NAME), kind="stable")
    codes = codes.reordered(order)  # namesakes' rows side by side: faster lookups
    source = codes.column("source") if cross_source_only else None
    parts = []
    for k, cols in enumerate(chosen):
        left, right = codes.pairs(cols)
        keep = np.ones(len(left), dtype=bool)
        for earlier in chosen[:k]:
            keep &= ~codes.same(earlier, left, right)
        if source is not None:
            keep &= source[left] != source[right]
        left, right = order[left[keep]], order[right[keep]]
        parts.append((k, np.minimum(left, right), np.maximum(left, right)))
    return pd.DataFrame({
        "match_key": np.concatenate([np.full(len(a), k, dtype=np.int8)
                                     for k, a, _ in parts] or [[]]).astype(np.int8),
        "left": np.concatenate([a for _, a, _ in parts] or [[]]).astype(np.int64),
        "right": np.concatenate([b for _, _, b in parts] or [[]]).astype(np.int64)})
