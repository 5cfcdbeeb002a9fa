"""Date expressions in Persian and English reports, with precision and source span.

``find_dates(text, published)`` returns every date expression it recognises, each as a
:class:`ParsedDate` whose ``span`` indexes the ORIGINAL text (parsing runs on
:func:`vigil.core.text.same_length`, which never changes offsets).  Relative expressions
("yesterday", «سه‌شنبه», a Jalali day and month without year) are resolved against the
publication date; when that is unknown the value is ``None`` and ``ambiguous`` is set.

Conventions (see docs/text-and-dates.md):

* ``value`` is the most precise value that is certain, in Gregorian terms: ``YYYY-MM-DD``,
  ``YYYY-MM`` or ``YYYY``; a Jalali month (which straddles two Gregorian months) gets
  ``YYYY`` or ``None`` when it straddles two years; ``start``/``end`` always give the bounds.
* A weekday that contradicts an explicit date keeps the date and sets ``weekday_conflict``.
* A weekday alone is the most recent such day on or before publication ("last Thursday":
  strictly before).  A day and month without year is the most recent one on or before
  publication (two days of grace for datelines lagging the event).
* When the publication date is only a month or year, relative days are resolved against the
  latest fully explicit date earlier in the text that lies within the publication period.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from .calendars import (
    iranian_year_range, jalali_month_range, jalali_month_number, gregorian_month_number,
    to_gregorian, to_jalali, weekday_number,
)
from .date_patterns import (
    _lower, _JM_RISKY, _FA_ORDINALS, _NUM_WORDS, _NUM_FA_WORDS, _WD_BEFORE_EN,
    _WD_BEFORE_FA, _PRE_FA, _EN_M_BEFORE, _EN_MY_BEFORE, _EN_WD_BEFORE, _EN_WD_EXCLUDE,
    _FA_WD_EXCLUDE, _ORD_EXCLUDE, _FA_JM_BEFORE, _FA_GM_BEFORE, _COUNT_BEFORE, _ARREST, _P,
    _LEFT, _TRIGGERS, _TRIGGERS_LATIN, _TRIGGERS_ARABIC, _INSIDE_WORD_OK, _Y4, _RANGE_GAP,
    _RANGE_INTRO, _HAS_LATIN, _HAS_ARABIC, _RELATIVE_KINDS, _JALALI_YEAR_KINDS,
)
from .text import same_length

__all__ = ["ParsedDate", "find_dates", "parse_date", "parse_period", "JALALI_GUESS_YEARS"]

#: Jalali years tried for a weekday + day + month without year and without publication date.
JALALI_GUESS_YEARS = (1390, 1405)
_GREGORIAN_GUESS_YEARS = (2011, 2026)
_GRACE = timedelta(days=2)


@dataclass(frozen=True)
class ParsedDate:
    """One date expression found in a text."""

    value: str | None          # 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' | None (unknown)
    precision: str             # 'day' | 'week' | 'month' | 'year' | 'range'
    start: date | None
    end: date | None
    span: tuple[int, int]      # offsets in the original text
    text: str                  # the original text of the span
    calendar: str              # 'gregorian' | 'jalali' | 'relative'
    weekday_conflict: bool = False
    ambiguous: bool = False
    year_given: bool = field(default=True, repr=False, compare=False)
    parts: tuple = field(default=(), repr=False, compare=False)  # (cal, y, m, d) if known


# ---------------------------------------------------------------------------- publication

@dataclass(frozen=True)
class _Pub:
    lo: date
    hi: date
    exact: bool


def _publication(published) -> _Pub | None:
    """The publication window, or None if *published* is missing or unreadable."""
    try:
        return _parse_published(published)
    except TypeError:  # unhashable or odd input
        return None


@lru_cache(maxsize=4096)
def _parse_published(published) -> _Pub | None:
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return _Pub(published, published, True)
    s = same_length(str(published)).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s[:10])
    if not m:
        return None
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if d:
            return _Pub(date(y, mo, d), date(y, mo, d), True)
        if mo:
            return _Pub(date(y, mo, 1), _month_end(y, mo), False)
        return _Pub(date(y, 1, 1), date(y, 12, 31), False)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)



# ---------------------------------------------------------------------------- context

class _Ctx:
    """Per-call state: the texts, the publication window, anchors for relative dates."""

    def __init__(self, text: str, t: str, pub: _Pub | None):
        self.text, self.t, self.pub = text, t, pub
        self.anchors: list[tuple[int, date]] = []
        self.arrest_jy: int | None = None
        self.arrest_gy: int | None = None

    def ref(self, pos: int) -> date | None:
        """Reference day for relative expressions at offset *pos*."""
        if self.pub is None:
            return None
        if self.pub.exact:
            return self.pub.lo
        best = None
        for end, d in self.anchors:
            if end <= pos and self.pub.lo <= d <= self.pub.hi:
                best = d
        return best


# ---------------------------------------------------------------------------- builders

def _coarsest(start: date, end: date) -> str | None:
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return None


def _make(ctx: _Ctx, span, start, end, precision, calendar, *, weekday=None,
          ambiguous=False, year_given=True, parts=()) -> ParsedDate:
    value = _coarsest(start, end) if start and end else None
    conflict = bool(weekday is not None and start and start == end
                    and start.weekday() != weekday)
    return ParsedDate(value, precision, start, end, span, ctx.text[span[0]:span[1]],
                      calendar, conflict, ambiguous, year_given, parts)


def _unknown(ctx: _Ctx, span, precision, calendar, year_given=True, parts=()) -> ParsedDate:
    return ParsedDate(None, precision, None, None, span, ctx.text[span[0]:span[1]],
                      calendar, False, True, year_given, parts)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _month_end(y, m + 1).day))


def _two_digit_jalali(yy: str) -> int | None:
    """'94' -> 1394, '03' -> 1403; other two-digit numbers are not taken as years."""
    n = int(yy)
    if n >= 50:
        return 1300 + n
    if yy.startswith("0"):
        return 1400 + n
    return None


def _num(word: str) -> float | None:
    w = word.lower()
    if w.isdigit():
        return float(w)
    return _NUM_WORDS.get(w) or _NUM_FA_WORDS.get(w.replace("\u200c", ""))


def _fa_day(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _FA_ORDINALS.get(word.replace(" ", "").replace("\u200c", ""))


def _jalali_year_of(d: date) -> int:
    return to_jalali(d)[0]


# ---------------------------------------------------------------------------- resolution

def _yearless(ctx: _Ctx, build, cal: str, weekday: int | None, pos: int):
    """(date | None, ambiguous) for a day and month without a year."""
    pub = ctx.pub
    if pub is None:
        return _guess_year(ctx, build, cal, weekday)
    y0 = pub.hi.year if cal == "gregorian" else _jalali_year_of(pub.hi)
    found = []
    for y in range(y0 + 1, y0 - 6, -1):
        try:
            d = build(y)
        except ValueError:
            continue
        if d <= pub.hi + _GRACE:
            found.append(d)
            if len(found) == 2:
                break
    if not found:
        return None, True
    d = found[0]
    # ambiguous when a publication day early in the period would pick the year before,
    # unless a stated weekday fits this year and not that one
    ambiguous = d > pub.lo + _GRACE
    if ambiguous and weekday is not None and d.weekday() == weekday:
        ambiguous = len(found) > 1 and found[1].weekday() == weekday
    return d, ambiguous


def _guess_year(ctx: _Ctx, build, cal: str, weekday: int | None):
    """Without publication date: the unique year in the guess window where the weekday fits."""
    if weekday is None:
        return None, True
    lo, hi = JALALI_GUESS_YEARS if cal == "jalali" else _GREGORIAN_GUESS_YEARS
    arrest = ctx.arrest_jy if cal == "jalali" else ctx.arrest_gy
    if arrest:
        lo = max(lo, arrest + 1)
    fits = []
    for y in range(lo, hi + 1):
        try:
            d = build(y)
        except ValueError:
            continue
        if d.weekday() == weekday:
            fits.append(d)
    return (fits[0], False) if len(fits) == 1 else (None, True)


def _day_item(ctx, span, cal, y, mo, d, wd_word, year_given=True, yrel=None):
    """A day date, explicit or resolved from day+month against publication."""
    weekday = weekday_number(wd_word) if wd_word else None
    conv = (lambda yy: to_gregorian(yy, mo, d)) if cal == "jalali" else (lambda yy: date(yy, mo, d))
    ambiguous = False
    if y is None and yrel is not None:
        y = _rel_jalali_year(ctx, yrel)
        if y is None:
            return _unknown(ctx, span, "day", cal, False, (cal, None, mo, d))
    try:
        if y is not None:
            g = conv(y)
        else:
            g, ambiguous = _yearless(ctx, conv, cal, weekday, span[0])
    except ValueError:
        return None
    if g is None:
        return _unknown(ctx, span, "day", cal, year_given, (cal, y, mo, d))
    return _make(ctx, span, g, g, "day", cal, weekday=weekday, ambiguous=ambiguous,
                 year_given=year_given or yrel is not None, parts=(cal, y, mo, d))


def _rel_jalali_year(ctx: _Ctx, word: str) -> int | None:
    ref = ctx.ref(0) if ctx.pub and ctx.pub.exact else (ctx.pub.hi if ctx.pub else None)
    if ref is None:
        return None
    jy = _jalali_year_of(ref)
    return jy - 1 if any(k in word for k in ("گذشته", "قبل", "پیش")) else jy


_MOD_BOUNDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "end": (21, 31)}


def _month_item(ctx, span, cal, y, mo, mod=None, year_given=True):
    """A month (Gregorian or Jalali), optionally narrowed by early/mid/late."""
    try:
        if cal == "jalali":
            start, end = jalali_month_range(y, mo)
        else:
            start, end = date(y, mo, 1), _month_end(y, mo)
    except (ValueError, OverflowError):
        return None
    key = (mod or "").lower().split()[-1] if mod else ""
    if key in _MOD_BOUNDS and cal == "gregorian":
        a, b = _MOD_BOUNDS[key]
        start, end = date(y, mo, a), date(y, mo, min(b, end.day))
    return _make(ctx, span, start, end, "month", cal, year_given=year_given,
                 parts=(cal, y, mo, None, key))


def _yearless_month(ctx, span, cal, mo, mod, shift_words=("last", "گذشته", "پیش", "previous")):
    """Most recent month *mo* on or before publication ('last': strictly before)."""
    if ctx.pub is None:
        return _unknown(ctx, span, "month", cal, False, (cal, None, mo, None, mod))
    ref = ctx.pub.hi
    ry, rm = (ref.year, ref.month) if cal == "gregorian" else to_jalali(ref)[:2]
    mod = (mod or "").lower()
    strictly = mod in shift_words
    if mod in ("next", "آینده"):
        y = ry if mo > rm else ry + 1
    elif mod in ("this", "جاری", "امسال"):
        y = ry
    else:
        y = ry if (mo < rm or (mo == rm and not strictly)) else ry - 1
    item = _month_item(ctx, span, cal, y, mo, mod if mod in _MOD_BOUNDS else None, False)
    if item is not None and item.start > ctx.pub.lo and not strictly:
        item = replace(item, ambiguous=True)  # an early publication day would mean last year
    return item


def _bounded(ctx, span, back_min: int, back_max: int):
    """Day unknown within a month/year publication period: bounds and coarsest value."""
    if ctx.pub is None:
        return _unknown(ctx, span, "day", "relative")
    start = ctx.pub.lo - timedelta(days=back_max)
    end = ctx.pub.hi - timedelta(days=back_min)
    return _make(ctx, span, start, end, "day", "relative", ambiguous=True)


def _relative_day(ctx, span, days_back: int):
    ref = ctx.ref(span[0])
    if ref is None:
        return _bounded(ctx, span, days_back, days_back)
    d = ref - timedelta(days=days_back)
    return _make(ctx, span, d, d, "day", "relative")


def _weekday_item(ctx, span, wd: int, mod: str | None):
    """Weekday alone: most recent on/before the reference day; 'last' strictly before."""
    ref = ctx.ref(span[0])
    mod = (mod or "").lower()
    if ref is None:
        same = [d for end, d in ctx.anchors if end <= span[0] and d.weekday() == wd]
        if same and ctx.pub is None and not mod:
            # "on Wednesday" repeating an explicit "Wednesday 26 Tir" earlier in the text
            return _make(ctx, span, same[-1], same[-1], "day", "relative")
        return _bounded(ctx, span, -7, 7) if mod in ("next", "آینده") else _bounded(ctx, span, 0, 7)
    if mod in ("next", "آینده"):
        d = ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    else:
        back = (ref.weekday() - wd) % 7
        if back == 0 and mod in ("last", "previous", "past", "گذشته", "قبل", "پیش"):
            back = 7
        d = ref - timedelta(days=back)
    return _make(ctx, span, d, d, "day", "relative")


def _week_of(d: date, first_weekday: int) -> tuple[date, date]:
    start = d - timedelta(days=(d.weekday() - first_weekday) % 7)
    return start, start + timedelta(days=6)


def _unit_item(ctx, span, unit: str, shift: int, persian: bool, gregorian=True):
    """This/last week, month or year (shift 0 or -1)."""
    ref = ctx.ref(span[0]) if unit == "week" else (ctx.pub.hi if ctx.pub else None)
    if unit == "month" and ctx.pub and not ctx.pub.exact and ctx.pub.lo.month != ctx.pub.hi.month:
        ref = None
    if ref is None:
        return _unknown(ctx, span, unit, "relative")
    if unit == "week":
        start, end = _week_of(ref + timedelta(weeks=shift), 5 if persian else 0)
        return _make(ctx, span, start, end, "week", "relative")
    if unit == "month":
        if persian and not gregorian:
            jy, jm, _ = to_jalali(ref)
            jm += shift
            jy, jm = (jy - 1, 12) if jm == 0 else (jy, jm)
            return _month_item(ctx, span, "jalali", jy, jm)
        d = _add_months(ref.replace(day=1), shift)
        return _month_item(ctx, span, "gregorian", d.year, d.month)
    if persian and not gregorian:
        start, end = iranian_year_range(_jalali_year_of(ref) + shift)
        return _make(ctx, span, start, end, "year", "jalali")
    y = ref.year + shift
    return _make(ctx, span, date(y, 1, 1), date(y, 12, 31), "year", "relative")


def _ago_item(ctx, span, n: float, unit: str):
    """'N days/weeks/months/years ago' from the reference day."""
    n = int(n)
    if unit == "year":
        if ctx.pub is None:
            return _unknown(ctx, span, "year", "relative")
        y = ctx.pub.hi.year - n
        ambiguous = ctx.pub.lo.year != ctx.pub.hi.year
        return _make(ctx, span, date(y, 1, 1), date(y, 12, 31), "year", "relative",
                     ambiguous=ambiguous)
    if unit == "month":
        if ctx.pub is None or (not ctx.pub.exact and ctx.pub.lo.month != ctx.pub.hi.month):
            return _unknown(ctx, span, "month", "relative")
        d = _add_months(ctx.pub.hi.replace(day=1), -n)
        return _month_item(ctx, span, "gregorian", d.year, d.month)
    ref = ctx.ref(span[0])
    if ref is None:
        return _unknown(ctx, span, "day" if unit == "day" else "week", "relative")
    if unit == "day":
        return _relative_day(ctx, span, n)
    mid = ref - timedelta(weeks=n)
    return _make(ctx, span, mid - timedelta(days=3), mid + timedelta(days=3), "week", "relative")


def _past_n_item(ctx, span, n: float, unit: str):
    """'the past N units' as a range ending at the reference day."""
    ref = ctx.ref(span[0])
    if ref is None:
        return _unknown(ctx, span, "range", "relative")
    if unit == "day":
        start = ref - timedelta(days=int(n) - 1)
    elif unit == "week":
        start = ref - timedelta(weeks=int(n)) + timedelta(days=1)
    elif unit == "month":
        start = _add_months(ref, -int(n)) + timedelta(days=1)
    else:
        start = _add_months(ref, -12 * int(n)) + timedelta(days=1)
    return _make(ctx, span, start, ref, "range", "relative")


# ---------------------------------------------------------------------------- handlers

def _g(m: re.Match, *names):
    for n in names:
        v = m.groupdict().get(n)
        if v:
            return v
    return None


def _h_numeric(ctx, m, span, kind):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if 1200 <= y < 1600:
        return _day_item(ctx, span, "jalali", y, mo, d, None)
    if not 1800 <= y < 2200:
        return None
    if kind == "dmy_num" and d <= 12 and mo <= 12 and d != mo:
        try:
            a, b = sorted((date(y, mo, d), date(y, d, mo)))
        except ValueError:
            return None
        return ParsedDate(None, "day", a, b, span, ctx.text[span[0]:span[1]], "gregorian",
                          ambiguous=True, parts=("gregorian", y, None, None))
    if kind == "dmy_num" and mo > 12:
        d, mo = mo, d
    return _day_item(ctx, span, "gregorian", y, mo, d, None)


def _h_en_day(ctx, m, span, kind):
    word = m["m"]
    y = int(m["y"]) if m["y"] else None
    if y is None and ctx.text[m.start("m"):m.end("m")] in ("may", "march"):
        return None  # lower-case modal/verb, not a month
    mo = gregorian_month_number(word)
    return _day_item(ctx, span, "gregorian", y, mo, int(m["d"]), m["wd"], y is not None)


def _h_en_jday(ctx, m, span, kind):
    y = int(m["y"]) if m["y"] else None
    mo = jalali_month_number(m["m"])
    return _day_item(ctx, span, "jalali", y, mo, int(m["d"]), m["wd"], y is not None)


def _h_fa_jday(ctx, m, span, kind):
    d = _fa_day(m["d"])
    mo = jalali_month_number(m["m"])
    y = int(m["y"]) if m["y"] else None
    yy = _g(m, "y2", "y2b")
    if yy:
        y = _two_digit_jalali(yy)
        if y is None:
            return None
    return _day_item(ctx, span, "jalali", y, mo, d, m["wd"], y is not None, m["yrel"])


def _h_fa_gday(ctx, m, span, kind):
    d = _fa_day(m["d"])
    mo = gregorian_month_number(_g(m, "m", "m2"))
    yv = _g(m, "y", "y2")
    y = int(yv) if yv else None
    return _day_item(ctx, span, "gregorian", y, mo, d, m["wd"], y is not None)


def _h_month_year(ctx, m, span, kind):
    jal = kind in ("en_jmy", "fa_jmy")
    mo = (jalali_month_number if jal else gregorian_month_number)(m["m"])
    y = int(m["y"]) if m["y"] else _two_digit_jalali(m["y2"])
    if y is None:
        return None
    return _month_item(ctx, span, "jalali" if jal else "gregorian", y, mo, _g(m, "mid"))


def _h_month_alone(ctx, m, span, kind):
    word = _g(m, "m", "m2")
    jal = kind == "fa_jm"
    mo = (jalali_month_number if jal else gregorian_month_number)(word)
    if kind == "en_m" and ctx.text[m.start("m"):m.end("m")] == "may":
        return None
    return _yearless_month(ctx, span, "jalali" if jal else "gregorian", mo,
                           _g(m, "mod", "mod2", "mod3"))


def _h_year(ctx, m, span, kind):
    if kind in ("fa_year_j", "en_year_j"):
        yv = _g(m, "y")
        jy = int(yv) if yv else (_two_digit_jalali(m["y2"]) if kind == "fa_year_j"
                                 else int(m["y2"]))
        if jy is None:
            return None
        start, end = iranian_year_range(jy)
        return _make(ctx, span, start, end, "year", "jalali", parts=("jalali", jy, None, None))
    y = int(m["y"])
    return _make(ctx, span, date(y, 1, 1), date(y, 12, 31), "year", "gregorian",
                 parts=("gregorian", y, None, None))


_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 0, "final": 0}
_FA_ORDER = {"نخست": 1, "اول": 1, "ابتدایی": 1, "دوم": 2, "پایانی": 0, "آخر": 0}


def _h_fa_part_year(ctx, m, span, kind):
    """«شش ماه نخست سال ۱۴۰۳», «نیمه دوم سال ۲۰۲۴»: Jalali or Gregorian year parts."""
    order = _FA_ORDER[m["which"]]
    months = _num(m["n"]) if m["n"] else 6
    if not months or not 0 < months <= 12 or (m["n"] and order == 2):
        return None
    first = order == 1 if m["n"] else order != 2
    if m["cur"]:
        if ctx.pub is None:
            return _unknown(ctx, span, "range", "relative")
        shift = -1 if m["cur"] == "گذشته" else 0
        if m["greg"]:
            start, end = _first_or_last_months(ctx.pub.hi.year + shift, months, first)
            return _make(ctx, span, start, end, "range", "gregorian")
        return _jalali_part(ctx, span, _jalali_year_of(ctx.pub.hi) + shift, int(months), first)
    if m["y"]:
        start, end = _first_or_last_months(int(m["y"]), months, first)
        return _make(ctx, span, start, end, "range", "gregorian")
    return _jalali_part(ctx, span, int(m["jy"]), int(months), first)


def _jalali_part(ctx, span, jy: int, months: int, first: bool) -> ParsedDate:
    if first:
        start, end = to_gregorian(jy, 1, 1), jalali_month_range(jy, months)[1]
    else:
        start, end = jalali_month_range(jy, 13 - months)[0], iranian_year_range(jy)[1]
    return _make(ctx, span, start, end, "range", "jalali")


def _h_part_year(ctx, m, span, kind):
    """'the first half / second quarter / first six and a half months of 2025'."""
    y, order = int(m["y"]), _ORDER[m["which"]]
    if m["half"] or m["q"]:
        size = 6 if m["half"] else 3
        count = 12 // size
        idx = order or count
        if idx > count:
            return None
        start = date(y, (idx - 1) * size + 1, 1)
        end = _add_months(start, size) - timedelta(days=1)
    else:
        months = (_num(m["n"]) or 0) + (0.5 if m["andhalf"] else 0)
        if not 0 < months <= 12 or order > 1:
            return None
        start, end = _first_or_last_months(y, months, order == 1)
    return _make(ctx, span, start, end, "range", "gregorian", parts=("gregorian", y, None, None))


def _first_or_last_months(y: int, months: float, first: bool) -> tuple[date, date]:
    full, half = int(months), months - int(months)
    if first:
        end = _add_months(date(y, 1, 1), full) - timedelta(days=1)
        return date(y, 1, 1), end + timedelta(days=15) if half else end
    start = _add_months(date(y, 12, 1), 1 - full) if full else date(y, 12, 16)
    return (start - timedelta(days=15) if half and full else start), date(y, 12, 31)


_YEAR_PARTS = {"early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31))}


def _h_edge_year(ctx, m, span, kind):
    y = int(m["y"])
    if m["part"]:
        (am, ad), (bm, bd) = _YEAR_PARTS[m["part"]]
        return _make(ctx, span, date(y, am, ad), date(y, bm, bd), "range", "gregorian",
                     parts=("gregorian", y, None, None))
    edge = m["edge"]
    if edge in ("beginning", "start"):
        return _month_item(ctx, span, "gregorian", y, 1)
    if edge == "end":
        return _month_item(ctx, span, "gregorian", y, 12)
    return _make(ctx, span, date(y, 6, 1), date(y, 7, 31), "range", "gregorian",
                 parts=("gregorian", y, None, None))


_SEASONS = {"spring": ((3, 20), (6, 20)), "summer": ((6, 21), (9, 22)),
            "autumn": ((9, 23), (12, 20)), "fall": ((9, 23), (12, 20))}
_SEASON_PARTS = {"early": 0, "mid": 1, "late": 2, "اوایل": 0, "ابتدای": 0, "اول": 0,
                 "اواسط": 1, "اواخر": 2, "پایان": 2, "آخر": 2}
_FA_SEASONS = {"بهار": 1, "تابستان": 4, "پاییز": 7, "پائیز": 7, "زمستان": 10}
_SEASON_INTRO = re.compile(r"(?:(?<![a-z])(?:in|during|through|by|since|until)\s+(?:the\s+)?"
                           r"|(?<![\w\u200c])(?:در|از|تا|طی)[ \u200c]+)$")


def _gregorian_season(y: int, s: str) -> tuple[date, date]:
    """Astronomical season of Gregorian year *y* ('winter 2024': December 2023 - March 2024)."""
    if s == "winter":
        return date(y - 1, 12, 21), date(y, 3, 19)
    (am, ad), (bm, bd) = _SEASONS[s]
    return date(y, am, ad), date(y, bm, bd)


def _jalali_season(jy: int, first_month: int) -> tuple[date, date]:
    """Season of Jalali year *jy*: three whole Jalali months (winter = Dey - Esfand of *jy*)."""
    return jalali_month_range(jy, first_month)[0], jalali_month_range(jy, first_month + 2)[1]


def _season_part(bounds: tuple[date, date], mod: str | None, jalali: bool) -> tuple[date, date]:
    """'late summer', «اواخر تابستان»: the first, middle or last month of the season."""
    part = _SEASON_PARTS.get((mod or "").lower())
    if part is None:
        return bounds
    start, end = bounds
    if jalali:
        jy, jm, _ = to_jalali(start)
        return jalali_month_range(jy, jm + part)
    lo = start + timedelta(days=31 * part)
    return lo, (end if part == 2 else lo + timedelta(days=30))


def _recent_season(ctx, build, years, rel: str) -> tuple[date, date] | None:
    """The latest season (``build(year)`` -> bounds) that began on or before publication;
    'last'/«گذشته»: the latest that ended before it; 'this'/«امسال»: the publication year's."""
    if ctx.pub is None:
        return None
    ref = ctx.pub.hi
    if rel in ("this", "امسال", "جاری") or rel.endswith("جاری"):
        return build(years[1])
    if rel in ("پارسال",) or rel.startswith("سال") and not rel.endswith("جاری"):
        return build(years[2])
    past = rel in ("last", "past", "previous", "گذشته", "قبل", "پیش")
    for y in years:
        start, end = build(y)
        if (end < ref) if past else (start <= ref + _GRACE):
            return start, end
    return None


def _season_year(ctx, m, span) -> bool:
    """A season without a year needs a relative word, or 'in' / «در» before it."""
    return bool(m["y"] or _g(m, "y2", "gy", "rel")
                or _SEASON_INTRO.search(ctx.t, max(0, span[0] - 12), span[0]))


def _h_season(ctx, m, span, kind):
    """'summer 2024', 'late summer 2025', 'last winter', 'in the autumn of 2023'."""
    s = m["s"].lower()
    if not _season_year(ctx, m, span):
        return None
    if m["y"]:
        bounds = _gregorian_season(int(m["y"]), s)
    else:
        ry = ctx.pub.hi.year if ctx.pub else 0
        bounds = _recent_season(ctx, lambda y: _gregorian_season(y, s), (ry + 1, ry, ry - 1, ry - 2),
                                (m["rel"] or "").lower())
        if bounds is None:
            return _unknown(ctx, span, "range", "relative", False)
    start, end = _season_part(bounds, m["mod"], False)
    return _make(ctx, span, start, end, "range", "gregorian" if m["y"] else "relative",
                 ambiguous=s == "winter" and not m["mod"])


def _h_fa_season(ctx, m, span, kind):
    """«پاییز ۱۴۰۳», «اواخر تابستان امسال», «بهار سال گذشته», «در زمستان»: Jalali seasons
    (three whole Jalali months; a modifier narrows it to the first, middle or last month)."""
    first = _FA_SEASONS[m["s"]]
    if not _season_year(ctx, m, span):
        return None
    if m["gy"]:
        eng = {1: "spring", 4: "summer", 7: "autumn", 10: "winter"}[first]
        start, end = _season_part(_gregorian_season(int(m["gy"]), eng), _g(m, "mod"), False)
        return _make(ctx, span, start, end, "range", "gregorian")
    jy = int(m["y"]) if m["y"] else (_two_digit_jalali(m["y2"]) if m["y2"] else None)
    if jy is not None:
        bounds = _jalali_season(jy, first)
    else:
        ry = _jalali_year_of(ctx.pub.hi) if ctx.pub else 0
        rel = (m["rel"] or "").replace("\u200c", " ")
        bounds = _recent_season(ctx, lambda y: _jalali_season(y, first), (ry + 1, ry, ry - 1, ry - 2),
                                " ".join(rel.split()))
        if bounds is None:
            return _unknown(ctx, span, "range", "relative", False)
    start, end = _season_part(bounds, m["mod"], True)
    return _make(ctx, span, start, end, "range", "jalali" if jy else "relative")


def _h_rel_day(ctx, m, span, kind):
    back = 2 if m["dby"] else 1 if m["yest"] else 0
    return _relative_day(ctx, span, back)


_FA_UNIT = {"روز": "day", "هفته": "week", "ماه": "month", "سال": "year"}


def _h_ago(ctx, m, span, kind):
    u = _g(m, "u", "u2")
    unit = _FA_UNIT.get(u, u.lower())
    if kind == "fa_ago" and m["n2"]:
        a = _ago_item(ctx, (span[0], m.end("n")), float(m["n"]), unit)
        b = _ago_item(ctx, (m.start("n2"), span[1]), float(m["n2"]), unit)
        return [a, b]
    n = _num(m["n"])
    if n is None or n > 500:
        return None
    return _ago_item(ctx, span, n, unit)


def _h_rel_unit(ctx, m, span, kind):
    if kind == "fa_rel_unit":
        if m["this"]:
            return _unit_item(ctx, span, "year", 0, True, gregorian=False)
        unit = {"هفته": "week", "ماه": "month", "سال": "year"}[m["u"]]
        shift = 0 if m["mod"] == "جاری" else -1
        return _unit_item(ctx, span, unit, shift, True, gregorian=bool(m["greg"]))
    mod, unit = m["mod"].lower(), m["u"].lower()
    if mod == "past":
        return _past_n_item(ctx, span, 1, unit)
    return _unit_item(ctx, span, unit, 0 if mod == "this" else -1, False)


def _h_past_n(ctx, m, span, kind):
    n = _num(m["n"])
    unit = m["u"]
    if not n or n > 500 or not unit:
        return None  # "چند روز گذشته" (a few days) or "روزهای گذشته": vague
    return _past_n_item(ctx, span, n, _FA_UNIT.get(unit, unit.lower()))


def _h_weekday(ctx, m, span, kind):
    wd = weekday_number(m["wd"])
    if wd is None:
        return None
    return _weekday_item(ctx, span, wd, m["mod"])


_HANDLERS = {
    "iso": _h_numeric, "ymd": _h_numeric, "dmy_num": _h_numeric,
    "en_dmy": _h_en_day, "en_mdy": _h_en_day, "en_jdmy": _h_en_jday,
    "fa_jdmy": _h_fa_jday, "fa_gdmy": _h_fa_gday,
    "en_my": _h_month_year, "en_jmy": _h_month_year, "fa_jmy": _h_month_year,
    "fa_gmy": _h_month_year,
    "en_m": _h_month_alone, "fa_jm": _h_month_alone, "fa_gm": _h_month_alone,
    "en_year": _h_year, "fa_year_j": _h_year, "en_year_j": _h_year,
    "en_part_year": _h_part_year, "fa_part_year": _h_fa_part_year, "en_edge_year": _h_edge_year, "en_season": _h_season, "fa_season": _h_fa_season,
    "en_rel_day": _h_rel_day, "fa_rel_day": _h_rel_day, "en_ago": _h_ago, "fa_ago": _h_ago,
    "en_rel_unit": _h_rel_unit, "fa_rel_unit": _h_rel_unit, "en_past_n": _h_past_n, "fa_past_n": _h_past_n,
    "en_wd": _h_weekday, "fa_wd": _h_weekday,
}
assert set(_HANDLERS) == set(_P)


# ---------------------------------------------------------------------------- pipeline

class _M:
    """A regex match plus groups found in the left context (weekday, modifier)."""

    __slots__ = ("m", "extra")

    def __init__(self, m: re.Match, extra: dict):
        self.m, self.extra = m, extra

    def __getitem__(self, key):
        if key in self.extra:
            return self.extra[key]
        try:
            return self.m[key]
        except IndexError:
            return None

    def groupdict(self) -> dict:
        return {**self.m.groupdict(), **self.extra}

    def start(self, g=0) -> int:
        return self.m.start(g)

    def end(self, g=0) -> int:
        return self.m.end(g)


_NUM_BLOCK = set("0123456789/.,:-$")


def _left_free(t: str, s: int, num: bool = False) -> bool:
    """No letter, digit or ZWNJ (for numbers also no '/.,:-$') right before *s*."""
    if s == 0:
        return True
    c = t[s - 1]
    return not (c.isalnum() or c == "\u200c" or (num and c in _NUM_BLOCK))


def _before(pat: re.Pattern, t: str, s: int, width: int):
    return pat.search(t, max(0, s - width), s)


def _left(rule: str, t: str, m: re.Match):
    """Apply the left-context rule of a pattern: (start, end, extra) or None to reject."""
    s, e = m.start(), m.end()
    if not _left_free(t, s, rule in ("num", "num_wd_en", "num_wd_fa", "year")):
        return None
    extra: dict = {}
    if rule in ("num_wd_en", "word_wd_en"):
        b = _before(_WD_BEFORE_EN, t, s, 24)
        if b:
            close = re.match(r"\s*\)", t[e:e + 4]) if b["par"] else None
            if not b["par"] or close:
                s, extra["wd"] = b.start(), b["wd"]
                e += close.end() if close else 0
    elif rule == "num_wd_fa":
        if not t[s].isdigit() and _before(_ORD_EXCLUDE, t, s, 8):
            return None  # «نیمه دوم اردیبهشت»: the second half, not the 2nd
        b = _before(_WD_BEFORE_FA, t, s, 48)
        if b and b.start() < s:
            s, extra["wd"] = b.start(), b["wd"]
    elif rule == "word_my":
        b = _before(_EN_MY_BEFORE, t, s, 16)
        if b:
            s, extra["mid"] = b.start(), b["mid"]
    elif rule == "year":
        if _before(_COUNT_BEFORE, t, s, 18):
            return None
    elif rule == "fa_year":
        if t.startswith("متولد", s):
            s = m.start("y") if m["y"] else m.start("y2")
    else:
        return _left_context(rule, t, m, s, e, extra)
    return s, e, extra


def _left_context(rule, t, m, s, e, extra):
    """Rules that require (or drop matches by) the words before them."""
    if rule == "en_m":
        b = _before(_EN_M_BEFORE, t, s, 40)
        if not b:
            return None
        mod = b["mod"] or b["mod2"] or b["mod3"]
        if mod:
            extra["mod"] = mod
            s = b.start("mod") if b["mod"] else b.start()
    elif rule == "fa_jm":
        word = m["m"]
        if not word.endswith("ماه") and (word in _JM_RISKY or not _before(_FA_JM_BEFORE, t, s, 16)):
            return None
    elif rule == "fa_gm":
        if not _before(_FA_GM_BEFORE, t, s, 8):
            return None
    elif rule == "en_wd":
        if _before(_EN_WD_EXCLUDE, t, s, 12):
            return None
        b = _before(_EN_WD_BEFORE, t, s, 12)
        if b:
            s, extra["mod"] = b.start(), b["mod"]
    elif rule in ("fa_wd", "fa_pre"):
        if rule == "fa_wd" and _before(_FA_WD_EXCLUDE, t, s, 20):
            return None
        b = _before(_PRE_FA, t, s, 40)
        if b:
            s = b.start()
    return s, e, extra


def _try(kind: str, back: int, t: str, pos: int, seen: set, raw: list) -> None:
    """Match pattern *kind* at trigger position *pos*, or from a word start up to *back*
    characters before it (the leftmost match that covers the trigger wins)."""
    pat = _P[kind]
    m = None
    if back == 0:
        m = pat.match(t, pos)
    else:
        for j in range(max(0, pos - back), pos + 1):
            if j and t[j - 1].isalnum():
                continue
            m = pat.match(t, j)
            if m is not None and m.end() > pos:
                break
            m = None
    if m is None or m.end() == m.start() or (kind, m.start(), m.end()) in seen:
        return
    seen.add((kind, m.start(), m.end()))
    res = _left(_LEFT[kind], t, m)
    if res is None:
        return
    s, e, extra = res
    while e > s and t[e - 1] in " \u200c\t\n,،":
        e -= 1
    if e > s:
        raw.append((s, e, kind, _M(m, extra)))


def _continues(t: str, j: int) -> bool:
    """A Persian trigger at t[:j] is part of a longer word (but «ماه» may be attached)."""
    return j < len(t) and t[j].isalpha() and not t.startswith("ماه", j)


def _collect(t: str) -> list:
    """Candidate matches of every pattern, tried only where their trigger words occur."""
    raw: list = []
    seen: set = set()
    groups = []
    if _HAS_LATIN.search(t):
        groups.append(_TRIGGERS_LATIN)
    if _HAS_ARABIC.search(t):
        groups.append(_TRIGGERS_ARABIC)
    for triggers in groups:
        for trig, entries in triggers.items():
            inside_ok, whole = trig in _INSIDE_WORD_OK, not trig.isascii()
            i = t.find(trig)
            while i != -1:
                if (inside_ok or i == 0 or not t[i - 1].isalpha()) \
                        and not (whole and _continues(t, i + len(trig))):
                    for kind, back in entries:
                        _try(kind, back, t, i, seen, raw)
                i = t.find(trig, i + 1)
    y4 = _TRIGGERS.get("<y4>", ())
    for m in _Y4.finditer(t):
        i = m.start()
        if (i == 0 or not t[i - 1].isdigit()) and not t[i + 4:i + 5].isdigit():
            for kind, back in y4:
                _try(kind, back, t, i, seen, raw)
    return raw


def _select(raw, n: int):
    """Non-overlapping matches, longest first (earliest first on ties)."""
    occupied = bytearray(n)
    chosen = []
    for s, e, kind, m in sorted(raw, key=lambda r: (r[0] - r[1], r[0])):
        if 1 in occupied[s:e]:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        chosen.append((s, e, kind, m))
    chosen.sort(key=lambda r: r[0])
    return chosen


def _arrest_years(ctx: _Ctx, chosen) -> None:
    """Years followed by an arrest word bound the guess for year-less dates from below."""
    for s, e, kind, m in chosen:
        yv = m.groupdict().get("y") or m.groupdict().get("y2") or m.groupdict().get("y2b")
        if not yv or not _ARREST.search(ctx.t, e, e + 60):
            continue
        y = int(yv)
        if kind in _JALALI_YEAR_KINDS:
            y = _two_digit_jalali(yv) if y < 100 else y
            ctx.arrest_jy = max(ctx.arrest_jy or 0, y or 0)
        elif y >= 1800:
            ctx.arrest_gy = max(ctx.arrest_gy or 0, y)


def _resolve(ctx: _Ctx, chosen) -> list[ParsedDate]:
    items: list[ParsedDate] = []
    for relative in (False, True):
        for s, e, kind, m in chosen:
            if (kind in _RELATIVE_KINDS) != relative:
                continue
            try:
                out = _HANDLERS[kind](ctx, m, (s, e), kind)
            except (ValueError, OverflowError, TypeError):
                out = None
            for item in (out if isinstance(out, list) else [out]):
                if item is not None:
                    items.append(item)
                    if not relative and item.precision == "day" and item.start \
                            and item.start == item.end:
                        ctx.anchors.append((item.span[1], item.start))
        ctx.anchors.sort()
    items.sort(key=lambda i: i.span)
    return items


def find_dates(text: str, published: date | str | None = None) -> list[ParsedDate]:
    """Every date expression in *text*, in order, with spans in the original text.

    *published* (a ``date`` or ``'YYYY-MM-DD'``/``'YYYY-MM'``/``'YYYY'``) resolves
    relative and year-less expressions.
    """
    if not text or not isinstance(text, str):
        return []
    t = _lower(text)
    ctx = _Ctx(text, t, _publication(published))
    chosen = _select(_collect(t), len(t))
    _arrest_years(ctx, chosen)
    items = _resolve(ctx, chosen)
    return _leading_days(ctx, _merge(ctx, items))


# ---------------------------------------------------------------------------- merging

_GLUE = re.compile(r"[\s,،:\-–—]*$")


def _merge(ctx: _Ctx, items: list[ParsedDate]) -> list[ParsedDate]:
    """Fold 'today, May 19, 2023' into the explicit date; join 'from A to B' into ranges."""
    out: list[ParsedDate] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None:
            gap = ctx.t[prev.span[1]:item.span[0]]
            if (prev.calendar == "relative" and prev.precision == "day"
                    and item.calendar != "relative" and item.precision == "day"
                    and _GLUE.match(gap) and len(gap) <= 3):
                out[-1] = replace(item, span=(prev.span[0], item.span[1]),
                                  text=ctx.text[prev.span[0]:item.span[1]])
                continue
            joined = _join_range(ctx, prev, item, gap)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(item)
    return out


_NOT_A_DAY = re.compile(r"(?:sections?|wards?|units?|articles?|halls?|branch(?:es)?|no\.?|numbers?|بند|واحد|سالن|شعبه|ماده)\s*$")
_LEADING_DAY = re.compile(r"(?<![\d/.,:])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|&|,|و)\s*$")


def _leading_days(ctx: _Ctx, items: list[ParsedDate]) -> list[ParsedDate]:
    """'14 and 15 December 2016', «۲۵ و ۲۶ مرداد»: earlier days share the month."""
    out: list[ParsedDate] = []
    for item in items:
        extras: list[ParsedDate] = []
        lead = item
        while lead.precision == "day" and lead.start and lead.parts and lead.parts[3] \
                and ctx.t[lead.span[0]].isdigit():
            m = _LEADING_DAY.search(ctx.t, max(0, lead.span[0] - 12), lead.span[0])
            if m is None or _NOT_A_DAY.search(ctx.t, max(0, m.start() - 12), m.start()):
                break
            extra = _sibling_day(ctx, item, m)
            if extra is None or (out and out[-1].span[1] > extra.span[0]):
                break
            extras.insert(0, extra)
            lead = extra
        out.extend(extras)
        out.append(item)
    return out


def _sibling_day(ctx: _Ctx, item: ParsedDate, m: re.Match) -> ParsedDate | None:
    cal, mo, d = item.parts[0], item.parts[2], int(m["d"])
    year = item.start.year if cal == "gregorian" else to_jalali(item.start)[0]
    if not mo or not 0 < d < (item.parts[3] or 32):
        return None
    try:
        g = to_gregorian(year, mo, d) if cal == "jalali" else date(year, mo, d)
    except ValueError:
        return None
    return _make(ctx, m.span("d"), g, g, "day", cal, ambiguous=item.ambiguous,
                 year_given=item.year_given, parts=(cal, year, mo, d))


def _join_range(ctx: _Ctx, a: ParsedDate, b: ParsedDate, gap: str) -> ParsedDate | None:
    """'from A to B', 'between A and B', 'A – B' as one range, else None."""
    m = _RANGE_GAP.match(gap)
    if m is None or len(gap) > 12:
        return None
    connector = gap.strip().lower()
    intro = _RANGE_INTRO.search(ctx.t, max(0, a.span[0] - 16), a.span[0])
    if connector == "and" and not (intro and intro.group(0).lower().startswith(("between", "بین"))):
        return None
    a, b = _share_year(ctx, a, b)
    if a.start is None or b.end is None or not a.start < b.end or a.end == b.start == a.start:
        return None
    if a.calendar == "relative" or b.calendar == "relative":
        return None
    s = intro.start() if intro else a.span[0]
    cal = a.calendar if a.calendar == b.calendar else "gregorian"
    return _make(ctx, (s, b.span[1]), a.start, b.end, "range", cal,
                 ambiguous=a.ambiguous or b.ambiguous)


def _share_year(ctx, a: ParsedDate, b: ParsedDate) -> tuple[ParsedDate, ParsedDate]:
    """In 'January to June 2024' the first part takes the year of the second (and back)."""
    if not a.parts or not b.parts or a.parts[0] != b.parts[0]:
        return a, b
    cal = a.parts[0]
    if not a.year_given and b.year_given and b.parts[1] and a.parts[2]:
        y = b.parts[1] - (1 if a.parts[2] > (b.parts[2] or 12) else 0)
        a = _rebuild(ctx, a, y) or a
    elif a.year_given and not b.year_given and a.parts[1] and b.parts[2]:
        y = a.parts[1] + (1 if b.parts[2] < (a.parts[2] or 1) else 0)
        b = _rebuild(ctx, b, y) or b
    return a, b


def _rebuild(ctx, item: ParsedDate, y: int) -> ParsedDate | None:
    cal, _, mo, d = item.parts[:4]
    try:
        if d:
            g = to_gregorian(y, mo, d) if cal == "jalali" else date(y, mo, d)
            return _make(ctx, item.span, g, g, "day", cal, parts=(cal, y, mo, d))
        return _month_item(ctx, item.span, cal, y, mo, item.parts[4] if len(item.parts) > 4 else None)
    except ValueError:
        return None


# ---------------------------------------------------------------------------- single expressions

def parse_date(expr: str, published: date | str | None = None) -> ParsedDate | None:
    """The longest date expression in *expr* (first one on ties), or ``None``."""
    items = find_dates(expr, published)
    if not items:
        return None
    return max(items, key=lambda i: (i.span[1] - i.span[0], -i.span[0]))


_SINCE = re.compile(r"(?:since|from|starting(?:\s+in|\s+from)?|as\s+of|beginning|از(?:[ \u200c]+(?:آغاز|ابتدای|اول))?)"
                    r"\s+(?:the\s+)?$")
_UNTIL = re.compile(r"(?:until|till|up\s+to|to|by|before|through|تا)\s+(?:the\s+)?$")
_SO_FAR = re.compile(r"(?:so\s+far|to\s+date|تاکنون|تا[ \u200c]+کنون|تا[ \u200c]+به[ \u200c]+حال)")


def parse_period(expr: str, published: date | str | None = None
                 ) -> tuple[date | None, date | None] | None:
    """A period ``(start, end)`` named by *expr*, e.g. 'in 2023' -> (2023-01-01, 2023-12-31).

    'since X' and 'from X ... so far' end at publication (``None`` if unknown); 'until X'
    has no start.  Returns ``None`` when *expr* names no date.
    """
    if not expr or not isinstance(expr, str):
        return None
    items = [i for i in find_dates(expr, published) if i.start is not None]
    if not items:
        return None
    item = max(items, key=lambda i: (i.precision == "range", i.span[1] - i.span[0]))
    t = _lower(expr)
    before = t[max(0, item.span[0] - 40):item.span[0]]
    pub = _publication(published)
    if _SINCE.search(before) or _SO_FAR.search(t, item.span[1]):
        return item.start, (pub.hi if pub else None)
    if _UNTIL.search(before):
        return None, item.end
    return item.start, item.end
