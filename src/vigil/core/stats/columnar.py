"""Status events as numpy columns: the counts behind a figure or a facet in milliseconds.

:class:`EventColumns` is built once from plain rows (one tuple per status event, fields as
in :data:`COLUMNS`) and then answers any filter by vectorised masks; "distinct cases per
group" is a ``np.unique`` over ``group * n_cases + case``. It mirrors the database layer's
SQL exactly (``vigil.statistics.queries``; a test holds the two to each other), including
its quirks: text filters compare case-insensitively, calendar groups come from the partial
ISO ``date`` string grouped with its length, and charge groups add up the distinct cases of
each distinct charge list.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Iterable, Sequence

import numpy as np

from .figures import UNKNOWN, UNKNOWN_FIELDS
from .filters import Filter
from .periods import Period

COLUMNS = ("case_id", "person_id", "status", "grade", "date", "date_start", "date_end", "charges", "province",
           "prison", "city", "country", "sex", "ethnicity", "nationality", "juvenile", "age", "public",
           "officially_announced")
TEXT = ("status", "grade", "date", "province", "prison", "city", "country", "sex", "ethnicity", "nationality")
#: Filter fields compared case-insensitively (SQL ``iexact``).
TEXT_FILTERS = ("province", "prison", "city", "country", "sex", "ethnicity", "nationality")
BOOL_FILTERS = {"juvenile": "juvenile", "public": "public", "officially_announced": "officially_announced"}
NO_DATE = np.iinfo(np.int32).min


def _encode(values: Iterable) -> tuple[np.ndarray, list]:
    """Integer codes and their vocabulary (in order of first appearance)."""
    index: dict = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int32)
    return codes, list(index)


def _ordinal(value) -> int:
    """A date, an ISO date string (raw from SQLite) or None → day ordinal or NO_DATE."""
    if not value:
        return NO_DATE
    return (date.fromisoformat(value) if isinstance(value, str) else value).toordinal()


def _days(values: Iterable) -> np.ndarray:
    """Day ordinals, converting each distinct value once."""
    codes, vocab = _encode(values)
    return np.array([_ordinal(v) for v in vocab], dtype=np.int32)[codes] if len(codes) else codes


def _charge_list(value) -> tuple:
    """A charge list, its JSON text (raw from SQLite) or None → a tuple."""
    return tuple(json.loads(value) if isinstance(value, str) else (value or ()))


def _tribool(values: Iterable) -> np.ndarray:
    return np.fromiter((-1 if v is None else int(bool(v)) for v in values), dtype=np.int8)


class EventColumns:
    """One array per field over the events; text fields as codes into a vocabulary."""

    def __init__(self, rows: Sequence[Sequence]):
        cols = dict(zip(COLUMNS, zip(*rows))) if rows else {c: () for c in COLUMNS}
        self.n = len(rows)
        self.case, self.case_ids = _encode(cols["case_id"])
        self.person = np.fromiter(cols["person_id"], dtype=np.int64)
        self.codes, self.vocab = {}, {}
        for name in TEXT:
            self.codes[name], self.vocab[name] = _encode(v or "" for v in cols[name])
        self.codes["charges"], raw = _encode(tuple(v) if isinstance(v, list) else v for v in cols["charges"])
        self.vocab["charges"] = [_charge_list(v) for v in raw]
        self.start, self.end = _days(cols["date_start"]), _days(cols["date_end"])
        self.tri = {name: _tribool(cols[name]) for name in ("juvenile", "public", "officially_announced")}
        self.age_known = np.fromiter((v is not None for v in cols["age"]), dtype=bool)

    # ------------------------------------------------------------------ selection
    def where(self, name: str, accept) -> np.ndarray:
        """Events whose ``name`` value passes ``accept(value)`` (evaluated once per distinct value)."""
        ok = np.fromiter((bool(accept(v)) for v in self.vocab[name]), dtype=bool, count=len(self.vocab[name]))
        return ok[self.codes[name]] if self.n else np.zeros(0, dtype=bool)

    def with_charge(self, charge: str) -> np.ndarray:
        """Events whose charge list holds ``charge`` (case-insensitive, like SQL's icontains '"code"')."""
        wanted = charge.lower()
        return self.where("charges", lambda charges: any(str(c).lower() == wanted for c in charges))

    def matching(self, flt: Filter) -> np.ndarray:
        """Events passing every non-period part of ``flt`` (``vigil.statistics.queries.matching``)."""
        mask = self.where("status", lambda v: v == flt.status) & self.where("grade", lambda v: v in flt.grades)
        if flt.charge:
            mask &= self.with_charge(flt.charge)
        for name in TEXT_FILTERS:
            wanted = getattr(flt, name)
            if wanted:
                mask &= self.where(name, lambda v, w=wanted.lower(): v.lower() == w)
        for name, column in BOOL_FILTERS.items():
            wanted = getattr(flt, name)
            if wanted is not None:
                mask &= self.tri[column] == int(wanted)
        return mask

    def inside(self, period: Period) -> np.ndarray:
        """The whole date range lies in the period (a missing end means a single day)."""
        first, last = period.start.toordinal(), period.end.toordinal()
        dated = self.start != NO_DATE
        return dated & (self.start >= first) & (self.start <= last) & ((self.end <= last) | (self.end == NO_DATE))

    def outside_counts(self, mask: np.ndarray, period: Period | None) -> tuple[int, int]:
        """(uncertain, undated) among ``mask``: partly dated in the period, and undated."""
        if period is None:
            return 0, 0
        first, last = period.start.toordinal(), period.end.toordinal()
        near = mask & (self.start != NO_DATE) & (self.start >= first - 366) & (self.start <= last)
        overlap = near & (self.end != NO_DATE) & (self.end >= first)
        return int((overlap & ~self.inside(period)).sum()), int((mask & (self.start == NO_DATE)).sum())

    # ------------------------------------------------------------------ counting
    def cases(self, mask: np.ndarray) -> int:
        return int(np.unique(self.case[mask]).size)

    def distinct_by(self, codes: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
        """Distinct cases per code (an array of length ``size``) among ``mask``."""
        pairs = np.unique(codes[mask].astype(np.int64) * max(len(self.case_ids), 1) + self.case[mask])
        return np.bincount(pairs // max(len(self.case_ids), 1), minlength=size)

    def counts(self, name: str, mask: np.ndarray) -> dict:
        """``{value: distinct cases}`` of a text column (or ``charges`` tuples) among ``mask``."""
        n = self.distinct_by(self.codes[name], mask, len(self.vocab[name]))
        return {self.vocab[name][i]: int(c) for i, c in enumerate(n) if c}

    def unknown_counts(self, mask: np.ndarray) -> dict[str, int]:
        """Events among ``mask`` lacking each of :data:`UNKNOWN_FIELDS`."""
        blank = {name: self.where(name, lambda v: v == "") for name in
                 ("sex", "province", "prison", "city", "ethnicity", "nationality")}
        lacking = {"date": self.start == NO_DATE, "age": ~self.age_known, "juvenile": self.tri["juvenile"] == -1,
                   "charge": self.where("charges", lambda v: not v), **blank}
        return {name: int((mask & lacking[name]).sum()) for name in UNKNOWN_FIELDS}

    def column_groups(self, name: str, mask: np.ndarray) -> Counter:
        """Distinct cases per value; blank values under ``unknown``."""
        out: Counter = Counter()
        for value, n in self.counts(name, mask).items():
            out[UNKNOWN if value == "" else value] += n
        return out

    def charge_groups(self, mask: np.ndarray) -> Counter:
        """Per charge: the distinct cases of each distinct charge list containing it, added up."""
        out: Counter = Counter()
        for charges, n in self.counts("charges", mask).items():
            for key in (charges or (UNKNOWN,)):
                out[key] += n
        return out

    def calendar_groups(self, mask: np.ndarray, size: int) -> Counter:
        """By the first ``size`` characters of ``date`` (``unknown`` when shorter), counted per
        (prefix, length) pair and then added up, as the SQL does."""
        codes, pairs = self._date_keys(size, by_length=True)
        out: Counter = Counter()
        if self.n:
            n = self.distinct_by(codes, mask, len(pairs))
            for (key, length), count in zip(pairs, n):
                if count:
                    out[key if length >= size else UNKNOWN] += int(count)
        return out

    def prefix_counts(self, mask: np.ndarray, size: int) -> dict[str, int]:
        """Distinct cases per first ``size`` characters of ``date`` (SQL ``SUBSTR(date, 1, size)``)."""
        codes, keys = self._date_keys(size, by_length=False)
        if not self.n:
            return {}
        n = self.distinct_by(codes, mask, len(keys))
        return {key[0]: int(c) for key, c in zip(keys, n) if c}

    def _date_keys(self, size: int, by_length: bool) -> tuple[np.ndarray, list]:
        """Per event, a code for (first ``size`` characters of ``date``, its length or 0); memoised."""
        memo = self.__dict__.setdefault("_date_memo", {})
        if (size, by_length) not in memo:
            codes, pairs = _encode((d[:size], len(d) if by_length else 0) for d in self.vocab["date"])
            memo[size, by_length] = (codes[self.codes["date"]] if self.n else codes, pairs)
        return memo[size, by_length]
