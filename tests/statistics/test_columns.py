"""The precomputed columns give exactly the SQL's figures and facet counts.

A random database with the awkward cases (several events of one status in a case, month-
and year-precise dates, undated events, charge lists in different orders, mixed-case place
names, unknown sexes, unpublished persons, persons without events), then every dashboard
filter and case-list query below counted both ways.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from vigil.publish import facets as column_facets
from vigil.publish import queries as site
from vigil.statistics import columns
from vigil.statistics import queries as sql

PROVINCES = ["Tehran", "tehran", "Fars", "Sistan and Baluchestan", "Kurdistan", ""]
PRISONS = ["Evin Prison", "Ghezel Hesar Prison", "Adelabad Prison", ""]
CHARGES = [["drug"], ["murder"], ["drug", "moharebeh"], ["moharebeh", "drug"], [], ["rape"]]


def _date(rng: random.Random) -> str:
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    return rng.choice([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4], "", day.isoformat()])


def _events(rng: random.Random, case) -> list:
    from vigil.records.actions.persons import date_bounds
    from vigil.records.models import StatusEvent

    out = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        value = _date(rng)
        start, end = date_bounds(value)
        out.append(StatusEvent(
            case=case, status=rng.choice(["executed", "executed", "sentenced", "at_risk"]), date=value,
            date_start=start, date_end=end, province=rng.choice(PROVINCES), prison=rng.choice(PRISONS),
            city=rng.choice(["Karaj", ""]), charges=rng.choice(CHARGES), age=rng.choice([None, 19, 30]),
            grade=rng.choice(["official", "corroborated", "single_source", "disputed", "unassessed"]),
            public_execution=rng.random() < 0.1, officially_announced=rng.random() < 0.3))
    return out


@pytest.fixture
def random_db(db):
    from vigil.records.models import Case, Person, StatusEvent

    rng = random.Random(5)
    people = Person.objects.bulk_create([Person(
        name_latin=f"Karimi {i}" if i % 3 else f"Ahmadi {i}", name_fa="کریمی" if i % 3 else "احمدی",
        sex=rng.choice(["m", "m", "f", ""]), ethnicity=rng.choice(["", "baluch", "kurd"]),
        nationality=rng.choice(["", "", "AF"]), juvenile=rng.choice([None, True, False]),
        published=rng.random() < 0.85) for i in range(600)])
    cases = Case.objects.bulk_create([Case(person=p) for p in people])
    StatusEvent.objects.bulk_create([e for case in cases for e in _events(rng, case)])
    columns.forget()
    return columns.load()


DASHBOARD_FILTERS = [{}, {"period": "2021"}, {"period": "2022-03"}, {"period": "1400"},
                     {"period": "2020-01..2021-06", "grades": "all"}, {"charge": "drug", "grades": "documented"},
                     {"province": "tehran", "period": "2023"}, {"charge": "moharebeh", "province": "Fars"},
                     {"grades": "disputed,unassessed"}]


@pytest.mark.parametrize("params", DASHBOARD_FILTERS)
def test_dashboard_from_columns_equals_sql(random_db, params):
    flt = site.dashboard_filter(params)

    def plain(out):
        return {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in out.items()}
    fast, slow = plain(columns.dashboard(random_db.events, flt)), plain(sql.dashboard(flt))
    assert fast == slow
    assert fast["headline"]["value"] > 0 or params.get("grades") == "disputed,unassessed"


CASE_QUERIES = [{}, {"status": "executed"}, {"status": "executed", "province": "Tehran"}, {"q": "Karimi"},
                {"q": "کریمی", "sex": "f"}, {"sex": "unknown"}, {"charge": "drug", "year": "2021"},
                {"grade": "official", "prison": "Evin Prison"}, {"status": "at_risk", "sex": "m", "year": "2024"},
                {"q": "Ahmadi 3", "status": "sentenced"}, {"year": "99999"}]  # no such year: ignored


@pytest.mark.parametrize("params", CASE_QUERIES)
def test_case_list_facets_from_columns_equal_sql(random_db, params):
    cq = site.CaseQuery.from_params(params)
    search = lambda: site._people(cq).values_list("pk", flat=True)  # noqa: E731 - uncached: no shared cache
    assert column_facets.facets(random_db, cq, search) == site.facets_sql(cq)
    assert column_facets.count(random_db, cq, search) == site.matching_people(cq).count()


def test_columns_follow_the_version(random_db):
    from vigil.records.models import Person

    first = columns.published("v1")
    assert columns.published("v1") is first
    Person.objects.filter(published=True).update(published=False)
    assert len(columns.published("v2").person_ids) == 0 and len(first.person_ids) > 0

