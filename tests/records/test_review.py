"""Linkage into persons with human decisions that automatic runs never undo."""
from __future__ import annotations

import pytest

from vigil.records import actions
from vigil.records.models import AuditEvent, LinkDecision, Person
from vigil.review import linking
from vigil.review.decisions import decide, undo

pytestmark = pytest.mark.django_db


def _row(source, actor, rid, name, date="2024-05-01"):
    mention, _ = actions.add_list_row(source, rid, {"name": name, "status": "executed", "date": date}, actor=actor)
    return mention


def test_human_split_survives_relinking_and_undo_restores(source, actor):
    a = _row(source, actor, "1", "Reza Karimi")
    b = _row(source, actor, "2", "Reza Karimi")
    linking.link_all(actor)
    assert Person.objects.filter(merged_into=None).count() == 1
    decision = decide(a, b, "cannot_link", actor, reason="different fathers per family")
    linking.link_all(actor)
    assert Person.objects.filter(merged_into=None).count() == 2
    undo(decision, actor, reason="family statement was about another case")
    linking.link_all(actor)
    assert Person.objects.filter(merged_into=None).count() == 1
    assert AuditEvent.objects.filter(action__in=["link.cannot_link", "link.undo"]).count() == 2


def test_human_merge_joins_different_spellings(source, actor):
    a = _row(source, actor, "1", "Khalil Agoush")
    b = _row(source, actor, "2", "Kh. Agoosh")
    linking.link_all(actor)
    assert Person.objects.filter(merged_into=None).count() == 2
    with pytest.raises(ValueError):
        decide(a, b, "must_link", actor, reason="")
    decide(a, b, "must_link", actor, reason="same prisoner per lawyer")
    linking.link_all(actor)
    assert Person.objects.filter(merged_into=None).count() == 1
    assert LinkDecision.objects.get().author is None and LinkDecision.objects.get().reason
