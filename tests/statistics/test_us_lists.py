"""Real data: the DPIC US execution list gives checkable yearly counts.

The 1999 rows go the whole real way: the import action (``add_list_row``) and the linkage
action (``apply_clusters``, singleton clusters). The other ~1,400 rows take a direct bulk
path that writes the same Mention fields and one person, case and event per row (what
singleton clusters give), because the actions write row by row with audit and history
(~30 ms a row here: ~45 s for the file, against a test budget well under a minute).
"""
from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from vigil.cli.main import main
from vigil.core.stats import Filter
from vigil.core.stats.claims import check_claim, check_document
from vigil.records.actions.persons import date_bounds
from vigil.records.models import Case, Mention, Person, StatusEvent
from vigil.statistics.queries import DatabaseCounter, figure


def dpic_years(path) -> Counter:
    """Executions per year counted straight from the file (independent of Vigil's reader)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return Counter(row["Date"][-4:] for row in csv.DictReader(handle) if row["Date"].strip())


def import_dpic(path, actor):
    from vigil.core.tabular import builtin_mapping, read_rows
    from vigil.records.actions import add_list_row, apply_clusters, ensure_source

    source = ensure_source("Death Penalty Information Center", actor, kind="list")
    rows = [r for r in read_rows(path, builtin_mapping("dpic")) if not r.errors]
    real = [add_list_row(source, r.record_id, r.fields, actor=actor)[0]
            for r in rows if r.fields["date"].startswith("1999")]
    apply_clusters({m.pk: str(m.pk) for m in real}, actor)
    # derive does not carry a list's country onto the event yet (events default to IR):
    StatusEvent.objects.filter(mentions__in=real).update(country="US")
    bulk = Mention.objects.bulk_create([
        Mention(kind="case", source=source, record_id=r.record_id, data=r.fields, extractor="list-import",
                state="confirmed", confidence=1.0) for r in rows if not r.fields["date"].startswith("1999")])
    _bulk_persons(bulk)
    return rows


def _bulk_persons(mentions) -> None:
    persons = Person.objects.bulk_create([Person(sex=m.data.get("sex") or "", name_latin=m.data["name"],
                                                 juvenile={"yes": True, "no": False}.get(m.data.get("juvenile")))
                                          for m in mentions])
    cases = Case.objects.bulk_create([Case(person=p) for p in persons])
    events = []
    for mention, case in zip(mentions, cases):
        start, end = date_bounds(mention.data["date"])
        events.append(StatusEvent(case=case, status="executed", date=mention.data["date"], date_precision="day",
                                  date_start=start, date_end=end, country="US", grade="single_source",
                                  province=mention.data.get("province") or "", city=mention.data.get("city") or "",
                                  age=mention.data.get("age")))
    created = StatusEvent.objects.bulk_create(events)
    StatusEvent.mentions.through.objects.bulk_create(
        [StatusEvent.mentions.through(statusevent_id=e.pk, mention_id=m.pk) for e, m in zip(created, mentions)])
    for mention, person in zip(mentions, persons):
        mention.person = person
    Mention.objects.bulk_update(mentions, ["person"])


@pytest.mark.django_db
def test_us_yearly_counts_and_claims(shared_dir, actor, capsys):
    path = shared_dir / "data" / "us" / "dpic_execution_database.csv"
    truth = dpic_years(path)
    rows = import_dpic(path, actor)
    assert truth["1999"] == 98 and len(rows) == sum(truth.values())

    documented = Filter(country="US", grades="documented")
    years = figure(documented, "year", cases=False)
    assert {g["key"]: g["value"] for g in years.groups} == dict(truth)
    assert figure(Filter(country="US")).value == 0          # one list: nothing is corroborated

    # The sentence of the issue, through the CLI.
    assert main(["check", "In 1999, 98 people were executed in the United States", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["verdict"] == "supported" and verdict["computed"] == truth["1999"]
    assert len(verdict["case_ids"]) == 98 and verdict["headline"] == 0

    wrong = check_claim("In 1999, 120 people were executed in the United States", DatabaseCounter())
    assert wrong.verdict == "contradicted" and wrong.computed == 98
    assert check_claim(f"At least {truth['2000'] - 5} people were executed in the US in 2000",
                       DatabaseCounter()).verdict == "supported"
    assert check_claim(f"More than {truth['2000']} executions took place in the US in 2000",
                       DatabaseCounter()).verdict == "contradicted"

    # Texas in 1999 (state = province for US lists), and a day range.
    texas = sum(1 for r in rows if r.fields["date"].startswith("1999") and r.fields["province"] == "TX")
    assert figure(Filter(period="1999", country="US", province="TX", grades="documented")).value == texas
    q1 = sum(1 for r in rows if "1999-01-01" <= r.fields["date"] <= "1999-03-31")
    assert figure(Filter(period="1999-01-01..1999-03-31", country="US", grades="documented")).value == q1

    report = check_document(f"In 1999, 98 people were executed in the United States. In 1999, over 150 "
                            f"executions took place in the US. In 2000, {truth['2000']} people were executed "
                            f"in the US.", DatabaseCounter())
    assert [c["verdict"] for c in report["claims"]] == ["supported", "contradicted", "supported"]
    assert len(report["conflicts"]) == 1 and "150" in report["conflicts"][0]
