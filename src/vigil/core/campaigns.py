"""Timelines of protest campaigns: weekly prison strikes and hunger strikes (no Django).

Input is plain data: one dict per campaign (``name``, ``kind``, ``started``, ``ended``,
``demands``, ``outcome``) with ``events``, each in the exchange format of a CAMPAIGN
mention (``date``, ``week``, ``prisons``, ``participants``, ``outcome``).

The number of prisons taking part in a week is the larger of the prisons named and the
count the report states in words ("inmates in 34 prisons took part", «در ۳۴ زندان»):
reports often name a few prisons and give the total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date


TUESDAYS = "No to Execution Tuesdays"
_COUNT_RX = re.compile(r"(\d[\d,]*)\s+(?:prisons|زندان)")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen".split())}
_DAYS_RX = re.compile(r"\b(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+days\b", re.I)
_FA_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def stated_prison_count(text: str | None) -> int | None:
    """The number of prisons a sentence states ('in 34 prisons' → 34), or None."""
    if not text:
        return None
    found = [int(m.group(1).replace(",", "")) for m in _COUNT_RX.finditer(text.translate(_FA_DIGITS))]
    return max(found) if found else None


def stated_days(text: str | None) -> int | None:
    """How long a strike lasted as a report words it ('after seven days' → 7), or None."""
    match = _DAYS_RX.search(text or "")
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def week_of(day: date, started: date) -> int:
    """Week number of ``day`` in a weekly campaign that started on ``started`` (week 1)."""
    return (day - started).days // 7 + 1


@dataclass
class Week:
    """One week of a weekly campaign."""

    week: int
    date: str
    prisons: list[str]
    prison_count: int
    new_prisons: list[str] = field(default_factory=list)
    growth: int | None = None
    stated: bool = False
    participants: int | None = None
    outcome: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _event_week(event: dict, started: date | None) -> int | None:
    if event.get("week"):
        return int(event["week"])
    day = event.get("date")
    if started and day and len(str(day)) == 10:
        return week_of(date.fromisoformat(str(day)), started)
    return None


def weekly_timeline(campaign: dict) -> list[Week]:
    """Week-by-week rows: prisons named, prisons counted, prisons new that week, growth since
    the previous week with a stated total. Events of the same week are merged."""
    started = _as_date(campaign.get("started"))
    by_week: dict[int, Week] = {}
    for event in campaign.get("events") or []:
        number = _event_week(event, started)
        if number is None:
            continue
        row = by_week.setdefault(number, Week(number, str(event.get("date") or ""), [], 0))
        row.prisons = sorted(set(row.prisons) | set(event.get("prisons") or []))
        stated = stated_prison_count(event.get("outcome")) or 0
        row.prison_count = max(row.prison_count, len(row.prisons), stated)
        row.stated = row.stated or bool(stated)
        row.date = row.date or str(event.get("date") or "")
        row.participants = max(filter(None, [row.participants, event.get("participants")]), default=None)
        row.outcome = row.outcome or (event.get("outcome") or "")
    return _with_growth([by_week[k] for k in sorted(by_week)])


def _with_growth(weeks: list[Week]) -> list[Week]:
    """New prisons per week, and growth between weeks whose reports state the total count
    (a week with only some prisons named gives a lower bound, not a total)."""
    seen: set[str] = set()
    previous = None
    for row in weeks:
        row.new_prisons = sorted(set(row.prisons) - seen)
        seen |= set(row.prisons)
        if row.stated:
            row.growth = row.prison_count - previous.prison_count if previous else None
            previous = row
    return weeks


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if value and len(str(value)) == 10:
        return date.fromisoformat(str(value))
    return None


def strike_summary(campaign: dict) -> dict:
    """A hunger strike in one record: participants (the largest reported), prisons, days,
    demands, outcome and the dated events."""
    events = campaign.get("events") or []
    started, ended = _as_date(campaign.get("started")), _as_date(campaign.get("ended"))
    return {
        "name": campaign.get("name") or "", "kind": campaign.get("kind") or "",
        "started": str(started or ""), "ended": str(ended or ""),
        "days": (ended - started).days + 1 if started and ended else stated_days(campaign.get("outcome")),
        "participants": max((e.get("participants") or 0 for e in events), default=0) or None,
        "prisons": sorted({p for e in events for p in (e.get("prisons") or [])}),
        "demands": campaign.get("demands") or "", "outcome": campaign.get("outcome") or "",
        "events": sorted(events, key=lambda e: str(e.get("date") or "")),
    }


def is_weekly(campaign: dict) -> bool:
    """True for campaigns counted week by week (the Tuesdays campaign, or any with week numbers)."""
    return campaign.get("name") == TUESDAYS or any(e.get("week") for e in campaign.get("events") or [])


def timeline(campaign: dict, at_risk: list[dict] | None = None) -> dict:
    """The campaign's timeline with the people at risk in its prisons.

    ``at_risk`` rows need a ``prison`` key; those held in a prison that took part are linked.
    """
    summary = strike_summary(campaign)
    weeks = [w.to_dict() for w in weekly_timeline(campaign)] if is_weekly(campaign) else []
    prisons = set(summary["prisons"]) | {p for w in weeks for p in w["prisons"]}
    linked = [row for row in (at_risk or []) if row.get("prison") in prisons]
    return {**summary, "weekly": bool(weeks), "weeks": weeks, "prisons": sorted(prisons), "at_risk": linked,
            "latest_prison_count": max((w["prison_count"] for w in weeks), default=None)}
