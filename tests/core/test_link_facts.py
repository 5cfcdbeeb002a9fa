"""Facts one person has one of: no chain of links gives a person two of them."""

from __future__ import annotations

import pandas as pd

from vigil.core.link import MUST_LINK, as_decisions, prepare
from vigil.core.link.clustering import cluster
from vigil.core.link.facts import charge_families


def _mentions(*extra: dict) -> list[dict]:
    base = {"name": "Reza Ahmadi", "status": "executed", "date": "2020-05-01",
            "prison": "Ghezel Hesar Prison"}
    return [dict(base, mention_id=m["mention_id"], source=m["mention_id"], **{
        k: v for k, v in m.items() if k != "mention_id"}) for m in extra]


def _chain(mentions: list[dict], links=(("a", "b"), ("b", "c")), decisions=()) -> list[set]:
    """Persons from links >= threshold, strongest first, with the facts of ``mentions``."""
    frame = prepare(mentions)
    pairs = pd.DataFrame([(left, right, 0.99 - i / 100) for i, (left, right) in enumerate(links)],
                         columns=["mention_id_l", "mention_id_r", "match_probability"])
    labels = cluster(frame["mention_id"].tolist(), pairs, 0.5, decisions, frame=frame)
    persons: dict[str, set] = {}
    for mention, person in labels.items():
        persons.setdefault(person, set()).add(mention)
    return sorted(persons.values(), key=min)


def test_a_chain_of_links_never_gives_one_person_two_fathers():
    mentions = _mentions({"mention_id": "a", "father": "Hassan"}, {"mention_id": "b"},
                         {"mention_id": "c", "father": "Karim"})
    assert _chain(mentions) == [{"a", "b"}, {"c"}]
    same = _mentions({"mention_id": "a", "father": "Hasan"}, {"mention_id": "b"},
                     {"mention_id": "c", "father": "حسن"})
    assert _chain(same) == [{"a", "b", "c"}]


def test_a_chain_keeps_one_birth_year_but_two_reports_may_disagree_on_age():
    ages = _mentions({"mention_id": "a", "age": 30}, {"mention_id": "b", "age": 41},
                     {"mention_id": "c", "age": 31})
    # a and b alone: their own pair score weighed the ages (lists disagree by years)
    assert _chain(ages[:2], links=[("a", "b")]) == [{"a", "b"}]
    assert _chain(ages) == [{"a", "b"}, {"c"}]
    close = _mentions({"mention_id": "a", "age": 30}, {"mention_id": "b"},
                      {"mention_id": "c", "age": 33})
    assert _chain(close) == [{"a", "b", "c"}]


def test_charges_are_compared_by_family():
    drug = _mentions({"mention_id": "a", "charges": ["drug"]}, {"mention_id": "b"},
                     {"mention_id": "c", "charges": ["murder"]})
    assert _chain(drug) == [{"a", "b"}, {"c"}]
    # protesters accused of killing a guard: "murder" in one report, moharebeh in another
    protest = _mentions({"mention_id": "a", "charges": ["murder"]}, {"mention_id": "b"},
                        {"mention_id": "c", "charges": ["moharebeh"]})
    assert _chain(protest) == [{"a", "b", "c"}]
    armed = _mentions({"mention_id": "a", "charges": ["drug"]}, {"mention_id": "b"},
                      {"mention_id": "c", "charges": ["drug", "moharebeh"]})
    assert _chain(armed) == [{"a", "b", "c"}]
    families = charge_families(pd.Series([["drug"], ["rape", "adultery"], ["murder"],
                                          ["efsad"], ["moharebeh", "other"], None, []]))
    assert families[1] == families[2] != families[0] != 0
    assert list(families[3:]) == [0, 0, 0, 0]


def test_a_human_must_link_joins_whatever_the_facts_say():
    mentions = _mentions({"mention_id": "a", "father": "Hassan", "age": 20},
                         {"mention_id": "b"}, {"mention_id": "c", "father": "Karim"})
    fixed = as_decisions([("a", "c", MUST_LINK)])
    assert _chain(mentions, decisions=fixed) == [{"a", "b", "c"}]


def test_components_joined_at_once_and_union_by_union_agree():
    """A component free of conflicts is joined at once; one with a conflict union by union
    (strongest link first): the same facts decide both ways."""
    free = _mentions(*({"mention_id": m, "father": "Hassan"} for m in "abcd"))
    links = [("a", "b"), ("b", "c"), ("c", "d")]
    assert _chain(free, links) == [{"a", "b", "c", "d"}]
    mixed = free[:3] + _mentions({"mention_id": "d", "father": "Karim"})
    assert _chain(mixed, links) == [{"a", "b", "c"}, {"d"}]
