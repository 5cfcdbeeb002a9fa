"""Per-document context shared by the rule families: sentences, dates, places."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from vigil.core.extract import adapters
from vigil.core.extract.adapters import DateMention, PlaceMention
from vigil.core.extract.segment import Sentence, sentences


@dataclass
class DocContext:
    text: str
    published: str | None
    language: str
    sentences: list[Sentence]
    dates: list[DateMention]
    places: list[PlaceMention]
    original: str = ""
    title: str = ""
    named: frozenset = frozenset()

    @classmethod
    def build(cls, text: str, published: str | None, language: str) -> "DocContext":
        prepared = adapters.prepare(text)
        dates = _drop_weekday_before_date(adapters.find_dates(prepared, published), prepared)
        dates = sorted(dates + _current_week(prepared, published, dates), key=lambda d: d.start)
        places = adapters.find_places(prepared)
        ctx = cls(prepared, published, language, sentences(prepared), dates, places, text)
        ctx._starts = [s.start for s in ctx.sentences]
        ctx._triggers = {}
        ctx._inherit = set()
        return ctx

    def charges(self, idx: int) -> list[str]:
        """Charges named in sentence ``idx`` (computed once)."""
        cache = self.__dict__.setdefault("_charges", {})
        if idx not in cache:
            from vigil.core.extract.attributes import charges_in
            text = self.sentences[idx].text
            vague = _VAGUE_GROUP.search(text)
            if vague:  # 'dozens of people face ... on charges of X, and 14 are ...: A, B'
                end = _CLAUSE_END.search(text, vague.end())
                text = text[:vague.start()] + (text[end.end():] if end else "")
            cache[idx] = charges_in(text, killing=False)
        return cache[idx]

    def charge_span(self, idx: int, charges: tuple[str, ...]) -> tuple[int, int] | None:
        """Offsets in sentence ``idx`` of its first mention of one of ``charges`` (cached per
        document: the people of one sentence share it)."""
        cache = self.__dict__.setdefault("_charge_spans", {})
        key = (idx, charges)
        if key not in cache:
            from vigil.core.extract.attributes import first_charge_span
            cache[key] = first_charge_span(self.sentences[idx].text, list(charges))
        return cache[key]

    def hits(self, kind: str, idx: int) -> list[tuple[str, int, int]]:
        """Nationality / ethnicity words of sentence ``idx`` with document offsets (cached)."""
        cache = self.__dict__.setdefault("_hits", {})
        key = (kind, idx)
        if key not in cache:
            from vigil.core.extract.attributes import all_hits
            s = self.sentences[idx]
            cache[key] = [(c, a + s.start, b + s.start) for c, a, b in all_hits(kind, s.text)]
        return cache[key]

    def has_period(self, idx: int) -> bool:
        cache = self.__dict__.setdefault("_period", {})
        if idx not in cache:
            cache[idx] = bool(_PERIOD_WORDS.search(self.sentences[idx].text))
        return cache[idx]

    def triggers(self, idx: int):
        """Status triggers of sentence ``idx`` (computed once)."""
        if idx not in self._triggers:
            from vigil.core.extract.status import find_triggers
            s = self.sentences[idx]
            self._triggers[idx] = find_triggers(self.text, s.start, s.end, self.language)
        return self._triggers[idx]

    def sentence_of(self, offset: int) -> Sentence:
        i = max(0, bisect_right(self._starts, offset) - 1)
        return self.sentences[i]

    def sentence_text(self, idx: int) -> str:
        return self.sentences[idx].text

    def _in(self, items, idx, window=None):
        s = self.sentences[idx]
        lo, hi = s.start, s.end
        if window and window[1] > window[0]:
            lo, hi = max(lo, window[0]), min(hi, window[1])
        return [x for x in items if lo <= x.start < hi]

    def dates_in(self, idx: int, window=None) -> list[DateMention]:
        return [d for d in self._in(self.dates, idx, window) if d.value]

    def date_near(self, offset: int, idx: int, window=None) -> DateMention | None:
        usable = [d for d in self.dates_in(idx, window) if not self._other_event(d, offset)]
        cands = [d for d in usable if not _CLAUSE_BREAK.search(
            self.text, min(d.end, offset), max(d.start, offset))]
        if not cands:  # 'On Sunday they executed A and B; C was taken back to his cell'
            cands = [d for d in usable if d.end <= offset]
        return min(cands, key=lambda d: _dist(d, offset)) if cands else None

    def _between_other_trigger(self, d: DateMention, trig, idx: int) -> bool:
        """The date belongs to another event verb: one that stands between the date and this
        trigger, or one closer to the date than this trigger."""
        lo, hi = (d.end, trig.start) if d.end <= trig.start else (trig.end, d.start)
        mine = _gap(d, trig)
        return any(t.status != trig.status and (not self.parenthetical(t) or self.in_clause(d, t))
                   and ((lo <= t.start and t.end <= hi) or _gap(d, t) < mine)
                   for t in self.triggers(idx))

    def in_clause(self, d: DateMention, trig) -> bool:
        """The date stands inside the relative clause of a background trigger («حکم اعدام X که
        در پاییز ۱۴۰۳ ... صادر شده بود، ... تایید شد»): it is that event's date."""
        return (trig.start <= d.start and d.end <= trig.end
                and bool(_RELATIVE_INSIDE.search(self.text, trig.start, d.start)))

    def parenthetical(self, trig) -> bool:
        """A trigger inside a relative clause (', who had been sentenced', «که ... محکوم شده بود»)
        or in the pluperfect (background to the event of the sentence)."""
        before = self.text[max(0, trig.start - 60):trig.start]
        clause = re.split(r"[,،(]", before)[-1]
        if _RELATIVE.search(clause) and len(re.split(r"[,،(]", before)) > 1:
            return True
        after = self.text[trig.end:trig.end + 12]
        return bool(_PLUPERFECT_AFTER.match(after) or _PLUPERFECT_BEFORE.search(before))

    def _other_event(self, d: DateMention, offset: int) -> bool:
        """A date of the report ('On 2 May X reported that ...') or of an arrest."""
        if _ARREST_BEFORE.search(self.text, max(0, d.start - 25), d.start):
            return True
        if d.start > offset and _SAID_ON.search(self.text, max(0, d.start - 30), d.start):
            return True  # '..., his lawyer said on Saturday': the date of the statement
        if _FUTURE_BEFORE.search(self.text, max(0, d.start - 25), d.start):
            return True  # 'scheduled for Sunday': a plan, not an event
        if _PERIOD_WORDS.match(d.text or ""):
            return True  # 'the past week', 'last year': a period, not the day of an event
        if _ATTRIBUTIVE.search(self.text, max(0, d.start - 5), d.start) and d.value and len(d.value) == 4:
            return True  # 'a 2010 bombing'

        para_start = self.sentence_of(d.start).start
        if d.start - para_start < 80 and _DATELINE_END.match(self.text, d.end):
            return True
        return d.end <= offset and bool(_REPORTED.search(self.text, d.end, offset))

    def places_in(self, idx: int, kinds=("prison", "city"), window=None) -> list[PlaceMention]:
        return [p for p in self._in(self.places, idx, window) if p.kind in kinds]

    def place_near(self, offset: int, idx: int, window=None) -> PlaceMention | None:
        prisons = self.places_in(idx, ("prison",), window)
        if prisons:
            dest = [p for p in prisons if _DESTINATION.search(self.text, max(0, p.start - 8), p.start)]
            return min(dest or prisons, key=lambda p: _dist(p, offset))
        cities = self.places_in(idx, ("city",), window)
        return min(cities, key=lambda p: _dist(p, offset)) if cities else None

    def _context_sentences(self, idx: int, status: str):
        """Earlier sentences (at most two paragraphs back) with a trigger of ``status``."""
        para = self.sentences[idx].para
        for j in range(idx - 1, max(-1, idx - 6), -1):
            s = self.sentences[j]
            if s.para < para - 2:
                break
            if j in self.named:  # another named person's event: not this one's
                continue
            trigs = [t for t in self.triggers(j) if t.status == status]
            if trigs:
                yield j, trigs[0]

    def event_date(self, trig, idx: int, status: str, window=None) -> DateMention | None:
        """Date of the event that ``trig`` reports (cached)."""
        cache = self.__dict__.setdefault("_event_dates", {})
        key = (trig.start, trig.end, idx, status, tuple(window) if window else None)
        if key not in cache:
            cache[key] = self._event_date(trig, idx, status, window)
        return cache[key]

    def _event_date(self, trig, idx: int, status: str, window=None) -> DateMention | None:
        near = self.date_near(trig.start, idx, window)
        if near and self._between_other_trigger(near, trig, idx):
            near = None
        if near is None and window and window != (0, 0):
            # 'On Sunday they executed A and B; C was taken back to his cell'
            earlier = [d for d in self.dates_in(idx) if d.end <= trig.start
                       and d.start < window[0] and not self._other_event(d, trig.start)]
            near = earlier[-1] if earlier else None
        if status == "sentenced" and self.parenthetical(trig) and (near is None or (any(
                t.status != status for t in self.triggers(idx)) and not self.in_clause(near, trig))):
            return None  # background to another event of the sentence: its date is not the sentencing's
        if near or status == "sentenced" or self.has_period(idx):
            return near
        if idx > 0 and _SAME_DAY.search(self.sentences[idx].text):
            return self._last_full_date(idx)
        for j, t in self._context_sentences(idx, status):
            d = self.date_near(t.start, j)
            if d:
                return d
        return None

    def _last_full_date(self, idx: int) -> DateMention | None:
        """'On the same day', «هم‌زمان»: the last day-precise date of the sentences before
        (at most five back, two paragraphs); a sentence with only a period stays undated."""
        para = self.sentences[idx].para
        for j in range(idx - 1, max(-1, idx - 6), -1):
            if self.sentences[j].para < para - 2:
                break
            prev = [d for d in self.dates_in(j) if len(d.value) == 10
                    and not self._other_event(d, self.sentences[j].end)]
            if prev:
                return prev[-1]
        return None

    def event_place(self, trig, idx: int, status: str, window=None) -> PlaceMention | None:
        near = self.place_near(trig.start, idx, window)
        if near:
            return near
        for j, t in self._context_sentences(idx, status):
            p = self.place_near(t.start, j)
            if p:
                return p
        return self.only_prison()

    def only_prison(self) -> PlaceMention | None:
        """The prison of the report when it names exactly one."""
        names = {p.name for p in self.places if p.kind == "prison"}
        if len(names) == 1:
            return next(p for p in self.places if p.kind == "prison")
        return None


_CLAUSE_BREAK = re.compile(r"[;؛]")
_RELATIVE_INSIDE = re.compile(r"(?<![\u0620-\u064A\u066E-\u06D3\u200c])که(?![\u0620-\u064A\u066E-\u06D3\u200c])|\b(?:who|which)\b")
_PERIOD_WORDS = re.compile(r"(?:the\s+)?(?:past|last|previous|coming|next|recent)\s+(?:[\w-]+\s+){0,4}?(?:week|weeks|month|months|year|years|days)\b", re.I)
_STATISTIC = re.compile(r"\b(?:at least|more than|over|a total of)\s+[\d,]{2,}|\b[\d,]{3,}\s+(?:people|executions|prisoners)|"
                        r"\bsince\b|\bso far\b|(?:دست‌کم|بیش از)\s+\d{2,}", re.I)
_VAGUE_GROUP = re.compile(r"\b(?:dozens|hundreds|scores|thousands|many|numerous)\s+(?:of\s+)?(?:people|prisoners|others|protesters|detainees)\b|ده‌ها|صدها", re.I)
_CLAUSE_END = re.compile(r",\s+and\s+(?:that\s+)?|;|؛|، و |\.\s")
_DATELINE_END = re.compile(r"\s*(?::|–|—|-\s)")
_RELATIVE = re.compile(r"^\s*(?:که|who|which|having)(?![\w\u200c])", re.I)
_ARREST_BEFORE = re.compile(r"(?:arrested|detained)\s+(?:in|on|since)?\s*$|بازداشت\s*(?:در)?\s*$", re.I)
_PLUPERFECT_AFTER = re.compile(r"\s*(?:شده\s+)?(?:بود|بودند)(?![\u0620-\u064A\u067E-\u06CC])")
_PLUPERFECT_BEFORE = re.compile(r"\b(?:had\s+been|had)\s+$", re.I)
_SAID_ON = re.compile(r"\b(?:said|says|reported|announced|told\s+\w+|wrote|stated)\s+(?:on\s+)?$|"
                      r"(?:گزارش\s+داد|اعلام\s+کرد|نوشت)\s*$", re.I)
_SAME_DAY = re.compile(r"\b(?:the same day|that day|on the same date|at the same time)\b|(?:در\s+)?(?:همین|همان)\s+روز|"
                       r"(?<![\u0620-\u064A\u066E-\u06D3\u200c])هم[\u200c ]?زمان(?![\u0620-\u064A\u066E-\u06D3\u200c])", re.I)
_FUTURE_BEFORE = re.compile(r"\b(?:scheduled|set|due|planned|expected)\s+(?:for|on)\s+(?:next\s+)?$|\bnext\s+$|\buntil\s+$|\bno later than\s+$|\bexpires on\s+$", re.I)
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the)\s+$", re.I)
_REPORTED = re.compile(r"(?<!was )(?<!were )(?<!been )\b(?:reported|said|announced|wrote|stated|told|confirmed)\b\s+(?:that\b)?|گزارش\s+داد|اعلام\s+کرد|نوشت(?![\u0620-\u064A\u066E-\u06D3\u200c])", re.I)
_DESTINATION = re.compile(r"\bto\s+(?:the\s+)?$|به\s+$", re.I)


_THIS_WEEK = re.compile(r"\b(?:this|the current)\s+week\b|\b\d{1,3}(?:st|nd|rd|th)\s+(?:consecutive\s+)?week\b|"
                        r"(?:این|همین)\s+هفته|[\u0600-\u06FF\u200c]+مین\s+هفته", re.I)


def _current_week(text: str, published: str | None, dates) -> list[DateMention]:
    """'this week', 'in the 16th week (of the campaign)': the week the report was published;
    its month when the whole week lies in one month."""
    if not published or len(published) != 10:
        return []
    from datetime import date, timedelta
    try:
        end = date.fromisoformat(published)
    except ValueError:
        return []
    start = end - timedelta(days=6)
    if (start.year, start.month) != (end.year, end.month):
        return []
    out = []
    for m in _THIS_WEEK.finditer(text):
        if not any(d.start < m.end() and m.start() < d.end for d in dates):
            out.append(DateMention(m.start(), m.end(), end.isoformat()[:7], m.group()))
    return out


def _gap(a, b) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


def _dist(item, offset: int) -> float:
    if item.start >= offset:
        return item.start - offset
    return (offset - item.end) * 1.2


def _drop_weekday_before_date(dates: list[DateMention], text: str) -> list[DateMention]:
    """'Tuesday, August 8, 2023': keep the explicit date, not the bare weekday."""
    out = []
    for i, d in enumerate(dates):
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if (nxt and nxt.start - d.end <= 3 and len(d.text.split()) <= 2
                and not any(ch.isdigit() for ch in d.text)):
            continue
        out.append(d)
    return out
