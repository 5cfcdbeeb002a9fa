"""A synthetic population of death-row prisoners with a true history.

People are generated lazily in fixed-size chunks; chunk ``k`` of seed ``s`` depends
only on ``(s, k)``, so ``Population(seed).person(i)`` is the same whatever else was
generated before. Each person's history runs sentenced → upheld → at_risk →
executed / halted / commuted / forgiven, with dates between 2015 and 2025 (days are
counted from ``EPOCH``). Everything is numpy-vectorised per chunk.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import tables as T
from . import given as _given
from .surnames import HEAD_SHARE, TAIL

EPOCH = dt.date(2015, 1, 1)
END = dt.date(2025, 12, 31)
N_DAYS = (END - EPOCH).days + 1
CHUNK = 4096
NONE = -1

STATUSES = ("sentenced", "upheld", "at_risk", "executed", "halted", "commuted", "forgiven")
# columns of the events matrix: one date per step, NONE when it did not happen
EVENT_COLUMNS = ("sentenced", "upheld", "at_risk", "halted", "executed", "commuted", "forgiven")

# rough shape of the yearly number of executions 2015-2025 (public annual counts)
YEAR_WEIGHTS = np.array([970, 530, 510, 270, 280, 270, 330, 580, 830, 975, 1400], float)

GIVEN_M = list(T.MALE_GIVEN)
GIVEN_F = list(T.FEMALE_GIVEN)
# the head (tables) first, so that narrow populations keep their indices; then the tail
GIVEN = GIVEN_M + GIVEN_F + _given.MALE_TAIL + _given.FEMALE_TAIL
CHARGE_NAMES = [c for c, _ in T.CHARGES]
PROVINCE_ETH = [T.PROVINCE_ETHNICITY.get(p[3]) for p in T.PRISONS]
SURNAME_INDEX = {s[1].split("|")[0]: i for i, s in enumerate(T.SURNAMES)}


def _probs(weights) -> np.ndarray:
    w = np.asarray(weights, float)
    return w / w.sum()


P_GIVEN_M = _probs([g[2] for g in GIVEN_M])
P_GIVEN_F = _probs([g[2] for g in GIVEN_F])
_TAIL_M0 = len(GIVEN_M) + len(GIVEN_F)
_TAIL_F0 = _TAIL_M0 + len(_given.MALE_TAIL)
# wide populations: (indices into GIVEN, probabilities) for men and for women
GIVEN_M_WIDE = (np.r_[np.arange(len(GIVEN_M)), _TAIL_M0 + np.arange(len(_given.MALE_TAIL))],
                np.r_[_given.HEAD_SHARE * P_GIVEN_M, (1 - _given.HEAD_SHARE) * _probs(
                    [g[2] for g in _given.MALE_TAIL])])
GIVEN_F_WIDE = (np.r_[len(GIVEN_M) + np.arange(len(GIVEN_F)),
                      _TAIL_F0 + np.arange(len(_given.FEMALE_TAIL))],
                np.r_[_given.HEAD_SHARE * P_GIVEN_F, (1 - _given.HEAD_SHARE) * _probs(
                    [g[2] for g in _given.FEMALE_TAIL])])
_COMMUNITY_ONLY = {n for k in ("baluch", "arab") for n in T.COMMUNITY_SURNAMES[k]}
P_SURNAME = _probs([s[2] * (0.1 if s[1].split("|")[0] in _COMMUNITY_ONLY else 1)
                    for s in T.SURNAMES])
# the head (tables.SURNAMES) and the composed long tail, for ``wide_surnames``
SURNAMES = list(T.SURNAMES) + [t for t in TAIL if t[1].split("|")[0] not in SURNAME_INDEX]
P_SURNAME_WIDE = np.concatenate([HEAD_SHARE * P_SURNAME, (1 - HEAD_SHARE) * _probs(
    [t[2] for t in SURNAMES[len(T.SURNAMES):]])])
P_PRISON = _probs([p[4] for p in T.PRISONS])
P_CHARGE = _probs([c[1] for c in T.CHARGES])
P_YEAR = _probs(YEAR_WEIGHTS)
QARCHAK = [p[0] for p in T.PRISONS].index("Qarchak Women's Prison")
COMMUNITY_IDX = {k: np.array([SURNAME_INDEX[s] for s in v]) for k, v in T.COMMUNITY_SURNAMES.items()}


def day_to_date(day: int) -> dt.date:
    """Convert a day number (0 = 2015-01-01) to a date."""
    return EPOCH + dt.timedelta(days=int(day))


def date_to_day(d: dt.date) -> int:
    """Convert a date to a day number."""
    return (d - EPOCH).days


@dataclass(frozen=True)
class Person:
    """One synthetic person with the true values every source distorts."""

    pid: str
    given: int          # index into GIVEN
    surname: int        # index into SURNAMES (tables.SURNAMES, then the tail)
    father: int         # index into GIVEN (male)
    sex: str            # "m" / "f"
    birth_day: int      # day number of birth (may be negative)
    nationality: str | None
    ethnicity: str | None
    prison: int         # index into tables.PRISONS
    charges: tuple[str, ...]
    events: tuple[tuple[str, int], ...]   # (status, day) in time order

    @property
    def given_fa(self) -> str:
        return GIVEN[self.given][0]

    @property
    def surname_fa(self) -> str:
        return SURNAMES[self.surname][0]

    @property
    def father_fa(self) -> str:
        return GIVEN[self.father][0]

    @property
    def name_fa(self) -> str:
        return f"{self.given_fa} {self.surname_fa}"

    def given_latin(self) -> list[str]:
        return GIVEN[self.given][1].split("|")

    def surname_latin(self) -> list[str]:
        return SURNAMES[self.surname][1].split("|")

    def father_latin(self) -> list[str]:
        return GIVEN[self.father][1].split("|")

    @property
    def canonical_name(self) -> str:
        return f"{self.given_latin()[0]} {self.surname_latin()[0]}"

    @property
    def prison_row(self) -> tuple:
        return T.PRISONS[self.prison]

    @property
    def public_execution(self) -> bool:
        """Hanged in public (a few murder and rape cases; the same in every source)."""
        return (self.event("executed") is not None and bool({"murder", "rape"} & set(self.charges))
                and int(self.pid[1:]) % 17 == 0)

    def age_on(self, day: int) -> int:
        return int((day - self.birth_day) // 365.25)

    def event(self, status: str) -> int | None:
        for s, d in self.events:
            if s == status:
                return d
        return None


def _rng(seed: int, chunk: int) -> np.random.Generator:
    return np.random.default_rng([seed, chunk, 0x5157])


def _pick(rng, p, n) -> np.ndarray:
    return np.searchsorted(np.cumsum(p), rng.random(n), side="right").clip(0, len(p) - 1)


def _names(rng, n, female, nationality_af, ethnicity, wide: bool) -> tuple[np.ndarray, ...]:
    if wide:
        (men, p_men), (women, p_women) = GIVEN_M_WIDE, GIVEN_F_WIDE
    else:
        men, p_men = np.arange(len(GIVEN_M)), P_GIVEN_M
        women, p_women = len(GIVEN_M) + np.arange(len(GIVEN_F)), P_GIVEN_F
    given = np.where(female, women[_pick(rng, p_women, n)], men[_pick(rng, p_men, n)])
    surname = _pick(rng, P_SURNAME_WIDE if wide else P_SURNAME, n)
    community = np.where(nationality_af, "AF", ethnicity.astype(object)).astype(object)
    use_comm = rng.random(n) < T.COMMUNITY_SHARE
    for key, idx in COMMUNITY_IDX.items():
        sel = use_comm & (community == key)
        surname[sel] = idx[rng.integers(0, len(idx), sel.sum())]
    father = men[_pick(rng, p_men, n)]
    return given, surname, father


def _ethnicity(rng, n, prison, afghan) -> np.ndarray:
    local = np.array([PROVINCE_ETH[p] or "" for p in prison], dtype=object)
    r = rng.random(n)
    migrant = np.array(T.MIGRANT_ETHNICITIES, dtype=object)[rng.integers(0, 5, n)]
    eth = np.where((local != "") & (r < T.ETHNIC_SHARE), local, "")
    eth = np.where((eth == "") & (r > 0.88), migrant, eth)
    return np.where(afghan, "", eth).astype(object)


def _charges(rng, n) -> list[tuple[str, ...]]:
    first = _pick(rng, P_CHARGE, n)
    second = _pick(rng, P_CHARGE, n)
    two = rng.random(n) < 0.08
    out = []
    for a, b, t in zip(first.tolist(), second.tolist(), two.tolist()):
        c = {CHARGE_NAMES[a]}
        if t:
            c.add(CHARGE_NAMES[b])
        out.append(tuple(sorted(c)))
    return out


# a prison hangs people in batches: every PERIOD-th week, on one weekday
PERIOD = np.array([1 if p[4] >= 20 else 2 if p[4] >= 5 else 4 if p[4] >= 2 else 8
                   for p in T.PRISONS])
EXEC_WEEKDAY = np.array([(2, 3, 6, 2, 3)[i % 5] for i in range(len(T.PRISONS))])  # Mon = 0


def _snap_execution(days: np.ndarray, prison: np.ndarray) -> np.ndarray:
    """Move execution days to the prison's next execution day (so batches form)."""
    shift = EPOCH.weekday()
    week = (days + shift) // 7                      # week number, weeks start on Monday
    period = PERIOD[prison]
    week = week + (-(week + prison) % period)
    cand = week * 7 - shift + EXEC_WEEKDAY[prison]
    return np.where(cand < days, cand + 7 * period, cand)


def _events(rng, n, murder, prison) -> np.ndarray:
    """Matrix (n, len(EVENT_COLUMNS)) of event days, NONE when absent."""
    ev = np.full((n, len(EVENT_COLUMNS)), NONE, dtype=np.int64)
    year = _pick(rng, P_YEAR, n)
    sent = (np.array([date_to_day(dt.date(2015 + int(y), 1, 1)) for y in range(11)])[year]
            + rng.integers(0, 365, n) - 200)
    sent = np.where(sent < 0, sent + 365, sent).clip(0, N_DAYS - 120)
    ev[:, 0] = sent
    upheld = sent + rng.integers(60, 400, n)
    has_up = rng.random(n) < 0.85
    ev[:, 1] = np.where(has_up, upheld, NONE)
    risk = upheld + rng.integers(20, 600, n)
    has_risk = has_up & (rng.random(n) < 0.8)
    ev[:, 2] = np.where(has_risk, risk, NONE)
    r = rng.random(n)
    forgiven = has_risk & murder & (r < 0.12)
    commuted = has_risk & ~forgiven & (r > 0.95)
    halted = has_risk & ~forgiven & ~commuted & (r > 0.85)
    executed = has_risk & ~forgiven & ~commuted & ~halted
    later = halted & (rng.random(n) < 0.4)
    ev[:, 3] = np.where(halted, risk + rng.integers(1, 4, n), NONE)
    exe_day = np.where(later, risk + rng.integers(60, 300, n), risk + rng.integers(1, 12, n))
    ev[:, 4] = np.where(executed | later, _snap_execution(exe_day, prison), NONE)
    ev[:, 5] = np.where(commuted, risk + rng.integers(1, 30, n), NONE)
    ev[:, 6] = np.where(forgiven, risk + rng.integers(0, 3, n), NONE)
    ev[ev >= N_DAYS] = NONE
    return ev


@lru_cache(maxsize=64)
def population_chunk(seed: int, k: int, wide_surnames: bool = False) -> dict:
    """Arrays describing people ``k*CHUNK .. (k+1)*CHUNK-1`` of population ``seed``.

    ``wide_surnames`` draws surnames from the head and the composed long tail
    (:mod:`.surnames`) instead of the 63 common surnames only; everything else about the
    people is the same."""
    rng = _rng(seed, k)
    n = CHUNK
    female = rng.random(n) < 0.04
    afghan = rng.random(n) < 0.10
    prison = _pick(rng, P_PRISON, n)
    prison = np.where(female & (rng.random(n) < 0.3), QARCHAK, prison)
    eth = _ethnicity(rng, n, prison, afghan)
    given, surname, father = _names(rng, n, female, afghan, eth, wide_surnames)
    charges = _charges(rng, n)
    murder = np.array(["murder" in c for c in charges])
    events = _events(rng, n, murder, prison)
    age = np.clip(rng.normal(33, 9, n), 17, 72)
    birth = events[:, 0] - (age * 365.25).astype(np.int64) - rng.integers(0, 365, n)
    return dict(female=female, afghan=afghan, prison=prison, ethnicity=eth, given=given,
                surname=surname, father=father, charges=charges, events=events, birth=birth)


def _person(c: dict, i: int, pid: int) -> Person:
    ev = c["events"][i]
    events = sorted(((EVENT_COLUMNS[j], int(d)) for j, d in enumerate(ev) if d != NONE),
                    key=lambda e: (e[1], STATUSES.index(e[0])))
    return Person(
        pid=f"P{pid:07d}", given=int(c["given"][i]), surname=int(c["surname"][i]),
        father=int(c["father"][i]), sex="f" if c["female"][i] else "m",
        birth_day=int(c["birth"][i]), nationality="AF" if c["afghan"][i] else None,
        ethnicity=c["ethnicity"][i] or None, prison=int(c["prison"][i]),
        charges=c["charges"][i], events=tuple(events))


class Population:
    """Lazily generated, deterministic population of synthetic people."""

    def __init__(self, seed: int = 0):
        self.seed = seed

    def person(self, index: int) -> Person:
        k, i = divmod(index, CHUNK)
        return _person(population_chunk(self.seed, k), i, index)

    def people(self, n: int) -> list[Person]:
        return [self.person(i) for i in range(n)]

    def chunk(self, k: int) -> dict:
        return population_chunk(self.seed, k)


def generate_world(n: int, seed: int = 0) -> list[Person]:
    """The first ``n`` people of population ``seed``."""
    return Population(seed).people(n)
