"""Synthetic sources: who reports what, in which language, with which errors.

All source names are fictional. Sources fall into independence groups: the two NGOs
of one group share an informant network, so their coverage is correlated (what one
learns the other usually learns too); groups are independent of each other given an
event's visibility, as capture-recapture estimation assumes. Independent media mostly
re-report what an NGO already published, so they add duplicates, not independent
coverage; the official outlet announces a small, biased share of executions.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Source:
    """A synthetic publisher and its habits."""

    name: str
    kind: str                  # official / ngo / media
    group: str                 # independence group
    languages: dict            # language -> share of its output
    coverage: dict             # status -> probability of reporting (given its group saw it)
    focus: tuple = ()          # ethnicities it follows closely
    focus_boost: float = 1.0
    translit: int = 0          # preferred index into a name's Latin spellings
    translit_loyalty: float = 0.7
    age_error: float = 0.08    # age off by 1-2 years
    date_error: float = 0.05   # date off by one day
    month_only: float = 0.05   # only the month is given
    missing: float = 0.2       # each optional field missing
    father_rate: float = 0.2   # gives the father's name
    typo: float = 0.02         # misspelling of a name
    conflict: float = 0.01     # reports a wrong status (e.g. executed when halted)
    persian_variants: float = 0.15   # Arabic yeh/kaf, ZWNJ as space
    html: float = 0.3          # share of its pages that are HTML
    name_fa: str = ""          # how Persian texts name it


SOURCES = (
    Source("State Judiciary Wire", "official", "official", {"fa": 0.9, "en": 0.1},
           {"executed": 0.12, "sentenced": 0.04, "upheld": 0.03, "forgiven": 0.15,
            "commuted": 0.05, "at_risk": 0.0, "halted": 0.02},
           name_fa="خبرگزاری قضایی", translit=1, age_error=0.01, date_error=0.0, month_only=0.0, missing=0.6,
           father_rate=0.05, typo=0.005, conflict=0.0, html=0.8),
    Source("Sepid Rights Watch", "ngo", "A", {"en": 0.55, "fa": 0.45},
           {"executed": 0.85, "sentenced": 0.35, "upheld": 0.45, "at_risk": 0.6,
            "halted": 0.5, "commuted": 0.3, "forgiven": 0.5},
           name_fa="دیده‌بان حقوق بشر سپید", translit=0, age_error=0.05, date_error=0.03, missing=0.15, father_rate=0.3),
    Source("Kavir Human Rights Network", "ngo", "A", {"fa": 0.6, "en": 0.4},
           {"executed": 0.7, "sentenced": 0.3, "upheld": 0.35, "at_risk": 0.5,
            "halted": 0.4, "commuted": 0.2, "forgiven": 0.4},
           name_fa="شبکه حقوق بشر کویر", translit=1, age_error=0.1, date_error=0.06, month_only=0.1, missing=0.25,
           typo=0.03, conflict=0.02),
    Source("Zagros Rights Collective", "ngo", "B", {"en": 0.5, "fa": 0.5},
           {"executed": 0.45, "sentenced": 0.3, "upheld": 0.3, "at_risk": 0.4,
            "halted": 0.3, "commuted": 0.2, "forgiven": 0.2},
           name_fa="جمعیت حقوق بشر زاگرس", focus=("kurd", "turk", "lor"), focus_boost=2.0, translit=2,
           age_error=0.08, missing=0.2, father_rate=0.4),
    Source("Makran Rights Desk", "ngo", "B", {"en": 0.4, "fa": 0.6},
           {"executed": 0.35, "sentenced": 0.2, "upheld": 0.2, "at_risk": 0.3,
            "halted": 0.2, "commuted": 0.1, "forgiven": 0.2},
           name_fa="میز حقوق بشر مکران", focus=("baluch",), focus_boost=2.5, translit=1, age_error=0.12,
           date_error=0.08, month_only=0.1, missing=0.3, typo=0.04, conflict=0.02),
    Source("Daily Horizon News", "media", "media", {"en": 1.0},
           {"executed": 0.35, "sentenced": 0.15, "upheld": 0.1, "at_risk": 0.25,
            "halted": 0.15, "commuted": 0.1, "forgiven": 0.2},
           name_fa="خبرنامه افق", translit=3, translit_loyalty=0.4, age_error=0.1, date_error=0.1,
           month_only=0.15, missing=0.4, father_rate=0.05, typo=0.05, conflict=0.03, html=0.9),
    Source("Rooz-e No Online", "media", "media", {"fa": 1.0},
           {"executed": 0.3, "sentenced": 0.1, "upheld": 0.1, "at_risk": 0.2,
            "halted": 0.1, "commuted": 0.05, "forgiven": 0.15},
           name_fa="روز نو آنلاین", age_error=0.1, date_error=0.08, month_only=0.1, missing=0.4, father_rate=0.1,
           typo=0.03, conflict=0.03, html=0.9),
)

BY_NAME = {s.name: s for s in SOURCES}
GROUPS = ("official", "A", "B", "media")
# probability that a group's informant network learns of an event, by status
GROUP_SEEN = {"A": 0.55, "B": 0.35}


def sources() -> tuple[Source, ...]:
    """All synthetic sources."""
    return SOURCES


def source(name: str) -> Source:
    """The synthetic source called ``name``."""
    return BY_NAME[name]


def coverage_matrix(status: np.ndarray, ethnicity: np.ndarray, political: np.ndarray,
                    visibility: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Boolean matrix (events × sources): which source reports which event.

    ``status`` holds status names, ``visibility`` a per-event multiplier (about 1).
    """
    n = len(status)
    names, code = np.unique(status, return_inverse=True)
    out = np.zeros((n, len(SOURCES)), dtype=bool)
    seen = {g: rng.random(n) < np.clip(p * visibility * np.where(political, 1.6, 1.0), 0, 0.97)
            for g, p in GROUP_SEEN.items()}
    for j, s in enumerate(SOURCES):
        p = np.array([s.coverage.get(x, 0.0) for x in names])[code]
        if s.focus:
            p = np.where(np.isin(ethnicity, s.focus), np.clip(p * s.focus_boost, 0, 0.97), p * 0.5)
        if s.kind == "official":
            p = np.where(political, np.clip(p * 4, 0, 0.9), p)
            out[:, j] = rng.random(n) < p
        elif s.kind == "ngo":
            out[:, j] = seen[s.group] & (rng.random(n) < p)
        else:
            ngo_saw = out[:, [k for k, t in enumerate(SOURCES) if t.kind == "ngo"]].any(axis=1)
            out[:, j] = rng.random(n) < np.where(ngo_saw, p, p * 0.08)
    return out
