"""Versioned statistics: freeze a figure set, and explain what changed between two.

Writing a snapshot goes through :func:`vigil.records.actions.take_snapshot` (audited);
this module computes what a snapshot holds and compares two (read-only).
"""
from __future__ import annotations

from collections import defaultdict

from vigil.core.stats import Filter
from vigil.records.models import StatusEvent
from vigil.statistics import queries
from vigil.statistics.models import Snapshot

#: The figures every snapshot freezes (besides the total, which carries its case ids).
SNAPSHOT_GROUPS = ("year", "month", "charge", "sex", "province")


def figure_set(flt: Filter) -> dict[str, dict]:
    """The frozen figures: the total with its case ids, and the standard breakdowns."""
    out = {"total": queries.figure(flt).to_dict()}
    for by in SNAPSHOT_GROUPS:
        out[f"by_{by}"] = queries.figure(flt, by, cases=False).to_dict()
    return out


def case_state(flt: Filter) -> dict[str, dict]:
    """Every case with an event of the filter's status (any grade, any date): person, grade,
    date and mention ids — what a later diff needs to say why a case entered or left."""
    events = StatusEvent.objects.filter(status=flt.status)
    if flt.published_only:
        events = events.filter(case__person__published=True)
    state: dict[str, dict] = {}
    rows = events.values_list("case__public_id", "case__person__public_id", "grade", "date", "mentions__public_id")
    for case, person, grade, date, mention in rows.order_by("case__public_id", "pk"):
        entry = state.setdefault(case, {"person": person, "grade": grade, "date": date, "mentions": []})
        if mention and mention not in entry["mentions"]:
            entry["mentions"].append(mention)
    for entry in state.values():
        entry["mentions"].sort()
    return state


def diff(a: Snapshot, b: Snapshot) -> dict:
    """What changed from snapshot ``a`` to ``b``: figure values, and every case that entered
    or left the total with the reason (new reports, merge, grade or date change, removal)."""
    before, after = set(a.case_ids), set(b.case_ids)
    owner_a = _mention_owner(a.cases)
    owner_b = _mention_owner(b.cases)
    entered = [{"case": c, "reasons": _why_entered(c, a.cases, b.cases, owner_a)} for c in sorted(after - before)]
    left = [{"case": c, "reasons": _why_left(c, a.cases, b.cases, owner_b)} for c in sorted(before - after)]
    return {"a": _label(a), "b": _label(b), "filter_changed": a.filter != b.filter,
            "figures": _figure_changes(a.figures, b.figures), "entered": entered, "left": left}


def _label(snapshot: Snapshot) -> dict:
    return {"id": snapshot.pk, "name": snapshot.name, "taken_at": snapshot.taken_at.isoformat()}


def _mention_owner(cases: dict) -> dict[str, str]:
    owner = {}
    for case, entry in cases.items():
        for mention in entry["mentions"]:
            owner[mention] = case
    return owner


def _changes(old: dict, new: dict) -> list[str]:
    reasons = [f"{k} changed: {old.get(k) or '—'} → {new.get(k) or '—'}"
               for k in ("grade", "date") if old.get(k) != new.get(k)]
    added = sorted(set(new["mentions"]) - set(old["mentions"]))
    if added:
        reasons.append(f"new reports: mentions {', '.join(added)}")
    if old.get("person") != new.get("person"):
        reasons.append(f"person changed: {old.get('person')} → {new.get('person')}")
    return reasons


def _why_entered(case: str, old_cases: dict, new_cases: dict, owner_a: dict) -> list[str]:
    new = new_cases.get(case, {"mentions": []})
    if case in old_cases:
        return _changes(old_cases[case], new) or ["within the filter now (period or other field)"]
    moved = sorted({owner_a[m] for m in new["mentions"] if m in owner_a})
    fresh = sorted(m for m in new["mentions"] if m not in owner_a)
    reasons = [f"merge or relink: mentions previously under case(s) {', '.join(moved)}"] if moved else []
    if fresh:
        reasons.append(f"new reports: mentions {', '.join(fresh)}")
    return reasons or ["new case"]


def _why_left(case: str, old_cases: dict, new_cases: dict, owner_b: dict) -> list[str]:
    old = old_cases.get(case, {"mentions": []})
    if case in new_cases:
        return _changes(old, new_cases[case]) or ["outside the filter now (period or other field)"]
    now = sorted({owner_b[m] for m in old["mentions"] if m in owner_b})
    if now:
        return [f"merged: its mentions are now under case(s) {', '.join(now)}"]
    return ["case removed: its mentions were rejected, unlinked or deleted"]


def _figure_changes(a: dict, b: dict) -> dict[str, dict]:
    """Per figure: value before/after and groups whose count changed."""
    out = {}
    for name in sorted(set(a) | set(b)):
        fa, fb = a.get(name) or {}, b.get(name) or {}
        ga = {str(g["key"]): g["value"] for g in fa.get("groups", [])}
        gb = {str(g["key"]): g["value"] for g in fb.get("groups", [])}
        changed = {k: [ga.get(k, 0), gb.get(k, 0)] for k in sorted(set(ga) | set(gb)) if ga.get(k, 0) != gb.get(k, 0)}
        out[name] = {"before": fa.get("value"), "after": fb.get("value"), "groups": changed}
    return out


def grouped_by_reason(changes: list[dict]) -> dict[str, int]:
    """How many cases moved for each kind of reason (the first words of each reason)."""
    counts: dict[str, int] = defaultdict(int)
    for change in changes:
        for reason in change["reasons"]:
            counts[reason.split(":")[0]] += 1
    return dict(counts)


def find_snapshot(ref: str | int) -> Snapshot:
    """A snapshot by id, or the latest with that name; raises LookupError."""
    ref = str(ref)
    found = Snapshot.objects.filter(pk=int(ref)).first() if ref.isdigit() else None
    found = found or Snapshot.objects.filter(name=ref).first()
    if found is None:
        raise LookupError(f"no snapshot {ref!r}")
    return found
