"""Structured person mentions for linkage and estimation benchmarks.

``generate_mentions(n, seed)`` walks the synthetic population chunk by chunk; every true
status event is reported by each source with that source's coverage (correlated within
an independence group), and each report becomes one mention with the source's
spelling, omissions and errors. About 3 % of a source's reports appear twice (a later
update or roundup), each time with freshly drawn spelling and errors. Generation is lazy: memory stays flat whatever ``n``.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np

from . import tables as T
from .sources import GROUPS, SOURCES, Source, coverage_matrix
from .spelling import persian_quirk, typo
from ..collector import gc_paused
from .world import (CHUNK, EVENT_COLUMNS, GIVEN, N_DAYS, NONE, SURNAMES, day_to_date,
                    population_chunk)

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


def _coverage(c: dict, rows, cols, days, rng) -> np.ndarray:
    """Which source reports which event: per-person visibility (women and political cases
    draw more attention) and monitoring that grows from 2015 (x0.7) to 2025 (x1.1)."""
    status = np.array(EVENT_COLUMNS, dtype=object)[cols]
    political = np.array([bool(set(ch) & T.POLITICAL) for ch in c["charges"]])[rows]
    visibility = rng.lognormal(0.0, 0.4, CHUNK)[rows]
    visibility = visibility * np.where(c["female"][rows], 1.3, 1.0) * (0.7 + 0.4 * days / N_DAYS)
    return coverage_matrix(status, c["ethnicity"][rows], political, visibility, rng)


DAY_ISO = [day_to_date(d).isoformat() for d in range(N_DAYS)]
GIVEN_SPELLINGS = [g[1].split("|") for g in GIVEN]
SURNAME_SPELLINGS = [s[1].split("|") for s in SURNAMES]
N_UNIFORMS = 16   # random numbers drawn per mention (one numpy draw per chunk)
REPEAT_RATE = 0.03   # share of a source's reports it publishes twice (update, roundup)


def _spelling(options: list[str], src: Source, u1: float, u2: float) -> str:
    if u1 < src.translit_loyalty:
        return options[src.translit % len(options)]
    return options[int(u2 * len(options))]


def _names(c: dict, i: int, src: Source, script: str, u: list, rnd, noise: list):
    """(given, surname, father or None) as the source writes them."""
    g, s, f = c["given"][i], c["surname"][i], c["father"][i]
    if script == "fa":
        given, surname, father = GIVEN[g][0], SURNAMES[s][0], GIVEN[f][0]
        if u[3] < src.persian_variants:
            given, surname = persian_quirk(given, rnd), persian_quirk(surname, rnd)
            noise.append("script_variant")
    else:
        given = _spelling(GIVEN_SPELLINGS[g], src, u[4], u[5])
        surname = _spelling(SURNAME_SPELLINGS[s], src, u[6], u[7])
        father = _spelling(GIVEN_SPELLINGS[f], src, u[4], u[8])
        if u[3] < src.typo:
            surname = typo(surname, rnd)
            noise.append("typo")
    return given, surname, (father if u[9] < src.father_rate else None)


def _date(day: int, src: Source, u: list, noise: list) -> tuple[str | None, str | None]:
    r = u[10]
    if r < src.missing * 0.3:
        noise.append("date_missing")
        return None, None
    if u[11] < src.date_error:
        day = min(N_DAYS - 1, max(0, day + (1 if u[11] < src.date_error / 2 else -1)))
        noise.append("date_off")
    if r > 1 - src.month_only * 0.25:
        noise.append("year_only")
        return DAY_ISO[day][:4], "year"
    if r > 1 - src.month_only:
        noise.append("month_only")
        return DAY_ISO[day][:7], "month"
    return DAY_ISO[day], "day"


def _age(c: dict, i: int, day: int, src: Source, u: list, noise: list) -> int | None:
    if u[12] > 0.6 * (1 - src.missing):
        return None
    age = int((day - c["birth"][i]) // 365.25)
    if u[13] < src.age_error:
        noise.append("age_off")
        age += (-2, -1, 1, 2)[int(u[13] / src.age_error * 4) % 4]
    return age


def _mention(c: dict, i: int, col: int, day: int, j: int, pid: int, mid: int, u: list, rnd) -> dict:
    """One source's record of one true event; ``u`` holds its uniform random numbers."""
    src = SOURCES[j]
    noise: list[str] = []
    script = "fa" if u[0] < src.languages.get("fa", 0) else "latin"
    given, surname, father = _names(c, i, src, script, u, rnd, noise)
    status = true_status = EVENT_COLUMNS[col]
    if u[1] < src.conflict:
        status = CONFLICT[status]
        noise.append("status_conflict")
    date, precision = _date(day, src, u, noise)
    prison = T.PRISONS[c["prison"][i]]
    has_prison = u[2] > src.missing
    has_city = has_prison or u[14] > 0.5
    female = c["female"][i]
    shown = u[15] > src.missing    # sex, nationality, ethnicity, charges given
    return {
        "mention_id": f"M{mid:09d}", "source": src.name, "independence_group": src.group,
        "name": f"{given} {surname}", "name_script": script, "given": given,
        "surname": surname, "father_name": father, "status": status, "date": date,
        "date_precision": precision, "prison": prison[0] if has_prison else None,
        "city": prison[2] if has_city else None, "province": prison[3] if has_city else None,
        "age": _age(c, i, day, src, u, noise),
        "charges": list(c["charges"][i]) if shown or u[14] < 0.5 else [],
        "nationality": "AF" if c["afghan"][i] and shown else None,
        "sex": ("f" if female else "m") if (female or shown) else None,
        "ethnicity": (c["ethnicity"][i] or None) if shown or u[5] > 0.5 else None,
        "true_person": f"P{pid:07d}", "true_status": true_status,
        "true_date": DAY_ISO[day], "noise": noise,
    }


def _chunk_mentions(seed: int, k: int, start: int, wide: bool) -> list[dict]:
    c = population_chunk(seed, k, wide)
    rng = np.random.default_rng([seed, k, 0x4D45])
    rnd = random.Random(seed * 1_000_003 + k)
    rows, cols, days = _chunk_events(c)
    cov = _coverage(c, rows, cols, days, rng)
    ev, src = np.nonzero(cov)
    again = rng.random(len(ev)) < REPEAT_RATE          # a source repeating itself
    ev, src = np.concatenate([ev, ev[again]]), np.concatenate([src, src[again]])
    order = rng.permutation(len(ev))
    uniforms = rng.random((len(ev), N_UNIFORMS)).tolist()
    out = []
    cl = {key: (v.tolist() if isinstance(v, np.ndarray) else v) for key, v in c.items()}
    rows_l, cols_l, days_l = rows.tolist(), cols.tolist(), days.tolist()
    ev_l, src_l = ev.tolist(), src.tolist()
    for m, idx in enumerate(order.tolist()):
        e, j = ev_l[idx], src_l[idx]
        i = rows_l[e]
        out.append(_mention(cl, i, cols_l[e], days_l[e], j, k * CHUNK + i, start + m,
                            uniforms[m], rnd))
    return out


def generate_mentions(n: int, seed: int = 0, wide_surnames: bool = True) -> Iterator[dict]:
    """Yield ``n`` synthetic person mentions (see module doc and ``FIELDS``).

    ``wide_surnames=False`` draws surnames from the 63 common ones only (the generator
    before the long tail: far more people share a full name than in real reports)."""
    made, k = 0, 0
    while made < n:
        with gc_paused():   # the dicts hold no cycles
            chunk = _chunk_mentions(seed, k, made, wide_surnames)
        population_chunk.cache_clear() if k % 32 == 31 else None
        for m in chunk[: n - made]:
            yield m
        made += min(len(chunk), n - made)
        k += 1


def capture_histories(n_people: int, seed: int = 0, status: str = "executed",
                      by: str = "independence_group") -> dict:
    """Capture histories of the true ``status`` events of the first ``n_people`` people.

    Uses the same coverage draws as ``generate_mentions(…, seed)``, so the counts agree
    with the mentions it yields for those people. ``by`` is "independence_group" or
    "source". Returns ``{"lists": [...], "true_total": N, "observed": k,
    "histories": {"A,B": count, ...}}`` (the key lists the lists that saw the event;
    events no list saw are in ``true_total`` only), a known answer for estimation.
    """
    names = list(GROUPS if by == "independence_group" else [s.name for s in SOURCES])
    column = [names.index(s.group if by == "independence_group" else s.name) for s in SOURCES]
    histories: dict[str, int] = {}
    total = 0
    for k in range(-(-n_people // CHUNK)):
        c = population_chunk(seed, k)
        rng = np.random.default_rng([seed, k, 0x4D45])
        rows, cols, days = _chunk_events(c)
        cov = _coverage(c, rows, cols, days, rng)
        keep = (cols == EVENT_COLUMNS.index(status)) & (rows + k * CHUNK < n_people)
        seen = np.zeros((int(keep.sum()), len(names)), dtype=bool)
        for j, col in enumerate(column):
            seen[:, col] |= cov[keep, j]
        total += len(seen)
        for row in seen[seen.any(axis=1)]:
            key = ",".join(n for n, hit in zip(names, row) if hit)
            histories[key] = histories.get(key, 0) + 1
    return {"lists": names, "true_total": total, "observed": sum(histories.values()),
            "histories": dict(sorted(histories.items()))}
