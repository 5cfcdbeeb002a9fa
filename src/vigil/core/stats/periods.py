"""Counting periods: Gregorian years and months, Iranian years and months, any date range.

The period rule (one rule for every figure):

* an event is **in** a period when its whole date range (``date_start``..``date_end``,
  i.e. the day, month or year its date names) lies inside the period;
* it is **out** when the two ranges do not overlap;
* otherwise it is **unknown** for that period: an execution dated only "2025-03" counts
  in 2025 and in March 2025, but for 2025-03-10..2025-03-20 we cannot tell, so it is
  reported beside the figure as ``uncertain`` and never added to it. Undated events are
  unknown for every bounded period (reported as ``undated``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vigil.core.calendars import iranian_year_range, jalali_month_range
from vigil.core.text import to_ascii_digits

#: Years below this are read as Iranian (Solar Hijri) years: 1403 → 2024-03-20..2025-03-20.
JALALI_YEAR_LIMIT = 1700


@dataclass(frozen=True)
class Period:
    """A closed range of Gregorian days with the label the user gave it."""

    start: date
    end: date
    label: str = ""

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def rate(self, count: float) -> float:
        """Average per day over the period."""
        return count / self.days

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "label": self.label or self.spec, "days": self.days}

    @property
    def spec(self) -> str:
        """A spec that :func:`parse_period_spec` reads back to this period."""
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def month_end(year: int, month: int) -> date:
    """Last day of a Gregorian month."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def bounds(value: str) -> tuple[date, date]:
    """First and last Gregorian day named by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Years below :data:`JALALI_YEAR_LIMIT` are Iranian: ``1403`` and ``1403-07`` (Mehr).
    Raises ``ValueError`` on anything else.
    """
    text = to_ascii_digits(value.strip()).replace("/", "-")
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not m:
        raise ValueError(f"not a date or period: {value!r}")
    y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if y < JALALI_YEAR_LIMIT:
        return _jalali_bounds(y, mo, d)
    if d:
        return date(y, mo, d), date(y, mo, d)
    if mo:
        return date(y, mo, 1), month_end(y, mo)
    return date(y, 1, 1), date(y, 12, 31)


def _jalali_bounds(y: int, mo: int | None, d: int | None) -> tuple[date, date]:
    from vigil.core.calendars import to_gregorian

    if d:
        day = to_gregorian(y, mo, d)
        return day, day
    return jalali_month_range(y, mo) if mo else iranian_year_range(y)


def parse_period_spec(spec: str | None) -> Period | None:
    """Read ``2025``, ``2025-03``, ``1403`` (Iranian year), ``1403-07``, ``2025-01-01..2025-10-15``.

    Either side of ``..`` may be partial (``2024..2025-06`` is 2024-01-01..2025-06-30) or
    empty (open). ``None``, ``""`` and ``all`` mean no period. Raises ``ValueError``.
    """
    if spec is None or spec.strip().lower() in ("", "all"):
        return None
    spec = spec.strip()
    if ".." in spec:
        a, b = (s.strip() for s in spec.split("..", 1))
        start = bounds(a)[0] if a else date(1900, 1, 1)
        end = bounds(b)[1] if b else date(2100, 12, 31)
        if end < start:
            raise ValueError(f"period ends before it starts: {spec!r}")
        return Period(start, end, spec)
    start, end = bounds(spec)
    label = f"Iranian year {spec}" if int(to_ascii_digits(spec)[:4]) < JALALI_YEAR_LIMIT else spec
    return Period(start, end, label)


def placement(start: date | None, end: date | None, period: Period | None) -> str:
    """'in', 'out' or 'unknown': where an event dated ``start``..``end`` falls (module rule)."""
    if period is None:
        return "in"
    if start is None:
        return "unknown"
    end = end or start
    if start >= period.start and end <= period.end:
        return "in"
    if end < period.start or start > period.end:
        return "out"
    return "unknown"


def year_of(day: date | None, end: date | None, calendar: str = "gregorian") -> str | None:
    """The year an event falls in, or None when its date range straddles two years."""
    if day is None:
        return None
    end = end or day
    if calendar == "iranian":
        from vigil.core.calendars import to_jalali

        a, b = to_jalali(day)[0], to_jalali(end)[0]
        return str(a) if a == b else None
    return str(day.year) if day.year == end.year else None


def month_of(day: date | None, end: date | None) -> str | None:
    """``YYYY-MM`` of an event whose date range lies within one month, else None."""
    if day is None:
        return None
    end = end or day
    return day.strftime("%Y-%m") if (day.year, day.month) == (end.year, end.month) else None
