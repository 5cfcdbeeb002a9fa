"""Small packaged prison and city gazetteer, used when ``vigil.core.gazetteer`` is absent.

Besides the listed spellings it resolves the usual generic forms: "<City> (Central)
Prison", "central prison of <City>", "<City> prisons", «زندان (مرکزی) <شهر>» to the main
prison of that city (its "<City> Central Prison" when listed, else the first one listed).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from vigil.core.extract.adapters import PlaceMention


def _rows(name: str) -> list[list[str]]:
    text = resources.files("vigil.core.data.extract").joinpath(name).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return rows[1:] if rows and rows[0][0] in ("city",) else rows


def _alts(*fields: str) -> list[str]:
    return [a.strip() for f in fields for a in f.split(";") if a.strip()]


@lru_cache(maxsize=1)
def _tables():
    prisons, cities, main = [], {}, {}
    for row in _rows("prisons_fallback.tsv"):
        row += [""] * (5 - len(row))
        canonical, en, fa, city, province = row[:5]
        prisons.append((canonical, _alts(canonical, en, fa), city, province))
        if canonical == f"{city} Central Prison" or city not in main:
            main[city] = (canonical, province)
    for row in _rows("cities.tsv"):
        row += [""] * (4 - len(row))
        city, en, fa, province = row[:4]
        cities[city] = (_alts(city, en, fa), province)
    return prisons, cities, main


def _alias_regex(aliases: list[str]) -> str:
    parts = sorted({re.escape(a).replace(r"\ ", r"[\s\u200c-]?") for a in aliases},
                   key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def _patterns():
    prisons, cities, main = _tables()
    pats = []
    for canonical, aliases, city, province in prisons:
        pats.append((re.compile(r"(?<![\w\u200c])" + _alias_regex(aliases)
                                + r"(?:\s+[Pp]rison)?(?![\w\u200c])"),
                     "prison", canonical, city, province))
    for city, (aliases, province) in cities.items():
        rx = _alias_regex(aliases)
        if city in main:
            generic = (rf"(?:[Cc]entral\s+[Pp]rison\s+of\s+(?:the\s+city\s+of\s+)?{rx}"
                       rf"|{rx}(?:['’]s)?\s+(?:[Cc]entral\s+)?[Pp]risons?(?!\w)"
                       rf"|زندان\s+(?:مرکزی\s+)?(?:شهر\s+)?{rx}(?![\u0620-\u064A\u066E-\u06D3\u200c])"
                       rf"|زندان‌های\s+{rx}(?![\u0620-\u064A\u066E-\u06D3\u200c]))")
            pats.append((re.compile(generic), "prison", main[city][0], city, main[city][1]))
        pats.append((re.compile(r"(?<![\w\u200c])" + rx + r"(?![\w\u200c])"),
                     "city", city, city, province))
    return pats


def scan(text: str) -> list[PlaceMention]:
    """Prison and city mentions, longest first where they overlap."""
    found: list[PlaceMention] = []
    for rx, kind, name, city, province in _patterns():
        for m in rx.finditer(text):
            found.append(PlaceMention(kind, name, city or None, province or None,
                                      m.start(), m.end()))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[PlaceMention] = []
    for p in found:
        if out and p.start < out[-1].end and p.end <= out[-1].end:
            if p.kind == "city" and out[-1].kind == "prison":
                continue
            if p.kind == out[-1].kind:
                continue
        out.append(p)
    return out


def city_main_prison(city: str) -> tuple[str, str] | None:
    """(prison, province) of the main prison of ``city`` in this table, or None."""
    return _tables()[2].get(city)


def city_province(city: str) -> str | None:
    """Province of a city in this table."""
    entry = _tables()[1].get(city)
    return entry[1] if entry else None
