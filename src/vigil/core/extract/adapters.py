"""The one place where the extractor calls the shared foundations.

``vigil.core.text.same_length`` (length-preserving normalisation), ``vigil.core.dates.find_dates``
and ``vigil.core.gazetteer.scan`` are used directly; this module only turns their results into
the two small records the rule modules read, and applies the gold conventions of
eval/extraction/NOTES.md to dates:

* a weekday that contradicts its date ("Wednesday, May 2" when May 2 was a Thursday) keeps only
  the month, the least precise value that is certain;
* "the day before", "a day earlier", "N days earlier" (not read by the shared parser) count back
  from the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vigil.core.dates import find_dates as _shared_dates
from vigil.core.gazetteer import scan as _scan
from vigil.core.text import same_length


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: ``value`` is YYYY-MM-DD, YYYY-MM, YYYY or None."""
    start: int
    end: int
    value: str | None
    text: str


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer hit: ``kind`` is prison, city or province."""
    kind: str
    name: str
    city: str | None
    province: str | None
    start: int
    end: int


def prepare(text: str) -> str:
    """Unify Arabic letter forms and digits one-to-one (same length as ``text``)."""
    return same_length(text)


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Dates in ``text`` resolved against ``published``, in text order."""
    found = [_date_mention(d) for d in _shared_dates(text, published)]
    extra = [d for d in _day_offsets(text, published) + _days_after(text, found)
             if not any(d.start < f.end and f.start < d.end for f in found)]
    return sorted(found + extra, key=lambda d: d.start)


def _date_mention(d) -> DateMention:
    value = d.value
    # ``ambiguous`` (a day and month resolved to the latest year before publication) is kept:
    # the gold convention resolves it the same way, and dropping it lowered date accuracy.
    if d.weekday_conflict and value and len(value) == 10:
        value = value[:7]  # NOTES 019: the weekday contradicts the day: keep the month
    start, end = d.span
    return DateMention(start, end, value, d.text)


_DAY_BEFORE = re.compile(r"\b(?:the\s+(?:day|night)\s+before|a\s+day\s+earlier|(\w+)\s+days?\s+earlier)\b",
                         re.I)
_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5}


def _day_offsets(text: str, published: str | None) -> list[DateMention]:
    """'the day before', 'a day earlier', 'three days earlier': counted back from a
    full publication date (the shared parser reads 'N days ago' itself)."""
    if "before" not in text and "earlier" not in text:
        return []
    try:
        pub = date.fromisoformat(published or "")
    except ValueError:
        return []
    out = []
    for m in _DAY_BEFORE.finditer(text):
        word = (m.group(1) or "one").lower()
        n = int(word) if word.isdigit() else _DAY_WORDS.get(word)
        if n is not None and n <= 60:
            out.append(DateMention(m.start(), m.end(), (pub - timedelta(days=n)).isoformat(), m.group()))
    return out


_DAY_AFTER = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|(\w+)\s+days\s+later)\b|"
                        r"(?<![\u0620-\u064A\u066E-\u06D3\u200c])(?:(\d+|یک|دو|سه|چهار|پنج)\s+)?روز\s+بعد"
                        r"(?![\u0620-\u064A\u066E-\u06D3\u200c])|فردای\s+(?:آن|همان)\s+روز", re.I)


def _days_after(text: str, found: list[DateMention]) -> list[DateMention]:
    """'the next day', 'a day later', 'two days later': counted on from the last full date
    written before them (none: not resolved)."""
    if not any(k in text for k in ("next", "following", "later", "روز بعد", "فردای")):
        return []
    out = []
    for m in _DAY_AFTER.finditer(text):
        word = (m.group(1) or m.group(2) or "one").lower()
        n = int(word) if word.isdigit() else _DAY_WORDS.get(word)
        anchor = [d for d in found if d.end <= m.start() and d.value and len(d.value) == 10]
        if n is not None and n <= 60 and anchor:
            day = date.fromisoformat(anchor[-1].value) + timedelta(days=n)
            out.append(DateMention(m.start(), m.end(), day.isoformat(), m.group()))
    return out


def find_places(text: str) -> list[PlaceMention]:
    """Prisons, cities and provinces named in ``text`` (shared gazetteer)."""
    return [_place(m) for m in _scan(text, frozenset({"prison", "city", "province"}))]


def _place(m) -> PlaceMention:
    entry = m.entry
    start, end = m.span
    city = getattr(entry, "city", None) if m.kind != "province" else None
    province = entry.name if m.kind == "province" else getattr(entry, "province", None)
    return PlaceMention(m.kind, entry.name, city, province, start, end)
