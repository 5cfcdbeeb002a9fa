"""Current status, the watch list, campaign timelines and the digest."""
from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from vigil.core import campaigns as core_campaigns
from vigil.core import watch as core


def test_current_status_rules():
    history = [{"status": "sentenced", "date": "2024"}, {"status": "upheld", "date": "2025-01"},
               {"status": "at_risk", "date": "2025-02-03", "sources": ["B", "A", "A"]}, {"status": "arrested"}]
    now = core.current_status(history)
    assert (now.status, now.at_risk_since, now.sources) == ("at_risk", "2025-01", ("A", "B"))
    assert core.days_at_risk(now.at_risk_since, date(2025, 1, 31)) == 30
    # a halt ends the risk; a later transfer starts a new run
    halted = history + [{"status": "halted", "date": "2025-02-10"}]
    assert not core.current_status(halted).at_risk
    again = core.current_status(halted + [{"status": "at_risk", "date": "2025-04-01"}])
    assert again.at_risk_since == "2025-04-01"
    # an execution is final even when it is undated
    assert core.current_status(again_events := halted + [{"status": "executed"}]).status == "executed"
    assert again_events and core.current_status([]) is None


_EVENTS = st.lists(st.fixed_dictionaries({
    "status": st.sampled_from(["arrested", "sentenced", "upheld", "at_risk", "halted", "commuted", "executed"]),
    "date": st.sampled_from(["", "2024", "2025-01", "2025-01-15", "2025-02", "2025-02-03"])}), min_size=1, max_size=8)


@given(_EVENTS, st.randoms())
def test_current_status_does_not_depend_on_report_order(events, rnd):
    shuffled = list(events)
    rnd.shuffle(shuffled)
    a, b = core.current_status(events), core.current_status(shuffled)
    assert (a.status, a.date, a.at_risk_since) == (b.status, b.date, b.at_risk_since)
    if any(e["status"] == "executed" for e in events):
        assert a.status == "executed" and not a.at_risk


def test_changes_once_per_status_change():
    before = {"a": ("at_risk", "2025-03"), "b": ("upheld", "2025-01"), "gone": ("at_risk", "")}
    after = {"a": ("at_risk", "2025-03-02"), "b": ("executed", "2025-03-12"), "new": ("at_risk", "2025-04")}
    found = core.changes(before, after)
    assert [(c.person, c.previous, c.current) for c in found] == [("b", "upheld", "executed"), ("new", "", "at_risk")]
    assert found[0].key == "upheld@2025-01->executed@2025-03-12"
    assert core.changes(after, after) == []


def test_watch_list_contents(casebook):
    from vigil.watch.status import watch_list

    rows = [e.to_dict() for e in watch_list(today=date(2025, 7, 11))]
    assert [r["name"] for r in rows] == ["Ali Rostami"]  # executed and halted people are not at risk
    ali = rows[0]
    assert (ali["status"], ali["at_risk_since"], ali["days_at_risk"]) == ("at_risk", "2025-06-01", 40)
    assert ali["prison"] == "Ghezel Hesar Prison" and ali["charges"] == ["moharebeh"]
    assert ali["sources"] == ["Rights Monitor"] and ali["documents"][0]["name"] == "Rights Monitor"


def test_tuesdays_timeline_grows_week_by_week(campaigns, casebook):
    from vigil.watch.campaigns import timelines
    from vigil.watch.status import watch_list

    at_risk = [e.to_dict() for e in watch_list()]
    items = {t["name"]: t for t in timelines(at_risk)}
    tuesdays = items["No to Execution Tuesdays"]
    counts = {w["week"]: w["prison_count"] for w in tuesdays["weeks"]}
    assert counts == {1: 1, 25: 11, 53: 34, 105: 56}
    assert [w["growth"] for w in tuesdays["weeks"]] == [None, None, 23, 22]
    assert tuesdays["weeks"][2]["date"] == "2025-01-28"
    assert [p["name"] for p in tuesdays["at_risk"]] == ["Ali Rostami"]  # linked through Ghezel Hesar Prison
    strike = items["Ghezel Hesar hunger strike, October 2025"]
    assert (strike["participants"], strike["days"], strike["weekly"]) == (1500, 7, False)
    assert "six prisoners" in strike["outcome"] and strike["demands"]


def test_weeks_from_dates_and_stated_counts():
    campaign = {"name": "No to Execution Tuesdays", "started": "2024-01-30", "events": [
        {"date": "2024-07-16", "prisons": ["Evin Prison"], "outcome": "در ۱۱ زندان"},
        {"date": "2024-07-16", "prisons": ["Ghezel Hesar Prison"]}]}
    [week] = core_campaigns.weekly_timeline(campaign)
    assert (week.week, week.prison_count, week.prisons) == (25, 11, ["Evin Prison", "Ghezel Hesar Prison"])


def test_digest_by_real_smtp(casebook, actor, smtp_server, django_user_model):
    from vigil.records.actions import add_list_row, subscribe
    from vigil.review.linking import link_all
    from vigil.watch.digest import send_digest
    from vigil.watch.models import Alert
    from vigil.watch.notify import notify_changes

    notify_changes(actor)  # baseline
    user = django_user_model.objects.create_user("monitor", "monitor@example.org", "a-long-password-2")
    subscribe("prison", "Ghezel Hesar Prison", actor, user=user)
    subscribe("province", "Kerman", actor, email="quiet@example.org")
    add_list_row(casebook["ngo"], "row-new", {"name": "Ali Rostami", "status": "executed", "date": "2025-07-20",
                                              "prison": "Ghezel Hesar Prison", "province": "Alborz"}, actor=actor)
    link_all(actor)
    assert notify_changes(actor)["changes"] == 1
    smtp_server.messages.clear()
    counts = send_digest(actor)
    assert counts == {"recipients": 2, "sent": 1, "failed": 0, "skipped": 1}
    [mail] = smtp_server.messages
    assert mail["to"] == ["monitor@example.org"]
    assert "Ali Rostami" in mail["data"] and "at_risk -> executed on 2025-07-20" in mail["data"]
    assert Alert.objects.filter(channel="digest", result="sent").count() == 1


def test_confidential_sources_stay_numbered(casebook):
    from vigil.records.models import Source
    from vigil.watch.status import watch_list

    ngo = casebook["ngo"]
    Source.objects.filter(pk=ngo.pk).update(confidential=True, contact_details="SECRET", private_notes="SECRET")
    [entry] = [e.to_dict() for e in watch_list()]
    assert entry["sources"] == [f"Confidential source {ngo.pk}"]
    assert entry["documents"] == [{"name": f"Confidential source {ngo.pk}", "kind": "ngo"}]
    assert "SECRET" not in repr(entry)
