"""Group events: a head-count of people reported together for one event.

"Ten prisoners were hanged in Ghezel Hesar on Wednesday" gives one GROUP (count 10); the
count is the minimum the report gives ("at least 10" -> 10).  A count inside a statistics
sentence (a year, "since", "so far", a period) is a claim, not a group.
"""
from __future__ import annotations

import re

from vigil.core.extract import attributes
from vigil.core.extract.numbers import EN_NUMBER, FA_NUMBER, value

_EN_COUNT = re.compile(
    rf"\b(?:(at least|more than|over|some|another)\s+)?({EN_NUMBER}|a|an)\s+(?:more\s+|other\s+|[A-Za-z-]+\s+){{0,3}}?"
    r"(?:prisoners?|inmates?|people|persons|men|women|man|woman|detainees|individuals|convicts|"
    r"defendants|Baloch|Kurds|protesters|citizens)\b", re.I)
_FA_COUNT = re.compile(
    rf"(?:(دست‌کم|دستکم|کم از کم|بیش از|حداقل)\s+)?({FA_NUMBER})\s*(?:تن|نفر|زندانی|قاچاقچی|متهم)(?![\u0600-\u06FF])")
_PERIOD = re.compile(
    r"\b(?:in|since|during|between|from|so far in|throughout)\s+(?:the\s+)?(?:\d{4}|year|first|past|last|start|beginning)|"
    r"\bso far\b|\bthis year\b|\bper (?:day|month)\b|\bannual\b|\brecorded\b|\bhave been executed\b|"
    r"از\s+(?:ابتدای|آغاز)|در\s+سال|سال\s+(?:جاری|گذشته)|تاکنون|\d{4}\s*\)|در\s+فاصله", re.I)


def _counts(ctx, s):
    rx = _FA_COUNT if ctx.language == "fa" else _EN_COUNT
    for m in rx.finditer(ctx.text, s.start, s.end):
        n = value(m.group(2))
        if n is None or n > 2000:
            continue
        if m.group(2).lower() in ("a", "an") and not re.match(r"\s*(?:prisoner|inmate|man|woman)\b",
                                                               ctx.text[m.end(2):m.end(2) + 10], re.I):
            continue
        yield n, m


def find_groups(ctx, persons) -> list[dict]:
    """GROUP items of one document."""
    out: list[dict] = []
    for s in ctx.sentences:
        triggers = ctx.triggers(s.index)
        if not triggers or _PERIOD.search(s.text):
            continue
        for n, m in _counts(ctx, s):
            trig = min(triggers, key=lambda t: abs(t.start - m.end()))
            if abs(trig.start - m.end()) > 120 or re.search(r"[;؛]", ctx.text[min(trig.start, m.end()):max(trig.start, m.end())]):
                continue
            group = _group(ctx, s, n, m, trig)
            if not any(_same(group, g) for g in out):
                out.append(group)
    return out


def _group(ctx, s, n, m, trig) -> dict:
    date = ctx.event_date(trig, s.index, trig.status)
    place = ctx.place_near(trig.start, s.index)
    prison = place.name if place and place.kind == "prison" else None
    spans = {"count": [m.start(2), m.end(2)], "status": [trig.start, trig.end]}
    if date:
        spans["date"] = [date.start, date.end]
    if prison:
        spans["prison"] = [place.start, place.end]
    return {"status": trig.status, "count": n, "date": date.value if date else None,
            "prison": prison, "charges": attributes.charges_in(s.text), "spans": spans,
            "confidence": 0.6 if date else 0.45}


def _same(a: dict, b: dict) -> bool:
    return a["status"] == b["status"] and a["count"] == b["count"] and a["date"] == b["date"]
