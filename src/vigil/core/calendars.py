"""Jalali (Solar Hijri) and Gregorian calendars: conversion and word tables.

Conversion is delegated to :mod:`jdatetime`.  The tables list month and weekday words as
reports spell them (Persian script after :func:`vigil.core.text.same_length`, Latin
transliterations in lower case) so that parsers can build their patterns from one place.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import jdatetime

from .text import same_length

__all__ = [
    "to_gregorian", "to_jalali", "iranian_year_range", "jalali_month_range",
    "jalali_month_length", "JALALI_MONTHS", "GREGORIAN_MONTHS", "WEEKDAYS",
    "jalali_month_number", "gregorian_month_number", "weekday_number",
]


@lru_cache(maxsize=8192)
def to_gregorian(jy: int, jm: int, jd: int) -> date:
    """Gregorian date of Jalali ``jy/jm/jd``; raises ``ValueError`` if it does not exist."""
    return jdatetime.date(jy, jm, jd).togregorian()


@lru_cache(maxsize=8192)
def to_jalali(d: date) -> tuple[int, int, int]:
    """Jalali ``(year, month, day)`` of a Gregorian date."""
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month, j.day


def jalali_month_length(jy: int, jm: int) -> int:
    """Number of days in Jalali month ``jm`` of year ``jy`` (29-31)."""
    if jm <= 6:
        return 31
    if jm <= 11:
        return 30
    return 30 if jdatetime.date(jy, 1, 1).isleap() else 29


def jalali_month_range(jy: int, jm: int) -> tuple[date, date]:
    """First and last Gregorian day of a Jalali month."""
    return to_gregorian(jy, jm, 1), to_gregorian(jy, jm, jalali_month_length(jy, jm))


def iranian_year_range(jy: int) -> tuple[date, date]:
    """First and last Gregorian day of Iranian (Jalali) year ``jy`` (Nowruz to Nowruz)."""
    return to_gregorian(jy, 1, 1), to_gregorian(jy + 1, 1, 1) - timedelta(days=1)


# (number, Persian name, canonical transliteration, other spellings)
JALALI_MONTHS: tuple[tuple[int, str, str, tuple[str, ...]], ...] = (
    (1, "فروردین", "Farvardin", ("farwardin", "farvardeen", "farvardin")),
    (2, "اردیبهشت", "Ordibehesht",
     ("ordibehesht", "ordibehasht", "ordibahesht", "ordibeheshet", "ordibehsht",
      "urdibihisht", "ardibehesht")),
    (3, "خرداد", "Khordad", ("khordad", "khordaad", "khurdad", "xordad")),
    (4, "تیر", "Tir", ("tir", "teer")),
    (5, "مرداد", "Mordad", ("mordad", "amordad", "mordaad", "murdad", "amurdad")),
    (6, "شهریور", "Shahrivar",
     ("shahrivar", "shahrewar", "shahriwar", "shahrivar", "shahrivur", "shahrever")),
    (7, "مهر", "Mehr", ("mehr", "mihr")),
    (8, "آبان", "Aban", ("aban", "aabaan", "abaan")),
    (9, "آذر", "Azar", ("azar", "azer", "adhar", "aazar")),
    (10, "دی", "Dey", ("dey", "dei")),
    (11, "بهمن", "Bahman", ("bahman",)),
    (12, "اسفند", "Esfand", ("esfand", "isfand", "espand", "esfend")),
)

# Extra Persian spellings (after same_length): old names and frequent misspellings.
_JALALI_FA_VARIANTS = {"امرداد": 5, "شهرویور": 6, "شهريور": 6, "اسپند": 12}

GREGORIAN_MONTHS: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...] = (
    # (number, English name, English abbreviations, Persian spellings)
    (1, "January", ("jan",), ("ژانویه", "ژانویهٔ", "ژانویۀ", "جنوری", "ژانویه")),
    (2, "February", ("feb",), ("فوریه", "فبروری", "فوریهٔ", "فوریۀ")),
    (3, "March", ("mar",), ("مارس", "مارچ")),
    (4, "April", ("apr",), ("آوریل", "اپریل", "آپریل")),
    (5, "May", (), ("مه", "می", "مهٔ", "مئی")),
    (6, "June", ("jun",), ("ژوئن", "جون", "ژوین")),
    (7, "July", ("jul",), ("ژوئیه", "جولای", "ژوییه", "ژوئیهٔ", "جولای")),
    (8, "August", ("aug",), ("اوت", "آگوست", "آگست", "اگست")),
    (9, "September", ("sep", "sept"), ("سپتامبر", "سپتمبر")),
    (10, "October", ("oct",), ("اکتبر", "اکتوبر")),
    (11, "November", ("nov",), ("نوامبر", "نومبر")),
    (12, "December", ("dec",), ("دسامبر", "دسمبر")),
)

# Python weekday numbers (Monday=0); Persian with ZWNJ, space and joined variants.
WEEKDAYS: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (0, "Monday", ("mon",), ("دوشنبه", "دو شنبه", "دو\u200cشنبه")),
    (1, "Tuesday", ("tue", "tues"), ("سه\u200cشنبه", "سه شنبه", "سهشنبه", "سه\u200c شنبه")),
    (2, "Wednesday", ("wed",), ("چهارشنبه", "چهار شنبه", "چهار\u200cشنبه")),
    (3, "Thursday", ("thu", "thur", "thurs"),
     ("پنجشنبه", "پنج\u200cشنبه", "پنج شنبه")),
    (4, "Friday", ("fri",), ("جمعه", "آدینه")),
    (5, "Saturday", ("sat",), ("شنبه",)),
    (6, "Sunday", ("sun",), ("یکشنبه", "یک\u200cشنبه", "یک شنبه")),
)


def _build_lookup() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    jal: dict[str, int] = dict(_JALALI_FA_VARIANTS)
    for num, fa, en, variants in JALALI_MONTHS:
        jal[fa] = num
        jal[en.lower()] = num
        for v in variants:
            jal[v] = num
    greg: dict[str, int] = {}
    for num, en, abbrs, fas in GREGORIAN_MONTHS:
        greg[en.lower()] = num
        for v in abbrs + fas:
            greg[v] = num
    week: dict[str, int] = {}
    for num, en, abbrs, fas in WEEKDAYS:
        week[en.lower()] = num
        for v in abbrs + fas:
            week[v] = num
    return jal, greg, week


_JALALI_LOOKUP, _GREGORIAN_LOOKUP, _WEEKDAY_LOOKUP = _build_lookup()


def _key(word: str) -> str:
    w = same_length(word).strip().lower().rstrip(".")
    w = w.replace("\u200c", " ").replace("  ", " ")
    for suffix in (" ماه", "ماه"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            w = w[: -len(suffix)]
    return w


@lru_cache(maxsize=8192)
def jalali_month_number(word: str) -> int | None:
    """1-12 for a Jalali month word (Persian or Latin spelling, «ماه» suffix allowed)."""
    w = _key(word)
    return _JALALI_LOOKUP.get(w) or _JALALI_LOOKUP.get(w.replace(" ", "\u200c"))


@lru_cache(maxsize=8192)
def gregorian_month_number(word: str) -> int | None:
    """1-12 for a Gregorian month word (English name/abbreviation or Persian spelling)."""
    w = _key(word)
    return _GREGORIAN_LOOKUP.get(w)


@lru_cache(maxsize=8192)
def weekday_number(word: str) -> int | None:
    """Python weekday (Monday=0) for an English or Persian weekday word."""
    w = same_length(word).strip().lower().rstrip(".,")
    if w in _WEEKDAY_LOOKUP:
        return _WEEKDAY_LOOKUP[w]
    w = " ".join(w.replace("\u200c", " ").split())
    for key, num in _WEEKDAY_LOOKUP.items():
        if " ".join(key.replace("\u200c", " ").split()) == w:
            return num
    return None

