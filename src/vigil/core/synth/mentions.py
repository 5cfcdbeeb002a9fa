"""Structured person mentions for linkage and estimation benchmarks.

``generate_mentions(n, seed)`` walks the synthetic population chunk by chunk; every true
status event is reported by each source with that source's coverage (correlated within
an independence group), and each report becomes one mention with the source's
spelling, omissions and errors. Generation is lazy: memory stays flat whatever ``n``.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np

from . import tables as T
from .sources import SOURCES, Source, coverage_matrix
from .spelling import persian_quirk, pick_spelling, typo
from .world import (CHUNK, EVENT_COLUMNS, GIVEN, NONE, N_DAYS, population_chunk,
                    day_to_date)

CONFLICT = {"halted": "executed", "at_risk": "executed", "executed": "at_risk",
            "upheld": "sentenced", "sentenced": "upheld", "commuted": "halted",
            "forgiven": "halted"}
FIELDS = ("mention_id", "source", "independence_group", "name", "name_script", "given",
          "surname", "father_name", "status", "date", "date_precision", "prison", "city",
          "province", "age", "charges", "nationality", "sex", "ethnicity", "true_person",
          "true_status", "true_date", "noise")


def _chunk_events(c: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Flatten a chunk's event matrix to (person index, status column, day)."""
    rows, cols = np.nonzero(c["events"] != NONE)
    return rows, cols, c["events"][rows, cols]


def _coverage(c: dict, rows, cols, rng) -> np.ndarray:
    status = np.array(EVENT_COLUMNS, dtype=object)[cols]
    political = np.array([bool(set(ch) & T.POLITICAL) for ch in c["charges"]])[rows]
    visibility = rng.lognormal(0.0, 0.4, CHUNK)[rows]
    visibility = visibility * np.where(c["female"][rows], 1.3, 1.0)
    return coverage_matrix(status, c["ethnicity"][rows], political, visibility, rng)


def _date(day: int, src: Source, rnd: random.Random, noise: list) -> tuple[str | None, str | None]:
    r = rnd.random()
    if r < src.missing * 0.3:
        noise.append("date_missing")
        return None, None
    if rnd.random() < src.date_error:
        day = min(N_DAYS - 1, day + rnd.choice((-1, 1)))
        noise.append("date_off")
    d = day_to_date(day)
    if r > 1 - src.month_only:
        noise.append("month_only")
        return d.strftime("%Y-%m"), "month"
    return d.isoformat(), "day"


def _age(c: dict, i: int, day: int, src: Source, rnd: random.Random, noise: list):
    if rnd.random() > 0.6 * (1 - src.missing):
        return None
    age = int((day - c["birth"][i]) // 365.25)
    if rnd.random() < src.age_error:
        noise.append("age_off")
        age += rnd.choice((-2, -1, 1, 2))
    return age


def _name(c: dict, i: int, src: Source, script: str, rnd: random.Random, noise: list):
    g, s, f = GIVEN[c["given"][i]], T.SURNAMES[c["surname"][i]], GIVEN[c["father"][i]]
    if script == "fa":
        given, surname = g[0], s[0]
        if rnd.random() < src.persian_variants:
            given, surname = persian_quirk(given, rnd), persian_quirk(surname, rnd)
            noise.append("script_variant")
        father = f[0]
    else:
        given = pick_spelling(g[1].split("|"), src, rnd)
        surname = pick_spelling(s[1].split("|"), src, rnd)
        if rnd.random() < src.typo:
            surname = typo(surname, rnd)
            noise.append("typo")
        father = pick_spelling(f[1].split("|"), src, rnd)
    return given, surname, (father if rnd.random() < src.father_rate else None)


def _mention(c, i, col, day, j, pid, mid, rnd) -> dict:
    src = SOURCES[j]
    noise: list[str] = []
    script = "fa" if rnd.random() < src.languages.get("fa", 0) else "latin"
    given, surname, father = _name(c, i, src, script, rnd, noise)
    true_status = EVENT_COLUMNS[col]
    status = true_status
    if rnd.random() < src.conflict:
        status = CONFLICT[status]
        noise.append("status_conflict")
    date, precision = _date(day, src, rnd, noise)
    prison = T.PRISONS[c["prison"][i]]
    has_prison = rnd.random() > src.missing
    has_city = has_prison or rnd.random() > 0.5
    charges = [] if rnd.random() < src.missing else list(c["charges"][i])
    female = bool(c["female"][i])
    return {
        "mention_id": f"M{mid:09d}", "source": src.name, "independence_group": src.group,
        "name": f"{given} {surname}", "name_script": script, "given": given,
        "surname": surname, "father_name": father, "status": status, "date": date,
        "date_precision": precision, "prison": prison[0] if has_prison else None,
        "city": prison[2] if has_city else None, "province": prison[3] if has_city else None,
        "age": _age(c, i, day, src, rnd, noise), "charges": charges,
        "nationality": "AF" if c["afghan"][i] and rnd.random() > src.missing else None,
        "sex": ("f" if female else "m") if (female or rnd.random() > src.missing) else None,
        "ethnicity": (c["ethnicity"][i] or None) if rnd.random() > src.missing else None,
        "true_person": f"P{pid:07d}", "true_status": true_status,
        "true_date": day_to_date(day).isoformat(), "noise": noise,
    }


def _chunk_mentions(seed: int, k: int, start: int) -> list[dict]:
    c = population_chunk(seed, k)
    rng = np.random.default_rng([seed, k, 0x4D45])
    rnd = random.Random(seed * 1_000_003 + k)
    rows, cols, days = _chunk_events(c)
    cov = _coverage(c, rows, cols, rng)
    ev, src = np.nonzero(cov)
    order = rng.permutation(len(ev))
    out = []
    cl = {key: (v.tolist() if isinstance(v, np.ndarray) else v) for key, v in c.items()}
    rows_l, cols_l, days_l = rows.tolist(), cols.tolist(), days.tolist()
    ev_l, src_l = ev.tolist(), src.tolist()
    for m, idx in enumerate(order.tolist()):
        e, j = ev_l[idx], src_l[idx]
        i = rows_l[e]
        out.append(_mention(cl, i, cols_l[e], days_l[e], j, k * CHUNK + i, start + m, rnd))
    return out


def generate_mentions(n: int, seed: int = 0) -> Iterator[dict]:
    """Yield ``n`` synthetic person mentions (see module doc and ``FIELDS``)."""
    made, k = 0, 0
    while made < n:
        chunk = _chunk_mentions(seed, k, made)
        population_chunk.cache_clear() if k % 32 == 31 else None
        for m in chunk[: n - made]:
            yield m
        made += min(len(chunk), n - made)
        k += 1
