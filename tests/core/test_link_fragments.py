"""The second linkage pass: fragments of one person joined as wholes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from vigil.core.link import CANNOT_LINK, link, prepare
from vigil.core.link import fragments

# One person's sentencing (2017, Persian, age known) and execution (2019, Latin, a
# different source, father given): no pair of mentions shares a date, so the pairwise
# pass alone leaves two fragments.
SENTENCED = [
    {"mention_id": "s1", "source": "A", "name": "یعقوب حسن‌زاده", "status": "sentenced",
     "date": "2017-03-02", "prison": "Tabriz Central Prison", "province": "East Azerbaijan",
     "age": 31, "charges": ["rape"]},
    {"mention_id": "s2", "source": "B", "name": "Yaghoub Hassanzadeh", "status": "sentenced",
     "date": "2017-03-02", "prison": "Tabriz Central Prison", "age": 31, "charges": ["rape"]},
]
EXECUTED = [
    {"mention_id": "e1", "source": "C", "name": "Yaqub Hasanzadeh", "status": "executed",
     "date": "2019-05-21", "prison": "Tabriz Central Prison", "age": 33, "charges": ["rape"]},
    {"mention_id": "e2", "source": "D", "name": "یعقوب حسن‌زاده", "status": "executed",
     "date": "2019-05-21", "province": "East Azerbaijan", "charges": ["rape"]},
]
# a namesake executed the same year in another prison, twenty years older
NAMESAKE = [
    {"mention_id": "n1", "source": "C", "name": "Yaghoub Hassanzadeh", "status": "executed",
     "date": "2019-08-14", "prison": "Shiraz Adelabad Prison", "age": 52, "charges": ["drug"]},
]


# the prior of a large collection (in a tiny one the estimated prior links everything)
PRIOR = 1e-3


def _persons(result) -> list[set[str]]:
    return sorted((set(m) for m in result.persons().values()), key=min)


def test_pairwise_pass_alone_leaves_a_history_in_fragments():
    result = link(SENTENCED + EXECUTED, fragments=False, prior=PRIOR)
    assert {"s1", "s2"} in _persons(result) and {"e1", "e2"} in _persons(result)


def test_fragments_of_one_person_are_joined_and_a_namesake_is_not():
    result = link(SENTENCED + EXECUTED + NAMESAKE, prior=PRIOR)
    assert _persons(result) == [{"e1", "e2", "s1", "s2"}, {"n1"}]


def test_a_human_cannot_link_keeps_fragments_apart():
    result = link(SENTENCED + EXECUTED, fixed=[("s1", "e1", CANNOT_LINK)], prior=PRIOR)
    assert _persons(result) == [{"e1", "e2"}, {"s1", "s2"}]


def test_fragments_never_give_one_person_two_execution_dates():
    other = dict(EXECUTED[0], mention_id="e3", source="E", date="2018-01-10")
    result = link(SENTENCED + EXECUTED + [other], prior=PRIOR)
    person = next(p for p in _persons(result) if "e1" in p)
    assert "e3" not in person


def test_scores_weigh_conflicting_facts_against_the_name():
    frame = prepare(SENTENCED + EXECUTED + NAMESAKE)
    roots = pd.Series(["S", "S", "E", "E", "N"], index=frame.index)
    prof, keys = fragments.profiles(frame, roots)
    pairs = fragments.candidate_pairs(keys, prof).set_index(["root_l", "root_r"])
    scored = pd.Series(fragments.scores(pairs.reset_index(), prof), index=pairs.index)
    assert scored[("E", "S")] >= fragments.MIN_SCORE      # same prison, birth year, charge
    assert scored[("E", "N")] < 0 and scored[("N", "S")] < 0   # other prison, age, charge
    assert prof.loc["S", "charges"] == prof.loc["E", "charges"] != 0


def test_a_shared_event_speaks_for_one_person_and_years_apart_against():
    frame = prepare(SENTENCED + EXECUTED + NAMESAKE)
    roots = pd.Series(["S", "S", "E", "E", "N"], index=frame.index)
    events = fragments.status_events(frame, roots)
    pairs = pd.DataFrame({"root_l": ["E", "E", "N"], "root_r": ["S", "N", "S"]})
    assert list(fragments.timeline(pairs, events)) == [0.0, 0.0, 0.0]   # within 3 years
    later = frame.assign(date_lo=frame["date_lo"] + [0, 0, 2000, 2000, 0],
                         date_hi=frame["date_hi"] + [0, 0, 2000, 2000, 0])
    assert fragments.timeline(pairs, fragments.status_events(later, roots))[0] == \
        fragments.WEIGHTS["years_apart"] < 0
    shared = frame.assign(status=["sentenced"] * 5, status_rank=[0] * 5,
                          date_lo=frame["date_lo"].iloc[0], date_hi=frame["date_hi"].iloc[0])
    assert fragments.timeline(pairs, fragments.status_events(shared, roots))[0] == \
        fragments.WEIGHTS["same_event"] > 0


def test_a_later_step_within_a_year_speaks_for_one_person():
    frame = prepare(SENTENCED + EXECUTED + NAMESAKE)
    roots = pd.Series(["S", "S", "E", "E", "N"], index=frame.index)
    pairs = pd.DataFrame({"root_l": ["E"], "root_r": ["S"]})
    # the execution 200 days after the sentencing rather than two years
    soon = frame.assign(date_lo=frame["date_lo"] - [0, 0, 610, 610, 0],
                        date_hi=frame["date_hi"] - [0, 0, 610, 610, 0])
    assert fragments.timeline(pairs, fragments.status_events(soon, roots))[0] == \
        fragments.WEIGHTS["ordered"] > 0
    # dated before the sentencing: not a later step
    before = frame.assign(date_lo=frame["date_lo"] - [0, 0, 1000, 1000, 0],
                          date_hi=frame["date_hi"] - [0, 0, 1000, 1000, 0])
    assert fragments.timeline(pairs, fragments.status_events(before, roots))[0] == 0.0


def test_a_shared_rare_charge_weighs_more_than_a_shared_common_one():
    people = [("Reza Karimi", ["rape"]), ("رضا کریمی", ["rape"]), ("Ali Karimi", ["drug"]),
              ("علی کریمی", ["drug"])] + [(f"Other{i} Karimi", ["drug"]) for i in range(8)]
    frame = prepare([{"mention_id": str(i), "name": n, "charges": c}
                     for i, (n, c) in enumerate(people)])
    roots = pd.Series(["R1", "R2", "D1", "D2"] + [f"O{i}" for i in range(8)], index=frame.index)
    prof, _ = fragments.profiles(frame, roots)
    pairs = pd.DataFrame({"root_l": ["R1", "D1", "D1"], "root_r": ["R2", "D2", "R1"], "k": 2})
    rare, common, none = fragments.scores(pairs, prof)
    w = fragments.WEIGHTS
    # rape: 2 of 12 clusters; drug: 10 of 12, too common to say more than the floor
    assert rare == pytest.approx(math.log2(fragments.CHARGE_AGREE / (2 / 12)))
    assert rare > common == w["charge_common_min"] > 0 > none == w["charge_none"]
