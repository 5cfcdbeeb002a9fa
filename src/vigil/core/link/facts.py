"""Facts a person has one of, kept per cluster so that no union gives a person two.

A person has one father, one sex, one nationality, one ethnicity and one birth year; a
reported age fixes the birth year only to a year or two, so implied birth years of one
person may lie ``BIRTH_SLACK`` years apart. Charges differ between reports of one case
(one names the drug charge, the next adds moharebeh for an armed clash; protesters
accused of killing a guard are reported as convicted of murder by one outlet and of
moharebeh by another), but a drug case and a murder or rape case are not the same case:
charges are compared by *family* (drug; crimes against a person), and two clusters whose
charges share no family are not one person. The other charges (security charges,
efsad-e fel-arz, which is brought against drug lords, rapists and protesters alike,
theft, alcohol...) carry no family.

The pairwise scores already weigh these facts for each pair; the check here stops a
chain of links (A-B strong, B-C strong) from joining A and C when they conflict.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

BIRTH_SLACK = 4          # years between implied birth years of one person
COLUMNS = ("father_lk", "sex", "nationality", "ethnicity")   # one value per person
CHARGE_FAMILY = {
    "drug": "drug", "murder": "person", "rape": "person", "adultery": "person",
    "sodomy": "person", "kidnapping": "person",
}
_FAMILY_BIT = {f: 1 << i for i, f in enumerate(dict.fromkeys(CHARGE_FAMILY.values()))}


def charge_families(charges: pd.Series) -> np.ndarray:
    """Each row's charge families as a bit mask (0: none known)."""
    return per_list(charges, _mask)


def per_list(charges: pd.Series, fn) -> np.ndarray:
    """``fn`` of each row's charge list as integers, computed once per distinct list
    object (prepare() shares one list among the rows holding a set)."""
    values = charges.to_numpy(dtype=object)
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    codes = pd.factorize(np.fromiter(map(id, values), dtype=np.int64, count=len(values)))[0]
    first = np.unique(codes, return_index=True)[1]
    return np.array([fn(values[i]) for i in first], dtype=np.int64)[codes]


def _mask(charges) -> int:
    if not isinstance(charges, (list, tuple, np.ndarray)):
        return 0
    return sum({_FAMILY_BIT[CHARGE_FAMILY[c]] for c in charges if c in CHARGE_FAMILY})


class Facts:
    """Per position: codes of the one-value facts (-1 unknown), the range of implied
    birth years (+-inf unknown) and the charge families; per component root once
    components grow (:meth:`adopt`, :meth:`join`)."""

    def __init__(self, codes: np.ndarray, birth: np.ndarray, families: np.ndarray):
        self.codes = codes
        known = ~np.isnan(birth)
        self.lo, self.hi = np.where(known, birth, np.inf), np.where(known, birth, -np.inf)
        self.families = families
        self.sizes = np.ones(len(birth), dtype=np.int64)   # mentions per component root
        self._lists: tuple | None = None

    @classmethod
    def of(cls, positions: np.ndarray | None, frame: pd.DataFrame | None, n: int) -> "Facts":
        """Facts of ``n`` positions; row r of ``frame`` is position ``positions[r]``."""
        cols = [c for c in COLUMNS if frame is not None and c in frame]
        codes = np.full((n, len(cols)), -1, dtype=np.int64)
        birth, families = np.full(n, np.nan), np.zeros(n, dtype=np.int64)
        if frame is not None:
            for j, c in enumerate(cols):
                codes[positions, j] = pd.factorize(frame[c], use_na_sentinel=True)[0]
            if "birth_y" in frame:
                birth[positions] = frame["birth_y"].to_numpy(dtype=float, na_value=np.nan)
            if "charges" in frame:
                families[positions] = charge_families(frame["charges"])
        return cls(codes, birth, families)

    def conflicts(self, comp: np.ndarray, members: np.ndarray, size: int) -> np.ndarray:
        """Components (of ``comp``, over the positions ``members``) in which two members'
        facts conflict, or which hold two different sets of charge families (those are
        left to the union-by-union pass)."""
        c = comp[members]
        bad = np.zeros(size, dtype=bool)
        for values, unknown in [(self.codes[members, j], -1) for j in range(
                self.codes.shape[1])] + [(self.families[members], 0)]:
            top = np.full(size, unknown, dtype=np.int64)
            np.maximum.at(top, c, values)
            bad[c[(values != unknown) & (values != top[c])]] = True
        hi, lo = np.full(size, -np.inf), np.full(size, np.inf)
        np.maximum.at(hi, c, self.hi[members])
        np.minimum.at(lo, c, self.lo[members])
        return bad | (hi - lo > BIRTH_SLACK)

    def adopt(self, members: np.ndarray, roots: np.ndarray) -> None:
        """Components joined at once (free of conflicts): facts move to their roots."""
        for j in range(self.codes.shape[1]):
            np.maximum.at(self.codes[:, j], roots, self.codes[members, j])
        np.bitwise_or.at(self.families, roots, self.families[members])
        np.minimum.at(self.lo, roots, self.lo[members])
        np.maximum.at(self.hi, roots, self.hi[members])
        np.add.at(self.sizes, roots, (members != roots).astype(np.int64))
        self._lists = None

    def join(self, ra: int, rb: int, force: bool = False) -> bool:
        """Put rb's facts into ra's; False, changing nothing, when they conflict. Two
        single mentions are always joined (their own pair score weighed their ages,
        fathers and charges: lists disagree on ages by years), as are those of a human
        decision (``force``)."""
        if self._lists is None:
            self._lists = ([col.tolist() for col in self.codes.T], self.lo.tolist(),
                           self.hi.tolist(), self.families.tolist(), self.sizes.tolist())
        columns, los, his, fams, sizes = self._lists
        lo, hi = min(los[ra], los[rb]), max(his[ra], his[rb])
        fa, fb = fams[ra], fams[rb]
        if not force and sizes[ra] + sizes[rb] > 2 and (
                hi - lo > BIRTH_SLACK or (fa and fb and not fa & fb)
                or any(0 <= col[ra] != col[rb] >= 0 for col in columns)):
            return False
        for col in columns:
            if col[rb] > col[ra]:
                col[ra] = col[rb]
        los[ra], his[ra], fams[ra] = lo, hi, fa | fb
        sizes[ra] += sizes[rb]
        return True
