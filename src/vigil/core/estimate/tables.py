"""Capture-pattern tables for multiple systems estimation.

A table over k lists holds one count per capture pattern.  Pattern ``p`` is an integer
in ``0 .. 2**k - 1`` whose bit ``j`` is set when the individual is on list ``j`` (the
first list is bit 0, so it "varies fastest").  Cell 0, the all-zero pattern, is the
unobserved cell that the estimators estimate; it is always stored as 0.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

COUNT_COLUMNS = ("count", "Freq", "freq", "n")
MAX_LISTS = 12


class TableError(ValueError):
    """A capture-pattern table that cannot be used; the message names file, line, field."""


@dataclass(frozen=True)
class CaptureTable:
    """Counts of the 2**k capture patterns over the named lists (cell 0 unobserved)."""

    lists: tuple[str, ...]
    counts: np.ndarray

    @property
    def k(self) -> int:
        """Number of lists."""
        return len(self.lists)

    @property
    def observed(self) -> int:
        """Number of individuals on at least one list."""
        return int(self.counts[1:].sum())

    def patterns(self) -> np.ndarray:
        """0/1 matrix, one row per cell 0 .. 2**k - 1, one column per list."""
        return pattern_matrix(self.k)

    def list_totals(self) -> dict[str, int]:
        """How many individuals each list holds."""
        pats = self.patterns()
        return {name: int(self.counts[pats[:, j] == 1].sum())
                for j, name in enumerate(self.lists)}

    def overlap(self, a: int, b: int) -> int:
        """Individuals on both list ``a`` and list ``b`` (regardless of other lists)."""
        pats = self.patterns()
        return int(self.counts[(pats[:, a] == 1) & (pats[:, b] == 1)].sum())

    def as_rows(self) -> list[tuple[tuple[int, ...], int]]:
        """Observed patterns with non-zero counts as ``(flags, count)`` pairs."""
        pats = self.patterns()
        return [(tuple(int(x) for x in pats[p]), int(self.counts[p]))
                for p in range(1, len(self.counts)) if self.counts[p]]


def pattern_matrix(k: int) -> np.ndarray:
    """0/1 matrix of shape (2**k, k): row p holds the bits of p, list 0 first."""
    cells = np.arange(2 ** k)
    return ((cells[:, None] >> np.arange(k)[None, :]) & 1).astype(float)


def pattern_index(flags: Sequence[int]) -> int:
    """Cell number of a 0/1 pattern given list by list."""
    return sum(1 << j for j, f in enumerate(flags) if f)


def make_table(lists: Sequence[str], counts: dict[tuple[int, ...], int] | Sequence[float]
               ) -> CaptureTable:
    """Build a table from ``{pattern flags: count}`` or from a full vector of 2**k counts."""
    lists = tuple(lists)
    _check_lists(lists, "table")
    full = np.zeros(2 ** len(lists))
    if isinstance(counts, dict):
        for flags, count in counts.items():
            if len(flags) != len(lists):
                raise TableError(f"pattern {flags} does not have {len(lists)} flags")
            full[pattern_index(flags)] += count
    else:
        full[:] = np.asarray(counts, dtype=float)
    if full[0]:
        raise TableError("the all-zero pattern cannot be observed")
    if (full < 0).any():
        raise TableError("counts must be >= 0")
    return CaptureTable(lists, full)


def from_memberships(memberships: Iterable[Iterable[str]],
                     lists: Sequence[str] | None = None) -> CaptureTable:
    """Table from one set of list names per individual (e.g. the sources of a linked case).

    ``lists`` fixes the list order; by default the sorted names seen.  Individuals on no
    listed list are ignored (they cannot be counted by any list).
    """
    sets = [set(m) for m in memberships]
    names = tuple(lists) if lists is not None else tuple(sorted(set().union(*sets)))
    unknown = set().union(*sets) - set(names) if sets else set()
    if unknown:
        raise TableError(f"memberships name lists not in {list(names)}: {sorted(unknown)}")
    _check_lists(names, "memberships")
    full = np.zeros(2 ** len(names))
    for member in sets:
        full[pattern_index([name in member for name in names])] += 1
    full[0] = 0
    return CaptureTable(names, full)


def _check_lists(lists: Sequence[str], where: str) -> None:
    if len(lists) < 2:
        raise TableError(f"{where}: needs at least 2 lists, found {list(lists)}")
    if len(lists) > MAX_LISTS:
        raise TableError(f"{where}: at most {MAX_LISTS} lists are supported")
    if len(set(lists)) != len(lists):
        raise TableError(f"{where}: repeated list names {list(lists)}")


def read_table(path: str | Path) -> CaptureTable:
    """Read a capture-pattern CSV: one 0/1 column per list and a ``count`` column.

    Only observed patterns need to be listed; missing patterns count 0.  Raises
    :class:`TableError` naming the file, line and column of the first problem.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TableError(f"{path}: cannot read: {exc}") from None
    rows = [(no, row) for no, row in enumerate(csv.reader(text.splitlines()), 1)
            if any(cell.strip() for cell in row)]
    if not rows:
        raise TableError(f"{path}: empty file")
    header = [h.strip() for h in rows[0][1]]
    count_col = _count_column(header, path)
    lists = [h for h in header if h != count_col]
    _check_lists(lists, str(path))
    counts = _read_rows(rows[1:], header, count_col, path)
    table = make_table(lists, counts)
    if table.observed == 0:
        raise TableError(f"{path}: no observed individuals")
    return table


def _count_column(header: list[str], path: Path) -> str:
    for name in COUNT_COLUMNS:
        if name in header:
            return name
    raise TableError(f"{path}:1: no 'count' column in header {header}")


def _read_rows(rows, header, count_col, path) -> dict[tuple[int, ...], int]:
    counts: dict[tuple[int, ...], int] = {}
    for lineno, row in rows:
        where = f"{path}:{lineno}"
        if len(row) != len(header):
            raise TableError(f"{where}: {len(row)} fields, header has {len(header)}")
        flags = tuple(_flag(cell, name, where) for name, cell in zip(header, row)
                      if name != count_col)
        count = _count(row[header.index(count_col)], count_col, where)
        if not any(flags):
            if count:
                raise TableError(f"{where}: the all-zero pattern cannot be observed")
            continue
        if flags in counts:
            raise TableError(f"{where}: pattern {''.join(map(str, flags))} repeated")
        counts[flags] = count
    return counts


def _flag(cell: str, name: str, where: str) -> int:
    value = cell.strip()
    if value not in ("0", "1"):
        raise TableError(f"{where}: column '{name}' must be 0 or 1, got {cell!r}")
    return int(value)


def _count(cell: str, name: str, where: str) -> int:
    try:
        value = float(cell.strip())
    except ValueError:
        value = -1.0
    if not value >= 0 or value != int(value):
        raise TableError(f"{where}: column '{name}' must be a whole number >= 0, "
                         f"got {cell!r}")
    return int(value)
