"""Campaign events: prison hunger strikes ("No to Execution Tuesdays"), gatherings, riots."""
from __future__ import annotations

import re
from datetime import date, timedelta

from vigil.core.extract.numbers import persian_ordinal, value

TUESDAYS = "No to Execution Tuesdays"
_TUESDAYS_RX = re.compile(r"No[- ]?(?:to[- ])?Execution Tuesdays|Tuesdays?\s+(?:campaign\s+)?against\s+execution|"
                          r"سه[\u200c ]?شنبه[\u200c ]?های\s+[^»]{0,20}?اعدام", re.I)
_STRIKE_RX = re.compile(r"hunger[- ]strike|اعتصاب\s+غذا", re.I)
_WEEK_EN = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:consecutive\s+|weekly\s+)?(?:week|Tuesday)|\bweek\s+(\d{1,3})\b", re.I)
_WEEK_FA = re.compile(r"([\u0600-\u06FF\u200c]+(?:\s+و\s+[\u0600-\u06FF\u200c]+)?)\s+(?:هفته|سه[\u200c ]?شنبه)")
_GATHER_RX = re.compile(r"gathered[^.;]{0,60}?\b(?:outside|in front of)\b|\b(?:vigil|protest(?:ed)?|rall(?:y|ied))\s+(?:outside|in front of)\s+[^.;]{0,30}?prison|"
                        r"تجمع[^.؛]{0,60}?(?:مقابل|برابر|بیرون)\s+(?:زندان|در)|(?:مقابل|برابر|بیرون)\s+(?:از\s+)?زندان[^.؛]{0,40}?تجمع", re.I)
_RIOT_RX = re.compile(r"\briot|set [^.;]{0,20}\bon fire|شورش", re.I)
_JOIN_RX = re.compile(r"join|took part|taking part|participat|strike|prisons? (?:in|so far)|campaign|"
                      r"پیوست|اعتصاب|کارزار|زندان‌های", re.I)


def find_campaigns(ctx) -> list[dict]:
    """CAMPAIGN items of one document."""
    out = []
    strike = _hunger_strike(ctx)
    if strike:
        out.append(strike)
    for kind, rx in (("gathering", _GATHER_RX), ("riot", _RIOT_RX)):
        found = [(ctx.sentence_of(m.start()), m) for m in rx.finditer(ctx.text)]
        dated = [(s, m) for s, m in found if ctx.date_near(m.start(), s.index)]
        if found:
            s, m = (dated or found)[0]
            m = rx.search(s.text)
            if m:
                d = ctx.date_near(s.start + m.start(), s.index)
                if d is None:
                    d = ctx.event_date(_Pos(s.start + m.start()), s.index, "executed")
                if d is None:
                    d = _last_date_before(ctx, s.start)
                prisons = sorted({p.name for p in ctx.places_in(s.index, ("prison",))})
                out.append({"kind": kind, "name": None, "week": None,
                            "date": d.value if d else None, "prisons": prisons,
                            "participants": None, "outcome": s.text.strip()[:300],
                            "spans": {"kind": [s.start + m.start(), s.start + m.end()]},
                            "confidence": 0.5})
    return out


def _last_date_before(ctx, offset: int):
    """The last event date written before ``offset`` (the protest follows that event)."""
    before = [d for d in ctx.dates if d.value and d.end <= offset and not ctx._other_event(d, offset)]
    return before[-1] if before else None


class _Pos:
    """A position standing in for a trigger."""

    def __init__(self, start):
        self.start = self.end = start


def _hunger_strike(ctx) -> dict | None:
    text = ctx.text
    named = _TUESDAYS_RX.search(text)
    strike = _STRIKE_RX.search(text)
    if not named and not strike:
        return None
    week = _week(ctx)
    prisons = []
    for s in ctx.sentences:
        if ctx.places_in(s.index, ("prison",)) and _JOIN_RX.search(s.text):
            for p in ctx.places_in(s.index, ("prison",)):
                if p.name not in prisons:
                    prisons.append(p.name)
    anchor = (named or strike).start()
    return {"kind": "hunger_strike", "name": TUESDAYS if named else None, "week": week,
            "date": _tuesday(ctx) if named else None, "prisons": prisons,
            "participants": _participants(ctx), "outcome": None,
            "spans": {"name": [anchor, (named or strike).end()]}, "confidence": 0.6}


def _week(ctx) -> int | None:
    if ctx.language == "fa":
        for m in _WEEK_FA.finditer(ctx.text):
            words = m.group(1).split()
            for k in range(min(3, len(words)), 0, -1):
                n = persian_ordinal(" ".join(words[-k:]))
                if n:
                    return n
        return None
    m = _WEEK_EN.search(ctx.text)
    return int(m.group(1) or m.group(2)) if m else None


def _tuesday(ctx) -> str | None:
    """The Tuesday of the strike: a dated Tuesday in the text, else the last one published."""
    for d in ctx.dates:
        if d.value and len(d.value) == 10 and date.fromisoformat(d.value).weekday() == 1:
            return d.value
    pub = ctx.published or ""
    if len(pub) != 10:
        return None
    day = date.fromisoformat(pub)
    return (day - timedelta(days=(day.weekday() - 1) % 7)).isoformat()


_PARTICIPANTS = re.compile(r"\b(\d[\d,]*)\s+(?:prisoners|inmates|people)\b[^.]{0,40}hunger", re.I)


def _participants(ctx) -> int | None:
    m = _PARTICIPANTS.search(ctx.text)
    return value(m.group(1)) if m else None
