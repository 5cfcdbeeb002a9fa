"""The case list's facet counts and totals from the precomputed columns of published records
(:mod:`vigil.statistics.columns`): any combination of facets in milliseconds, the same
numbers as the SQL in :func:`vigil.publish.queries.facets_sql` (a test holds them equal).

A name search (``q``) still asks the database which persons match (a LIKE over names);
everything else is a mask over the columns.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np

from vigil.core.stats.columnar import NO_DATE, EventColumns
from vigil.statistics.columns import Published


def event_mask(events: EventColumns, cq) -> np.ndarray:
    """Events meeting the event facets (``vigil.publish.queries._event_q``)."""
    mask = np.ones(events.n, dtype=bool)
    if cq.status:
        mask &= events.where("status", lambda v, s=cq.status.lower(): v.lower().startswith(s))
    if cq.year:
        mask &= _in_year(events, int(cq.year))
    if cq.charge:
        mask &= events.with_charge(cq.charge)
    for name in ("province", "prison", "grade"):
        if getattr(cq, name):
            mask &= events.where(name, lambda v, w=getattr(cq, name): v == w)
    return mask


def _in_year(events: EventColumns, year: int) -> np.ndarray:
    if not 1 <= year <= 9999:
        return np.zeros(events.n, dtype=bool)
    first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    return (events.start != NO_DATE) & (events.start >= first) & (events.start <= last)


def person_mask(pub: Published, cq, search_ids) -> np.ndarray:
    """Published persons meeting the search (``search_ids()``: ids from the database) and sex."""
    if cq.q:
        return np.isin(pub.person_ids, np.fromiter(search_ids(), dtype=np.int64))
    mask = np.ones(len(pub.person_ids), dtype=bool)
    if cq.sex:
        mask &= pub.person_sex == ("" if cq.sex == "unknown" else cq.sex)
    return mask


def selection(pub: Published, cq, search_ids) -> tuple[np.ndarray, np.ndarray]:
    """(matching persons, the events the facets count) as masks."""
    people = person_mask(pub, cq, search_ids)
    events = event_mask(pub.events, cq)
    if not people.all():
        events &= np.isin(pub.events.person, pub.person_ids[people])
    if cq.event_filters:
        people &= np.isin(pub.person_ids, pub.events.person[events])
    return people, events


def count(pub: Published, cq, search_ids) -> int:
    """How many published persons match (the list's total)."""
    return int(selection(pub, cq, search_ids)[0].sum())


def facets(pub: Published, cq, search_ids) -> dict[str, list[tuple[str, int]]]:
    """Per facet, ``[(value, persons)]`` over the current selection, most frequent first."""
    people, mask = selection(pub, cq, search_ids)
    events = pub.events
    out = {}
    for name in ("status", "province", "prison", "grade"):
        counts = ((v, n) for v, n in events.counts(name, mask).items() if v != "")
        out[name] = sorted(counts, key=lambda r: (-r[1], r[0]))[:30]
    out["year"] = sorted(events.prefix_counts(mask & events.where("date", lambda d: d != ""), 4).items(),
                         reverse=True)
    charges: Counter = Counter()
    for codes, n in events.counts("charges", mask).items():
        for code in codes:
            charges[code] += n
    out["charge"] = sorted(charges.items(), key=lambda r: (-r[1], r[0]))
    sexes = Counter(pub.person_sex[people].tolist())
    out["sex"] = sorted(((s or "unknown", n) for s, n in sexes.items()), key=lambda r: (-r[1], r[0]))
    return out
