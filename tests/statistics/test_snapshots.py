"""Versioned statistics: a snapshot freezes figures and case ids; a diff says what changed and why."""
from __future__ import annotations

import pytest

from vigil.core.stats import Filter
from vigil.records.actions import add_list_row, apply_clusters, ensure_source, take_snapshot
from vigil.records.models import AuditEvent, Mention
from vigil.statistics.snapshots import diff, find_snapshot


def row(source, actor, rid, name, date="2025-02-01", **kw):
    return add_list_row(source, rid, {"name": name, "date": date, "status": "executed", "sex": "m", **kw},
                        actor=actor)[0]


def clusters(groups):
    """{mention: key} from lists of mentions that are one person."""
    return {m.pk: str(group[0].pk) for group in groups for m in group}


@pytest.fixture
def two_sources(db, actor):
    a = ensure_source("Monitor A", actor, kind="ngo", independence_group="a")
    b = ensure_source("Monitor B", actor, kind="ngo", independence_group="b")
    return a, b


def test_snapshot_freezes_figures_and_is_audited(two_sources, actor):
    a, b = two_sources
    m1, m2 = row(a, actor, "1", "Ali Rezaei"), row(b, actor, "1", "Ali Rezaei")
    m3 = row(a, actor, "2", "Reza Karimi", charges=["drug"])
    apply_clusters(clusters([[m1, m2], [m3]]), actor)
    snap = take_snapshot("January", actor, flt=Filter(period="2025"), note="monthly")
    assert snap.figures["total"]["value"] == 1                     # only the corroborated case
    assert len(snap.case_ids) == 1 and set(snap.cases) == set(snap.case_ids) | {_case_of(m3)}
    assert snap.figures["by_year"]["groups"] == [{"key": "2025", "value": 1}]
    assert AuditEvent.objects.filter(action="statistics.snapshot", object_id=str(snap.pk)).exists()
    assert find_snapshot("January") == snap == find_snapshot(snap.pk)
    with pytest.raises(LookupError):
        find_snapshot("nothing")


def _case_of(mention: Mention) -> str:
    mention.refresh_from_db()
    return mention.person.cases.get().public_id


def test_diff_explains_grade_change_new_report_and_merge(two_sources, actor):
    a, b = two_sources
    flt = Filter(period="2025", grades="documented")
    x1 = row(a, actor, "x", "Hossein Ahmadi")
    y1 = row(a, actor, "y", "Mehdi Sadeghi")
    y2 = row(a, actor, "y2", "Mahdi Sadeghi")              # the same man, not yet linked
    apply_clusters(clusters([[x1], [y1], [y2]]), actor)
    left_case = _case_of(y2)
    before = take_snapshot("before", actor, flt=flt)
    headline_before = take_snapshot("headline before", actor, flt=Filter(period="2025"))
    assert before.figures["total"]["value"] == 3 and headline_before.figures["total"]["value"] == 0

    x2 = row(b, actor, "x", "Hossein Ahmadi")              # corroboration from another group
    z1 = row(b, actor, "z", "Nasser Mohammadi")            # a new report
    apply_clusters(clusters([[x1, x2], [y1, y2], [z1]]), actor)
    after = take_snapshot("after", actor, flt=flt)
    headline_after = take_snapshot("headline after", actor, flt=Filter(period="2025"))

    result = diff(before, after)
    assert result["figures"]["total"] == {"before": 3, "after": 3, "groups": {}}
    assert [c["case"] for c in result["entered"]] == [_case_of(z1)]
    assert result["entered"][0]["reasons"] == [f"new reports: mentions {z1.public_id}"]
    assert [c["case"] for c in result["left"]] == [left_case]
    assert result["left"][0]["reasons"] == [f"merged: its mentions are now under case(s) {_case_of(y1)}"]

    headline = diff(headline_before, headline_after)
    assert headline["figures"]["total"]["before"] == 0 and headline["figures"]["total"]["after"] == 1
    (entered,) = headline["entered"]
    assert entered["case"] == _case_of(x1)
    assert "grade changed: single_source → corroborated" in entered["reasons"]
    assert f"new reports: mentions {x2.public_id}" in entered["reasons"]


def test_diff_of_date_correction(two_sources, actor):
    a, _ = two_sources
    m = row(a, actor, "d", "Karim Bagheri", date="2024-12-30")
    apply_clusters({m.pk: "d"}, actor)
    flt = Filter(period="2025", grades="documented")
    first = take_snapshot("first", actor, flt=flt)
    add_list_row(a, "d", {"name": "Karim Bagheri", "date": "2025-01-02", "status": "executed", "sex": "m"},
                 actor=actor, update=True, reason="corrected date")
    apply_clusters({m.pk: "d"}, actor)
    from vigil.records.actions.persons import rebuild_person

    m.refresh_from_db()
    rebuild_person(m.person)
    second = take_snapshot("second", actor, flt=flt)
    (entered,) = diff(first, second)["entered"]
    assert entered["reasons"] == ["date changed: 2024-12-30 → 2025-01-02"]
    assert diff(first, second)["figures"]["by_month"]["groups"] == {"2025-01": [0, 1]}


def test_snapshots_are_read_only_in_the_admin(db, rf):
    from django.contrib.admin.sites import site

    from vigil.statistics.models import Snapshot

    model_admin = site._registry[Snapshot]
    request = rf.get("/")
    assert not model_admin.has_add_permission(request) and not model_admin.has_change_permission(request)
