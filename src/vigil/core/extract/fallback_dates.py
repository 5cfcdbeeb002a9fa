"""Minimal date finder used only when ``vigil.core.dates`` is unavailable.

Covers explicit Gregorian dates ("July 17, 2023", "16 February 2013", "May 2023"),
Jalali dates («۲۱ تیرماه ۱۳۹۶», «پانزدهم اردیبهشت»), Persian-spelled Gregorian dates
(«۱۹ فوریه»), weekdays and today/yesterday resolved against the publication date.
"""
from __future__ import annotations

import re
from datetime import date, timedelta


from vigil.core.extract.adapters import DateMention

try:
    from vigil.core.calendars import (gregorian_month_number, jalali_month_number,
                                      to_gregorian, to_jalali, weekday_number)
except Exception:  # noqa: BLE001
    gregorian_month_number = jalali_month_number = to_gregorian = to_jalali = None
    weekday_number = None

_EN_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
              "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_EN_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_FA_JMONTHS = ("فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|شهرویور|مهر|آبان|آذر|دی|بهمن|اسفند")
_FA_GMONTHS = "ژانویه|فوریه|مارس|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|سپتمبر|اکتبر|نوامبر|دسامبر"
_FA_DAYS = "یکشنبه|یک‌شنبه|دوشنبه|سه‌شنبه|سه شنبه|چهارشنبه|پنجشنبه|پنج‌شنبه|جمعه|شنبه"
_FA_ORD = {"اول": 1, "یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7,
           "هشتم": 8, "نهم": 9, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13,
           "چهاردهم": 14, "پانزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18,
           "نوزدهم": 19, "بیستم": 20, "بیست‌ویکم": 21, "بیست‌ودوم": 22, "بیست‌وسوم": 23,
           "بیست‌وچهارم": 24, "بیست‌وپنجم": 25, "بیست‌وششم": 26, "بیست‌وهفتم": 27,
           "بیست‌وهشتم": 28, "بیست‌ونهم": 29, "سی‌ام": 30, "سی‌ویکم": 31}
_ORD_RX = "|".join(sorted(map(re.escape, _FA_ORD), key=len, reverse=True))

_RULES = [
    ("en_mdy", rf"\b({_EN_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b"),
    ("en_dmy", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_EN_MONTHS})\.?(?:,?\s+(\d{{4}}))?\b"),
    ("en_my", rf"\b({_EN_MONTHS})\s+(\d{{4}})\b"),
    ("fa_j", rf"(\d{{1,2}}|{_ORD_RX})\s*({_FA_JMONTHS})(?:\s*ماه)?(?:\s*(?:سال\s*)?(\d{{4}}|\d{{2}}))?(?![\u0620-\u064A\u066E-\u06D3\u200c])"),
    ("fa_g", rf"(\d{{1,2}})\s*({_FA_GMONTHS})(?:\s*(\d{{4}}))?(?![\u0620-\u064A\u066E-\u06D3\u200c])"),
    ("en_rel", rf"\b(?:(last|this|previous|on)\s+)?({_EN_DAYS})\b|\b(yesterday|today|this morning)\b"),
    ("fa_rel", rf"({_FA_DAYS})|(دیروز|امروز)"),
]
_RX = [(k, re.compile(r, re.I if k.startswith("en") else 0)) for k, r in _RULES]


def _published(published):
    if not published:
        return None, None
    parts = [int(p) for p in str(published).split("-") if p.isdigit()]
    if len(parts) == 3:
        return date(*parts), parts[0]
    return None, parts[0] if parts else None


def _greg(y, m, d, pub, pub_year):
    if y is None:
        if pub_year is None:
            return None
        y = pub_year
        if pub and date(y, m, min(d, 28)) > pub + timedelta(days=2):
            y -= 1
    try:
        return date(int(y), m, d).isoformat()
    except ValueError:
        return None


def _jal(jy, jm, jd, pub, pub_year):
    if to_gregorian is None:
        return None
    if jy is not None and jy < 100:
        jy += 1300
    if jy is None:
        if pub is None:
            return None
        jy = to_jalali(pub)[0]
        try:
            if to_gregorian(jy, jm, jd) > pub + timedelta(days=2):
                jy -= 1
        except ValueError:
            return None
    try:
        return to_gregorian(jy, jm, jd).isoformat()
    except (ValueError, TypeError):
        return None


def _weekday(word, pub, strict):
    if pub is None or weekday_number is None:
        return None
    wd = weekday_number(word)
    if wd is None:
        return None
    delta = (pub.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return (pub - timedelta(days=delta)).isoformat()


def _value(kind, m, pub, pub_year):
    g = m.groups()
    if kind == "en_mdy":
        return _greg(int(g[2]) if g[2] else None, gregorian_month_number(g[0]), int(g[1]), pub, pub_year)
    if kind == "en_dmy":
        return _greg(int(g[2]) if g[2] else None, gregorian_month_number(g[1]), int(g[0]), pub, pub_year)
    if kind == "en_my":
        return f"{int(g[1]):04d}-{gregorian_month_number(g[0]):02d}"
    if kind == "fa_j":
        day = int(g[0]) if g[0].isdigit() else _FA_ORD.get(g[0])
        month = jalali_month_number(g[1].replace("شهرویور", "شهریور"))
        return _jal(int(g[2]) if g[2] else None, month, day, pub, pub_year) if month else None
    if kind == "fa_g":
        return _greg(int(g[2]) if g[2] else None, gregorian_month_number(g[1]), int(g[0]), pub, pub_year)
    if kind == "en_rel":
        if g[2]:
            return _relative(g[2].lower() == "yesterday", pub)
        return _weekday(g[1], pub, (g[0] or "").lower() in ("last", "previous"))
    if kind == "fa_rel":
        if g[1]:
            return _relative(g[1] == "دیروز", pub)
        return _weekday(g[0], pub, False)
    return None


def _relative(yesterday, pub):
    if pub is None:
        return None
    return (pub - timedelta(days=1 if yesterday else 0)).isoformat()


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Dates found in ``text``; overlapping matches keep the earlier rule."""
    if gregorian_month_number is None:
        return []
    pub, pub_year = _published(published)
    out: list[DateMention] = []
    for kind, rx in _RX:
        for m in rx.finditer(text):
            if any(m.start() < d.end and d.start < m.end() for d in out):
                continue
            try:
                value = _value(kind, m, pub, pub_year)
            except (TypeError, ValueError):
                value = None
            out.append(DateMention(m.start(), m.end(), value, m.group()))
    return sorted(out, key=lambda d: d.start)


_OFFSET_EN = re.compile(r"\b(?:(\w+)\s+(days?|years?)\s+(?:ago|earlier)|(?:the\s+day\s+before|a\s+day\s+earlier))\b", re.I)
_OFFSET_FA = re.compile(r"(?:(\d+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده)\s+(روز|سال)\s+(?:پیش|قبل)|(?<![\u0620-\u064A\u066E-\u06D3\u200c])روز\s+(?:پیش|قبل)(?![\u0620-\u064A\u066E-\u06D3\u200c]))")


def offsets_from_publication(text: str, published: str | None) -> list[DateMention]:
    """'eight years ago', 'the day before', «۴ روز پیش», «روز پیش» counted back from the
    publication date (day offsets need a full date; year offsets give a year)."""
    from vigil.core.extract.numbers import value
    if not any(k in text for k in ("ago", "earlier", "before", "پیش", "قبل")):
        return []
    pub, pub_year = _published(published)
    out = []
    for rx in (_OFFSET_EN, _OFFSET_FA):
        for m in rx.finditer(text):
            n = value(m.group(1)) if m.group(1) else 1
            unit = (m.group(2) or "day").lower()
            if n is None or n > 60:
                continue
            if unit.startswith(("year", "سال")):
                v = str(pub_year - n) if pub_year else None
            else:
                v = (pub - timedelta(days=n)).isoformat() if pub else None
            out.append(DateMention(m.start(), m.end(), v, m.group()))
    return out
