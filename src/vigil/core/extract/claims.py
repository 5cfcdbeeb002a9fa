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
_FA_NUM = re.compile(rf"(?<![\w.])({FA_NUMBER})(?![\w%]|\s*درصد|\s*%)")
_STATS = re.compile(r"\b(?:in|since|during|between|from|so far|this year|last year|past year|per day|"
                    r"a total of|total|recorded|documented|registered|annual|month)\b|"
                    r"سال|ماه|تاکنون|مجموع|آمار|دست‌?کم|بیش از|در\s+فاصله", re.I)
_SOURCE = re.compile(r"according to (?:the )?([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|in))*)|"
                     r"([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|in))*)\s+(?:said|says|reported|recorded|estimated|documented)")


def find_claims(ctx) -> list[dict]:
    """CLAIM items of one document."""
    out = []
    quantities = _QUANTITY_FA if ctx.language == "fa" else _QUANTITY_EN
    num_rx = _FA_NUM if ctx.language == "fa" else _EN_NUM
    for s in ctx.sentences:
        if not _STATS.search(s.text):
            continue
        quantity = next((q for q, rx in quantities if rx.search(s.text)), None)
        if quantity is None:
            continue
        for m in num_rx.finditer(ctx.text, s.start, s.end):
            claim = _claim(ctx, s, m, quantity)
            if claim:
                out.append(claim)
    return out


def _claim(ctx, s, m, quantity) -> dict | None:
    n = value(m.group(1))
    if n is None or n < 2 or 1900 <= n <= 2100 or 1300 <= n <= 1410:
        return None
    after = ctx.text[m.end():m.end() + 25].lower()
    if re.match(r"\s*(?:years?|months?|days?|hours?|weeks?|sections?|wards?|ساله|سال|ماه|روز|ساعت|هفته)", after):
        return None
    before = ctx.text[max(s.start, m.start() - 25):m.start()].lower()
    if re.search(r"(?:on|section|ward|branch|unit|hall|no\.|\bua)\s*$", before):
        return None
    qualifier = next((q for q, rx in _QUAL_RX if rx.search(before)), "exactly")
    start = max(s.start, m.start() - 30)
    end = min(s.end, m.end() + 60)
    src = _SOURCE.search(s.text)
    return {"quantity": quantity, "value": n, "qualifier": qualifier, "start": None, "end": None,
            "scope": None, "attributed_to": (src.group(1) or src.group(2)) if src else None,
            "text": (ctx.original or ctx.text)[start:end].strip(),
            "spans": {"value": [m.start(1), m.end(1)]}, "confidence": 0.4}
