"""The one-history rule of clustering, and reports that name the wrong step."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from vigil.core.link.clustering import cluster, history_ok


def _day(iso: str) -> tuple:
    d = dt.date.fromisoformat(iso)
    n = (d - dt.date(1970, 1, 1)).days
    return (n, n, d.year, d.month, d.day)


def _h(**statuses) -> dict:
    rank = {"sentenced": 0, "upheld": 1, "at_risk": 2, "executed": 4}
    return {s: (rank[s], tuple(_day(x) for x in dates)) for s, dates in statuses.items()}


def test_two_sentencing_dates_are_two_people():
    a = _h(sentenced=["2020-01-01"], upheld=["2021-05-05"])
    assert not history_ok(a, _h(sentenced=["2022-03-03"]))
    assert not history_ok(_h(executed=["2023-01-10"]), _h(executed=["2023-06-01"]))


def test_a_report_naming_the_wrong_step_does_not_block_the_person():
    """One source called the upholding 'sentenced' (same day as the upholding); the
    real sentencing, ten months earlier, still joins the person."""
    a = _h(upheld=["2025-09-11"], sentenced=["2025-09-11"])
    assert history_ok(a, _h(sentenced=["2024-11-17"]))
    assert history_ok(_h(sentenced=["2024-11-17"]), a)
    # ...but only a date that is another step's date is set aside
    b = _h(upheld=["2025-09-11"], sentenced=["2025-09-01"])
    assert not history_ok(b, _h(sentenced=["2024-11-17"]))


def test_clustering_joins_the_sentencing_despite_a_misnamed_report():
    mentions = {"m1": ("upheld", "2025-09-11"), "m2": ("sentenced", "2025-09-11"),
                "m3": ("sentenced", "2024-11-17"), "m4": ("sentenced", "2023-02-02")}
    events = pd.DataFrame([(m, s, 0 if s == "sentenced" else 1, *_day(d))
                           for m, (s, d) in mentions.items()],
                          columns=["mention_id", "status", "rank", "lo", "hi", "y", "m", "d"])
    pairs = pd.DataFrame({"mention_id_l": ["m1", "m1", "m3"], "mention_id_r": ["m2", "m3", "m4"],
                          "match_probability": [0.99, 0.95, 0.9], "match_weight": [7, 4, 3]})
    clusters = cluster(sorted(mentions), pairs, 0.5, events=events)
    assert clusters["m1"] == clusters["m2"] == clusters["m3"] == "P:m1"
    assert clusters["m4"] == "P:m4"   # a second, different sentencing date
