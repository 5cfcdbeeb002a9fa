"""The one place where the extractor calls the shared foundations.

``vigil.core.text``, ``vigil.core.dates`` and ``vigil.core.gazetteer`` are built by other
pieces of Vigil.  Every call goes through this module so that the rule modules see one
small, stable interface; each function has a minimal private fallback used only when the
foundation is missing or raises.
"""
from __future__ import annotations

from dataclasses import dataclass

try:  # length-preserving normalisation: spans in the output are spans in the input
    from vigil.core.text import same_length as _same_length
except Exception:  # noqa: BLE001 - foundation absent: fallback below
    _same_length = None

_FA_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_AR_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_FALLBACK_TABLE = str.maketrans(
    {**{_FA_DIGITS[i]: str(i) for i in range(10)}, **{_AR_DIGITS[i]: str(i) for i in range(10)},
     "ي": "ی", "ى": "ی", "ك": "ک", "\u00a0": " ", "\u066c": ","})


def prepare(text: str) -> str:
    """Unify Arabic letter forms and digits one-to-one (same length as ``text``)."""
    if _same_length is not None:
        try:
            out = _same_length(text)
            if len(out) == len(text):
                return out
        except Exception:  # noqa: BLE001
            pass
    return text.translate(_FALLBACK_TABLE)


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: ``value`` is YYYY-MM-DD, YYYY-MM, YYYY or None."""
    start: int
    end: int
    value: str | None
    text: str


@dataclass(frozen=True)
class PlaceMention:
    """A gazetteer hit: ``kind`` is prison, city, province, charge, ethnicity, nationality."""
    kind: str
    name: str
    city: str | None
    province: str | None
    start: int
    end: int


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Dates in ``text`` resolved against ``published`` (shared parser, else fallback)."""
    try:
        from vigil.core.dates import find_dates as shared
    except Exception:  # noqa: BLE001
        shared = None
    found = None
    if shared is not None:
        try:
            found = [_date_from_shared(d) for d in shared(text, published)]
        except Exception:  # noqa: BLE001
            found = None
    if found is None:
        from vigil.core.extract.fallback_dates import find_dates as fallback
        found = fallback(text, published)
    from vigil.core.extract.fallback_dates import offsets_from_publication
    extra = [d for d in offsets_from_publication(text, published)
             if not any(d.start < f.end and f.start < d.end for f in found)]
    return sorted(found + extra, key=lambda d: d.start)


def _date_from_shared(d) -> DateMention:
    if getattr(d, "span", None):
        start, end = d.span
    else:
        start, end = d.start, d.end
    return DateMention(int(start), int(end), getattr(d, "value", None),
                       getattr(d, "text", "") or "")


def find_places(text: str) -> list[PlaceMention]:
    """Prisons, cities and provinces named in ``text`` (shared gazetteer, else fallback)."""
    try:
        from vigil.core.gazetteer import scan
    except Exception:  # noqa: BLE001
        scan = None
    if scan is not None:
        try:
            return [_place_from_shared(m) for m in scan(text)
                    if getattr(m, "kind", None) in ("prison", "city", "province")]
        except Exception:  # noqa: BLE001
            pass
    from vigil.core.extract.fallback_places import scan as fallback
    return fallback(text)


def _place_from_shared(m) -> PlaceMention:
    entry = m.entry
    values = {}
    for key in ("name", "city", "province"):
        v = getattr(entry, key, None)
        values[key] = v() if callable(v) else v
    start, end = m.span
    city = values["city"] if m.kind != "province" else None
    return PlaceMention(m.kind, values["name"] or str(entry), city,
                        values["province"], start, end)
