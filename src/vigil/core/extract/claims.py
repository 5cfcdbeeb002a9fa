"""Claims: aggregate figures a report asserts ("at least 834 executions in 2023").

A number next to a quantity word (executions, executed, death sentences, arrests, ...)
inside a sentence that speaks of a period or a total is a claim.  Qualifier from the words
before it; period from the dates of the sentence; attributed source from "according to X" /
"X said|reported" / «به گزارش X».
"""
from __future__ import annotations

import re

from vigil.core.extract.numbers import EN_NUMBER, FA_NUMBER, value

_QUANTITY_EN = [
    ("death_sentences", r"sentenced to death|death sentences"),
    ("death_row", r"death[- ]row"),
    ("upheld", r"upheld"),
    ("capital_charges", r"capital (?:charges|offences|offenses)"),
    ("protesters_killed", r"killed"),
    ("arrests", r"arrested|arrests"),
    ("death_penalty_reports", r"reports? on (?:the death penalty|executions)"),
    ("executions", r"execut|hanged|put to death"),
]
_QUANTITY_FA = [("death_sentences", r"محکوم\s+به\s+اعدام|حکم\s+اعدام\s+صادر"),
                ("executions", r"اعدام|به\s+دار")]
_QUANTITY_EN = [(q, re.compile(rx, re.I)) for q, rx in _QUANTITY_EN]
_QUANTITY_FA = [(q, re.compile(rx)) for q, rx in _QUANTITY_FA]
_QUAL = [("at_least", r"at least|a minimum of|دست‌?کم|دستکم|حداقل|کم از کم"),
         ("over", r"more than|over|upwards of|بیش از|بیشتر از"),
         ("about", r"nearly|about|around|approximately|an estimated|estimated|almost|حدود|نزدیک به|تقریبا"),
         ("at_most", r"at most|up to|حداکثر")]
_QUAL_RX = [(q, re.compile(rf"(?:{rx})\s*$", re.I)) for q, rx in _QUAL]
_EN_NUM = re.compile(rf"(?<![\w.])({EN_NUMBER})(?![\w%]|\.\d|\s*%|\s+percent)", re.I)
_FA_NUM = re.compile(rf"(?<![\w.\u200c])(?!نه\s)({FA_NUMBER})(?![\w%\u200c]|\s*درصد|\s*%|\s+و\s+\S+(?:مین|م)(?!\w))")
_STATS = re.compile(r"\bin\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\s+)?(?:\d{4}|the\s+(?:first|past|last|year|month))\b|\b(?:since|during|between|from|so far|this year|last year|past year|per day|"
                    r"a total of|total|recorded|documented|registered|annual|month)\b|"
                    r"سال|ماه|تاکنون|مجموع|آمار|دست‌?کم|بیش از|در\s+فاصله", re.I)
_SOURCE = re.compile(r"according to (?:the )?([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|in))*)|"
                     r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|in))*)\s+(?:said|says|reported|recorded|estimated|documented)")


_ONE_OF = re.compile(r"\s+(?:execution|child|juvenile|woman|political|person|public|زن|کودک|نفر)", re.I)
_SCOPES = [("women", r"women|female|woman|زن"), ("juvenile", r"juvenile|child|under 18|کودک|نوجوان"),
           ("afghan", r"afghan|افغان"), ("kurd", r"kurd|کرد"), ("baluch", r"balu?ch|baloch|بلوچ"),
           ("turk", r"turk|ترک"), ("public", r"public|ملأعام|ملاءعام"),
           ("drug", r"drug|مواد مخدر"), ("murder", r"murder|قتل"), ("rape", r"rape|تجاوز"),
           ("political", r"political|protest|سیاسی|امنیتی"), ("espionage", r"espionage|جاسوسی")]
_SCOPE_RX = [(k, re.compile(rx, re.I)) for k, rx in _SCOPES]


def _scope(after: str) -> str | None:
    """What the figure counts, from the words after the number ('11 women', '5 juveniles')."""
    hits = [(m.start(), k) for k, rx in _SCOPE_RX for m in [rx.search(after)] if m]
    return min(hits)[1] if hits and min(hits)[0] < 25 else None


def _period(ctx, s) -> tuple[str | None, str | None]:
    """Start and end of the period a statistic covers: 'in 2023', 'since March 2010',
    'between A and B' (from the dates of the sentence)."""
    dates = [d for d in ctx.dates if s.start <= d.start < s.end and d.value]
    if not dates:
        return None, None
    first = dates[0]
    before = ctx.text[max(s.start, first.start - 12):first.start].lower()
    if len(dates) >= 2 and re.search(r"between|from|از", before):
        return _start_of(first.value), _end_of(dates[1].value)
    if re.search(r"since|از", before):
        return _start_of(first.value), None
    if len(first.value) == 4 and re.search(r"\bin\s+$|در\s+سال\s*$", before):
        return first.value + "-01-01", first.value + "-12-31"
    return None, None


def _start_of(v: str) -> str:
    return v + "-01-01" if len(v) == 4 else (v + "-01" if len(v) == 7 else v)


def _end_of(v: str) -> str:
    return v + "-12-31" if len(v) == 4 else v


def find_claims(ctx) -> list[dict]:
    """CLAIM items of one document."""
    out = []
    quantities = _QUANTITY_FA if ctx.language == "fa" else _QUANTITY_EN
    num_rx = _FA_NUM if ctx.language == "fa" else _EN_NUM
    last_quantity, last_para = None, -2
    for s in ctx.sentences:
        if s.index in ctx.named or _event_sentence(ctx, s):
            continue
        numbers = [m for m in num_rx.finditer(ctx.text, s.start, s.end)
                   if not any(d.start <= m.start() < d.end for d in ctx.dates)]
        if not numbers:
            continue
        quantity = next((q for q, rx in quantities if rx.search(s.text)), None)
        continuing = last_quantity and s.para - last_para <= 1 and (
            len(numbers) >= 2 or any(_COUNTED.match(ctx.text, m.end()) for m in numbers))
        if not (_STATS.search(s.text) or len(numbers) >= 3 or continuing):
            continue
        quantity = quantity or (last_quantity if continuing else None)
        if quantity is None:
            continue
        found = [c for c in (_claim(ctx, s, m, _nearest_quantity(ctx, s, m, quantities) or quantity)
                             for m in numbers) if c]
        out.extend(found)
        if found:
            last_quantity, last_para = quantity, s.para
    return out


_COUNTED = re.compile(r"\s+(?:cases|executions|people|prisoners|persons|مورد|نفر|اعدام)", re.I)


def _event_sentence(ctx, s) -> bool:
    """A report of one event (a day is named) rather than a statistic."""
    day = any(d.value and len(d.value) == 10 for d in ctx.dates if s.start <= d.start < s.end)
    return day and not re.search(r"\b(?:since|between|from|until|by)\b|از\s+(?:ابتدای|آغاز|سال)|تاکنون|در\s+فاصله", s.text)


def _nearest_quantity(ctx, s, m, quantities) -> str | None:
    """The quantity word right after the number ('92 death sentences ... 565 executions')."""
    after = ctx.text[m.end():min(s.end, m.end() + 30)]
    hits = [(rx.search(after), q) for q, rx in quantities]
    hits = [(h.start(), q) for h, q in hits if h]
    return min(hits)[1] if hits else None


def _claim(ctx, s, m, quantity) -> dict | None:
    n = value(m.group(1))
    if n is None or 1900 <= n <= 2100 or 1300 <= n <= 1410:
        return None
    if n < 2 and not _ONE_OF.match(ctx.text, m.end()):
        return None
    after = ctx.text[m.end():m.end() + 25].lower()
    if re.match(r"\s*(?:years?|months?|days?|hours?|weeks?|sections?|wards?|ساله|سال|ماه|روز|ساعت|هفته)", after):
        return None
    before = ctx.text[max(s.start, m.start() - 25):m.start()].lower()
    if re.search(r"(?:\bon|sections?|wards?|branch|units?|halls?|no\.|\bua|\bthe|under|aged?|واحد\S*|سالن\S*|بند\S*|شعبه)[\s\d,andو،]*$", before):
        return None
    if re.match(r"\s*(?:seconds?|minutes?|[- ]year|percent|%|ثانیه|دقیقه)", after):
        return None
    if re.search(r"[A-Z][a-z]+,\s*$", ctx.text[max(s.start, m.start() - 30):m.start()]) and \
            ctx.text[m.end():m.end() + 1] == ",":
        return None  # 'Nika X, 16, was killed': an age
    qualifier = next((q for q, rx in _QUAL_RX if rx.search(before)), "exactly")
    start = max(s.start, m.start() - 30)
    end = min(s.end, m.end() + 60)
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    src = _SOURCE.search(s.text)
    period = _period(ctx, s)
    return {"quantity": quantity, "value": n, "qualifier": qualifier,
            "start": period[0], "end": period[1],
            "scope": _scope(ctx.text[m.end():min(s.end, m.end() + 40)]),
            "attributed_to": (src.group(1) or src.group(2)) if src else None,
            "text": (ctx.original or ctx.text)[start:end],
            "spans": {"value": [m.start(1), m.end(1)], "text": [start, end]},
            "confidence": 0.6 if qualifier != "exactly" or src else 0.4}
