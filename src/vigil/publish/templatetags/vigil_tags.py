"""Template filters for the public site: Persian digits, Jalali dates, labels, query strings.

In Persian (``fa``) numbers are written with Persian digits and day-precise dates in the
Jalali calendar («۱۵ مهر ۱۴۰۳»); month- and year-precise dates keep their Gregorian month
and year (a Gregorian month spans two Jalali months) with Persian digits and month names.
"""
from __future__ import annotations

import datetime as dt

from django import template
from django.utils.timesince import timesince
from django.utils.translation import get_language

from vigil.core.calendars import GREGORIAN_MONTHS, JALALI_MONTHS, to_jalali
from vigil.core.text import to_persian_digits
from vigil.publish import labels

register = template.Library()


def _fa() -> bool:
    return (get_language() or "").startswith("fa")


@register.filter
def digits(value) -> str:
    """Any text with Persian digits in Persian, unchanged otherwise."""
    text = "" if value is None else str(value)
    return to_persian_digits(text) if _fa() else text


@register.filter
def num(value) -> str:
    """An integer with thousands separators, in the current language's digits."""
    if value in (None, ""):
        return ""
    try:
        text = f"{int(value):,}"
    except (TypeError, ValueError):
        return digits(value)
    return to_persian_digits(text.replace(",", "\u066c")) if _fa() else text


@register.filter
def pct(value) -> str:
    """A share 0..1 as a percentage (one decimal)."""
    try:
        text = f"{float(value) * 100:.1f}%"
    except (TypeError, ValueError):
        return ""
    return to_persian_digits(text.replace(".", "\u066b").replace("%", "\u066a")) if _fa() else text


def _parse(value) -> tuple[int, int | None, int | None] | None:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.year, value.month, value.day
    parts = str(value or "").split("-")
    try:
        nums = [int(p) for p in parts if p]
    except ValueError:
        return None
    if not nums:
        return None
    return nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None


@register.filter
def jdate(value) -> str:
    """A date (or 'YYYY-MM-DD' / 'YYYY-MM' / 'YYYY') for display: ISO in English; in Persian,
    Jalali for day-precise dates, Gregorian month/year with Persian names and digits otherwise."""
    parsed = _parse(value)
    if parsed is None:
        return "" if value in (None, "") else str(value)
    y, m, d = parsed
    if not _fa():
        return "-".join([f"{y:04d}"] + ([f"{m:02d}"] if m else []) + ([f"{d:02d}"] if d else []))
    if d:
        jy, jm, jd = to_jalali(dt.date(y, m, d))
        return to_persian_digits(f"{jd} {JALALI_MONTHS[jm - 1][1]} {jy}")
    if m:
        return to_persian_digits(f"{GREGORIAN_MONTHS[m - 1][3][0]} {y}")
    return to_persian_digits(str(y))


@register.filter
def since(value) -> str:
    """How long ago a date was ('3 months'), in the current language."""
    if not value:
        return ""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), tzinfo=dt.timezone.utc)
    return digits(timesince(value, depth=1))


@register.filter
def label(value, field: str) -> str:
    """The display label of a code for a field: ``{{ event.status|label:"status" }}``."""
    return labels.label(field, value)


@register.filter
def place(value) -> str:
    return labels.place(value) if value else ""


@register.simple_tag
def lang_url(request, code: str) -> str:
    """The current URL with ``lang=code`` (see QueryLanguageMiddleware)."""
    params = request.GET.copy()
    params["lang"] = code
    return request.path + "?" + params.urlencode()
