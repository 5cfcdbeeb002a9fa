"""Persian words the Persian templates need: digits, Jalali dates, ordinals, weekdays.

A private helper of the generator (the project's calendar module parses dates; this
one only writes them).
"""
from __future__ import annotations

import datetime as dt

import jdatetime

DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر",
                 "آبان", "آذر", "دی", "بهمن", "اسفند")
# Monday = 0 as in datetime.weekday()
WEEKDAYS = ("دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه")
ONES = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
TEENS = ("ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده",
         "هجده", "نوزده")
TENS = ("", "ده", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")


def fa_digits(value) -> str:
    """``value`` written with Persian digits."""
    return str(value).translate(DIGITS)


def jalali(d: dt.date) -> jdatetime.date:
    """The Jalali date of a Gregorian date."""
    return jdatetime.date.fromgregorian(date=d)


def jalali_text(d: dt.date, year: bool = True, weekday: bool = False) -> str:
    """E.g. «سه‌شنبه ۲۳ آبان ۱۴۰۳» (weekday and year optional)."""
    j = jalali(d)
    text = f"{fa_digits(j.day)} {JALALI_MONTHS[j.month - 1]}"
    if year:
        text += f" {fa_digits(j.year)}"
    if weekday:
        text = f"{WEEKDAYS[d.weekday()]} {text}"
    return text


def jalali_month_span(d: dt.date) -> tuple[dt.date, dt.date]:
    """First and last Gregorian day of the Jalali month containing ``d``."""
    j = jalali(d)
    first = jdatetime.date(j.year, j.month, 1)
    nxt = jdatetime.date(j.year + (j.month == 12), j.month % 12 + 1, 1)
    return first.togregorian(), nxt.togregorian() - dt.timedelta(days=1)


def nowruz(gregorian_year: int) -> dt.date:
    """1 Farvardin of the Jalali year starting in ``gregorian_year``."""
    return jdatetime.date(gregorian_year - 621, 1, 1).togregorian()


def cardinal(n: int) -> str:
    """Persian number words for 1..199."""
    if n >= 100:
        rest = n - 100
        return "صد" + (f" و {cardinal(rest)}" if rest else "")
    if 10 <= n < 20:
        return TEENS[n - 10]
    tens, ones = divmod(n, 10)
    if tens and ones:
        return f"{TENS[tens]} و {ONES[ones]}"
    return TENS[tens] or ONES[ones]


def ordinal(n: int) -> str:
    """Persian ordinal adjective, e.g. 53 → «پنجاه و سومین»."""
    if n == 1:
        return "نخستین"
    words = cardinal(n)
    if words.endswith("سه"):
        return words[:-2] + "سومین"
    if words.endswith("سی"):
        return words + "\u200cامین"
    return words + "مین"
