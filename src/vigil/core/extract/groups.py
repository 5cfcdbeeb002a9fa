"""Group events: a head-count of people reported together for one event.

"Ten prisoners were hanged in Ghezel Hesar on Wednesday" gives one GROUP (count 10); the
count is the minimum the report gives ("at least 10" -> 10).  A count inside a statistics
sentence (a year, "since", "so far", a period) is a claim, not a group.
"""
from __future__ import annotations

import re

from vigil.core.extract import attributes
from vigil.core.extract.numbers import EN_NUMBER, FA_NUMBER, value

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_FILLER = rf"(?!(?:{EN_NUMBER}|{_MONTHS})\b)[A-Za-z-]+\s+"
_EN_COUNT = re.compile(
    rf"\b(?:(at least|more than|over|some|another)\s+(?={EN_NUMBER}\b))?(?!(?:19|20)\d\d\b)({EN_NUMBER}|a|an|another)\s+"
    rf"(?!{_MONTHS}\b)(?:more\s+|other\s+|{_FILLER}){{0,3}}?"
    r"(?:prisoners?|inmates?|people|persons|men|women|man|woman|detainees|individuals|convicts|"
    r"defendants|Baloch|Kurds|protesters|citizens)\b"
    rf"|\b()({EN_NUMBER})\s+of\s+(?:them|these)\b", re.I)
_FA_COUNT = re.compile(
    rf"(?:(دست‌کم|دستکم|کم از کم|بیش از|حداقل)\s+)?({FA_NUMBER})\s*(?:تن|نفر|زندانی|قاچاقچی|متهم|مرد|زن)(?![\u0620-\u064A\u066E-\u06D3\u200c])"
    r"|()(زندانی‌ای|زندانی\s+ای)(?![\u0620-\u064A\u066E-\u06D3\u200c])")
_TOTAL = re.compile(rf"\b(?:bringing\s+the\s+total\s+to|a\s+total\s+of)\s+({EN_NUMBER})\b|"
                    rf"(?:مجموع|در\s+مجموع)\s+(?:به\s+)?({FA_NUMBER})", re.I)
_QUOTED = re.compile(r"«[^»]*»|\([^)]*\)|—[^—]*—")
_PERIOD = re.compile(
    r"\b(?:in|since|during|between|from|so far in|throughout)\s+(?:the\s+)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?:\d{4}\b(?!\s+(?!and\b|to\b|until\b)[a-z])|year|first|past|last|start|beginning)|"
    r"\bso far\b|\bthis year\b|\bacross (?:iran|the country)\b|\bnationwide\b|\bthroughout (?:iran|the country)\b|"
    r"در\s+سراسر\s+(?:ایران|کشور)|\bper (?:day|month)\b|\bannual\b|\brecorded\b|"
    r"از\s+(?:ابتدای|آغاز)|در\s+سال|ماه\s+(?:نخست|اول|گذشته|اخیر)|ماه[\u200c ]?های\s+(?:نخست|اول|گذشته|اخیر)|سال\s+(?:جاری|گذشته)|تاکنون|\d{4}\s*\)|در\s+فاصله", re.I)


class _Alt:
    """A match of the second alternative seen through groups 1-2."""

    def __init__(self, m):
        self.m = m

    def group(self, i=0):
        return self.m.group(0) if i == 0 else self.m.group(i + 2)

    def start(self, i=0):
        return self.m.start(i + 2 if i else 0)

    def end(self, i=0):
        return self.m.end(i + 2 if i else 0)


def _distance(ctx, a: int, b: int) -> int:
    """Characters between two offsets, not counting quoted names and asides."""
    lo, hi = min(a, b), max(a, b)
    gap = ctx.text[lo:hi]
    return len(_QUOTED.sub("", gap))


_GATE = re.compile(r"prisoner|inmate|people|person|\bm[ae]n\b|wom[ae]n|detainee|individual|convict|"
                   r"defendant|baloch|kurds|protester|citizen|of them|of these|نفر|زندانی|تن|قاچاقچی|متهم|مرد|زن", re.I)


# 'a man', 'an unidentified prisoner', 'a young Afghan man' (not 'a number of', 'a total of')
_SINGLE_AFTER = re.compile(r"\s*(?:(?!number\b|total\b|group\b|series\b)[A-Za-z-]+\s+){0,2}?"
                           r"(?:prisoner|inmate|man|woman)\b", re.I)
_SUBCOUNT_AFTER = re.compile(r"\s+(?:were|was)\s+among\b|(?:\s+تن|\s+نفر)?\s+از\s+(?:میان\s+)?(?:این|آن)\s",
                             re.I)


_SUBCOUNT_BEFORE = re.compile(r"(?:\b(?:including|includes?|included|among\s+them|of\s+whom)|از\s+جمله)\s+$", re.I)


def _counts(ctx, s):
    if not _GATE.search(s.text):
        return
    rx = _FA_COUNT if ctx.language == "fa" else _EN_COUNT
    for m in rx.finditer(ctx.text, s.start, s.end):
        if m.group(2) is None:  # second alternative: "five of them", «زندانی‌ای»
            m = _Alt(m)
        n = 1 if m.group(2).startswith("زندانی") or m.group(2).lower() == "another" else value(m.group(2))
        if n is None or n > 2000:
            continue
        if m.group(2).lower() in ("a", "an", "another") and not _SINGLE_AFTER.match(ctx.text, m.end(2), m.end(2) + 40):
            continue
        if _SUBCOUNT_AFTER.match(ctx.text, m.end(), m.end() + 30) or _SUBCOUNT_BEFORE.search(
                ctx.text[max(s.start, m.start() - 30):m.start()]):
            continue  # 'two women were among nine prisoners hanged': part of the larger group
        yield n, m


def find_groups(ctx, persons) -> list[dict]:
    """GROUP items of one document."""
    out: list[dict] = []
    used = {e.sentence for p in persons for e in p.events}  # sentences whose events went to a name
    for s in ctx.sentences:
        triggers = ctx.triggers(s.index)
        if not triggers or _PERIOD.search(s.text):
            continue
        for n, m in _counts(ctx, s):
            if n == 1 and (s.index in ctx.named or s.index in used or _named_next(ctx, s.index)):
                continue  # 'a woman named X was hanged', 'A man was hanged ... . Reza X, 26, ...'

            main = [t for t in triggers if t.status != "sentenced"
                    and _distance(ctx, t.start, m.end()) <= (200 if ctx.language == "fa" else 120)]
            trig = min(main or triggers, key=lambda t: _distance(ctx, t.start, m.end()))
            limit = 200 if ctx.language == "fa" else 120
            if _distance(ctx, trig.start, m.end()) > limit or re.search(
                    r"[;؛]", ctx.text[min(trig.start, m.end()):max(trig.start, m.end())]):
                continue
            group = _group(ctx, s, n, m, trig)
            same = next((g for g in out if _same(group, g)), None)
            if same is None:
                out.append(group)
                continue
            if group["count"] > same["count"]:
                same.update(count=group["count"], spans={**same["spans"], "count": group["spans"]["count"]})
            for key in ("date", "prison"):  # a headline repeated by a dated body sentence
                if same[key] is None and group[key] is not None:
                    same[key] = group[key]
                    if key in group["spans"]:
                        same["spans"][key] = group["spans"][key]
        _totals(ctx, s, out)
    return out


_THE_ONE = re.compile(r"\W*(?:the|this)\s+(?:[\w-]+\s+)?(?:woman|man|prisoner|inmate|convict)\b|"
                      r"\W*(?:این|آن)\s+(?:زن|مرد|زندانی)(?![\u0620-\u064A\u066E-\u06D3\u200c])", re.I)


# 'According to HRANA, the woman, Parisa X, ...': the one person named in apposition
_THE_ONE_NAMED = re.compile(r"\b(?:the|this)\s+(?:[\w-]+\s+)?(?:woman|man|prisoner|inmate|convict)\s*,\s+[A-Z]|"
                            r"(?:این|آن)\s+(?:زن|مرد|زندانی|جوان)\s*،\s*[\u0620-\u064A\u066E-\u06D3]", re.I)


def _named_next(ctx, idx: int) -> bool:
    """'An Iranian woman was hanged ... . The woman, Samira X, ...': the one person is named next."""
    nxt = idx + 1
    if nxt >= len(ctx.sentences) or nxt not in ctx.named:
        return False
    text = ctx.sentences[nxt].text
    return bool(_THE_ONE.match(text) or _THE_ONE_NAMED.search(text))


def _totals(ctx, s, groups) -> None:
    """'..., bringing the total to ten': the group of this event counts the total."""
    m = _TOTAL.search(ctx.text, s.start, s.end)
    if not m or not groups:
        return
    n = value(m.group(1) or m.group(2))
    if n and n > groups[-1]["count"]:
        groups[-1]["count"] = n
        groups[-1]["spans"]["count"] = [m.start(1 if m.group(1) else 2), m.end(1 if m.group(1) else 2)]


def _group(ctx, s, n, m, trig) -> dict:
    date = ctx.date_near(m.start(), s.index)
    if date is not None and ctx._between_other_trigger(date, trig, s.index):
        date = None
    date = date or ctx.event_date(trig, s.index, trig.status)
    place = ctx.event_place(trig, s.index, trig.status)
    prison = place.name if place and place.kind == "prison" else None
    spans = {"count": [m.start(2), m.end(2)], "status": [trig.start, trig.end]}
    if date:
        spans["date"] = [date.start, date.end]
    if prison:
        spans["prison"] = [place.start, place.end]
    charges = attributes.charges_in(s.text)
    hit = attributes.first_charge_span(s.text, charges)
    if hit:
        spans["charges"] = [s.start + hit[0], s.start + hit[1]]
    return {"status": trig.status, "count": n, "date": date.value if date else None,
            "prison": prison, "charges": charges, "spans": spans,
            "confidence": 0.6 if date else 0.45}


def _same(a: dict, b: dict) -> bool:
    """One event reported twice: same status and date, compatible prisons."""
    if a["status"] != b["status"]:
        return False
    if a["date"] is None or b["date"] is None:
        return a["count"] == b["count"] and (a["prison"] is None or b["prison"] is None
                                             or a["prison"] == b["prison"])
    if a["date"] != b["date"]:
        return False
    return a["prison"] is None or b["prison"] is None or a["prison"] == b["prison"]
