"""A :class:`Figure`: a number with its definition, grades, unknowns and the cases behind it.

:class:`RowCounter` computes figures from plain rows (one dict per status event, keys as
in :data:`ROW_KEYS`); the database layer produces identical figures with SQL.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from .filters import Filter
from .periods import month_of, placement, year_of

ROW_KEYS = ("case_id", "status", "date_start", "date_end", "grade", "charges", "sex", "age",
            "province", "prison", "city", "ethnicity", "nationality", "country", "juvenile",
            "public", "officially_announced", "published")
#: Fields whose unknown share every figure reports: the share of the counted events lacking
#: it (one event per case and status in a consistent database, so the share of cases).
UNKNOWN_FIELDS = ("date", "sex", "age", "charge", "province", "prison", "city",
                  "ethnicity", "nationality", "juvenile")
UNKNOWN = "unknown"


@dataclass
class Figure:
    """One computed figure. ``value`` counts distinct cases meeting ``filter`` in its period."""

    value: int
    definition: str
    filter: dict
    grades: list[str]
    period: dict | None = None
    rate_per_day: float | None = None
    uncertain: int = 0
    undated: int = 0
    unknown: dict[str, float] = field(default_factory=dict)
    case_ids: list[str] = field(default_factory=list)
    by: str | None = None
    groups: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Figure":
        return cls(**data)

    def group_value(self, key) -> int:
        """The count of one group (0 when absent)."""
        return next((g["value"] for g in self.groups if g["key"] == key), 0)


def definition(flt: Filter, by: str | None = None) -> str:
    """The sentence that states what a figure counts."""
    period = flt.period_obj
    text = f"Number of distinct {flt.describe()}."
    if period:
        text += (" An event counts when its whole date (day, month or year) lies in the period;"
                 " events whose date only partly overlaps it are reported as 'uncertain' and"
                 " undated events as 'undated', neither is added.")
    if by:
        text += f" Grouped by {by}; cases with no recorded {by} form the group 'unknown'."
        if by == "charge":
            text += " A case with several charges counts once under each, so groups can sum to more than the total."
    return text


def row_matches(row: dict, flt: Filter) -> bool:
    """True when a row passes every non-period part of the filter."""
    if row.get("status") != flt.status or row.get("grade") not in flt.grades:
        return False
    if flt.published_only and not row.get("published"):
        return False
    if flt.charge and flt.charge not in (row.get("charges") or []):
        return False
    for name in ("sex", "province", "prison", "city", "ethnicity", "nationality", "country"):
        wanted = getattr(flt, name)
        if wanted and (row.get(name) or "").lower() != wanted.lower():
            return False
    for name in ("juvenile", "public", "officially_announced"):
        wanted = getattr(flt, name)
        if wanted is not None and row.get(name) is not wanted:
            return False
    return True


def group_keys(row: dict, by: str) -> list:
    """The group key(s) of one row; a row with several charges has several keys."""
    if by == "charge":
        return list(row.get("charges") or []) or [UNKNOWN]
    if by == "year":
        return [year_of(row.get("date_start"), row.get("date_end")) or UNKNOWN]
    if by == "iranian_year":
        return [year_of(row.get("date_start"), row.get("date_end"), "iranian") or UNKNOWN]
    if by == "month":
        return [month_of(row.get("date_start"), row.get("date_end")) or UNKNOWN]
    value = row.get(by)
    return [UNKNOWN if value in (None, "") else value]


def is_unknown(row: dict, name: str) -> bool:
    if name == "date":
        return row.get("date_start") is None
    if name == "charge":
        return not row.get("charges")
    return row.get(name) in (None, "")


def unknown_shares(rows: list[dict]) -> dict[str, float]:
    """Share (0..1, 4 decimals) of rows lacking each field of :data:`UNKNOWN_FIELDS`."""
    if not rows:
        return {name: 0.0 for name in UNKNOWN_FIELDS}
    return {name: round(sum(is_unknown(r, name) for r in rows) / len(rows), 4) for name in UNKNOWN_FIELDS}


def sort_groups(counts: Counter) -> list[dict]:
    """Groups as ``[{'key', 'value'}]``, largest first, ``unknown`` last."""
    items = sorted(counts.items(), key=lambda kv: (kv[0] == UNKNOWN, -kv[1], str(kv[0])))
    return [{"key": k, "value": v} for k, v in items]


class RowCounter:
    """Computes figures from plain rows (tests, files, and anything without a database)."""

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def __call__(self, flt: Filter, by: str | None = None) -> Figure:
        return self.figure(flt, by)

    def figure(self, flt: Filter, by: str | None = None) -> Figure:
        period = flt.period_obj
        placed = Counter()
        counted: list[dict] = []
        for row in self.rows:
            if not row_matches(row, flt):
                continue
            where = placement(row.get("date_start"), row.get("date_end"), period)
            if where == "in":
                counted.append(row)
            elif where == "unknown":
                placed["undated" if row.get("date_start") is None else "uncertain"] += 1
        return self._figure(flt, by, counted, placed)

    def _figure(self, flt, by, rows, placed) -> Figure:
        period = flt.period_obj
        cases = {r["case_id"] for r in rows}
        groups = Counter()
        if by:
            groups = Counter(k for k, _ in {(k, r["case_id"]) for r in rows for k in group_keys(r, by)})
        return Figure(
            value=len(cases), definition=definition(flt, by), filter=flt.to_dict(), grades=list(flt.grades),
            period=period.to_dict() if period else None,
            rate_per_day=round(period.rate(len(cases)), 4) if period else None,
            uncertain=placed["uncertain"], undated=placed["undated"], unknown=unknown_shares(rows),
            case_ids=sorted(str(c) for c in cases), by=by, groups=sort_groups(groups))
