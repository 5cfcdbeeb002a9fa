"""Reconcile group counts with named cases.

"Ten prisoners were hanged in Ghezel Hesar on Wednesday, three of them identified as…"
is one GROUP of 10 and three CASEs. When those three (or others named in another report)
are the same people as members of the group, the group and the names together count
ten people, not thirteen. Reports of the same group (same status, day and prison) are
one group, counted at its largest reported size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass
class Reconciliation:
    """People counted from named persons and groups.

    ``total`` = named persons + unnamed remainders; ``members`` maps each (merged) group
    id to the persons attributed to it; ``unnamed`` to the people of the group that no
    named case accounts for; ``merged`` maps each input group id to its merged group id.
    """

    total: int
    named: int
    unnamed: dict[str, int] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)


def _event_key(item: Mapping) -> tuple | None:
    """(status, day, prison) of a fully dated, located item, else None."""
    date, prison = item.get("date"), item.get("prison")
    if not date or len(str(date)) < 10 or not prison:
        return None
    return (item.get("status"), str(date)[:10], str(prison).strip().lower())


def merge_groups(groups: Iterable[Mapping]) -> tuple[dict[str, dict], dict[str, str]]:
    """Groups reported more than once (same status, day and prison) as one group with the
    largest count. Returns (merged id -> group, input id -> merged id)."""
    merged: dict[str, dict] = {}
    by_event: dict[tuple, str] = {}
    alias: dict[str, str] = {}
    for g in groups:
        gid, key = str(g["group_id"]), _event_key(g)
        target = by_event.get(key) if key else None
        if target is None:
            merged[gid] = dict(g, count=int(g.get("count") or 0))
            target = gid
            if key:
                by_event[key] = gid
        else:
            merged[target]["count"] = max(merged[target]["count"], int(g.get("count") or 0))
        alias[gid] = target
    return merged, alias


def reconcile_groups(groups: Iterable[Mapping], cases: Iterable[Mapping]) -> Reconciliation:
    """Count people from groups and linked named cases without double counting.

    ``groups``: dicts with ``group_id``, ``count`` and optionally ``status``, ``date``,
    ``prison``. ``cases``: named cases after linkage, dicts with ``person`` (the linked
    person id) and either ``group_id`` (the report names them as part of that group) or
    ``status``/``date``/``prison`` that place them in a group's event.
    """
    merged, alias = merge_groups(groups)
    by_event = {_event_key(g): gid for gid, g in merged.items() if _event_key(g)}
    members: dict[str, set[str]] = {gid: set() for gid in merged}
    persons: set[str] = set()
    for case in cases:
        person = str(case["person"])
        persons.add(person)
        gid = alias.get(str(case.get("group_id"))) if case.get("group_id") else None
        gid = gid or by_event.get(_event_key(case))
        if gid is not None:
            members[gid].add(person)
    unnamed = {gid: max(0, merged[gid]["count"] - len(members[gid])) for gid in merged}
    return Reconciliation(total=len(persons) + sum(unnamed.values()), named=len(persons),
                          unnamed=unnamed, members=members, merged=alias)
